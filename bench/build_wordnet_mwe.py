"""Build sgshards/data/wordnet_mwe.tsv: WordNet 3.0's multiword nouns, the units no positive may
cut and no negative may edit inside ("still life", "bill of sale", "next of kin", "shot put").

    apt-get install wordnet-base          # Debian's WordNet 3.0 database (/usr/share/wordnet)
    python bench/build_wordnet_mwe.py [--wordnet /usr/share/wordnet]

Read by ``sgshards.lexicon.units``: one unit a line, its words (lower case, one space apart), a tab
and its kind: ``h`` when a sense of it is a kind of its last word ("tourist attraction" is an
attraction, "bus stop" a stop: the head alone, or the head with the rest as an attribute, is still
true), ``u`` when none is, or the first word is an attribute adjective ("high street", "hard hat",
"high tide": "the tide" and "at tide" are no positives, "short street" no negative), or the unit has a preposition inside or an attribute adjective first
("still life", "hot dog", "high street", "bill of sale": only the whole is true); ``x`` for the
units of ``EXTRA_UNITS`` (like ``u``, and matched whatever the parser tagged them).  Kept: WordNet noun lemmas of 2 to 4 words, letters only (hyphens
inside a word allowed; "hot-air balloon" is also listed as "hot air balloon"; a possessive is written apart as spaCy
splits it, "new year 's eve", and also without its apostrophe, "new years eve"), plus the units of
``sgshards.lexicon.units.EXTRA_UNITS``.  Left out:

- lemmas with "and" ("bread and butter": the conjuncts are things of their own), lemmas that
  begin with a preposition or a determiner or end with one ("the city", "at home", "looking at");
- adjective + noun lemmas whose adjective is a colour, material, size, age, pattern, shape or sex
  the negatives edit: captions mean them as written far more often than as the fixed noun ("a
  white house", "a yellow jacket", "red wine", "an old man");
- an "of" lemma whose first word is a container, quantity, part or picture head the graph already
  reads ("cup of tea", "piece of cake", "head of hair"), and lemmas with another preposition
  inside whose first word is a thing or person the phrase can literally be in or on ("man in the
  street", "castle in the air"): a caption means them literally as often as not;
- a possessive lemma whose possessor is a person or an animal and whose head is a concrete thing
  ("cat's eye", "dog's breakfast"): a cat's eyes are meant as often.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
OUT = HERE.parent / "sgshards" / "data" / "wordnet_mwe.tsv"

# Attribute categories whose adjective keeps its sense before a noun of its kind ("red wine" is a
# wine that is red); a height, temperature or hardness adjective in a lexicalised noun rarely does
# ("high street", "hot dog", "hard hat", "tall ship").
COMPOSITIONAL = ("colour", "material", "size", "person_age", "thing_age", "pattern", "shape", "sex")
OTHER_PREPS = frozenset({"in", "on", "at", "for", "to", "by", "with", "from", "under", "over", "off",
                         "out", "up", "down", "into", "onto", "about", "around", "through"})
# A noun "unit" that begins with one of these is a phrase of the sentence ("the city", "at home").
LEADING_FUNCTION_WORDS = OTHER_PREPS | frozenset({"the", "a", "an", "of", "this", "that", "no", "not"})


# A possessive is written as spaCy tokenises it: "new year 's eve", "all saints ' day".
POSSESSIVE_TOKENS = frozenset({"'s", "'"})


def possessives_apart(written: str) -> str:
    return " ".join(w[:-2] + " 's" if w.endswith("'s") and len(w) > 2 else w[:-1] + " '" if w.endswith("'") else w
                    for w in written.split())


def unmarked(words: list[str]) -> set[str]:
    """A possessive unit as captions also write it, without the apostrophe: "new years eve",
    "valentines day", "farmers market"."""
    if not any(w in POSSESSIVE_TOKENS for w in words):
        return set()
    out, k = [], 0
    while k < len(words):
        if k + 1 < len(words) and words[k + 1] in POSSESSIVE_TOKENS:
            w = words[k]
            out.append(w if words[k + 1] == "'" or w.endswith("s") else w + "s")
            k += 2
        else:
            out.append(words[k])
            k += 1
    return {" ".join(out)}


def literal_possessive(words: list[str], first_lexfile, concrete: set[int]) -> bool:
    """A possessive unit a caption means literally as often: a person's or an animal's concrete
    thing ("cat's eye", "dog's breakfast", "shepherd's pie"), not "new year's eve", "mother's day"."""
    for k in range(1, len(words) - 1):
        if words[k] in POSSESSIVE_TOKENS:
            return first_lexfile(words[k - 1]) in (5, 18) and first_lexfile(words[-1]) in concrete
    return False


def read_exceptions(wordnet: Path) -> dict[str, str]:
    """Irregular plurals and their lemmas ("feet" -> "foot"): WordNet's noun.exc."""
    with open(wordnet / "noun.exc", encoding="latin-1") as f:
        return {p[0]: p[1] for p in (line.split() for line in f) if len(p) >= 2}


def read_noun_senses(wordnet: Path) -> tuple[dict[str, list[str]], dict[str, tuple[list[str], list[str], int]]]:
    """lemma -> synset offsets; offset -> (lemmas, hypernym offsets, lexfile)."""
    index: dict[str, list[str]] = {}
    with open(wordnet / "index.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            n_senses, n_ptrs = int(fields[2]), int(fields[3])
            index[fields[0]] = fields[6 + n_ptrs: 6 + n_ptrs + n_senses]
    synsets: dict[str, tuple[list[str], list[str], int]] = {}
    with open(wordnet / "data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            n_words = int(fields[3], 16)
            words = [w.split("(")[0].lower() for w in fields[4:4 + 2 * n_words:2]]
            k = 4 + 2 * n_words
            hyper = [fields[k + 2 + 4 * p] for p in range(int(fields[k]))
                     if fields[k + 1 + 4 * p] in ("@", "@i")]
            synsets[fields[0]] = (words, hyper, int(fields[1]))
    return index, synsets


def build(wordnet: Path) -> list[str]:
    from sgshards.augment.vocab import ATTRIBUTE_CATEGORIES
    from sgshards.lexicon.of_heads import IMAGE_HEADS, PART_NOUNS, REPRESENTATION_HEADS
    from sgshards.lexicon.units import EXTRA_UNITS
    from sgshards.lexicon.words import COLLECTIVE_NOUNS, CONTAINER_NOUNS, JUNK_BEFORE_OF, JUNK_NOUNS

    all_attributes = {w for groups in ATTRIBUTE_CATEGORIES.values() for g in groups for w in g}
    attributes = {w for cat in COMPOSITIONAL for g in ATTRIBUTE_CATEGORIES[cat] for w in g}
    of_heads = (set(CONTAINER_NOUNS) | set(COLLECTIVE_NOUNS) | set(JUNK_BEFORE_OF) | set(JUNK_NOUNS)
                | set(PART_NOUNS) | set(IMAGE_HEADS) | set(REPRESENTATION_HEADS))
    index, synsets = read_noun_senses(wordnet)
    person, concrete = 18, {5, 6, 8, 13, 15, 17, 18, 20, 27}      # lexicographer files

    exceptions = read_exceptions(wordnet)

    def first_lexfile(word: str) -> int:
        offs = index.get(word) or index.get(exceptions.get(word, ""))     # "feet": foot
        return synsets[offs[0]][2] if offs else -1

    out: dict[str, str] = {}
    for lemma, offsets in index.items():
        written = possessives_apart(lemma.replace("_", " "))
        words = written.replace("-", " ").split()      # "hole-in-the-wall": hole in the wall
        if not 2 <= len(words) <= 4 or not all(w.isalpha() or w in POSSESSIVE_TOKENS for w in words) \
                or words[0] in POSSESSIVE_TOKENS:
            continue
        if "and" in words or words[0] in LEADING_FUNCTION_WORDS or words[-1] in OTHER_PREPS | {"of", "the"}:
            continue
        head = words[-1]
        kinds = {h for o in offsets for h in synsets[o][1]}
        headed = any(head in synsets[h][0] or any(x.endswith(("_" + head, "-" + head)) for x in synsets[h][0])
                     for h in kinds)
        if literal_possessive(words, first_lexfile, concrete):
            continue                                   # "cat's eye": a cat's eyes as often as not
        if words[0] in attributes and len(words) == 2:
            continue                                   # "red wine", "white house", "old man": as written
        if "of" in words[1:-1] and words[0] in of_heads:
            continue
        if set(words[1:-1]) & OTHER_PREPS and first_lexfile(words[0]) in concrete:
            continue
        inner = set(words[1:-1]) & (OTHER_PREPS | {"of", "the", "de"})
        adjective = words[0] in all_attributes
        kind = "h" if headed and not inner and not adjective else "u"
        for variant in {written, " ".join(words)} | unmarked(words):
            out[variant] = kind
    for u in EXTRA_UNITS:
        out[u] = "x"
    return [f"{u}\t{k}" for u, k in sorted(out.items())]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    units = build(args.wordnet)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# WordNet 3.0 multiword nouns (Princeton University, WordNet licence) and "
                "sgshards.lexicon.units.EXTRA_UNITS, by bench/build_wordnet_mwe.py\n")
        for u in units:
            f.write(u + "\n")
    print(f"{len(units)} units -> {args.out}")


if __name__ == "__main__":
    main()
