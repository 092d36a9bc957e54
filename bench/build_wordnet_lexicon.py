"""Build sgshards/data/wordnet_nouns.tsv: a compact noun taxonomy derived from WordNet 3.0.

    apt-get install wordnet-base          # Debian's WordNet 3.0 database (/usr/share/wordnet)
    python bench/build_wordnet_lexicon.py [--wordnet /usr/share/wordnet]

The negatives must never replace or swap a noun with its synonym, hypernym, hyponym or a part
of it ("roofs" for "ceilings", "skiers" for "people", "finger" for "hand", "tool" for "rake"),
and must know whether a noun names a person, an animal, a thing or an abstraction ("these hate",
"outside the summer"). The whole WordNet is 40 MB and no runtime dependency; this script keeps
what those questions need, read by ``sgshards.lexicon.taxonomy``:

- ``S<TAB>id<TAB>lexname<TAB>hypernyms<TAB>holonyms``: one line per kept synset; ids are dense
  base-36 numbers, lexname is WordNet's lexicographer file ("person", "artifact", "time"...),
  hypernyms include instance hypernyms, holonyms are part and substance holonyms ("finger" is
  part of "hand"; member holonyms are left out: a "dog" is a member of a "pack" but no part).
- ``W<TAB>lemma<TAB>ids``: one line per common-noun lemma (lowercase, no digits, at most three
  words) seen in WordNet's sense-tagged corpus, with its senses seen there in frequency order;
  and one per single-word lemma never seen there that lemminflect knows as a noun ("skier",
  "rake"; "aardwolf" is left out), with its first three senses (the first of "rake" is a person).

The synsets written are those of these senses and all above them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "sgshards" / "data" / "wordnet_nouns.tsv"

# WordNet's lexicographer files of nouns (lexnames(5WN)), by number.
NOUN_LEXNAMES = {
    3: "Tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition",
    10: "communication", 11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location",
    16: "motive", 17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession",
    22: "process", 23: "quantity", 24: "relation", 25: "shape", 26: "state", 27: "substance", 28: "time",
}


def read_synsets(path: Path) -> dict[str, tuple[int, list[str], list[str]]]:
    """offset -> (lex file number, hypernym offsets, part/substance holonym offsets)."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue                                   # licence header
            fields = line.split(" | ")[0].split()
            offset, lexfile, n_words = fields[0], int(fields[1]), int(fields[3], 16)
            k = 4 + 2 * n_words
            n_ptrs = int(fields[k])
            hyper, holo = [], []
            for p in range(n_ptrs):
                symbol, target, pos = fields[k + 1 + 4 * p: k + 4 + 4 * p]
                if pos != "n":
                    continue
                if symbol in ("@", "@i"):
                    hyper.append(target)
                elif symbol in ("#p", "#s"):
                    holo.append(target)
            out[offset] = (lexfile, hyper, holo)
    return out


def known_noun(word: str) -> bool:
    """lemminflect (the project's inflection dictionary) knows the word as a noun."""
    from lemminflect import getAllInflections
    return bool(getAllInflections(word, upos="NOUN"))


def read_index(path: Path) -> dict[str, list[str]]:
    """lemma -> offsets of its senses seen in the tagged corpus, or its first three when none was."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma = fields[0].replace("_", " ")
            n_senses, n_ptrs = int(fields[2]), int(fields[3])
            tagged = int(fields[5 + n_ptrs])
            offsets = fields[6 + n_ptrs: 6 + n_ptrs + n_senses]
            if any(c.isdigit() for c in lemma) or len(lemma.split()) > 3 or not lemma[:1].isalpha():
                continue
            if not tagged and (" " in lemma or not known_noun(lemma)):
                continue                                   # rare: "african violet", "aardwolf"
            out[lemma] = offsets[:tagged or 3]
    return out


def proper_only(data_noun: Path) -> set[str]:
    """Lemmas written only capitalised in WordNet's synsets (names: "Paris", "Einstein"), except
    names of times ("Sunday", "July", "Christmas"), which captions write in lower case."""
    lower, upper = set(), set()
    with open(data_noun, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            if NOUN_LEXNAMES[int(fields[1])] == "time":
                continue
            for w in fields[4:4 + 2 * int(fields[3], 16):2]:
                word = w.split("(")[0].replace("_", " ")
                (upper if word[:1].isupper() else lower).add(word.lower())
    return upper - lower


def b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if not n:
            return s


def closure(synsets: dict, roots) -> set[str]:
    """The roots and every synset above them by hypernym and holonym links."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        o = stack.pop()
        if o not in seen:
            seen.add(o)
            stack.extend(synsets[o][1])
            stack.extend(synsets[o][2])
    return seen


def build(wordnet: Path) -> list[str]:
    synsets = read_synsets(wordnet / "data.noun")
    index = read_index(wordnet / "index.noun")
    names = proper_only(wordnet / "data.noun")
    index = {w: s for w, s in index.items() if w not in names}
    keep = closure(synsets, (o for offs in index.values() for o in offs))
    ids = {o: b36(i) for i, o in enumerate(sorted(keep))}
    lines = []
    for o in sorted(keep):
        lexfile, hyper, holo = synsets[o]
        lines.append("\t".join(("S", ids[o], NOUN_LEXNAMES[lexfile], ",".join(ids[h] for h in hyper),
                                ",".join(ids[h] for h in holo))))
    for lemma in sorted(index):
        lines.append("\t".join(("W", lemma, ",".join(ids[o] for o in index[lemma]))))
    return lines


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if not (args.wordnet / "data.noun").exists():
        print(f"{args.wordnet}/data.noun not found: apt-get install wordnet-base", file=sys.stderr)
        return 2
    lines = build(args.wordnet)
    header = ("# WordNet 3.0 noun taxonomy (Princeton University, WordNet licence), derived by "
              "bench/build_wordnet_lexicon.py from Debian's wordnet-base; format in that script\n")
    args.out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {sum(1 for x in lines if x[0] == 'S')} synsets, "
          f"{sum(1 for x in lines if x[0] == 'W')} lemmas, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
