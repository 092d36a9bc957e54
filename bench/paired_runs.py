"""`sgshards run` (DirectRunner, one worker) against raw spaCy, measured in alternation.  Not a test.

    python bench/paired_runs.py [--captions N] [--pairs P] [--out bench/results]

This machine's speed drifts by tens of percent over minutes, so rates measured at different
times do not compare.  Each pair runs, back to back on one core: raw spaCy ``nlp.pipe`` with
spaCy's own code on a freshly loaded model in a fresh process (every word new to it, as in a
run), then ``sgshards run`` on the same captions.  Both are whole processes timed in CPU
seconds with the start-up (imports, model load) of a 200-caption run of the same kind
subtracted.  Reports each pair's ratio and the median.  Run it in a worker-like environment
(see pipeline_bench.py: no torch).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

from pipeline_bench import CC3M, _children_cpu, captions, rate, run_cli

RAW = """
import sys
from sgshards.parse.spacy_backend import load_spacy
nlp = load_spacy(fast_components=False)
for _ in nlp.pipe((line.rstrip("\\n") for line in open(sys.argv[1], encoding="utf-8")), batch_size=256):
    pass
"""


def run_raw(n: int) -> float:
    """CPU seconds of a fresh process running raw spaCy over n captions."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "captions.txt"
        src.write_text("".join(c + "\n" for c in captions(n)), encoding="utf-8")
        cpu = _children_cpu()
        subprocess.run(["taskset", "-c", "0", sys.executable, "-c", RAW, str(src)], check=True, capture_output=True)
        return _children_cpu() - cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--captions", type=int, default=15_833)
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results"))
    args = ap.parse_args(argv)
    if not CC3M.exists():
        print(f"{CC3M} not found", file=sys.stderr)
        return 2
    n, pairs = args.captions, []
    raw_base, run_base = run_raw(200), run_cli(200, ["--direct_num_workers", "1"], "0")[1]
    for _ in range(args.pairs):
        raw_cpu = run_raw(n) - raw_base
        run_cpu = run_cli(n, ["--direct_num_workers", "1"], "0")[1] - run_base
        pairs.append({"raw_per_cpu_s": rate(n - 200, raw_cpu), "run_per_cpu_s": rate(n - 200, run_cpu),
                      "ratio": round(raw_cpu / run_cpu, 3)})
    result = {"captions": n, "pairs": pairs, "median_ratio": round(median(p["ratio"] for p in pairs), 3)}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "paired_runs.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
