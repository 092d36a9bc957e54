"""What of an object's mention a positive may realise, read from the caption's parse.

Names, compounds, brands, dates and numbers are kept whole:

- a mention that is only the modifier of a compound or name ("tourist" of "tourist attraction",
  "life" of "life saving award", "cuff" of "cuff links") is never a positive of its own;
- the name is widened over the compound nouns the caption writes in front of it ("the life saving
  award", not "the saving award") and over capitalised words the graph took for attributes ("Black
  Diamond", "Tall Ship Parade"): an attribute inside a capitalised name is part of the name;
- a number after the name belongs to it ("Playstation 4", "October 2013"), it is no count;
- a thing the caption says is absent ("a street with no cars", "a man without a shirt") is no
  positive of its own, and no relation but "without" may name it.

Attributes are realised only where the caption asserts them of this object: not an adjective with
its own complement ("ready to kick", "20 years old"), not a past event ("the object was seen"),
and in the caption's order ("small stone house").  Only describing adjectives are realised after
"is" ("the car is red"); nouns and classifying words are not ("the coach is football", "the park
is amusement", "the side is south", "the needs are most").
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional, Sequence

from ..lexicon.lemmas import all_lemmas, is_noun_only, noun_lemma, verb_lemma
from ..lexicon.mentions import HYPOTHETICAL_MODALS, ING_COMPLEMENT_VERBS
from ..lexicon.taxonomy import depictable, is_a, noun_class, noun_classes
from ..lexicon.words import COLOURS, MATERIALS, PATTERNS, TIME_NOUNS
from ..schemas.depview import DepToken
from ..lexicon.adjectives import ATTRIBUTIVE_ONLY, NOT_THE_THING, PREDICATIVE_ONLY
from ..schemas.graph import SceneGraph, Span
from .elsewhere import not_there
from .frames import PAST_AUXILIARIES, asserted, governor
from .mentions import author
from .names import cuts_name
from .vocab import MASS_NOUNS

DESCRIBING_NOUNS = COLOURS | MATERIALS | PATTERNS
NEGATING_DETERMINERS = frozenset({"no", "zero", "neither", "nor", "never"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})
# Units of measure name no thing in the picture ("at square feet", "32 GB", "12 percent").
MEASURE_NOUNS = frozenset({
    "foot", "feet", "ft", "inch", "inches", "yard", "mile", "meter", "metre", "km", "kilometer",
    "kilometre", "cm", "mm", "m", "kg", "kilogram", "gram", "g", "lb", "lbs", "pound", "ounce", "oz",
    "liter", "litre", "ml", "gallon", "percent", "per cent", "%", "degree", "mph", "kph", "gb", "mb",
    "tb", "kb", "ghz", "mhz", "hz", "watt", "volt", "v", "w", "mah", "acre", "hectare", "sq", "square feet",
    "square foot", "square meter", "square metre", "carat", "ct",
})
_ORDINAL = re.compile(r"^(\d+(st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$")
# Children that make an adjective say something else than a property of its noun.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "prep", "advcl", "pcomp", "dobj", "agent"})
_MODIFIER_DEPS = frozenset({"compound", "nmod", "npadvmod", "amod"})
_NAME_MODIFIER_DEPS = frozenset({"compound", "npadvmod", "nmod"})
# The links a broken compound chain climbs (a literal ("conj", *_MODIFIER_DEPS) crashes mypyc).
_CHAIN_DEPS = _MODIFIER_DEPS | {"conj"}
MAX_NAME_WORDS = 5


class NounPhrase(NamedTuple):
    name: Optional[Span]                       # caption tokens of the name, widened (None: no caption span)
    after: tuple[int, ...]                     # caption tokens after the name that belong to it ("4")
    attrs: tuple[tuple[int, Optional[Span]], ...]   # realisable attributes (index, span) in caption order
    predicable: bool                           # each realisable attribute reads after "is"
    part: bool                                 # the mention only modifies a compound or name, or is a unit
    counted: bool                              # the quantity is a count before the name
    negated: bool = False                      # the caption says it is absent ("no cars", "without a shirt")
    unasserted: bool = False                   # only the object of an unasserted verb ("to eat a good breakfast")
    #                                            or the author of a work ("a book by novelist"): no positive
    #                                            of its own, only in its relations
    abstract: bool = False                     # names no thing a picture shows ("the week", "a win", "left")
    trimmed: bool = False                      # modifiers of the caption's phrase left out as not whole
    #                                            ("Top 5 things" without "top"): no bare positive


def compound_part(doc: Sequence[DepToken], graph: SceneGraph, head: int) -> bool:
    """The mention headed by ``head`` only modifies a noun after it ("tourist attraction", "the
    life saving award", "cuff links"; a conjunct inherits it: "tie and cuff links").  A head the
    graph reads as a predicate is no noun ("a male bull standing" tagged as a compound)."""
    k = head
    for _ in range(8):
        t = doc[k]
        if t.dep == "conj" and t.head < k:
            k = t.head
            continue
        break
    t = doc[k]
    if not (t.dep in _MODIFIER_DEPS and t.head > k and doc[t.head].upos in ("NOUN", "PROPN", "ADJ", "VERB", "NUM")):
        return False
    h = t.head
    return doc[h].dep in _MODIFIER_DEPS or not any(r.span is not None and r.span[0] <= h < r.span[1]
                                                   for r in graph.relations)


def _proper(doc: Sequence[DepToken], span: Span) -> bool:
    """Words of a name: proper nouns, or capitalised where the sentence does not start
    ("Tall Ship Parade", "Factory Unlocked Smartphone")."""
    return all(_capitalised(doc, j) for j in range(span[0], span[1]))


def _capitalised(doc: Sequence[DepToken], j: int) -> bool:
    t = doc[j]
    if t.upos == "PROPN":
        return True
    if len(t.text) > 1 and t.text.isupper() and t.text.isalpha():
        return True                                # "PLASTIC BUDDIE"
    starts = j == 0 or doc[j - 1].sent != t.sent or doc[j - 1].upos == "PUNCT"
    return not starts and t.text[:1].isupper()


def _name_cut(doc: Sequence[DepToken], kids: list[list[int]], head: int, start: int, attr_tokens: set[int]) -> bool:
    """A one-word name whose capitalised modifiers cannot be realised with it: "Epcot's
    International Flower and Garden Festival" is no "Festival" (a longer name stands on its own:
    "Platinum Eternity Band")."""
    if any(doc[k].ws for k in range(start, head)):
        return False
    stack = [k for k in kids[head] if k < start]
    while stack:
        j = stack.pop()
        if doc[j].dep not in _PREMODIFIER_DEPS:
            continue                               # a possessor, a determiner, a preposition's phrase
        if _capitalised(doc, j) and j not in attr_tokens:
            return True
        stack.extend(k for k in kids[j] if k < head)
    return False


_PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod", "conj", "cc", "quantmod"})


def _valid(span, n: int) -> bool:
    return span is not None and 0 <= span[0] < span[1] <= n


def _realisable(doc: Sequence[DepToken], kids: list[list[int]], tok: DepToken) -> bool:
    """The attribute word is asserted of its noun as a plain property that reads before it."""
    if tok.text.lower() in PREDICATIVE_ONLY:
        return False
    if any(doc[c].dep in _COMPLEMENT_DEPS or doc[c].dep == "npadvmod" and any(
            doc[g].dep == "nummod" or doc[g].tag == "CD" for g in kids[c]) for c in kids[tok.i]):
        return False                               # "ready to stroke", "20 years old", "close to"
    if tok.tag in ("VBN", "VBD") and tok.dep not in ("amod", "compound") and (tok.tag == "VBD" or any(
            doc[c].dep in ("aux", "auxpass") and doc[c].text.lower() in PAST_AUXILIARIES for c in kids[tok.i])):
        return False                               # a past event: "the object was first seen"
    if tok.upos in ("VERB", "AUX") and not asserted(doc, kids, tok.i):
        return False
    if tok.dep in ("acomp", "attr") and tok.head != tok.i and not asserted(doc, kids, tok.head):
        return False                               # "the house will be red"
    return True


def _predicable_word(low: str, upos: str, tag: str) -> bool:
    if low in ATTRIBUTIVE_ONLY or _ORDINAL.match(low) or tag in ("JJR", "JJS", "CD", "RBR", "RBS") or low in TIME_NOUNS:
        return False                               # "easter eggs", never "the eggs are easter"
    if upos in ("NOUN", "PROPN", "NUM", "X") or is_noun_only(low):
        return low in DESCRIBING_NOUNS             # a noun tagged as an adjective: "chestnut terrine"
    return True


def _predicable(doc: Sequence[DepToken], span: Span, name: Span, modifiers: set[int]) -> bool:
    tok = doc[span[1] - 1]
    if tok.head in modifiers or span[1] in modifiers and doc[span[1]].upos in ("NOUN", "PROPN"):
        return False                               # it may modify another modifier: "stained glass window"
    if span[1] == name[0] and any(doc[k].ws for k in range(name[0], name[1] - 1)):
        return False                               # it may modify the compound's first word: "slow motion video"
    if not _predicable_word(tok.text.lower(), tok.upos, tok.tag) or tok.lemma.lower() in ATTRIBUTIVE_ONLY \
            or tok.dep == "compound" and "ADJ" not in all_lemmas(tok.text.lower()):
        return False                               # a compound's noun tagged JJ: "rugby player", "golf cart"
    if tok.upos == "ADJ" and is_a(tok.text.lower(), noun_lemma(doc[name[1] - 1].text.lower())):
        return False                               # a kind, no property: "husky dog" is no "dog that is husky"
    if tok.text.lower() == "little" and span[0] > 0 and doc[span[0] - 1].text.lower() == "a" \
            and noun_lemma(doc[name[1] - 1].text.lower()) in MASS_NOUNS:
        return False                               # an amount: "a little snow" is no "snow that is little"
    head = name[1] - 1
    # it modifies a word of a compound name, not the thing: "essential oil bottle"
    return not (name[0] <= tok.head < head)


def analyse(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, idx: int) -> NounPhrase:
    o = graph.objects[idx]
    n = len(o.attributes)
    spans: list[Optional[Span]] = list(o.attribute_spans) if o.attribute_spans else [None] * n
    if o.span is None or not _valid(o.span, len(doc)):
        no_span: list[tuple[int, Optional[Span]]] = [(k, None) for k in range(n)]
        return NounPhrase(None, (), tuple(no_span), all(_predicable_word(a, "ADJ", "JJ") for a in o.attributes),
                          o.name.lower() in MEASURE_NOUNS, True, False)
    s, e = o.span
    head = e - 1
    valid: dict[int, Span] = {k: sp for k, sp in enumerate(spans) if sp is not None and _valid(sp, len(doc))}
    attr_tokens = {j for sp in valid.values() for j in range(sp[0], sp[1])}
    ends = {sp[1]: k for k, sp in valid.items()}
    in_name: set[int] = set()
    start = s
    while start > 0 and e - start < MAX_NAME_WORDS:
        k = ends.get(start)
        if k is not None and _proper(doc, valid[k]) and e - valid[k][0] <= MAX_NAME_WORDS:
            in_name.add(k)                         # "Black Diamond", "Tall Ship Parade"
            start = valid[k][0]
            continue
        t = doc[start - 1]
        if t.text.lower() in NOT_THE_THING and start <= t.head < e:
            in_name.update(j for j, sp in valid.items() if sp == (start - 1, start))
            start -= 1                             # "a stuffed polar bear" is no polar bear
            continue
        if (t.dep in _NAME_MODIFIER_DEPS and t.upos in ("NOUN", "PROPN") and start <= t.head < e
                and t.i not in attr_tokens):
            start -= 1                             # "the life saving award"
            continue
        break
    start, cut = _hyphen_widened(doc, start, e)
    attrs: list[tuple[int, Optional[Span]]] = []
    predicable = True
    for k in range(n):
        if k in in_name:
            continue
        sp = valid.get(k)
        if sp is None:
            attrs.append((k, None))
            predicable = predicable and _predicable_word(o.attributes[k], "ADJ", "JJ")
            continue
        if any(_capitalised(doc, j) for j in range(sp[0], sp[1])) or not _realisable(doc, kids, doc[sp[1] - 1]) \
                or hyphen_cut(doc, sp[0], sp[1]) or start <= sp[0] < e:
            continue                               # a word of a name elsewhere, not a plain property, or
            #                                        part of a hyphenated word ("royalty-free", "E-Z")
        attrs.append((k, sp))
        predicable = predicable and _predicable(doc, sp, (start, e), attr_tokens) \
            and not _agent_classifier(doc, sp, head)
    attrs.sort(key=_attribute_position)
    if any(doc[c].dep == "poss" for c in kids[head]):
        attrs = [(k, sp) for k, sp in attrs if sp is None or doc[sp[1] - 1].tag != "JJS"]
        #                                          "the world's largest biceps" is no "largest biceps",
        #                                          "his best game" no "the best game"
    whole = len(attrs)
    attrs, run_start = _contiguous_modifiers(doc, attrs, start)
    after: tuple[int, ...] = ()
    counted = bool(o.quantity) and not _quantity_cut(doc, kids, head, run_start)
    if o.quantity and e < len(doc) and doc[e].dep == "nummod" and doc[e].head == head \
            and doc[e].text.lower() == o.quantity.lower():
        after, counted = (e,), False               # "Playstation 4", "October 2013"
    elif not o.quantity and doc[head].lemma.lower() in o.name.lower().split():
        after = kind_complement(doc, kids, head)   # "fetus of pear", "a full sleeve of tattoos"
        if any(sp[0] in after for sp in valid.values()) or _related_at(graph, idx, after[-1:]) \
                or not any(o2.span is not None and o2.span[1] - 1 in after for o2 in graph.objects) \
                or after and doc[after[-1]].text.lower() in MEASURE_NOUNS:
            after = ()                             # "walls of glass": the material is an attribute;
            #                                        "the home of person": the owner is a thing; a
            #                                        title or a word the record leaves out: no kind;
            #                                        "a throw of feet": a measure
        predicable = predicable and not after      # "the huge field of sunflowers", never "a field of
        #                                            sunflowers that is huge" (the sunflowers are not)
    part = (compound_part(doc, graph, head) or o.name.lower() in MEASURE_NOUNS or cut
            or classifier_possessor(doc, head) or possessive_name_cut(doc, start)
            or misread_compound_head(doc, kids, head) or _CODE_HEAD.match(doc[head].text.lower()) is not None
            or _name_cut(doc, kids, head, start, attr_tokens) or chain_cut(doc, kids, start, e, attr_tokens)
            or cuts_name(doc, _realised_words(doc, kids, head, (start, e), attrs, after, counted, run_start)))
    abstract = doc[head].upos != "PROPN" and not (depictable(o.name) or depictable(doc[head].text))
    abstract = abstract or bool(after) and doc[after[-1]].upos == "NOUN" and not depictable(doc[after[-1]].text)
    #                                            "the object of desire": a kind no picture shows
    return NounPhrase((start, e), after, tuple(attrs), predicable, part, counted,
                      negated(doc, kids, head), unasserted_object(doc, kids, head) or author(doc, kids, head)
                      or not_there(doc, head)
                      or _by_lost_head(doc, head) or possessor_only(doc, kids, head),
                      abstract, len(attrs) < whole)


POSSESSIVE_MARKS = frozenset({"'s", "\u2019s"})
# A number with a unit letter or an ordinal suffix names a kind, a format or a time, never a thing:
# "a mind-bending 3d tattoo" (tattoo tagged an adverb) is no "a 3d", nor "18k" of "18k Gold
# Lapis Cufflinks", "4k", "5g", "the 1950s", "the 5th".
_CODE_HEAD = re.compile(r"^\d+(d|k|g|p|x|s|'s|th|st|nd|rd)$")


_PRONOUN_NOUNS = frozenset({"mine", "yours", "his", "hers", "ours", "theirs", "one", "ones"})


def kind_complement(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> tuple[int, ...]:
    """("of", noun) right after the name when the noun is bare, one word with nothing of its own:
    it says what kind of thing the head is, and the head alone says something else ("the branch
    with fetus of pear" is no "the branch with fetus"; "a full sleeve of tattoos" no "the sleeve
    is full").  A noun with a determiner is a thing of its own ("the roof of the house")."""
    e = head + 1
    if e + 1 >= len(doc) or doc[e].text.lower() != "of" or doc[e].head != head or doc[e].dep != "prep":
        return ()
    last = e + 1
    while last < len(doc) and doc[last].dep in ("amod", "compound") and doc[last].head > last:
        last += 1                                  # "a glass of red wine"
    y = doc[last] if last < len(doc) else doc[e]
    if y.head != e or y.dep != "pobj" or y.tag not in ("NN", "NNS") or y.text.lower() in _PRONOUN_NOUNS \
            or not doc[head].ws or not doc[e].ws \
            or any(k < e or k > last for k in kids[y.i]) or last - e > 3 \
            or any(doc[k].head != y.i and doc[k].head <= last for k in range(e + 1, last)):
        return ()
    return tuple(range(e, last + 1))


def _related_at(graph: SceneGraph, idx: int, tokens: tuple[int, ...]) -> bool:
    """Object idx is related to an object whose name ends at one of ``tokens``."""
    ends = {o.span[1] - 1: j for j, o in enumerate(graph.objects) if o.span is not None}
    others = {ends[k] for k in tokens if k in ends}
    return any({r.subject, r.object} & others and idx in (r.subject, r.object) for r in graph.relations)


def _by_lost_head(doc: Sequence[DepToken], head: int) -> bool:
    """The person after "by" of a phrase whose head noun the parse lost ("a 3d tattoo by actor",
    "tattoo" tagged an adverb): the maker of a work, as likely as not, so no positive of its own."""
    t = doc[head]
    if t.dep != "pobj" or t.head == head or doc[t.head].text.lower() != "by":
        return False
    return _CODE_HEAD.match(doc[doc[t.head].head].text.lower()) is not None


def misread_compound_head(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The mention is the modifier of a compound whose head the parse read as its verb: "small
    water drops forming a circle", "rain drops falling on a window" (the verb, a plural noun
    form right after its subject, has nothing but an "-ing" participle after it, which no verb
    but those of ``ING_COMPLEMENT_VERBS`` takes)."""
    t = doc[head]
    v = t.head
    if t.dep != "nsubj" or v != head + 1 or doc[v].tag != "VBZ" or not doc[head].ws:
        return False
    if "NOUN" not in all_lemmas(doc[v].text.lower()) or verb_lemma(doc[v].text.lower()) in ING_COMPLEMENT_VERBS:
        return False
    after = [k for k in kids[v] if k > v and doc[k].dep != "punct"]
    return bool(after) and after[0] == v + 1 and doc[v + 1].tag == "VBG" \
        and all(doc[k].dep in ("xcomp", "advcl") for k in after)


def classifier_possessor(doc: Sequence[DepToken], head: int) -> bool:
    """The possessor says what kind the possessed is, and is no thing of its own: an irregular
    plural with "'s" ("the men's semifinal", "a men's pair of khaki shorts", "women's shoes",
    "children's book"), or a capitalised possessor inside a name ("Mother's Day Teddy Bear card")."""
    t = doc[head]
    if t.dep != "poss" or head + 1 >= len(doc) or doc[head + 1].text.lower() not in POSSESSIVE_MARKS:
        return False
    if t.tag == "NNS" and not t.text.lower().endswith("s"):
        return True
    return head + 2 < len(doc) and _capitalised(doc, head) and _capitalised(doc, head + 2) \
        and doc[head + 2].upos in ("NOUN", "PROPN")


def possessor_only(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A possessor the caption shows only through what it owns ("orange wall of a man's bedroom",
    "the world's largest biceps"): no positive of its own, unless it owns a part of its body
    ("this man's arm": the man is there)."""
    t = doc[head]
    if t.dep != "poss" or t.upos not in ("NOUN", "PROPN") or t.head == head:
        return False
    owned = doc[t.head]
    if any(doc[c].tag == "JJS" for c in kids[owned.i]):
        return True                                # a superlative's scope: "the world's largest"
    return noun_class(noun_lemma(owned.text.lower())) != "body"


def possessive_name_cut(doc: Sequence[DepToken], start: int) -> bool:
    """The name starts inside a possessive name: "Day Teddy Bear card" of "Mother's Day Teddy
    Bear card" is no thing."""
    return start >= 2 and doc[start - 1].text.lower() in POSSESSIVE_MARKS and _capitalised(doc, start) \
        and _capitalised(doc, start - 2)


HYPHENS = frozenset({"-", "\u2013", "\u2014"})
# Joiners inside a name of two names: "Jeeves & Wooster", "Marks & Spencer" ("and" joins two
# people as often: "Mme Calvet and Roger Sterling").
NAME_JOINERS = frozenset({"&", "+"})


def hyphen_cut(doc: Sequence[DepToken], s: int, e: int) -> bool:
    """The span [s, e) starts or ends inside a hyphenated word: "the grid" of "off-the-grid",
    "Z" of "E-Z", "royalty" of "royalty-free", "regis" of "Ateneo-regis"."""
    if s > 0 and not doc[s - 1].ws and (doc[s - 1].text in HYPHENS or doc[s - 1].text.endswith("-")
                                        or doc[s].text[:1] in HYPHENS):
        return True
    return e < len(doc) and not doc[e - 1].ws and (doc[e].text[:1] in HYPHENS or doc[e - 1].text.endswith("-"))


def _hyphen_widened(doc: Sequence[DepToken], start: int, e: int) -> tuple[int, bool]:
    """(start, cut): a name that starts inside a hyphenated name is widened over it ("Ateneo-regis
    Mba Program"); one that cannot be (a phrase "off-the-grid", too long, or one ending inside
    a hyphenated word) is cut."""
    if not hyphen_cut(doc, start, e):
        return start, False
    g = start
    while g > 0 and not doc[g - 1].ws:
        g -= 1
    words = [t for t in doc[g:start] if t.text not in HYPHENS]
    if hyphen_cut(doc, g, e) or e - g > MAX_NAME_WORDS + 2 \
            or not all(t.upos in ("NOUN", "PROPN") or _capitalised(doc, t.i) for t in words):
        return start, True
    return g, False


def chain_cut(doc: Sequence[DepToken], kids: list[list[int]], start: int, e: int, attr_tokens: set[int]) -> bool:
    """The name is the tail or the head of a longer compound the parse broke: "links" of "tie
    and cuff links" (the noun before it modifies it through a conjunct), "Wooster cover" of
    "Jeeves & Wooster cover" (a name joined to the name before it), "the world" of "the world
    championships" (a noun-only word after it tagged as a verb)."""
    head = e - 1
    if start > 0 and doc[start - 1].upos in ("NOUN", "PROPN") and start - 1 not in attr_tokens \
            and doc[start - 1].dep == "conj":
        k = start - 1
        for _ in range(8):
            t = doc[k]
            if t.head == k or t.dep not in _CHAIN_DEPS:
                break
            k = t.head
            if k == head:
                return True
    if start > 1 and doc[start - 1].text in NAME_JOINERS and _capitalised(doc, start) \
            and _capitalised(doc, start - 2) and start - 1 not in attr_tokens:
        return True                                # "Wooster cover" of "Jeeves & Wooster cover"
    if e < len(doc) and doc[head].ws and doc[e].upos in ("VERB", "AUX"):
        forms = all_lemmas(doc[e].text.lower())
        if set(forms) == {"NOUN"} and doc[e].text[:1].isalpha():
            return True
    return False


_AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians")
_RELATIONAL_SUFFIXES = ("al", "ic", "ical", "ary", "ar")
_MODIFIER_THING_CLASSES = frozenset({"artifact", "food", "substance", "plant"})   # "antique", not "female"


def _agent_classifier(doc: Sequence[DepToken], span: Span, head: int) -> bool:
    """An adjective of a person named by what they do that says what they do, not what they
    are like: "antique collector" (the collector is not antique), "mixed martial artist",
    "classical musician".  Fine before the noun, never after "is"."""
    h = doc[head]
    if not h.text.lower().endswith(_AGENT_SUFFIXES) or noun_class(h.text) != "person":
        return False
    for t in doc[span[0]:span[1]]:
        w = t.text.lower()
        classes = noun_classes(w)
        if w.endswith(_RELATIONAL_SUFFIXES) or "animal" not in classes and classes & _MODIFIER_THING_CLASSES:
            return True
    return False


# Words that may stand between two realised modifiers without either modifying the other.
_NEUTRAL_GAP_TAGS = frozenset({"JJ", ","})
# Words left out right after a modifier that the modifier may modify: "slow growing", "brightly
# lit", "a mind-bending", "well - known".
_MODIFIABLE_TAGS = frozenset({"VBG", "VBN", "VBD", "RB", "RBR", "RBS", "HYPH", "CD"})


def _modifiable(t: DepToken) -> bool:
    return t.tag in _MODIFIABLE_TAGS or t.text in HYPHENS
_COORDINATORS = frozenset({"and", "or", "&", "nor"})


def _contiguous_modifiers(doc: Sequence[DepToken], attrs: list[tuple[int, Optional[Span]]], start: int,
                          ) -> tuple[list[tuple[int, Optional[Span]]], int]:
    """(the attributes before the name that read as the caption's own modifier, where that run of
    modifiers starts).  A word left out between two realised modifiers (below the confidence
    threshold, or no plain property) may be what the earlier one modifies: "slow growing
    ornamental tree" without "growing" is no "slow ornamental tree", so the modifiers before
    such a gap go with it; a coordinator joins one modifier ("black and white easter eggs" is
    no "black white easter eggs", nor "white easter eggs"): both conjuncts go.  A comma, an
    adjective or a noun right after the earlier one is no such gap ("a beautiful
    Victorian house": "a beautiful house"; "adorable infant smiling girl": "adorable girl")."""
    before: list[tuple[int, Span]] = [(k, sp) for k, sp in attrs if sp is not None and sp[1] <= start]
    pos = start
    keep: set[int] = set()
    for k, sp in reversed(before):
        gap = doc[sp[1]:pos]
        if any(t.text.lower() in _COORDINATORS for t in gap):
            keep.discard(_first_after(before, pos))        # the conjunct after the coordinator
            break
        if gap and _modifiable(gap[0]):
            break
        keep.add(k)
        pos = sp[0]
    if len(keep) == len(before):
        return attrs, pos
    dropped = {k for k, _ in before} - keep
    return [(k, sp) for k, sp in attrs if k not in dropped], start if not keep else min(
        sp[0] for k, sp in before if k in keep)


def _first_after(before: list[tuple[int, Span]], pos: int) -> int:
    for k, sp in before:
        if sp[0] >= pos:
            return k
    return -1


def _quantity_cut(doc: Sequence[DepToken], kids: list[list[int]], head: int, run_start: int) -> bool:
    """The number is not written next to the phrase realised ("Over 8 lakh people" without
    "lakh" is no "8 people"): a word left out between the count and the modifiers or name."""
    nums = [k for k in kids[head] if doc[k].dep == "nummod" and k < run_start]
    if not nums:
        return False
    return any(t.tag not in _NEUTRAL_GAP_TAGS and t.dep not in ("nummod", "quantmod")
               for t in doc[max(nums) + 1:run_start])


def _realised_words(doc: Sequence[DepToken], kids: list[list[int]], head: int, name: Span,
                    attrs: list[tuple[int, Optional[Span]]], after: tuple[int, ...], counted: bool,
                    run_start: int) -> list[int]:
    """The caption tokens the mention's realisation says: its name, attributes, what follows the
    name and the count."""
    words = [*range(*name), *after, *(j for _, sp in attrs if sp is not None for j in range(*sp))]
    if counted:
        words += [k for k in kids[head] if doc[k].dep == "nummod" and k < run_start]
    return words


def _attribute_position(a: tuple[int, Optional[Span]]) -> int:
    return -1 if a[1] is None else a[1][0]


def unasserted_object(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The mention is an indefinite object of a verb the caption does not assert: "would have
    ample room", "it's important to eat a good breakfast", "use a large mirror" (see
    ``frames.asserted``).  A definite one is there all the same ("check out the custom rims",
    "a trip to deliver this wedding cake", "to water the lawn of a house"), unless the verb tells
    of another world: "the property would have ample room for actor and her daughter"."""
    v, definite = _object_governor(doc, kids, head)
    if v < 0 or doc[v].upos not in ("VERB", "AUX") or asserted(doc, kids, v):
        return False
    return not definite or hypothetical(doc, kids, v)


def _definite(doc: Sequence[DepToken], kids: list[list[int]], k: int) -> bool:
    return any(doc[c].dep == "poss" or doc[c].dep == "det" and doc[c].text.lower() in DEFINITE_DETERMINERS
               for c in kids[k])


def _object_governor(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> tuple[int, bool]:
    """(the verb whose object the mention is, through conjuncts and through the nouns a
    preposition's phrase hangs on ("ample room for a guest": have), or -1; whether a noun on the
    way is definite)."""
    definite = False
    for _ in range(8):
        definite = definite or _definite(doc, kids, head)
        k = head
        for _ in range(8):
            t = doc[k]
            if t.dep != "conj" or t.head == k:
                break
            k = t.head
        t = doc[k]
        if t.dep in ("dobj", "attr", "oprd", "dative") and t.head != k:
            return t.head, definite
        if t.dep != "pobj" or t.head == k:
            return -1, definite
        v = governor(doc, t.head)
        if doc[v].upos not in ("NOUN", "PROPN") or v == k:
            return v, definite
        head = v                                       # "ample room for a guest"
    return -1, definite


def hypothetical(doc: Sequence[DepToken], kids: list[list[int]], v: int) -> bool:
    """A modal of another world ("would", "could", "might") governs verb v or a verb it
    depends on."""
    for _ in range(8):
        if any(doc[c].dep == "aux" and doc[c].text.lower() in HYPOTHETICAL_MODALS for c in kids[v]):
            return True
        t = doc[v]
        if t.head == v or t.dep not in ("conj", "xcomp", "ccomp", "advcl", "pcomp", "prep"):
            return False
        v = t.head
    return False


def negated(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The caption says the thing is absent: "no cars", "without a shirt", "nor a hat"."""
    if any(doc[c].dep in ("det", "neg", "advmod") and doc[c].text.lower() in NEGATING_DETERMINERS
           or doc[c].dep == "neg" for c in kids[head]):
        return True                                # "no cars", "not a fan of denim"
    k = head
    for _ in range(8):                             # "without a shirt or shoes": the conjuncts too
        t = doc[k]
        if t.dep != "conj" or t.head == k:
            break
        k = t.head
    t = doc[k]
    return t.dep == "pobj" and doc[t.head].text.lower() == "without"
