"""Last-resort contrasts for a caption no generator gave a negative (``core.augment`` asks only then,
so no other caption's negatives change).  About one CC3M caption in ten describes a scene and still
got none: its things are outside the curated groups and have no WordNet kin near enough ("looking
down on the fountains", "an illustration of the backyard"), or the caption names only its medium and
one thing ("a drawing of sliced lime").  Three contrasts, each false for any picture the caption
describes, whatever else is in it:

- **the medium** (``medium_replacements``): a caption headed by a photo word, a view or a close up
  before "of" describes a photograph, one headed by a drawing word an illustration; the other medium
  is false of the image ("photo of an albino squirrel" -> "drawing of ...", "a distant view of the
  pyramids" -> "a drawing of ...", "vector illustration of a banner" -> "photo of a banner").  Only
  the head of the caption's first noun phrase, never an argument ("holding a photo of her son"), a
  word whose medium is open ("image", "picture", "portrait", "render"), a caption naming a second
  medium ("... stock vector"), a photo of a flat graphic ("close up of a world map") or a drawing of
  a hand-drawn thing, nor of a portion or a bare abstraction ("view of worship").
- **the person shown** (``shown_person_replacements``): the person such a picture is of becomes an
  animal ("close up of olympic athlete" -> "close up of a dog").
- **another kingdom** (``stranger_replacements``): a thing by WordNet (an artefact, a natural object,
  a food or a plant in its first sense, no sense animate: ``kin.plain_thing``, ``kin.concrete_thing``)
  becomes a large animal, the whole phrase after its determiners ("looking down on the fountains" ->
  "looking down on the horses", "dolly shot of a beautiful chandelier" -> "dolly shot of a horse"):
  what the caption shows is no animal, and a horse (an elephant where the caption speaks of farms,
  stables or riders) is in few pictures of things.  Never a scene part, a place after "in"/"at"/"from",
  a mass, a list member, a noun after a noun or a participle, a possessed thing, a thing named twice,
  nor in a statement, a passive, a question or a caption naming a person.
"""
from __future__ import annotations

from typing import Optional

from ...lexicon.of_heads import IMAGE_HEADS, REPRESENTATION_HEADS
from ...lexicon.taxonomy import mainly_a, noun_class
from ...schemas.graph import Span
from ..realise import Replacement, Slot, Surface, fresh, indefinite_article, noun_form
from .contrast import is_person
from .kin import concrete_thing, other_organisms, plain_thing
from .object_replace import bare_singular, landmark, number_agrees, plain_name, replaceable_slot, scene_part
from .present import part_shown_anyway, unlike_the_caption
from .shared import PER_TYPE, Candidate, make_candidate, noun_slots, possessive

# Media nouns whose medium is fixed, and the other medium.  "image", "picture", "view", "portrait"
# and "render" may be either (a render may look like a photograph).
PHOTO_WORDS = frozenset({"photo", "photos", "photograph", "photographs", "snapshot", "snapshots"})
DRAWN_WORDS = frozenset({"illustration", "illustrations", "drawing", "drawings", "sketch", "sketches", "cartoon",
                         "cartoons", "painting", "paintings", "watercolor", "watercolors", "watercolour",
                         "watercolours"})
# Words for a photograph's scene: a view of a place, a close up of a thing ("a view of the skyline",
# "close up of a cat"); "view from", "detail of" (of a painting, often) are none.
PHOTO_SCENES = frozenset({"view", "views", "up", "closeup", "closeups", "close-up"})
# Words that name a medium anywhere in a caption: a caption that names two says nothing plain.
_MEDIA = PHOTO_WORDS | DRAWN_WORDS | frozenset({"vector", "vectors", "render", "rendering", "3d", "clipart",
                                                "infographic", "graphic", "graphics", "artwork", "art", "view",
                                                "views", "closeup", "closeups"})
# WordNet classes of what no picture shows as such ("worship", "design", "a look").
_UNSEEN = frozenset({"act", "cognition", "feeling", "attribute", "state", "relation", "motive", "communication"})
# Portions of what a picture shows ("aerial view of a portion"): no thing of their own.
_PORTIONS = frozenset({"portion", "portions", "part", "parts", "piece", "pieces", "section", "sections", "half",
                       "rest", "lot", "number", "kind", "type", "sort", "bit"})
# Flat graphics: a drawing of one is no contrast to a photograph of it.
_GRAPHICS = frozenset("""map maps writing writings text texts letter letters sign signs poster posters logo logos
quote quotes card cards chart charts diagram diagrams graffiti mural murals painting paintings sketch sketches
calligraphy handwriting note notes page pages book books document documents screen screens label labels
banner banners flag flags tattoo tattoos print prints pattern patterns""".split())
# Words that say a picture's thing is itself drawn: a photo of it is no contrast to its drawing.
_HAND_MADE = frozenset({"drawn", "sketched", "painted", "hand-drawn", "handdrawn", "doodled", "inked"})
# Picture words whose "of" phrase is what the picture shows.
_SHOWING = IMAGE_HEADS | frozenset(REPRESENTATION_HEADS) | PHOTO_SCENES
# Words before a drawn medium that say the drawing's technique, replaced with it ("vector
# illustration" -> "photo", not "vector photo").
DRAWN_MODIFIERS = frozenset({"vector", "cartoon", "flat", "art", "digital", "pencil", "ink", "oil",
                             "watercolor", "watercolour", "hand", "drawn", "-", "line", "sketch", "doodle"})
# Determiners and adjectives a caption's medium noun may follow ("an extremely early photo of").
_HEAD_TAGS = frozenset({"DT", "JJ", "RB", "CD", "NN", "VBN", "HYPH"})

# Determiners of a mass ("with some home decoration" -/-> "some horse").
_MASS_DETERMINERS = frozenset({"some", "any", "much", "more", "less", "enough", "no", "all"})
# Prepositions an animal reads after as well as a thing ("looking down on the horses", "portrait of a
# horse"); after one of place ("in my studio", "at the gym", "from our deck") it reads as no English.
_ANIMAL_PREPS = frozenset({"of", "on", "with", "like", "for", "about"})
_MADE = frozenset({"made", "consisting", "composed", "built"})
# Nouns for the world a picture is of or the ground it stands on, not a thing in it, and words for any
# thing of a recipe.
_WHOLE_WORLD = frozenset({"earth", "world", "globe", "planet", "universe", "nature", "ground", "land", "soil", "dirt",
                          "terrain", "surface", "ingredient", "ingredients"})

# Large animals for a thing, and words after which one may be in the picture anyway.
STRANGERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("horse", frozenset("""horse horses pony ponies carriage carriages rider riders riding farm farms ranch stable
                           stables cowboy cowboys rodeo barn saddle saddles hay paddock equestrian polo jockey
                           racecourse derby""".split())),
    ("elephant", frozenset("""elephant elephants zoo safari circus africa african india indian thailand thai
                              kenya savanna savannah ivory""".split())),
)


def caption_head(surface: Surface) -> Optional[Span]:
    """The span of the noun (or "close up") heading the caption right before its first "of", after
    determiners and adjectives only ("an extremely early photo", "a view", "close - up"); None for
    a caption headed by anything else ("took this picture of", "holding a photo of")."""
    if not surface.caption:
        return None
    found = surface.memo.get("caption_head", False)
    if found is not False:
        return found
    toks = surface.tokens
    low = [t.text.lower() for t in toks]
    head: Optional[Span] = None
    if "of" in low:
        k = low.index("of")
        start = k - 1
        if start >= 1 and low[start] == "up" and low[start - 1] in ("close", "-"):
            start -= 1 if low[start - 1] == "close" else 2          # "close up", "close - up"
        if start >= 0 and low[start] in ("close", "up") or start >= 0 and toks[start].upos == "NOUN":
            while start > 0 and low[start - 1] in DRAWN_MODIFIERS and toks[start - 1].upos != "ADP":
                start -= 1
            if all(t.tag in _HEAD_TAGS for t in toks[:start]):
                head = (start, k)
    surface.memo["caption_head"] = head
    return head


def medium_replacements(surface: Surface) -> list[tuple[Span, str]]:
    """(span, new words) for the medium heading a caption before "of" (at most one)."""
    head = caption_head(surface)
    if head is None:
        return []
    low = [t.text.lower() for t in surface.tokens]
    last = low[head[1] - 1]
    plural = last.endswith("s") and not last.endswith("ss")
    toks = surface.tokens
    if last in PHOTO_SCENES:                            # "a distant view", "an abstract close up": the phrase
        start, new = 0, "drawings" if plural else "drawing"
        while start < head[1] and toks[start].tag == "DT":
            start += 1
        if graphic(low):
            return []
    elif last in PHOTO_WORDS:
        start, new = head[1] - 1, "drawings" if plural else "drawing"
        if start > 0 and toks[start - 1].upos in ("NOUN", "PROPN") or graphic(low):
            return []                                   # "wedding photos", "a photo of a world map"
    elif last in DRAWN_WORDS:
        start, new = head[0], "photos" if plural else "photo"
        if _HAND_MADE & set(low):
            return []                                   # "a hand drawn anchor": a photo of it is one too
    else:
        return []
    if any(w in _MEDIA for k, w in enumerate(low) if not start <= k < head[1]):
        return []                                       # "a photo of a drawing", "... stock vector", "- aerial view"
    after = [t for t in toks[head[1] + 1:head[1] + 3] if t.upos != "DET"]
    if not after or after[0].upos == "PUNCT" or _bare_unseen(surface, head[1]):
        return []                                       # "the current view of worship", "close up of design"
    return [((start, head[1]), new)]


def _bare_unseen(surface: Surface, of: int) -> bool:
    """The "of" at token ``of`` takes a bare singular noun of no thing ("view of worship", "close up
    of design"): what a picture of it shows is anyone's guess."""
    toks = surface.tokens
    for t in toks[of + 1:]:
        if t.dep == "pobj" and t.head == of:
            bare = not any(x.head == t.i and x.upos in ("DET", "NUM", "PRON") for x in toks)
            return bare and t.tag == "NN" and noun_class(t.text.lower()) in _UNSEEN or t.text.lower() in _PORTIONS
    return False


def graphic(low: list[str]) -> bool:
    """The caption names a flat graphic, of which a drawing may be what a photograph shows ("close
    up of a world map", "close up of arabic writing")."""
    return not _GRAPHICS.isdisjoint(low)


def stranger_replacements(surface: Surface, limit: int = PER_TYPE) -> list[tuple[Span, str]]:
    """(name span, animal) for the caption's plain things, in the surface's object order."""
    if not surface.caption:
        return []
    low = {t.text.lower() for t in surface.tokens}
    animal = next((a for a, near in STRANGERS if low.isdisjoint(near)), None)
    if animal is None or any(is_person(o.name) for o in surface.graph.objects):
        return []                                        # a person's things: no "her horse"
    out: list[tuple[Span, str]] = []
    for a in sorted(noun_slots(surface)):
        slot = surface.slots[a]
        name = surface.graph.objects[a].name
        if not _stranger_fits(surface, a, slot, name, animal):
            continue
        start = slot.np[0]                               # the phrase after its determiners: no "solar horse"
        while start < slot.name[0] and surface.tokens[start].tag in ("DT", "PDT"):
            start += 1
        if any(t.tag == "DT" for t in surface.tokens[start:slot.name[0]]):
            continue                                     # "half a lemon": a measure before the determiner
        out.append(((start, slot.name[1]), noun_form(animal, slot.plural)))
        if len(out) >= limit:
            break
    return out


def _stranger_fits(surface: Surface, a: int, slot: Slot, name: str, animal: str) -> bool:
    toks = surface.tokens
    head = toks[slot.name[1] - 1]
    if not (plain_thing(name) or concrete_thing(name)) or scene_part(name) or scene_part(name.split()[-1]) or landmark(surface, slot) or head.tag not in ("NN", "NNS"):
        return False
    if not replaceable_slot(surface, a) or not plain_name(surface, slot.name) or not number_agrees(surface, slot) \
            or bare_singular(surface, slot) or possessive(surface, slot.name):
        return False
    before = slot.name[0] - 1
    if before >= 0 and (toks[before].upos in ("NOUN", "PROPN", "NUM") or toks[before].text in ("-", "/")):
        return False                                     # "car | engine", "a 3x rim"
    s = slot.np[0]
    dets = [t for t in toks[s:slot.name[0]] if t.tag in ("DT", "PRP$")]
    if any(t.tag == "PRP$" or t.text.lower() in _MASS_DETERMINERS for t in dets) \
            or any(t.upos not in ("ADJ", "ADV", "DET") for t in toks[s:slot.name[0]]):
        return False                                     # "on its tracks", "some home decoration", "3d logo"
    if not slot.plural and (s == slot.name[0] or toks[s].upos != "DET"):
        return False                                     # "where sediment comes from": a mass noun
    if head.dep == "conj" or any(t.dep == "conj" and t.head == head.i for t in toks):
        return False                                     # "the flour , sugar , salt and yeast": a list
    if any(t.dep == "ROOT" and t.lemma == "be" or t.dep == "auxpass" and t.lemma == "be" and t.head == t.i + 1
           or t.text == "?" for t in toks):
        return False                                     # "the cure for anything is salt water": a statement
    if any(toks[k].tag in ("VBN", "VBG") or len(toks[k].text) > 4 and toks[k].text.lower().endswith(("ed", "ing"))
           for k in range(s, slot.name[0])):
        return False                                     # "the crammed marina": a state of the thing
    if slot.name[1] < len(toks) and toks[slot.name[1]].text.lower() == "of":
        return False                                     # "a banner of deity": the "of" phrase needs the thing
    if head.dep == "nsubjpass" or _said_again(surface, slot):
        return False                                     # "this drink is based on", "railway track to railway line"
    if head.dep == "dobj" and any(t.dep in ("dobj", "oprd") and t.head == head.head and t.i != head.i for t in toks):
        return False                                     # "making a house a home"
    if s == slot.name[0] and s > 0 and toks[s - 1].upos == "VERB" and toks[s - 1].tag in ("VB", "VBP"):
        return False                                     # "hearts and venue | decorations": a noun read as a verb
    if s > 0 and toks[s - 1].upos == "ADP" and (toks[s - 1].text.lower() not in _ANIMAL_PREPS
                                                or s > 1 and toks[s - 2].text.lower() in _MADE):
        return False                                     # "in my studio" -/-> "in my horse"; "made of lemon"
    if mainly_a(name, "ungulate") or mainly_a(name, "proboscidean") or name in _WHOLE_WORLD:
        return False                                     # "a pony" -/-> "a horse"; "the earth"
    return unlike_the_caption(surface, animal) and not part_shown_anyway(surface, a, animal)


def shown_person_replacements(surface: Surface) -> list[tuple[Span, str]]:
    """(span, animal) for the person a caption's picture word is of ("close up of olympic athlete"
    -> "close up of a dog", "portrait of a toddler walking" -> "portrait of a dog walking"): the
    picture shows an animal, not the person.  The whole phrase after its determiner goes (no
    "olympic dog"); only adjectives and nouns, none of them a person word of its own."""
    head = caption_head(surface)
    toks = surface.tokens
    if head is None or toks[head[1] - 1].text.lower() not in _SHOWING:
        return []
    for a in noun_slots(surface):
        slot = surface.slots[a]
        name = surface.graph.objects[a].name
        if slot.np[0] != head[1] + 1 or not is_person(name) or possessive(surface, slot.name):
            continue
        k = slot.np[0]
        while k < slot.name[0] and toks[k].upos == "DET" and toks[k].tag != "PRP$":
            k += 1
        words = toks[k:slot.name[1]]
        if any(t.upos not in ("ADJ", "NOUN") or not t.text.isalpha() or t.tag in ("JJR", "JJS")
               or (t.upos == "NOUN" and is_person(t.text.lower())) for t in words[:-1]):
            return []
        animals = [w for w in other_organisms(name) if unlike_the_caption(surface, w)]
        if not animals or not number_agrees(surface, slot):
            return []
        new = noun_form(animals[0], slot.plural)
        if k == slot.np[0] and not slot.plural:
            new = indefinite_article(new) + " " + new          # "of olympic athlete" -> "of a dog"
        return [((k, slot.name[1]), new)]
    return []


def _said_again(surface: Surface, slot: Slot) -> bool:
    """A word of the thing's phrase is said again elsewhere in the caption (a keyword list, a
    name's parts, a thing contrasted with its own kind)."""
    words = {t.text.lower() for t in surface.tokens[slot.np[0]:slot.name[1]]
             if t.upos in ("NOUN", "PROPN", "ADJ") and t.text.isalpha() and len(t.text) > 2}
    return any(t.text.lower() in words for k, t in enumerate(surface.tokens) if not slot.np[0] <= k < slot.name[1])


def last_resort(surface: Surface, limit: int = PER_TYPE) -> list[Candidate]:
    """Up to ``limit`` object_replace candidates of the caption surface: the medium first, then
    the plain things (no draw: a fixed order)."""
    out: list[Candidate] = []
    for span, new in medium_replacements(surface) + shown_person_replacements(surface) \
            + stranger_replacements(surface, limit):
        cand = make_candidate(surface, "object_replace", [Replacement(span, fresh(surface, new, span))])
        if cand:
            out.append(cand)
        if len(out) >= limit:
            break
    return out

