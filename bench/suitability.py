"""How often a reader disagrees with the suitability gate (does a caption describe a visible scene?).

    python bench/suitability.py [--sample N] [--reader second] [--list] [--json]
    python bench/suitability.py --agreement        # first vs second reader on sample 2
    python bench/suitability.py --draw SEED [--size 150 100] [--exclude SEED:WEB:CC3M]   # a fresh sample

Labels: bench/validity/suitability_labels.jsonl, one line per caption of fixed random samples of 150
rows of the web alt-text and 100 of CC3M validation in ../shared/data, each judged by hand and blind
to the gate's decision (the labels were committed before the gate ran on the rows): ``scene`` true
when the caption describes what a picture shows (people, animals, objects, places, actions) in words a
person would use to describe it, false for titles of works and articles, product listings, names,
keyword lists, file names and URLs, quotes, questions, instructions and chatter, and text in other
languages; ``unsure`` marks borderline calls.  Each sample is disjoint from the earlier ones, from the
validity benchmark's rows, from the tuning rows and from captions the tests quote (``--draw``):

- sample 1 (seed 1501): scored after a first round of tuning (on rows of seed 1502); the rules changed after;
- sample 2 (seed 1503): drawn and judged after that; the rules changed after it was scored (clause-level
  statements, sentence-case titles, abstract heads, branded products: tuned on rows of seed 1504,
  300 web and 200 CC3M, ``--exclude 1504:300:200``);
- sample 3 (seed 1505): drawn and judged after those changes: unbiased for them (commit "Suitability:
  tests on real captions of each new class ..."); its misses were read, and a second round of rules
  followed (capitalised product names, noun stacks, graphics of text, launch verbs);
- sample 4 (seed 1506): drawn and judged after the second round, unbiased for it; a third round (web
  shapes) and a fourth followed (generic claims, reported speech, text addressed to the reader, site
  titles: text/claims.py);
- sample 5 (seed 1507): drawn and judged after the fourth round;
- sample 6 (seed 1508): drawn and judged on 2026-12-07 by two new readers (s6a, s6b), before the learned
  scene score (``text.scene_model``) existed and never used to fit it: **the unbiased sample of today's
  gate, and the default**;
- sample 7 (seed 1509, 300 web and 200 CC3M captions): drawn and judged the same day by four new readers
  (s7a-s7d) after the score was first fitted (unseen by that fit), then added to its fitting captions.
- sample 8 (seed 1510, 400 web and 200 CC3M captions): drawn and judged on 2026-12-07 by four new readers
  (s8a-s8d), scored unseen by the first fit of the score, then kept out of every later fit (with sample 6).
  ``--sample 4`` scores sample 4, ``--sample 0`` all of them.

A second reader judged sample 2 again, blind (``--reader second``, ``--agreement``).

Each caption runs through the record chain as ``sgshards run`` would (default options); rows the
chain rejects (no letters, no object) have no decision and are counted apart.  Per source:

- skipped but a scene: of the captions the gate skips, the share a reader calls a scene
  (target: at most 10% on web alt-text);
- scenes skipped: of the captions a reader calls a scene, the share the gate skips;
- kept but no scene: of the captions the gate keeps, the share a reader calls no scene;
- non-scenes caught: of the captions a reader calls no scene, the share the gate skips.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from validity import two_readers  # noqa: E402  (bench/validity.py)
DATA = HERE.parents[1] / "shared" / "data"
LABELS = HERE / "validity" / "suitability_labels.jsonl"
# a second, independent reader's blind judgements of sample 2 (same fields, "sample" omitted)
SECOND_READER = HERE / "validity" / "suitability_second_reader.jsonl"


def load_labels(path: Path = LABELS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def captions_of(source: str) -> list:
    if source == "cc3m":
        with open(DATA / "captions" / "cc3m_val.tsv", encoding="utf-8") as f:
            return [line.rstrip("\n").split("\t")[0] for line in f]
    import pyarrow.parquet as pq

    return pq.read_table(DATA / "captions" / "web_alt_text_10k.parquet").column("TEXT").to_pylist()


def decisions(labels: list[dict]) -> dict[tuple, object]:
    """(source, row) -> the record's ``skipped`` (None: kept), or "rejected"; rows of the samples
    are distinct.  As a run over the whole source decides: its balancing pass measures the source's
    share of scenes, which the scene score is shifted to (``text.scene_model``)."""
    from sgshards.annotate import AnnotateOptions, annotate_batch, item
    from sgshards.parse import load_parser
    from sgshards.pipeline.engines import blind

    parser = load_parser()
    out: dict[tuple, object] = {}
    for source in sorted({label["source"] for label in labels}):
        captions = captions_of(source)
        every = [item(r, f"{r:09d}", c) for r, c in enumerate(captions)]
        options = blind.with_blind(AnnotateOptions(), blind.fit_in_process(parser, every, AnnotateOptions(), 256))
        rows = [label["row"] for label in labels if label["source"] == source]
        items = [item(r, f"{r:09d}", captions[r]) for r in rows]
        for label_row, outcome in zip(rows, annotate_batch(parser, items, options)):
            record = outcome["record"]
            out[(source, label_row)] = "rejected" if record is None else record.get("skipped")
    return out


VALIDITY_LABELS = HERE / "validity" / "labels.jsonl"
SCENE_FIT_LABELS = HERE / "validity" / "scene_fit_labels.jsonl"   # bench/train_scene_model.py --draw


def draw(seed: int, web: int, cc3m: int, exclude: tuple[tuple[int, int, int], ...] = ()) -> list[dict]:
    """A fresh random sample: ``web`` rows of the web alt-text and ``cc3m`` of CC3M, drawn with
    ``random.Random(seed)``, none of the rows of the labelled samples, of the validity benchmark, of
    the samples ``exclude`` names as (seed, web, cc3m) (tuning samples, which are not committed),
    nor a caption the tests quote.
    Run it before the drawn sample is appended to the labels (which it then leaves out)."""
    out = []
    for source, k in (("web", web), ("cc3m", cc3m)):
        rows = fresh_rows(source, seed, exclude)[:k]
        out += [{"seed": seed, "source": source, "row": r, "caption": c} for r, c in sorted(rows)]
    return out


def fresh_rows(source: str, seed: int, exclude: tuple[tuple[int, int, int], ...] = ()) -> list[tuple[int, str]]:
    """(row, caption) of every row of ``source`` no label file holds, no ``exclude`` sample draws and
    no test quotes, in ``random.Random(seed)`` order."""
    import random

    taken = {(lab["source"], lab["row"]) for path in (LABELS, VALIDITY_LABELS, SCENE_FIT_LABELS)
             if path.exists() for lab in load_labels(path)}
    for other in exclude:
        taken |= {(d["source"], d["row"]) for d in draw(*other)}
    # captions the tests quote were read while the rules were written: not fresh either
    quoted = "\n".join(p.read_text(encoding="utf-8") for p in (HERE.parent / "tests").rglob("*.py"))
    captions = captions_of(source)
    return [(r, captions[r]) for r in random.Random(seed).sample(range(len(captions)), len(captions))
            if (source, r) not in taken and captions[r] and captions[r].strip()
            and not (len(captions[r].strip()) >= 10 and captions[r].strip() in quoted)]


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f}%" if b else "-"


def score(labels: list[dict], decided: dict[tuple, object]) -> dict:
    report: dict = {}
    for source in sorted({label["source"] for label in labels}, reverse=True):
        n = defaultdict(int)
        reasons: dict = defaultdict(lambda: [0, 0])          # reason -> [skipped, of them scenes]
        for label in (lab for lab in labels if lab["source"] == source):
            skipped = decided[(source, label["row"])]
            if skipped == "rejected":
                n["rejected"] += 1
                continue
            scene = bool(label["scene"])
            n["judged"] += 1
            n["scene"] += scene
            n["skipped"] += bool(skipped)
            n["skipped_scene"] += bool(skipped) and scene
            n["kept_not_scene"] += (not skipped) and not scene
            n["skipped_scene_sure"] += bool(skipped) and scene and not label.get("unsure")
            if skipped:
                reasons[skipped][0] += 1
                reasons[skipped][1] += scene
        kept = n["judged"] - n["skipped"]
        not_scene = n["judged"] - n["scene"]
        report[source] = {
            "judged": n["judged"], "rejected": n["rejected"], "skipped": n["skipped"],
            "skipped_but_scene": [n["skipped_scene"], n["skipped"]],
            "skipped_but_scene_sure": [n["skipped_scene_sure"], n["skipped"]],
            "scenes_skipped": [n["skipped_scene"], n["scene"]],
            "kept_but_no_scene": [n["kept_not_scene"], kept],
            "non_scenes_caught": [n["skipped"] - n["skipped_scene"], not_scene],
            "per_reason": {r: {"skipped": v[0], "scene": v[1]} for r, v in sorted(reasons.items())},
        }
    return report


def agreement(first: list[dict], second: list[dict]) -> None:
    """Raw agreement and Cohen's kappa of the two readers' scene calls, per source."""
    theirs = {(lab["source"], lab["row"]): bool(lab["scene"]) for lab in second}
    for source in sorted({lab["source"] for lab in first}, reverse=True):
        pairs = [(bool(lab["scene"]), theirs[(source, lab["row"])]) for lab in first
                 if lab["source"] == source and (source, lab["row"]) in theirs]
        if not pairs:
            continue
        p1, p2, agree, kappa = two_readers(pairs)
        print(f"{source}: {len(pairs)} captions judged twice; scene {100 * p1:.0f}% (first reader) vs "
              f"{100 * p2:.0f}% (second); agreement {100 * agree:.0f}%, Cohen's kappa {kappa:.2f}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="list the captions where reader and gate disagree")
    ap.add_argument("--sample", type=int, default=6,
                    help="1 to 8, or 0 for all (default: 6, never fitted on by the scene score)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--reader", choices=("first", "second"), default="first",
                    help="whose labels to score against (second: sample 2 only)")
    ap.add_argument("--agreement", action="store_true", help="agreement of the two readers on sample 2")
    ap.add_argument("--draw", type=int, metavar="SEED",
                    help="print a fresh sample to judge (JSONL, captions without decisions) and exit")
    ap.add_argument("--size", type=int, nargs=2, default=(150, 100), metavar=("WEB", "CC3M"),
                    help="rows of each source --draw takes (default 150 100)")
    ap.add_argument("--exclude", action="append", default=[], metavar="SEED:WEB:CC3M",
                    help="with --draw: leave out the rows of this earlier draw too (a tuning sample)")
    args = ap.parse_args(argv)
    if args.draw is not None:
        for row in draw(args.draw, *args.size, tuple(tuple(map(int, e.split(":"))) for e in args.exclude)):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    if args.agreement:
        agreement([lab for lab in load_labels() if lab["sample"] == 2], load_labels(SECOND_READER))
        return 0
    if not DATA.exists():
        print(f"{DATA} not found", file=sys.stderr)
        return 2
    if args.reader == "second":
        labels = load_labels(SECOND_READER)
    else:
        labels = [label for label in load_labels() if args.sample in (0, label["sample"])]
    decided = decisions(labels)
    report = score(labels, decided)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for source, r in report.items():
            print(f"{source}: {r['judged']} captions judged ({r['rejected']} rejected by the chain), "
                  f"{r['skipped']} skipped")
            print(f"  skipped but a scene: {pct(*r['skipped_but_scene'])} "
                  f"(sure calls only: {pct(*r['skipped_but_scene_sure'])})")
            print(f"  scenes skipped:      {pct(*r['scenes_skipped'])}")
            print(f"  kept but no scene:   {pct(*r['kept_but_no_scene'])}")
            print(f"  non-scenes caught:   {pct(*r['non_scenes_caught'])}")
            print("  per reason: " + ", ".join(f"{k} {v['skipped']} ({v['scene']} scenes)"
                                               for k, v in r["per_reason"].items()))
    if args.list:
        for label in labels:
            skipped = decided[(label["source"], label["row"])]
            if skipped != "rejected" and bool(skipped) == bool(label["scene"]):
                verdict = f"skipped ({skipped}), reader: scene" if skipped else "kept, reader: no scene"
                mark = "?" if label.get("unsure") else " "
                print(f"{label['source']:5} {label['row']:6} {mark} {verdict:40} {label['caption'][:110]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
