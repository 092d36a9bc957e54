"""Build sgshards/data/lifeless_subject_verbs.txt: verbs a lifeless thing does in FACTUAL's gold graphs.

    python bench/build_lifeless_verbs.py [--shared ../shared]

A participle the parser hangs on a lifeless noun inside a phrase ("a bride in her bridal gown
putting on her earrings", "little boy in front of the camera lens eating cookies") is the doing of
the person or animal the phrase belongs to, unless lifeless things do it too ("a plate of food
sitting on the counter", "light coming from the window").  Which verbs lifeless things do is read
from the tuning rows of FACTUAL train (rows 0-19,999; later rows are held out, dev is never read):
a verb is listed when at least 2 of its gold subjects, and at least 5% of them, are lifeless (an
artifact, a natural object, a plant, food, a substance, a phenomenon or a body part by the first
WordNet sense of the subject's head: "hand holding a cup").  One lemma per line.
"""
from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "sgshards" / "data" / "lifeless_subject_verbs.txt"
TUNING_ROWS = 20_000
LIFELESS = frozenset({"artifact", "object", "plant", "food", "substance", "phenomenon", "body"})
MIN_COUNT, MIN_SHARE = 2, 0.05
_TUPLE = re.compile(r"\(([^()]*)\)")


def subject_counts(rows: list[dict]) -> tuple[Counter, Counter]:
    """Per predicate's first word: (gold subjects, lifeless gold subjects)."""
    from sgshards.lexicon.taxonomy import noun_class

    every, lifeless = Counter(), Counter()
    for row in rows:
        for inside in _TUPLE.findall(row["scene_graph"]):
            parts = [p.strip() for p in inside.split(",")]
            if len(parts) != 3 or not parts[0] or not parts[1] or parts[1] in ("is", "has", "have"):
                continue
            verb = parts[1].split()[0]
            every[verb] += 1
            lifeless[verb] += noun_class(parts[0].split()[-1]) in LIFELESS
    return every, lifeless


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    args = ap.parse_args()
    with open(args.shared / "data" / "factual" / "train.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[:TUNING_ROWS]
    every, lifeless = subject_counts(rows)
    verbs = sorted(v for v in every if lifeless[v] >= MIN_COUNT and lifeless[v] >= MIN_SHARE * every[v]
                   and re.fullmatch(r"[a-z]+", v))
    OUT.write_text("# verbs lifeless things do (bench/build_lifeless_verbs.py; FACTUAL train rows 0-19,999)\n"
                   + "".join(v + "\n" for v in verbs), encoding="utf-8")
    print(f"{len(verbs)} verbs -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
