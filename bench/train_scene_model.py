"""Fit the learned scene score (``sgshards.text.scene_model``) on hand-judged captions.

    pip install scikit-learn   # only this script needs it
    python bench/train_scene_model.py [--c 0.5] [--min-captions 3] [--write]

Captions judged "describes a visible scene" or not, by hand:
- the suitability samples 1-5 and 7 (bench/validity/suitability_labels.jsonl; samples 6 and 8 are held
  out: they measure the fitted score and are never fitted on);
- the captions of the validity sample ``heldout17``, whose readers judged the caption itself as a
  description of a scene (bench/validity/labels.jsonl, readers b2-b9);
- a fitting pool drawn where the score decides (``--draw``: web captions the rules keep, CC3M captions
  the rules keep with P(scene) < 0.3 under the weights of the day; bench/validity/scene_fit_labels.jsonl,
  ``fit1``: seed 1601, 450 web and 150 CC3M, readers sf1-sf4).

Each caption goes through the record chain's first steps as ``sgshards run`` would (normalised, site
labels cut, parsed) and its tokens' signals are ``scene_model.features``.  A logistic regression
(L2, ``--c``) is fitted; words seen in fewer than ``--min-captions`` captions are dropped.  The
script prints, cross-validated by sample (each sample scored by a model fitted on the others), what a
threshold on P(scene) would skip of what the rules keep, per source; ``--write`` writes the weights
fitted on all of them to sgshards/data/scene_model.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import suitability  # noqa: E402  (bench/suitability.py)
import validity  # noqa: E402  (bench/validity.py)

MODEL = HERE.parent / "sgshards" / "data" / "scene_model.json"
VALIDITY_SAMPLE = "heldout17"
VALIDITY_READERS = frozenset({f"b{k}" for k in range(2, 10)})
HELD_OUT = frozenset({6, 8})      # suitability samples that measure the fitted score, never fitted on
THRESHOLDS = (0.02, 0.05, 0.1, 0.15, 0.2)


def judged() -> list[dict]:
    """(set, source, row, caption as written, scene) of every caption judged for the fit."""
    out = [{"set": f"suitability{lab['sample']}", "source": lab["source"], "row": lab["row"],
            "caption": lab["caption"], "scene": bool(lab["scene"])}
           for lab in suitability.load_labels() if lab["sample"] not in HELD_OUT]
    out += [{"set": lab["sample"], "source": lab["source"], "row": lab["row"], "caption": lab["caption"],
             "scene": bool(lab["scene"])} for lab in suitability.load_labels(suitability.SCENE_FIT_LABELS)]
    labels = validity.load_labels()
    for name, rows in validity.source_rows(VALIDITY_SAMPLE).items():
        by_row = {key[1]: lab for key, lab in labels.items()
                  if key[0] == name and key[2] == "positive" and lab["type"] == "caption"
                  and lab["reader"] in VALIDITY_READERS}
        out += [{"set": VALIDITY_SAMPLE, "source": name, "row": r, "caption": c, "scene": bool(by_row[r]["true"])}
                for r, c in rows if r in by_row]
    return out


def gate_inputs(captions: list[str]) -> list:
    """(tokens the gate reads, the rules' reason) per caption, or None where the chain rejects it:
    normalised and parsed as ``annotate_batch`` does (``annotate.parse_descriptions``)."""
    from sgshards.annotate import parse_descriptions
    from sgshards.parse import load_parser
    from sgshards.text.normalize import normalize_caption
    from sgshards.text.suitability import caption_view, unsuitable_reason

    clean = [normalize_caption(c) for c in captions]
    parsed = parse_descriptions(load_parser(), [c for c, reason in clean if not reason])
    out = []
    for caption, reason in clean:
        doc, graph, error = parsed[caption] if not reason else (None, None, reason)
        if error is not None or not graph.objects:
            out.append(None)
            continue
        out.append((caption_view(caption, doc, graph).tokens, unsuitable_reason(caption, doc, graph, min_scene=0.0)))
    return out


def draw(seed: int, web: int, cc3m: int, below: float, exclude: tuple) -> list[dict]:
    """Captions to judge for the fit, where the score decides: ``web`` rows of the web alt-text the rules
    keep, and ``cc3m`` rows of CC3M the rules keep with P(scene) < ``below`` under today's weights (CC3M's
    captions are nearly all scenes; the few the score could skip are the informative ones), fresh as
    ``suitability.fresh_rows`` (no labelled row, no ``exclude`` sample, no caption a test quotes)."""
    from sgshards.text.scene_model import features, probability

    weights = json.loads(MODEL.read_text(encoding="utf-8"))["weights"]
    out = []
    for source, k in (("web", web), ("cc3m", cc3m)):
        picked: list = []
        rows = suitability.fresh_rows(source, seed, exclude)
        for start in range(0, len(rows), 2000):          # in random order, until k are found
            chunk = rows[start:start + 2000]
            for (r, caption), got in zip(chunk, gate_inputs([c for _, c in chunk])):
                if got is None or got[1] is not None:
                    continue
                if source == "web" or probability(weights, features(got[0])) < below:
                    picked.append((r, caption))
            if len(picked) >= k:
                break
        out += [{"seed": seed, "source": source, "row": r, "caption": c} for r, c in sorted(picked[:k])]
    return out


def fit(rows: list[dict], c: float, min_captions: int):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for r in rows for f in r["features"] if f.startswith("w="))
    keep = [{f: v for f, v in r["features"].items() if not f.startswith("w=") or seen[f] >= min_captions}
            for r in rows]
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=5000, fit_intercept=False)   # "bias" is a feature
    model.fit(vec.fit_transform(keep), [r["scene"] for r in rows])
    return {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--c", type=float, default=0.2, help="inverse L2 strength (default 0.2)")
    ap.add_argument("--min-captions", type=int, default=3, help="a word's captions to be a feature (default 3)")
    ap.add_argument("--write", action="store_true", help=f"write the weights fitted on all to {MODEL}")
    ap.add_argument("--draw", type=int, metavar="SEED",
                    help="print captions to judge for the fit (JSONL; see draw()) and exit")
    ap.add_argument("--size", type=int, nargs=2, default=(400, 150), metavar=("WEB", "CC3M"))
    ap.add_argument("--below", type=float, default=0.3, help="with --draw: CC3M captions under this P(scene)")
    ap.add_argument("--exclude", action="append", default=[], metavar="SEED:WEB:CC3M",
                    help="with --draw: leave out the rows of this suitability sample too")
    args = ap.parse_args(argv)
    if args.draw is not None:
        for row in draw(args.draw, *args.size, args.below, tuple(tuple(map(int, e.split(":"))) for e in args.exclude)):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    from sgshards.text.scene_model import features, probability

    rows = judged()
    for row, got in zip(rows, gate_inputs([r["caption"] for r in rows])):
        row["features"] = None if got is None else features(got[0])
        row["kept"] = got is not None and got[1] is None
    rows = [r for r in rows if r["features"] is not None]
    print(f"{len(rows)} judged captions ({sum(r['scene'] for r in rows)} scenes) from "
          f"{', '.join(sorted({r['set'] for r in rows}))}")
    for held in sorted({r["set"] for r in rows}):
        weights = fit([r for r in rows if r["set"] != held], args.c, args.min_captions)
        for r in rows:
            if r["set"] == held:
                r["p"] = probability(weights, r["features"])
    print("cross-validated by sample, of the captions the rules keep: no scene / scene skipped below each threshold")
    for source in ("web", "cc3m", "vg"):
        kept = [r for r in rows if r["source"] == source and r["kept"]]
        if not kept:
            continue
        cells = []
        for th in THRESHOLDS:
            skipped = [r for r in kept if r["p"] < th]
            cells.append(f"<{th}: {sum(not r['scene'] for r in skipped)}/{sum(r['scene'] for r in skipped)}")
        print(f"  {source}: {len(kept)} kept ({sum(not r['scene'] for r in kept)} no scene); " + ", ".join(cells))
    if args.write:
        weights = fit(rows, args.c, args.min_captions)
        MODEL.write_text(json.dumps({
            "about": "sgshards.text.scene_model weights, fitted by bench/train_scene_model.py "
                     f"(C={args.c}, words in >= {args.min_captions} captions) on {len(rows)} judged captions",
            "weights": dict(sorted(weights.items()))}, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {len(weights)} weights to {MODEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
