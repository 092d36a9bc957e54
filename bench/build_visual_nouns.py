"""Build sgshards/data/visual_nouns.tsv: nouns people use for things they see, from FACTUAL train.

    PYTHONPATH=$PWD python bench/build_visual_nouns.py [--train PATH] [--min-count 10]

object_replace replaces a noun by one of its curated sibling groups (``augment.vocab``); a noun
outside them ("rope", "goose", "kettle") takes instead one of these nouns that WordNet files
nearest it (``augment.negatives.kin``).  The replacement must name a thing one can see and be an
ordinary caption word, so the list is read off FACTUAL *train* (Visual Genome region descriptions,
never dev or test): every object node of the gold graphs, lemmatised, kept when it is written at
least ``--min-count`` times, is alphabetic and has at most two words.

Each line is ``noun<TAB>count<TAB>countable``: how often the gold graphs name it, and 1 when the
captions write it after "a"/"an" (``rice``, ``luggage``, ``sky`` are 0: a mass noun or a
one-of-a-kind thing in a count noun's slot reads "a hay", "a sky").  The file holds
words and numbers only, no captions.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRAIN = HERE.parents[1] / "shared" / "data" / "factual" / "train.csv"
OUT = HERE.parent / "sgshards" / "data" / "visual_nouns.tsv"
_ARTICLES = ("a", "an")
# Words that end a noun phrase: "a rope on", "a rope." (not "a dirt road", where "dirt" modifies)
_AFTER_NOUN = frozenset("""on in at with of and is are near by under behind beside next to from for
against over above below has have holding that which while the a an""".split())


def node_names(graph: str) -> list[str]:
    """The object nodes of one FACTUAL graph string, lower case."""
    from sgshards.quality.factual import parse_gold

    out = []
    for t in parse_gold(graph):
        names = [t[0]] if len(t) == 1 or t[1] == "is" else [t[0], t[2]]
        out.extend(" ".join(n.lower().split()) for n in names)
    return out


def countable(noun: str, counts: Counter, with_article: Counter) -> bool:
    """The captions write "a [word] <noun>" ending a phrase ("a rope on the boat", "a red rope.")
    or its plural in at least one in twenty of its mentions; mass nouns ("grass", "luggage") and
    one-of-a-kind things ("the sky", "the ocean") almost never ("a dirt road" is a road)."""
    from sgshards.augment.realise import noun_form

    plural = noun_form(noun, True)
    plurals = counts[plural] if plural != noun else 0
    return with_article[noun] + plurals >= 0.05 * (counts[noun] + plurals) > 0


def _tally(captions: list[str]) -> tuple[Counter, Counter]:
    """(counts of words and two-word strings, counts of them after "a"/"an" and before a word
    that ends a noun phrase or the end of the caption)."""
    counts: Counter = Counter()
    with_article: Counter = Counter()
    for c in captions:
        toks = re.findall(r"[a-z]+", c)
        for i, t in enumerate(toks):
            for n in (1, 2):
                if i + n > len(toks):
                    break
                noun = " ".join(toks[i:i + n])
                counts[noun] += 1
                ends = i + n == len(toks) or toks[i + n] in _AFTER_NOUN
                if ends and ((i > 0 and toks[i - 1] in _ARTICLES) or (i > 1 and toks[i - 2] in _ARTICLES)):
                    with_article[noun] += 1
    return counts, with_article


def build(train: Path, min_count: int) -> list[str]:
    from sgshards.lexicon.lemmas import noun_lemma

    counts: Counter = Counter()
    captions = []
    with open(train, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            captions.append(" ".join(row["caption"].lower().split()))
            for name in node_names(row["scene_graph"]):
                words = name.split()
                if not words or len(words) > 2 or not all(w.isalpha() for w in words):
                    continue
                words[-1] = noun_lemma(words[-1])
                counts[" ".join(words)] += 1
    counts_, with_article = _tally(captions)
    return [f"{w}\t{n}\t{int(countable(w, counts_, with_article))}"
            for w, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if n >= min_count]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=TRAIN)
    ap.add_argument("--min-count", type=int, default=10)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not args.train.exists():
        print(f"{args.train} not found", file=sys.stderr)
        return 2
    lines = build(args.train, args.min_count)
    header = ("# Nouns of things seen, from FACTUAL train's gold graphs (object nodes named at least "
              f"{args.min_count} times), derived by bench/build_visual_nouns.py: noun, count, countable\n")
    args.out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(lines)} nouns")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
