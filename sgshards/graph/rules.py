"""Rule-based scene graph extraction over the backend-neutral dependency view.

``build_graph(doc)`` turns one parsed caption (a list of ``DepToken`` with
ClearNLP labels) into a ``SceneGraph``: objects are noun heads with their
compounds, attributes are adjectival modifiers and predicate adjectives,
relations come from verbs (subject, verb [+ particle] [+ preposition],
object), prepositional phrases, "has"/possessive part-of links and
multiword prepositions ("in front of", "next to", "on top of").

Only ``DepToken`` fields are read, so any backend that converts into the
view (spaCy natively, stanza through an adapter) gets the same rules.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Final, Optional

from ..schemas.depview import DepToken
from ..schemas.graph import SceneGraph, SGObject, SGRelation
from ..lexicon.lemmas import is_adjective_only, is_noun_only, noun_lemma, verb_lemma
from ..augment.vocab import object_category

NOUN_POS: Final = frozenset({"NOUN", "PROPN"})
# Labels that make a token a nominal argument even when mis-tagged ("side walk" -> walk/VB).
ARG_DEPS: Final = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "ROOT", "conj", "npadvmod"})
VERB_ARG_DEPS: Final = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})

NUMBER_WORDS: Final = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "dozen", "both",
})
QUANTIFIERS: Final = frozenset({"many", "several", "few", "multiple", "numerous", "various", "some", "lots", "couple"})
# "a group of people": the collective noun becomes the quantity of its "of" object.
COLLECTIVE_NOUNS: Final = frozenset({
    "group", "pair", "row", "herd", "bunch", "flock", "couple", "lot", "lots", "number", "pile",
    "stack", "set", "line", "team", "crowd", "collection", "variety", "assortment", "cluster",
    "piece", "slice", "part", "patch", "bundle", "clump", "handful", "school", "array", "series",
    "amount", "plenty", "pack", "string", "body", "roll", "bouquet", "bale", "scoop", "dozens",
    "layer", "family", "sheet", "chunk", "mound", "wad",
})
# "on the side of", "in front of": the noun is part of the preposition, not an object.
PREP_NOUNS: Final = frozenset({
    "front", "top", "side", "middle", "back", "edge", "bottom", "center", "centre", "left",
    "right", "corner", "end", "inside", "outside", "rear", "base", "foot", "surface",
})
# Modifiers "side" may carry inside a multiword preposition, with the words kept in the
# predicate: "on the other side of" -> "on side of" ("other" only points back),
# "on the left side of" -> "on the left side of", "on both sides of".
SIDE_MODIFIERS: Final = {"other": [], "opposite": [], "each": [], "far": ["far"], "near": ["near"],
                  "both": ["both"], "either": ["either"], "left": ["the", "left"], "right": ["the", "right"]}
# Position nouns that name no object when used without "of" ("on the left", "on top").
BARE_DIRECTIONS: Final = frozenset({"left", "right", "top", "inside", "outside"})
# Adverbs/adjectives that head a multiword preposition: "next to", "close to", "out of".
PREP_HEADS: Final = frozenset({"next", "close", "near", "out", "away", "ahead", "up", "down", "off",
                        "adjacent", "due", "along", "across", "together", "over", "inside", "outside"})
# Positional adjectives: in a predicate "is next to" they are not attributes.
POSITIONAL_ADJS: Final = frozenset({"next", "close", "near", "adjacent", "far", "opposite"})
# Compound modifiers that describe rather than name: "metal pole" is a pole that is metal.
COLOURS: Final = frozenset({
    "white", "black", "blue", "green", "red", "brown", "yellow", "gray", "grey", "orange",
    "silver", "pink", "purple", "tan", "gold", "golden", "beige", "maroon", "navy", "khaki",
    "teal", "turquoise", "violet", "burgundy", "cream", "dark", "light", "bright", "pale",
})
MATERIALS: Final = frozenset({
    "wood", "wooden", "metal", "brick", "glass", "stone", "plastic", "concrete", "cement",
    "leather", "steel", "wire", "iron", "paper", "marble", "tile", "ceramic", "rubber",
    "cotton", "wool", "denim", "straw", "bamboo", "granite", "cardboard",
    "aluminum", "chrome", "porcelain", "silk", "fur", "velvet", "copper", "tin", "cloth",
    "dirt",
})
# Fabric patterns describe: "a plaid shirt" is a shirt that is plaid.
PATTERNS: Final = frozenset({"plaid", "checkered", "camouflage", "camo", "paisley", "polka", "tartan", "tie-dye"})
DESCRIPTIVE_COMPOUNDS: Final = COLOURS | MATERIALS | PATTERNS | frozenset({"adult", "baby", "young", "old", "little"})
# Clothing worn: "a man in a red shirt" / "dressed in" / "with a hat" -> wear.
CLOTHING: Final = frozenset({
    "shirt", "jacket", "hat", "coat", "dress", "shorts", "pants", "jeans", "suit", "uniform",
    "helmet", "sweater", "cap", "t-shirt", "tshirt", "top", "outfit", "glasses", "sunglasses",
    "hoodie", "vest", "skirt", "tie", "scarf", "glove", "gloves", "boot", "boots", "shoe", "shoes",
    "wetsuit", "jersey", "clothes", "clothing", "costume", "apron", "sweatshirt", "blouse",
    "bikini", "swimsuit", "robe", "gown", "goggles", "trousers", "sneaker", "sneakers",
    "sandal", "sandals", "beanie", "bandana", "headband", "visor", "mask", "backpack",
    "necklace", "bracelet", "earring", "earrings", "watch", "wristband", "sock", "socks",
    "overalls", "tank", "sweatpants", "leggings", "kimono", "tuxedo", "blazer", "cardigan",
    "poncho", "raincoat", "parka", "turban", "bonnet", "crown", "tiara", "belt",
})
# "a bowl of fruit": the container holds the contents.
CONTAINER_NOUNS: Final = frozenset({
    "bowl", "cup", "glass", "plate", "bucket", "basket", "box", "bottle", "jar", "tray", "bag",
    "pot", "vase", "mug", "carton", "crate", "pan", "can", "container", "platter", "dish",
    "pitcher", "cart", "truck", "shelf",
})
# Closed or narrow containers hold their contents in them: "a bottle of wine" -> (wine, in, bottle).
ENCLOSING_CONTAINERS: Final = frozenset({"bottle", "glass", "cup", "jar", "box", "bag", "carton", "can", "mug",
                                  "container", "pitcher", "jug", "sack", "packet", "tube"})
# Flat containers hold things on them: "a plate of food" -> (food, on, plate).
SURFACE_CONTAINERS: Final = frozenset({"plate", "tray", "platter", "saucer", "field"})   # "a field of grass" too
# A place phrase after a direct object locates the object, not the subject, for these
# prepositions ("a man holding a cup under the tap", "reading a sign above the door")...
OBJECT_PLACE_PREPS: Final = frozenset({"under", "over", "above", "below", "beneath", "underneath", "behind",
                                "beside", "next to", "near", "by", "on top of", "from", "to", "into",
                                "onto", "out of", "inside", "against", "around"})
# ...and for "on"/"in" after verbs of holding, carrying and putting ("holding a frisbee in
# his hand", "has a hat on his head"); after activities it stays with the subject
# ("playing tennis on a court").
PLACEMENT_VERBS: Final = frozenset({"have", "hold", "wear", "carry", "put", "place", "set", "rest", "keep",
                             "hang", "balance", "grip", "grasp", "clutch", "tuck", "stick", "insert",
                             "stack", "pile", "store", "pour", "sprinkle", "drop", "push", "pull"})
# -ing words that really are nouns; any other "-ing" head with a compound in
# front is a participle the tagger took for a noun ("a dog swimming").
ING_NOUNS: Final = frozenset({
    "building", "ceiling", "railing", "clothing", "painting", "awning", "frosting", "icing",
    "wedding", "evening", "morning", "ring", "string", "king", "wing", "spring", "swing",
    "sibling", "siding", "topping", "filling", "stuffing", "lighting", "landing", "opening",
    "crossing", "parking", "housing", "bedding", "lettering", "writing", "drawing", "carving",
    "wiring", "fencing", "flooring", "paneling", "packaging", "dressing", "pudding", "dumpling",
    "seating", "plumbing", "netting", "clearing", "sling", "ping", "thing", "casing", "molding",
    "moulding", "trimming", "sprinkling", "marking", "markings", "surfing", "skiing", "dining",
    "living", "shopping", "baking", "cutting", "lining", "covering", "setting", "serving",
})
# "-ing" words that name a kind of thing before a noun: "folding chair", "sliding door"
ING_MODIFIERS: Final = ING_NOUNS | frozenset({
    "folding", "sliding", "swimming", "waiting", "walking", "cooking", "mixing", "dining", "ironing",
    "rolling", "sleeping", "washing", "changing", "hiking", "running", "training", "passing", "boxing",
    "fishing", "riding", "climbing", "racing", "reading", "ceiling", "camping", "writing", "drinking",
    "charging", "measuring", "steering", "landing", "serving", "skating", "bowling", "winding"})
# "a tree covered in snow" means the snow covers the tree: the passive's
# "in"/"with" object is the agent for these verbs.
AGENT_PREP_VERBS: Final = frozenset({"cover", "surround", "line", "coat", "encircle", "enclose", "frame",
                              "blanket", "shade", "crowd", "litter"})
# Position words name a part ("front tire", "left shoe", "back wall"): kept in the name.
POSITION_WORDS: Final = frozenset({"front", "back", "left", "right", "rear", "side", "upper", "lower",
                            "top", "bottom", "middle", "center", "inner", "outer"})
# Adjective + noun pairs that name a kind of thing ("a hot dog" is not a dog that is hot).
LEXICAL_NAMES: Final = frozenset({
    ("hot", "dog"), ("polar", "bear"), ("grizzly", "bear"), ("living", "room"), ("french", "fry"),
    ("french", "fries"), ("french", "toast"), ("double", "decker"), ("high", "chair"),
    ("remote", "control"), ("flat", "screen"), ("fast", "food"), ("sweet", "potato"), ("wet", "suit"),
    ("light", "pole"), ("light", "post"), ("light", "fixture"), ("light", "bulb"), ("light", "switch"),
})
# Adjectives that compare or point rather than describe ("the other side").
NON_ATTRIBUTES: Final = frozenset({"other", "same", "different", "such", "own", "certain", "entire", "-"})
# Plural first words that are ordinary compounds, not possessives missing "'s".
PLURAL_COMPOUNDS: Final = frozenset({"sports", "glasses", "sunglasses", "clothes", "jeans", "pants", "shorts",
                              "arts", "goods", "news", "stairs", "series", "species", "pajamas",
                              "police", "people", "women", "men", "children", "kids", "girls", "boys"})
SHADES: Final = frozenset({"dark", "light", "bright", "pale", "deep", "well", "lime", "multi"})
# "silver colored", "heart shaped": the participle only carries the modifier.
SHAPE_PARTICIPLES: Final = frozenset({"colored", "coloured", "colared", "shaped", "toned", "tinted"})
# Prepositions the tagger reads as adverbs when stranded at the end ("the dish the pizza is on").
STRANDED_PREPS: Final = frozenset({"on", "in", "under", "inside", "behind", "beside", "near", "above", "below"})
RELATIVE_PRONOUNS: Final = frozenset({"who", "that", "which", "whom", "whose"})
# "a snowy hill" -> (snow, on, hill), "tiled floor" -> (tile, on, floor): FACTUAL, 28 of 28 tuning captions
COVERING_ADJECTIVES: Final = {"snowy": "snow", "tiled": "tile"}
# "red haired man" -> (man, have, hair), (hair, red): FACTUAL's reading, consistently
PART_ADJECTIVES: Final = {"haired": "hair", "framed": "frame", "sleeved": "sleeve", "bearded": "beard",
                   "legged": "leg", "horned": "horn", **COVERING_ADJECTIVES}
PLURAL_PART_ADJECTIVES: Final = frozenset({"sleeved", "legged", "horned"})
# "a woman in a dress" stays "in" for these (FACTUAL, tuning rows: jacket 14 in / 3 wear,
# dress 10 / 1, wetsuit 4 / 0); "in a shirt", "in jeans", "in a hat" are "wear" (71 / 2, 9 / 0, 8 / 0)
IN_GARMENTS: Final = frozenset({"jacket", "dress", "wetsuit", "outfit", "bikini", "sweater", "swimsuit", "snowsuit",
                         "cardigan", "apron", "costume", "gown", "top", "robe", "bathrobe", "raincoat"})
# "the top of the sign", "a large area of water": FACTUAL writes no (sign, have, top)
# (tuning rows: 62 such phrases without, 15 with)
REGION_NOUNS: Final = frozenset({"side", "top", "edge", "area", "end", "middle", "half", "background", "foreground",
                          "front", "section"})
# Predicates said the same way another predicate says it more plainly, as FACTUAL writes
# them ("seated on" is sit on; "holding up a sign" holds it; "besides" is a misspelling)
CANONICAL_PREDICATES: Final = {"seat": "sit", "seat at": "sit at", "seat in": "sit in", "seat on": "sit on",
                        "besides": "beside", "on front of": "in front of", "dress in": "wear",
                        "hold up": "hold", "hold onto": "hold", "hold on to": "hold", "hold to": "hold"}
# "a skateboard trick" with skateboard tagged as an adjective: what the trick is done on
TRICK_GEAR: Final = frozenset({"skateboard", "snowboard", "ski", "bike", "bmx", "surfboard", "frisbee", "skate",
                        "skateboarding", "snowboarding", "skiing", "surfing", "biking"})
# "with" one of these is possession: FACTUAL writes have (for hair "with" and "have" equally)
# Parts a person or animal has: "elephant trunk" / "man hand" are (owner, have, part) in FACTUAL
BODY_PARTS: Final = frozenset({
    "hand", "foot", "head", "arm", "leg", "finger", "toe", "paw", "hoof", "face", "mouth", "nose", "ear",
    "eye", "knee", "neck", "tail", "wing", "beak", "trunk", "tusk", "horn", "mane", "fur", "back", "body",
    "belly", "shoulder", "tooth", "teeth", "claw", "feather", "snout", "whisker", "lip", "hair"})
ANIMATE_CATEGORIES: Final = frozenset({"people", "mammal", "bird", "sea_animal", "reptile", "insect"})
HELD_BODY_PARTS: Final = frozenset({"hand", "foot", "head", "ear", "mouth", "face"})
PERSON_PRONOUNS: Final = {
    "he": "man", "him": "man", "his": "man", "himself": "man",
    "she": "woman", "her": "woman", "hers": "woman", "herself": "woman",
    "they": "people", "them": "people", "their": "people", "themselves": "people",
}
THING_PRONOUNS: Final = frozenset({"it", "its", "itself", "this", "that", "these", "those", "one"})
PERSON_NOUNS: Final = frozenset({
    "man", "woman", "person", "boy", "girl", "guy", "lady", "child", "kid", "player", "skier",
    "surfer", "skateboarder", "snowboarder", "rider", "people", "men", "women", "gentleman",
    "baby", "toddler", "chef", "batter", "pitcher", "catcher", "umpire", "officer", "worker",
    "tennis player", "biker", "cyclist", "adult", "teenager", "student", "father", "mother",
})
# Non-visual heads that are never objects ("a photo of a dog" -> dog).
JUNK_NOUNS: Final = frozenset({"image", "photo", "photograph", "closeup", "illustration", "stock", "vector",
                        "kind", "type", "sort", "way", "other",
                        "distance", "day", "time", "weekend", "year", "season", "color", "colour"})
JUNK_BEFORE_OF: Final = frozenset({"image", "photo", "picture", "photograph", "view", "shot", "closeup",
                            "illustration", "kind", "type", "sort", "scene", "game"})


def _load_compound_names() -> dict:
    """FACTUAL's naming of noun compounds, learned by bench/learn_compound_names.py."""
    path = Path(__file__).resolve().parents[1] / "data" / "compound_names.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    return {"names": table["names"], "modifiers": table["modifiers"], "keep": frozenset(table["keep"])}


COMPOUND_NAMES: Final = _load_compound_names()


class _Builder:
    def __init__(self, doc: list[DepToken], compound_names: Optional[dict] = None):
        self.doc = doc
        self.low = [t.text.lower() for t in doc]   # read by nearly every rule
        self.compound_names = COMPOUND_NAMES if compound_names is None else compound_names
        self.kids: list[list[int]] = [[] for _ in doc]
        # the same children grouped by label: rules ask for a few labels, mostly absent ones
        self.kids_by_dep: list[dict[str, list[int]]] = [{} for _ in doc]
        for t in doc:
            if t.head != t.i:
                self.kids[t.head].append(t.i)
                self.kids_by_dep[t.head].setdefault(t.dep, []).append(t.i)
        self.nominal: list[Optional[bool]] = [None] * len(doc)
        self.objects: list[SGObject] = []
        self.obj_of: dict[int, int] = {}       # head token -> object index
        self.relations: list[SGRelation] = []
        self.seen_rel: set[tuple] = set()
        self.pending: list[tuple[int, int]] = []   # (participle, noun) of "snow covered X"
        self.possessors: list[tuple[int, int]] = []  # (possessor, possessed) of "the birds wings"
        self.part_adjectives: list[tuple[int, int, list[int]]] = []  # ("haired", man, ["red"])

    # ---- helpers ---------------------------------------------------------
    def kids_with(self, i: int, *deps: str) -> list[int]:
        """Children of i with one of the labels, in surface order (a new list)."""
        by_dep = self.kids_by_dep[i]
        out: list[int] = []
        for dep in deps:
            if dep in by_dep:
                if out:
                    out = sorted(out + by_dep[dep])
                else:
                    out = list(by_dep[dep])
        return out

    def kids_of(self, i: int, dep: str) -> list[int]:
        """Children of i with the label dep, in surface order (a new list): kids_with for
        one label, without packing the labels into a tuple on every call."""
        found = self.kids_by_dep[i].get(dep)
        return [] if found is None else list(found)

    def conj_group(self, i: int) -> list[int]:
        """i and everything coordinated with it ("a cat and a dog")."""
        out, stack = [i], [i]
        while stack:
            for k in self.kids_of(stack.pop(), "conj"):
                out.append(k)
                stack.append(k)
        return out

    def is_prep_noun(self, i: int) -> bool:
        """"front" in "in front of": part of a multiword preposition."""
        doc = self.doc
        t = doc[i]
        if t.dep != "pobj" or self.low[i] not in PREP_NOUNS and not self.side_modifiers(i):
            return False
        if self.kids_with(i, "amod", "compound") and self.side_modifiers(i) is None:
            return False
        if any(self.low[k] in ("of", "to") for k in self.kids_of(i, "prep")):
            return True
        if self.of_left_out(i) is not None:
            return True
        # "the man on the left", "chocolate on top": a direction, not a thing
        return self.low[i] in BARE_DIRECTIONS and not self.kids_with(i, "prep", "poss")

    def of_left_out(self, i: int) -> Optional[int]:
        """"a trunk in front a bear": the noun after "front"/"top" when "of" is left out and
        the parser hung that noun elsewhere, else None."""
        doc = self.doc
        if (self.low[i] not in ("front", "top") or doc[i].dep != "pobj"
                or self.kids_with(i, "prep", "amod", "compound")):
            return None
        k = i + 1
        while k < len(doc) and doc[k].upos in ("DET", "ADJ", "NUM"):
            k += 1
        if k < len(doc) and doc[k].upos in NOUN_POS and doc[k].dep in ("appos", "npadvmod", "dobj", "conj"):
            return k
        return None

    def side_modifiers(self, i: int) -> Optional[list[str]]:
        """Predicate words of the modifiers of "side" in "on the other/left/both side(s) of",
        or None when i is no modified side."""
        mods = self.kids_with(i, "amod", "compound") + [
            k for k in self.kids_with(i, "det", "predet", "nummod") if self.low[k] in SIDE_MODIFIERS]
        if (not mods or self.low[i] not in ("side", "sides") or any(self.low[m] not in SIDE_MODIFIERS for m in mods)
                or not any(self.low[k] == "of" for k in self.kids_of(i, "prep"))):
            return None
        return [w for m in sorted(mods) for w in SIDE_MODIFIERS[self.low[m]]]

    def is_fragment_noun(self, i: int) -> bool:
        """A caption-initial noun mis-tagged as the root verb: "kites in the air"."""
        t = self.doc[i]
        return (t.dep == "ROOT" and t.upos == "VERB"
                and (t.tag in ("VB", "VBZ", "VBP") or t.tag == "VBG" and self.low[i] in ING_NOUNS)
                and all(self.doc[k].upos in ("DET", "ADJ", "NUM") for k in range(i))
                and not self.kids_with(i, "nsubj", "nsubjpass", "aux", "dobj", "expl", "auxpass"))

    def is_hidden_gerund(self, i: int) -> bool:
        """"a dog swimming in the water" tagged as the compound noun "dog swimming"."""
        t = self.doc[i]
        lw = self.low[i]
        return (t.upos == "NOUN" and t.tag == "NN" and lw.endswith("ing") and lw not in ING_NOUNS
                and t.dep != "compound" and verb_lemma(lw) != lw
                and any(self.doc[k].upos in NOUN_POS for k in self.kids_of(i, "compound")))

    def is_nominal(self, i: int) -> bool:
        known = self.nominal[i]
        if known is None:
            known = self.nominal[i] = self._is_nominal(i)
        return known

    def _is_nominal(self, i: int) -> bool:
        t = self.doc[i]
        if self.is_prep_noun(i):
            return False
        if t.upos == "NOUN" and self.is_hidden_gerund(i):
            return False
        if self.is_trick(i):
            return False
        if t.upos == "VERB" and self.is_fragment_noun(i):
            return True
        if t.upos in NOUN_POS:
            if (self.low[i] in COLOURS and i + 1 < len(self.doc)
                    and self.low[i + 1] in SHAPE_PARTICIPLES):
                return False   # "tan colored pants": tan describes the pants
            if t.dep == "amod" and t.head != i and (self.is_nominal(t.head) or self.doc[t.head].dep == "compound"
                                                      and self.doc[t.head].upos in NOUN_POS):
                return False   # "white phone" with white tagged PROPN: a modifier, not an object
            if t.dep != "compound" or t.head == i:
                return True
            top = t.head   # "white cake tray": follow the compound chain to its head
            while self.doc[top].dep == "compound" and self.doc[top].head != top:
                top = self.doc[top].head
            return not self.is_nominal(top) and self.side_modifiers(top) is None
        if t.upos == "PRON":
            return False
        # mis-tagged nouns in argument positions, e.g. "the side walk" (walk/VB as pobj)
        if t.dep in VERB_ARG_DEPS or t.dep == "pcomp":
            if t.upos not in ("VERB", "ADJ", "X", "ADV") or t.tag.startswith(("VBD", "RB")):
                return False
            # a finite verb cannot be an argument ("leaves on the trees are red"), nor
            # can a known -ing noun ("white frosting on a platter"): their prepositions are theirs
            noun_like = t.dep != "pcomp" and (t.tag in ("VBZ", "VBP") or self.low[i] in ING_NOUNS)
            if t.tag in ("VBZ", "VBP") and not noun_like:
                return False
            verbal = ("dobj", "nsubj", "aux", "advmod", "acomp", "prt", "xcomp", "ccomp", "dative", "agent")
            return not self.kids_with(i, *verbal if noun_like else verbal + ("prep",))
        return False

    # ---- objects ---------------------------------------------------------
    def compound_tokens(self, i: int) -> list[int]:
        """Compound modifiers of i (recursively), left of it and contiguous."""
        toks = [i]
        stack = [i]
        while stack:
            for k in self.kids_of(stack.pop(), "compound"):
                if k < i:
                    toks.append(k)
                    stack.append(k)
        toks.sort()
        doc = self.doc
        # keep the contiguous run ending at the head
        run = [i]
        for k in reversed(toks[:-1]):
            if k == run[0] - 1 or (k == run[0] - 2 and doc[k + 1].text in ("-",)):
                run.insert(0, k)
            else:
                break
        # "the birds wings": a plural first word is a possessor without "'s"
        if len(run) == 2 and doc[run[0]].tag == "NNS" and self.low[run[0]] not in PLURAL_COMPOUNDS:
            self.possessors.append((run[0], i))
            run = [i]
        prev = run[0] - 1
        if (prev >= 0 and doc[prev].head == i and doc[prev].dep in ("amod", "compound")
                and (self.low[prev] in POSITION_WORDS
                     or (self.low[prev], noun_lemma(self.low[i])) in LEXICAL_NAMES)):
            run.insert(0, prev)
        return run

    def name_of(self, toks: list[int]) -> str:
        """Surface text of the name tokens (hyphens kept: "t-shirt"), head singularised."""
        doc = self.doc
        head = doc[toks[-1]]
        hw = self.low[toks[-1]]
        if head.tag in ("NNS", "NNPS") or "Number=Plur" in head.morph:
            hw = noun_lemma(hw)
        if len(toks) == 1:
            return hw
        prefix = "".join(self.low[k] + doc[k].ws for k in range(toks[0], toks[-1]))
        return prefix + hw

    def conventional_name(self, toks: list[int]) -> tuple[list[int], Optional[tuple[int, int]], list[int]]:
        """FACTUAL's name for a noun compound: the learned table leaves out leading words
        ("chain link fence" -> fence, "wii controller" -> controller).  Returns the name
        tokens, the span of dropped words that become an attribute ("rock wall") and the
        dropped words that name an owner ("tree branch" -> (tree, have, branch)).  Otherwise
        the object's span keeps the whole compound, so rewrites treat it as a unit."""
        words = self.name_of(toks).split()
        if len(words) < 2 or len(words) != len(toks):
            return toks, None, []
        table, name = self.compound_names, " ".join(words)
        entry = table.get("names", {}).get(name)
        if entry is None and name not in table.get("keep", ()):
            entry = table.get("modifiers", {}).get(words[0])
        if ((entry is None or not entry["attribute"]) and len(toks) == 2 and words[1] in BODY_PARTS
                and self.is_animate(words[0])):
            return toks[1:], None, toks[:1]      # "elephant trunk", "man hand": (elephant, have, trunk)
        if entry is None or not 0 < entry["drop"] < len(toks):
            return toks, None, []
        k = entry["drop"]
        return (toks[k:], (toks[0], toks[k - 1] + 1) if entry["attribute"] else None,
                toks[:k] if entry.get("have") else [])

    @staticmethod
    def is_animate(word: str) -> bool:
        lemma = noun_lemma(word)
        category = object_category(lemma)
        return lemma in PERSON_NOUNS or category is not None and category[0] in ANIMATE_CATEGORIES

    def add_object(self, i: int) -> int:
        if i in self.obj_of:
            return self.obj_of[i]
        doc = self.doc
        toks = self.compound_tokens(i)
        while len(toks) > 1 and not any(c.isalnum() for c in doc[toks[0]].text):
            toks.pop(0)                  # "ft. new exhibits": the parser chained the full stop in
        compound = list(toks)
        # descriptive compounds ("metal pole", "orange wall") are attributes, not part of the name
        described: list[int | tuple[int, int]] = []   # tokens, or the span of dropped words
        lexical = len(toks) == 2 and (self.low[toks[0]], noun_lemma(self.low[i])) in LEXICAL_NAMES
        while len(toks) > 1 and not lexical and self.low[toks[0]] not in POSITION_WORDS and (
                self.low[toks[0]] in DESCRIPTIVE_COMPOUNDS
                and (self.low[toks[0]] not in SHADES or doc[toks[0]].upos == "ADJ")
                or doc[toks[0]].upos == "ADJ" or doc[toks[0]].text == "-"
                or is_adjective_only(self.low[toks[0]])):
            described.append(toks.pop(0))
        span_start = toks[0]
        toks, dropped, owner = self.conventional_name(toks)
        if dropped or owner:             # "rock wall" -> wall, rock; "tree branch" -> tree, branch
            span_start = toks[0]
        if dropped:
            described.append(dropped)
        head = doc[i]
        name = self.name_of(toks)
        plural = head.tag in ("NNS", "NNPS") or "Number=Plur" in head.morph
        if head.upos == "VERB":
            # fragment noun tagged as a verb ("kites"): singularise like a noun
            name = noun_lemma(self.low[i])
            plural = name != self.low[i]
        elif name == "guy" and plural:
            name = "people"              # FACTUAL's name for "guys" (22 of 22 tuning captions)
        elif name == "one" and self.objects and not self.kids_of(i, "prep"):
            # "a small tree next to a large one": the same kind as the last object
            name = self.objects[-1].name
        obj = SGObject(name=name, span=(span_start, i + 1), plural=plural)
        self.obj_of[i] = len(self.objects)
        self.objects.append(obj)
        for k in described:
            if isinstance(k, tuple):
                self.add_attribute(obj, k[0], k[1])
            elif doc[k].text != "-" and self.low[k] not in PART_ADJECTIVES:
                self.add_attribute(obj, k)
        if owner:
            self.objects.append(SGObject(name=noun_lemma(self.name_of(owner)), span=(owner[0], owner[-1] + 1)))
            self.add_relation(len(self.objects) - 1, "have", self.obj_of[i], owner)
        self.collect_modifiers(i, obj)
        for c in compound[:-1]:
            if c not in owner:
                self.collect_modifiers(c, obj)  # "black street sign", "grey metal lights": the whole noun's
        if head.dep == "compound" and head.head != i and self.is_hidden_gerund(head.head):
            self.collect_modifiers(head.head, obj)   # "a white dog swimming": white belongs to dog
        return self.obj_of[i]

    def add_attribute(self, obj: SGObject, i: int, j: Optional[int] = None) -> None:
        j = i + 1 if j is None else j
        word = " ".join(self.low[k] for k in range(i, j))
        if word not in obj.attributes:
            obj.attributes.append(word)
            obj.attribute_spans.append((i, j))

    def shade_run(self, k: int, i: int) -> int:
        """End of "light green" / "multi-colored" when shade k and the next adjective
        (past a hyphen) both modify noun i; 0 if k stands alone."""
        doc = self.doc
        j = k + 1
        if j < len(doc) and doc[j].text == "-":
            j += 1
        if j < i and doc[j].head == i and doc[j].dep == "amod" and (
                self.low[j] in COLOURS or self.low[j] in SHAPE_PARTICIPLES):
            return j + 1
        return 0

    def add_part(self, k: int, i: int, mods: list[int]) -> None:
        """"red haired man" -> (man, have, hair), (hair, red); "snowy hill" -> (snow, on, hill).
        The part has no span of its
        own (no caption words name it), so rewrites leave "haired" alone."""
        owner = self.obj_of.get(i)
        if owner is None:               # noun i named no object: a word inside a longer compound
            return                      # ("Snowy Night Metal Print": the print is the object)
        part = SGObject(name=PART_ADJECTIVES[self.low[k]], plural=self.low[k] in PLURAL_PART_ADJECTIVES)
        for m in mods:
            if self.doc[m].upos == "NUM":
                part.quantity = self.low[m]
                part.plural = True
            else:
                self.add_attribute(part, m)
        self.objects.append(part)
        if self.low[k] in COVERING_ADJECTIVES:
            self.add_relation(len(self.objects) - 1, "on", owner, [k])   # (snow, on, hill)
        else:
            self.add_relation(owner, "have", len(self.objects) - 1, [k])

    def part_adjective_words(self, i: int) -> set[int]:
        """Tokens of "haired"-style adjectives on noun i and the words describing the part
        ("red haired", "four legged"): the part's, not the noun's."""
        doc = self.doc
        out: set[int] = set()
        for k in self.kids_with(i, "amod", "compound", "advmod"):
            if self.low[k] not in PART_ADJECTIVES or k > i:
                continue
            mods = [m for m in self.kids[k] if m < k and doc[m].dep in ("amod", "advmod", "nummod", "npadvmod")
                    and doc[m].upos in ("ADJ", "NUM", "NOUN", "ADV")]
            if (not mods and k > 0 and doc[k - 1].head == i and doc[k - 1].dep in ("amod", "nummod")
                    and doc[k - 1].upos in ("ADJ", "NUM")):
                mods = [k - 1]
            self.part_adjectives.append((k, i, sorted(mods)))
            out.update(mods + [k])
        return out

    def collect_modifiers(self, i: int, obj: SGObject) -> None:
        doc = self.doc
        consumed: set[int] = self.part_adjective_words(i)
        for k in sorted(self.kids[i]):
            t = doc[k]
            lw = self.low[k]
            if k in consumed:
                continue
            if t.dep == "nummod" or (t.dep in ("det", "predet") and lw in ("both",)):
                obj.quantity = lw
            elif t.dep in ("amod", "det") and lw in QUANTIFIERS:
                prev = self.low[k - 1] if k > 0 else ""
                obj.quantity = "a " + lw if prev == "a" and lw in ("few", "couple", "lot") else lw
            elif (t.dep == "amod" and t.tag == "VBN" and lw not in SHAPE_PARTICIPLES
                  and self.kids_with(k, "npadvmod", "compound")):
                # "a snow covered mountain": (snow, cover, mountain), resolved after objects exist
                self.pending.append((k, i))
            elif obj.span and obj.span[0] <= k < obj.span[1]:
                continue   # a position word kept in the name
            elif t.dep == "amod" and lw in NON_ATTRIBUTES or k in consumed:
                continue
            elif lw == "full" and any(self.low[p] == "of" for p in self.kids_of(k, "prep")):
                continue   # "a river full of boats": says what it holds, not how it looks
            elif t.dep == "amod" and lw in SHADES and self.shade_run(k, i):
                end = self.shade_run(k, i)
                consumed.update(range(k, end))
                self.add_attribute(obj, k, end)     # "light green leaves", "multi-colored rug"
            elif (t.dep == "amod" and lw in SHAPE_PARTICIPLES and k > 0 and doc[k - 1].head == i
                  and self.low[k - 1] in COLOURS):
                self.add_attribute(obj, k - 1)      # "tan colored pants" -> tan
            elif t.dep == "amod" and t.upos in ("ADJ", "VERB", "NOUN", "PROPN", "ADV"):
                for a in self.conj_group(k):
                    if doc[a].upos in ("ADJ", "VERB", "NOUN", "PROPN") and self.low[a] not in QUANTIFIERS:
                        start, end = self.attribute_extent(a)
                        self.add_attribute(obj, start, end)
                        for c in self.kids_with(a, "amod", "advmod", "npadvmod", "compound"):
                            # "white striped sheets": a colour on the adjective is its own attribute
                            if c < start and self.low[c] in COLOURS:
                                self.add_attribute(obj, c)

    def attribute_extent(self, a: int) -> tuple[int, int]:
        """Token span of an adjective with its shade modifier: "light blue",
        "dark colored", "well lit"; "silver colored" is just "silver"."""
        doc = self.doc
        start = a
        for k in sorted(self.kids[a], reverse=True):
            if k == start - 1 and doc[k].dep in ("advmod", "npadvmod", "amod", "compound") and (
                    self.low[k] in SHADES
                    or self.low[k] in COLOURS and (self.low[a] in COLOURS
                                                           or self.low[a] in SHAPE_PARTICIPLES)):
                start = k
        if start < a and self.low[a] in SHAPE_PARTICIPLES and self.low[start] not in SHADES:
            return start, a          # "silver colored" -> silver
        return start, a + 1

    def resolve(self, i: int) -> Optional[int]:
        """Object index for the argument token i (noun, pronoun, relative pronoun)."""
        doc = self.doc
        t = doc[i]
        lw = self.low[i]
        if t.upos == "PRON" or t.tag in ("WDT", "WP", "PRP", "PRP$", "DT"):
            if lw in RELATIVE_PRONOUNS:
                # the relative clause's head noun: "a man who is riding"
                v = t.head
                while doc[v].dep not in ("relcl", "acl") and doc[v].head != v:
                    v = doc[v].head
                n = doc[v].head
                return self.resolve(n) if n != v else None
            return self.resolve_pronoun(i)
        if t.upos == "NUM" and t.dep in VERB_ARG_DEPS:
            # "two of them", "one" -> an object named after the nearest noun? keep simple: skip
            return None
        if self.is_nominal(i) or t.dep in ARG_DEPS and t.upos in NOUN_POS and not self.is_prep_noun(i):
            return self.noun_object(i)
        return None

    def noun_object(self, i: int) -> Optional[int]:
        """Object for noun i, looking through collective/junk heads ("a group of men")."""
        lw = self.low[i]
        lemma = noun_lemma(lw)
        ofs = [p for p in self.kids_of(i, "prep") if self.low[p] == "of"]
        if ofs:
            pobjs = [k for k in self.kids_of(ofs[0], "pobj") if self.is_nominal(k)]
            if pobjs and (lemma in JUNK_BEFORE_OF or lemma in COLLECTIVE_NOUNS):
                inner = self.noun_object(pobjs[0])
                if inner is not None and lemma not in JUNK_BEFORE_OF:
                    o = self.objects[inner]
                    if o.quantity is None:
                        o.quantity = lw + " of"
                    self.obj_of[i] = inner
                return inner
        if lemma in JUNK_NOUNS:
            return None
        return self.add_object(i)

    def phrase_antecedent(self, i: int) -> Optional[int]:
        """"a table with a lamp and a clock on it", "trunks with moss on them": a thing
        pronoun in a phrase describing a noun refers to the noun above that one."""
        doc = self.doc
        if self.low[i] not in ("it", "them") or doc[i].dep != "pobj":
            return None
        p = doc[i].head
        n = doc[p].head
        have = n if self.low[n] in ("has", "have", "had") else (
            doc[n].head if doc[n].dep == "dobj" and self.low[doc[n].head] in ("has", "have", "had") else None)
        if have is not None and self.kids_of(have, "nsubj"):
            return self.kids_of(have, "nsubj")[0]   # "the trees have leaves on them"
        if doc[n].upos == "VERB" and doc[n].dep in ("acl", "relcl"):
            n = doc[n].head            # "a suitcase with a cat sitting on it"
        if doc[p].dep != "prep" or not self.is_nominal(n):
            return None
        skip = set(self.conj_group_up(n))
        while doc[n].head != n:
            n = doc[n].head
            if self.is_nominal(n) and n not in skip:
                return n
        return None

    def owner_above(self, p: int) -> Optional[int]:
        """The noun a phrase's owner belongs to: "a donut with chocolate on top" (the
        noun above "chocolate"), "the bun has seeds on top" (the subject of "has")."""
        doc = self.doc
        n = doc[p].head
        if self.low[n] in ("has", "have", "had"):
            subj = self.kids_of(n, "nsubj")
            return subj[0] if subj else None
        if doc[n].dep == "dobj" and self.low[doc[n].head] in ("has", "have", "had"):
            subj = self.kids_of(doc[n].head, "nsubj")
            return subj[0] if subj else None
        if doc[n].dep == "pobj" and self.low[doc[n].head] == "with" and self.is_nominal(doc[doc[n].head].head):
            return doc[doc[n].head].head
        return None

    def described_by_back_reference(self, k: int, owner: int) -> bool:
        """True if noun k carries a phrase pointing back at its owner ("with stickers on it")."""
        doc = self.doc
        heads = [k] + [v for v in self.kids[k] if doc[v].dep in ("acl", "relcl")]
        for h in heads:
            for p in self.kids_of(h, "prep"):
                if any(self.low[o] == "top" and self.is_prep_noun(o) for o in self.kids_of(p, "pobj")):
                    above = self.owner_above(p)
                    return above is not None and self.resolve(above) == owner
                for o in self.kids_of(p, "pobj"):
                    if self.phrase_antecedent(o) is not None and self.resolve(o) == owner:
                        return True
        return False

    def resolve_pronoun(self, i: int) -> Optional[int]:
        lw = self.low[i]
        back = self.phrase_antecedent(i)
        if back is not None:
            return self.resolve(back)
        if lw in PERSON_PRONOUNS:
            want_plural = PERSON_PRONOUNS[lw] == "people"
            for idx in range(len(self.objects) - 1, -1, -1):
                o = self.objects[idx]
                if o.span and o.span[0] < i and o.name.split()[-1] in PERSON_NOUNS and o.plural == want_plural:
                    return idx
            # no antecedent: the pronoun stands for a person of its own
            if i not in self.obj_of:
                self.obj_of[i] = len(self.objects)
                self.objects.append(SGObject(name=PERSON_PRONOUNS[lw], span=(i, i + 1), plural=want_plural))
            return self.obj_of[i]
        if lw in ("it", "its", "itself"):
            for idx in range(len(self.objects) - 1, -1, -1):
                o = self.objects[idx]
                if o.span and o.span[0] < i and o.name.split()[-1] not in PERSON_NOUNS:
                    return idx
        return None

    # ---- relations -------------------------------------------------------
    def is_reciprocal(self, k: int) -> bool:
        """"each other" / "eachother" / "one another"."""
        lw = self.low[k]
        return (lw == "eachother" or lw == "other" and any(self.low[d] == "each" for d in self.kids[k])
                or lw == "another" and k > 0 and self.low[k - 1] == "one")

    def relate(self, subjects: list[int], pred: str, k: int, toks: list[int]) -> None:
        """(subject, pred, object token k) for every subject; "each other" relates the
        subjects to one another ("a dog and a cat next to each other" -> dog next to cat,
        "two cars parked next to each other" -> car park next to car)."""
        if self.is_reciprocal(k):
            self.relate_mutually(subjects, pred, toks)
            return
        o = self.resolve(k)
        for s in subjects:
            self.add_relation(s, pred, o, toks)

    def is_trick(self, k: int) -> bool:
        """"doing a trick", "performing stunts": the trick is how the subject relates to
        the things it is done on or with, not an object."""
        doc = self.doc
        h = doc[k].head
        return (doc[k].dep == "dobj" and noun_lemma(self.low[k]) in ("trick", "stunt") and h != k
                and verb_lemma(self.low[h]) in ("do", "perform"))

    def trick_relations(self, v: int, k: int, subjects: list[int]) -> None:
        """"a boy doing a trick on a skateboard" / "a boy doing a skateboard trick" ->
        (boy, trick on, skateboard): FACTUAL's reading."""
        doc = self.doc
        word = noun_lemma(self.low[k])
        for words, toks, objs in self.head_prep_phrases(v) + self.head_prep_phrases(k):
            for o in objs:
                self.relate(subjects, word + " " + " ".join(words), o, [k] + toks)
        for c in self.kids[k]:
            if c < k and doc[c].dep in ("compound", "amod") and (
                    doc[c].upos in NOUN_POS or noun_lemma(self.low[c]) in TRICK_GEAR or is_noun_only(self.low[c])):
                o = self.add_object(c)
                for s in subjects:
                    self.add_relation(s, word + " on", o, [k])

    def side_by_side(self, i: int) -> None:
        """"a cat and a dog side by side" -> (cat, side by side with, dog); "two giraffes
        standing side by side" -> (giraffe, stand side by side with, giraffe)."""
        doc = self.doc
        h = doc[i].head
        if doc[h].upos in ("VERB", "AUX") and h != i:
            toks = self.verb_subjects(h)[0]
            pred = verb_lemma(self.low[h]) + " side by side with"
        else:
            toks, pred = self.conj_group(h), "side by side with"
        self.relate_mutually([s for s in (self.resolve(k) for k in toks) if s is not None], pred, [i, i + 1, i + 2])

    def relate_mutually(self, subjects: list[int], pred: str, toks: list[int]) -> None:
        """Each subject with the next ("a dog and a cat next to each other"); one (plural)
        subject with itself ("two giraffes side by side"), as FACTUAL writes it."""
        if len(subjects) >= 2:
            for a, b in zip(subjects, subjects[1:]):
                self.add_relation(a, pred, b, toks)
        else:
            for s in subjects:
                self.add_relation(s, pred, s, toks, mutual=True)

    def add_relation(self, s: Optional[int], pred: str, o: Optional[int], toks: list[int],
                     mutual: bool = False) -> None:
        if s is None or o is None or s == o and self.objects[s].span == self.objects[o].span and not mutual:
            return
        pred = CANONICAL_PREDICATES.get(pred, pred)
        if "toward" in pred.split():
            pred = " ".join("towards" if w == "toward" else w for w in pred.split())
        key = (s, pred, o)
        if key in self.seen_rel:
            return
        self.seen_rel.add(key)
        self.relations.append(SGRelation(subject=s, predicate=pred, object=o, span=(min(toks), max(toks) + 1)))

    def prep_phrase(self, p: int) -> tuple[list[str], list[int], list[int]]:
        """(predicate words, predicate tokens, object tokens) of preposition p,
        folding multiword prepositions: "in front of", "out of", "next to"."""
        doc = self.doc
        words, toks = [self.low[p]], [p]
        # "on building" with building tagged VBG/pcomp is still the object
        pobjs = [k for k in self.kids[p] if doc[k].dep == "pobj" or doc[k].dep == "pcomp" and self.is_nominal(k)]
        if not pobjs:
            inner = self.kids_of(p, "prep")  # "out of", "away from"
            if inner:
                w2, t2, o2 = self.prep_phrase(inner[0])
                return words + w2, toks + t2, o2
            return words, toks, []
        first = pobjs[0]
        if self.low[first] == "top" and self.is_prep_noun(first) and not self.kids_of(first, "prep"):
            owner = self.owner_above(p)
            # "a donut with chocolate on top" -> (chocolate, on top of, donut)
            return words + ["top", "of"], toks + [first], [owner] if owner is not None else []
        missing_of = self.of_left_out(first)
        if missing_of is not None:
            return words + [self.low[first], "of"], toks + [first], [missing_of]
        side = self.side_modifiers(first) if doc[first].dep == "pobj" else None
        if (self.low[first] in PREP_NOUNS and not self.kids_with(first, "amod", "compound")
                or side is not None):
            ofs = [k for k in self.kids_of(first, "prep") if self.low[k] in ("of", "to")]
            if ofs:
                w2, t2, o2 = self.prep_phrase(ofs[0])
                return words + (side or []) + [self.low[first]] + w2, toks + [first] + t2, o2
        objs = []
        for k in pobjs:
            objs.extend(self.conj_group(k))
        return words, toks, objs

    def head_prep_phrases(self, i: int) -> list[tuple[list[str], list[int], list[int]]]:
        """Prepositional phrases hanging off token i, including "next to"-style heads."""
        doc = self.doc
        out = []
        for k in self.kids[i]:
            t = doc[k]
            if t.dep == "prep" or (t.dep == "prt" and self.kids_of(k, "pobj")):
                out.append(self.prep_phrase(k))
            elif t.dep == "advmod" and t.upos == "ADV" and self.low[k] in STRANDED_PREPS and not self.kids[k]:
                out.append(([self.low[k]], [k], []))   # "the dish the pizza is on": objects found later
            elif t.dep in ("advmod", "acomp", "amod") and self.low[k] in PREP_HEADS:
                for p in self.kids_of(k, "prep"):
                    w, ts, objs = self.prep_phrase(p)
                    out.append(([self.low[k]] + w, [k] + ts, objs))
        return out

    def noun_relations(self, i: int) -> None:
        """Relations whose subject is the noun i: prepositions and possessives."""
        doc = self.doc
        s = self.resolve(i)
        if s is None:
            return
        phrases = self.head_prep_phrases(i)
        # "a woman with her hands on the table": a place after a "with" phrase is the
        # place of the "with" noun (hands on table), not of the woman
        with_objs = [(ts[0], k) for ws, ts, objs in phrases if ws == ["with"] for k in objs]
        for words, toks, objs in phrases:
            if words == ["of"]:
                lemma = noun_lemma(self.low[i])
                if lemma in REGION_NOUNS:
                    continue   # "the side of the road": a region of it, not a part FACTUAL relates
                if " " in self.objects[s].name:
                    lemma = ""   # "license plate of a car" is a part, not a plate holding the car
                for k in objs:
                    # "the leg of the man" -> (man, have, leg); "a bowl of fruit" -> (bowl, have, fruit);
                    # "a plate of food" -> (food, on, plate)
                    o = self.resolve(k)
                    if o is None or o == s:
                        continue
                    if lemma in SURFACE_CONTAINERS:
                        self.add_relation(o, "on", s, toks)
                    elif lemma in ENCLOSING_CONTAINERS:
                        self.add_relation(o, "in", s, toks)
                    elif lemma in CONTAINER_NOUNS:
                        self.add_relation(s, "have", o, toks)
                    else:
                        self.add_relation(o, "have", s, toks)
                continue
            pred = " ".join(words)
            if pred == "for":
                continue   # purpose, not a relation between things ("a platform for a monitor")
            if pred == "with":
                # "a table with laptops on it": FACTUAL keeps only (laptop, on, table)
                objs = [k for k in objs if not self.described_by_back_reference(k, s)]
            owners = self.shared_subjects(i, s, toks[0])
            with_owners = owners
            if words in (["on"], ["in"]) and with_objs and with_objs[0][0] < toks[0]:
                with_owners = [h for h in (self.resolve(k) for _, k in with_objs) if h is not None] or owners
            for k in objs:
                p2 = self.clothing_predicate(pred, k)
                if self.is_reciprocal(k):
                    self.relate(owners, p2, k, toks)
                    continue
                for subj in owners if p2 == "wear" else with_owners:
                    if p2 == "wear" and doc[i].dep == "pobj" and doc[doc[i].head].head != i:
                        # "man sitting on carriage in blue jeans": the verb's subject wears them
                        verb = doc[doc[i].head].head
                        if doc[verb].upos == "VERB":
                            subs = [self.resolve(x) for x in self.verb_subjects(verb)[0]]
                            subj = next((x for x in subs if x is not None), subj)
                    self.add_relation(subj, p2, self.resolve(k), toks)
        for k in self.kids_of(i, "poss"):
            if doc[k].tag == "PRP$":
                continue   # "holding a phone to her ear": FACTUAL leaves the pronoun's "have" out
            o = self.resolve(k)
            if o is not None and not any(r.subject == o and r.object == s or r.subject == s and r.object == o
                                         for r in self.relations):
                self.add_relation(o, "have", s, [k])

    def shared_subjects(self, i: int, s: int, prep: int) -> list[int]:
        """"a cat and a dog on a bed": a phrase on the last conjunct belongs to all, also
        when the parser hung it on the first ("mouse and keyboard on a white surface")."""
        doc = self.doc
        t = doc[i]
        conjs = self.kids_of(i, "conj")
        if (conjs and t.dep != "conj" and all(c < prep and doc[c].upos in NOUN_POS for c in conjs)
                and not any(self.kids_with(c, "prep", "conj", "acl", "relcl") for c in conjs)):
            members = [self.resolve(k) for k in self.conj_group(i)]
            return [m for m in members if m is not None] or [s]
        if t.dep != "conj" or self.kids_of(i, "conj") or not self.is_nominal(t.head):
            return [s]
        members = [self.resolve(k) for k in self.conj_group_up(i)]
        return [m for m in members if m is not None] or [s]

    def clothing_predicate(self, pred: str, k: int) -> str:
        """"in"/"with"/"dressed in" a piece of clothing means wearing it."""
        if pred in ("in", "with", "dress in") and (self.low[k] in CLOTHING or noun_lemma(self.low[k]) in CLOTHING):
            return "in" if pred == "in" and noun_lemma(self.low[k]) in IN_GARMENTS else "wear"
        if pred == "with" and noun_lemma(self.low[k]) in HELD_BODY_PARTS and self.doc[k].head != k:
            return "have"      # "a man with his hands in his pockets"
        return pred

    def verb_subjects(self, v: int, seen: frozenset = frozenset()) -> tuple[list[int], bool]:
        """(subject tokens, passive?) of verb v, inherited along conj/xcomp/acl."""
        doc = self.doc
        subj = self.kids_of(v, "nsubj")
        passive = False
        if not subj:
            subj = self.kids_of(v, "nsubjpass")
            passive = bool(subj)
        if not subj:
            # "eggs cooking in pan" / "man holding toddler": the subject was parsed as a
            # compound or noun-phrase adverbial of the verb
            subj = [k for k in self.kids_with(v, "compound", "npadvmod", "amod") if k < v and self.is_nominal(k)
                    and (self.doc[k].dep != "amod" or self.doc[k].upos in NOUN_POS
                         and self.low[k] not in COLOURS and self.low[k] not in ("first", "second", "last")
                         and not is_adjective_only(self.low[k]))]
        out = []
        for s in subj:
            out.extend(self.conj_group(s))
        if out:
            return out, passive
        t = doc[v]
        if v in seen or t.head == v:
            # "there is gravel": expletive subject, the attr noun is the subject
            return [], passive
        if t.dep in ("acl", "relcl"):
            owner = self.wearer(t.head)
            p = doc[owner].head
            if (t.tag == "VBG" and t.dep == "acl" and doc[owner].dep == "pobj" and self.low[p] == "on"
                    and doc[p].head != p and self.is_nominal(doc[p].head)):
                owner = doc[p].head   # "a man on a motorbike carrying bananas": the man carries
            return self.conj_group_up(owner), t.tag == "VBN"
        if t.dep in ("xcomp", "advcl") and self.is_nominal(t.head):
            return self.conj_group_up(t.head), False   # "train driving on the tracks"
        if t.dep in ("conj", "xcomp", "advcl", "ccomp"):
            return self.verb_subjects(t.head, seen | {v})[0], t.tag == "VBN" and t.dep != "xcomp"
        if t.dep == "acomp" and t.upos == "ADJ":
            return self.verb_subjects(t.head, seen | {v})[0], False   # "getting ready to serve the ball"
        return [], passive

    def wearer(self, n: int) -> int:
        """"a girl in a white cardigan using a phone": a clause on the clothing (or on a
        "with" accessory: "boy with red hair sitting") describes the person."""
        doc = self.doc
        first = n
        while doc[first].dep == "conj" and doc[first].head < first and (
                self.low[n] in CLOTHING or noun_lemma(self.low[n]) in CLOTHING):
            first = doc[first].head      # "in red coat and grey pants watching...": from the first garment
        if first != n and self.wearer(first) != first:
            return self.wearer(first)
        p = doc[n].head
        if (doc[n].dep == "pobj" and doc[p].dep == "prep" and self.low[p] in ("in", "with")
                and doc[p].head != p and self.is_nominal(doc[p].head)
                and (self.low[p] == "in" or self.low[n] in CLOTHING or noun_lemma(self.low[n]) in CLOTHING
                     or doc[n].tag in ("NN", "NNS") and self.kids_of(n, "amod"))):
            return doc[p].head
        if doc[n].dep == "dobj" and doc[p].dep in ("acl", "relcl") and verb_lemma(self.low[p]) == "wear":
            return doc[p].head   # "a man wearing a red shirt holding a frisbee": the man holds it
        return n

    def conj_group_up(self, n: int) -> list[int]:
        """The noun n with its coordinated siblings, found from any member."""
        doc = self.doc
        root = n
        while doc[root].dep == "conj" and doc[root].head != root and doc[doc[root].head].upos in NOUN_POS:
            root = doc[root].head
        return self.conj_group(root)

    def verb_relations(self, v: int) -> None:
        doc = self.doc
        t = doc[v]
        lemma = t.lemma.lower() if t.upos == "AUX" else verb_lemma(self.low[v])
        subj_toks, passive = self.verb_subjects(v)
        expl = bool(self.kids_of(v, "expl"))
        if lemma == "be" or expl:
            self.copula(v, subj_toks, expl)
            return
        subjects = [s for s in (self.resolve(k) for k in subj_toks) if s is not None]
        n_before = len(self.relations)
        prts = [k for k in self.kids_of(v, "prt") if not self.kids_of(k, "pobj")]
        base_words = [lemma] + [self.low[k] for k in prts]
        base_toks = [v] + prts
        pred = " ".join(base_words)
        dobjs = []
        for k in self.kids_of(v, "dobj"):
            dobjs.extend(self.conj_group(k))
        tricks = [k for k in dobjs if self.is_trick(k)]
        if tricks:
            self.trick_relations(v, tricks[0], subjects)
            return
        if lemma == "have" and dobjs:
            placed = self.have_on_it(v, dobjs, prts)
            if placed is not None:
                # "the pole has a flag on it", "the man has a tux on": (flag, on, pole)
                word, tok = placed
                for s in subjects:
                    for k in dobjs:
                        self.add_relation(self.resolve(k), word, s, [tok])
                return
        for k in dobjs:
            self.relate(subjects, pred, k, base_toks)
        if not dobjs and not prts and not self.kids_with(v, "prep", "dative", "xcomp", "ccomp") and self.ends_clause(v):
            # object-gap clause: "the plaid shirt the man is wearing", also parsed as two subjects
            nsubjs = self.kids_of(v, "nsubj")
            if t.dep == "relcl" and nsubjs:
                for s in subjects:
                    self.add_relation(s, pred, self.resolve(t.head), base_toks)
            elif len(nsubjs) >= 2:
                for other in [self.resolve(k) for k in nsubjs[1:]]:
                    self.add_relation(other, pred, self.resolve(nsubjs[0]), base_toks)
        agents = []
        for a in self.kids_of(v, "agent"):
            for k in self.kids_of(a, "pobj"):
                agents.extend(self.conj_group(k))
        for k in agents:
            agent = self.resolve(k)
            for s in subjects:
                self.add_relation(agent, lemma, s, base_toks)
        for words, toks, objs in self.head_prep_phrases(v):
            if passive and lemma in AGENT_PREP_VERBS and words in (["in"], ["with"], ["by"]):
                for k in objs:
                    for s in subjects:
                        self.add_relation(self.resolve(k), lemma, s, [v])
                continue
            # with a direct object the prepositional phrase locates the subject
            # ("boys flying a kite on a beach" -> boy on beach); without one it
            # completes the verb ("sitting on a bench" -> sit on)
            if words == ["for"]:
                # purpose, not place: "waiting for the train" -> (person, wait, train);
                # "a platform for a monitor" / "hands out for balance" give no relation
                if dobjs:
                    continue
                words, toks = [], []
            p = " ".join(words if dobjs else [lemma] + words)
            toks_used = toks if dobjs else [v] + toks
            objs, subjects = self.stranded_object(v, objs, subjects)
            holders = subjects
            if dobjs and toks and toks[0] > dobjs[0] and self.locates_object(lemma, p):
                holders = [o for o in (self.resolve(k) for k in dobjs) if o is not None] or subjects
            for k in objs:
                p2 = self.clothing_predicate(p, k)
                # "wearing a red shirt with ties" / "with blue jeans": the wearer wears both
                self.relate(subjects if p2 == "wear" and subjects else holders, p2, k, toks_used)
        if prts and not dobjs:
            # stranded particle: "the sofa the man is sitting on" (relative clause), also
            # parsed as two subjects ("the chair the dogs are sitting on")
            nsubjs = self.kids_of(v, "nsubj")
            if t.dep == "relcl":
                for other in [self.resolve(k) for k in nsubjs]:
                    self.add_relation(other, pred, self.resolve(t.head), base_toks)
            elif len(nsubjs) >= 2 and doc[prts[-1]].tag == "IN" and prts[-1] == len(doc) - 1 - (doc[-1].upos == "PUNCT"):
                for other in [self.resolve(k) for k in nsubjs[1:]]:
                    self.add_relation(other, pred, self.resolve(nsubjs[0]), base_toks)
        made_relation = len(self.relations) > n_before
        if (not made_relation and t.tag == "VBG" and t.dep == "ROOT" and not dobjs
                and not self.kids_with(v, "xcomp", "ccomp", "advcl", "acomp", "oprd")
                and not any(self.is_nominal(k) for k in range(v + 1, len(doc)))):
            # "a man standing", "two people are sitting down": the state is an attribute
            # (not when a noun follows: "holding guitar" mis-parsed is no state)
            span = (v, max(base_toks) + 1)
            for s in subjects:
                self.add_attribute(self.objects[s], *span)
        elif (not made_relation and passive and t.tag == "VBN" and not dobjs and not prts
              and self.low[v] not in PART_ADJECTIVES
              and not self.kids_with(v, "prep", "agent", "xcomp", "ccomp", "advcl", "acomp", "oprd", "dative")):
            # "the toilet lid is closed", "the hills are forested": a state, an attribute in FACTUAL
            for s in subjects:
                self.add_attribute(self.objects[s], v)
        # "a man holding a ball": dobj relation done; "has"/"with" handled by the verb lemma

    def locates_object(self, lemma: str, prep: str) -> bool:
        """Does a place phrase after the direct object of verb `lemma` locate the object?"""
        return (prep in OBJECT_PLACE_PREPS or prep in ("on", "in") and lemma in PLACEMENT_VERBS
                or prep == "with" and lemma == "wear")   # "wearing a shirt with stripes"

    def have_on_it(self, v: int, dobjs: list[int], prts: list[int]) -> Optional[tuple[str, int]]:
        """(preposition, token) of "has Y on it/them" or "has Y on", else None."""
        for p in self.kids_of(v, "prep") + [q for k in dobjs for q in self.kids_of(k, "prep")]:
            if self.low[p] in ("on", "in") and any(
                    self.low[o] in ("it", "them") for o in self.kids_of(p, "pobj")):
                return self.low[p], p
        for k in prts:
            if self.low[k] == "on" and all(k > d for d in dobjs):
                return "on", k
        return None

    def ends_clause(self, v: int) -> bool:
        """Nothing but punctuation after token v (or after its relative clause's end)."""
        return all(t.upos == "PUNCT" for t in self.doc[v + 1:])

    def stranded_object(self, v: int, objs: list[int], subjects: list[int]) -> tuple[list[int], list[int]]:
        """(objects, subjects) of a preposition left without object at the clause end:
        "the sofa the man is sitting on" - the noun the clause describes is the object,
        also when the parser made it a second subject ("the table the plates are on")."""
        if objs:
            return objs, subjects
        t = self.doc[v]
        if t.dep == "relcl":
            return [t.head], subjects
        nsubjs = self.kids_of(v, "nsubj")
        if len(nsubjs) >= 2:
            head = self.resolve(nsubjs[0])
            return [nsubjs[0]], [s for s in subjects if s != head]
        return objs, subjects

    def copula(self, v: int, subj_toks: list[int], expl: bool) -> None:
        doc = self.doc
        attrs = self.kids_of(v, "attr")
        if expl:
            subj_toks = []
            for k in attrs:
                subj_toks.extend(self.conj_group(k))
        subjects = [s for s in (self.resolve(k) for k in subj_toks) if s is not None]
        for a in self.kids_of(v, "acomp"):
            for k in self.conj_group(a):
                if self.low[k] == "full" and any(self.low[p] == "of" for p in self.kids_of(k, "prep")):
                    continue
                if doc[k].upos == "ADJ" and self.low[k] not in POSITIONAL_ADJS:
                    for s in subjects:
                        self.add_attribute(self.objects[s], k)
        if not expl:
            for k in attrs:
                if self.low[k] in ("color", "colour"):
                    # "water is blue color": the colour describes the subject
                    for a in self.kids_with(k, "amod", "compound"):
                        if self.low[a] in COLOURS:
                            for s in subjects:
                                self.add_attribute(self.objects[s], a)
                    continue
                self.resolve(k)  # "this is an urban park": the noun is still an object
        for words, toks, objs in self.head_prep_phrases(v):
            pred = " ".join(words)
            objs, subjs = self.stranded_object(v, objs, subjects)
            for k in objs:
                self.relate(subjs, pred, k, toks)

    def run(self) -> SceneGraph:
        doc = self.doc
        # objects in surface order so indices are stable and readable
        for t in doc:
            if self.is_nominal(t.i):
                self.resolve(t.i)
        for t in doc:
            # "the birds red feathers": a plural noun modifying a later noun is its owner
            if (t.dep == "nmod" and t.tag == "NNS" and t.head > t.i and doc[t.head].upos in NOUN_POS
                    and self.low[t.i] not in PLURAL_COMPOUNDS
                    and all(doc[k].upos == "ADJ" for k in range(t.i + 1, t.head))):
                self.possessors.append((t.i, t.head))
        for owner, part in self.possessors:
            o = self.add_object(owner)
            self.add_relation(o, "have", self.resolve(part), [owner])
        for k, i, mods in self.part_adjectives:
            self.add_part(k, i, mods)
        for v, n in self.pending:
            agent = self.kids_with(v, "npadvmod", "compound")[0]
            self.add_relation(self.resolve(agent), verb_lemma(self.low[v]), self.resolve(n), [v])
        for t in doc:
            if self.is_fragment_noun(t.i):
                continue
            if (t.upos in ("VERB", "AUX") and (t.dep not in ("aux", "auxpass", "amod") or t.head == t.i)
                    or t.upos == "NOUN" and self.is_hidden_gerund(t.i)):
                self.verb_relations(t.i)
            elif t.dep == "ROOT" and t.upos not in NOUN_POS and self.kids_of(t.i, "nsubj"):
                # verbless copula-like roots are rare; treat as verb
                self.verb_relations(t.i)
        for t in doc:
            if self.is_nominal(t.i) or t.upos == "PRON":
                if t.upos == "PRON" and not self.kids_of(t.i, "prep"):
                    continue
                self.noun_relations(t.i)
        for t in doc:
            if t.dep == "advmod" and self.low[t.i] == "side" and side_by_side_at(doc, t.i):
                self.side_by_side(t.i)
        return _without_nameless(SceneGraph(objects=self.objects, relations=self.relations))


def _without_nameless(graph: SceneGraph) -> SceneGraph:
    """Drop objects whose name has no letter (a "." or "10.00" the parser took for a
    noun in product-title captions) and the relations touching them."""
    keep = [k for k, o in enumerate(graph.objects) if _has_letter(o.name)]
    if len(keep) == len(graph.objects):
        return graph
    new_index = {old: new for new, old in enumerate(keep)}
    relations = [replace(r, subject=new_index[r.subject], object=new_index[r.object])
                 for r in graph.relations if r.subject in new_index and r.object in new_index]
    return SceneGraph(objects=[graph.objects[k] for k in keep], relations=relations)


def repair_parse(doc: list[DepToken]) -> list[DepToken]:
    """Re-attach what the small model reliably gets wrong in fragments (heads only;
    tokens and indices are unchanged, so spans stay valid):

    * "trunks with moss on them": a back-pointing "on it/them" attached to the owner
      belongs to the last noun of its "with" phrase."""
    fixed = list(doc)
    low = [t.text.lower() for t in doc]
    kids: list[list[int]] = [[] for _ in doc]
    for t in doc:
        if t.head != t.i:
            kids[t.head].append(t.i)
    for t in doc:
        if t.dep != "prep" or t.head == t.i or doc[t.head].upos not in NOUN_POS:
            continue
        if not any(doc[k].dep == "pobj" and doc[k].text.lower() in ("it", "them") for k in kids[t.i]):
            continue
        withs = [w for w in kids[t.head] if w < t.i and doc[w].dep == "prep" and doc[w].text.lower() == "with"]
        ys = [y for w in withs for y in kids[w] if doc[y].dep == "pobj" and doc[y].upos in NOUN_POS]
        if ys:
            y = ys[-1]
            while any(doc[c].dep == "conj" and c < t.i for c in kids[y]):
                y = max(c for c in kids[y] if doc[c].dep == "conj" and c < t.i)
            fixed[t.i] = t._replace(head=y)
    for t in doc:
        _repair_noun_head(fixed, kids, t)
        _repair_initial_participle(fixed, kids, t)
        _repair_high_conj(fixed, kids, t)
        _repair_appos_object(fixed, kids, t)
        _repair_mistagged_subject(fixed, kids, t)
        _repair_noun_can(fixed, kids, t)
        if (low[t.i] == "stop" and t.upos == "VERB" and t.i + 1 < len(doc)
                and low[t.i + 1] in ("sign", "signs", "light", "lights") and doc[t.i + 1].head == t.i):
            # "girl standing next to stop sign" with stop as a verb taking "sign"
            n = t.i + 1
            fixed[n] = fixed[n]._replace(head=t.head if t.head != t.i else n,
                                         dep="pobj" if t.dep == "pcomp" else t.dep)
            fixed[t.i] = fixed[t.i]._replace(head=n, dep="compound", upos="NOUN", tag="NN")
            for k in kids[t.i]:
                if k != n:
                    fixed[k] = fixed[k]._replace(head=n)
        if low[t.i] in ("bear", "bears") and t.upos != "NOUN" and t.i > 0 and low[t.i - 1] == "teddy":
            # "teddy bears on shelves" with bears as a verb: the noun, teddy its compound
            fixed[t.i] = fixed[t.i]._replace(upos="NOUN", tag="NNS" if low[t.i] == "bears" else "NN")
            fixed[t.i - 1] = fixed[t.i - 1]._replace(head=t.i, dep="compound")
    for t in doc:
        _repair_preposition_root(fixed, kids, t)
        _repair_split_next_to(fixed, kids, t)
        _repair_noun_root_after_object(fixed, kids, t)
        if t.dep == "npadvmod" and t.upos in NOUN_POS and t.head < t.i and t.lemma not in ("lot", "bit", "way") and any(
                doc[k].dep == "prt" and k < t.i for k in kids[t.head]) and doc[t.head].upos == "VERB":
            fixed[t.i] = fixed[t.i]._replace(dep="dobj")    # "skier going down a slope"
        elif (t.dep == "ROOT" and t.tag == "VBG" and low[t.i] in ING_MODIFIERS
              and all(doc[k].upos == "DET" for k in range(t.i))
              and not any(doc[k].dep in ("nsubj", "aux") for k in kids[t.i])):
            _repair_ing_modifier(fixed, kids, t)
    if "side" in low:
        _repair_side_by_side(fixed, kids)
    for t in doc:
        _repair_gap_compound(fixed, kids, t)
        _repair_have(fixed, kids, t)
        _repair_gerund(fixed, kids, t)
        _repair_gerund_object(fixed, kids, t)
        if t.dep == "pobj" and doc[t.head].upos == "VERB" and doc[t.head].tag == "VBG":
            fixed[t.i] = fixed[t.i]._replace(dep="dobj")   # "a taxi following a black car"
        elif (t.upos == "VERB" and t.tag in ("VB", "VBP") and t.dep in ("ccomp", "xcomp") and t.head < t.i
              and doc[t.head].tag == "VBG" and kids[t.i]
              and all(doc[k].dep == "compound" and doc[k].upos in NOUN_POS for k in kids[t.i])
              and not any(doc[k].dep == "dobj" for k in kids[t.head])):
            # "man holding tennis racquet" with racquet/VB as a clause: the object noun
            fixed[t.i] = fixed[t.i]._replace(dep="dobj", upos="NOUN", tag="NN")
    return fixed


def _repair_noun_head(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"a fire hydrant" with hydrant tagged adverb/adjective hanging off "fire": a word
    known only as a noun, right after a noun, is the head of the compound."""
    doc = fixed
    p = t.i - 1
    if (t.upos not in ("ADV", "ADJ") or p < 0 or doc[p].upos not in NOUN_POS
            or t.dep not in ("advmod", "appos", "amod", "npadvmod", "ROOT")
            or t.head > t.i or not is_noun_only(t.text.lower())):
        return
    if doc[p].head == t.i:   # already the noun's head: only the tag is wrong
        head, dep = t.head, t.dep
    else:                    # take over the noun's place in the tree
        head, dep = (doc[p].head, doc[p].dep) if doc[p].head != p else (t.i, "ROOT")
    fixed[t.i] = t._replace(head=head, dep=dep, upos="NOUN", tag="NN")
    fixed[p] = doc[p]._replace(head=t.i, dep="compound")
    for k in kids[p]:
        if k < p and doc[k].dep in ("det", "amod", "compound", "nummod", "poss"):
            fixed[k] = fixed[k]._replace(head=t.i)
    if head == t.i:
        for k in kids[p]:
            if k > t.i:
                fixed[k] = fixed[k]._replace(head=t.i)


def _repair_high_conj(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"man in black shirt and shorts", "a guy holding a drink and a sandwich": a noun
    coordinated with a word before the phrase that ends right before its "and" belongs
    to that phrase's last noun (unless it names a person and that noun does not)."""
    doc = fixed
    x = t.head
    if t.dep != "conj" or t.upos not in NOUN_POS or x >= t.i or doc[x].upos not in NOUN_POS | {"VERB"}:
        return
    cc = t.i - 1
    while cc > x and doc[cc].dep in ("det", "amod", "compound", "nummod", "poss") and doc[cc].head == t.i:
        cc -= 1
    if doc[cc].text.lower() not in ("and", "or", "&"):
        return
    z = cc - 1
    if (z <= x or doc[z].upos not in NOUN_POS or doc[z].dep not in ("pobj", "dobj")
            or doc[doc[z].head].text.lower() == "of"):       # "a loaf of bread and a sandwich"
        return
    a = z
    while a != x and doc[a].head != a:
        a = doc[a].head
    if a != x:
        return
    if t.lemma in PERSON_NOUNS and doc[z].lemma not in PERSON_NOUNS:
        return
    fixed[t.i] = fixed[t.i]._replace(head=z)
    fixed[cc] = fixed[cc]._replace(head=z)


def _repair_appos_object(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"an adult kicking the soccer ball": the noun phrase right after a participle
    without an object, parsed as an apposition of the participle's noun, is its object."""
    doc = fixed
    if t.dep != "appos" or t.upos not in NOUN_POS or t.head >= t.i:
        return
    start = min([t.i] + [k for k in kids[t.i] if k < t.i and doc[k].dep in ("det", "amod", "compound", "nummod", "poss")])
    v = start - 1
    if (v <= t.head or doc[v].upos != "VERB" or doc[v].tag not in ("VBG", "VBN") or doc[v].head != t.head
            or any(doc[k].dep in ("dobj", "prep", "prt") for k in kids[v])):
        return
    fixed[t.i] = fixed[t.i]._replace(head=v, dep="dobj")


def _repair_mistagged_subject(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """Caption-initial nouns the small model tags as something else: "tall lamppost
    sitting on the platform" (lamppost/RB), "a surfboard hanging on the wall"
    (surfboard/JJ modifying "hanging"), "giraffe standing in green grass" (standing/NNP
    with giraffe as its compound)."""
    if t.upos not in ("ADV", "ADJ", "ADP", "X") and t.dep != "ROOT":
        return
    doc = fixed
    lw = t.text.lower()
    if t.upos not in NOUN_POS and t.upos in ("ADV", "ADJ", "ADP", "X") and is_noun_only(lw):
        if t.dep == "ROOT" and any(doc[k].dep in ("acl", "relcl", "prep", "amod", "det") for k in kids[t.i]):
            fixed[t.i] = fixed[t.i]._replace(upos="NOUN", tag="NN")
        elif (t.dep == "amod" and t.head == t.i + 1 and doc[t.head].upos == "VERB" and doc[t.head].tag == "VBG"
              and doc[t.head].dep == "ROOT" and all(doc[k].upos in ("DET", "ADJ") for k in range(t.i))):
            v = t.head
            fixed[t.i] = fixed[t.i]._replace(upos="NOUN", tag="NN", head=t.i, dep="ROOT")
            fixed[v] = fixed[v]._replace(head=t.i, dep="acl")
            for k in kids[v]:
                if k < t.i or doc[k].dep == "punct":
                    fixed[k] = fixed[k]._replace(head=t.i)
    elif (t.dep == "ROOT" and t.upos in NOUN_POS and lw.endswith("ing") and lw not in ING_NOUNS
          and verb_lemma(lw) != lw and t.i > 0 and doc[t.i - 1].dep == "compound" and doc[t.i - 1].head == t.i
          and doc[t.i - 1].upos in NOUN_POS):
        n = t.i - 1
        fixed[n] = fixed[n]._replace(head=n, dep="ROOT", upos="NOUN", tag="NN" if doc[n].tag == "NNP" else doc[n].tag)
        fixed[t.i] = fixed[t.i]._replace(head=n, dep="acl", upos="VERB", tag="VBG")
        for k in kids[t.i]:
            if k < n or doc[k].dep == "punct":
                fixed[k] = fixed[k]._replace(head=n)


def _repair_noun_can(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"trash can next to the bench", "the garbage can is full": "can" after a noun and
    not before a verb is the noun's head, not a modal."""
    if t.tag != "MD":
        return
    doc = fixed
    n = t.i - 1
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if (t.text.lower() not in ("can", "cans") or n < 0 or doc[n].upos not in NOUN_POS
            or nxt is not None and (nxt.tag == "VB" or nxt.upos == "ADV" and nxt.text.lower() not in PREP_HEADS
                                    or nxt.upos == "PART")):
        return
    if doc[n].head == n:
        head, dep = t.i, "ROOT"
    elif doc[n].head == t.i:             # the noun hung on the modal: take the modal's place
        head, dep = (t.head, doc[n].dep) if t.head != t.i else (t.i, "ROOT")
    else:
        head, dep = doc[n].head, doc[n].dep
    fixed[t.i] = t._replace(upos="NOUN", tag="NNS" if t.text.lower() == "cans" else "NN", lemma="can",
                            head=head, dep=dep)
    fixed[n] = fixed[n]._replace(head=t.i, dep="compound")
    for k in kids[n]:
        if k < n:
            fixed[k] = fixed[k]._replace(head=t.i)


def _repair_preposition_root(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"a garbage can in a yard" parsed with "in" as the root and the noun as its
    subject: the noun heads the caption, the preposition hangs on it."""
    doc = fixed
    if (t.dep != "ROOT" or t.upos != "ADP" or not any(doc[k].dep == "pobj" for k in kids[t.i])
            or any(doc[k].dep in ("xcomp", "ccomp", "advcl") for k in kids[t.i])):
        return                           # "a man about to hit the ball" is a clause
    subjects = [k for k in range(t.i) if doc[k].head == t.i and doc[k].dep in ("nsubj", "nsubjpass")
                and doc[k].upos in NOUN_POS]
    if len(subjects) != 1:
        return
    n = subjects[0]
    fixed[n] = fixed[n]._replace(head=n, dep="ROOT")
    fixed[t.i] = fixed[t.i]._replace(head=n, dep="prep")
    for k in kids[t.i]:
        if k < n:
            fixed[k] = fixed[k]._replace(head=n)


def _has_letter(name: str) -> bool:
    for c in name:
        if c.isalpha():
            return True
    return False


def side_by_side_at(doc: list[DepToken], i: int) -> bool:
    return (i + 2 < len(doc) and doc[i].text.lower() == "side" and doc[i + 1].text.lower() == "by"
            and doc[i + 2].text.lower() == "side")


def _repair_side_by_side(fixed: list[DepToken], kids: list[list[int]]) -> None:
    """"two pillows side by side", "giraffes standing side by side": the phrase is an
    adverb of its noun or verb (the builder relates the things side by side), never
    objects named "side"."""
    doc = fixed
    for i in range(len(doc)):
        if not side_by_side_at(doc, i):
            continue
        phrase = (i, i + 1, i + 2)
        anchor = doc[i].head
        if anchor in phrase:
            subjects = [k for k in kids[i] if k < i and doc[k].upos in NOUN_POS
                        and doc[k].dep in ("nsubj", "npadvmod", "compound")]
            if not subjects:
                continue
            anchor = subjects[-1]
            fixed[anchor] = fixed[anchor]._replace(head=anchor, dep="ROOT")
        for p in phrase:
            for k in kids[p]:
                if k not in phrase and k != anchor:
                    fixed[k] = fixed[k]._replace(head=anchor)
        fixed[i] = fixed[i]._replace(head=anchor, dep="advmod", upos="ADV", tag="RB")
        fixed[i + 1] = fixed[i + 1]._replace(head=i, dep="dep", upos="ADV", tag="RB")
        fixed[i + 2] = fixed[i + 2]._replace(head=i, dep="dep", upos="ADV", tag="RB")


def _repair_split_next_to(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"fence is next to cow" with "to" taken for an infinitive marker and "cow" for a
    clause: to is the preposition of "next", cow its object."""
    doc = fixed
    if t.text.lower() not in ("next", "close") or t.i + 2 >= len(doc) or doc[t.i + 1].text.lower() != "to":
        return
    to = t.i + 1
    if doc[to].dep != "aux":
        return
    n = doc[to].head
    if n <= to or doc[n].upos not in NOUN_POS or doc[n].dep not in ("xcomp", "advcl", "ccomp", "dobj"):
        return
    fixed[to] = fixed[to]._replace(head=t.i, dep="prep", upos="ADP", tag="IN")
    fixed[n] = fixed[n]._replace(head=to, dep="pobj")


def _repair_noun_root_after_object(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"cat sitting in bathroom sink" parsed as "cat ... sink" with sink as the root and
    bathroom as the preposition's object: sink is the object, bathroom its compound."""
    doc = fixed
    p = t.i - 1
    if (t.dep != "ROOT" or t.upos not in NOUN_POS or p < 1 or doc[p].dep != "pobj" or doc[p].upos not in NOUN_POS
            or t.text.lower().endswith("ing") or t.text.lower() in BARE_DIRECTIONS):
        return
    subjects = [k for k in kids[t.i] if doc[k].dep == "nsubj" and k < p and doc[k].upos in NOUN_POS]
    if len(subjects) != 1:
        return
    s, a = subjects[0], doc[p].head
    while a != s and doc[a].head != a:
        a = doc[a].head
    if a != s:
        return
    fixed[s] = fixed[s]._replace(head=s, dep="ROOT")
    fixed[t.i] = fixed[t.i]._replace(head=doc[p].head, dep="pobj")
    fixed[p] = fixed[p]._replace(head=t.i, dep="compound")
    for k in kids[p]:
        if k < p:
            fixed[k] = fixed[k]._replace(head=t.i)


def _repair_ing_modifier(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"folding chair on the ground" parsed as a gerund taking "chair" as its object: the
    "-ing" word names the kind of chair, the chair heads the caption."""
    doc = fixed
    objs = [k for k in kids[t.i] if doc[k].dep == "dobj" and doc[k].upos in NOUN_POS]
    if not objs or any(doc[k].head != objs[0] for k in range(t.i + 1, objs[0])):
        return
    n = objs[0]
    fixed[n] = fixed[n]._replace(head=n, dep="ROOT")
    fixed[t.i] = fixed[t.i]._replace(head=n, dep="compound", upos="NOUN", tag="NN")
    for k in kids[t.i]:
        if k != n:
            fixed[k] = fixed[k]._replace(head=n)


def _repair_initial_participle(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"parked black car beside a building": a caption-initial participle parsed as the
    root verb with the noun as its object describes the noun, which heads the caption."""
    doc = fixed
    if (t.dep != "ROOT" or t.tag not in ("VBD", "VBN") or t.text.lower() in ("had", "did")
            or any(doc[k].upos != "DET" for k in range(t.i))
            or any(doc[k].dep in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for k in kids[t.i])):
        return
    dobjs = [k for k in kids[t.i] if doc[k].dep == "dobj"]
    if len(dobjs) != 1 or doc[dobjs[0]].upos not in NOUN_POS:
        return
    n = dobjs[0]
    if any(doc[k].head not in range(t.i + 1, n + 1) for k in range(t.i + 1, n)):
        return   # only the noun's own modifiers between participle and noun
    fixed[n] = fixed[n]._replace(head=n, dep="ROOT")
    fixed[t.i] = fixed[t.i]._replace(head=n, dep="amod", upos="ADJ")
    for k in kids[t.i]:
        if k != n and doc[k].dep not in ("prt", "advmod", "npadvmod"):
            fixed[k] = fixed[k]._replace(head=n)


def _repair_gap_compound(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"black jacket man is wearing": a caption ending in a transitive verb without object
    whose subject has a compound in front - the compound is the missing object (of the
    stranded preposition in "table fruit is on")."""
    doc = fixed
    if t.dep != "ROOT" or t.upos not in ("VERB", "AUX"):
        return
    # "table fruit is on", "stool man is sitting on": a stranded preposition ends the caption
    stranded = [k for k in kids[t.i] if doc[k].dep == "prep" and not kids[k]
                and all(x.upos == "PUNCT" for x in doc[k + 1:])]
    if stranded:
        if any(doc[k].dep in ("dobj", "attr", "acomp") for k in kids[t.i]):
            return
    elif (t.upos != "VERB" or any(doc[k].dep in ("dobj", "prep", "prt", "xcomp", "ccomp") for k in kids[t.i])
            or not all(x.upos == "PUNCT" for x in doc[t.i + 1:])):
        return
    subj = [k for k in kids[t.i] if doc[k].dep == "nsubj" and doc[k].upos in NOUN_POS]
    if len(subj) != 1:
        return
    comps = [k for k in kids[subj[0]] if doc[k].dep == "compound" and doc[k].upos in NOUN_POS and k < subj[0]]
    if comps and not any(doc[k].dep == "det" and k < comps[0] for k in kids[subj[0]]):
        c = comps[-1]
        fixed[c] = fixed[c]._replace(head=stranded[0], dep="pobj") if stranded else fixed[c]._replace(head=t.i, dep="nsubj")
        for k in comps[:-1]:
            fixed[k] = fixed[k]._replace(head=c)
        for k in kids[subj[0]]:
            if k < c and doc[k].dep in ("amod", "det", "nummod"):
                fixed[k] = fixed[k]._replace(head=c)


def _repair_gerund(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """Gerunds the small model buries in a noun phrase: "the man is eating salad" (eating
    as aux of the root "salad"), "little zebra eating grass" (eating as amod of "grass")."""
    doc = fixed
    h = t.head
    if t.tag != "VBG" or h <= t.i or doc[h].upos not in NOUN_POS or t.text.lower() in ING_NOUNS:
        return
    if t.dep == "aux" and doc[h].dep == "ROOT":
        subjects = [k for k in kids[h] + kids[t.i] if doc[k].dep == "nsubj" and k < t.i]
        if not subjects:
            return
        fixed[t.i] = fixed[t.i]._replace(head=t.i, dep="ROOT", upos="VERB")
        for k in kids[h]:
            if k < t.i and doc[k].dep in ("nsubj", "aux"):
                fixed[k] = fixed[k]._replace(head=t.i)
        fixed[h] = fixed[h]._replace(head=t.i, dep="dobj")
    elif (t.dep == "amod" and t.i > 0 and doc[t.i - 1].upos in NOUN_POS
          and all(doc[k].dep == "compound" or doc[k].dep == "amod" and doc[k].upos == "ADJ" for k in range(t.i + 1, h))
          and doc[h].dep in ("appos", "ROOT", "dobj", "conj")
          and (doc[h].head == t.i - 1 or doc[h].dep == "ROOT" or doc[t.i - 1].head == t.i)
          and not any(doc[k].dep == "det" for k in kids[h])):
        n = t.i - 1
        fixed[t.i] = fixed[t.i]._replace(head=n, dep="acl", upos="VERB")
        fixed[h] = fixed[h]._replace(head=t.i, dep="dobj")
        if doc[h].dep == "ROOT":
            fixed[n] = fixed[n]._replace(head=n, dep="ROOT")


def _repair_gerund_object(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"girl in long dress standing between men" / "a man on a beach playing frisbee": a
    gerund taken for (a modifier of) the preposition's object, with the real object as a
    compound - the noun is the object, the gerund its clause (with its own object)."""
    if t.dep not in ("amod", "pobj"):
        return
    doc = fixed
    lw = t.text.lower()
    c = t.i - 1
    if (t.dep == "amod" and t.tag == "VBG" and lw not in ING_NOUNS and c >= 0 and doc[c].head in (t.head, t.i)
            and doc[c].dep == "compound" and doc[c].upos in NOUN_POS and doc[t.head].dep == "pobj"
            and t.head > t.i):
        # "a man on a beach playing frisbee": beach is the place, playing takes frisbee
        n = t.head
        fixed[c] = fixed[c]._replace(head=doc[n].head, dep="pobj")
        fixed[t.i] = fixed[t.i]._replace(head=c, dep="acl", upos="VERB")
        fixed[n] = fixed[n]._replace(head=t.i, dep="dobj")
        for k in kids[n]:
            if k < c:
                fixed[k] = fixed[k]._replace(head=c)
        return
    if (t.dep != "pobj" or not lw.endswith("ing") or lw in ING_NOUNS or verb_lemma(lw) == lw
            or c < 0 or doc[c].head != t.i or doc[c].dep != "compound" or doc[c].upos not in NOUN_POS):
        return
    fixed[c] = fixed[c]._replace(head=t.head, dep="pobj")
    fixed[t.i] = fixed[t.i]._replace(head=c, dep="acl", upos="VERB", tag="VBG")
    for k in kids[t.i]:
        if k < c:
            fixed[k] = fixed[k]._replace(head=c)


def _repair_have(fixed: list[DepToken], kids: list[list[int]], t: DepToken) -> None:
    """"girl has pink shirt" parsed as has/aux of the root noun "shirt", and "elephant
    has mouth opened" as has/aux of "opened": "has" is the verb, the noun its object."""
    doc = fixed
    h = t.head
    if (t.dep == "aux" and t.text.lower() in ("has", "have", "had") and doc[h].dep == "amod"
            and doc[doc[h].head].dep == "ROOT" and doc[doc[h].head].upos in NOUN_POS and h > t.i):
        h = doc[h].head                  # "girl has pink shirt" with has hung on "pink"
    if t.dep != "aux" or t.text.lower() not in ("has", "have", "had") or doc[h].dep != "ROOT":
        return
    if doc[h].upos in NOUN_POS:
        obj, rest = h, None
    elif (doc[h].text.lower() in COLOURS and doc[h].upos == "VERB"
          or doc[h].upos == "ADJ" and any(doc[k].dep == "dobj" for k in kids[h])):
        # "cat has orange tail" with orange/VBN as the root verb and tail its object,
        # "field has light green grasses" with light/JJ as the root
        # "cat has orange tail" with orange/VBN as the root verb and tail its object
        objs = [k for k in kids[h] if doc[k].dep == "dobj" and doc[k].upos in NOUN_POS and k > h]
        subjects = [k for k in kids[h] + kids[t.i] if doc[k].dep == "nsubj" and k < t.i]
        if not objs or not subjects:
            return
        fixed[t.i] = t._replace(head=t.i, dep="ROOT", upos="VERB")
        for k in kids[h]:
            fixed[k] = fixed[k]._replace(head=t.i)
        fixed[h] = fixed[h]._replace(head=objs[0], dep="amod", upos="ADJ", tag="JJ")
        return
    elif doc[h].tag == "VBN":
        late = [k for k in kids[h] if doc[k].dep == "nsubj" and t.i < k < h and doc[k].upos in NOUN_POS]
        if not late:
            return
        obj, rest = late[0], h
    else:
        return
    subjects = [k for k in kids[h] + kids[t.i] if doc[k].dep == "nsubj" and k < t.i]
    if not subjects:
        return
    fixed[t.i] = t._replace(head=t.i, dep="ROOT", upos="VERB")
    for k in subjects:
        fixed[k] = fixed[k]._replace(head=t.i)
    fixed[obj] = fixed[obj]._replace(head=t.i, dep="dobj")
    if rest is not None:
        fixed[rest] = fixed[rest]._replace(head=obj, dep="acl")


def build_graph(doc: list[DepToken], compound_names: Optional[dict] = None) -> SceneGraph:
    """Scene graph of one parsed caption (see module docstring).  ``compound_names``
    replaces the learned compound naming table ({} switches it off)."""
    return _Builder(repair_parse(doc), compound_names).run()
