"""Relations whose realisation would state something the caption does not say, because the
parse hung a phrase on the wrong word or the predicate leaves out a word its meaning needs
(issue 15, precision before recall: the relation, and so the negatives built on it, is left out).

- **Coreferent ends**: "young woman driving the car" parsed as "a car driving the car": a definite
  later mention of the subject's own name is the same thing, a relation of a thing with itself;
  "the dance partners are arm in arm" is an idiom of manner, no "arm is in arm".
- **Claims under a generic subject**: "smiling helps person relax at auditions" says what
  smiling does, not that the person is relaxing.
- **Time phrases of a verb that needs its complement**: "actor is seen going to a charity event
  during the presentation" is no "actor going during the presentation" ("performing on stage
  during the festival" is fine: "perform" needs nothing).
- **A word the predicate needs**: "wine from all over country" is no "wine from over country";
  "person sweeping all nights of racing" is no "person sweeping nights"; "a street with no cars"
  is no "a street with cars"; "running through the heart of the town" is no "running through the heart" ("a kitchen with all the usual facilities" is still one with them).
- **"X to Y" without a verb** (or "into", "onto", "towards"): only a way names where it leads
  ("the door to the room"); "hair into a headband" (of "braided hair into ..."), "members
  of dance to music played", "a tribute to a racer" relate nothing in the picture (a verb's object
  with its dative, "giving a present to his girlfriend", is realised with the verb).
- **An object past a phrase**: "protesters sit in front an improvised barricade" - a direct
  object after a phrase of its own verb is a noun the parse cut off from the phrase.
- **A point of contact**: "person clocks pop artist in the face" - "the" body part after a verb's
  living object is where the verb touches it, not where the object is.
- **Photographed, not shot**: "people enjoying the waves, shot through toys" (the picture was).
- **Half of "X-like"**: "house with a pipe like decoration" has a pipe-like decoration, no pipe.
- **An activity read as a clause**: "enjoy dinner and wine tasting in the vineyard" - a gerund
  right after a bare lifeless conjunct names an activity ("wine tasting").
- **A compound noun read as a verb**: "coffee reflector epoxy flooring in millburn" names epoxy
  flooring; nothing "is flooring" there.
- **A verb read as a compound noun**: "security forces patrol jungle near the border" names no
  thing "security forces patrol jungle"; a noun with a subject of its own is a verb ("proposals
  ... range from complete take-down": no "range from complete take-down").
- **A phrase past another phrase**: "person of a ship at sea in full sail" - the parse hangs "in
  full sail" on "person" past the ship's own phrase; the ship is in full sail.  A place phrase of a
  purpose ("accommodation type for rent in a town house") places the thing, not the purpose.
  A "for" phrase before its subject ("for newspaper this painting by philosopher ...") credits a
  source.
  A thing's phrase right after a verb's "with" object is that object's ("walking with his dog on a
  leash": the dog is on it); a place holds both.
  A "with" phrase past an "of" phrase ("display of box with the caption") may be the nearer
  noun's as well as the head's: which one is a guess.
- **A companion or instrument of the verb**: "athlete plays around on the racetrack with a remote
  controlled car" - a "with" phrase after a verb's place phrase that names someone or something
  handled (a person, an animal, a vehicle, a device, an item) goes with the verb, not the place
  ("a girl walks past a wall with street art" is still a wall with street art); "among" there
  places the verb's subject ("city pinned on a map among venues": the pin is among them).
- **A place shared with a thing's own image**: "roses and their reflection in the water" - a
  phrase after a conjunct that something inanimate of the other's ("their reflection", "its
  certificate") is that conjunct's alone ("actor and his wife at festival": both are there).
- **A region inside the bearer**: "bottles filled with water and sand at the bottom" - a region
  after a "with" phrase is where the borne thing is in the bearer, not where the bearer is.
- **A colour owns nothing**: "bold in shades of green" is no "green with shades".
- **Possession is not presence**: "the historic home of military person" is no "military person
  with the historic home": a person's or animal's building, vehicle or furniture may be shown
  without them (their clothes, gear and body parts go with them).
- **Photo-level participles**: "taken in a 70's designed hotel", "pop artist pictured at the
  event", "view through the window", "seen from the bridge" tell where or how the picture was
  made, not a relation between things in it (and "red carpet pictured pop artist arrive" gives the
  carpet a role it does not have).
- **Sides of a match**: "dramatist attends sports team vs game" is no "sports team vs game", and the
  dramatist attends the game, not the team.
- **A split particle**: "taking it away" is no "taking the umbrella": a particle after the object
  that the predicate leaves out.
- **An absolute "with"**: "checkered flag waving with the sun behind" is no "flag waving with the
  sun": the adverb that places the sun is left out.
- **A person read as a place**: "celebrity at person on the gala" - CC3M writes "person" for a
  name, and "at" a person without a verb is no place; the phrases hung on that person are misread
  with it.  A garment worn by no person or animal ("an airport wearing a backpack") is misread too.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..lexicon.function_words import VERSUS
from ..lexicon.lemmas import noun_lemma, verb_lemma
from ..lexicon.taxonomy import noun_classes
from ..lexicon.words import (ANIMATE_CATEGORIES, BODY_PARTS, CLOTHING, COLOURS, CONTAINER_NOUNS, ENCLOSING_CONTAINERS,
                             ING_NOUNS, PERSON_REFERENTS, SURFACE_CONTAINERS)
from ..schemas.depview import FINITE_TAGS, DepToken
from ..schemas.graph import SceneGraph
from .vocab import object_category

# Determiners of a later mention that point back at an earlier one of the same name.
# (a possessive points at another thing of the same kind: "a player shouts to his players")
BACK_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# Time prepositions: with a verb that has its own complement they say when, not what it does.
TIME_PREPS = frozenset({"during", "after", "before", "until", "till", "since", "throughout", "following"})
# Verbs whose meaning needs their complement: "going during the presentation" says nothing.
COMPLEMENT_VERBS = frozenset({"go", "come", "head", "get", "make", "take", "put", "bring", "turn", "keep"})
# Adverbs on a preposition that the realisation leaves out and the meaning needs ("all over the
# country" is no "over the country", "not in the picture").
MEANING_WORDS = frozenset({"all", "every", "each", "no", "not", "never", "only", "almost", "nearly",
                           "barely", "hardly", "neither", "nor"})
# Determiners of an object the realisation leaves out: a negation ("with no cars") always matters;
# a universal only with the "of" phrase it ranges over ("sweeping all nights of racing").
NEGATING_DETERMINERS = frozenset({"no", "neither", "nor", "not", "never"})
UNIVERSAL_DETERMINERS = frozenset({"all", "every", "each"})
# Nouns naming a region of the thing their "of" phrase names, which the realisation leaves out:
# "river running through the heart of the town" is no "river running through the heart".
REGION_HEADS = frozenset({"heart", "center", "centre", "middle", "midst", "outskirts", "rest", "edge", "end", "top",
                          "bottom", "corner", "interior", "periphery", "fringe", "tip"})
# Prepositions of direction: without a verb only a way leads "to" or "into" somewhere ("hair into a
# headband" of "braided hair into a headband" says nothing).
LEADING_PREPS = frozenset({"to", "into", "onto", "toward", "towards"})
# Nouns that lead somewhere or are dedicated to someone: "the door to the room", "stairs to the
# beach", "monument to politician".
WAY_NOUNS = frozenset({"monument", "memorial", "shrine", "plaque", "door", "doorway", "road", "path", "pathway", "entrance", "entry", "gate", "gateway",
                       "stair", "stairs", "staircase", "stairway", "step", "bridge", "way", "trail", "route",
                       "tunnel", "ramp", "ladder", "walkway", "driveway", "passage", "corridor", "hallway",
                       "access", "exit", "street", "lane", "track", "boardwalk", "pier", "jetty", "escalator"})
# Verbs a participle of which (without an auxiliary) tells how the picture was taken ("shot through
# toys", "taken in a hotel", "pictured at the event").
SHOOTING_VERBS = frozenset({"shoot", "take", "photograph", "picture", "film", "snap"})
# Of those, verbs a caption uses only of the picture ("person pictured at the event").
PICTURING_VERBS = frozenset({"picture", "photograph", "film"})
# Verbs of seeing, and the prepositions that with them name the camera's standpoint ("seen from
# the bridge", "view through the window"), not a thing's place.
VIEWING_VERBS = frozenset({"see", "view"})
VIEWPOINT_PREPS = frozenset({"from", "through", "above", "below", "over", "across"})
# Categories (``vocab.object_category``) of things a person handles or travels with: after a verb's
# place phrase, "with" one of them is the verb's companion or instrument.
HANDLED_CATEGORIES = frozenset({"item", "vehicle", "device", "instrument"})
# Categories of things that stay where they are while their owner may be elsewhere.
UNCARRIED_CATEGORIES = frozenset({"building", "vehicle", "furniture", "room", "place"})
# Lexicographer classes of living things (``taxonomy.noun_classes``).
LIVING_CLASSES = frozenset({"person", "animal"})
# Categories of places (which wear nothing: "an airport is wearing a backpack" is misread).
PLACE_CATEGORIES = frozenset({"place", "building", "room", "road", "landscape", "settlement"})
# Categories of surfaces and furniture a handled thing may lie on ("a table with a laptop").
SURFACE_CATEGORIES = frozenset({"furniture", "surface", "tableware"})
# Adverbs of place that complete an absolute "with" ("with the sun behind").
PLACE_ADVERBS = frozenset({"behind", "below", "above", "ahead", "overhead", "beneath", "underneath", "beside",
                           "nearby", "around", "inside", "outside", "underwater", "aloft", "afar", "apart"})
# Containers and surfaces: what is in or on them is with them ("a bottle of wine with blank labels").
HOLDERS = frozenset(CONTAINER_NOUNS) | frozenset(ENCLOSING_CONTAINERS) | frozenset(SURFACE_CONTAINERS)
# Rules whose "have" reads "X of Y" (or "Y's X") as Y owning X.
OWNING_RULES = frozenset({"noun/of_part", "noun/possessive", "possessor/plural"})
# Particles of phrasal verbs that change the verb's sense or say where the object goes ("taking it away").
PARTICLES = frozenset({"away", "off", "up", "down", "out", "back", "over", "aside", "apart", "around", "in"})
# Verbs whose gerund is not going on in the picture: done, stopped, remembered, weighed or liked
# in general ("celebrate winning", "stopped playing", "love playing fetch").
NOT_ONGOING_VERBS = frozenset({"celebrate", "stop", "quit", "finish", "regret", "remember", "recall", "admit",
                               "deny", "avoid", "miss", "consider", "discuss", "imagine", "mention", "recommend",
                               "suggest", "risk", "postpone", "delay", "resist", "love", "like", "hate", "dislike",
                               "prefer", "mind"})
# Labels of a clause's head: a noun in -ing with one of them is a verb the tagger read as a noun.
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl"})


def clause_objects(doc: Sequence[DepToken], graph: SceneGraph) -> set[int]:
    """Objects whose name holds a verb read as a compound noun ("security forces patrol jungle"):
    a finite verb tag inside the name, after a plural noun; or a noun in -ing heading a clause
    ("seeds dried peas yellow lying in a wicker basket": no thing "lying")."""
    out = set()
    for i, o in enumerate(graph.objects):
        if o.span is None or not 0 <= o.span[0] < o.span[1] <= len(doc):
            continue
        toks = doc[o.span[0]:o.span[1] - 1]
        head = doc[o.span[1] - 1]
        if head.dep in CLAUSE_DEPS and head.tag in ("NN", "NNS") and head.text.lower().endswith("ing"):
            out.add(i)          # "peas yellow lying in a wicker basket": "lying" heads a clause
            continue
        if any(t.tag in FINITE_TAGS and t.dep == "compound" and k and doc[t.i - 1].tag == "NNS"
               for k, t in enumerate(toks)):
            out.add(i)
        elif (head.dep == "compound" and head.head != head.i and doc[head.head].tag in FINITE_TAGS
              and any(t.tag == "NNS" for t in toks)):
            # "the children paint monster faces on pumpkins": a plural, then nouns on a verb (one
            # noun on a verb is its subject: "a train runs through the bridge")
            out.add(i)
    return out


def wrong_attachments(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph) -> set[int]:
    """Indices of the relations a positive must not state (see the module doc)."""
    out = set()
    for k, r in enumerate(graph.relations):
        if r.span is None or not 0 <= r.span[0] < r.span[1] <= len(doc):
            continue
        verb = _verb(doc, r.span)
        words = r.predicate.split()
        if (_coreferent(doc, graph, r.subject, r.object)
                or verb is not None and (_under_generic_subject(doc, kids, verb)
                                         or _time_phrase_of_busy_verb(doc, kids, verb, words)
                                         or _photographed(doc, kids, verb))
                or _needed_word_left_out(doc, kids, graph, r.span, words, r.object, verb is None)
                or verb is None and len(words) == 1 and words[0] in LEADING_PREPS and not _verb_object(doc, graph, r.subject)
                and _head(doc, graph, r.subject) not in WAY_NOUNS
                or verb is None and _misplaced_subject(doc, kids, graph, r.subject, r.span)
                or verb is None and (_companion_after_place(doc, graph, r.subject, r.object, r.span, words)
                                     or _shared_with_own_image(doc, kids, graph, r.subject, r.span))
                or verb is not None and (_viewpoint(doc, kids, verb, words) or _way_leads(doc, kids, verb, words))
                or words == ["for"] and _fronted(graph, r.subject, r.span)
                or _owned_not_present(doc, graph, k) or _person_as_place(doc, graph, r.subject, r.object, words)
                or words[0] == "wear" and _place_like(_head(doc, graph, r.subject))
                or words[-1] == "with" and _absolute_with(doc, graph, r.object)
                or verb is not None and _split_particle(doc, kids, verb, words)
                or words[0] in VERSUS or _one_side(doc, kids, graph, r.object)
                or verb is None and _point_of_contact(doc, kids, graph, r.subject, r.object)
                or verb is not None and _object_past_a_phrase(doc, kids, graph, verb, r.object)
                or words == ["have"] and _head(doc, graph, r.subject) in COLOURS
                or verb is not None and _ing_noun(doc, kids, graph, verb, r.subject)
                or "verb/bearer_place" in r.rule and _head(doc, graph, r.object) in REGION_HEADS
                or verb is not None and _activity_compound(doc, kids, verb)
                or _likeness(doc, kids, graph, r.object)
                or verb is not None and _not_ongoing(doc, verb)
                or words[-1] in HAVING_WORDS and _seen_from(doc, graph, r.object)
                or verb is not None and _past_a_with_object(doc, verb, r.span)
                and not _place_like(_head(doc, graph, r.object))
                or verb is not None and _part_as_doer(doc, graph, verb, r.subject)):
            out.add(k)
    return out


# What only a person or an animal does, never one of its parts: "the girl with blowing hair smiling at
# camera" is no "hair smiling at the camera" (the parse gave the nearest noun the girl's verb).
_DOERS_ONLY = frozenset({"smile", "laugh", "grin", "giggle", "pose", "talk", "speak", "chat", "sing", "cry",
                         "shout", "scream", "wink", "frown", "think", "celebrate", "dance", "sleep"})


def _part_as_doer(doc: Sequence[DepToken], graph: SceneGraph, verb: DepToken, subject: int) -> bool:
    head = _head(doc, graph, subject)
    return verb_lemma(verb.text.lower()) in _DOERS_ONLY and (head in BODY_PARTS or noun_lemma(head) in BODY_PARTS)


def _past_a_with_object(doc: Sequence[DepToken], verb: DepToken, span) -> bool:
    """"a man walking with his dog on a leash": a phrase of the verb right after the object of its
    "with" places that object ("the dog on a leash"), not the verb's doer ("man walking on a leash");
    a place ("with her baby in the park") holds both."""
    prep = doc[span[1] - 1]
    if prep.dep != "prep" or prep.head != verb.i or prep.i == 0:
        return False
    before = doc[prep.i - 1]
    return (before.dep == "pobj" and doc[before.head].text.lower() in ("with", "without")
            and doc[before.head].head == verb.i)


# Relations of having: what is had "with a view of" it is only seen ("a room with views of the harbor"
# is no "room with the harbor").
HAVING_WORDS = frozenset({"with", "without", "have"})
VIEW_NOUNS = frozenset({"view", "vista", "panorama", "glimpse", "outlook", "prospect"})


def _seen_from(doc: Sequence[DepToken], graph: SceneGraph, obj: int) -> bool:
    """The object is named after "(a) view of", which the graph looks through."""
    o = graph.objects[obj]
    if o.span is None or not 0 < o.span[1] <= len(doc):
        return False
    of = doc[doc[o.span[1] - 1].head]
    return of.text.lower() == "of" and noun_lemma(doc[of.head].text.lower()) in VIEW_NOUNS


def _not_ongoing(doc: Sequence[DepToken], verb: DepToken) -> bool:
    """"players celebrate winning the final": a gerund after a verb that looks back, stops or weighs
    it is not going on ("players are winning the final" is not what the caption says)."""
    return (verb.tag == "VBG" and verb.dep == "xcomp" and verb.head != verb.i
            and verb_lemma(doc[verb.head].text.lower()) in NOT_ONGOING_VERBS)


def _split_particle(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken, words: list[str]) -> bool:
    """A phrasal verb's particle written after its object and left out of the predicate: "taking it away"
    is no "taking the umbrella" ("turning the lights off" has the predicate "turn off")."""
    objects = [c for c in kids[verb.i] if doc[c].dep == "dobj"]
    return bool(objects) and any(
        c > objects[0] and doc[c].dep in ("prt", "advmod") and doc[c].tag in ("RP", "RB")
        and doc[c].text.lower() in PARTICLES and doc[c].text.lower() not in words for c in kids[verb.i])


def _absolute_with(doc: Sequence[DepToken], graph: SceneGraph, o: int) -> bool:
    """"flag waving with the sun behind", "lying on its side with its reflection below": "with" and
    a place adverb say where the thing is, which the realisation ("waving with the sun") leaves out."""
    head = _head_token(doc, graph, o)
    return (head is not None and head + 1 < len(doc) and doc[head + 1].dep == "advmod"
            and doc[head + 1].text.lower() in PLACE_ADVERBS)


def _point_of_contact(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, s: int, o: int) -> bool:
    """"person clocks pop artist in the face", "kisses the bride on the cheek": a phrase naming
    "the" body part of a verb's living object says where the verb touches it (the object's own
    face), not where the object is ("pop artist in the face")."""
    head, part = _head_token(doc, graph, s), _head_token(doc, graph, o)
    if head is None or part is None or doc[head].dep != "dobj" or not _living(doc[head].text.lower()):
        return False
    lemma = noun_lemma(doc[part].text.lower())
    return ((lemma in BODY_PARTS or "body" in noun_classes(lemma, first=1))
            and any(doc[c].dep == "det" and doc[c].text.lower() == "the" for c in kids[part])
            and not any(doc[c].dep in ("poss", "prep") for c in kids[part]))


def _object_past_a_phrase(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, verb: DepToken,
                          o: int) -> bool:
    """"protesters sit in front an improvised barricade": a direct object after a phrase of its own
    verb is the phrase's noun the parse cut off ("in front (of)"), not what the verb acts on."""
    head = _head_token(doc, graph, o)
    return (head is not None and doc[head].dep == "dobj" and doc[head].head == verb.i
            and any(doc[c].dep == "prep" and verb.i < c < head for c in kids[verb.i]))


def _one_side(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, o: int) -> bool:
    """"dramatist attends sports team vs game": a verb's object with a "vs" phrase is one side of
    a match, and the verb acts on the match, not the side."""
    head = _head_token(doc, graph, o)
    return head is not None and any(doc[c].dep == "prep" and doc[c].text.lower() in VERSUS for c in kids[head])


def _ing_noun(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, verb: DepToken, s: int) -> bool:
    """"coffee reflector epoxy flooring in millburn": a noun in -ing (``ING_NOUNS``) right after a
    lifeless subject, with no auxiliary or object, names a thing ("epoxy flooring"), not an act."""
    head = _head_token(doc, graph, s)
    return (verb.tag == "VBG" and verb.text.lower() in ING_NOUNS and head is not None and head == verb.i - 1
            and not _living(doc[head].text.lower())
            and not any(doc[c].dep in ("aux", "auxpass", "dobj") for c in kids[verb.i]))


def _activity_compound(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken) -> bool:
    """"young people enjoy dinner and wine tasting in the vineyard": a gerund the parse hangs on a
    first conjunct right after a bare lifeless later one names an activity ("wine tasting"); nothing
    "is tasting in the vineyard"."""
    v = verb.i
    if verb.tag != "VBG" or verb.dep != "acl" or v == 0 or any(doc[c].dep == "dobj" for c in kids[v]):
        return False
    prev = doc[v - 1]
    return (prev.dep == "conj" and prev.head == verb.head and prev.tag == "NN"
            and not any(doc[c].dep in ("det", "poss") for c in kids[prev.i]) and not _living(prev.text.lower()))


def _likeness(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, o: int) -> bool:
    """"house with a pipe like decoration": a noun followed by "like" and a bare singular noun is
    the first half of "pipe-like", what the decoration looks like; the house has no pipe."""
    k = _head_token(doc, graph, o)
    if k is None or k + 2 >= len(doc) or doc[k + 1].text.lower() != "like" or doc[k + 1].head != k:
        return False
    p = doc[k + 2]
    return (p.head == k + 1 and p.dep == "pobj" and p.tag == "NN"
            and not any(doc[c].dep in ("det", "poss", "nummod") for c in kids[p.i]))


def _fronted(graph: SceneGraph, s: int, span: tuple[int, int]) -> bool:
    """The phrase comes before its subject ("for newspaper this painting by philosopher is part of
    collection": a source credit, not the painting's purpose)."""
    o = graph.objects[s]
    return o.span is not None and span[0] < o.span[0]


def _living(word: str) -> bool:
    """A person or an animal (by lemma, category or the first sense's class)."""
    lemma = noun_lemma(word)
    category = object_category(lemma)
    return (lemma in PERSON_REFERENTS or category is not None and category[0] in ANIMATE_CATEGORIES
            or bool(noun_classes(lemma, first=1) & LIVING_CLASSES))


def _place_like(word: str) -> bool:
    """A building, room, road, landscape or other place (which wears nothing)."""
    category = object_category(word)
    return (category is not None and category[0] in PLACE_CATEGORIES
            or "location" in noun_classes(word, first=1))


def _head_token(doc: Sequence[DepToken], graph: SceneGraph, idx: int) -> Optional[int]:
    o = graph.objects[idx]
    return o.span[1] - 1 if o.span is not None and 0 < o.span[1] <= len(doc) else None


def _companion_after_place(doc: Sequence[DepToken], graph: SceneGraph, s: int, o: int,
                           span: tuple[int, int], words: list[str]) -> bool:
    """"athlete plays around on the racetrack with a remote controlled car": the subject is the
    object of a verb's preposition and the phrase after it names a person, an animal or a thing
    handled (the verb's companion or instrument; a surface may still hold it: "sitting at a table
    with a laptop"), or is an "among" phrase ("city pinned on a map among venues")."""
    if words not in (["with"], ["among"]):
        return False
    head = _head_token(doc, graph, s)
    if head is None or span[0] <= head or doc[head].dep not in ("pobj", "dobj") or doc[head].head == head:
        return False
    prep = doc[head].head
    if doc[head].dep == "dobj":
        # "protesters sit in front an improvised barricade with an umbrella": the same, for a
        # verb's object (its own belongings say what it is like: "walking a dog with a leash")
        if words == ["among"] or doc[prep].upos != "VERB":
            return False
    elif doc[prep].head == prep or doc[doc[prep].head].upos != "VERB":
        return False
    if words == ["among"]:
        return True
    thing = _head(doc, graph, o)
    category = object_category(thing)
    place = object_category(_head(doc, graph, s))
    if place is not None and place[0] == "clothing":
        return False        # "a dress with a train": a part of the garment
    return _living(thing) or (category is not None and category[0] in HANDLED_CATEGORIES
                              and not (place is not None and place[0] in SURFACE_CATEGORIES))


def _coordinated(doc: Sequence[DepToken], a: int, b: int) -> bool:
    """Tokens a and b are conjuncts of one coordination."""
    def top(x: int) -> int:
        while doc[x].dep == "conj" and doc[x].head != x:
            x = doc[x].head
        return x
    return top(a) == top(b)


def _shared_with_own_image(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, s: int,
                           span: tuple[int, int]) -> bool:
    """A phrase hung on one conjunct and given to another, when one of them is an inanimate thing of
    the other's ("roses and their reflection in the water")."""
    head = _head_token(doc, graph, s)
    h = doc[span[0]].head
    if head is None or doc[span[0]].upos != "ADP" or h == head or h == span[0] or not _coordinated(doc, head, h):
        return False
    return any(doc[c].tag == "PRP$" and doc[c].dep == "poss" for x in (head, h) for c in kids[x]
               if not _living(doc[x].text.lower()))


def _owned_not_present(doc: Sequence[DepToken], graph: SceneGraph, k: int) -> bool:
    """A person's or animal's building, vehicle, furniture or place ("the historic home of
    military person"): "have" read from "of" or a possessive, realised as "with"."""
    r = graph.relations[k]
    if r.predicate != "have" or (r.rule or "").split("+")[0].split(":")[-1] not in OWNING_RULES:
        return False
    if not _living(_head(doc, graph, r.subject)):
        return False
    owned = _head(doc, graph, r.object)
    if owned in BODY_PARTS or owned in CLOTHING:
        return False
    category = object_category(owned)
    return (category is not None and category[0] in UNCARRIED_CATEGORIES
            or "location" in noun_classes(owned, first=1))


def _person_as_place(doc: Sequence[DepToken], graph: SceneGraph, s: int, o: int, words: list[str]) -> bool:
    """"celebrity at person on the gala": "at" a person or animal without a verb, and the phrases
    of that person ("person on the gala")."""
    if words == ["at"] and _living(_head(doc, graph, o)):
        head = _head_token(doc, graph, o)
        return (head is not None and doc[head].dep == "pobj" and doc[doc[head].head].head != head
                and doc[doc[doc[head].head].head].upos in ("NOUN", "PROPN")
                and not any(t.head == head and t.dep == "compound" and _living(t.text.lower())
                            for t in doc))      # "person at a bird feeder": a thing for animals
    head = _head_token(doc, graph, s)
    if head is None or doc[head].dep != "pobj" or not _living(doc[head].text.lower()):
        return False
    prep = doc[head].head
    return (doc[prep].text.lower() == "at" and doc[prep].head != prep
            and doc[doc[prep].head].upos in ("NOUN", "PROPN"))


def _viewpoint(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken, words: list[str]) -> bool:
    """"view through the window", "seen from the bridge": where the camera stands, no relation
    between things in the picture (a viewer with an object of the verb is one: "people view the
    city from the tower")."""
    return (verb.lemma.lower() in VIEWING_VERBS and len(words) > 1 and words[1] in VIEWPOINT_PREPS
            and not any(doc[c].dep == "dobj" for c in kids[verb.i]))


def _way_leads(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken, words: list[str]) -> bool:
    """"zebra grazing on the walking trail to the river": a "to" phrase right after a way the verb
    is on is where the way leads, not where the verb goes."""
    if len(words) < 2 or words[1] != "to":
        return False
    to = next((c for c in kids[verb.i] if doc[c].dep == "prep" and doc[c].text.lower() == "to"), None)
    if to is None:
        return False
    return any(doc[c].dep == "prep" and c < to and doc[y].dep == "pobj" and y == to - 1
               and noun_lemma(doc[y].text.lower()) in WAY_NOUNS for c in kids[verb.i] for y in kids[c])


def _verb(doc: Sequence[DepToken], span: tuple[int, int]) -> Optional[DepToken]:
    t = doc[span[0]]
    return t if t.upos in ("VERB", "AUX") else None


def _misplaced_subject(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, s: int,
                       span: tuple[int, int]) -> bool:
    """The subject of a relation without verb has a subject of its own (a verb read as a noun),
    is the object of "for" (a purpose), or reaches the phrase past an "of" phrase that has a
    phrase of its own, or reaches a "with" phrase past an "of" noun (which may own it)."""
    o = graph.objects[s]
    if o.span is None or not 0 < o.span[1] <= len(doc):
        return False
    head = o.span[1] - 1
    if any(doc[c].dep in ("nsubj", "nsubjpass") for c in kids[head]):
        return True
    t = doc[head]
    if t.dep == "pobj" and t.head != head and doc[t.head].text.lower() == "for":
        return True
    prep = span[0]
    for c in kids[head]:
        if doc[c].dep == "prep" and doc[c].text.lower() == "of" and head < c < prep:
            for y in kids[c]:
                if doc[y].dep == "pobj" and (any(doc[q].dep == "prep" and q < prep for q in kids[y])
                                             or doc[prep].text.lower() == "with" and doc[y].upos in ("NOUN", "PROPN")
                                             and noun_lemma(doc[head].text.lower()) not in HOLDERS):
                    return True     # "display of box with the caption": the box's caption, or the display's
    return False


def _verb_object(doc: Sequence[DepToken], graph: SceneGraph, idx: int) -> bool:
    """The object is a verb's direct object ("giving a present to his girlfriend")."""
    o = graph.objects[idx]
    return o.span is not None and 0 < o.span[1] <= len(doc) and doc[o.span[1] - 1].dep == "dobj"


def _head(doc: Sequence[DepToken], graph: SceneGraph, idx: int) -> str:
    o = graph.objects[idx]
    if o.span is not None and 0 < o.span[1] <= len(doc):
        return noun_lemma(doc[o.span[1] - 1].text.lower())
    return o.name.split()[-1] if o.name else ""


def _coreferent(doc: Sequence[DepToken], graph: SceneGraph, s: int, o: int) -> bool:
    """The object is a definite later mention of the subject's name ("a car driving the car"), or
    the subject and object are one bare noun around a preposition, an idiom of manner ("arm in
    arm", "side by side", "face to face")."""
    a, b = graph.objects[s], graph.objects[o]
    if (a.span is not None and b.span is not None and a.span[1] - a.span[0] == 1 and b.span[0] == a.span[1] + 1
            and 0 < b.span[1] <= len(doc) and doc[a.span[0]].text.lower() == doc[b.span[0]].text.lower()
            and doc[a.span[1]].upos == "ADP" and b.span[1] - b.span[0] == 1):
        return True
    if (a.name != b.name or a.span is None or b.span is None or b.span[0] <= a.span[0]
            or a.plural != b.plural or not set(b.attributes) <= set(a.attributes)):
        return False                      # "the twin bedroom adjoins the double bedroom": two rooms
    first = b.span[0]
    while first > 0 and doc[first - 1].head == b.span[1] - 1 and doc[first - 1].dep in ("det", "poss", "amod"):
        first -= 1
    return doc[first].text.lower() in BACK_DETERMINERS


def _under_generic_subject(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken) -> bool:
    """The verb is a complement of a clause whose subject is itself a clause ("smiling helps
    person relax")."""
    t = verb
    for _ in range(4):
        if t.dep not in ("ccomp", "xcomp") or t.head == t.i:
            return False
        t = doc[t.head]
        if any(doc[c].dep in ("csubj", "csubjpass") for c in kids[t.i]):
            return True
    return False


def _time_phrase_of_busy_verb(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken,
                              words: list[str]) -> bool:
    """"going to a charity event during the presentation": the time phrase is no complement."""
    if len(words) < 2 or words[1] not in TIME_PREPS or verb.lemma.lower() not in COMPLEMENT_VERBS:
        return False
    return any(doc[c].dep in ("dobj", "dative") or doc[c].dep == "prep" and doc[c].text.lower() not in TIME_PREPS
               and c < _first_time_prep(doc, kids, verb) for c in kids[verb.i])


def _first_time_prep(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken) -> int:
    return min((c for c in kids[verb.i] if doc[c].dep == "prep" and doc[c].text.lower() in TIME_PREPS),
               default=len(doc))


def _photographed(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken) -> bool:
    """A bare past participle of shooting ("people ..., shot through toys", "the corridor taken in a
    70's designed hotel", "red carpet pictured pop artist"), or a news caption's "pictured" read as a
    past tense without object ("person pictured at the event"): how the picture was taken."""
    lemma = verb.lemma.lower()
    if lemma not in SHOOTING_VERBS or any(doc[c].dep in ("aux", "auxpass") for c in kids[verb.i]):
        return False
    return verb.tag == "VBN" or verb.tag == "VBD" and lemma in PICTURING_VERBS and not any(
        doc[c].dep == "dobj" for c in kids[verb.i])


def _needed_word_left_out(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph,
                          span: tuple[int, int], words: list[str], obj: int, verbless: bool) -> bool:
    """A preposition of the predicate, or the object, carries a word the realisation drops and the
    meaning needs ("from all over country", "sweeping all nights"); a verb's frame keeps the
    caption's words ("embroidered all along the edge")."""
    for t in doc[span[0]:span[1]] if verbless else []:
        if t.upos == "ADP" and t.text.lower() in words:
            if any(doc[c].dep == "advmod" and doc[c].text.lower() in MEANING_WORDS
                   and doc[c].text.lower() not in words for c in kids[t.i]):
                return True
    o = graph.objects[obj]
    if o.span is None or not 0 < o.span[1] <= len(doc):
        return False
    head = o.span[1] - 1
    if words != ["have"] and noun_lemma(doc[head].text.lower()) in REGION_HEADS and any(
            doc[c].dep == "prep" and doc[c].text.lower() == "of" for c in kids[head]):
        return True             # "running through the heart of the town" is no "through the heart"
    dets = {doc[c].text.lower() for c in kids[head] if doc[c].dep in ("det", "predet", "neg")}
    return bool(dets & NEGATING_DETERMINERS or dets & UNIVERSAL_DETERMINERS and any(
        doc[c].dep == "prep" and doc[c].text.lower() == "of" for c in kids[head]))
