"""Print a markdown table of negative types with examples from a run's shards (for the README).

    python bench/negative_examples.py OUT_DIR [--per-type 2] [--max-chars 70]

Examples are picked deterministically: the first records in key order whose
caption is short enough, one caption per type row.
"""
from __future__ import annotations

import argparse
import sys

from sgshards.pipeline.commands.audit import iter_records
from sgshards.schemas.record import NEGATIVE_TYPES


def examples(path: str, per_type: int, max_chars: int) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {t: [] for t in NEGATIVE_TYPES}
    used: set[str] = set()
    for record in iter_records(path):
        if len(record["caption"]) > max_chars or record["caption"] in used:
            continue
        for n in record["negatives"]:
            bucket = found[n["type"]]
            if n["positive"] == 0 and len(bucket) < per_type:
                bucket.append((record["caption"], n["text"]))
                used.add(record["caption"])
                break
        if all(len(v) >= per_type for v in found.values()):
            break
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path")
    ap.add_argument("--per-type", type=int, default=2)
    ap.add_argument("--max-chars", type=int, default=70)
    args = ap.parse_args(argv)
    print("| type | caption | negative |\n| --- | --- | --- |")
    for t, pairs in examples(args.path, args.per_type, args.max_chars).items():
        for caption, negative in pairs:
            print(f"| `{t}` | {caption} | {negative} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
