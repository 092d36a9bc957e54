"""List the CC3M captions that pass the suitability gate but get no negative, with their graphs.

    PYTHONPATH=$PWD python bench/uncovered_scenes.py [/work/shared/data/captions/cc3m_val.tsv] > /tmp/uncovered.txt

Runs the record chain of ``sgshards run`` (normalise, parse, graph, suitability, augment) on every
row and prints, per uncovered caption that is not skipped: the row, the caption, the tagged parse
and the graph's objects and relations with their confidences (what a parse repair or a negative
generator would have to change).  The last line counts written rows, rows with a negative and the
uncovered scenes.
"""
from __future__ import annotations

import sys

from sgshards.annotate import AnnotateOptions, build_record, item
from sgshards.graph import build_graph
from sgshards.parse import load_parser
from sgshards.text.normalize import normalize_caption

DEFAULT = "/work/shared/data/captions/cc3m_val.tsv"


def main(path: str) -> None:
    parser, options = load_parser(), AnnotateOptions()
    with open(path, encoding="utf-8") as f:
        raw = [line.rstrip("\n").split("\t")[0] for line in f]
    clean = {}
    for row, caption in enumerate(raw):
        text, reason = normalize_caption(caption)
        if not reason:
            clean[row] = text
    distinct = list(dict.fromkeys(clean.values()))
    docs = {}
    for k in range(0, len(distinct), 1000):
        docs.update(zip(distinct[k:k + 1000], parser.parse(distinct[k:k + 1000])))
    written = covered = uncovered = 0
    for row, caption in clean.items():
        doc = docs[caption]
        graph = build_graph(doc)
        if not graph.objects:
            continue
        record = build_record(item(row, f"{row:09d}", caption), caption, doc, graph, options)
        written += 1
        covered += bool(record["negatives"])
        if record["negatives"] or record["skipped"]:
            continue
        uncovered += 1
        objects = [f"{o.name}{o.attributes or ''}@{o.confidence}" for o in graph.objects]
        relations = [f"{graph.objects[r.subject].name} -{r.predicate}-> {graph.objects[r.object].name}@{r.confidence}"
                     for r in graph.relations]
        print(f"{row}\t{caption}")
        print("    " + " ".join(f"{t.text}/{t.tag}/{t.dep}>{t.head}" for t in doc))
        print(f"    objects: {objects}  relations: {relations}")
    print(f"written {written}, with a negative {covered}, uncovered scenes (not skipped) {uncovered}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)
