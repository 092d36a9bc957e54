"""A hand-labelled validity benchmark: are positives true and fluent, negatives false and fluent?

    python bench/validity.py tasks DIR [--chunks N] [--sample S]  # write the texts not yet labelled
    python bench/validity.py score [--json] [--sample S]          # score the current output against the labels
    python bench/validity.py agreement                # how often a second reader agrees (second_reader.jsonl)
    python bench/validity.py report [--save]          # both samples, before (results file) and now, as Markdown

Records: fixed random samples of rows from each source in ../shared/data (CC3M validation; the
web alt-text of img2dataset's fixture), run through the record chain exactly as ``sgshards run``
would (key = dataset index, default options).  Two samples: ``tuning`` (150 rows per source, seed
15), whose labels the fixes were developed against, and ``fresh`` (60 other rows per source, seed
2026), labelled only after the fixes, to check that the numbers hold on captions nobody tuned on;
the fresh sample also holds 100 Visual Genome region descriptions (FACTUAL dev captions), a stand-in
for COCO-style captions.  Labels, one JSON line
per judged text, live in bench/validity/labels.jsonl, keyed by source, row, role, text and (for
a negative) the text it perturbs, so a label survives any change that leaves its text alone and a
changed text is listed again for labelling.  Judgements follow ../shared/eval/RUBRIC.md:
positives ``true``/``fluent``; negatives ``false``/``fluent``/``minimal``/``plausible``.
``score`` refuses to quote a number while texts of the sample are unlabelled.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "shared" / "data"
LABELS = HERE / "validity" / "labels.jsonl"
SECOND_READER = HERE / "validity" / "second_reader.jsonl"
# sample -> (seed, rows judged per source).  Each sample draws rows no earlier sample holds; the
# tuning rows are reserved in every source.  ``vg``: Visual Genome region descriptions (the captions of
# FACTUAL dev), a stand-in for COCO-style captions, which sgshards has no copy of.  ``heldout`` was
# drawn after the second round of fixes and labelled only on their output; it has more web rows because
# most web captions are skipped as no scene and judge nothing but the caption.  ``heldout2`` was drawn
# after round 5 (when the three earlier samples' errors were read by the fixers) and labelled only then.
# ``heldout13`` holds 100 VG regions again: the COCO-style stand-in measured fresh on today's code;
# ``heldout14`` was drawn at the end of the session that read heldout13, on its final code;
# ``heldout15`` at the start of the fifth 2026-12-06 session, on the output of 0fdb9b3;
# ``heldout16`` after most of that session's fixes, on the output of 4264b88;
# ``heldout17`` at the start of the 2026-12-07 session, on the output of 2200b39;
# ``heldout18`` in the second 2026-12-07 session, on the output of 83dc64c (the refitted scene score),
# with 400 web rows (about a fifth of them kept); ``heldout19`` at the start of the third 2026-12-07
# session, on the output of 31ed4ef, with the last 50 VG regions of FACTUAL dev; ``heldout21`` at the end of
# the ninth 2026-12-07 session (the run's share of scenes, physical swap ends), on the output of 987fa62.
SAMPLES = {"tuning": (15, {"cc3m": 150, "web": 150}),
           "fresh": (2026, {"cc3m": 60, "web": 60, "vg": 100}),
           "heldout": (2027, {"cc3m": 100, "web": 200}),
           "heldout2": (2028, {"cc3m": 150, "web": 250, "vg": 100}),
           "heldout3": (2029, {"cc3m": 150, "web": 250}),
           "heldout4": (2030, {"cc3m": 150, "web": 250}),
           "heldout5": (2031, {"cc3m": 150, "web": 250}),
           "heldout6": (2032, {"cc3m": 150, "web": 250}),
           "heldout7": (2033, {"cc3m": 150, "web": 250}),
           "heldout8": (2034, {"cc3m": 150, "web": 250}),
           "heldout9": (2035, {"cc3m": 150, "web": 250}),
           "heldout10": (2036, {"cc3m": 150, "web": 250}),
           "heldout11": (2037, {"cc3m": 150, "web": 250}),
           "heldout12": (2038, {"cc3m": 150, "web": 250}),
           "heldout13": (2039, {"cc3m": 150, "web": 250, "vg": 100}),
           "heldout14": (2040, {"cc3m": 150, "web": 250, "vg": 100}),
           "heldout15": (2041, {"cc3m": 150, "web": 250, "vg": 100}),
           "heldout16": (2042, {"cc3m": 150, "web": 250, "vg": 100}),
           "heldout17": (2043, {"cc3m": 150, "web": 250, "vg": 100}),
           "heldout18": (2044, {"cc3m": 150, "web": 400, "vg": 100}),
           "heldout19": (2045, {"cc3m": 150, "web": 400, "vg": 50}),
           "heldout20": (2046, {"cc3m": 150, "web": 400}),
           "heldout21": (2047, {"cc3m": 150, "web": 400})}
TUNING_ROWS = 150


def _draw(count: int, seed: int, size: int, taken: set[int]) -> list[int]:
    return [r for r in random.Random(seed).sample(range(count), size + len(taken)) if r not in taken][:size]


def all_captions(name: str) -> list:
    """Every caption of a source, in dataset order."""
    import pyarrow.parquet as pq

    if name == "cc3m":
        with open(DATA / "captions" / "cc3m_val.tsv", encoding="utf-8") as f:
            return [line.rstrip("\n").split("\t")[0] for line in f]
    if name == "web":
        return pq.read_table(DATA / "captions" / "web_alt_text_10k.parquet").column("TEXT").to_pylist()
    with open(DATA / "factual" / "dev.csv", encoding="utf-8", newline="") as f:
        return [row["caption"] for row in csv.DictReader(f)]


def source_rows(sample: str = "tuning") -> dict[str, list[tuple[int, str]]]:
    """(row, caption) of the sampled rows of each source judged in ``sample``; samples never overlap."""
    out = {}
    for name in ("cc3m", "web", "vg"):
        if name not in SAMPLES[sample][1]:
            continue
        captions = all_captions(name)
        taken: set[int] = set()
        for earlier, (seed, sizes) in SAMPLES.items():
            size = TUNING_ROWS if earlier == "tuning" else sizes.get(name, 0)
            rows = _draw(len(captions), seed, size, taken)
            if earlier == sample:
                break
            taken.update(rows)
        out[name] = [(r, captions[r]) for r in sorted(rows)]
    return out


def records(sample: str = "tuning") -> dict[str, list[dict]]:
    """The current output for the sampled rows: records (rejections are not judged).  As a run
    over the whole source would choose negatives: blind models fitted on all its captions."""
    from sgshards.annotate import AnnotateOptions, annotate_batch, item
    from sgshards.parse import load_parser
    from sgshards.pipeline.engines import blind

    parser = load_parser()
    options = AnnotateOptions()
    out = {}
    for name, rows in source_rows(sample).items():
        every = [item(r, f"{r:09d}", c) for r, c in enumerate(all_captions(name))]
        chosen = blind.with_blind(options, blind.fit_in_process(parser, every, options, 256)) \
            if blind.wants_blind(options) else options
        items = [item(r, f"{r:09d}", c) for r, c in rows]
        out[name] = [o["record"] for o in annotate_batch(parser, items, chosen) if o["record"] is not None]
    return out


def texts(name: str, record: dict) -> list[dict]:
    """Every judged text of a record, with the key its label is stored under."""
    row, positives = int(record["key"]), record["positives"]
    out = [{"source": name, "row": row, "role": "positive", "type": p["kind"], "text": p["text"],
            "perturbs": None} for p in positives]
    out += [{"source": name, "row": row, "role": "negative", "type": n["type"], "text": n["text"],
             "perturbs": positives[n["positive"]]["text"]} for n in record["negatives"]]
    return out


def label_key(t: dict) -> tuple:
    return t["source"], t["row"], t["role"], t["text"], t.get("perturbs")


def load_labels(path: Path = LABELS) -> dict[tuple, dict]:
    if not path.exists():
        return {}
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            labels[label_key(label)] = label
    return labels


def valid(label: dict) -> bool:
    if label["role"] == "positive":
        return bool(label["true"] and label["fluent"])
    return bool(label["false"] and label["fluent"] and label.get("minimal", True))


def command_tasks(directory: Path, chunks: int, sample: str) -> int:
    labels, todo = load_labels(), defaultdict(list)
    for name, recs in records(sample).items():
        for record in recs:
            pending = [t for t in texts(name, record) if label_key(t) not in labels]
            if pending:
                todo[(name, int(record["key"]))] = {"caption": record["caption"], "texts": pending}
    directory.mkdir(parents=True, exist_ok=True)
    keys = sorted(todo)
    for k in range(chunks):
        with open(directory / f"tasks_{k}.jsonl", "w", encoding="utf-8") as f:
            for key in keys[k::chunks]:
                f.write(json.dumps({"source": key[0], "row": key[1], **todo[key]}, ensure_ascii=False) + "\n")
    print(f"{sum(len(v['texts']) for v in todo.values())} texts of {len(todo)} records to label, in {chunks} file(s)")
    return 0


def command_score(as_json: bool, sample: str) -> int:
    labels = load_labels()
    report: dict = {}
    missing = 0
    for name, recs in records(sample).items():
        by_type: dict = defaultdict(lambda: [0, 0])
        plausible = [0, 0]
        for record in recs:
            for t in texts(name, record):
                label = labels.get(label_key(t))
                if label is None:
                    missing += 1
                    continue
                group = by_type[(t["role"], t["type"])]
                group[0] += valid(label)
                group[1] += 1
                if t["role"] == "negative" and "plausible" in label:
                    plausible[0] += bool(label["plausible"])
                    plausible[1] += 1
        totals = {role: [sum(v[0] for (r, _), v in by_type.items() if r == role),
                         sum(v[1] for (r, _), v in by_type.items() if r == role)] for role in ("positive", "negative")}
        generated = [sum(v[0] for (r, t), v in by_type.items() if r == "positive" and t != "caption"),
                     sum(v[1] for (r, t), v in by_type.items() if r == "positive" and t != "caption")]
        report[name] = {"records": len(recs), "skipped": sum(bool(r.get("skipped")) for r in recs),
                        "positives": totals["positive"], "subgraph_positives": generated,
                        "negatives": totals["negative"], "plausible": plausible,
                        "by_type": {f"{r}/{t}": v for (r, t), v in sorted(by_type.items())}}
    if missing:
        print(f"{missing} texts of the sample are not labelled yet: run `tasks` and label them first",
              file=sys.stderr)
    if as_json:
        print(json.dumps(report, indent=1))
    else:
        for name, r in report.items():
            pct = lambda v: f"{v[0]}/{v[1]} = {100 * v[0] / v[1]:.0f}%" if v[1] else "-"  # noqa: E731
            print(f"{name}: {r['records']} records ({r['skipped']} skipped as no scene); valid positives "
                  f"{pct(r['positives'])} (sub-graph positives {pct(r['subgraph_positives'])}); "
                  f"valid negatives {pct(r['negatives'])}; plausible negatives {pct(r['plausible'])}")
            for group, v in r["by_type"].items():
                print(f"  {group}: {pct(v)}")
    return 1 if missing else 0


SCENE_THRESHOLDS = (0.1, 0.2, 0.3, 0.5, 0.8)


def command_thresholds(samples: list[str]) -> int:
    """Validity of the sub-graph positives and negatives of records whose ``scene_score`` is at or
    above each threshold (what a stricter ``--min-scene-score``, or the loader's ``min_scene_score``,
    would keep), per source over the given samples, and the share of texts each keeps."""
    labels = load_labels()
    rows: dict = defaultdict(list)               # source -> (role, score, valid)
    missing = 0
    for sample in samples:
        for name, recs in records(sample).items():
            for record in recs:
                if record.get("skipped") or record.get("scene_score") is None:
                    continue
                for t in texts(name, record):
                    if t["type"] == "caption":
                        continue
                    label = labels.get(label_key(t))
                    if label is None:
                        missing += 1
                        continue
                    rows[name].append((t["role"], record["scene_score"], valid(label)))
    if missing:
        print(f"{missing} texts are not labelled yet: run `tasks` and label them first", file=sys.stderr)
    for name, got in rows.items():
        print(f"{name} ({', '.join(samples)}):")
        for th in SCENE_THRESHOLDS:
            cells = []
            for role in ("positive", "negative"):
                every = [v for r, _, v in got if r == role]
                kept = [v for r, score, v in got if r == role and score >= th]
                cells.append(f"{role}s {sum(kept)}/{len(kept)} = {100 * sum(kept) / max(1, len(kept)):.0f}% valid "
                             f"(keeps {100 * len(kept) / max(1, len(every)):.0f}%)")
            print(f"  scene_score >= {th}: " + "; ".join(cells))
    return 1 if missing else 0


RESULTS = HERE / "results" / "validity.json"
ROWS = [("records (skipped as no scene)", None), ("**valid positives**", "positives"),
        ("valid sub-graph positives", "subgraph_positives"), ("**valid negatives**", "negatives"),
        ("plausible negatives", "plausible")]


def score_report(sample: str) -> dict:
    """The per-source report of ``score --json`` for one sample (labels must be complete)."""
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        missing = command_score(True, sample)
    if missing:
        raise SystemExit(f"the {sample} sample has unlabelled texts: run `tasks --sample {sample}` and label them")
    return json.loads(buf.getvalue())


def markdown(before: dict, now: dict) -> str:
    """One table per sample: each source's share before the validity fixes and now."""
    def pct(v):
        return f"{v[0]}/{v[1]} = {100 * v[0] / v[1]:.0f}%" if v and v[1] else "-"

    lines = []
    for sample in now:
        b, n = before.get(sample, {}), now[sample]
        seed, sizes = SAMPLES[sample]
        sources = [src for src in sizes if src in n]
        head = {"cc3m": "CC3M", "web": "web", "vg": "VG regions"}
        rows = ", ".join(f"{head[src]} {sizes[src]}" for src in sources)
        when = before.get("commits", {}).get(sample)
        lines += [f"**{sample} sample** (rows: {rows}; seed {seed}" + (f"; before = commit {when})" if when else ")"), "",
                  "| | " + " | ".join(f"{head[s]} {w}" for s in sources for w in ("before", "now")) + " |",
                  "| --- |" + " --- |" * (2 * len(sources))]
        empty = {"records": 0, "by_type": {}}
        for label, field in ROWS:
            cells = []
            for src in sources:
                for r in (b.get(src, empty), n[src]):
                    if r is empty:
                        cells.append("-")
                    else:
                        cells.append(f"{r['records']} ({r.get('skipped', 0)})" if field is None else pct(r.get(field)))
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        groups = sorted({g for src in sources for r in (b.get(src, empty), n[src]) for g in r["by_type"]})
        for g in groups:
            cells = [pct(r["by_type"].get(g)) for src in sources for r in (b.get(src, empty), n[src])]
            lines.append(f"| {g.replace('/', ': ')} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def command_report(save: bool) -> int:
    """Every sample whose texts are all labelled; a sample with texts no one labelled since the code
    changed is named, not scored (``--save`` records it under "not_reported", never an old number)."""
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    now, stale = {}, []
    for sample in SAMPLES:
        try:
            now[sample] = score_report(sample)
        except SystemExit:
            stale.append(sample)
    print(markdown(results["before"], now))
    if stale:
        print(f"not reported, texts unlabelled (`tasks --sample S`, then label them): {', '.join(stale)}",
              file=sys.stderr)
    if save:
        results["now"], results["not_reported"] = now, stale
        RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


def two_readers(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, float]:
    """(share yes by the first reader, by the second, raw agreement, Cohen's kappa) of paired calls."""
    n = len(pairs)
    agree = sum(a == b for a, b in pairs) / n
    p1, p2 = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    chance = p1 * p2 + (1 - p1) * (1 - p2)
    return p1, p2, agree, (agree - chance) / (1 - chance) if chance < 1 else 1.0


def command_agreement() -> int:
    """Validity as judged by the first and a second, independent reader, on the texts both judged:
    raw agreement and Cohen's kappa, per role."""
    first, second = load_labels(), load_labels(SECOND_READER)
    for role in ("positive", "negative"):
        pairs = [(valid(first[k]), valid(label)) for k, label in second.items() if k in first and k[2] == role]
        if not pairs:
            continue
        p1, p2, agree, kappa = two_readers(pairs)
        print(f"{role}s: {len(pairs)} texts judged twice; valid {100 * p1:.0f}% (first reader) vs {100 * p2:.0f}% (second); "
              f"agreement {100 * agree:.0f}%, Cohen's kappa {kappa:.2f}")
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    t = sub.add_parser("tasks")
    t.add_argument("directory", type=Path)
    t.add_argument("--chunks", type=int, default=1)
    s = sub.add_parser("score")
    s.add_argument("--json", action="store_true")
    for p in (t, s):
        p.add_argument("--sample", choices=sorted(SAMPLES), default="tuning")
    sub.add_parser("agreement")
    th = sub.add_parser("thresholds", help="validity of what each stricter scene-score threshold keeps")
    th.add_argument("--samples", default="heldout14,heldout15,heldout16,heldout17,heldout18")
    r = sub.add_parser("report")
    r.add_argument("--save", action="store_true", help=f"store the current scores in {RESULTS.name}")
    args = ap.parse_args(argv)
    if args.command == "agreement":
        return command_agreement()
    if not DATA.exists():
        print(f"{DATA} not found", file=sys.stderr)
        return 2
    if args.command == "report":
        return command_report(args.save)
    if args.command == "tasks":
        return command_tasks(args.directory, args.chunks, args.sample)
    if args.command == "thresholds":
        return command_thresholds(args.samples.split(","))
    return command_score(args.json, args.sample)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
