"""object_replace: replace an object noun by one of another group of its category ("a dog" -> "a cat";
never a synonym, hyponym, hypernym or part: "puppy", "animal", "paw"; never a person who may be the
same one: "girl" for "young woman"; never a place that does not take the caption's preposition: "in
a pond" -/-> "in a beach"; never a word of the caption, in a realised positive too: the parse may
have missed the thing, "toast, avocado and salad"). A caption's noun outside the curated groups
takes its nearest WordNet kin among the nouns of things seen ("a flock of geese" -> "a flock of
ducks", ``kin``), unlike every thing the caption names. A surface where nothing is replaced so takes
a contrast of another kind (``kinds``: "the building" -> "the bridge", "basketball game" ->
"baseball game", "on a summer day" -> "on a winter day")."""
from __future__ import annotations

import random
from functools import lru_cache
from typing import Optional

from ...lexicon.function_words import SINGULAR_DETERMINERS
from ...lexicon.lemmas import all_lemmas, noun_lemma, verb_lemma
from ...lexicon.words import BARE_NOUNS, CONTAINER_NOUNS, NUMBER_WORDS, VIEWER_NOUNS
from ..realise import Replacement, Slot, Surface, fresh, indefinite_article, noun_form
from ..sampling import Frequencies, choose, choose_many, shuffle
from ...lexicon.taxonomy import noun_class, noun_classes
from ...lexicon.units import is_unit, named_together
from ...schemas.graph import Span
from ..vocab import (AGE_WORDS, FAR_SETTINGS, PLACE_PREPS, SCENE_PART_CATEGORIES, object_alternatives, object_category,
                     object_groups)
from .contrast import distinct_things, gender, is_person, same_age, sexless_child
from .kin import ANY_ANIMAL, kin_alternatives, other_organisms
from .kinds import kind_replacement, unplaced_time_replacements
from .present import (furnishes, furnishing, in_caption, is_worn, one_of_them, part_shown_anyway, unlike_all,
                      unlike_the_caption)
from .setting import ELEMENT_CONTRASTS, PLACE_CONTRASTS, setting_replacement
from .shared import (PER_TYPE, Candidate, absent, fits_number, gendered_pronoun, glued, in_idiom, in_noun_pile,
                     make_candidate, noun_slots, possessive)


def replaceable_slot(surface: Surface, obj: int) -> bool:
    """The noun can be replaced alone: it heads its phrase (not "baby" in "baby boy crib", nor
    "home" in "welcome you home"), is no part of a glued word
    ("E-book"), is not in an idiom ("on foot", "at home") and is not said absent ("no cars")."""
    slot = surface.slots[obj]
    toks = surface.tokens
    head = toks[slot.name[1] - 1]
    if head.dep in ("compound", "npadvmod") or glued(surface, slot.name) or misread_compound(surface, slot) \
            or absent(surface, obj) or written_bare(surface, slot) or counted_singular(surface, slot):
        return False
    return not in_idiom(surface, slot)


def written_bare(surface: Surface, slot: Slot) -> bool:
    """A noun English writes without an article after a verb or a preposition ("watching tv",
    "smiling into camera"): any other noun there needs one ("watching keyboard" is no English)."""
    s, e = slot.name
    toks = surface.tokens
    if slot.plural or not slot.np[0] == s == e - 1 or s == 0:
        return False
    word, before = toks[s].text.lower(), toks[s - 1].upos
    return word in BARE_NOUNS and before in ("VERB", "ADP") or word in VIEWER_NOUNS and before == "ADP"


def counted_singular(surface: Surface, slot: Slot) -> bool:
    """A singular noun after a number above one: the number counts another word ("two story house",
    "the 4x800 - meter relay"), and a noun put after it reads "two skyscraper"."""
    return not slot.plural and any((t.upos == "NUM" or t.text.lower() in NUMBER_WORDS)
                                   and t.text.lower() not in ("one", "1")
                                   for t in surface.tokens[slot.np[0]:slot.name[0]])


def kind_modifier(surface: Surface, slot: Slot) -> str:
    """The word before a one-word name that makes the two a named kind of it ("peregrine falcon", "pine
    tree", "car tire": a unit of WordNet's), or "": another noun after it names no thing ("peregrine
    penguin", "pine flower", "car surfboard")."""
    s, e = slot.name
    if e - s != 1 or s == 0:
        return ""                                   # (the word may be an object of its own: "car" of "car tire")
    word = surface.tokens[s - 1].text.lower()
    return word if is_unit(f"{word} {noun_lemma(surface.tokens[s].text.lower())}") else ""


def misread_compound(surface: Surface, slot: Slot) -> bool:
    """A singular noun right before a "verb" that does not agree with it and is a noun too ("coat
    rack small": "rack" tagged a verb): the two are a compound, and the noun names its kind of
    thing ("coat rack" -/-> "dress rack", a rack for either)."""
    toks = surface.tokens
    i = slot.name[1]
    if slot.plural or i >= len(toks) or not toks[i - 1].ws:
        return False
    v = toks[i]
    word = v.text.lower()
    if any(t.head == i and t.dep in _VERB_ARGS for t in toks[i + 1:]):
        return False                               # "person love the car ride", "person touch down": verbs
    return v.upos == "VERB" and v.tag in ("VBP", "VB") and word.isalpha() and word in all_lemmas(word).get("NOUN", ())


# Dependents only a verb has: an object, a particle, a prepositional phrase, a clause.
_VERB_ARGS = frozenset({"dobj", "obj", "prt", "prep", "dative", "ccomp", "xcomp", "attr", "acomp"})


_INSIDE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "to", "from", "behind", "into", "by",
                           "around", "of", "for", "with"})


# Prepositions that relate a thing to a place as a whole, not to its surface, inside or length, so any place of
# the curated lists takes them ("a look upstream from a shore" -> "from a bridge", "full moon over the mountain"
# -> "over the lake", "special tour of the island" -> "of the lake"); never a room's surfaces ("over the floor"),
# a bare noun ("return from school", "over river"), nor "of" an idea or a state ("oath of office", "depth of field").
_ANY_PLACE_PREPS = frozenset({"of", "from", "over", "above", "toward", "towards", "beyond"})
_SURFACES = frozenset({"floor", "wall", "ceiling", "roof"})
_NOT_PLACE_SENSES = frozenset({"cognition", "state"})


@lru_cache(maxsize=1 << 15)
def place_preps(noun: str, prep: str, strict: str = "") -> frozenset:
    """Prepositions the noun takes as a place: its own list or its head's ("living room" as "room";
    with ``_ANY_PLACE_PREPS`` unless ``strict``: see ``strict_place``), "in"/"at"-like ones for a
    shop or a station ("on the hospital"), but "at" for a room ("at the salon" -/-> "at the living
    room"), any for other nouns."""
    cat = object_category(noun)
    if strict == "unplaced" and (noun in PLACE_PREPS or cat is not None and cat[0] in ("place", "room")):
        return frozenset()
    for key in (noun, (noun.split() or [noun])[-1]):
        if key in PLACE_PREPS:
            if strict or key in _SURFACES or prep not in _ANY_PLACE_PREPS \
                    or prep == "of" and noun_classes(key) & _NOT_PLACE_SENSES:
                return PLACE_PREPS[key]
            return PLACE_PREPS[key] | {prep}
    if cat is not None and cat[0] == "room":
        return _INSIDE_PREPS - {"at"}
    if cat is not None and cat[0] == "place":
        return _INSIDE_PREPS
    return frozenset((prep,))


def strict_place(surface: Surface, slot: Slot, name: str, prep: Optional[str]) -> str:
    """How strictly a place must take the caption's preposition: "unplaced" after "of" a noun with
    a sense of an idea or a state, which may name no place ("oath of office", "depth of field"):
    no place stands in; "bare" for a bare noun ("return from school", "over river"): only a place
    that takes the preposition itself; "" else."""
    if prep == "of" and noun_classes(name) & _NOT_PLACE_SENSES:
        return "unplaced"
    return "bare" if bare_singular(surface, slot) else ""


def _place_preposition(surface: Surface, np: Span) -> Optional[str]:
    """The preposition right before the noun phrase ("on" in "on the beach"), if any."""
    s = np[0]
    if s > 0 and surface.tokens[s - 1].upos == "ADP":
        return surface.tokens[s - 1].text.lower()
    return None


@lru_cache(maxsize=1 << 14)
def _replacement_nouns(name: str) -> tuple[tuple[str, frozenset, bool, bool], ...]:
    """The name's alternatives that name other things (``distinct_things``; no person for a child
    of unknown sex: "child" -/-> "boy", "baby" -/-> "woman"), with their groups, whether they keep the
    name's age and whether they say the other sex: constant tables, so once per name rather than per object."""
    child = sexless_child(name)
    return tuple((w, object_groups(w), same_age(w, name),
                  None is not gender(w) != gender(name) is not None)
                 for w in object_alternatives(name) if distinct_things(w, name) and not (child and is_person(w)))


@lru_cache(maxsize=64)
def _far_setting(name: str) -> tuple[tuple[str, frozenset, bool, bool], ...]:
    """``_replacement_nouns`` for a scene part said alone: the setting it rules out."""
    w = FAR_SETTINGS[name]
    if not distinct_things(w, name):
        return ()
    return ((w, object_groups(w), same_age(w, name), None is not gender(w) != gender(name) is not None),)


def object_replace(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                   limit: int = PER_TYPE, draws: int = 1) -> list[Candidate]:
    """Up to ``limit`` replacements, objects in random order, ``draws`` distinct new nouns per
    object, unlike every object of the graph and drawn by corpus frequency when ``counts`` are
    given; a person the curated groups
    and WordNet kin leave unreplaced becomes an animal only when no other object could be replaced
    (``_organism_replacements``). Eager: it draws while it searches."""
    g = surface.graph
    present = _present(tuple(o.name for o in g.objects))
    objs = [a for a in noun_slots(surface) if not absent(surface, a)]     # "no tv" -/-> "no phone"
    shuffle(rng, objs)
    out: list[Candidate] = []
    last_resort: list[tuple[Slot, str, bool, bool]] = []
    alone = said_alone(surface)
    for a in objs:
        slot = surface.slots[a]
        o = g.objects[a]
        # said alone, a scene part ("the ceiling", "the river") takes only a setting it rules out;
        # one something is only near takes none ("standing by the tree" -/-> "by the bush")
        part = scene_part(o.name)
        framed = alone and part
        if part and landmark(surface, slot) or framed and (o.name not in FAR_SETTINGS or surface.attrs.get(a)):
            continue                                 # "the ceiling" -/-> "the floor"; no "the desert is frozen"
        timed = setting_replacement(surface, slot)
        if timed is not None and (alone or landmark(surface, slot)) \
                and scene_part(noun_lemma(timed[1].split()[-1].lower())):
            continue                                 # "the water" -/-> "the sand", "hills behind the sand"
        if timed is not None:                        # "at night" -> "at noon", "water" -> "sand": no draw
            cand = make_candidate(surface, "object_replace", [Replacement(timed[0], fresh(surface, timed[1], timed[0]))])
            if cand:
                out.append(cand)
            if len(out) >= limit:
                return out
            continue
        if not replaceable_slot(surface, a):
            continue
        prep = _place_preposition(surface, slot.np)
        strict = strict_place(surface, slot, o.name, prep)
        pronoun = gendered_pronoun(surface)
        # "young woman" -/-> "girl"; "men's" -/-> "girls's"
        aged = is_person(o.name) and any(x.lower() in AGE_WORDS for x in o.attributes)
        owner = possessive(surface, slot.name)
        furnished = furnishes(surface, a)
        worn = is_worn(surface, a)
        others = tuple(dict.fromkeys(x.name for x in g.objects if x is not o))
        holds = container_of(surface, slot)
        played = object_of_play(surface, slot)
        kind_word = kind_modifier(surface, slot)
        nouns = _far_setting(o.name) if framed else _replacement_nouns(o.name)
        # cheapest tests first: the WordNet ones (parts, kinds of the other objects) only for
        # the nouns that pass all else; the list (content and order) is the same either way
        alts = [w for w, groups, keeps_age, other_sex in nouns
                if w not in present and present.isdisjoint(groups)
                and not in_caption(surface, w)                               # "toast" -/-> "salad" the parse missed
                and not (pronoun and other_sex)
                and not (aged and not keeps_age)
                and (w == FAR_SETTINGS[o.name] if framed else not (alone and scene_part(w)))
                and not (furnished and furnishing(w))                 # "the mirror in the drawing room"
                and not (worn and not one_of_them(o.name, w))         # "a helmet on" -/-> "a shoe on"
                and (prep is None or prep in place_preps(w, prep, strict))
                and not (owner and noun_form(w, slot.plural).endswith("s"))
                and fits_number(surface, slot, w)
                and not part_shown_anyway(surface, a, w)                     # "leaves" beside a "coconut tree"
                and not (holds and w not in CONTAINER_NOUNS)                  # "a cup of coffee" -/-> "a knife of"
                and not (kind_word and not is_unit(f"{kind_word} {w}"))     # "a peregrine falcon" -/-> "peregrine penguin"
                and not set_out_together(o.name, w)                          # "a plate of food" -/-> "a spoon"
                and not named_together(o.name, w)                            # "the flag" -/-> "the pole"
                and not (played and not playable(w))                         # "playing frisbee" -/-> "playing pillow"
                and unlike_all(w, others)]                                  # "shoe" with a "boot" in the caption
        span = past_attributes(surface, a, slot.name)
        if not alts and surface.caption and number_agrees(surface, slot):
            plain = plain_name(surface, slot.name)
            if plain:
                alts = [] if bare_singular(surface, slot) else [
                    w for w in _kin_replacements(surface, slot, o.name, prep, owner)
                    if not part_shown_anyway(surface, a, w)]
            if not alts:
                span, alts = _compound_person(surface, slot, o.name)
            if not alts:
                last_resort.append((slot, o.name, owner, plain))
        for noun in choose_many(alts, rng, "object", counts, draws) if alts else ():
            _add(out, surface, slot, span, noun, False)
        if len(out) >= limit:
            return out[:limit]
    if not out:
        for slot, name, owner, plain in last_resort:
            organisms = _organism_replacements(surface, slot, name, owner, plain)     # only now: rarely needed
            if organisms is None or not organisms[1]:
                continue
            span, animals = organisms
            animals = [w for w in animals if not in_caption(surface, w)]    # "man walking his dog" -/-> "a dog"
            if not animals:
                continue
            # "person testifies" -> "a dog testifies": a bare singular takes an article
            _add(out, surface, slot, span, choose(animals, rng, "object", counts),
                 not slot.plural and span[0] == slot.np[0])
            if len(out) >= limit:
                break
    if not out:                                      # "the building" -> "the bridge", "basketball game" -> "baseball game"
        for a in objs:
            if counted_singular(surface, surface.slots[a]) or written_bare(surface, surface.slots[a]):
                continue
            found = kind_replacement(surface, surface.slots[a])
            cand = found and make_candidate(surface, "object_replace",
                                            [Replacement(found[0], fresh(surface, found[1], found[0]))])
            if cand:
                out.append(cand)
            if len(out) >= limit:
                break
    if not out:                                      # "the harbour on a summer day" -> "on a winter day"
        for span, new in unplaced_time_replacements(surface)[:limit]:
            cand = make_candidate(surface, "object_replace", [Replacement(span, fresh(surface, new, span))])
            if cand:
                out.append(cand)
    return out


@lru_cache(maxsize=1 << 12)
def _present(names: tuple[str, ...]) -> frozenset:
    """The names and every curated group of them (the caption's surfaces share their graph)."""
    return frozenset({grp for name in names for grp in object_groups(name)} | set(names))


def said_alone(surface: Surface) -> bool:
    """The surface names its object with no relation ("the ceiling", "red apples"): a
    replacement claims only that the new thing is in the picture."""
    return not surface.caption and not surface.relations


# Prepositions that put a thing only near a landmark (word sequences before its noun phrase).
_NEAR_PREPS = frozenset(tuple(p.split()) for p in (
    "by", "near", "beside", "behind", "around", "along", "alongside", "past", "among", "beyond", "toward",
    "towards", "next to", "close to", "in front of", "across from"))


def landmark(surface: Surface, slot: Slot) -> bool:
    """The noun phrase follows a preposition of nearness ("people standing by the tree", "hills
    behind the water"): a scene part put in its place is most often near as well."""
    words = [t.text.lower() for t in surface.tokens[max(0, slot.np[0] - 3):slot.np[0]]]
    return any(tuple(words[-n:]) in _NEAR_PREPS for n in (1, 2, 3) if len(words) >= n)


@lru_cache(maxsize=1 << 15)
def scene_part(noun: str) -> bool:
    """The noun names what frames a scene or is part of what it shows (``vocab.SCENE_PART_CATEGORIES``,
    the elements and places of ``setting``, a body part by WordNet): "the floor", "the sand",
    "the forest", "the ear" are in the picture of a mirror, a sea, a village, an elephant's trunk
    more often than not."""
    cat = object_category(noun)
    if cat is not None:
        return cat[0] in SCENE_PART_CATEGORIES
    return noun in ELEMENT_CONTRASTS or noun in PLACE_CONTRASTS or noun in ("forest", "sea") \
        or noun_class(noun) in ("body", "plant")


def container_of(surface: Surface, slot: Slot) -> bool:
    """The noun is a container before "of" and its contents ("a cup of coffee", "a bowl of
    vegetables"): only another container holds them ("a knife of coffee", "a spoon of vegetables")."""
    toks = surface.tokens
    e = slot.name[1]
    return e < len(toks) and toks[e].text.lower() == "of" and noun_lemma(toks[e - 1].text.lower()) in CONTAINER_NOUNS


def object_of_play(surface: Surface, slot: Slot) -> bool:
    """The noun is the object of "play" ("man playing frisbee with his dog", "plays the guitar")."""
    toks = surface.tokens
    s = slot.np[0]
    if s > 0 and verb_lemma(toks[s - 1].text.lower()) == "play":
        return True                                # as a realised positive writes it: "is playing frisbee"
    head = toks[slot.name[1] - 1]
    if head.dep != "dobj" or not 0 <= head.head < len(toks):
        return False
    verb = toks[head.head]
    return verb.upos == "VERB" and verb_lemma(verb.text.lower()) == "play"


# Things one plays besides instruments: balls and games.
PLAYABLE = frozenset({"ball", "football", "basketball", "frisbee", "chess", "cards", "soccer", "tennis", "golf",
                      "baseball", "volleyball", "hockey", "cricket", "rugby", "pool", "billiards", "video game"})


def playable(noun: str) -> bool:
    cat = object_category(noun)
    return noun in PLAYABLE or (cat is not None and cat[0] == "instrument")


# The pieces of a table setting, laid out together: none replaces a thing of the table
# ("a plate of food" -/-> "a spoon", "the napkins beside the plate" -/-> "beside the spoon",
# "white tablecloth on top of table" -/-> "white napkin"); a vessel may take a vessel ("a jar").
TABLE_SETTING = frozenset({"plate", "fork", "spoon", "knife", "napkin", "tablecloth", "chopsticks", "placemat"})


def set_out_together(old: str, new: str) -> bool:
    """``new`` is a piece of a table setting and ``old`` a thing of the table (``TABLE_SETTING``)."""
    if noun_lemma(new) not in TABLE_SETTING:
        return False
    cat = object_category(old)
    return noun_lemma(old) in TABLE_SETTING or (cat is not None and cat[0] == "tableware")


def _add(out: list[Candidate], surface: Surface, slot: Slot, span: Span, noun: str, article: bool) -> None:
    """The candidate with ``noun`` in the slot's number in place of ``span`` (the name, or the
    phrase after its determiner, or the name's head), after an article when asked, if any."""
    new = noun_form(noun, slot.plural or after_collective(surface, span))
    if article:
        new = indefinite_article(new) + " " + new
    cand = make_candidate(surface, "object_replace", [Replacement(span, fresh(surface, new, span))])
    if cand:
        out.append(cand)


# Heads of a group: the noun after their "of" is plural though the tagger may call it singular ("a group
# of deer greet us": no "a group of goat").
COLLECTIVE_HEADS = frozenset({"group", "herd", "flock", "pack", "school", "swarm", "pod", "colony", "litter",
                              "bunch", "crowd", "couple", "pair", "family", "team", "troop", "gaggle", "lot",
                              "lots", "number", "dozen", "dozens", "hundreds", "thousands", "few", "several"})


def past_attributes(surface: Surface, obj: int, name: Span) -> Span:
    """The name's span after the object's attributes written at its start, which a new noun must not
    take away: a title's "Sad Man", "Cozy Living room" keep their capitalised words in the name and
    have them as attributes too ("Sad Man" -/-> "Woman": heldout20 web, not minimal); the head
    stays whatever its words."""
    attributes = {x.lower() for x in surface.graph.objects[obj].attributes}
    start = name[0]
    while start < name[1] - 1 and surface.tokens[start].text.lower() in attributes:
        start += 1
    return (start, name[1])


def after_collective(surface: Surface, span: Span) -> bool:
    """The noun at ``span`` follows the "of" of a group's head ("a herd of deer")."""
    toks = surface.tokens
    s = span[0]
    return s >= 2 and toks[s - 1].text.lower() == "of" and noun_lemma(toks[s - 2].text.lower()) in COLLECTIVE_HEADS


def number_agrees(surface: Surface, slot: Slot) -> bool:
    """A plural name after no singular determiner: "a lizard perches on a wall" is a verb the tagger
    read as a noun, and any plural put there reads "a bookshelves"."""
    return not slot.plural or all(t.text.lower() not in SINGULAR_DETERMINERS
                                  for t in surface.tokens[slot.np[0]:slot.name[0]])


def bare_singular(surface: Surface, slot: Slot) -> bool:
    """A singular noun with no determiner after a verb or a preposition is mostly a mass or an
    idiom ("make room for", "in bed"), not a thing a replacement could stand for."""
    s = slot.np[0]
    return not slot.plural and s == slot.name[0] and s > 0 and surface.tokens[s - 1].upos in ("VERB", "ADP", "AUX")


def _kin_replacements(surface: Surface, slot: Slot, name: str, prep: Optional[str], owner: bool) -> list[str]:
    """The nearest WordNet kin of a caption's noun outside the curated groups (``kin_alternatives``)
    that fit its slot: never a word of the caption or anything one of its objects may be."""
    worn = is_worn(surface, slot.obj)
    return [w for w in kin_alternatives(name)                   # the caption's objects last: the dearest test
            if not (worn and not one_of_them(name, w))
            and fits_number(surface, slot, w)
            and (prep is None or prep in place_preps(w, prep, strict_place(surface, slot, name, prep)))
            and not (owner and noun_form(w, slot.plural).endswith("s"))
            and not set_out_together(name, w) and not named_together(name, w)
            and unlike_the_caption(surface, w)]


def _organism_replacements(surface: Surface, slot: Slot, name: str, owner: bool, plain: bool,
                           ) -> Optional[tuple[Span, list[str]]]:
    """(span, animals) for a person (``kin.other_organisms``): the name of a bare noun phrase, or
    the whole phrase after its determiner when modifiers name the person ("blues artist performing
    live" -> "a dog performing live", "shelter a homeless person" -> "shelter a dog"; no
    "christian dog" for "contemporary christian artist"); none inside a noun run ("tennis |
    player": no "tennis a dog"), nor where a modifier needs its noun ("the youngest player to
    play", "three players")."""
    toks = surface.tokens
    s = slot.np[0]
    if s > 0 and toks[s - 1].upos in ("NOUN", "PROPN", "ADJ", "NUM"):
        return None
    if not is_person(name) and name.lower() not in ANY_ANIMAL \
            and any(is_person(o.name) for o in surface.graph.objects):
        return None                        # "a woman walking her leopard": no "her man"
    if not slot.plural and slot.name[1] < len(toks) and toks[slot.name[1]].text.lower() in _PLURAL_VERBS:
        return None                        # "animal are", "actor have": no "a woman are"
    # a person's possessive determiner stays ("pictured with his son" -> "with his dog"); an
    # animal's would need its owner ("walking her leopard" -/-> "her man")
    mine = is_person(name)
    k = s
    while k < slot.name[0] and (toks[k].upos == "DET" and toks[k].tag != "PRP$" or mine and toks[k].tag == "PRP$"):
        k += 1
    owned = mine and any(toks[j].tag == "PRP$" for j in range(s, k))
    if (k < slot.name[0] or not plain or slot.name[1] - slot.name[0] > 1) and not is_person(name) \
            and name.lower() not in ANY_ANIMAL:
        return None                                    # "image cute raccoon", "bird feeder" -/-> "a man"
    if k < slot.name[0] or not plain:                  # modifiers: the phrase after the determiner
        if owner or (s > 0 and toks[s - 1].text in _NAME_GLUE) or toks[slot.name[1] - 1].dep == "attr" \
                or (slot.name[1] < len(toks) and toks[slot.name[1]].text.lower() == "of"):
            return None                                # "leather women 's sandals", "middle - aged woman",
                                                       # "a vocal critic of opera character", "is a proud mom"
        return (k, slot.name[1]), [w for w in _modified_person(surface, (k, slot.name[1]))
                                   if unlike_the_caption(surface, w) and (not owned or w in _PETS)]
    if any(toks[j].upos not in ("DET", "NUM") and not (mine and toks[j].tag == "PRP$") for j in range(s, slot.name[0])):
        return None
    if name.lower() in ANY_ANIMAL and s > 0 and toks[s - 1].text.lower() == "of" and not slot.plural \
            and s == slot.name[0]:
        return None                        # "a flock of animal", "kind of animal": no "a flock of a woman"
    return slot.name, [w for w in other_organisms(name) if unlike_the_caption(surface, w)
                       and not (owner and noun_form(w, slot.plural).endswith("s")) and (not owned or w in _PETS)]


# The animals one says one has ("his son" -> "his dog", not "his penguin").
_PETS = frozenset({"dog", "cat"})


# Modifiers that may name a person: adjectives and singular nouns ("indie rock artist", "a homeless
# person"); not a participle, a superlative, a number, a possessive or a plural noun ("anonymous
# painting women", "the youngest player", "three players", "the referee issues football player":
# misparses or words that need their noun); a possessive determiner is skipped before them.
_PERSON_MODIFIER_TAGS = frozenset({"JJ", "NN", "NNP"})
# Adjectives that need their noun ("the first woman to win", "the only player").
_BOUND_WORDS = frozenset({"first", "second", "third", "last", "only", "next", "same", "other", "former",
                          "latter", "own", "sole", "such", "very", "certain", "main", "new"})
# A phrase glued to the word before ("middle - aged", "diamond - shaped"), or inside an "of"
# phrase ("church of the good shepherd": a name; "a piece of painting artist").
_NAME_GLUE = frozenset({"-", "–", "/", "of"})
MAX_PERSON_PHRASE = 4


def _modified_person(surface: Surface, span: Span) -> tuple[str, ...]:
    """Animals for a person named by nouns and adjectives ("indie rock artist", "great flamenco
    dancer", "a homeless person"), by its head; () when a word needs its noun, names a person
    itself or is no plain word."""
    toks = surface.tokens[span[0]:span[1]]
    if not 1 < len(toks) <= MAX_PERSON_PHRASE or any(
            t.tag not in _PERSON_MODIFIER_TAGS or t.text.lower() in _BOUND_WORDS or not t.ws
            or not t.text.isalpha() or (t.upos == "NOUN" and is_person(t.text.lower())) for t in toks[:-1]):
        return ()
    head = toks[-1]
    if head.upos != "NOUN" or not head.text.isalpha():
        return ()
    return other_organisms(noun_lemma(head.text.lower()))


def _compound_person(surface: Surface, slot: Slot, name: str) -> tuple[Span, list[str]]:
    """(head span, people) for a curated person noun after nouns ("a thoughtful business man" ->
    "business woman"): the head alone takes another person of its age."""
    words = name.lower().split()
    toks = surface.tokens
    head = slot.name[1] - 1
    category = object_category(words[-1]) if len(words) > 1 else None
    if category is None or category[0] != "people" or any(t.upos != "NOUN" or not t.ws
                                                         for t in toks[slot.name[0]:head]):
        return slot.name, []
    pronoun = gendered_pronoun(surface)
    return (head, head + 1), [w for w in object_alternatives(words[-1])
                              if distinct_things(w, words[-1]) and same_age(w, words[-1])
                              and unlike_the_caption(surface, w)
                              and not (pronoun and gender(w) != gender(words[-1]))]    # "business woman raises his hand"


_PLURAL_VERBS = frozenset({"are", "were", "have"})


def plain_name(surface: Surface, name: Span) -> bool:
    """The object's name is a common noun, or a noun after one noun ("fish pond"), as the tagger
    reads it: a longer name is more often a misparse ("mountain reflect lake", "security guard
    opening car door") than a thing WordNet could place."""
    toks = surface.tokens[name[0]:name[1]]
    return len(toks) <= 2 and all(t.upos == "NOUN" for t in toks) and toks[-1].tag in ("NN", "NNS") \
        and all(t.dep == "compound" for t in toks[:-1]) and not in_noun_pile(surface, name)
