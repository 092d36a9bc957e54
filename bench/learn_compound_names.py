"""Learn which noun-compound modifiers FACTUAL leaves out of object names.  Not a test.

    python bench/learn_compound_names.py [--shared ../shared] [--out sgshards/data/compound_names.json]

FACTUAL names objects inconsistently across compounds: "chain link fence" is
"fence" (18 of 20 times), "wii controller" is "controller", "wine glass" mostly
"glass" but "tennis racket" and "stop sign" stay whole.  No rule separates these,
so the parser follows a table learned here from the tuning data only (FACTUAL
train rows 0-19,999 and dev; rows 20,000 and later are the held-out set and are
never read).  For every multiword object name the rules produce (with the table
switched off), the gold graph of the caption says whether it kept the whole name,
kept a shorter tail ("fence"), and whether the dropped words became an attribute
of it ("rock wall" -> wall, rock).  A name, or failing that its first word, gets
an entry when dropping beats keeping there:

  names      whole names seen at least once, dropping more often than keeping;
  modifiers  first words seen at least 3 times, dropping >= 1.5x as often as keeping
             (both thresholds chosen by two-fold cross-validation on the tuning rows).

Entries say how many leading words to drop and whether they become an attribute
or an owner object of their own ("tree branch" -> (tree, have, branch), 31 of 33).
Otherwise only the object's name changes: its span still covers the whole compound,
so positives and object replacements read and rewrite "chain link fence" as a unit.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sgshards.quality.factual import gold_tuples, norm_node, norm_value, read_rows  # noqa: E402
from sgshards.graph import build_graph  # noqa: E402
from sgshards.parse.spacy_backend import SpacyParser  # noqa: E402

TUNING_ROWS = 20_000          # train rows 0-19,999; the rest of train is held out
MIN_NAME, MIN_MODIFIER, MODIFIER_MARGIN = 1, 3, 1.5
MIN_HAVE = 2                  # splitting into (tree, have, branch) needs two sightings
WORD = re.compile(r"[a-z][a-z'-]*")


def labels(graph, gold: set) -> list[tuple[tuple[str, ...], str]]:
    """(name words, label) for every multiword object: "keep", "drop<k>" or "attribute<k>"."""
    objects = {t[0] for t in gold if len(t) == 1}
    out = []
    for o in graph.objects:
        words = tuple(o.name.split())
        if len(words) < 2:
            continue
        label = "keep" if norm_node(o.name) in objects else "other"
        for k in range(1, len(words)):
            if label != "other":
                break
            tail = norm_node(" ".join(words[k:]))
            if tail in objects:
                attrs = {t[1] for t in gold if len(t) == 2 and t[0] == tail}
                head = " ".join(words[:k])
                if norm_value(head) in attrs:
                    label = f"attribute{k}"
                elif (norm_node(head), "have", tail) in gold:
                    label = f"have{k}"
                else:
                    label = f"drop{k}"
        out.append((words, label))
    return out


def decision(counts: Counter, margin: float) -> dict | None:
    """Entry for one name or modifier, or None to keep the whole name."""
    drops = Counter()
    for label, n in counts.items():
        if m := re.fullmatch(r"(?:drop|attribute|have)(\d+)", label):
            drops[int(m.group(1))] += n
    if not drops:
        return None
    k, n = drops.most_common(1)[0]
    if n <= counts["keep"] or n < margin * counts["keep"]:
        return None
    kinds = {kind: counts[f"{kind}{k}"] for kind in ("drop", "attribute", "have")}
    kind = max(kinds, key=lambda x: (kinds[x], x == "drop"))
    if kind == "have" and kinds["have"] < MIN_HAVE:
        kind = "attribute" if kinds["attribute"] > kinds["drop"] else "drop"
    return {"drop": k, "attribute": kind == "attribute", "have": kind == "have"}


def learn(records: list[tuple[tuple[str, ...], str]], min_name: int = MIN_NAME, min_modifier: int = MIN_MODIFIER,
          modifier_margin: float = MODIFIER_MARGIN) -> dict:
    by_name, by_modifier = defaultdict(Counter), defaultdict(Counter)
    for words, label in records:
        if not all(WORD.fullmatch(w) for w in words):
            continue                          # "blue+black w/ logo": annotator shorthand, not names
        by_name[" ".join(words)][label] += 1
        by_modifier[words[0]][label] += 1
    names = {n: d for n, c in sorted(by_name.items())
             if sum(c.values()) >= min_name and (d := decision(c, 1.0))}
    modifiers = {m: d for m, c in sorted(by_modifier.items())
                 if sum(c.values()) >= min_modifier and (d := decision(c, modifier_margin))}
    # a whole name seen keeping its words overrides its modifier's entry
    keep = sorted(n for n, c in by_name.items() if n.split()[0] in modifiers and n not in names
                  and decision(c, 1.0) is None and c["keep"] > 0)
    return {"names": names, "modifiers": modifiers, "keep": keep}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(ROOT / "sgshards" / "data" / "compound_names.json"))
    ap.add_argument("--train-rows", default=f"0:{TUNING_ROWS}",
                    help="START:END of train rows to learn from (cross-validation); dev is added unless "
                         "--no-dev")
    ap.add_argument("--no-dev", action="store_true")
    ap.add_argument("--min-name", type=int, default=MIN_NAME)
    ap.add_argument("--min-modifier", type=int, default=MIN_MODIFIER)
    ap.add_argument("--modifier-margin", type=float, default=MODIFIER_MARGIN)
    args = ap.parse_args(argv)
    factual = Path(args.shared) / "data" / "factual"
    start, end = (int(x) for x in args.train_rows.split(":"))
    if end > TUNING_ROWS:
        ap.error(f"train rows from {TUNING_ROWS} on are held out")
    rows = read_rows(str(factual / "train.csv"), end)[start:]
    rows += [] if args.no_dev else read_rows(str(factual / "dev.csv"))
    parser = SpacyParser()
    records = []
    for start in range(0, len(rows), 1000):
        batch = rows[start:start + 1000]
        for row, doc in zip(batch, parser.parse([r["caption"] for r in batch])):
            records += labels(build_graph(doc, compound_names={}), gold_tuples(row["scene_graph"]))
    table = learn(records, args.min_name, args.min_modifier, args.modifier_margin)
    table["about"] = (f"learned by bench/learn_compound_names.py from FACTUAL train rows {start:,}-{end - 1:,}"
                      f"{'' if args.no_dev else ' and dev'} ({len(rows)} captions, {len(records)} multiword "
                      "object names)")
    Path(args.out).write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table['names'])} names, {len(table['modifiers'])} modifiers, "
          f"{len(table['keep'])} kept names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
