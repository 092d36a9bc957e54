"""Backend-neutral dependency view of a parsed caption.

The graph rules are written once over this view.  Labels follow the
ClearNLP/spaCy English scheme (nsubj, dobj, prep, pobj, amod, compound,
acl, relcl, ...) because spaCy is the default, fast backend; other backends
(stanza's Universal Dependencies) convert into it in their adapter.

Heads are absolute token indices within the caption; a root points at
itself (``head == i``) and has ``dep == "ROOT"``.
"""
from __future__ import annotations

from typing import Final, NamedTuple, Sequence

# Penn tags of a finite verb in the present or past ("walks", "walk", "walked"; not "walking", "to walk")
FINITE_TAGS: Final = frozenset({"VBZ", "VBP", "VBD"})


class DepToken(NamedTuple):
    i: int          # index in the caption
    text: str       # surface form as written
    ws: str         # whitespace after the token ("" or " ")
    lemma: str
    upos: str       # Universal POS: NOUN, PROPN, ADJ, VERB, ADP, NUM, ...
    tag: str        # Penn Treebank fine tag: NN, NNS, JJ, VBG, ...
    head: int
    dep: str        # ClearNLP label (see module docstring)
    morph: str      # UD features "Number=Plur|..."
    sent: int       # sentence index, 0-based

    def to_json(self) -> list:
        return list(self)

    @classmethod
    def from_json(cls, row: list) -> "DepToken":
        return cls(*row)


Doc = list[DepToken]


def text_of(tokens: Doc) -> str:
    """The caption exactly as tokenised (token text plus trailing whitespace)."""
    return "".join(t.text + t.ws for t in tokens)


def children_index(doc: Sequence[DepToken]) -> list[list[int]]:
    """Each token's children, in surface order (a root is nobody's child)."""
    kids: list[list[int]] = [[] for _ in doc]
    for t in doc:
        if t.head != t.i:
            kids[t.head].append(t.i)
    return kids


def has_letter(name: str) -> bool:
    """True if name has a letter (a loop: faster than any() compiled)."""
    for c in name:
        if c.isalpha():
            return True
    return False


def first_conjunct(doc: Sequence[DepToken], i: int, *, head_pos: frozenset[str] | None = None,
                   leftward: bool = False, limit: int = 50) -> int:
    """The first of the conjuncts token i belongs to, up its ``conj`` links ("a cat, a dog and a
    bird": cat from bird), at most ``limit`` steps (a malformed parse may link in a circle).

    ``head_pos``: stop below a head of another part of speech (a noun conjoined to a verb is no
    member of a noun list); ``leftward``: follow only heads before the token."""
    seen = 0
    while seen < limit:
        t = doc[i]
        h = t.head
        if t.dep != "conj" or h == i or not 0 <= h < len(doc) or (leftward and h >= i) \
                or (head_pos is not None and doc[h].upos not in head_pos):
            break
        i, seen = h, seen + 1
    return i
