"""What sgshards emits, digested, so a refactor can show it changed nothing.  Not a test.

    python bench/output_digest.py OUT.json [--checkout DIR]
    python bench/output_digest.py --compare A.json B.json

Runs ``sgshards augment`` (the record chain, no Beam) from the checkout DIR (default: this
one) over every caption of CC3M validation, the web alt-text and FACTUAL train and dev
(../shared/data), under two option sets (the defaults; many positives and negatives with
another seed), plus ``sgshards eval-parser`` on FACTUAL dev.  OUT.json holds one sha256
per output line (records and rejections, scene graphs included), a digest per source and
option set, and the FACTUAL scores; ``--compare`` lists the first lines that differ.
"""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
OPTION_SETS = {"default": [], "many": ["--max-positives", "10", "--max-negatives", "20", "--seed", "7"]}


def sources() -> dict[str, list[str]]:
    import pyarrow.parquet as pq

    with open(DATA / "captions" / "cc3m_val.tsv", encoding="utf-8") as f:
        cc3m = [line.rstrip("\n").split("\t")[0] for line in f]
    web = [t or "" for t in pq.read_table(DATA / "captions" / "web_alt_text_10k.parquet").column("TEXT").to_pylist()]
    factual = []
    for split in ("train", "dev"):
        with open(DATA / "factual" / f"{split}.csv", encoding="utf-8") as f:
            factual += [row["caption"] for row in csv.DictReader(f)]
    one_line = lambda caps: [c.replace("\r", " ").replace("\n", " ") for c in caps]  # noqa: E731
    return {"cc3m": one_line(cc3m), "web": one_line(web), "factual": one_line(factual)}


def cli(checkout: Path) -> list[str]:
    """The command line of the checkout, wherever its package keeps it."""
    main = "sgshards" if (checkout / "sgshards" / "__main__.py").exists() else "sgshards.pipeline.cli"
    return [sys.executable, "-m", main]


def digest(out: Path, checkout: Path) -> None:
    result: dict = {"lines": {}, "digests": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for name, caps in sources().items():
            path = Path(tmp) / f"{name}.txt"
            path.write_text("".join(c + "\n" for c in caps), encoding="utf-8")
            for option_set, flags in OPTION_SETS.items():
                lines = subprocess.run([*cli(checkout), "augment", "--input", str(path), *flags], cwd=checkout,
                                       check=True, capture_output=True).stdout.splitlines()
                hashes = [hashlib.sha256(line).hexdigest()[:16] for line in lines]
                result["lines"][f"{name}/{option_set}"] = hashes
                result["digests"][f"{name}/{option_set}"] = hashlib.sha256(b"\n".join(lines)).hexdigest()
                print(f"{name}/{option_set}: {len(lines)} lines {result['digests'][f'{name}/{option_set}'][:16]}")
    report = subprocess.run([*cli(checkout), "eval-parser", "--gold", str(DATA / "factual" / "dev.csv"), "--json"],
                            cwd=checkout, check=True, capture_output=True).stdout
    result["factual_dev"] = {k: v for k, v in json.loads(report).items()
                             if k not in ("captions_per_second", "seconds", "gold_file")}
    print("factual dev:", result["factual_dev"])
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")


def compare(a: Path, b: Path) -> int:
    left, right = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    differ = 0
    for name, hashes in left["lines"].items():
        other = right["lines"].get(name, [])
        diffs = [i for i, (x, y) in enumerate(zip(hashes, other)) if x != y] + \
            list(range(min(len(hashes), len(other)), max(len(hashes), len(other))))
        print(f"{name}: {len(hashes)} vs {len(other)} lines, {len(diffs)} differ {diffs[:10]}")
        differ += len(diffs)
    if left.get("factual_dev") != right.get("factual_dev"):
        print("factual dev scores differ:", left.get("factual_dev"), right.get("factual_dev"))
        differ += 1
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "--compare":
        return compare(Path(argv[1]), Path(argv[2]))
    if not (DATA / "factual" / "train.csv").exists():
        print(f"{DATA} not found", file=sys.stderr)
        return 2
    checkout = Path(argv[argv.index("--checkout") + 1]) if "--checkout" in argv else Path(__file__).resolve().parents[1]
    digest(Path(argv[0]), checkout.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
