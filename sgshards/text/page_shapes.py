"""Shapes of web page text the suitability gate skips (rules of ``text.suitability``).

Alt-text copied from a page's furniture describes no picture: a copyright notice or a slide's footer
("© 2006 Cisco Systems, Inc. All rights reserved.IP6FD v2.06-8 Configure dual-stack ..."), numbered
steps of instructions ("Install Window XP. Begin the Installation 1. Insert the Windows XP CD and
restart your computer. 2. If prompted ..."), a shop's or site's listing of short segments between
pipes or bullets ("BK1 | Fitted kitchens | Effeti Industrie SRL", "Harper - Set "Garderobe klein •
coat rack small""), and a page title whose segments are titles ("20 days in Greece - Beaches Beyond
Beautiful Tour"), a ticket shop's listing ("Beach Break Live tickets"), and the title of a work as a library or a film site writes it ("Crossing the chasm :
marketing and selling technology products to mainstream customers", "Outside the Wall (1950)").  Each rule reads ``c.original`` (the caption as written: ``text.site_labels``
may have cut labels before the parse) or the parse, and returns a reason of ``schemas.outcomes``.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..lexicon.languages import ENGLISH_FUNCTION_WORDS
from ..schemas.depview import FINITE_TAGS, DepToken
from ..schemas.outcomes import KEYWORD_LIST, PAGE_TEXT, PRODUCT_LISTING, SEGMENTED_LISTING, TITLE_CASE

# a copyright notice or a slide's footer: "All rights reserved", "Copyright © 2019", "© 2006 Cisco"
_NOTICE = re.compile(r"\ball rights reserved\b|\bcopyright\s*(?:©|\(c\))?\s*(?:\d{4}|©)|©\s*\d{4}\b", re.I)
# numbered steps: "1. Insert the ...", "Step 2: press ..."; two of them make instructions
_STEP = re.compile(r"(?:^|[.:;!?]\s+|\s)(?:step\s+)?\d{1,2}\s*[.):]\s+[A-Z][a-z]", re.I)
# a page's navigation: "Go to the Munchkin Cthulhu 2: Call of Cowthulhu page", "return to the main poster page
# for ..." (a scene says "going to", "back to the beach")
_NAVIGATION = re.compile(r"^\s*(?:go|return)\s+to\s+(?:the\s+)?(?:[^.!?]*\s)?(?:page|site|homepage|gallery|article)\b",
                         re.I)
_STEP_WORD = re.compile(r"\bstep\s+\d{1,2}\b", re.I)
# list separators of a listing (a pipe or a bullet between spaces), and of a page title's segments
_LISTING_SEPARATOR = re.compile(r"\s+(?:\|+|[•·])\s+|\s*[•]\s*")
_TITLE_SEPARATOR = re.compile(r"\s+[-\u2013\u2014|:]\s+")
FINITE_OR_ING = FINITE_TAGS | {"VBG"}
KEYWORD_ITEMS = 6              # the fewest comma-separated items of a keyword list
LISTING_WORDS = 6               # the most words of each segment of a listing
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# a catalogue's title and subtitle: a space before the colon, the subtitle in lower case ("Tannhäuser : in full score")
_CATALOGUE = re.compile(r"^[A-Z][^:]*\S\s+:\s+[a-z]")
# a ticket shop's word after an event's name ("Beach Break Live tickets", "... Life Art Classes in Granada entradas")
TICKET_WORDS = frozenset({"tickets", "entradas", "billets", "biglietti", "boletos", "ingressos", "karten"})
# a work's year in parentheses after its title ("Outside the Wall (1950)", "First Knight (1995) - ...")
_YEAR = re.compile(r"\(\s*(?:1[89]|20)\d\d\s*\)")


def page_text(c) -> Optional[str]:
    """A copyright notice or a slide's footer; numbered steps of instructions; a page's navigation."""
    text = c.original or c.text
    if _NAVIGATION.match(text):
        return PAGE_TEXT
    if _NOTICE.search(text) and ("reserved" in text.lower() or text.lstrip().startswith(("©", "Copyright"))):
        return PAGE_TEXT
    steps = len(_STEP.findall(text)) + len(_STEP_WORD.findall(text))
    return PAGE_TEXT if steps >= 2 else None


def segmented_listing(c) -> Optional[str]:
    """Three segments or more between pipes or bullets, each of a few words: a shop's or a site's
    listing of names and categories, not a description (which says its scene in one of them)."""
    text = c.original or c.text
    if "|" not in text and "•" not in text and "·" not in text:
        return None
    parts = [p for p in _LISTING_SEPARATOR.split(text) if _WORD.search(p)]
    if len(parts) >= 3 and all(len(_WORD.findall(p)) <= LISTING_WORDS for p in parts):
        return SEGMENTED_LISTING
    if "•" in text and len(parts) >= 2:
        return SEGMENTED_LISTING            # a bullet between names: "Set "Garderobe klein • coat rack small""
    return None


def title_segments(c) -> Optional[str]:
    """A page title of segments (``" - "``, ``" | "``, ``": "``) one of which is a title in Title Case
    of three content words or more ("20 days in Greece - Beaches Beyond Beautiful Tour") and none of
    which describes ("UNIVERSAL CITY, CA - AUGUST 27: George Hamilton attends ..."); stock titles
    describe their picture."""
    if c.stock or not _TITLE_SEPARATOR.search(c.text):
        return None
    segments: list[list[DepToken]] = []
    current: list[DepToken] = []
    for t in c.tokens:
        if t.text in ("-", "\u2013", "\u2014", "|", ":") and t.ws and current:
            segments.append(current)
            current = []
        else:
            current.append(t)
    segments.append(current)
    if len(segments) < 2:
        return None
    if not any(map(_title, segments)) or any(map(_described, segments)):
        return None
    return TITLE_CASE


def _described(segment) -> bool:
    """A segment that says what is seen: a determiner, a finite verb or a gerund ("Close up of an
    orange ...", "George Hamilton attends ..."), in lower case or in a headline's capitals."""
    return any(t.upos == "DET" or t.tag in FINITE_OR_ING for t in segment)


def _title(segment) -> bool:
    """Three content words or more, all capitalised (function words may be lower case)."""
    content = [t for t in segment if t.text.isalpha() and len(t.text) > 1 and t.text.lower() not in ENGLISH_FUNCTION_WORDS]
    return len(content) >= 3 and all(t.text[0].isupper() for t in content)


def comma_keywords(c) -> Optional[str]:
    """Comma-separated items of which three are headed by one noun (a shop's variants of one thing),
    or six items or more, of three words on average, at most one of them a phrase with
    grammar: a page's search keywords (", screen printing in wales, gildan, print, heft, screen printing,
    t-shirt printing ..."), not a list of what is seen ("image may contain : person , on stage , playing
    a musical instrument , guitar , night and indoor" has two phrases)."""
    if c.text.count(",") + c.text.count(";") < 2:
        return None
    parts: list[list[DepToken]] = []
    current: list[DepToken] = []
    for t in c.tokens:
        if t.text in (",", ";"):
            parts.append(current)
            current = []
        elif any(ch.isalnum() for ch in t.text):
            current.append(t)
    parts = [p for p in parts + [current] if p]
    heads = Counter(p[-1].lemma.lower() for p in parts
                    if p[-1].upos == "NOUN" and len(p) > 1 and not any(t.upos == "DET" for t in p))
    if heads and heads.most_common(1)[0][1] >= 3:
        return KEYWORD_LIST             # one noun heads three items: "Folding bed, single bed, lunch break bed, ..."
    if len(parts) < KEYWORD_ITEMS or sum(map(len, parts)) > 3 * len(parts):
        return None
    phrases = sum(1 for p in parts if any(t.upos in ("DET", "AUX", "VERB", "PRON") or t.dep == "prep" for t in p))
    return KEYWORD_LIST if phrases <= 1 else None


def work_title(c) -> Optional[str]:
    """The title of a book or a film as a library or a film site writes it: a capitalised title, a space
    before the colon and a subtitle in lower case ("Bringing whales ashore : oceans and the environment of
    early modern Japan"), or a Title Case title with its year in parentheses ("Outside the Wall (1950)");
    neither has a finite verb before its subtitle, nor one in lower case beside its year.  CC3M's lower-case " : " never opens with a
    capital; a label in another language opens in lower case ("tela sensível ao toque : GREEN SCREEN man
    ..."); a description's year stands after its scene ("Hot weather Negative (MacArthur Park), 1957")."""
    if c.stock:
        return None
    text = c.original or c.text
    if _CATALOGUE.match(text):
        colon = next((t.i for t in c.doc if t.text == ":"), len(c.doc))
        return TITLE_CASE if not any(t.tag in FINITE_TAGS for t in c.doc[:colon]) else None
    year = _YEAR.search(c.text)
    if year is None:
        return None
    # a verb of the title is capitalised with it ("Rose Goes Places : 5 Days in Catanduanes (2016)")
    lower_finite = any(t.tag in FINITE_TAGS and not t.text[:1].isupper() for t in c.doc)
    return TITLE_CASE if _title_before(c, year.start()) and not lower_finite else None


def _title_before(c, end: int) -> bool:
    """The words from the caption's start (or its last separator) to ``end`` are a title: its content
    words capitalised."""
    head = re.split(r"\s[-\u2013\u2014|:]\s", c.text[:end])[-1]
    content = [w for w in _WORD.findall(head) if w.lower() not in ENGLISH_FUNCTION_WORDS and not w.isdigit()]
    return bool(content) and all(w[:1].isupper() for w in content)


def event_tickets(c) -> Optional[str]:
    """A ticket shop's listing: an event's name, capitalised, then "tickets" (or the word in the shop's
    language) to end the caption ("Lana Del Rey The Chelsea tickets", "Sip and Sketch - Life Art Classes
    in Granada entradas"); "two tickets" or "the tickets" count or show them."""
    words = [t for t in c.tokens if any(ch.isalnum() for ch in t.text)]
    if len(words) < 3 or words[-1].text.lower() not in TICKET_WORDS or not words[-1].text.islower():
        return None
    before = words[-2]
    if not before.text[:1].isupper() or before.upos in ("DET", "NUM") or before.text.isupper() and len(before.text) <= 3:
        return None
    return PRODUCT_LISTING
