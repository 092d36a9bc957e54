"""How often a per-worker parse cache would hit: repeated captions across parser batches.

    python bench/caption_repeats.py [--batch-size 256] [--out bench/results/caption_repeats.json]

``annotate_batch`` already parses each distinct description once per batch.  A cache kept by a
worker across batches would save the parses of descriptions seen in an earlier batch; this
counts them for an unbounded cache (the upper bound) and for bounded FIFO caches, over each
caption source in ../shared/data (skipped when absent), in input order as a worker sees one
shard after another.  No parsing: only normalisation and site-label cutting, as the run does.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import OrderedDict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sgshards.text.normalize import normalize_caption  # noqa: E402
from sgshards.text.site_labels import description  # noqa: E402

SHARED = REPO.parent / "shared" / "data" / "captions"
CACHE_SIZES = (1_000, 10_000, None)


def sources() -> dict:
    found = {}
    if (SHARED / "cc3m_val.tsv").exists():
        with open(SHARED / "cc3m_val.tsv", encoding="utf-8") as f:
            found["cc3m_validation"] = [line.rstrip("\n").split("\t")[0] for line in f]
    if (SHARED / "web_alt_text_10k.parquet").exists():
        import pyarrow.parquet as pq
        found["web_alt_text"] = pq.read_table(SHARED / "web_alt_text_10k.parquet").column("TEXT").to_pylist()
    return found


def parsed_descriptions(captions: list) -> list:
    out = []
    for caption in captions:
        clean, reason = normalize_caption(caption)
        if not reason:
            out.append(description(clean))
    return out


def saved_parses(descriptions: list, batch_size: int, cache_size) -> int:
    """Parses a FIFO cache of ``cache_size`` descriptions (None: unbounded) would save."""
    cache: OrderedDict = OrderedDict()
    saved = 0
    for start in range(0, len(descriptions), batch_size):
        batch = list(dict.fromkeys(descriptions[start:start + batch_size]))   # one parse per distinct
        saved += sum(d in cache for d in batch)
        for d in batch:
            cache[d] = True
            if cache_size is not None and len(cache) > cache_size:
                cache.popitem(last=False)
    return saved


def measure(captions: list, batch_size: int) -> dict:
    descriptions = parsed_descriptions(captions)
    per_batch = sum(len(set(descriptions[s:s + batch_size])) for s in range(0, len(descriptions), batch_size))
    row = {"captions": len(captions), "parsed_captions": len(descriptions),
           "distinct_descriptions": len(set(descriptions)), "parses_with_per_batch_dedupe": per_batch}
    for size in CACHE_SIZES:
        saved = saved_parses(descriptions, batch_size, size)
        row[f"hit_rate_cache_{size or 'unbounded'}"] = round(saved / max(1, len(descriptions)), 5)
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--out", default=str(REPO / "bench" / "results" / "caption_repeats.json"))
    args = ap.parse_args(argv)
    found = sources()
    if not found:
        print("no caption sources in ../shared/data: nothing measured", file=sys.stderr)
        return 0
    results = {name: measure(captions, args.batch_size) for name, captions in found.items()}
    Path(args.out).write_text(json.dumps({"batch_size": args.batch_size, "sources": results}, indent=2) + "\n")
    for name, row in results.items():
        print(name, json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
