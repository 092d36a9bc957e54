"""Objects the parse makes of words that name no depicted thing, and web text that is no scene:
positives and negatives leave them out (``guards.excluded``; the record keeps its graph).  Each
rule reads a parse shape with a table of ``lexicon.depicted``; each is a class of error seen in
the validity benchmark:

- **fixed expressions**: the noun of a complex preposition or a figurative phrase ("thanks to
  climate change", "in the name of industry", "in full flower", "to play the object of desire",
  "a trip around the world");
- **pronouns**: a possessive pronoun read as a noun ("an old drawing of mine");
- **times**: a month, a weekday, a span or a frequency ("the final attack in march", "S&P 500
  Monthly");
- **labels**: a sign before a date or a number ("ca. 1890", "Saviour No 1"), a photographer's or an
  agency's name ("Lisa Dawn Photography"), who lent the picture ("Photo courtesy of the Music Division"),
  the maker's name after a picture's last "by" ("Royalty Free Photo of a Person Holding a Globe by Fire"),
  CC3M's closing "by person" ("a red blanket for fall engagement photos is so pretty! by person");
- **possessors that are no one there**: a classifying plural ("a men's pair of khaki shorts",
  "the men's semifinal"), the domain of a superlative ("the world's thinnest wallet"), the name in
  an occasion's name ("The Queen's Birthday Parade", "Mother's Day"), the owner of premises
  ("orange wall of a man's bedroom", "hut of the beggar");
- **generic and past statements**: what a clause with "often", "traditionally", "once" relates
  ("horseshoe often hung on doors", "where the kings were once crowned"), "every X is a Y";
- **addressees and hypothetical things**: "a call to all good men", "a venue that will make your events
  memorable", "if person were to be crowned the champions ...";
- **words the parse misread** (``misread``): a verb opening a sentence of page text, tagged as a noun
  ("Insert the Windows XP CD"); an adverb the dictionary knows and WordNet not as a noun ("slides ...
  rotates clockwise/NN"); a compound modifier read as subject and verb ("gold plated classic ceiling");
- **idioms and verbs**: the object of a light-verb idiom ("police officers stand guard"), a phrasal noun
  cut from its particle ("enjoying a sit down"), a third-person verb read as a plural noun ("fiber
  withstands just about anything"), a hashtag verb ("# organize"), a past participle ("Sliced n diced");
- **genre modifiers**: a bare genre or subject word split from the noun it classifies ("blues artists",
  "organization and human resource management icons");
- **positions**: where a named one stands, set off by commas ("person, center, in an undated photo");
- **representations**: what a statue, a model, a map or a doll shows ("statue of military
  commander outside tourist attraction": no commander stands there);
- **similes and purposes**: what a thing is likened to ("cute cat, ..., like a logo"; "a pipe like
  decoration" is a pipe-like decoration: no pipe) and the things of a
  "for"-gerund purpose ("perfect for hanging on the rim of your coffee-cups"), and what a picture, a print
  or a card is made for ("poster for the international premiere", "an illustration for a story").

``page_tokens`` gives the web furniture no positive may state and no negative may edit: stock
sites' labels ("— Stockfoto"), page phrases ("Load image into Gallery viewer"), web addresses
("www.ya") and words cut at a hyphen ("The Buddha- 200g").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..lexicon.depicted import (STOCK_LABELS, ADDRESS_NOUNS, AMBIGUOUS_MONTHS, BUYER_PREPS, CIRCA_WORDS, CONDITIONAL_MARKS, CREDIT_HEADS, NUMBER_SIGNS, FIXED_PHRASES,
                                FREQUENCY_WORDS, GENERIC_ADVERBS, GENRE_POSSESSORS, GENRE_WORDS, LIGHT_VERB_OBJECTS, PHRASAL_NOUNS, METADATA_WORDS, OCCASION_HEADS,
                                PAGE_PHRASES, PAST_ADVERBS, POSSESSIVE_PRONOUNS, PREMISES, PRESENT_RANKERS,
                                RANKING_WORDS, READER_CLAUSE_AUX, SHOWING_POSSESSED, SPECIFIC_DETERMINERS,
                                TIME_LEAD_WORDS, TIME_SPANS)
from ..lexicon.lemmas import noun_lemma
from ..lexicon.of_heads import IMAGE_HEADS, REPRESENTATION_HEADS
from ..lexicon.taxonomy import noun_classes, senses
from ..lexicon.mentions import CREATION_VERBS, READER_POSSESSIVES
from ..lexicon.visibility import PLACEHOLDERS
from ..lexicon.words import BODY_PARTS, CALENDAR_NAMES, PERSON_REFERENTS
from ..schemas.depview import DepToken
from ..schemas.graph import SceneGraph
from .frames import is_verb_word
from .misread import instruction, modifier_as_subject, no_noun_sense, participle_as_noun, person_doing, verb_as_noun

# A web address or a piece of one: "www.ya", "example.com", "http://..."
_URL = re.compile(r"^(?:www\.|https?:|[a-z0-9-]+\.(?:com|net|org|co|uk|de|ru|info|io|fr|au|ca|jp|cn|biz|us|edu"
                  r"|gov|nl|it|es|pl|br|tv|me)\b)", re.I)
# A word cut at its hyphen: "Buddha-", "Symbol-" (CC3M's spaced hyphens are tokens of their own; "T -Shirt" is a
# word written apart).
_CUT = re.compile(r"^[^\W\d_]{2,}-$")
_POSSESSIVE_CASE = frozenset({"'s", "'", "\u2019s", "\u2019"})
_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD"})
# Prepositions between a noun and itself in an adverb: "arm in arm", "side by side", "face to face", "word for word".
PAIRING_PREPS = frozenset({"in", "by", "to", "for", "on", "after", "upon"})
COURTESY_WORDS = frozenset({"courtesy", "compliments"})
SOURCE_WORDS = frozenset({"according"})             # "according to CBS News": who reports, not who is shown
_CREDIT_WORDS = {"of": COURTESY_WORDS, "to": SOURCE_WORDS}
UNIVERSAL_WORDS = frozenset({"every", "any"})
_NOUN_MODIFIER_DEPS = frozenset({"det", "poss", "amod", "nummod", "compound"})
_NOUN_DEPS = _NOUN_MODIFIER_DEPS | {"case"}
SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter"})
POSITION_LABELS = frozenset({"center", "centre", "middle", "left", "right", "top", "bottom", "front", "back", "rear"})


def _phrase_tokens(doc: Sequence[DepToken], phrases: frozenset[tuple[str, ...]]) -> set[int]:
    """Indices of tokens inside a contiguous match of one of ``phrases`` (lower-case words)."""
    words = [t.text.lower() for t in doc]
    lengths = _phrase_lengths(phrases)
    out: set[int] = set()
    for k in range(len(words)):
        first = lengths.get(words[k])
        if first is None:                            # no phrase starts with this word: most words
            continue
        for n in first:
            if n <= len(words) - k and tuple(words[k:k + n]) in phrases:
                out.update(range(k, k + n))
    return out


@lru_cache(maxsize=None)
def _phrase_lengths(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """First word -> the lengths (2 or more, ascending) of the phrases it starts."""
    by_first: dict[str, set[int]] = {}
    for p in phrases:
        if len(p) >= 2:
            by_first.setdefault(p[0], set()).add(len(p))
    return {w: tuple(sorted(ns)) for w, ns in by_first.items()}


def page_tokens(doc: Sequence[DepToken]) -> set[int]:
    """Web furniture (see the module doc)."""
    out = _phrase_tokens(doc, PAGE_PHRASES)
    for t in doc:
        w = t.text.lower()
        if w in METADATA_WORDS or _URL.match(w) or _CUT.match(t.text):
            out.add(t.i)
    return out


def pronoun(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A possessive pronoun standing alone as a noun: "an old drawing of mine" (not "an abandoned mine"); the
    pronoun "one" ("each one", "we just use the same ones"): what it stands for is said elsewhere."""
    if doc[head].text.lower() in ("one", "ones") and doc[head].upos != "NUM":
        return True
    return doc[head].text.lower() in POSSESSIVE_PRONOUNS and not any(
        doc[c].dep in ("det", "amod", "compound", "nummod", "poss") for c in kids[head])


def buyers(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """Whom a listing is for: a bare plural of ``GENRE_POSSESSORS`` after "for" ("shoes for women") or ending
    a title after a noun ("tote premium handbags women")."""
    t = doc[head]
    if t.text.lower() not in GENRE_POSSESSORS or any(doc[c].dep != "punct" for c in kids[head]):
        return False
    if t.dep == "pobj" and t.head != head and doc[t.head].text.lower() in BUYER_PREPS:
        return True
    last = head + 1 == len(doc) or doc[head + 1].upos == "PUNCT"
    return last and head > 0 and (doc[head - 1].upos in ("NOUN", "PROPN") or doc[head - 1].tag == "VBZ")


def label_word(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A sign before a date or a number ("Worth ca. 1890", "Saviour No 1"), or the name of a photographer
    or an agency ("Lisa Dawn Photography", "London News Pictures")."""
    t = doc[head]
    w = t.text.lower()
    after = doc[head + 1] if head + 1 < len(doc) else None
    if (w in CIRCA_WORDS or w in NUMBER_SIGNS) and after is not None and (after.upos == "NUM" or after.text == "."):
        return True
    names = [doc[c] for c in kids[head] if doc[c].dep == "compound"]
    # not a stock site's label ("Potatoes Stock Photography": the label is read elsewhere, the potatoes stay)
    return (w in CREDIT_HEADS and t.text[:1].isupper() and not any(d.text.lower() in STOCK_LABELS for d in names)
            and any(d.upos == "PROPN" and d.text[:1].isupper() for d in names))


def courtesy_credit(doc: Sequence[DepToken], head: int) -> bool:
    """Who lent the picture: "Photo courtesy of the Music Division, The New York Public Library", "Provided
    courtesy of none" (the "of" object of "courtesy" and the names set beside it), or the source a
    caption cites: "... according to CBS News"."""
    k = head
    for _ in range(6):
        t = doc[k]
        if t.head == k:
            return False
        words = _CREDIT_WORDS.get(doc[t.head].text.lower()) if t.dep == "pobj" else None
        if words is not None:
            g = doc[t.head].head
            return g != t.head and doc[g].text.lower() in words
        if t.dep not in ("appos", "conj"):
            return False
        k = t.head
    return False


def maker_credit(doc: Sequence[DepToken], head: int) -> bool:
    """The maker of a picture the caption names: a capitalised word with no determiner after the last
    "by", ending a caption headed by a picture ("Royalty Free Photo of a Person Holding a Globe by
    Fire"); "a cat sleeping by the fire" and "a house destroyed by Hurricane Katrina" (no picture
    heads it) name things."""
    t = doc[head]
    if head < 1 or not t.text[:1].isupper() or any(d.upos == "DET" for d in doc[t.head:head]):
        return False
    by = doc[t.head]
    if by.text.lower() != "by" or any(d.upos not in ("PROPN", "NOUN", "PUNCT") for d in doc[by.i + 1:]) \
            or any(d.text.lower() == "by" for d in doc[by.i + 1:]):
        return False
    root = next((d for d in doc if d.dep == "ROOT"), None)
    return root is not None and root.i < by.i and (root.lemma.lower() in IMAGE_HEADS
                                                  or root.lemma.lower() in REPRESENTATION_HEADS)


def closing_credit(doc: Sequence[DepToken], head: int) -> bool:
    """CC3M's credit at the end of a caption: "by person" with nothing after it, where "by" names no
    agent of a passive verb ("a red blanket ... is so pretty! by person", "hidden temple illuminated
    by sunlight seeping into the cave by person", "the cure photographed by person"); "a child
    hugged by person" keeps its person.  Only the placeholder of a name or a bare singular person ("christmas
    in the woods by lawyer", CC3M's word for a name), never "by the fire"."""
    t = doc[head]
    if head < 1 or doc[head - 1].text.lower() != "by" or any(d.upos != "PUNCT" for d in doc[head + 1:]):
        return False
    if t.text.lower() not in PLACEHOLDERS and not (t.tag == "NN" and "person" in noun_classes(t.text.lower())):
        return False                                   # a bare singular person stands for a name: "by lawyer"
    by = doc[head - 1]
    verb = doc[by.head]
    return by.dep != "agent" or verb.lemma.lower() in CREATION_VERBS


def position_label(doc: Sequence[DepToken], head: int) -> bool:
    """Where a named one stands in the picture, set off by commas: "person, center, in an undated
    photo with his foster family" (heldout14) names no center."""
    t = doc[head]
    return (t.text.lower() in POSITION_LABELS and 1 < head < len(doc) - 1 and doc[head - 1].text in (",", "(")
            and doc[head + 1].text in (",", ")") and doc[head - 2].upos in ("NOUN", "PROPN"))


def time_word(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A month, a weekday, a span or a frequency ("in march", "the week", "S&P 500 Monthly"); a month that
    is also a noun ("a march") only after a time word, before a number or capitalised."""
    t = doc[head]
    w = t.text.lower()
    if any(doc[c].dep == "compound" for c in kids[head]):
        return False                                   # "fashion week", "golden hour": an event, a light
    if w in FREQUENCY_WORDS or w in TIME_SPANS:
        return True
    if w in SEASONS and head and doc[head - 1].text.lower() in ("this", "next", "last", "every"):
        return True                                    # "ways to wear trench coat this fall"
    if w not in CALENDAR_NAMES:
        return holiday(doc, kids, head)
    if w not in AMBIGUOUS_MONTHS:
        return True
    before = doc[head - 1].text.lower() if head else ""
    after = doc[head + 1] if head + 1 < len(doc) else None
    return (before in TIME_LEAD_WORDS or (after is not None and after.upos == "NUM")
            or (t.text[0].isupper() and head > 0 and not doc[head - 1].text[:1].isupper()))


def holiday(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A day named with a possessive, a time in WordNet: "people on new year's eve", "valentine's day"
    (``lexicon.units`` keeps the name whole)."""
    owners = [k for k in kids[head] if doc[k].dep == "poss" and _case(doc, kids, k)]
    if not owners:
        return False
    start = min([owners[0]] + [c for c in kids[owners[0]] if doc[c].dep in ("amod", "compound")])
    name = " ".join(doc[k].text.lower() for k in range(start, head + 1)).replace(" '", "'")
    return noun_classes(name) == {"time"}


def _case(doc: Sequence[DepToken], kids: list[list[int]], k: int) -> bool:
    return any(doc[c].dep == "case" and doc[c].text.lower() in _POSSESSIVE_CASE for c in kids[k])


def possessor_only(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A noun possessor that is no one in the picture (see the module doc)."""
    t = doc[head]
    if t.dep == "pobj" and t.head != head and doc[t.head].text.lower() == "of" and doc[t.head].head != t.head:
        owner = noun_lemma(t.text.lower())              # "hut of the beggar": the premises of someone
        return (noun_lemma(doc[doc[t.head].head].text.lower()) in PREMISES
                and (owner in PERSON_REFERENTS or "person" in noun_classes(owner, first=1)))
    if t.dep != "poss" or t.head == head or not _case(doc, kids, head):
        return False
    owned = doc[t.head]
    owned_word = noun_lemma(owned.text.lower())
    if owned_word in BODY_PARTS or owned_word in SHOWING_POSSESSED:
        return False                                   # "a man's hand", "the women's hands": they are there
    if any(doc[c].tag == "JJS" or doc[c].text.lower() in RANKING_WORDS for c in kids[owned.i] if c > head):
        # "the world's thinnest wallet"; not "the daughter's first day of school"
        return not noun_classes(noun_lemma(t.text.lower())) & PRESENT_RANKERS
    w = t.text.lower()
    if w in GENRE_POSSESSORS and not any(doc[c].text.lower() in SPECIFIC_DETERMINERS or doc[c].upos == "NUM"
                                         for c in kids[head]):
        return True                                    # "a men's pair of khaki shorts"
    if owned_word in PREMISES:
        return True                                    # "orange wall of a man's bedroom"
    named = t.text[:1].isupper() and owned.text[:1].isupper()
    return named and owned_word in OCCASION_HEADS      # "The Queen's Birthday Parade", "Mother's Day"


def _clause_verb(doc: Sequence[DepToken], k: int) -> int:
    """The verb whose clause holds token k (k itself when it is one), or -1."""
    for _ in range(12):
        t = doc[k]
        if t.upos in ("VERB", "AUX") or t.tag.startswith("VB"):
            return k
        if t.head == k:
            return -1
        k = t.head
    return -1


def universal_copula(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """Either noun of "every X is a Y": a saying about all of a kind ("where every little girl is a
    princess"), not a thing in the picture (not "every room in home is part of his book store")."""
    t = doc[head]
    if t.dep not in ("nsubj", "attr") or t.head == head or doc[t.head].lemma.lower() != "be":
        return False
    v = t.head
    subjects = [c for c in kids[v] if doc[c].dep == "nsubj"]
    return any(doc[c].dep == "attr" and doc[c].upos == "NOUN" and any(
        doc[d].dep == "det" and doc[d].text.lower() in ("a", "an") for d in kids[c]) for c in kids[v]) and any(
        any(doc[d].dep == "det" and doc[d].text.lower() in UNIVERSAL_WORDS for d in kids[s]) for s in subjects)


def generic_statement(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The place of a generic statement ("often hung on doors"), the object of a past one ("that once
    housed monks"), or the subject of a past passive one ("the kings were once crowned")."""
    t = doc[head]
    if t.dep == "pobj" and t.head != head and doc[t.head].dep == "prep":
        v = doc[t.head].head
    elif t.dep in ("dobj", "nsubjpass"):
        v = t.head
    else:
        return False
    if v == head or not doc[v].tag.startswith("VB"):
        return False
    adverbs = {doc[c].text.lower() for c in kids[v] if doc[c].dep == "advmod"}
    if adverbs & PAST_ADVERBS and t.dep != "pobj":
        return t.dep == "dobj" or any(doc[c].dep == "auxpass" for c in kids[v])
    return t.dep == "pobj" and doc[v].tag in ("VBN", "VBD") and bool(adverbs & GENERIC_ADVERBS)


def addressed(doc: Sequence[DepToken], head: int) -> bool:
    """Who a message is addressed to: "a call to all good men"."""
    t = doc[head]
    if t.dep != "pobj" or t.head == head or doc[t.head].text.lower() != "to":
        return False
    g = doc[doc[t.head].head]
    return g.upos in ("NOUN", "PROPN") and noun_lemma(g.text.lower()) in ADDRESS_NOUNS


def readers_hypothetical(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The reader's thing in a clause of what will or would be ("a venue that will make your events
    memorable"); not in a condition ("if your horse gains weight a little too easily": the picture shows
    one).  A place "near you" is the reader's, somewhere ("coming soon to a campus near you")."""
    if any(doc[c].dep == "prep" and doc[c].text.lower() == "near" and any(
            doc[g].text.lower() == "you" for g in kids[c]) for c in kids[head]):
        return True
    if not any(doc[c].dep == "poss" and doc[c].text.lower() in READER_POSSESSIVES for c in kids[head]):
        return False
    k = head
    for _ in range(12):
        v = _clause_verb(doc, doc[k].head) if doc[k].head != k else -1
        if v < 0:
            return False
        own = [doc[c] for c in kids[v]]
        if any(c.dep == "aux" and c.text.lower() in READER_CLAUSE_AUX for c in own):
            return True
        if doc[v].head == v:
            return False
        k = v
    return False


def hypothetical(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A thing of a condition contrary to fact: "if person were to be crowned the champions they would break
    run of consecutive titles" shows no champions; a named subject and a place are still there ("if person
    were ...", "if you were inside the car").
    Not what would be: "i would love a wall like this!" shows the wall."""
    if doc[head].dep in ("nsubj", "nsubjpass") and doc[head].upos != "PRON" or doc[head].dep == "pobj":
        return False                                   # "just imagine if you were inside the car": the car is
    k = head
    for _ in range(12):
        v = _clause_verb(doc, doc[k].head) if doc[k].head != k else -1
        if v < 0 or v == k:
            return False
        own = [doc[c] for c in kids[v]]
        if any(c.dep == "mark" and c.text.lower() in CONDITIONAL_MARKS for c in own) and (
                doc[v].text.lower() == "were" or any(c.text.lower() == "were" for c in own)):
            return True
        k = v
    return False


def idiom_object(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The object of a light-verb idiom ("police officers stand guard", "take a seat") or a noun made of a
    verb and its particle that the realisation would cut ("enjoying a sit down": "a sit")."""
    t = doc[head]
    w = doc[head].text.lower()
    if any(doc[c].dep == "prt" and (w, doc[c].text.lower()) in PHRASAL_NOUNS for c in kids[head]):
        return True
    nxt = doc[head + 1] if head + 1 < len(doc) else None
    if nxt is not None and nxt.tag in ("RP", "RB") and (w, nxt.text.lower()) in PHRASAL_NOUNS:
        return True                                    # "in the run up": the particle hung on the verb
    if t.dep not in ("dobj", "attr") or t.head == head:
        return False
    verb = doc[t.head].lemma.lower() or doc[t.head].text.lower()
    return noun_lemma(t.text.lower()) in LIGHT_VERB_OBJECTS.get(verb, ()) or t.text.lower() in LIGHT_VERB_OBJECTS.get(verb, ())


def genre_modifier(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A bare genre or subject noun the parse split from the noun it classifies ("blues artists perform",
    "gospel of christ quiz graphic", "organization and human resource management icons")."""
    if doc[head].text.lower() not in GENRE_WORDS or head + 1 >= len(doc):
        return False
    if any(doc[c].dep in ("det", "poss", "nummod", "compound", "amod") for c in kids[head]):
        return False                                   # "the opera", "a comedy": a thing of its own
    nxt = doc[head + 1]
    return nxt.upos in ("NOUN", "PROPN") or nxt.text.lower() in ("of", "and", "&")


def simile_or_purpose(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """What a thing is likened to ("cute cat, ..., like a logo", "looks like a bear"; not the examples of a
    plural: "animals like dogs") and the things of a purpose clause ("perfect for hanging on the rim")."""
    t = doc[head]
    if t.dep == "pobj" and t.head != head and doc[t.head].text.lower() in ("like", "unlike"):
        p = t.head
        g = doc[p].head
        return not (g == p - 1 and doc[g].tag in ("NNS", "NNPS") or _like_compound(doc, kids, g, p, head))
    like = head + 1
    if (like + 1 < len(doc) and doc[like].text.lower() == "like" and doc[like].head == head
            and doc[like + 1].head == like and _like_compound(doc, kids, head, like, like + 1)):
        return True                                    # "a pipe like decoration": a pipe-like one, no pipe
    if t.dep == "pobj" and t.head != head and doc[t.head].text.lower() == "for" and doc[t.head].head != t.head:
        made = noun_lemma(doc[doc[t.head].head].text.lower())
        if (made in REPRESENTATION_HEADS or made in MADE_FOR_HEADS) and made not in PHOTO_HEADS:
            return True                                # "poster for the international premiere", "an
            #                                            illustration for a story": what it is made for
        if doc[t.head].head != t.head and doc[doc[t.head].head].lemma.lower() in READY_FOR_WORDS:
            return True                                # "the girls are suited up for the pool", "a vanity
            #                                            suitable for a man cave": what one is ready for
    v = _clause_verb(doc, t.head) if t.head != head else -1
    return (v >= 0 and doc[v].tag == "VBG" and doc[v].dep == "pcomp" and doc[v].head != v
            and doc[doc[v].head].text.lower() == "for")


# Words of being made ready or fit for something, which is then elsewhere or later.
READY_FOR_WORDS = frozenset({"ready", "suit", "suited", "dress", "dressed", "prepare", "prepared", "gear", "geared",
                             "suitable", "ideal", "perfect", "fit", "fitting", "bound", "headed", "destined"})
# Printed and shown things made for an occasion or a work, beside the pictures: what they are "for" is
# not in the picture ("invitation for a wedding", "cover for the album").  A photo "for" someone may
# show them ("featured image for teen takes the fashion world by storm").
PHOTO_HEADS = frozenset({"photo", "photograph", "pic", "picture", "image", "foto", "snapshot", "selfie", "screenshot",
                         "footage", "video", "clip", "still", "exposure", "aerial", "timelapse", "lapse",
                         "thumbnail"})
MADE_FOR_HEADS = frozenset({"invitation", "invite", "card", "flyer", "leaflet", "brochure", "ad", "advert",
                            "advertisement", "cover", "banner", "sign", "logo", "label", "template", "mockup",
                            "design", "concept", "background", "wallpaper", "decoration", "costume", "outfit", "idea"})


def _like_compound(doc: Sequence[DepToken], kids: list[list[int]], g: int, p: int, y: int) -> bool:
    """"N like Y" written for "N-like Y": an unmodified singular noun, "like", a bare singular noun right
    after ("house with a pipe like decoration"): Y is the thing, shaped like an N (not "does a full
    breakfast like island")."""
    return (g == p - 1 and y == p + 1 and doc[g].tag == "NN" and doc[y].tag == "NN"
            and doc[y].dep == "pobj" and not any(doc[c].dep in ("amod", "compound") for c in kids[g]))


def paired_noun(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """One of a bare noun written twice around a preposition, an adverb of manner or place ("the dance
    partners are arm in arm", "walking hand in hand", "side by side"): neither names a thing."""
    t = doc[head]
    if t.upos != "NOUN" or any(doc[c].dep in _NOUN_MODIFIER_DEPS for c in kids[head]):
        return False
    w = t.text.lower()
    if noun_lemma(w) in PERSON_REFERENTS or "person" in noun_classes(noun_lemma(w)):
        return False                                   # CC3M's names: "person by person", "artist of artist"
    for p in (head - 1, head + 1):
        o = p + (p - head)                             # the noun on the preposition's other side
        if not (0 <= p < len(doc) and 0 <= o < len(doc)) or doc[p].text.lower() not in PAIRING_PREPS:
            continue
        first, second = min(head, o), max(head, o)
        if doc[p].head == first and doc[second].head == p and doc[o].text.lower() == w and not any(
                doc[c].dep in _NOUN_MODIFIER_DEPS for c in kids[o]):
            return True
    return False


def verb_with_object(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A verb the parse made a noun: a word tagged as a verb with no noun sense ("slides rotates
    clockwise"), a noun with a verb's object ("a female reaches out her hand"), or a bare noun joined to
    a verb of an instruction ("do the work, trust in the process")."""
    t = doc[head]
    w = t.text.lower()
    if t.tag in _VERB_TAGS:
        return not senses(w) and not senses(noun_lemma(w))
    if not t.tag.startswith("NN"):
        return False
    deps = {doc[c].dep for c in kids[head]}
    if "dobj" in deps and (t.dep == "ROOT" or t.tag == "NNS" and w.endswith("s")) and is_verb_word(noun_lemma(w)):
        return True
    if t.dep != "conj" or t.head == head or deps & _NOUN_DEPS:
        return False
    v = doc[t.head]
    return v.tag in ("VB", "VBP") and not any(doc[c].dep.startswith("nsubj") for c in kids[v.i]) and is_verb_word(w)


# Participles that give a thing its name: the name after them is no second thing ("a dinner dress called
# actor", "a boat named after the queen").
NAMING_WORDS = frozenset({"called", "named", "titled", "entitled", "dubbed", "nicknamed", "christened"})
# Verbs of likeness: what their subject is like is not there ("a rock that resembles a face", "she reminds
# me of an anime character").
LIKENESS_VERBS = frozenset({"resemble", "remind", "evoke", "imitate", "mimic"})
# Occasions held for someone: "festival of person", "feast of the saint" shows no saint.
HONOURING_HEADS = frozenset({"festival", "feast", "day", "celebration", "jubilee", "memorial"})


def named_or_likened(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A name given by "called", "named" or "titled" (and what a thing is "named after"), what a thing
    resembles or reminds one of, and the person an occasion honours ("festival of person")."""
    t = doc[head]
    k = head - 1
    while k >= 0 and doc[k].upos in ("DET", "PUNCT") and doc[k].text not in (",", ";", ":"):
        k -= 1                                       # "called 'the actor'"
    if (k >= 0 and doc[k].text.lower() in NAMING_WORDS and doc[k].tag in ("VBN", "VBD", "JJ")
            and not (k > 0 and doc[k - 1].text.lower() in ("so", "-"))):
        return True                                  # not "so-called tiles": those are tiles
    if t.dep not in ("pobj", "dobj") or t.head == head:
        return False
    p = doc[t.head]
    if t.dep == "dobj":
        return p.lemma.lower() in LIKENESS_VERBS and p.lemma.lower() != "remind"
    up = doc[p.head] if p.head != p.i else None
    w = p.text.lower()
    if up is None:
        return False
    if w == "after" and up.text.lower() in NAMING_WORDS:
        return True
    if w == "of" and up.lemma.lower() == "remind":
        return True
    return (w == "of" and noun_lemma(up.text.lower()) in HONOURING_HEADS
            and (noun_lemma(t.text.lower()) in PERSON_REFERENTS or "person" in noun_classes(noun_lemma(t.text.lower()))))


# Words whose "about" phrase is a topic, not a thing shown: verbs of telling, learning and thinking, and
# texts and works ("learning about the earth", "a blog about a classroom"); not "love about this lampshade",
# "children running about the garden".
TOPIC_HEADS = frozenset({"learn", "talk", "know", "think", "tell", "teach", "write", "read", "speak", "say", "ask",
                         "protest", "complain", "care", "worry", "dream", "forget", "hear", "argue", "debate",
                         "blog", "book", "article", "series", "story", "film", "movie", "documentary", "post", "song",
                         "lesson", "fact", "truth", "information", "news", "record", "question", "quote", "poem",
                         "cartoon", "joke", "lecture", "discussion", "conversation", "essay", "report"})
# Heads that say their "of" thing is missing: "a lack of rainfall", "the absence of trees on the hill".
ABSENCE_HEADS = frozenset({"lack", "absence", "shortage", "scarcity", "dearth"})


def absent_or_measure(doc: Sequence[DepToken], head: int) -> bool:
    """What a caption says is missing ("the absence of trees on the hill"), a measure of a degree
    ("looked a lot less orange", "two days old") and a topic ("learning about the earth", "a blog about a
    classroom"): no thing in the picture."""
    t = doc[head]
    if t.head == head:
        return False
    up = doc[t.head]
    if t.dep == "npadvmod" and up.upos in ("ADV", "ADJ"):
        return True
    if t.dep == "pobj" and up.text.lower() == "about" and up.head != up.i \
            and doc[up.head].lemma.lower() in TOPIC_HEADS:
        return True                                  # a topic: "mountains: learning about the earth"
    return (t.dep == "pobj" and up.text.lower() == "of" and up.head != up.i
            and noun_lemma(doc[up.head].text.lower()) in ABSENCE_HEADS)


def undepicted(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph) -> set[int]:
    """Objects whose word names no depicted thing (see the module doc)."""
    fixed = _phrase_tokens(doc, FIXED_PHRASES)
    out = set()
    for i, o in enumerate(graph.objects):
        if o.span is None or not 0 < o.span[1] <= len(doc):
            continue
        head = o.span[1] - 1
        if (head in fixed or pronoun(doc, kids, head) or buyers(doc, kids, head) or label_word(doc, kids, head)
                or time_word(doc, kids, head) or courtesy_credit(doc, head)
                or maker_credit(doc, head) or closing_credit(doc, head) or no_noun_sense(doc, head)
                or modifier_as_subject(doc, kids, head) or position_label(doc, head)
                or participle_as_noun(doc, head) or person_doing(doc, head)
                or possessor_only(doc, kids, head) or generic_statement(doc, kids, head)
                or universal_copula(doc, kids, head)
                or addressed(doc, head) or readers_hypothetical(doc, kids, head) or hypothetical(doc, kids, head)
                or instruction(doc, o.span, head) or idiom_object(doc, kids, head)
                or genre_modifier(doc, kids, head) or simile_or_purpose(doc, kids, head) or verb_as_noun(doc, kids, head)
                or paired_noun(doc, kids, head) or verb_with_object(doc, kids, head)
                or named_or_likened(doc, kids, head) or absent_or_measure(doc, head)):
            out.add(i)
    return out | represented(graph)


def represented(graph: SceneGraph) -> set[int]:
    """What a statue, a map or a doll shows (``noun/of_depict``: "statue of military commander
    outside tourist attraction"): no commander stands there, so no positive names it or places it."""
    return {r.object for r in graph.relations if r.rule.endswith("noun/of_depict")}
