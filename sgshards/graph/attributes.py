"""Attributes of an object: adjectives, colours with their shades, quantities, and the
"haired"-style adjectives that name a part ("red haired man" -> (man, have, hair), (hair, red))."""
from __future__ import annotations

from ..lexicon.words import (
    COLOURS, COVERING_ADJECTIVES, NON_ATTRIBUTES, PART_ADJECTIVES, PLURAL_PART_ADJECTIVES, QUANTIFIERS,
    SHADES, SHAPE_PARTICIPLES,
)
from ..schemas.graph import SGObject
from .state import GraphState, add_attribute, add_relation, conj_group, kids_of, kids_with


def collect_modifiers(st: GraphState, i: int, obj: SGObject) -> None:
    """Quantities, attributes (with their shades: "light green"), "snow covered" participles
    and part adjectives among the modifiers of noun i, onto obj."""
    doc = st.doc
    consumed: set[int] = part_adjective_words(st, i)
    for k in sorted(st.kids[i]):
        t = doc[k]
        lw = st.low[k]
        if k in consumed:
            continue
        if t.dep == "nummod" or (t.dep in ("det", "predet") and lw in ("both",)):
            obj.quantity = lw
        elif t.dep in ("amod", "det") and lw in QUANTIFIERS:
            prev = st.low[k - 1] if k > 0 else ""
            obj.quantity = "a " + lw if prev == "a" and lw in ("few", "couple", "lot") else lw
        elif (t.dep == "amod" and t.tag == "VBN" and lw not in SHAPE_PARTICIPLES
              and kids_with(st, k, "npadvmod", "compound")):
            # "a snow covered mountain": (snow, cover, mountain), resolved after objects exist
            st.pending.append((k, i))
        elif obj.span and obj.span[0] <= k < obj.span[1]:
            continue   # a position word kept in the name
        elif t.dep == "amod" and lw in NON_ATTRIBUTES or k in consumed:
            continue
        elif t.dep == "amod" and any(doc[c].upos in ("NOUN", "PROPN") for c in kids_with(st, k, "nsubj", "nsubjpass")):
            continue   # "the reality star carefully unloaded person": a verb with a subject of its own
        elif lw == "full" and any(st.low[p] == "of" for p in kids_of(st, k, "prep")):
            continue   # "a river full of boats": says what it holds, not how it looks
        elif t.dep == "amod" and any(doc[c].dep == "neg" or st.low[c] in ("not", "never") for c in st.kids[k]):
            continue   # "DU screening body not statutory": what it is not
        elif t.dep == "amod" and lw in SHADES and shade_run(st, k, i):
            end = shade_run(st, k, i)
            consumed.update(range(k, end))
            add_attribute(st, obj, k, end, rule="amod/shade")     # "light green leaves", "multi-colored rug"
        elif (t.dep == "amod" and lw in SHAPE_PARTICIPLES and k > 0 and doc[k - 1].head == i
              and st.low[k - 1] in COLOURS):
            add_attribute(st, obj, k - 1, rule="amod/colour_participle")      # "tan colored pants" -> tan
        elif t.dep == "amod" and t.upos in ("ADJ", "VERB", "NOUN", "PROPN", "ADV"):
            for a in conj_group(st, k):
                if doc[a].upos in ("ADJ", "VERB", "NOUN", "PROPN") and st.low[a] not in QUANTIFIERS:
                    start, end = attribute_extent(st, a)
                    add_attribute(st, obj, start, end, rule="amod/" + doc[a].upos)
                    for c in kids_with(st, a, "amod", "advmod", "npadvmod", "compound"):
                        # "white striped sheets": a colour on the adjective is its own attribute
                        if c < start and st.low[c] in COLOURS:
                            add_attribute(st, obj, c, rule="amod/colour_of_modifier")


def part_adjective_words(st: GraphState, i: int) -> set[int]:
    """Tokens of "haired"-style adjectives on noun i and the words describing the part
    ("red haired", "four legged"): the part's, not the noun's."""
    doc = st.doc
    out: set[int] = set()
    for k in kids_with(st, i, "amod", "compound", "advmod"):
        if st.low[k] not in PART_ADJECTIVES or k > i:
            continue
        mods = [m for m in st.kids[k] if m < k and doc[m].dep in ("amod", "advmod", "nummod", "npadvmod")
                and doc[m].upos in ("ADJ", "NUM", "NOUN", "ADV")]
        if (not mods and k > 0 and doc[k - 1].head == i and doc[k - 1].dep in ("amod", "nummod")
                and doc[k - 1].upos in ("ADJ", "NUM")):
            mods = [k - 1]
        st.part_adjectives.append((k, i, sorted(mods)))
        out.update(mods + [k])
    return out


def shade_run(st: GraphState, k: int, i: int) -> int:
    """End of "light green" / "multi-colored" when shade k and the next adjective
    (past a hyphen) both modify noun i; 0 if k stands alone."""
    doc = st.doc
    j = k + 1
    if j < len(doc) and doc[j].text == "-":
        j += 1
    if j < i and doc[j].head == i and doc[j].dep == "amod" and (
            st.low[j] in COLOURS or st.low[j] in SHAPE_PARTICIPLES):
        return j + 1
    return 0


def attribute_extent(st: GraphState, a: int) -> tuple[int, int]:
    """Token span of an adjective with its shade modifier: "light blue",
    "dark colored", "well lit"; "silver colored" is just "silver"."""
    doc = st.doc
    start = a
    for k in sorted(st.kids[a], reverse=True):
        if k == start - 1 and doc[k].dep in ("advmod", "npadvmod", "amod", "compound") and (
                st.low[k] in SHADES
                or st.low[k] in COLOURS and (st.low[a] in COLOURS
                                                       or st.low[a] in SHAPE_PARTICIPLES)):
            start = k
    if start < a and st.low[a] in SHAPE_PARTICIPLES and st.low[start] not in SHADES:
        return start, a          # "silver colored" -> silver
    return start, a + 1


def add_part(st: GraphState, k: int, i: int, mods: list[int]) -> None:
    """"red haired man" -> (man, have, hair), (hair, red); "snowy hill" -> (snow, on, hill).
    The part has no span of its
    own (no caption words name it), so rewrites leave "haired" alone."""
    owner = st.obj_of.get(i)
    if owner is None:               # noun i named no object: a word inside a longer compound
        return                      # ("Snowy Night Metal Print": the print is the object)
    part = SGObject(name=PART_ADJECTIVES[st.low[k]], plural=st.low[k] in PLURAL_PART_ADJECTIVES, rule="part")
    for m in mods:
        if st.doc[m].upos == "NUM":
            part.quantity = st.low[m]
            part.plural = True
        else:
            add_attribute(st, part, m, rule="part")
    st.objects.append(part)
    if st.low[k] in COVERING_ADJECTIVES:
        add_relation(st, len(st.objects) - 1, "on", owner, [k], rule="part/on")   # (snow, on, hill)
    else:
        add_relation(st, owner, "have", len(st.objects) - 1, [k], rule="part/have")
