"""Whole commands as a user waits for them: ``sgshards run`` with one and two workers against raw
spaCy, wall clock, start-up included, in alternation.  Not a test.

    python bench/whole_command.py [--sizes 10000 50000] [--rounds 3] [--out bench/results] [--installed]

Captions: CC3M validation, then the web alt-text sample (../shared/data), cycled to each size
(50,000 is CC3M's 15,833 and the web's 9,999, then again).  Each round runs, back to back, in an
order that alternates between rounds: raw spaCy ``nlp.pipe`` (the same model without the
components sgshards does not use, spaCy's own code, a fresh process reading the captions from a
file), ``sgshards run`` on the DirectRunner with one worker, and with two worker processes
(``multi_processing``), every run a fresh process, ``--quiet``, a new output directory.  Reports
per size the median wall seconds, raw / one worker (speed relative to raw spaCy), one / two
workers (the gain of a second worker) and each run's peak RSS (GNU time's maximum resident set of
the largest process).  Run it alone: a concurrent job on the 2 cores distorts every number.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

from paired_runs import RAW

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "captions"


def pool() -> list:
    found = []
    if (SHARED / "cc3m_val.tsv").exists():
        with open(SHARED / "cc3m_val.tsv", encoding="utf-8") as f:
            found += [line.split("\t", 1)[0] for line in f if line.strip()]
    if (SHARED / "web_alt_text_10k.parquet").exists():
        import pyarrow.parquet as pq
        found += [t.replace("\n", " ").replace("\t", " ").strip()
                  for t in pq.read_table(SHARED / "web_alt_text_10k.parquet").column("TEXT").to_pylist() if t]
    return [c for c in found if c.strip()]


# The sgshards the runs use: this checkout (importing paired_runs puts it on PYTHONPATH; compiled
# when built in place), or with --installed the installed package, from a directory outside it.
RUN_ENV: dict = {"env": None, "cwd": None}


def use_installed() -> None:
    import os
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and Path(p).resolve() != ROOT]
    RUN_ENV["env"] = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    RUN_ENV["cwd"] = tempfile.gettempdir()


def measured_package() -> dict:
    """Where the runs import sgshards from and how many of its modules are compiled."""
    code = "import sgshards; print(sgshards.__file__); print(len(sgshards.compiled_modules()))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, **RUN_ENV).stdout
    path, compiled = out.split()
    return {"sgshards": path, "compiled_modules": int(compiled)}


def timed(command: list) -> dict:
    start = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-f", "maxrss_kb=%M", *command], capture_output=True, text=True,
                          **RUN_ENV)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    rss = int(re.findall(r"maxrss_kb=(\d+)", done.stderr)[-1])
    return {"seconds": round(seconds, 2), "peak_rss_mib": round(rss / 1024)}


def commands(src: Path, out: Path) -> dict:
    run = [sys.executable, "-m", "sgshards", "run", "--input", str(src), "--quiet"]
    return {
        "raw": [sys.executable, "-c", RAW, str(src)],
        "one": [*run, "--output", str(out / "one"), "--direct_num_workers=1"],
        "two": [*run, "--output", str(out / "two"), "--direct_num_workers=2", "--direct_running_mode=multi_processing"],
    }


def measure(size: int, rounds: int, captions: list) -> dict:
    runs: dict = {"raw": [], "one": [], "two": []}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "captions.txt"
        src.write_text("".join(captions[i % len(captions)] + "\n" for i in range(size)), encoding="utf-8")
        for r in range(rounds):
            order = ["raw", "one", "two"] if r % 2 == 0 else ["two", "one", "raw"]
            for name in order:
                out = Path(tmp) / f"out{r}"
                runs[name].append(timed(commands(src, out)[name]))
                subprocess.run(["rm", "-rf", str(out)], check=True)
    med = {k: median(x["seconds"] for x in v) for k, v in runs.items()}
    return {"captions": size, "runs": runs, "median_seconds": med,
            "one_vs_raw": round(med["raw"] / med["one"], 3), "two_vs_one": round(med["one"] / med["two"], 3)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    ap.add_argument("--installed", action="store_true",
                    help="measure the installed sgshards (pip install .), not this checkout")
    args = ap.parse_args(argv)
    if args.installed:
        use_installed()
    captions = pool()
    if not captions:
        print("no captions in ../shared/data: nothing measured", file=sys.stderr)
        return 2
    result = {"rounds": args.rounds, **measured_package(),
              "sizes": [measure(n, args.rounds, captions) for n in args.sizes]}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "whole_command.json").write_text(json.dumps(result, indent=2) + "\n")
    for s in result["sizes"]:
        print(s["captions"], json.dumps(s["median_seconds"]), "one/raw", s["one_vs_raw"], "two/one", s["two_vs_one"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
