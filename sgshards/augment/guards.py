"""Words of a caption that are not scene content, and graph elements positives and negatives must
leave alone because of them (issue 15, precision before recall).

- **Labels and fields**: a short noun phrase before ":" or "#" followed by a longer description
  ("wood: statue overlooking the fountain", "property image # discover the beauty") names a
  place, a source or a section, not a thing in the picture; a field word with a colon ("topic:",
  "tags:", "keywords:") starts metadata that runs to the end of the caption.
- **Glued words**: a lower-case word no dictionary knows that reads as two words run together
  ("patternspiders", "betweenarea", "theborn") is a tokenisation accident, and a predicate whose
  verb no dictionary knows as a verb ("patchwork" -> "patchworking") gets invented forms.
- **Repeated placeholders**: "person person" (CC3M's name substitutions) or "gifts gifts".
- **Quoted words**: a name, nickname or title ("her 'little muffins'"), not a description.
- **Title separators**: a noun phrase the parse ran across a spaced dash ("Lokottaravada -
  Bodhisattva statue", "Slipknot - Wait") glues two segments of a title or listing.
- **Mentioned, not shown** (``mentions``): fragments, idioms, titles, roles, what a witness saw;
  and relations the parse gets wrong (camera verbs, a picture acting on what it shows, ...).
- **Multiword units** (``lexicon.units``): an element that keeps only part of a fixed expression
  ("kin details" of "next of kin details", "date" of "date of birth", "life" of "still life",
  "tourist" of "tourist attraction", the verb "cover" of "cover art"); of a unit whose head
  alone is true ("bus stop" is a stop) the head and its attribute may stay.
- **Not depicted** (``depicted``): the noun of a complex preposition or a figurative phrase,
  possessive pronouns, times, possessors that are no one there, generic and past statements,
  addressees, the reader's hypothetical things, instructions; and web furniture (stock labels,
  page phrases, web addresses, words cut at a hyphen).
- **Alternatives**: things or attributes joined by "or" ("is it birds or planes?", "t-shirt or
  poster design", "an antique or distressed flag"): the caption says one of them, not which.
- **Superlatives out of their scope**: "the largest ambulance operator" of "... in Stockholm".
- **Possession is not presence**: "the fisherman's hut" is not "the fisherman with the hut";
  a possessive "have" is realised (as "with", and negated as "without") only for a part.

``excluded`` gives the graph elements built on such words; ``core`` leaves them out of the view
positives and negatives are made from (caption-level negatives that edit other words stay).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Sequence

from ..lexicon.taxonomy import part_of, senses
from ..lexicon.units import unit_spans
from ..lexicon.words import BODY_PARTS
from ..schemas.depview import FINITE_TAGS, DepToken, children_index, text_of
from ..schemas.graph import SceneGraph
from ..text.pretokenised import looks_pretokenised
from ..text.suitability import ENGLISH_FUNCTION_WORDS, is_english_word
from .frames import is_verb_word
from .attachment import clause_objects, wrong_attachments
from .depicted import page_tokens, undepicted
from .mentions import misattached, not_depicted, quoted_tokens

LABEL_MARKS = frozenset({":", "#"})
MAX_LABEL_WORDS = 5
SHORT_HEADLINE = 3           # a label with a verb: at most this many words, a three times longer text
# A field name before a colon: what follows is metadata, not a description.
FIELD_WORDS = frozenset({"topic", "topics", "tag", "tags", "category", "categories", "keyword",
                         "keywords", "label", "labels", "subject", "filed", "source", "credit",
                         "credits", "caption"})
# A news agency's mark of an archive photo before the caption ("FILE - ", "FILE PHOTO - ").
FILE_MARKS = (("file", "-"), ("file", ":"), ("file", "photo", "-"), ("file", "photo", ":"))
# Possessive "have" relations (the graph's rule names): realised as "with" only for a part.
POSSESSIVE_RULES = frozenset({"noun/possessive", "possessor/plural"})
WRITTEN_FORMS = frozenset({"VBN", "VBD", "VBG"})     # realised as written, never inflected
# Ranks: said of a person ("was fourth", "finished second") they are no attribute of the thing.
ORDINALS = frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh
twelfth last 1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th""".split())
_MIN_PIECE = 6               # both halves of a glued content word have at least this many letters
# Function words that begin a glued pair ("theborn", "betweenarea", "willmake"); words that also
# begin real compounds ("under", "over", "out", "back", "after", "up") are not among them.
GLUE_HEADS = frozenset("""the this these those that and but its our their your will would
could should for with from between among into onto than then rather very""".split())


class Excluded(NamedTuple):
    objects: frozenset[int]
    relations: frozenset[int]
    attributes: frozenset[tuple[int, int]]       # (object, attribute index)

    def __bool__(self) -> bool:
        return bool(self.objects or self.relations or self.attributes)


NOTHING = Excluded(frozenset(), frozenset(), frozenset())


def _known(word: str) -> bool:
    return is_english_word(word) or bool(senses(word))


@lru_cache(maxsize=1 << 16)
def run_together(word: str) -> bool:
    """A lower-case word no dictionary knows that splits into a function word and a word
    ("theborn", "betweenarea") or into two content words ("patternspiders")."""
    if not (word.isalpha() and word.islower()) or len(word) < 6 or _known(word):
        return False
    for k in range(2, len(word) - 1):
        head, tail = word[:k], word[k:]
        if head in GLUE_HEADS and _known(tail) and len(tail) >= 3:
            return True
        if len(head) >= _MIN_PIECE and len(tail) >= _MIN_PIECE and _known(head) and _known(tail) \
                and head not in ENGLISH_FUNCTION_WORDS and tail not in ENGLISH_FUNCTION_WORDS:
            return True
    return False


def label_tokens(doc: Sequence[DepToken]) -> set[int]:
    """Indices of a leading label ("a city:", "property image #", "FILE -") and of metadata fields
    ("topic: christmas cooking", "Tags: ...") with their marks.  A phrase with a preposition
    other than "of" before the mark is a description ("long hair with a fringe: ...")."""
    out: set[int] = set()
    for k, t in enumerate(doc):
        if t.text in LABEL_MARKS and k:
            before = [d for d in doc[:k] if any(ch.isalnum() for ch in d.text)]
            after = [d for d in doc[k + 1:] if any(ch.isalnum() for ch in d.text)]
            finite = any(d.tag in FINITE_TAGS for d in doc[:k])    # "girls allowed: ..." is a headline too
            described = any(d.upos == "ADP" and d.text.lower() != "of" for d in doc[:k])
            if (len(before) <= MAX_LABEL_WORDS and len(after) > len(before) and not described
                    and (not finite or len(before) <= SHORT_HEADLINE and len(after) >= 3 * len(before))):
                out.update(range(k + 1))
            break
    words = [t.text.lower() for t in doc[:3]]
    for mark in FILE_MARKS:
        if words[:len(mark)] == list(mark):          # "FILE - King Faisal University vice president ..."
            out.update(range(len(mark)))
    for k, t in enumerate(doc[:-1]):
        if t.text.lower() in FIELD_WORDS and doc[k + 1].text == ":":
            out.update(range(k, len(doc)))
            break
    return out


def repeated_tokens(doc: Sequence[DepToken]) -> set[int]:
    """A word written twice in a row ("person person", "gifts gifts")."""
    out: set[int] = set()
    for k in range(1, len(doc)):
        a, b = doc[k - 1].text.lower(), doc[k].text.lower()
        if a == b and a.isalpha():
            out.update((k - 1, k))
    return out


ALTERNATIVE_MARKS = frozenset({"or", "nor"})
ALTERNATIVE_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})


def alternative_tokens(doc: Sequence[DepToken], kids: list[list[int]]) -> set[int]:
    """Nouns and adjectives coordinated by "or" ("birds or planes", "gold or silver leaf", "sea, lake
    or river": the "or" hangs on a later conjunct), each conjunct: none of them is stated alone, and
    another thing for one of them may be the one shown ("birds or motorcycles")."""
    out: set[int] = set()
    for h, t in enumerate(doc):
        if t.upos in ALTERNATIVE_TAGS and any(doc[c].dep == "cc" and doc[c].text.lower() in ALTERNATIVE_MARKS
                                              for c in kids[h]):
            while (doc[h].dep == "conj" and doc[h].head != h and doc[doc[h].head].upos in ALTERNATIVE_TAGS
                   and not any(doc[c].dep == "cc" and doc[c].text.lower() not in ALTERNATIVE_MARKS
                               for k in (h, doc[h].head) for c in kids[k])):
                h = doc[h].head                      # the first conjunct, unless "and" joins the list
            todo = [h]
            while todo:
                k = todo.pop()
                if k not in out and doc[k].upos in ALTERNATIVE_TAGS:
                    out.add(k)
                    todo.extend(c for c in kids[k] if doc[c].dep == "conj")
    return out


NUMBER_TAKING_TAGS = frozenset({"DT", "PRP$"})


def deleted_number_tokens(doc: Sequence[DepToken]) -> set[int]:
    """A dash right after a determiner, where CC3M deleted a number ("the - meter springboard", "a
    - bedroom stone cottage"): the dash and the noun after it, which without the number say
    another thing ("the meter springboard").  In "off - the - shoulder" it marks only the shoulder."""
    out: set[int] = set()
    for k in range(1, len(doc) - 1):
        if doc[k].text == "-" and doc[k - 1].tag in NUMBER_TAKING_TAGS:
            end = next((j for j in range(k + 1, len(doc)) if doc[j].upos in ("NOUN", "PROPN")), k)
            out.update(range(k, end + 1))
    return out


def unsafe_tokens(doc: Sequence[DepToken]) -> set[int]:
    """Tokens no positive may state and no negative may edit."""
    return (label_tokens(doc) | repeated_tokens(doc) | quoted_tokens(doc) | page_tokens(doc)
            | deleted_number_tokens(doc) | {t.i for t in doc if run_together(t.text)})


def _touches(span, bad: set[int]) -> bool:
    return span is not None and any(k in bad for k in range(span[0], span[1]))


def _head_in(span, tokens: set[int]) -> bool:
    return span is not None and span[1] - 1 in tokens


def _cuts(span, units: list[tuple[int, int, str]], attribute: bool = False, objects: bool = False,
          covered: frozenset[int] = frozenset()) -> bool:
    """The span keeps part of a unit: it overlaps one without holding all of it (with the tokens
    ``covered`` besides), and (for a unit whose head alone is true, kind ``h``) without its head;
    an attribute may cut those ("football" of "football player").  An object may cut an adjective
    compound (kind ``a``: "autumn themed quilt" has the object "autumn" of (autumn, theme, quilt));
    its attributes may not."""
    if span is None or not units:
        return False
    a, b = span
    for s, e, kind in units:
        if a < e and s < b and not (a <= s and e <= b) and not all(a <= k < b or k in covered for k in range(s, e)):
            if kind == "a" and objects:
                continue
            if kind != "h" or not (attribute or a <= e - 1 < b):
                return True
    return False


def _cuts_relation(graph: SceneGraph, k: int, units: list[tuple[int, int, str]]) -> bool:
    """The relation's predicate keeps part of a unit its arguments do not hold the rest of ("cover"
    of "Variable Star cover art"), or lies inside an argument's own name (the unit kept whole)."""
    r = graph.relations[k]
    if r.span is None or not units:
        return False
    args = [graph.objects[x].span for x in (r.subject, r.object)]
    if any(s is not None and r.span[0] < s[1] and s[0] < r.span[1] for s in args):
        return True
    covered = frozenset(t for s in args if s is not None for t in range(s[0], s[1]))
    return _cuts(r.span, units, covered=covered)


def _rank(doc: Sequence[DepToken], span) -> bool:
    """An ordinal said of a thing, not written before it: "the athlete was fourth in the shot
    put", "finished second" (a rank in a contest, not what makes "the fourth athlete"), or written
    after it, a century or a date cut short ("a blue and white vase, Qing Dynasty, 19th")."""
    if span is None or span[1] - span[0] != 1 or not 0 <= span[0] < len(doc):
        return False
    t = doc[span[0]]
    low = t.text.lower()
    return (low in ORDINALS or _NUMERIC_ORDINAL.match(low) is not None) \
        and (t.dep not in ("amod", "nummod", "compound") or t.head < t.i)


_NUMERIC_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
_SCOPE_PREPS = frozenset({"in", "of", "among", "on", "at", "across", "around", "for"})


def _scoped_superlative(doc: Sequence[DepToken], kids: list[list[int]], span) -> bool:
    """A superlative true only within the scope the caption gives it: "Falck is now the largest
    ambulance operator in Stockholm", "the tallest building in the city" (heldout15 web): "the
    largest ambulance operator" alone is no longer true."""
    if span is None or span[1] - span[0] != 1 or not 0 <= span[0] < len(doc):
        return False
    t = doc[span[0]]
    if t.tag != "JJS" and not (span[0] > 0 and doc[span[0] - 1].text.lower() in ("most", "least")):
        return False
    n = t.head
    return any(doc[c].dep == "relcl" or doc[c].dep == "poss" and doc[c].text.lower() not in _EVERYWHERE
               or doc[c].dep == "prep" and c > n and doc[c].text.lower() in _SCOPE_PREPS
               and not any(doc[g].text.lower() in _EVERYWHERE for g in kids[c])
               for c in kids[n])                    # "the city's tallest", "the biggest dog i have ever seen"


# Scopes that take nothing away: "the smartest bird on earth" is the smartest bird.
_EVERYWHERE = frozenset({"earth", "world", "universe", "planet", "history", "time", "world's", "earth's"})


def _verb_with_subject(doc: Sequence[DepToken], kids: list[list[int]], span) -> bool:
    """A modifier with a subject of its own is a verb the parse hung on the noun: "the reality star carefully
    unloaded person, from their vehicle" is no "unloaded person"."""
    if span is None or span[1] - span[0] != 1 or not 0 <= span[0] < len(doc):
        return False
    return any(doc[c].dep in ("nsubj", "nsubjpass") for c in kids[span[0]])


def _inner_modifier(doc: Sequence[DepToken], span) -> bool:
    """An adjective of the noun inside a hyphenated modifier: "heavy metal - eating bacteria" (heavy
    metal, not heavy bacteria), "a red wine - stained shirt"."""
    if span is None or span[1] - span[0] != 1 or not 0 <= span[0] < len(doc) - 2:
        return False
    nxt = doc[span[0] + 1]
    return (doc[span[0]].upos == "ADJ" and nxt.upos == "NOUN" and nxt.dep in ("npadvmod", "compound")
            and doc[span[0] + 2].text in ("-", "\u2010", "\u2011") and nxt.head > nxt.i
            and doc[nxt.head].dep in ("amod", "compound") and doc[nxt.head].tag in ("VBN", "VBG", "JJ"))


def possession_not_part(graph: SceneGraph, r_idx: int) -> bool:
    """A possessive "have" whose possessed thing is no part of the owner ("fisherman's hut")."""
    r = graph.relations[r_idx]
    if r.predicate != "have" or r.rule.split("+")[0].split(":")[-1] not in POSSESSIVE_RULES:
        return False
    owner, owned = graph.objects[r.subject].name, graph.objects[r.object].name
    head = owned.split()[-1] if owned else owned
    return head not in BODY_PARTS and not part_of(owned, owner) and not part_of(head, owner)


def excluded(doc: Sequence[DepToken], graph: SceneGraph) -> Excluded:
    """The graph elements positives and negatives leave out (see the module doc)."""
    bad = unsafe_tokens(doc)
    kids = children_index(doc)
    objects = not_depicted(doc, kids, graph) | clause_objects(doc, graph) | undepicted(doc, kids, graph)
    either = alternative_tokens(doc, kids)
    units = unit_spans([t.text for t in doc], [t.lemma.lower() for t in doc], [t.tag for t in doc])
    separators = separator_tokens(doc)
    for i, o in enumerate(graph.objects):
        if _touches(o.span, bad) or _cuts(o.span, units, objects=True) or _head_in(o.span, either) \
                or across_separator(doc, kids, o.span, separators):
            objects.add(i)
        elif o.span is not None and 0 < o.span[1] <= len(doc):
            head = doc[o.span[1] - 1]                # a compound of an excluded noun ("walnuts topic")
            if head.dep == "compound" and head.head in bad:
                objects.add(i)
    relations = misattached(doc, kids, graph) | wrong_attachments(doc, kids, graph)
    for k, r in enumerate(graph.relations):
        if r.subject in objects or r.object in objects or _touches(r.span, bad) \
                or possession_not_part(graph, k) or _unknown_verb(doc, r.span) or _cuts_relation(graph, k, units):
            relations.add(k)
    attributes = {(i, a) for i, o in enumerate(graph.objects)
                  for a, s in enumerate(o.attribute_spans)
                  if _touches(s, bad) or _touches(s, either) or _cuts(s, units, True) or _rank(doc, s)
                  or _inner_modifier(doc, s) or _scoped_superlative(doc, kids, s)
                  or _verb_with_subject(doc, kids, s)}
    if not (objects or relations or attributes):
        return NOTHING
    return Excluded(frozenset(objects), frozenset(relations), frozenset(attributes))


DASHES = frozenset({"-", "\u2013", "\u2014"})


def separator_tokens(doc: Sequence[DepToken]) -> set[int]:
    """Dashes standing between spaces: they part the segments of a title or a listing ("Lokottaravada
    - Bodhisattva statue", "Patagonia - Down and feather padding coat"), not the words of a name.
    None in a caption of CC3M's tokenised shape, where a spaced hyphen the normaliser left may still
    be a word's ("bottle - nose dolphin", "stained - glass window")."""
    found = {k for k in range(1, len(doc) - 1) if doc[k].text in DASHES and doc[k].ws and doc[k - 1].ws}
    return set() if found and looks_pretokenised(text_of(list(doc))) else found


def across_separator(doc: Sequence[DepToken], kids: list[list[int]], span, separators: set[int]) -> bool:
    """The object's noun phrase (its name and the head's left subtree) runs across a separator: the
    parse glued two segments into one thing ("Lokottaravada - Bodhisattva statue", "Slipknot - Wait")."""
    if not separators or span is None or not 0 < span[1] <= len(doc):
        return False
    head = span[1] - 1
    if any(span[0] <= k < head for k in separators):
        return True
    stack = [k for k in kids[head] if k < head]
    while stack:
        k = stack.pop()
        if k in separators:
            return True
        stack.extend(kids[k])
    return False


def _unknown_verb(doc: Sequence[DepToken], span) -> bool:
    """The predicate's verb is no verb a dictionary knows ("patchwork", "tavola"); a participle
    or gerund the caption writes ("autumn themed quilt", "artist, tattooing") is no invented form."""
    if span is None or not (0 <= span[0] < span[1] <= len(doc)):
        return False
    return any(t.upos == "VERB" and t.tag not in WRITTEN_FORMS and t.text.isalpha()
               and not is_verb_word(t.lemma.lower())
               and not is_verb_word(t.text.lower()) for t in doc[span[0]:span[1]])
