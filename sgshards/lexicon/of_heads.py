"""Head nouns of "X of Y" by what the phrase means, so the graph reads each class its own way
instead of as possession ("walls of glass" is not "glass with walls", "a statue of a person" is
not "a person with a statue").  The classes, and what objects.py and prepositions.py make of them:

- parts (``PART_NOUNS``, ``words.BODY_PARTS``) and a person's belongings: possession, (Y, have,
  X) ("the leg of the man", "the roof of the house", "the hat of the boy");
- containers (``words.CONTAINER_NOUNS`` ...): the container holds Y ("a bowl of soup");
- quantities and portions (``words.COLLECTIVE_NOUNS``): Y is the object, X its quantity
  ("a slice of pizza" -> pizza, quantity "slice of");
- kinds (``words.JUNK_BEFORE_OF``): Y is the object ("a kind of bird");
- the picture itself (``IMAGE_HEADS``): Y is the object when X heads the caption ("a photo of a
  dog" describes the image); as an argument X is a representation ("holding a photo of her son");
- representations (``REPRESENTATION_HEADS``): X is its own object that shows Y ("a painting of a
  horse" -> (horse, in, painting); "a statue of a man" -> (statue, depict, man));
- materials (``OF_MATERIALS`` as a bare Y): an attribute of X ("walls of glass" -> wall, glass);
- abstract heads (``ABSTRACT_HEADS``): no object ("the importance of social media" -> social media);
- any other head: X is an object, with no relation to Y ("the premiere of the film", "the
  president of the club", "the city of Paris", "the interior of the station", "a sea of clouds").
"""
from __future__ import annotations

from typing import Final

from .lemmas import noun_lemma

# Media words that, heading a caption, name the image itself: "a photo of a dog" shows a dog
# (with the kinds of words.JUNK_BEFORE_OF, which are looked through wherever they stand).
IMAGE_HEADS: Final = frozenset({
    "image", "photo", "picture", "photograph", "illustration", "render", "rendering", "footage", "video",
    "clip", "vector", "screenshot", "pic", "snapshot", "selfie", "foto", "lapse", "timelapse", "exposure",
    "animation", "aerial", "still", "silhouette",
})
# Things that show something: their own object, related to what they show.  Flat pictures hold
# what they show ("a horse in a painting": FACTUAL's usual reading, "in" written twice as often
# as "depict" on the tuning rows); other representations depict it ("a statue depicting a man",
# never "a man with a statue").
REPRESENTATION_HEADS: Final = {
    **{w: "in" for w in (
        "painting", "drawing", "sketch", "portrait", "mural", "fresco", "watercolor", "watercolour",
        "cartoon", "caricature", "doodle", "engraving", "etching", "print", "poster", "postcard",
        "photo", "picture", "photograph", "image", "illustration", "render", "rendering", "snapshot", "pic",
        "selfie", "foto", "video", "footage", "clip", "animation", "screenshot", "collage", "tapestry",
        "mosaic", "pattern", "artwork", "canvas", "lithograph", "woodcut", "still", "vector", "graphic",
        "billboard",
    )},
    **{w: "depict" for w in (
        "statue", "statuette", "sculpture", "figurine", "figure", "bust", "model", "replica", "miniature",
        "effigy", "relief", "carving", "monument", "map", "diagram", "chart", "plan", "blueprint",
        "icon", "tattoo", "sticker", "decal", "stamp", "coin", "medal", "doll",
        "cutout", "mannequin", "hologram", "projection", "impression", "depiction", "representation",
        "infographic", "silhouette",
    )},
}
# Abstract heads: with an "of" phrase they name no object ("the importance of social media",
# "the concept of love", "the beauty of a sunset").
ABSTRACT_HEADS: Final = frozenset({
    "importance", "concept", "idea", "absence", "presence", "lack", "meaning", "benefit", "effect",
    "evidence", "source", "theme", "spirit", "essence", "beauty", "power", "history", "story", "tale",
    "legend", "future", "past", "love", "sense", "use", "state", "quality", "nature", "value", "role",
    "purpose", "result", "cause", "impact", "influence", "process", "principle", "law", "rule", "study",
    "science", "art", "memory", "dream", "vision", "fear", "joy", "feeling", "emotion", "smell", "sound",
    "taste", "size", "shape", "length", "width", "height", "depth", "weight", "level", "degree", "rate",
    "percentage", "percent", "proportion", "ratio", "share", "moment", "period", "era", "age", "start",
    "beginning", "rest", "remainder", "quarter", "inning", "round", "majority", "minority",
    "style", "look", "feel", "texture", "color", "colour", "hue", "tone", "list", "overview",
    "description", "definition", "lesson", "secret", "mystery", "wonder", "celebration", "honor",
    "honour", "tribute", "glory", "magic", "pleasure", "thrill", "challenge", "danger", "risk", "threat",
    "chance", "opportunity", "need", "choice", "option", "freedom", "peace", "harmony", "balance",
    "contrast", "combination", "composition", "element", "aspect", "feature", "detail", "notion",
    "thought", "theory", "question", "answer", "problem", "subject", "topic", "focus", "point", "soul",
    "mind", "life", "world", "realm", "kingdom", "universe", "language", "voice", "cry", "call",
    "message", "warning", "promise", "gift", "courtesy", "credit", "property", "creation", "product",
    "version",
})
# Parts: "X of Y" is possession, (Y, have, X), only when X is a part of things like Y (besides
# words.BODY_PARTS) or a belonging of a person or animal ("the car of the man", see
# BELONGING_CATEGORIES).  Any other head relates to Y in a way "Y with X" would misstate: events
# ("the premiere of the film"), roles ("the president of the club"), places named after Y ("the
# city of Paris"), sides ("the interior of the station"), stuff ("a puddle of water", "a sea of
# clouds"): those get no relation.  On FACTUAL's tuning rows, "of" heads outside this list and the
# containers were possessions 101 times in 484 (21%).
PART_NOUNS: Final = frozenset({
    # people and animals, beyond words.BODY_PARTS
    "wrist", "thumb", "forehead", "cheek", "chin", "jaw", "tongue", "skin", "chest", "waist", "hip", "elbow",
    "ankle", "heel", "thigh", "torso", "spine", "rib", "muscle", "bone", "skull", "antler", "fin", "gill",
    "scale", "shell", "plumage", "crest", "whisker", "stripe", "pouch", "udder", "muzzle",
    "backside", "rump", "flank", "hump", "underside", "nail", "fingernail", "toenail", "eyebrow", "eyelash",
    "beard", "mustache", "moustache", "pupil", "iris", "palm", "fist", "stomach", "shadow",
    # buildings and places
    "roof", "wall", "window", "door", "doorway", "entrance", "entryway", "exit", "gate", "porch", "patio",
    "balcony", "terrace", "veranda", "deck", "facade", "tower", "spire", "steeple", "dome", "cupola",
    "chimney", "floor", "ceiling", "stair", "stairs", "staircase", "stairway", "step", "railing", "rail",
    "column", "pillar", "arch", "beam", "rafter", "eave", "gutter", "awning", "canopy", "shutter", "pane",
    "sill", "ledge", "frame", "foundation", "basement", "attic", "yard", "garden", "lawn", "courtyard",
    "driveway", "garage", "room", "kitchen", "bathroom", "bedroom", "hallway", "corridor", "lobby", "hall",
    "skyline", "light", "lights", "sidewalk", "pavement", "tile", "fence", "gable", "turret", "clock",
    # vehicles
    "wheel", "tire", "tyre", "rim", "hubcap", "engine", "hood", "bonnet", "bumper", "headlight", "taillight",
    "windshield", "windscreen", "wiper", "mirror", "seat", "dashboard", "cab", "cabin", "cockpit",
    "fuselage", "propeller", "rotor", "hull", "stern", "mast", "sail", "keel", "oar", "rudder", "anchor",
    "pedal", "handlebar", "handlebars", "saddle", "spoke", "fender", "exhaust", "grille", "axle",
    "car", "carriage", "caboose", "bow", "plate", "license", "trailer", "basket", "bed", "track", "tracks",
    "compartment", "pipe", "rope", "freezer", "burner", "curtain", "support", "hole", "roofing", "carpet",
    # furniture, devices and other things
    "drawer", "cushion", "handle", "knob", "lid", "cap", "base", "bottom", "blade", "tip",
    "screen", "keyboard", "key", "button", "cord", "cable", "plug", "switch", "dial", "strap", "buckle",
    "zipper", "pocket", "sleeve", "collar", "cuff", "hem", "sole", "brim", "label", "lens", "shade",
    "bulb", "wick", "flame", "spout", "stem", "neck", "string", "strings", "bristle", "headboard",
    "mattress", "panel", "page", "cover", "spine", "binding", "hinge", "lock", "latch", "faucet", "tap",
    "nozzle", "wire", "antenna", "pole", "post", "hand", "face", "numeral", "needle", "pendulum", "top",
    "leg", "arm", "back", "shaft", "grip", "head", "net", "hoop", "backboard",
    # plants, food and landscape
    "leaf", "branch", "twig", "trunk", "root", "bark", "petal", "bud", "blossom", "flower", "fruit", "seed",
    "cone", "thorn", "vine", "foliage", "crust", "peel", "rind", "core", "pit", "yolk", "icing", "frosting",
    "topping", "filling", "crumb", "shore", "shoreline", "bank", "peak", "summit", "slope", "ridge", "cliff",
    "water", "wave", "waves", "sand", "grass", "ground", "mouth", "rapids", "rapid", "building", "road",
    "street", "cloud", "clouds", "dirt", "loin", "shaving", "corner",
})
# Object categories (augment.vocab) whose members a person or animal can own: "the hat of the man",
# "the bike of a boy" -> (man, have, hat), (boy, have, bike).
BELONGING_CATEGORIES: Final = frozenset({"clothing", "vehicle", "item", "device", "instrument", "building",
                                         "furniture", "tableware"})
# Categories of things no other thing owns: "a sea of clouds", "the city of Paris", "the sun of the
# desert" relate no part to a whole.
UNOWNED_CATEGORIES: Final = frozenset({"people", "landscape", "sky_object", "settlement", "place", "profession",
                                       "mammal", "bird", "sea_animal", "insect", "reptile"})
# Gear a person holds or uses, besides those categories and words.CLOTHING ("the racket of the woman").
GEAR: Final = frozenset({"racket", "racquet", "bat", "ski", "skis", "mitt", "paddle", "leash", "wallet",
                         "ring", "jewelry", "jewellery", "phone", "board", "snowboard", "sled", "cart", "toy"})
# Bare materials after "of" describe the head ("walls of glass", "a statue of bronze", "a pane of
# glass": FACTUAL writes (pane, is, glass)).  Soft stuff that things are heaps or patches of
# ("a circle of dirt", "a pad of paper", "a band of fur") is left out: FACTUAL names those by the stuff.
OF_MATERIALS: Final = frozenset({
    "glass", "wood", "stone", "brick", "metal", "steel", "iron", "concrete", "cement", "marble", "granite",
    "bronze", "gold", "silver", "copper", "brass", "tin", "aluminum", "aluminium", "titanium", "chrome",
    "crystal", "plastic", "ceramic", "porcelain", "clay", "wax", "ivory", "jade", "oak", "pine", "timber",
    "bamboo", "slate", "sandstone", "limestone", "leather", "lace", "silk", "velvet", "denim", "wicker",
    "rattan", "fiberglass", "resin", "mesh", "tile",
})


# Quantity heads after which the verb agrees with what is counted ("a lot of books are", "a number
# of people were"); after any other head it agrees with the head ("slices of pizza are", "a pile
# of books is").
AGREE_WITH_COUNTED: Final = frozenset({
    "lot", "lots", "number", "couple", "plenty", "majority", "few", "bunch", "dozens", "hundreds",
    "thousands", "millions", "variety", "range", "kind", "kinds", "sort", "sorts", "type", "types", "all",
    "some", "most", "half", "rest", "bit", "little",
})


def quantity_is_plural(quantity: str, counted_plural: bool) -> bool:
    """Number for agreement of a noun phrase "<quantity> <counted>": "slices of" plural, "a pile
    of" singular, "a lot of" and bare counts ("two") as what they count."""
    words = quantity.lower().split()
    if len(words) < 2 or words[-1] != "of" or words[-2] in AGREE_WITH_COUNTED:
        return counted_plural
    head = words[-2]
    return head.endswith("s") and not head.endswith("ss") and noun_lemma(head) != head
