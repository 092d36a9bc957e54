"""Head nouns of "X of Y" by what the phrase means, so the graph reads each class its own way
instead of as possession ("walls of glass" is not "glass with walls", "a statue of a person" is
not "a person with a statue").  The classes, and what objects.py and prepositions.py make of them:

- parts and everything not listed: possession, (Y, have, X) ("the leg of the man");
- containers (``words.CONTAINER_NOUNS`` ...): the container holds Y ("a bowl of soup");
- quantities and portions (``words.COLLECTIVE_NOUNS``): Y is the object, X its quantity
  ("a slice of pizza" -> pizza, quantity "slice of");
- kinds (``words.JUNK_BEFORE_OF``): Y is the object ("a kind of bird");
- the picture itself (``IMAGE_HEADS``): Y is the object when X heads the caption ("a photo of a
  dog" describes the image); as an argument X is a representation ("holding a photo of her son");
- representations (``REPRESENTATION_HEADS``): X is its own object that shows Y ("a painting of a
  horse" -> (horse, in, painting); "a statue of a man" -> (statue, depict, man));
- materials (``words.MATERIALS`` as a bare Y): an attribute of X ("walls of glass" -> wall, glass);
- abstract heads (``ABSTRACT_HEADS``): no object ("the importance of social media" -> social media);
- events, roles, places named after Y and regions (``UNRELATED_HEADS``, ``words.REGION_NOUNS``): X
  is an object but not Y's ("the premiere of the film", "the president of the club", "the city
  of Paris", "the interior of the station").
"""
from __future__ import annotations

from typing import Final

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
        "logo", "emblem", "icon", "tattoo", "sticker", "decal", "stamp", "coin", "medal", "toy", "doll",
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
# Heads related to Y but not owned by it: events ("the premiere of the film"), roles and people
# ("the president of the club", "fans of the team"), places named after or belonging to a name
# ("the city of Paris", "the church of St Mary"), and sides of a thing ("the interior of the
# station"): X stays an object, with no relation to Y.
UNRELATED_HEADS: Final = frozenset({
    # events
    "premiere", "launch", "screening", "ceremony", "festival", "wedding", "anniversary",
    "tour", "performance", "presentation", "production", "construction", "restoration", "installation",
    "lighting", "discovery", "arrival", "departure", "rise", "fall", "death", "birth", "reign", "visit",
    "match", "final", "semifinal", "race", "exhibition", "exhibit", "show", "concert", "party", "parade",
    "protest", "rally", "meeting", "conference", "event", "episode", "chapter", "night",
    "morning", "evening", "afternoon", "week", "month", "unveiling", "demolition", "funeral",
    "memorial", "dedication", "signing", "release", "issue",
    # roles and people
    "member", "president", "mayor", "king", "queen", "prince", "princess", "duke", "duchess",
    "emperor", "founder", "owner", "friend", "mother", "father", "son", "daughter", "wife", "husband",
    "brother", "sister", "child", "parent", "grandmother", "grandfather", "teacher", "student",
    "fan", "player", "winner", "star", "artist", "singer", "captain", "leader", "director",
    "chairman", "ceo", "minister", "governor", "secretary", "chief", "coach", "manager", "editor",
    "author", "creator", "designer", "hero", "champion", "citizen", "resident", "supporter", "lover",
    "guest", "host", "employee", "staff", "crew", "army", "people", "person", "man", "woman", "boy",
    "girl", "guard", "soldier", "officer", "saint", "lord", "lady", "god", "goddess", "angel", "master", "pupil", "graduate", "alumnus", "class", "photographer", "painter", "sculptor",
    "architect", "builder", "maker", "seller", "vendor", "victim",
    # places and institutions named after or belonging to a name
    "city", "town", "village", "island", "isle", "county", "province", "region", "district", "country",
    "nation", "republic", "empire", "capital", "port", "harbour", "harbor", "university", "college",
    "institute", "academy", "museum", "gallery", "church", "cathedral", "chapel", "temple",
    "abbey", "monastery", "mosque", "shrine", "tomb", "grave", "department", "ministry", "office",
    "library", "cemetery", "site", "ruin", "place", "location", "setting", "landscape", "panorama",
    "backdrop", "name", "word", "sign", "symbol", "outline",
    # sides of a thing
    "interior", "exterior", "inside", "outside", "surface", "outskirts", "centre",
    "center", "heart", "core", "angle",
})
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
