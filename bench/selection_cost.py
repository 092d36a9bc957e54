"""What plausible selection costs: `sgshards run --selection plausible` (the default) against
`--selection uniform`, whole commands, wall clock, start-up included, measured in alternation.
Not a test.

    python bench/selection_cost.py [--captions N] [--pairs P] [--workers W] [--out bench/results]

Results: bench/results/selection_cost_N.json (N captions, CC3M cycled past 15,833).

Plausible selection adds the balancing pass (the corpus n-gram model over every caption, a 5%
sample of at most 1,000 records annotated twice, the blind models fitted) and, per record, wider
candidate pools scored by the blind models.  The machine's speed drifts over minutes, so each pair
runs the two back to back (the order alternating from pair to pair) and the report gives each
pair's ratio and the median, of wall clock and of the CPU seconds of all the run's processes
(less sensitive to other load on the machine).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from statistics import median

from pipeline_bench import run_cli


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--captions", type=int, default=15833)
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    args = ap.parse_args(argv)
    engine = ["--direct_num_workers", str(args.workers), "--direct_running_mode", "multi_processing"]
    cores = ",".join(str(c) for c in range(args.workers))
    pairs = []
    for k in range(args.pairs):
        order = ("uniform", "plausible") if k % 2 == 0 else ("plausible", "uniform")
        took = {sel: run_cli(args.captions, ["--selection", sel, *engine], cores) for sel in order}
        wall, cpu = ({sel: t[k] for sel, t in took.items()} for k in (0, 1))
        pairs.append({"uniform": round(wall["uniform"], 2), "plausible": round(wall["plausible"], 2),
                      "ratio": round(wall["plausible"] / wall["uniform"], 3),
                      "cpu_uniform": round(cpu["uniform"], 2), "cpu_plausible": round(cpu["plausible"], 2),
                      "cpu_ratio": round(cpu["plausible"] / cpu["uniform"], 3)})
        print(json.dumps(pairs[-1]), flush=True)
    result = {"captions": args.captions, "workers": args.workers, "pairs": pairs,
              "median_ratio": median(p["ratio"] for p in pairs),
              "median_cpu_ratio": median(p["cpu_ratio"] for p in pairs)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"selection_cost_{args.captions}.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"median plausible/uniform wall clock: {result['median_ratio']:.3f}, "
          f"CPU seconds: {result['median_cpu_ratio']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
