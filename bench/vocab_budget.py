"""How a worker's spaCy vocabulary grows over a stream of distinct captions, held to the budget
(``parse.spacy_backend.VOCAB_BUDGET``) and not.  Not a test.

    python bench/vocab_budget.py [--budgets 100000 0 none] [--rounds 2] [--out bench/results]

The stream: every distinct caption of ../shared/data (CC3M validation, the web alt-text sample,
FACTUAL train and dev), parsed in batches of 1,024 by one ``SpacyParser``, each budget in a fresh
process, budgets alternated round by round.  Reports, every 8,192 captions, the strings in the
vocabulary beyond the model's and the process's resident size, and the seconds of the whole
stream.  A budget of 0 parses every batch in a memory zone (the worst case for speed: no word
stays known); "none" never does (spaCy's own behaviour).
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"

WORKER = """
import json, sys, time
from sgshards.parse.spacy_backend import SpacyParser
def rss():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024
captions = open(sys.argv[1], encoding="utf-8").read().split("\\n")
budget = 10 ** 12 if sys.argv[2] == "none" else int(sys.argv[2])
parser = SpacyParser(vocab_budget=budget)
base, trace, start = len(parser.nlp.vocab.strings), [], time.perf_counter()
for at in range(0, len(captions), 1024):
    parser.parse(captions[at:at + 1024])
    if (at // 1024) % 8 == 7 or at + 1024 >= len(captions):
        trace.append([min(at + 1024, len(captions)), len(parser.nlp.vocab.strings) - base, rss()])
print(json.dumps({"seconds": round(time.perf_counter() - start, 2), "trace": trace}))
"""


def stream() -> list[str]:
    found: list[str] = []
    if (SHARED / "captions" / "cc3m_val.tsv").exists():
        found += [line.split("\t", 1)[0] for line in open(SHARED / "captions" / "cc3m_val.tsv", encoding="utf-8")]
    if (SHARED / "captions" / "web_alt_text_10k.parquet").exists():
        import pyarrow.parquet as pq
        found += [t or "" for t in pq.read_table(SHARED / "captions" / "web_alt_text_10k.parquet").column("TEXT")
                  .to_pylist()]
    for split in ("train", "dev"):
        if (SHARED / "factual" / f"{split}.csv").exists():
            with open(SHARED / "factual" / f"{split}.csv", encoding="utf-8", newline="") as f:
                found += [row["caption"] for row in csv.DictReader(f)]
    clean = (" ".join(c.split()) for c in found)
    return list(dict.fromkeys(c for c in clean if c))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--budgets", nargs="+", default=["100000", "0", "none"])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = ap.parse_args(argv)
    captions = stream()
    if not captions:
        print("no captions in ../shared/data: nothing measured", file=sys.stderr)
        return 2
    runs: dict = {b: [] for b in args.budgets}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "captions.txt"
        src.write_text("\n".join(captions), encoding="utf-8")
        for r in range(args.rounds):
            for budget in (args.budgets if r % 2 == 0 else args.budgets[::-1]):
                done = subprocess.run([sys.executable, "-c", WORKER, str(src), budget], capture_output=True,
                                      text=True, check=True, cwd=tmp)
                runs[budget].append(json.loads(done.stdout.strip().splitlines()[-1]))
                last = runs[budget][-1]
                print(budget, last["seconds"], "s; strings, MiB at the end:", last["trace"][-1][1:], flush=True)
    result = {"captions": len(captions), "runs": runs}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "vocab_budget.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
