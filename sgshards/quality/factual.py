"""Scoring scene graphs against FACTUAL human annotations.

FACTUAL (Li et al., 2023) rows are ``image_id,region_id,caption,scene_graph``
where the graph is ``( subject , predicate , object )`` edges and
``( node , is , attribute )`` attribute edges joined by `` , ``; a lone node
is ``( node )``.

Both gold and predicted graphs become sets of normalised tuples:

* objects ``(node,)`` - every node mentioned in any tuple;
* attributes ``(node, attribute)`` - gold ``( n , is , a )``; ours are the
  object's attributes plus its quantity where FACTUAL writes one
  (numbers above one as digits - FACTUAL never writes a count of 1 -,
  "group of", "piece"/"slice"/"part");
* relations ``(subject, predicate, object)``.

Normalisation (identical on both sides): lower case, single spaces, the
last word of every node singularised ("boys" == "boy", "tree trunks" ==
"tree trunk"), node names and attribute values compared closed up (spaces
and hyphens dropped: "cell phone" == "cellphone", "surf board" ==
"surfboard", "t-shirts" == "t shirt" == "tee shirt"), number words written as digits
("two" -> "2") and the attribute "wood" spelt "wooden" as FACTUAL does,
the head "guy" written "person" (FACTUAL never writes "guy"), and the
predicate synonyms FACTUAL always canonicalises ("beneath"/"underneath"/
"below" -> "under", "atop" -> "on top of", "lie" -> "lay"; position phrases
"at the top of"/"in the middle of"/"to the left of" -> "on top of"/"on
middle of"/"at the left of", also after a verb; "inside of" -> "inside",
"in between" -> "between").

Scores are strict tuple precision/recall/F1, micro-averaged over the corpus,
overall and per tuple kind, plus the whole-graph set match: the share of
captions whose predicted tuple set equals the gold set exactly.
"""
from __future__ import annotations

import csv
import re
import time
from typing import Iterable, Optional, Sequence

from ..schemas.graph import SceneGraph
from ..lexicon.lemmas import noun_lemma

KINDS = ("object", "attribute", "relation")
_DIGITS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_DIGITS["both"] = "2"
_DIGITS["dozen"] = "12"
# FACTUAL writes the material "wood" as the adjective.
_VALUE_SPELLINGS = {**_DIGITS, "wood": "wooden"}
# Partitive nouns FACTUAL writes as an attribute of the whole, in their surface
# form ("pieces of paper" -> (paper, is, pieces)); "group of" keeps its "of".
_PARTITIVES = frozenset({"piece", "slice", "part", "patch"})
# FACTUAL writes a canonical predicate for these synonyms.
_PREDICATE_WORDS = {"beneath": "under", "underneath": "under", "below": "under", "atop": "on top of",
                    "lie": "lay"}
# Head nouns FACTUAL always writes as another word: "guy" is annotated "person"
# in every FACTUAL train graph whose caption says "guy" (211 of 211).
_NODE_WORDS = {"guy": "person"}
# One compound, two spellings.
_CLOSED_SPELLINGS = {"teeshirt": "tshirt"}
# Position phrases FACTUAL writes one way whatever the caption's preposition
# ("at the top of", "to the left of"): "<prep> [the] <noun> [side] of" -> canonical.
_POSITION_PHRASES = {
    "top": "on top of", "middle": "on middle of", "bottom": "on bottom of", "edge": "on edge of",
    "side": "on side of", "end": "in end of", "center": "in center of", "centre": "in center of",
    "corner": "in corner of", "left": "at the left of", "right": "on the right side of",
}
_POSITION_PHRASE_RE = re.compile(
    r"\b(?:at|in|on|to|by|along|across|near|from)\s+(?:the\s+)?"
    r"(top|middle|bottom|edge|side|end|center|centre|corner|left|right)(?:\s+hand)?(?:\s+side)?\s+of\b")
_PREDICATE_PHRASES = {"inside of": "inside", "outside of": "outside", "in between": "between"}
_TUPLE_RE = re.compile(r"\(([^()]*)\)")


def parse_gold(graph: str) -> list[tuple[str, ...]]:
    """FACTUAL graph string -> raw tuples: ("node",) or (subject, predicate, object)."""
    out = []
    for body in _TUPLE_RE.findall(graph):
        parts = tuple(p.strip() for p in body.split(" , "))
        if parts and parts[0]:
            out.append(parts)
    return out


def _space(s: str) -> str:
    return " ".join(s.lower().split())


def _closed(text: str) -> str:
    """Compounds compared closed up: "cell phone" == "cellphone" == "cell-phone"."""
    closed = text.replace(" ", "").replace("-", "")
    return _CLOSED_SPELLINGS.get(closed, closed)


def norm_node(name: str) -> str:
    words = _space(name).replace("-", " ").split(" ")
    words[-1] = noun_lemma(words[-1])
    words[-1] = _NODE_WORDS.get(words[-1], words[-1])
    return _closed(" ".join(words))


def norm_value(value: str) -> str:
    v = _space(value)
    return _closed(_VALUE_SPELLINGS.get(v, v))


def norm_predicate(pred: str) -> str:
    p = " ".join(_PREDICATE_WORDS.get(w, w) for w in _space(pred).split(" "))
    p = _POSITION_PHRASE_RE.sub(lambda m: _POSITION_PHRASES[m.group(1)], p)
    for long, short in _PREDICATE_PHRASES.items():   # also after a verb: "sit inside of"
        if p == long or p.endswith(" " + long):
            return p[: len(p) - len(long)] + short
    return p


def tuple_kind(t: tuple) -> str:
    return KINDS[len(t) - 1]


def normalise(raw: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Raw FACTUAL-form tuples -> normalised object/attribute/relation tuples."""
    out: set[tuple[str, ...]] = set()
    for t in raw:
        if len(t) == 1:
            out.add((norm_node(t[0]),))
        elif len(t) == 3:
            s, p, o = norm_node(t[0]), norm_predicate(t[1]), t[2]
            out.add((s,))
            if p == "is":
                out.add((s, norm_value(o)))
            else:
                o = norm_node(o)
                out.add((o,))
                out.add((s, p, o))
    return out


def quantity_attribute(quantity: str) -> Optional[str]:
    """Our quantity in FACTUAL's attribute form, or None where FACTUAL writes none
    (counts of one, vague quantifiers like "many", collective nouns like "row of")."""
    q = _space(quantity)
    q = _VALUE_SPELLINGS.get(q, q)
    if q.isdigit():
        return q if q != "1" else None
    if q.endswith(" of"):
        stem = q[:-3]
        if noun_lemma(stem) == "group":
            return "group of"
        if noun_lemma(stem) in _PARTITIVES:
            return stem
    return None


def graph_raw_tuples(graph: SceneGraph) -> list[tuple[str, ...]]:
    """Our graph in FACTUAL's raw form (before normalisation)."""
    raw: list[tuple[str, ...]] = []
    # "two giraffes next to each other" is (giraffe, next to, giraffe) in FACTUAL, with no count:
    # the self-relation says there are two
    mutual = {r.subject for r in graph.relations if r.subject == r.object}
    for k, o in enumerate(graph.objects):
        raw.append((o.name,))
        for a in o.attributes:
            raw.append((o.name, "is", a))
        q = quantity_attribute(o.quantity) if o.quantity and k not in mutual else None
        if q is not None:
            raw.append((o.name, "is", q))
    for r in graph.relations:
        raw.append((graph.objects[r.subject].name, r.predicate, graph.objects[r.object].name))
    return raw


def gold_tuples(graph: str) -> set[tuple[str, ...]]:
    return normalise(parse_gold(graph))


def predicted_tuples(graph: SceneGraph) -> set[tuple[str, ...]]:
    return normalise(graph_raw_tuples(graph))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def evaluate(rows: Sequence[dict], graphs: Sequence[SceneGraph]) -> dict:
    """Score predicted graphs against FACTUAL rows (dicts with "scene_graph").

    Returns {"n", "tuple", "object", "attribute", "relation", "set_match",
    "per_caption"}; each score block has precision/recall/f1 in percent and
    the counts; "per_caption" holds (gold, predicted, f1) per row for error
    listings."""
    if len(rows) != len(graphs):
        raise ValueError(f"{len(rows)} rows but {len(graphs)} graphs")
    counts = {k: [0, 0, 0] for k in ("tuple",) + KINDS}   # tp, predicted, gold
    exact = 0
    per_caption = []
    for row, g in zip(rows, graphs):
        gold = gold_tuples(row["scene_graph"])
        pred = predicted_tuples(g)
        exact += gold == pred
        both = gold & pred
        for name, sel in (("tuple", None),) + tuple((k, k) for k in KINDS):
            def pick(s, sel=sel):
                return s if sel is None else {t for t in s if tuple_kind(t) == sel}
            c = counts[name]
            c[0] += len(pick(both))
            c[1] += len(pick(pred))
            c[2] += len(pick(gold))
        f = _prf(len(both), len(pred), len(gold))["f1"]
        per_caption.append({"caption": row.get("caption", ""), "gold": sorted(gold),
                            "predicted": sorted(pred), "f1": f})
    report = {"n": len(rows)}
    for name, (tp, n_pred, n_gold) in counts.items():
        report[name] = _prf(tp, n_pred, n_gold)
    report["set_match"] = round(100 * exact / len(rows), 2) if rows else 0.0
    report["per_caption"] = per_caption
    return report


def read_rows(path: str, limit: Optional[int] = None) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = []
        for row in csv.DictReader(f):
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def evaluate_csv(path: str, parser, limit: Optional[int] = None, errors: int = 0) -> dict:
    """Parse the captions of a FACTUAL CSV with a parser backend (``parser.parse(captions)
    -> docs``, see ``nlp.load_parser``) or a spaCy pipeline, build graphs, score them.

    The report drops the per-caption list and, when ``errors`` > 0, keeps the
    ``errors`` worst captions (lowest F1, then most gold tuples)."""
    from ..graph import build_graph
    from ..parse.spacy_backend import parse_batch

    rows = read_rows(path, limit)
    captions = [r["caption"] for r in rows]
    t0 = time.perf_counter()
    docs = parser.parse(captions) if hasattr(parser, "parse") else parse_batch(parser, captions)
    t1 = time.perf_counter()
    graphs = [build_graph(d) for d in docs]
    t2 = time.perf_counter()
    report = evaluate(rows, graphs)
    per = report.pop("per_caption")
    if errors > 0:
        worst = sorted(per, key=lambda e: (e["f1"], -len(e["gold"])))
        report["errors"] = worst[:errors]
    report["seconds"] = {"parse": round(t1 - t0, 3), "graph": round(t2 - t1, 3)}
    report["captions_per_second"] = round(len(rows) / (t2 - t0), 1) if rows else 0.0
    report["gold_file"] = path
    return report


def format_report(report: dict) -> str:
    """Human-readable summary: a score table, then the worst captions if present."""
    lines = [f"captions: {report['n']}", "",
             "| tuples | precision | recall | F1 |", "| --- | --- | --- | --- |"]
    for name in ("tuple",) + KINDS:
        s = report[name]
        lines.append(f"| {name} | {s['precision']:.1f} | {s['recall']:.1f} | {s['f1']:.1f} |")
    lines.append(f"\nwhole-graph set match: {report['set_match']:.1f}%")
    if "captions_per_second" in report:
        lines.append(f"speed: {report['captions_per_second']} captions/s (parse + graph)")
    for e in report.get("errors", []):
        gold, pred = set(map(tuple, e["gold"])), set(map(tuple, e["predicted"]))
        lines.append(f"\n{e['caption']}  (F1 {e['f1']:.1f})")
        lines.append("  missing: " + "; ".join(" | ".join(t) for t in sorted(gold - pred)))
        lines.append("  extra:   " + "; ".join(" | ".join(t) for t in sorted(pred - gold)))
    return "\n".join(lines)
