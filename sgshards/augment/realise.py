"""Surface realisation: token-level rewriting of captions and phrases.

A ``Surface`` is a token sequence (the caption's own tokens, or a realised
sub-graph phrase) plus where each graph object, attribute and predicate
sits in it.  Negatives are made by ``rewrite`` with token ``Replacement``s,
never by substring replacement; ``rewrite`` restores a/an agreement,
sentence-initial capitalisation and spacing, and reports the ``Edit``s.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional, Sequence

from ..schemas.depview import DepToken, children_index
from ..schemas.graph import SceneGraph, Span
from ..schemas.record import Edit
from ..lexicon.function_words import ARTICLES, DEMONSTRATIVES, POSSESSIVE_DETERMINERS, SINGULAR_DETERMINERS
from ..lexicon.lemmas import inflections, verb_lemma
from .vocab import PLURAL_ONLY

# --------------------------------------------------------------------------- articles

# Vowel letter, consonant sound ("a unicorn", "a European", "a one-way street").
_A_PREFIXES = ("uni", "use", "usu", "uten", "util", "uto", "eu", "ewe", "one", "once", "uk", "uran",
               "urin", "ure", "u-", "ubiq", "unanim", "uga", "ufo")
_AN_DESPITE_A_PREFIX = ("unin", "unim", "unid", "unio", "unimp")
# Consonant letter, vowel sound ("an hour", "an honest man").
_AN_PREFIXES = ("hour", "honest", "honor", "honour", "heir", "x-", "mp3")
# Letters whose spoken name starts with a vowel sound (acronyms: "an FBI agent", "an MRI").
_VOWEL_SOUND_LETTERS = set("aefhilmnorsx")


@lru_cache(maxsize=1 << 14)
def indefinite_article(word: str) -> str:
    """'a' or 'an' for the word that follows the article."""
    w = word.strip("\"'“‘(")
    if not w:
        return "a"
    low = w.lower()
    if w[0].isdigit():
        digits = re.match(r"\d+", w).group(0)  # type: ignore[union-attr]  # w[0] is a digit
        return "an" if digits.startswith("8") or digits in ("11", "18") or (
            len(digits) in (5, 6) and digits[:2] in ("11", "18")) else "a"
    if len(w) > 1 and w.isupper() and w.isalpha() and len(w) <= 5:
        return "an" if low[0] in _VOWEL_SOUND_LETTERS else "a"
    if low.startswith(_AN_PREFIXES):
        return "an"
    if low.startswith(_A_PREFIXES) and not low.startswith(_AN_DESPITE_A_PREFIX):
        return "a"
    return "an" if low[0] in "aeiou" else "a"


def match_case(new: str, like: str) -> str:
    """Give ``new`` the capitalisation pattern of ``like`` (Title, UPPER or as is)."""
    if len(like) > 1 and like.isupper():
        return new.upper()
    if like[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


# --------------------------------------------------------------------------- inflection

_BE = {("is", True): "are", ("are", False): "is", ("was", True): "were", ("were", False): "was",
       ("'s", True): "'re", ("'re", False): "'s"}
_AUX = {("has", True): "have", ("have", False): "has", ("does", True): "do", ("do", False): "does"}


def agree_verb(token: DepToken, plural: bool) -> str:
    """The verb token re-inflected for a singular/plural subject (case kept)."""
    return agree_verb_text(token.text, token.tag, plural)


@lru_cache(maxsize=1 << 14)
def agree_verb_text(text: str, tag: str, plural: bool) -> str:
    """``agree_verb`` of a word and its tag."""
    low = text.lower()
    new = _BE.get((low, plural)) or _AUX.get((low, plural))
    if new is None:
        if tag not in ("VBZ", "VBP"):
            return text
        forms = inflections(verb_lemma(low), "VBP" if plural else "VBZ")
        new = forms[0] if forms else text
    return match_case(new, text)


# Nouns already plural as lemmas ("shorts", "sunglasses"), and nouns whose plural is themselves.
_PLURAL_FORMS = PLURAL_ONLY | frozenset({
    "earphones", "eyeglasses", "clothing", "cattle", "sheep", "deer", "fish", "aircraft",
})


@lru_cache(maxsize=1 << 14)
def noun_form(lemma: str, plural: bool) -> str:
    """Singular or plural of a (possibly multiword) noun: "hot dog" -> "hot dogs"."""
    words = lemma.split()
    if plural and words and words[-1].lower() not in _PLURAL_FORMS:     # never "shortses"
        forms = inflections(words[-1], "NNS")
        words[-1] = forms[0] if forms else words[-1] + "s"
    return " ".join(words)


@lru_cache(maxsize=1 << 14)
def verb_form(lemma: str, tag: str) -> str:
    """Inflect the first word of a verb phrase ("jump off", VBG -> "jumping off")."""
    words = lemma.split()
    forms = inflections(words[0], tag) if tag.startswith("VB") else None
    if forms:
        words[0] = forms[0]
    return " ".join(words)


# --------------------------------------------------------------------------- surfaces

class Slot(NamedTuple):
    """Where one graph object is mentioned in a surface (a tuple: made several times per caption)."""
    obj: int
    np: Span                 # the noun phrase: determiner/quantity + pre-modifiers + name
    name: Span               # name tokens (compound + head)
    plural: bool
    agree: tuple[int, ...] = ()   # verb tokens that agree in number with this object as subject
    whole: bool = True            # False: the phrase is cut at a possessor and must not move


@dataclass
class Surface:
    tokens: list[DepToken]
    graph: SceneGraph
    slots: dict[int, Slot] = field(default_factory=dict)
    attrs: dict[int, list[tuple[int, Span]]] = field(default_factory=dict)  # obj -> [(attr index, span)]
    preds: dict[int, Span] = field(default_factory=dict)                   # relation -> span
    objects: tuple[int, ...] = ()       # graph objects this surface states
    relations: tuple[int, ...] = ()     # graph relations this surface states
    caption: bool = False               # the caption's own tokens (not a realised sub-graph)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-surface facts of other stages

    def __post_init__(self) -> None:
        # Derived once (a surface's tokens never change after it is built): every candidate
        # negative re-reads them.
        toks = self.tokens
        self.chunks: list[str] = [t.text + t.ws for t in toks]     # token text + trailing space
        self.text: str = "".join(self.chunks)
        sents = [t.sent for t in toks]
        self.sentence_starts: list[bool] = [True, *map(int.__ne__, sents[1:], sents)] if toks else []

    def span_text(self, span: Span) -> str:
        s, e = span
        return "".join(self.chunks[s:e]).rstrip()

    def is_sentence_start(self, i: int) -> bool:
        return i == 0 or self.sentence_starts[i]


def noun_phrase_start(doc: Sequence[DepToken], kids: list[list[int]], head: int, name_start: int,
                      other_names: list[Span]) -> tuple[int, bool]:
    """First token of an object's noun phrase in the caption (the contiguous left subtree of the
    head) and whether that phrase is whole (False when cut at a possessor: "the man's | dog")."""
    left: set[int] = set()
    stack = [k for k in kids[head] if k < head]
    while stack:
        k = stack.pop()
        left.add(k)
        stack.extend(kids[k])
    start = name_start
    while start - 1 in left:
        start -= 1
    # never swallow another object's mention ("the man's dog" -> "dog", not a whole phrase)
    whole = True
    for s, e in other_names:
        if start <= s and e <= name_start:
            start, whole = max(start, e), False
    while start < name_start and (doc[start].dep == "case" or doc[start].upos == "PUNCT"):
        start, whole = start + 1, False
    return start, whole


def _finite(t: DepToken) -> bool:
    return t.tag in ("VBZ", "VBP") or t.text.lower() in ("was", "were")


def _agreeing_verbs(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> tuple[int, ...]:
    """Verbs agreeing in number with the noun at ``head``: the verb it is the subject of, the
    copula of an inversion ("at the back is the high street"), and the verb of a relative clause
    whose subject is "that", "which" or "who" ("the high street which contains")."""
    t = doc[head]
    verbs = []
    if t.dep in ("nsubj", "nsubjpass"):
        verbs.append(t.head)
    elif t.dep == "attr" and doc[t.head].lemma == "be" and not any(
            doc[k].dep in ("nsubj", "nsubjpass", "expl") for k in kids[t.head]):
        verbs.append(t.head)
    verbs += [k for k in kids[head] if doc[k].dep == "relcl" and any(
        doc[c].dep in ("nsubj", "nsubjpass") and doc[c].tag in ("WDT", "WP") for c in kids[k])]
    out = []
    for v in verbs:
        if _finite(doc[v]):
            out.append(v)
        out += [k for k in kids[v] if doc[k].dep in ("aux", "auxpass") and _finite(doc[k])]
    return tuple(sorted(out))


def _plural_by_verb(doc: Sequence[DepToken], kids: list[list[int]], head: int, start: int,
                    agree: tuple[int, ...]) -> bool:
    """A singular-tagged noun whose verb is plural ("the salmon are farmed", "the sheep were"):
    one form for both numbers, so a noun put in its place is plural ("the cows are", not "the
    cow are").  Not one of several subjects ("a salad and apple are") nor after "a" or "this"."""
    return doc[head].tag == "NN" and any(doc[v].text.lower() in ("are", "were") for v in agree) \
        and not any(doc[k].dep in ("conj", "cc") for k in kids[head]) \
        and not any(doc[k].text.lower() in SINGULAR_DETERMINERS for k in range(start, head))


def is_pronoun(t: DepToken) -> bool:
    return t.upos == "PRON" or t.tag in ("PRP", "PRP$", "WP", "WP$", "WDT", "EX")


def caption_surface(doc: Sequence[DepToken], graph: SceneGraph,
                    kids: Optional[list[list[int]]] = None, mentions: Optional[list[Span]] = None) -> Surface:
    """The caption's own tokens with the graph's spans resolved into slots
    (``kids``: the tokens' children, when the caller already has them; ``mentions``: the name
    spans of every object the caption mentions, when ``graph`` leaves some out, so a noun
    phrase still ends where another mention begins)."""
    if kids is None:
        kids = children_index(doc)
    names = mentions if mentions is not None else [o.span for o in graph.objects if o.span is not None]
    surface = Surface(tokens=list(doc), graph=graph,
                      objects=tuple(range(len(graph.objects))),
                      relations=tuple(range(len(graph.relations))), caption=True)
    surface.memo["kids"] = kids
    for idx, o in enumerate(graph.objects):
        if o.span is None or not (0 <= o.span[0] < o.span[1] <= len(doc)) or not o.name.strip():
            continue
        head = o.span[1] - 1
        if is_pronoun(doc[head]):                      # "they" resolved to "people": not a phrase to move
            continue
        others = [s for s in names if s != o.span]
        start, whole = noun_phrase_start(doc, kids, head, o.span[0], others)
        agree = _agreeing_verbs(doc, kids, head)
        surface.slots[idx] = Slot(idx, (start, o.span[1]), (o.span[0], o.span[1]),
                                  o.plural or _plural_by_verb(doc, kids, head, start, agree), agree, whole)
        surface.attrs[idx] = [(k, (s[0], s[1])) for k, s in enumerate(o.attribute_spans)
                              if s is not None and 0 <= s[0] < s[1] <= len(doc)]
    for idx, r in enumerate(graph.relations):
        if r.span is not None and 0 <= r.span[0] < r.span[1] <= len(doc):
            surface.preds[idx] = (r.span[0], r.span[1])
    return surface


# --------------------------------------------------------------------------- rewriting

# tuple.__new__ builds a NamedTuple without its Python-level constructor: for the tokens and
# pieces made many times per caption.
_new_tuple = tuple.__new__


class Piece(NamedTuple):
    text: str
    origin: Optional[int] = None    # token index the word comes from (None: a new word)
    ws: str = " "


@dataclass
class Replacement:
    span: Span
    pieces: list[Piece]


def moved(surface: Surface, span: Span) -> list[Piece]:
    """The tokens of ``span`` as pieces, to be placed elsewhere."""
    return [_new_tuple(Piece, (t.text, t.i, t.ws)) for t in surface.tokens[span[0]:span[1]]]


def fresh(surface: Surface, words: str, like: Span) -> list[Piece]:
    """New words replacing ``like``; they take the case of its first token."""
    parts = words.split()
    first = surface.tokens[like[0]].text
    if len(first) > 1 and first.isupper():             # "PLASTIC BUDDIE" -> "RUBBER BUDDIE"
        parts = [p.upper() for p in parts]
    elif not surface.is_sentence_start(like[0]):
        parts[0] = match_case(parts[0], first)
    return [_new_tuple(Piece, (p, None, " ")) for p in parts]


def _keeps_case(t: DepToken) -> bool:
    return t.upos == "PROPN" or t.text == "I" or (len(t.text) > 1 and t.text.isupper())


# Determiners before a name that do not start it (``lexicon.function_words``).
_DETERMINERS = ARTICLES | DEMONSTRATIVES | (POSSESSIVE_DETERMINERS - {"whose"}) | {"some"}


def _titled(toks: Sequence[DepToken], pieces: list, k: int) -> bool:
    """Piece k starts a capitalised name the tagger did not read as one, which moves whole ("Hans
    Bishop", "Cathedral City", "Red Sole Knee Boot"): the next moved word of the caption is
    capitalised too, so the first keeps its capital ("Peppers planting Hans Bishop", not "hans");
    an article does not ("pierced a Victorian silver")."""
    if k + 1 >= len(pieces):
        return False
    first, nxt = pieces[k], pieces[k + 1]
    if toks[first.origin].upos in ("DET", "PRON", "ADP") or first.text.lower() in _DETERMINERS:
        return False
    return nxt.origin == first.origin + 1 and toks[nxt.origin].text[:1].isupper() and toks[nxt.origin].text != "I"


def _fix_articles(surface: Surface, reps: list[list], covered: set[int]) -> None:
    """a/an before new words; ``reps`` are ``[span, pieces]`` pairs, pieces copied before a change."""
    toks = surface.tokens
    for r in reps:
        (s, e), pieces = r
        copied = False
        # article inside the new words, before another new word
        for k in range(len(pieces) - 1):
            p = pieces[k]
            low = p.text.lower()
            if low in ("a", "an"):
                art = indefinite_article(pieces[k + 1].text)
                if art != low:
                    if not copied:
                        pieces = r[1] = list(pieces)
                        copied = True
                    pieces[k] = p._replace(text=match_case(art, p.text))
        # article just before the replaced span
        if s > 0 and (s - 1) not in covered and pieces:
            before = toks[s - 1].text
            low = before.lower()
            if low in ("a", "an"):
                art = indefinite_article(pieces[0].text)
                if art != low:
                    r[1] = [Piece(match_case(art, before), s - 1, toks[s - 1].ws), *pieces]
                    r[0] = (s - 1, e)
                    covered.add(s - 1)


def _fix_case(surface: Surface, r: list) -> None:
    """Moved sentence-initial words lose their capital; the word now starting a sentence gains it
    (``r`` is a ``[span, pieces]`` pair; pieces are copied before a change)."""
    toks = surface.tokens
    starts = surface.sentence_starts
    s = r[0][0]
    pieces = r[1]
    copied = False
    for k, p in enumerate(pieces):
        o = p.origin
        if o is not None and o != s + k and starts[o] and not _keeps_case(toks[o]) and not _titled(toks, pieces, k):
            if not copied:
                pieces = r[1] = list(pieces)
                copied = True
            pieces[k] = Piece(p.text[:1].lower() + p.text[1:], o, p.ws)
    if pieces and starts[s] and toks[s].text[:1].isupper():
        if not copied:
            pieces = r[1] = list(pieces)
        p = pieces[0]
        pieces[0] = Piece(p.text[:1].upper() + p.text[1:], p.origin, p.ws)


def _span_of(rep: list) -> Span:
    return rep[0]


def rewrite(surface: Surface, replacements: Sequence[Replacement]) -> Optional[tuple[str, list[Edit]]]:
    """Apply non-overlapping token replacements; None when they overlap.

    Returns the new text and one ``Edit`` per replaced span (token offsets
    of ``surface``), after a/an agreement and capitalisation fixes.
    """
    covered: set[int] = set()
    if len(replacements) == 1:               # most calls: nothing to order or to overlap
        r = replacements[0]
        if not r.pieces:
            return None
        reps: list[list[Any]] = [[tuple(r.span), r.pieces]]  # ``covered`` can stay empty:
    else:                                    # _fix_articles only asks about the token before the span
        reps = sorted(([tuple(r.span), r.pieces] for r in replacements), key=_span_of)
        for span, pieces in reps:
            rng = range(span[0], span[1])
            if not covered.isdisjoint(rng) or not pieces:
                return None
            covered.update(rng)
    _fix_articles(surface, reps, covered)
    toks, chunks = surface.tokens, surface.chunks
    out: list[str] = []
    edits: list[Edit] = []
    i = 0
    for rep in reps:
        _fix_case(surface, rep)
        (s, e), pieces = rep
        out.extend(chunks[i:s])
        new = [p.text + p.ws for p in pieces[:-1]]
        last = pieces[-1].text
        out.extend(new)
        out.append(last + toks[e - 1].ws)        # the span's own trailing space
        before, after = "".join(chunks[s:e]).rstrip(), "".join(new) + last
        if before != after:
            edits.append(Edit((s, e), before, after))
        i = e
    out.extend(chunks[i:])
    return "".join(out), edits


def to_word_spans(surface: Surface, edits: Sequence[Edit]) -> list[Edit]:
    """Edits re-indexed from surface tokens to whitespace-separated words of its text.

    Realised positives are stored as text only, so their edits index words
    ("t-shirts" is one word, three tokens); a caption's edits keep indexing
    the record's ``tokens``.
    """
    word_of = surface.memo.get("word_of")
    if word_of is None:
        word_of, w = [], 0
        for t in surface.tokens:
            word_of.append(w)
            if t.ws:
                w += 1
        surface.memo["word_of"] = word_of
    return [Edit((word_of[e.span[0]], word_of[e.span[1] - 1] + 1), e.before, e.after) for e in edits]


# --------------------------------------------------------------------------- comparison

_PUNCT_RE = re.compile(r"[^\w\s]+")
# ASCII text (nearly all): one byte table does the lowercasing and the punctuation -> space
# that the regular expression does, character for character (so the words are the same).
_ASCII_KEY = bytes(32 if _PUNCT_RE.match(chr(c)) or chr(c).isspace() else ord(chr(c).lower()) for c in range(128)) \
    + bytes(range(128, 256))


def text_key(text: str) -> str:
    """Lowercased, punctuation stripped, spaces collapsed: equality of captions."""
    if text.isascii():
        return b" ".join(text.encode("ascii").translate(_ASCII_KEY).split()).decode("ascii")
    return " ".join(_PUNCT_RE.sub(" ", text.lower()).split())    # split(): the same whitespace as \s


# --------------------------------------------------------------------------- phrase building

# The dependency label of an article a phrase adds where the caption writes its noun bare ("snow
# covering a car" of "snow is covering car"): guards that read bare nouns as a title's look past it.
OWN_ARTICLE = "det:own"

class PhraseBuilder:
    """Builds a realised phrase as a ``Surface`` (one sentence, tokens joined by spaces)."""

    def __init__(self, graph: SceneGraph):
        self.graph = graph
        self.tokens: list[DepToken] = []
        self.slots: dict[int, Slot] = {}
        self.attrs: dict[int, list[tuple[int, Span]]] = {}
        self.preds: dict[int, Span] = {}
        self.relations: list[int] = []

    def word(self, text: str, upos: str = "X", tag: str = "", lemma: Optional[str] = None,
             ws: str = " ", dep: str = "dep") -> int:
        i = len(self.tokens)
        self.tokens.append(_new_tuple(DepToken, (i, text, ws, lemma or text.lower(), upos, tag, i, dep, "", 0)))
        return i

    def words(self, pieces: Sequence[tuple], upos: str = "X", tag: str = "") -> Span:
        """Append (text, ws) or (text, ws, lemma, upos, tag) tuples; returns their span."""
        toks = self.tokens
        start = i = len(toks)
        last = start + len(pieces) - 1
        for p in pieces:
            ws = " " if i == last else (p[1] or "")          # the phrase ends in a space
            text = p[0]
            if len(p) == 5:
                toks.append(_new_tuple(DepToken, (i, text, ws, p[2] or text.lower(), p[3], p[4], i, "dep", "", 0)))
            else:
                toks.append(_new_tuple(DepToken, (i, text, ws, text.lower(), upos, tag, i, "dep", "", 0)))
            i += 1
        return start, i

    def slot(self, obj: int, np_start: int, name: Span, plural: bool, agree: tuple[int, ...] = ()) -> None:
        self.slots[obj] = Slot(obj, (np_start, name[1]), name, plural, agree)

    def set_agree(self, obj: int, verb: int) -> None:
        s = self.slots[obj]
        self.slots[obj] = Slot(s.obj, s.np, s.name, s.plural, s.agree + (verb,), s.whole)

    def build(self) -> Surface:
        toks = self.tokens
        if toks:
            toks[-1] = _new_tuple(DepToken, (*toks[-1][:2], "", *toks[-1][3:]))
        return Surface(tokens=toks, graph=self.graph, slots=self.slots, attrs=self.attrs, preds=self.preds,
                       objects=tuple(sorted(self.slots)), relations=tuple(self.relations))
