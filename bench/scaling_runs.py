"""Two workers against one, measured in alternation, beside the machine's own two-core scaling.  Not a test.

    python bench/scaling_runs.py [--captions N] [--rounds R] [--out bench/results]

This machine's speed drifts by tens of percent over minutes, and its two vCPUs do not always
run two busy processes at full speed each, so a ratio of runs made at different times, or
one without a control, says little.  Each round runs, back to back:
  one    ``sgshards run`` on the DirectRunner, one worker, pinned to core 0
  two    the same with two worker processes (``multi_processing``) on cores 0 and 1
  machine  a fixed pure-Python CPU loop: alone on core 0, then two copies at once on cores
         0 and 1; ``2 * alone / slower of the pair`` is the most any two-process job could
         gain at that moment
For each run: captions per wall second of the whole command, and the steady rate from the
shards' completion times (every shard holds the same number of records): shards completed
after each worker's first one, over the time from the first to the last completion.  That
leaves out start-up (Beam, spaCy and the model, in every worker) and keeps everything else,
including the tail where one worker has finished its share and waits for the other (the
DirectRunner splits the shards between workers up front).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from pipeline_bench import CC3M, captions, write_tsv

SAMPLES_PER_SHARD = 1000
LOOP = "s = 0\nfor i in range(25_000_000):\n    s += i * i\n"


def run_shards(src: Path, workers: int, cores: str) -> dict:
    """Whole-command and steady rates of one ``sgshards run`` over src."""
    extra = ["--direct_num_workers", str(workers)]
    if workers > 1:
        extra += ["--direct_running_mode", "multi_processing"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cmd = ["taskset", "-c", cores, sys.executable, "-m", "sgshards.pipeline.commands.cli", "run",
               "--input", str(src), "--input-format", "tsv", "--caption-column", "0",
               "--output", str(out), "--samples-per-shard", str(SAMPLES_PER_SHARD), *extra]
        start = time.time()
        subprocess.run(cmd, check=True, capture_output=True)
        wall = time.time() - start
        done = sorted(p.stat().st_mtime for p in out.glob("*.tar"))
    steady_shards = len(done) - workers
    return {"wall_s": round(wall, 2), "captions_per_s": round(len(done) * SAMPLES_PER_SHARD / wall, 1),
            "steady_captions_per_s": round(steady_shards * SAMPLES_PER_SHARD / (done[-1] - done[0]), 1),
            "first_shard_s": round(done[0] - start, 2), "last_shard_s": round(done[-1] - start, 2)}


def run_loops(cores: list[str]) -> list[float]:
    """Wall seconds of the CPU loop, one copy per core given, all at once."""
    procs = [subprocess.Popen(["taskset", "-c", c, sys.executable, "-c",
                               f"import time\nt = time.perf_counter()\n{LOOP}print(time.perf_counter() - t)"],
                              stdout=subprocess.PIPE, text=True) for c in cores]
    return [float(p.communicate()[0]) for p in procs]


def machine_ratio() -> float:
    alone = run_loops(["0"])[0]
    return round(2 * alone / max(run_loops(["0", "1"])), 3)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--captions", type=int, default=48_000, help="a multiple of 1000 (whole shards)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "results"))
    args = ap.parse_args(argv)
    if not CC3M.exists():
        print(f"{CC3M} not found", file=sys.stderr)
        return 2
    if args.captions % SAMPLES_PER_SHARD:
        ap.error(f"--captions must be a multiple of {SAMPLES_PER_SHARD}")
    rounds = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.tsv"
        write_tsv(src, captions(args.captions))
        for _ in range(args.rounds):
            one = run_shards(src, 1, "0")
            two = run_shards(src, 2, "0,1")
            rounds.append({"one": one, "two": two, "machine_ratio": machine_ratio(),
                           "whole_ratio": round(two["captions_per_s"] / one["captions_per_s"], 3),
                           "steady_ratio": round(two["steady_captions_per_s"] / one["steady_captions_per_s"], 3)})
            print(json.dumps(rounds[-1]), flush=True)
    result = {"captions": args.captions, "samples_per_shard": SAMPLES_PER_SHARD, "cpus": os.cpu_count(),
              "rounds": rounds,
              "median": {k: median(r[k] for r in rounds) for k in ("whole_ratio", "steady_ratio", "machine_ratio")}}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "scaling_runs.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["median"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
