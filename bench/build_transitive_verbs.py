"""Build sgshards/data/transitive_verbs.txt: WordNet 3.0 verbs whose most frequent sense takes a
direct object ("open", "drink", "feed"), from the sentence frames of data.verb.

    apt-get install wordnet-base          # Debian's WordNet 3.0 database (/usr/share/wordnet)
    python bench/build_transitive_verbs.py [--wordnet /usr/share/wordnet]

Only the first sense (index.verb lists senses by frequency) decides: "smile" is intransitive in
its first sense ("she smiled") though a rarer one takes an object ("she smiled her thanks"), and
"an infant smiling girl" is no infant smiling at a girl.  Frames with an object noun phrase:
8-11 ("Somebody ----s something/somebody"), 14-21, 24, 25, 30, 31.  One lemma per line.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from wordnet_lists import write_list

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "sgshards" / "data" / "transitive_verbs.txt"
OBJECT_FRAMES = frozenset({8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 30, 31})


def read_synsets(data_verb: Path) -> dict[str, tuple[list[str], list[tuple[int, int]]]]:
    """synset offset -> (its words, its frames as (frame, word number; 0 = every word))."""
    out = {}
    with open(data_verb, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split("|", 1)[0].split()
            w_cnt = int(fields[3], 16)
            words = [fields[4 + 2 * j].lower() for j in range(w_cnt)]
            k = 4 + 2 * w_cnt
            k += 1 + 4 * int(fields[k])                   # past the pointers
            f_cnt = int(fields[k]) if k < len(fields) else 0
            out[fields[0]] = (words, [(int(fields[k + 2 + 3 * j]), int(fields[k + 3 + 3 * j], 16)) for j in range(f_cnt)])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    args = ap.parse_args(argv)
    root = Path(args.wordnet)
    synsets = read_synsets(root / "data.verb")
    found = set()
    with open(root / "index.verb", encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synset_cnt, p_cnt = fields[0], int(fields[2]), int(fields[3])
            first = fields[4 + p_cnt + 2]                 # after sense_cnt and tagsense_cnt
            words, frames = synsets[first]
            number = words.index(lemma) + 1 if lemma in words else -1
            if "_" not in lemma and any(frame in OBJECT_FRAMES and w in (0, number) for frame, w in frames):
                found.add(lemma)
    write_list(OUT, "verbs whose first sense takes a direct object", "build_transitive_verbs.py", found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
