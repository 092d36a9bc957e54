"""Word tables of the graph rules and the vocabularies, in one place.

Each table says what its words are for; a word may sit in several tables (``top`` is a
preposition noun, a region and a garment).  Where two stages need different members of what
looks like one table, they get two tables named by use: ``PERSON_REFERENTS`` (who a pronoun
can refer to, in the graph rules) and ``SKIN_BEARING_NOUNS`` (what a colour attribute may not be
moved onto, in the negatives).
"""
from __future__ import annotations

from typing import Final

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
    # portions and amounts FACTUAL looks through too ("a bit of food" -> food: 8 of 8 tuning rows)
    "bit", "portion", "loaf", "wedge", "sliver", "heap", "stream", "puff", "spray",
    "swarm", "drop", "cube", "plume", "sprig", "dollop", "dash", "touch", "hint", "pop",
    "hundred", "thousand", "million", "ton", "load", "mix", "mixture", "selection", "range", "trio",
    "pod", "mass", "copy",
    # shapes a substance takes ("a ball of cookie dough", "a wisp of smoke"): the substance is the object
    "ball", "lump", "blob", "glob", "strand", "wisp", "coil",
})
# "on the side of", "in front of": the noun is part of the preposition, not an object.
PREP_NOUNS: Final = frozenset({
    "front", "top", "side", "middle", "back", "edge", "bottom", "center", "centre", "left",
    "right", "corner", "end", "inside", "outside", "rear", "base", "foot", "surface",
})
# Nouns that head a multiword preposition only with their "of" ("through the heart of the town",
# "on the outskirts of the village"); a "heart" alone is a shape, kept among the objects.
OF_PREP_NOUNS: Final = PREP_NOUNS | frozenset({"heart", "midst", "outskirts"})
# Modifiers "side" may carry inside a multiword preposition, with the words kept in the
# predicate: "on the other side of" -> "on side of" ("other" only points back),
# "on the left side of" -> "on the left side of", "on both sides of".
SIDE_MODIFIERS: Final = {"other": [], "opposite": [], "each": [], "far": ["far"], "near": ["near"],
                  "both": ["both"], "either": ["either"], "left": ["the", "left"], "right": ["the", "right"]}
# Position nouns that name no object when used without "of" ("on the left", "on top", "a park in front").
BARE_DIRECTIONS: Final = frozenset({"left", "right", "top", "inside", "outside", "front"})
# Nouns that, bare after a verb, say where it happens, as adverbs do: "actor poses backstage", "heading
# home", "children playing outdoors" (not "a backstage", "the home").
PLACE_ADVERB_NOUNS: Final = frozenset({"backstage", "onstage", "offstage", "downstairs", "upstairs", "outdoors",
                                       "indoors", "overseas", "abroad", "downtown", "uptown", "midair", "ashore",
                                       "aboard", "home", "outside", "inside", "underground", "underwater"})
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
    "pitcher", "cart", "truck", "shelf", "field", "forest", "rack",
})
# Closed or narrow containers hold their contents in them: "a bottle of wine" -> (wine, in, bottle).
ENCLOSING_CONTAINERS: Final = frozenset({"bottle", "glass", "cup", "jar", "box", "bag", "carton", "can", "mug",
                                  "pitcher", "jug", "sack", "packet", "tube", "basket", "crate"})
# Flat containers hold things on them: "a plate of food" -> (food, on, plate).
# (FACTUAL tuning rows: a tray, a field, a forest or a container of things "have" them, 6 to 1,
# 13 to 9, 3 to 0, 4 to 1; a basket holds them in it, 6 to 0; things lie on a rack or shelf)
SURFACE_CONTAINERS: Final = frozenset({"plate", "platter", "saucer", "rack", "shelf"})
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
# Participles that say what a thing bears ("topped with", "filled with"), and where it is after
# them ("filled with books on the wall": the shelf is on the wall).
BEARING_VERBS: Final = frozenset({
    "top", "fill", "cover", "stuff", "load", "decorate", "garnish", "coat", "line", "pile", "stack",
    "sprinkle", "drizzle", "pack", "dot", "adorn", "overgrow", "cram", "heap", "smear", "spread", "glaze",
    "frost", "dust", "splatter", "stud", "trim", "fill", "layer", "wrap", "cover", "litter", "crowd",
})
BEARER_PLACE_PREPS: Final = OBJECT_PLACE_PREPS - {"from", "to", "into", "onto", "out of", "by"} | {"on", "in", "at", "atop"}
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
# Prepositions that also open a clause ("as a bird flies", "while the man runs"): a noun after
# them that is the subject of its own verb is no object of a relation.
SUBORDINATORS: Final = frozenset({"as", "while", "when", "because", "although", "though", "whereas", "unless",
                                  "once", "until", "since", "if"})
# Places that show pictures: "a painting of a horse on the wall" is on the wall itself.
DISPLAY_PLACES: Final = frozenset({
    "wall", "frame", "screen", "easel", "board", "billboard", "canvas", "paper", "door", "fridge",
    "refrigerator", "window", "shelf", "page", "sign", "building", "display", "exhibit", "exhibition",
    "museum", "gallery", "monitor", "tv", "television", "newspaper", "magazine", "book", "cover",
    "shirt", "t-shirt", "mug", "cup", "card", "box", "package", "poster", "stand", "table", "desk",
    "front", "back", "side", "top", "bus", "truck", "van", "train", "ceiling", "fence", "street",
    "phone", "computer", "laptop", "tablet", "website", "background", "white", "black",
})
# What a picture itself does: "a painting hanging on the wall", "a poster showing a band".
DISPLAY_VERBS: Final = frozenset({"hang", "lean", "rest", "sit", "lie", "stand", "show", "depict", "feature",
                                  "display", "portray", "illustrate", "represent", "cover", "decorate",
                                  "adorn", "line", "sell", "advertise", "promote", "celebrate", "commemorate"})
# Prepositions that do not place a thing (a place phrase moved to another owner never uses them).
NON_PLACE_PREPS: Final = frozenset({"of", "with", "without", "for", "to", "by", "about", "like", "as",
                                    "from", "during", "after", "before", "than", "including", "except"})
# Marks of a time clause ("after his side win the final", "before leaving the house").
TIME_SUBORDINATORS: Final = frozenset({"after", "before", "whilst", "upon"})
# Nouns a name follows ("the planet mars", "the goddess athena", "mount everest"): a word the
# tagger reads as a verb right after them is the name.
NAME_CLASSIFIERS: Final = frozenset({"planet", "constellation", "asteroid", "comet", "galaxy", "goddess", "god",
                                     "saint", "mount", "emperor", "pharaoh", "hurricane", "typhoon", "cyclone"})
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
# Nouns English writes bare after any word: media, meals, institutions, stuff and directions
# ("watching tv", "having lunch", "at college", "writing graffiti", "in an art", "along north").
BARE_NOUNS: Final = frozenset({"tv", "television", "radio", "breakfast", "lunch", "dinner", "brunch", "supper",
                                "dessert", "school", "church", "college", "university", "work", "class",
                                "horseback", "graffiti", "space", "art", "downtown", "uptown", "midtown", "north",
                                "south", "east", "west", "left", "right", "front", "back"})
# The one taking the picture: "looking at the camera", "smiling into the lens" (not in the picture).
VIEWER_NOUNS: Final = frozenset({"camera", "viewer", "lens"})
# "with" one of these is possession: FACTUAL writes have (for hair "with" and "have" equally)
# Parts a person or animal has: "elephant trunk" / "man hand" are (owner, have, part) in FACTUAL
BODY_PARTS: Final = frozenset({
    "hand", "foot", "head", "arm", "leg", "finger", "toe", "paw", "hoof", "face", "mouth", "nose", "ear",
    "eye", "knee", "neck", "tail", "wing", "beak", "trunk", "tusk", "horn", "mane", "fur", "back", "body",
    "belly", "shoulder", "tooth", "teeth", "claw", "feather", "snout", "whisker", "lip", "hair"})
# Object categories (augment.vocab.OBJECT_CATEGORIES) whose members are alive: owners of body
# parts in the graph, and objects that prefer height/age readings of attributes in the vocabularies.
ANIMATE_CATEGORIES: Final = frozenset({"people", "mammal", "bird", "sea_animal", "reptile", "insect"})
HELD_BODY_PARTS: Final = frozenset({"hand", "foot", "head", "ear", "mouth", "face"})
PERSON_PRONOUNS: Final = {
    "he": "man", "him": "man", "his": "man", "himself": "man",
    "she": "woman", "her": "woman", "hers": "woman", "herself": "woman",
    "they": "people", "them": "people", "their": "people", "themselves": "people",
}
THING_PRONOUNS: Final = frozenset({"it", "its", "itself", "this", "that", "these", "those", "one"})
# Nouns that name a person for the graph rules: "he"/"she"/"they" refer back to the last of
# them, they make a compound's first word an owner ("man hand"), and a person noun is not
# coordinated into a phrase about a thing ("man in black shirt and woman").
PERSON_REFERENTS: Final = frozenset({
    "man", "woman", "person", "boy", "girl", "guy", "lady", "child", "kid", "player", "skier",
    "surfer", "skateboarder", "snowboarder", "rider", "people", "men", "women", "gentleman",
    "baby", "toddler", "chef", "batter", "pitcher", "catcher", "umpire", "officer", "worker",
    "tennis player", "biker", "cyclist", "adult", "teenager", "student", "father", "mother",
})
# Non-visual heads that are never objects ("a photo of a dog" -> dog).
JUNK_NOUNS: Final = frozenset({"image", "photo", "photograph", "closeup", "illustration", "stock", "vector",
                        "kind", "type", "sort", "way", "other",
                        "distance", "day", "time", "weekend", "year", "season", "color", "colour"})
# Kinds and views, looked through wherever they stand ("a kind of bird" -> bird); the media
# words that name the image itself only where they head the caption (of_heads.IMAGE_HEADS).
JUNK_BEFORE_OF: Final = frozenset({"view", "shot", "closeup", "kind", "type", "sort", "scene", "game",
                            "example", "sample", "breed", "species", "form"})

# Nouns a colour-like attribute would describe the skin of ("a black man" from "a black hat"):
# swaps and replacements leave colours on them alone.  The first line is the "people" category
# of augment.vocab.OBJECT_CATEGORIES (a test keeps them in step).
SKIN_BEARING_NOUNS: Final = frozenset({
    "man", "gentleman", "guy", "woman", "lady", "boy", "girl", "baby", "infant", "newborn",
    "person", "people", "child", "kid", "toddler", "teenager", "adult", "player", "worker", "student",
    "father", "mother", "family", "couple", "bride", "groom", "girlfriend", "boyfriend", "men", "women",
    "crowd", "tourist", "actor", "actress", "model", "athlete", "soldier", "officer", "chef", "artist",
    "musician", "singer", "dancer", "skier", "surfer", "rider", "friend", "customer", "businessman",
    "businesswoman", "fan", "daughter", "son", "wife", "husband", "portrait", "face", "skin",
})

# Names of days, months and relative days: a time, never a thing in the picture ("on monday", "in may").
CALENDAR_NAMES: Final = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "today", "tonight", "yesterday", "tomorrow",
})
# Nouns naming a time: the calendar's and times of day, seasons, spans and occasions.
TIME_NOUNS: Final = CALENDAR_NAMES | frozenset({
    "night", "day", "morning", "evening", "afternoon", "dusk", "dawn", "sunset", "sunrise", "noon",
    "midnight", "twilight", "daytime", "nighttime", "night time", "week", "month", "year",
    "season", "summer", "winter", "spring", "autumn", "time", "hour", "minute", "moment", "era",
    "century", "decade", "holiday", "holidays", "christmas", "easter",
    "sundown", "daybreak", "nightfall", "golden hour", "blue hour", "birthday", "anniversary",
})

# Uncountable nouns that name no stuff: they take no "a" and no plural ("new information on the bags"
# -/-> "new bag on the informations").
UNCOUNTABLE_NOUNS: Final = frozenset({
    "information", "advice", "knowledge", "evidence", "money", "jewelry", "jewellery", "merchandise",
    "garbage", "trash", "rubbish", "scenery", "machinery", "software", "homework", "feedback", "produce",
})
