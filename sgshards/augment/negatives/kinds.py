"""Contrasts for nouns no sibling group or WordNet kin replaces: a category word takes a thing of
another category, a sport names another sport.  object_replace asks for them only when it found no
other replacement in the surface (``object_replace``), so they add negatives to captions that had
none and change no other.

- A **category word** ("building", "plant", "bird", "vehicle") is left out of the curated sibling
  groups (``vocab.CATEGORY_GENERIC``): any of its members would be a hyponym ("a bird" -/-> "an
  eagle").  A thing of another category cannot be it: "a view of the building" -> "a view of the
  bridge", "bird on branch" -> "butterfly on branch", "vehicle along the border wall" -> "horse
  along the border wall", "this plant bloomed heavily" -> "this statue bloomed heavily" (false of
  a factory too, the other sense of "plant").  Only the plain word heading its phrase: never after
  a noun ("office building", "love birds", "power plant"), a possessive ("a bird's eye view"), an
  adjective that makes a plant a factory ("nuclear plant"), or where the contrast or a word of its
  kind is in the text already.
- A **sport** before the head it classifies ("girls basketball game" -> "girls volleyball game",
  "football team" -> "basketball team", "tennis court" -> "basketball court") or played ("plays
  golf" -> "plays tennis") takes a sport that is not it: never "football" for "soccer" (one sport
  in British English), a court sport for a court, a field sport for a field.  Not in a compound
  sport ("ice hockey", "table tennis", "american football"), a list ("basketball and volleyball"),
  a glued word ("co-ed basketball"), nor where the new sport is named already.

The words are data (``CATEGORY_CONTRASTS``, ``SPORT_CONTRASTS``, ``SPORT_HEADS``); the guards are by
parse shape.
"""
from __future__ import annotations

from typing import Optional

from ...lexicon.lemmas import noun_lemma, verb_lemma
from ...schemas.graph import Span
from ..realise import Slot, Surface, noun_form
from .contrast import distinct_things
from .setting import DAY_PART_MODIFIERS, LIT_BY_THE_HOUR, NEAR_TIMES, SEASON_MODIFIERS, TIME_CONTRASTS
from .shared import glued, possessive

# A category word and a thing of another category that none of its members is.
CATEGORY_CONTRASTS: dict[str, str] = {
    "building": "bridge", "plant": "statue", "bird": "butterfly", "vehicle": "horse",
    "home": "bridge",                # any building may be a home (a castle, a tower): none is a bridge
    # a settlement by its size, whose curated group ("city|town|village") holds them all: a city
    # is no village ("it's located in a crowded industrial city" -> "village"); "town" may be either
    "city": "village", "village": "city",
    # a plane figure by its corners ("ribbon in the shape of a circle" -> "of a square"; not "square",
    # a town's square too), a solid by its faces
    "circle": "square", "triangle": "circle", "rectangle": "circle", "sphere": "cube", "cube": "sphere",
    # a side of a thing, by its opposite ("view from the front of the lodge" -> "from the back";
    # "the interior of the church" -> "the exterior"); never a compound's ("front door", "top floor")
    "front": "back", "back": "front", "rear": "front", "top": "bottom", "bottom": "top",
    "interior": "exterior", "exterior": "interior", "inside": "outside", "outside": "inside",
}
# Words of the contrast's kind: the caption names one already ("a bridge", "insects").
# Words of the contrast's kind, or of a scene it is often in: the caption names one already ("a
# bridge", "insects"; "the building and the highway", "bird on a flower", "plants in the park":
# a bridge, a butterfly, a statue may be in the picture too).
_NEAR_CATEGORY: dict[str, frozenset[str]] = {w: frozenset(g.split()) for w, g in {
    "bridge": "bridge bridges viaduct overpass highway highways river rivers canal canals railway motorway freeway "
              "creek stream",
    "statue": "statue statues sculpture sculptures monument monuments figure garden gardens park parks museum "
              "plaza square fountain",
    "butterfly": "butterfly butterflies insect insects moth moths flower flowers garden gardens meadow",
    "horse": "horse horses pony ponies carriage rider riders farm ranch stable cowboy",
    "village": "village villages hamlet hamlets town towns countryside rural farm farms",
    "square": "square squares rectangle rectangles grid grids checkered plaid tile tiles",
    "circle": "circle circles ring rings round dot dots sphere spheres disc discs disk disks",
    "cube": "cube cubes box boxes block blocks dice",
    "sphere": "sphere spheres ball balls globe globes orb orbs bubble bubbles",
    "back": "back rear behind", "front": "front facade", "bottom": "bottom base foot below underneath",
    "top": "top summit peak above atop", "exterior": "exterior outside outdoor outdoors facade",
    "interior": "interior inside indoor indoors", "outside": "outside exterior outdoor outdoors",
    "inside": "inside interior indoor indoors",
    "city": "city cities town towns metropolis downtown urban skyline skyscraper skyscrapers suburb suburbs",
}.items()}
_SIDES = frozenset({"front", "back", "rear", "top", "bottom", "interior", "exterior", "inside", "outside"})
# "home" names whose residence or origin with "of" ("the former home of rhythm and blues artist"),
# and a household or a concept after these ("the smart home").
_HOME_WORDS = frozenset({"home"})
_HOME_KINDS = frozenset({"smart", "happy", "loving", "forever", "second", "nursing", "care", "foster"})
# Idioms of a category word ("the early bird catches the worm").
_CATEGORY_IDIOMS = frozenset({("early", "bird"), ("love", "bird"), ("free", "bird")})
# Modifiers that make a plant a factory, and a building's modifiers that need it ("storey").
_FACTORY = frozenset({"nuclear", "chemical", "industrial", "manufacturing", "processing", "treatment", "power",
                      "steel", "bottling", "recycling", "sewage", "coal", "gas", "solar", "wind", "hydroelectric",
                      "electric", "assembly", "production", "packing", "water", "desalination", "cement"})

# Heads a sport classifies, by where it is played: a court ("tennis court"), a field or pitch,
# anything else (a team, a game, a player).
COURT_HEADS = frozenset({"court", "courts"})
FIELD_HEADS = frozenset({"field", "fields", "pitch", "pitches", "stadium", "stadiums", "ground", "grounds"})
SPORT_HEADS = frozenset({"game", "games", "team", "teams", "player", "players", "match", "matches", "league",
                         "tournament", "fan", "fans", "coach", "coaches", "season", "championship", "practice",
                         "club", "jersey", "uniform", "camp", "referee", "star", "legend", "final", "finals",
                         "action", "training", "drill", "goalie", "captain"}) | COURT_HEADS | FIELD_HEADS
# The sport put in place of one, by the head's kind: never two names of one sport ("football" and
# "soccer"), never a sport not played there ("golf court").
SPORT_CONTRASTS: dict[str, dict[str, str]] = {
    "court": {"tennis": "basketball", "basketball": "tennis", "volleyball": "tennis", "badminton": "basketball"},
    "field": {"football": "baseball", "soccer": "baseball", "baseball": "football", "rugby": "baseball",
              "cricket": "football", "softball": "football", "lacrosse": "baseball"},
    "other": {"football": "basketball", "soccer": "basketball", "baseball": "basketball", "basketball": "baseball",
              "hockey": "basketball", "tennis": "basketball", "golf": "tennis", "rugby": "basketball",
              "volleyball": "baseball", "cricket": "basketball", "softball": "basketball",
              "lacrosse": "basketball", "badminton": "golf"},
}
ALL_SPORTS = frozenset(s for table in SPORT_CONTRASTS.values() for s in table) | frozenset(
    {"polo", "handball", "squash", "bowling", "boxing", "wrestling", "netball"})
# Words that make a compound sport with the next ("ice hockey", "table tennis", "american football").
_SPORT_PREFIXES = frozenset({"ice", "field", "table", "beach", "flag", "roller", "street", "mini", "water", "paddle",
                             "touch", "rules", "american", "australian", "gaelic", "association", "arena", "power",
                             "wheelchair", "sled", "pond", "lawn", "platform", "indoor", "fantasy", "foot", "hand",
                             "tag", "sitting", "rink", "box", "underwater", "canadian", "college", "pro"})
# Verbs a sport is the object of ("plays golf", "watching football").
_SPORT_VERBS = frozenset({"play", "watch", "practice", "practise", "love", "coach", "enjoy", "teach", "learn"})
_LIST_MARKS = frozenset({"and", "or", "&", "/", ",", "vs", "vs.", "versus", "-", "–"})


def kind_replacement(surface: Surface, slot: Slot) -> Optional[tuple[Span, str]]:
    """(token span, new word) for a category word, a sport or a material of the object's phrase, or None."""
    return _category_replacement(surface, slot) or _sport_replacement(surface, slot) \
        or _material_replacement(surface, slot)


# A material named as a bare noun ("a piece of glass", "made of metal", "a pile of wood") by the
# curated material groups (``vocab.ATTRIBUTE_CATEGORIES["material"]``), and the materials put in
# its place, first the one not named in the text: another material of a thing's kind.
MATERIAL_CONTRASTS: dict[str, tuple[str, ...]] = {
    "wood": ("metal", "stone"), "metal": ("wood", "plastic"), "steel": ("wood", "plastic"),
    "iron": ("wood", "plastic"), "aluminum": ("wood", "plastic"), "aluminium": ("wood", "plastic"),
    "glass": ("wood", "metal"), "plastic": ("glass", "metal"), "stone": ("wood", "metal"),
    "marble": ("wood", "metal"), "granite": ("wood", "metal"), "brick": ("wood", "metal"),
    "concrete": ("wood", "metal"), "paper": ("plastic", "metal"), "cardboard": ("plastic", "metal"),
    "leather": ("wool", "plastic"), "wool": ("leather", "plastic"), "clay": ("metal", "glass"),
    "porcelain": ("metal", "glass"), "rubber": ("metal", "wood"),
}
# The words before a bare material noun that make it the stuff of a thing: a piece, pile or
# sheet "of" it, made "of" or "from" it, done "in" it.
_MATERIAL_PREPS = frozenset({"of", "from", "in"})
# Words of each material group (a text naming one of them already names the contrast).
_MATERIAL_WORDS: dict[str, frozenset[str]] = {
    "wood": frozenset("wood wooden timber plywood".split()), "metal": frozenset("metal metallic steel iron".split()),
    "stone": frozenset("stone stones marble granite rock".split()), "plastic": frozenset({"plastic"}),
    "glass": frozenset({"glass"}), "wool": frozenset("wool woolen woollen knitted".split()),
    "leather": frozenset({"leather"}),
}


def _material_replacement(surface: Surface, slot: Slot) -> Optional[tuple[Span, str]]:
    """A bare singular material noun after "of", "from" or "in" ("a signed piece of glass" -> "of
    wood", "handcuffs made of metal" -> "of wood"): another material; not a noun modifier ("glass
    door"), a material with a determiner ("a glass": a vessel), nor one said twice."""
    toks = surface.tokens
    s, e = slot.name
    if e - s != 1 or slot.np[0] != s or s == 0 or toks[s - 1].text.lower() not in _MATERIAL_PREPS:
        return None
    head = toks[s]
    word = head.text.lower()
    if word not in MATERIAL_CONTRASTS or head.upos != "NOUN" or head.tag not in ("NN", "") or not _plain(surface, s):
        return None
    if e < len(toks) and toks[e].upos in ("NOUN", "PROPN") and head.ws:
        return None                                  # "glass door": a modifier
    low = [t.text.lower() for t in toks]
    if low.count(word) > 1:
        return None
    for new in MATERIAL_CONTRASTS[word]:
        if not _named(surface, _MATERIAL_WORDS[new]):
            return slot.name, new
    return None


def _plain(surface: Surface, i: int) -> bool:
    t = surface.tokens[i]
    return t.text.isalpha() and t.text.islower() and not glued(surface, (i, i + 1))


def _named(surface: Surface, words: frozenset[str]) -> bool:
    """A token of the text or a word of an object of the graph is one of ``words``."""
    return any(t.text.lower() in words for t in surface.tokens) or any(
        w in words or noun_lemma(w) in words for o in surface.graph.objects for w in o.name.lower().split())


# Names of a kind of thing made of two words (CC3M writes "automobile model" for a car's make and
# model: "automobile model with extra low miles" -> "a motorcycle with extra low miles").
PHRASE_CONTRASTS: dict[str, str] = {"automobile model": "motorcycle", "automobile make": "motorcycle",
                                    "car model": "motorcycle"}
_NEAR_CATEGORY_PHRASE = frozenset({"motorcycle", "motorcycles", "motorbike", "motorbikes", "bike", "bikes", "scooter"})


_KIND_WORDS = frozenset({"kind", "kinds", "type", "types", "sort", "sorts", "variety", "range", "lots", "all", "many"})


def _phrase_replacement(surface: Surface, slot: Slot) -> Optional[tuple[Span, str]]:
    """A two-word name of ``PHRASE_CONTRASTS``, said once, not a possessive; a bare singular takes
    an article ("automobile model was abandoned" -> "a motorcycle was abandoned")."""
    toks = surface.tokens
    s, e = slot.name
    low = [t.text.lower() for t in toks]
    name = " ".join(low[s:e])
    if name not in PHRASE_CONTRASTS or possessive(surface, slot.name) or any(not _plain(surface, k) for k in range(s, e)):
        return None
    if sum(" ".join(low[k:k + e - s]) == name for k in range(len(low))) > 1 or _named(surface, _NEAR_CATEGORY_PHRASE):
        return None
    if e < len(toks) and toks[e].upos in ("NOUN", "PROPN") and toks[e - 1].ws:
        return None                                  # "automobile model year"
    new = PHRASE_CONTRASTS[name]
    if slot.plural:
        return slot.name, noun_form(new, True)
    if slot.np[0] == s:
        if s > 1 and low[s - 1] == "of" and low[s - 2] in _KIND_WORDS:
            return None                              # "all kinds of automobile make": no "kinds of a motorcycle"
        new = "a " + new
    return slot.name, new


def _category_replacement(surface: Surface, slot: Slot) -> Optional[tuple[Span, str]]:
    phrase = _phrase_replacement(surface, slot)
    if phrase is not None:
        return phrase
    toks = surface.tokens
    i = slot.name[1] - 1
    head = toks[i]
    word = noun_lemma(head.text.lower())
    if word not in CATEGORY_CONTRASTS or head.upos != "NOUN" or head.tag not in ("NN", "NNS", "") \
            or not _plain(surface, i) or possessive(surface, (i, i + 1)):
        return None
    before = toks[slot.np[0]:i]
    if any(t.upos in ("NOUN", "PROPN") or t.tag == "POS" for t in before) or (i > 0 and toks[i - 1].text == "-") \
            or (i > 0 and toks[i - 1].upos in ("NOUN", "PROPN") and toks[i - 1].ws):
        return None                                  # "office building", "love birds", "ten - story building",
                                                     # "the winners circle", "ice cubes" (a noun before)
    if i + 1 < len(toks) and toks[i + 1].upos in ("NOUN", "PROPN") and toks[i].ws:
        return None                                  # "plant life", "building blocks": a modifier
    if i > 0 and (toks[i - 1].text.lower(), word) in _CATEGORY_IDIOMS:
        return None
    if head.tag in ("NN", "") and slot.np[0] == i and (i > 0 and toks[i - 1].upos in ("ADP", "VERB", "AUX")
                                                       or len(toks) == 1 and word in _HOME_WORDS):
        return None                                  # a bare singular: "at home", "welcome home"
    if sum(noun_lemma(t.text.lower()) == word for t in toks) > 1:
        return None                                  # said twice: "home sweet home"
    if head.dep in ("dobj", "oprd") and any(t.dep == "dobj" and t.head == head.head for t in toks[:i]):
        return None                                  # what an object is made or called: "making a house a home"
    if word in _SIDES and not surface.caption and not surface.relations:
        return None                                  # "the back" said alone: of nothing
    if word in _HOME_WORDS and (i + 1 < len(toks) and toks[i + 1].text.lower() == "of"
                                or any(a.lower() in _HOME_KINDS for a in surface.graph.objects[slot.obj].attributes)
                                or any(t.text.lower() in _HOME_KINDS for t in before)):
        return None                                  # "the home of jazz", "the smart home": no building
    if word == "plant" and any(t.text.lower() in _FACTORY for t in before):
        return None                                  # "nuclear plant": a factory
    new = CATEGORY_CONTRASTS[word]
    replaced = surface.graph.objects[slot.obj]       # "city" and "village" share a curated group
    if _named(surface, _NEAR_CATEGORY[new]) or not all(
            distinct_things(new, o.name, False) for o in surface.graph.objects if o.name and o is not replaced):
        return None
    plural = head.tag == "NNS" if head.tag else slot.plural
    return (i, i + 1), noun_form(new, plural)


def _sport_at(surface: Surface, slot: Slot) -> Optional[tuple[int, str]]:
    """(token, kind of head) of the sport the phrase names: before its head, or the head itself
    as the object of a verb of playing."""
    toks = surface.tokens
    e = slot.name[1]
    head = toks[e - 1].text.lower()
    if head in SPORT_HEADS and e - 2 >= slot.np[0] and toks[e - 2].text.lower() in ALL_SPORTS:
        kind = "court" if head in COURT_HEADS else "field" if head in FIELD_HEADS else "other"
        return e - 2, kind
    if head in ALL_SPORTS and toks[e - 1].dep == "dobj" and slot.np[0] == e - 1 \
            and 0 <= toks[e - 1].head < len(toks) and verb_lemma(toks[toks[e - 1].head].text.lower()) in _SPORT_VERBS:
        return e - 1, "other"
    return None


def _sport_replacement(surface: Surface, slot: Slot) -> Optional[tuple[Span, str]]:
    found = _sport_at(surface, slot)
    if found is None:
        return None
    i, kind = found
    toks = surface.tokens
    sport = toks[i].text.lower()
    new = SPORT_CONTRASTS[kind].get(sport)
    if new is None or not _plain(surface, i) or toks[i].tag not in ("NN", "JJ", ""):
        return None
    prev = toks[i - 1].text.lower() if i > 0 else ""
    nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
    if prev in _SPORT_PREFIXES or prev in _LIST_MARKS or nxt in _LIST_MARKS or (i > 0 and not toks[i - 1].ws):
        return None                                  # "ice hockey", "basketball and volleyball", "co-ed"
    low = [t.text.lower() for t in toks]
    if new in low or sum(w == sport for w in low) > 1 or _named(surface, frozenset({new})):
        return None                                  # the new sport named; "basketball ... basketball"
    return (i, i + 1), new


# Nouns of a time of day a season or a part of the day modifies where the graph keeps no object
# ("on a cold winter day", "on a summer evening", "night view of the rooftops": "day", "view" are
# no things of the picture, so the setting contrasts of object_replace never see them).
TIME_HEADS = frozenset({"day", "days", "evening", "evenings", "morning", "mornings", "afternoon", "afternoons",
                        "night", "nights", "weekend", "sky", "skies", "sun", "light", "view", "scene", "landscape",
                        "sunset", "sunrise"})


def unplaced_time_replacements(surface: Surface) -> list[tuple[Span, str]]:
    """(token span, new word) for each season or part of the day that modifies a time or light
    noun which is no object of the graph ("the harbour on a summer day" -> "on a winter day"),
    then each weather of such a day ("on a cloudy day" -> "on a sunny day", ``WEATHER_CONTRASTS``),
    in the caption itself, alone (not "spring and summer", "winter snow storm"), never where its
    contrast or a word of its time is said already."""
    if not surface.caption:
        return []
    toks = surface.tokens
    low = [t.text.lower() for t in toks]
    named = {k for slot in surface.slots.values() for k in range(slot.name[0], slot.name[1])}
    out = []
    for i, w in enumerate(low[:-1]):
        if w not in SEASON_MODIFIERS and w not in DAY_PART_MODIFIERS:
            continue
        head = i + 1
        if low[head] not in TIME_HEADS or head in named or i in named or toks[head].upos != "NOUN" \
                or toks[i].head != head or not _plain(surface, i) or not _plain(surface, head):
            continue
        if w in DAY_PART_MODIFIERS and low[head] not in LIT_BY_THE_HOUR:
            continue                                 # "night club", "evening dress"
        if head + 1 < len(low) and toks[head + 1].upos in ("NOUN", "PROPN"):
            continue                                 # "winter day trip": a modifier of another noun
        if (i > 0 and (low[i - 1] in _LIST_MARKS or toks[i - 1].upos in ("NOUN", "PROPN"))) or low[head] in _LIST_MARKS:
            continue
        new = TIME_CONTRASTS[w]
        near = next((g for g in NEAR_TIMES if new in g), frozenset((new,)))
        mine = next((g for g in NEAR_TIMES if w in g), frozenset((w,)))
        if any(x in near for x in low) or sum(x in mine for x in low) > 1 or _named(surface, near):
            continue
        out.append(((i, i + 1), new))
    return out + _weather_replacements(surface, low, named)


# The weather of a day said of no object ("neighborhood on a cloudy day" -> "on a sunny day"):
# a day is one or the other in one picture ("snowy", "wet" say what lies on the ground, under
# any sky: no contrast).  Words of the contrast's weather, or of a weather
# near it, in the text already block it ("a sunny day with clouds").
WEATHER_CONTRASTS: dict[str, str] = {
    "cloudy": "sunny", "overcast": "sunny", "grey": "sunny", "gray": "sunny", "rainy": "sunny",
    "foggy": "sunny", "misty": "sunny", "stormy": "sunny",
    "sunny": "rainy", "clear": "rainy",
}
WEATHER_HEADS = frozenset({"day", "days", "morning", "mornings", "afternoon", "afternoons", "evening", "evenings",
                           "weekend"})
_WEATHER_WORDS: dict[str, frozenset[str]] = {
    "sunny": frozenset("sunny sun sunshine sunlight sunlit bright clear blue".split()),
    "rainy": frozenset("rainy rain raining rains wet storm stormy cloudy clouds cloud overcast grey gray umbrella "
                       "umbrellas puddle puddles drizzle shower showers".split()),
}


def _weather_replacements(surface: Surface, low: list[str], named: set[int]) -> list[tuple[Span, str]]:
    toks = surface.tokens
    out = []
    for i, w in enumerate(low[:-1]):
        new = WEATHER_CONTRASTS.get(w)
        head = i + 1
        if new is None or low[head] not in WEATHER_HEADS or head in named or i in named \
                or toks[head].upos != "NOUN" or toks[i].head != head or toks[i].upos != "ADJ" \
                or not _plain(surface, i) or not _plain(surface, head):
            continue
        if head + 1 < len(low) and toks[head + 1].upos in ("NOUN", "PROPN"):
            continue                                 # "rainy day fund", "sunny day care"
        if i > 0 and (low[i - 1] in _LIST_MARKS or low[i - 1] in WEATHER_CONTRASTS):
            continue                                 # "cold, rainy day", "bright sunny day"
        if any(x in _WEATHER_WORDS[new] for k, x in enumerate(low) if k != i) or _named(surface, _WEATHER_WORDS[new]):
            continue
        out.append(((i, i + 1), new))
    return out
