"""Writing a word list derived from WordNet 3.0 into sgshards/data (the build_*.py scripts)."""
from __future__ import annotations

from pathlib import Path


def write_list(out: Path, what: str, script: str, words: set[str]) -> None:
    """One word or phrase per line, sorted, under a header naming the source, its licence and the
    script that built it; prints the count."""
    out.write_text(f"# WordNet 3.0 (Princeton University, WordNet licence): {what}; built by bench/{script}\n"
                   + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} {what.split()[0]} -> {out}")
