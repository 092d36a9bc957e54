"""Build sgshards/data/adjective_compounds.txt: WordNet 3.0 nouns named by an attribute word and
a noun ("giant panda", "high tide", "hot spring", "red wine", "double bed", "single file").

    apt-get install wordnet-base          # Debian's WordNet 3.0 database (/usr/share/wordnet)
    python bench/build_adjective_compounds.py [--wordnet /usr/share/wordnet]

The attribute is part of the name there: "giant panda" -> "small panda", "high tide" -> "short
tide", "hot spring" -> "cold spring" state nothing false of the picture (a giant panda is no big
panda), so ``augment.negatives.attribute_replace`` leaves it alone. The words are the attribute
vocabulary of ``augment.vocab.ATTRIBUTE_CATEGORIES``; the list is lowercase, one per line,
hyphens and underscores as spaces.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wordnet_lists import write_list

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "sgshards" / "data" / "adjective_compounds.txt"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    from sgshards.augment.vocab import ATTRIBUTE_CATEGORIES
    words = {w for groups in ATTRIBUTE_CATEGORIES.values() for g in groups for w in g}
    found = set()
    with open(Path(args.wordnet) / "index.noun", encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" ", 1)[0].replace("-", "_").split("_")
            if len(parts) >= 2 and parts[0] in words and all(p.isalpha() for p in parts):
                found.add(" ".join(parts))
    write_list(OUT, "nouns named by an attribute word", "build_adjective_compounds.py", found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
