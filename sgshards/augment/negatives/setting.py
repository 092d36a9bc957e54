"""The setting of a scene as objects of object_replace: times of day and seasons ("the church
tower lit up at night" -> "at noon", "sunset at the historic pier" -> "sunrise", "the castle in
wintertime" -> "in summertime", "soaking up the winter sun" -> "the summer sun"), the
elements a scene is in ("the flock of geese enters the water" -> "the sand", "silhouetted
against a dramatic evening sky" -> "sea", "walking in the rain" -> "in the snow"), the occasion
("performs at the festival" -> "at the funeral"), the kind of place ("a panoramic view of the
city" -> "of the forest") and the side of a thing seen ("interior of the cathedral" -> "exterior").

A caption often names when rather than what ("at night", "on a summer evening", "at sunset");
the time is a fact of the picture (light, sky, snow, leaves) and its contrast, the other end of
the day or of the year, states something false of it.  Only the far end replaces a time: never a
neighbour ("evening" for "night", "dusk" for "sunset", "autumn" for "winter": one may be said of
the other).  The words are data (``TIME_CONTRASTS``, ``AFTER_PREPOSITION``, ``NEAR_TIMES``); the
guards are by parse shape:

- the time word heads its noun phrase (a noun, not a name: "Dawn", "Summer" are people), or a
  season modifies the one noun of the name ("winter sun", "summer dress");
- "spring" and "fall" only where a season reads (after "in", "this", "last", "next", "during",
  ... and not before "of": "the fall of the wall", "a spring" of water are no seasons);
- no greeting or idiom ("good morning", "last night", "a night out", "night falls", "the dead of
  winter"), no time in a list of times ("spring and summer", "day and night"), no time said twice
  ("winter road in the winter": one changed contradicts the other) and no contrast said already
  ("from sunrise to sunset" -/-> "from sunrise to sunrise");
- no name: a time word under a noun that is no time ("princess winter").

An element is replaced by one that cannot be where it was (water by sand, sky by sea, rain by
snow), alone in its name (not "salt water", "drinking water"), never in an "of" phrase ("bodies
of water", "a glass of water", "the sound of rain", "the first snow of the season") or an idiom
("in hot water", "on thin ice"); "snow" and "ice" only as ground, after a preposition of place
("through the deep snow"; not "braves heavy snow", "ice cream").

An occasion takes one it cannot be (a festival, a concert, a premiere or a wedding is no funeral;
not "ceremony" or "celebration", which a funeral is), a city or a town the forest; alone in its
name ("film festival", "world premiere", "city hall" keep theirs), a place without modifiers ("a
capital city" is no "capital forest").
"""
from __future__ import annotations

from typing import Optional

from ...lexicon.lemmas import noun_lemma
from ...lexicon.words import CALENDAR_NAMES
from ...schemas.graph import Span
from ..realise import Slot, Surface, noun_form
from .shared import glued, number_class, possessive

# The other end of the day or of the year.
TIME_CONTRASTS: dict[str, str] = {
    "night": "morning", "nighttime": "daytime", "daytime": "nighttime", "midnight": "noon",
    "noon": "midnight", "midday": "midnight", "evening": "morning", "morning": "evening",
    "afternoon": "morning", "dusk": "dawn", "dawn": "dusk", "sunset": "sunrise", "sunrise": "sunset",
    "nightfall": "daybreak", "daybreak": "nightfall",
    "winter": "summer", "summer": "winter", "wintertime": "summertime", "summertime": "wintertime",
    "autumn": "spring", "fall": "spring", "spring": "autumn", "springtime": "autumn",
}
# The contrast that reads after a preposition ("at night" -> "at noon", not "at morning"; "by
# night" -> "by day").
AFTER_PREPOSITION: dict[tuple[str, str], str] = {("at", "night"): "noon", ("by", "night"): "day"}
# Seasons that modify a noun ("winter sun" -> "summer sun"); "spring" and "fall" modify as other
# words ("spring water", "fall protection").
SEASON_MODIFIERS = frozenset({"winter", "summer", "autumn"})
# Parts of the day that modify a noun the hour shows ("night view" -> "morning view", "evening
# light"); not others ("night club", "evening dress", "night stand", "morning glory").
DAY_PART_MODIFIERS = frozenset({"night", "evening", "morning", "afternoon"})
LIT_BY_THE_HOUR = frozenset({"sky", "light", "view", "scene", "shot", "skyline", "traffic", "market", "walk",
                             "ride", "landscape", "sun", "sunlight", "photo", "photography", "panorama", "cityscape"})
# Words of one time: a replacement is not made when a word of its group is in the text already.
NEAR_TIMES: tuple[frozenset[str], ...] = tuple(frozenset(g.split()) for g in (
    "night nights nighttime midnight tonight", "evening evenings dusk sunset sunsets twilight nightfall",
    "morning mornings dawn sunrise sunrises daybreak", "noon midday", "day days daytime",
    "winter winters wintertime", "summer summers summertime", "autumn fall", "spring springtime",
))
# Words after which "spring" and "fall" name a season (with "the", "early", "late" between).
SEASON_CUES = frozenset({"in", "this", "last", "next", "during", "until", "since", "through", "throughout",
                         "for", "every", "each", "all"})
_SEASON_FILLERS = frozenset({"the", "early", "late", "mid"})
_AMBIGUOUS = frozenset({"spring", "fall"})
# (word before, time) and (time, word after) pairs of idioms the contrast does not fit.
_IDIOM_BEFORE = frozenset({("good", "*"), ("last", "night")})
_IDIOM_BEFORE2 = frozenset({("dead", "of")})           # "in the dead of winter"
_IDIOM_AFTER = frozenset({("night", "out"), ("night", "fall"), ("night", "falls"), ("night", "fell"),
                          ("night", "owl"), ("night", "shift")})
_LIST_MARKS = frozenset({"and", "or", "to", "&", "-", "–", "/", ",", "till", "until", "into"})
# Elements and the one that cannot be where they are.
ELEMENT_CONTRASTS: dict[str, str] = {
    "sky": "sea", "water": "sand", "sand": "snow", "snow": "sand", "ice": "sand", "rain": "snow",
    "sunshine": "rain",
}
# Elements that are ground only after a preposition of place ("in the snow", "on ice").
GROUND_ONLY = frozenset({"snow", "ice"})
PLACE_WORDS = frozenset({"in", "on", "onto", "into", "through", "across", "over", "under", "along", "from",
                         "at", "beneath", "below", "above", "inside"})
# (an element is not replaced by one whose group is in the text: "the water's edge" at a beach
# may be sand, "sails against a blue sky" may be seen against the sea too)
_NEAR_ELEMENTS: tuple[frozenset[str], ...] = tuple(frozenset(g.split()) for g in (
    "sky skies", "sea seas ocean oceans beach beaches coast shore harbor harbour bay island boat boats ship ships "
    "sail sails sailboat sailboats yacht yachts wave waves surf ferry", "water waters", "sand sands beach beaches shore dune dunes desert", "snow snowfall", "ice", "rain rainfall",
    "sunshine sunlight"))
# (word before, element) and (element, word after) pairs of idioms ("in hot water", "rain or shine").
_ELEMENT_IDIOMS = frozenset({("hot", "water"), ("thin", "ice"), ("rain", "or"), ("rain", "check")})
# Occasions and places, and the one they cannot be.
OCCASION_CONTRASTS: dict[str, str] = {
    "wedding": "funeral", "funeral": "wedding", "festival": "funeral", "concert": "funeral",
    "parade": "funeral", "premiere": "funeral", "carnival": "funeral", "party": "funeral",
    "gala": "funeral", "prom": "funeral", "picnic": "funeral", "conference": "funeral",
    "graduation": "funeral", "banquet": "funeral",
}
PLACE_CONTRASTS: dict[str, str] = {"city": "forest", "town": "forest", "village": "forest", "suburb": "forest",
                                   "neighborhood": "forest", "neighbourhood": "forest"}
_NEAR_OCCASIONS: tuple[frozenset[str], ...] = tuple(frozenset(g.split()) for g in (
    "funeral funerals wake memorial burial cemetery grave", "wedding weddings bride groom marriage",
    "forest forests woods jungle", "city cities town towns village villages suburb suburbs neighborhood "
                                   "neighbourhood"))
# Sides and parts of a thing seen, before "of" ("the front of the building" -> "the back",
# "interior of the cathedral" -> "exterior", "the top of the mountain" -> "the bottom").
SIDE_CONTRASTS: dict[str, str] = {"front": "back", "rear": "front", "interior": "exterior",
                                  "exterior": "interior", "top": "bottom", "bottom": "top"}
# Words that deny what follows: the element's contrast may be absent too.
_NEGATIONS = frozenset({"without", "no", "not", "never", "lack", "lacking", "less", "nor", "free"})
# Plural forms that no one writes ("noons", "daybreaks").
_SINGULAR_ONLY = frozenset({"noon", "midnight", "midday", "daybreak", "nightfall", "daytime", "nighttime",
                            "summertime", "wintertime", "springtime", "day"})


def _near(word: str) -> frozenset[str]:
    for group in NEAR_TIMES + _NEAR_ELEMENTS + _NEAR_OCCASIONS:
        if word in group:
            return group
    return frozenset((word,))


def _season_reads(surface: Surface, i: int) -> bool:
    """Token i ("spring", "fall") names a season: a cue word before it and no "of" after it."""
    toks = surface.tokens
    if i + 1 < len(toks) and toks[i + 1].text.lower() == "of":
        return False
    k = i - 1
    while k >= 0 and toks[k].text.lower() in _SEASON_FILLERS:
        k -= 1
    return k >= 0 and toks[k].text.lower() in SEASON_CUES


def _says_already(surface: Surface, new: str) -> bool:
    """The text, or the caption's graph (a realised positive shows only part of the caption: "the
    water" of "a dog in the sand near the water" is no "sand"), names ``new`` or its near words."""
    near = _near(new)
    return any(t.text.lower() in near for t in surface.tokens) \
        or any(w in near or noun_lemma(w) in near for o in surface.graph.objects for w in o.name.lower().split())


def _time_word(word: str) -> bool:
    return word in TIME_CONTRASTS or any(word in g for g in NEAR_TIMES) or word in CALENDAR_NAMES


def _fixed(surface: Surface, i: int, word: str) -> bool:
    """Token i is in an idiom, a list of times, a name, or its time is said twice."""
    toks = surface.tokens
    low = [t.text.lower() for t in toks]
    prev = low[i - 1] if i > 0 else ""
    before2 = low[i - 2] if i > 1 else ""
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if (prev, "*") in _IDIOM_BEFORE or (prev, word) in _IDIOM_BEFORE or (before2, prev) in _IDIOM_BEFORE2 \
            or (word, nxt) in _IDIOM_AFTER:
        return True
    for k in (i - 2, i + 2):                         # "spring and summer", "day and night"
        if 0 <= k < len(low) and low[(i + k) // 2] in _LIST_MARKS and _time_word(low[k]):
            return True
    near = _near(word)
    if sum(w in near for w in low) > 1:              # "winter road in the winter"
        return True
    # a noun under the time word that is no time ("princess winter"; not "tuesday evening")
    return surface.caption and any(t.head == i and t.dep == "compound" and not _time_word(t.text.lower())
                                   for t in toks[max(0, i - 3):i])


def setting_replacement(surface: Surface, slot: Slot) -> Optional[tuple[Span, str]]:
    """(token span, new word) replacing the time, season or element an object's name is (or,
    for a season, starts with), or None (see the module's guards)."""
    word = noun_lemma(surface.tokens[slot.name[1] - 1].text.lower())
    if word in ELEMENT_CONTRASTS:
        return _element_replacement(surface, slot, word)
    if word in OCCASION_CONTRASTS or word in PLACE_CONTRASTS:
        return _occasion_replacement(surface, slot, word)
    if word in SIDE_CONTRASTS:
        return _side_replacement(surface, slot, word)
    return _time_replacement(surface, slot)


def _plain_noun(surface: Surface, i: int) -> bool:
    """Token i is a lower-case common noun written apart ("Dawn", "Summer": names)."""
    t = surface.tokens[i]
    return t.upos == "NOUN" and t.tag in ("NN", "NNS", "") and t.text.islower() \
        and not glued(surface, (i, i + 1)) and not possessive(surface, (i, i + 1))


def _element_replacement(surface: Surface, slot: Slot, word: str) -> Optional[tuple[Span, str]]:
    toks = surface.tokens
    s, e = slot.name
    i = e - 1
    if not _plain_noun(surface, i) or any(not _time_word(t.text.lower()) for t in toks[s:i]):
        return None                                  # "salt water", "drinking water"; not "evening sky"
    low = [t.text.lower() for t in toks]
    k = slot.np[0] - 1
    before = low[k] if k >= 0 else ""
    prev = low[i - 1] if i > 0 else ""
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if "of" in (before, prev, nxt) or "-" in (prev, nxt):
        return None                                  # "bodies of water", "the first snow of the season", "water - side"
    if i > 0 and toks[i - 1].upos in ("NOUN", "PROPN") and not _time_word(prev):
        return None                                  # "sparkling bubbles water": a compound
    if (low[i - 1] if i > 0 else "", word) in _ELEMENT_IDIOMS \
            or (i + 1 < len(low) and (word, low[i + 1]) in _ELEMENT_IDIOMS):
        return None                                  # "in hot water", "on thin ice", "rain or shine"
    if word in GROUND_ONLY and before not in PLACE_WORDS:
        return None                                  # "braves heavy snow"
    if any(w in _NEGATIONS for w in low[max(0, slot.np[0] - 3):slot.np[0]]):
        return None                                  # "plants are without water": nor sand, maybe
    new = ELEMENT_CONTRASTS[word]
    if _says_already(surface, new) or _said_twice(low, word):
        return None
    plural = _plural(surface, slot, i)
    if plural and number_class(new) == "mass" and slot.agree:
        return None                                  # "the clear blue waters await" -/-> "the sand await"
    return (i, i + 1), noun_form(new, plural)


def _occasion_replacement(surface: Surface, slot: Slot, word: str) -> Optional[tuple[Span, str]]:
    toks = surface.tokens
    s, e = slot.name
    i = e - 1
    if e - s > 1 or not _plain_noun(surface, i):
        return None                                  # "film festival", "world premiere"
    low = [t.text.lower() for t in toks]
    prev = low[i - 1] if i > 0 else ""
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if "-" in (prev, nxt) or (i > 0 and toks[i - 1].upos in ("NOUN", "PROPN", "NUM")):
        return None                                  # "music festival" read apart, "a surprise - party"
    if any(t.upos != "DET" and t.tag != "PRP$" for t in toks[slot.np[0]:s]) \
            or surface.graph.objects[slot.obj].attributes or prev in _LIST_MARKS or nxt in _LIST_MARKS:
        return None                                  # "a capital city", "best party", "carnival or circus"
    if word in PLACE_CONTRASTS and slot.np[0] == s and not _plural(surface, slot, i):
        return None                                  # "across town", "in part of town": an idiom
    new = OCCASION_CONTRASTS.get(word) or PLACE_CONTRASTS[word]
    if _says_already(surface, new) or _said_twice(low, word):
        return None
    return (i, i + 1), noun_form(new, _plural(surface, slot, i))


def _said_twice(low: list[str], word: str) -> bool:
    near = _near(word)
    return sum(w in near or noun_lemma(w) in near for w in low) > 1


def _plural(surface: Surface, slot: Slot, i: int) -> bool:
    tag = surface.tokens[i].tag
    return tag == "NNS" if tag else slot.plural


def _side_replacement(surface: Surface, slot: Slot, word: str) -> Optional[tuple[Span, str]]:
    """A side or part of a thing, alone in its phrase ("the front", "interior") and before "of"
    (not "on top of", "a black top", "in front of")."""
    toks = surface.tokens
    s, e = slot.name
    i = e - 1
    if e - s > 1 or not _plain_noun(surface, i) or i + 1 >= len(toks) or toks[i + 1].text.lower() != "of" \
            or any(t.upos != "DET" for t in toks[slot.np[0]:s]) or surface.graph.objects[slot.obj].attributes:
        return None
    prev = toks[s - 1].text.lower() if s > 0 else ""
    if prev in ("on", "in") and slot.np[0] == s:
        return None                                  # "on top of", "in front of"
    new = SIDE_CONTRASTS[word]
    if _says_already(surface, new) or _said_twice([t.text.lower() for t in toks], word):
        return None
    return (i, i + 1), noun_form(new, _plural(surface, slot, i))       # "the tops" -> "the bottoms"


def _time_replacement(surface: Surface, slot: Slot) -> Optional[tuple[Span, str]]:
    toks = surface.tokens
    s, e = slot.name
    head = toks[e - 1]
    word = noun_lemma(head.text.lower())
    if word in TIME_CONTRASTS:
        i = e - 1
        if e - s > 1 and toks[s].text.lower() not in SEASON_MODIFIERS and toks[s].upos == "NOUN":
            return None                              # "opening night", "date night": an event
    elif e - s == 2 and head.upos == "NOUN" and (toks[s].dep == "compound" or not surface.caption) and (
            toks[s].text.lower() in SEASON_MODIFIERS
            or (toks[s].text.lower() in DAY_PART_MODIFIERS and word in LIT_BY_THE_HOUR)):
        i, word = s, toks[s].text.lower()            # "winter sun", "summer dress", "night view"
    else:
        return None
    t = toks[i]
    if not _plain_noun(surface, i):
        return None
    prev = toks[i - 1].text.lower() if i > 0 else ""
    if _fixed(surface, i, word) or (word in _AMBIGUOUS and (i != e - 1 or not _season_reads(surface, i))):
        return None
    if word in _AMBIGUOUS and i == s and slot.np[0] < s and toks[slot.np[0]].text.lower() in ("a", "an"):
        return None                                  # "a spring": water
    new = AFTER_PREPOSITION.get((prev, word), TIME_CONTRASTS[word])
    plural = i == e - 1 and (t.tag == "NNS" if t.tag else slot.plural)     # "summer dresses"
    if (plural and new in _SINGULAR_ONLY) or _says_already(surface, new):
        return None
    return (i, i + 1), noun_form(new, plural)
