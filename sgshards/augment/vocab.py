"""Curated replacement vocabularies and corpus frequency counts for negatives.

Replacements are drawn from *sibling groups*: a category (colour, animal,
furniture...) is a list of groups, and a group holds words that are
synonyms, hyponyms or hypernyms of each other ("dog|puppy|pup").  A word
is only ever replaced by a word of another group of the same category,
so a replacement is never a synonym, hypernym or hyponym of the original.
Generic hypernyms ("animal", "vehicle", "person", "food") are in no group
at all: they are neither replaced nor used as replacements.

Relations: ``SYMMETRIC_*`` decide where a subject/object swap would be a
paraphrase; ``PREP_CONTRASTS`` / ``VERB_CONTRASTS`` give contrasting
relations for ``relation_replace``.

Frequency counts (``count_graph``/``merge_counts``) are plain nested dicts
so a Beam CombineFn or a JSON file can carry them.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Mapping, Optional

from ..lexicon.mentions import LIGHT_VERB_IDIOMS
from ..lexicon.words import ANIMATE_CATEGORIES, SKIN_BEARING_NOUNS, UNCOUNTABLE_NOUNS
from ..schemas.graph import SceneGraph

# --------------------------------------------------------------------------- attributes


def _groups(*specs: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(s.split("|")) for s in specs)


ATTRIBUTE_CATEGORIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "colour": _groups(
        "red|crimson|scarlet|maroon|burgundy", "orange", "yellow|golden|gold",
        "green|olive|emerald|lime", "blue|navy|azure|cobalt", "purple|violet|lavender|lilac|magenta",
        "pink|fuchsia", "brown|tan|chocolate|bronze|copper", "black", "white|ivory|cream",
        "gray|grey|silver|charcoal",
    ),
    "material": _groups(
        "wooden|wood", "metal|metallic|steel|iron|aluminum|aluminium", "glass", "plastic",
        "stone|marble|granite|rock", "brick", "concrete", "paper|cardboard", "leather",
        "ceramic|porcelain|clay", "wool|woolen|woollen|knitted", "rubber",
    ),
    "size": _groups("big|large|huge|giant|enormous|massive|oversized", "small|little|tiny|mini|miniature"),
    "length": _groups("long|lengthy", "short"),
    "height": _groups("tall|high", "short|low"),
    "width": _groups("wide|broad", "narrow"),
    "thickness": _groups("thick", "thin"),
    "person_age": _groups("old|elderly|aged|senior|older", "young|youthful|younger"),
    # ("classic", "traditional" name a style, which a new thing may have: no contrast to "new")
    "thing_age": _groups("new|modern|brand-new|contemporary", "old|ancient|vintage|antique"),
    "shape": _groups("round|circular|oval", "square", "rectangular", "triangular"),
    "pattern": _groups("striped|stripy", "spotted|dotted|polka-dot|spotty", "checkered|plaid|checked|tartan",
                       "floral|flowery", "plain|solid"),
    "openness": _groups("open|opened", "closed|shut"),
    "fullness": _groups("empty", "full|filled"),
    "wetness": _groups("wet|soaked|damp", "dry"),
    "cleanliness": _groups("clean|spotless", "dirty|muddy|filthy"),
    "temperature": _groups("hot|warm", "cold|cool|icy|frozen"),
    "weather": _groups("sunny|bright|clear", "cloudy|overcast|grey", "rainy|wet", "snowy|snowcovered", "foggy|misty"),
    "brightness": _groups("dark|dim", "bright|lit"),
    "mood": _groups("happy|smiling|cheerful|joyful|laughing", "sad|unhappy|upset|crying", "angry|mad|furious"),
    "crowd": _groups("crowded|busy|packed", "deserted|quiet"),
    "texture": _groups("smooth", "rough"),
    "hardness": _groups("soft", "hard"),
    "posture": _groups("standing", "sitting|seated", "lying"),
    "motion": _groups("running", "walking"),
    "hair": _groups("blonde|blond", "brunette", "bald"),
    "ripeness": _groups("ripe", "unripe|green"),
    "freshness": _groups("fresh", "rotten|stale"),
    "life": _groups("dead", "alive|living"),
    "wildness": _groups("wild", "domestic|tame"),
    "setting": _groups("indoor", "outdoor"),
    "sex": _groups("male", "female"),
    "multiplicity": _groups("single", "double"),
    # how a picture is made: said of art only (``contrast.KIND_ONLY``; "digital art" -> "hand-painted art")
    "medium": _groups("digital", "hand-painted|hand-drawn"),
}
# A word in several categories ("short", "old", "green") is looked up in this
# order unless the object's own category prefers another (see attribute_category).
_PERSON_PREFERRED = ("height", "person_age")

# --------------------------------------------------------------------------- objects

OBJECT_CATEGORIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "people": _groups("man|gentleman|guy", "woman|lady", "boy", "girl", "baby|infant|newborn"),
    "mammal": _groups(
        "dog|puppy|pup|hound", "cat|kitten|kitty", "horse|pony|foal|stallion|mare", "cow|cattle|bull|calf|ox",
        "sheep|lamb|ram", "goat", "pig|piglet|hog|boar", "elephant", "giraffe", "zebra", "bear|cub",
        "lion|lioness", "tiger", "monkey|ape|chimpanzee|gorilla", "deer|fawn|elk|moose", "rabbit|bunny|hare",
        "mouse|mice|rat", "fox", "wolf", "squirrel", "camel",
    ),
    "bird": _groups("duck|duckling", "swan", "owl", "eagle|hawk|falcon", "parrot", "pigeon|dove",
                    "chicken|hen|rooster|chick", "penguin", "seagull|gull", "flamingo"),
    "sea_animal": _groups("fish|goldfish", "dolphin", "whale", "shark", "turtle|tortoise", "crab", "octopus"),
    "insect": _groups("butterfly|moth", "bee|wasp", "ant", "spider", "ladybug|ladybird"),
    "vehicle": _groups(
        "car|automobile|sedan|taxi|cab|suv", "truck|lorry|pickup", "bus", "train|locomotive|tram",
        "bicycle|bike", "motorcycle|motorbike|scooter", "boat|ship|sailboat|yacht|canoe|kayak|ferry",
        "airplane|plane|aircraft|jet|airliner", "helicopter", "van", "tractor",
    ),
    "furniture": _groups("table|desk", "chair|stool", "couch|sofa|settee", "bed", "bench",
                         "shelf|bookshelf|bookcase", "cabinet|cupboard|dresser|wardrobe"),
    "food": _groups(
        "pizza", "sandwich|sub|burger|hamburger|cheeseburger", "cake|cupcake", "apple", "banana", "orange",
        "donut|doughnut", "hot dog", "broccoli", "carrot", "salad", "bread|toast|loaf|bagel", "soup", "rice",
        "pasta|spaghetti|noodle", "egg", "cheese", "strawberry", "tomato", "potato", "cookie|biscuit", "ice cream",
    ),
    "clothing": _groups(
        "shirt|t-shirt|tee|blouse|top", "dress|gown", "jacket|coat|blazer", "hat|cap|beanie", "shoe|sneaker",
        "boot", "pants|trousers|jeans|slacks", "shorts", "skirt", "scarf", "glove|mitten", "tie|necktie",
        "sweater|jumper|pullover|hoodie|sweatshirt", "suit|tuxedo", "sunglasses|glasses|spectacles",
        "helmet", "uniform", "costume",
    ),
    "building": _groups("house|home|cottage", "church|cathedral|chapel", "tower", "bridge",
                        "castle|palace|fortress", "skyscraper", "barn", "lighthouse", "temple", "hotel"),
    "landscape": _groups("mountain|hill|peak", "beach|shore|coast", "river|stream|creek",
                         "lake|pond", "ocean|sea", "forest|woods|jungle", "field|meadow|lawn", "desert",
                         "waterfall", "island", "valley"),
    "plant": _groups("tree|oak|pine|palm|christmas tree", "flower|rose|tulip|daisy|sunflower|lily",
                     "bush|shrub|hedge", "cactus", "grass"),
    "plant_part": _groups("leaf|leaves", "branch|twig|bough", "trunk", "root"),
    "body_part": _groups("hand|palm", "foot", "head", "arm", "leg", "eye", "ear", "mouth|lips", "nose", "face",
                         "finger", "tail", "wing"),
    "sky_object": _groups("sun", "moon", "cloud", "star", "rainbow"),
    "ground": _groups("rock|stone|boulder|pebble", "log", "puddle"),
    "road": _groups("street|road|avenue|lane|highway", "sidewalk|pavement", "path|trail|footpath", "bridge"),
    "place": _groups("restaurant|cafe|diner", "shop|store|boutique", "market", "airport", "station",
                     "museum|gallery", "hospital", "school", "stadium|arena", "park", "garden|yard", "farm"),
    "room": _groups("kitchen", "bathroom|restroom", "bedroom", "living room|lounge", "office", "hallway|corridor",
                    "garage"),
    "surface": _groups("wall", "floor", "ceiling", "roof"),
    "settlement": _groups("city|town|village"),
    "profession": _groups("chef|cook", "doctor|physician|surgeon", "nurse", "soldier",
                          "police officer|policeman|cop", "firefighter|fireman", "farmer", "teacher", "pilot",
                          "clown"),
    "tableware": _groups("cup|mug", "plate", "bowl", "bottle", "knife", "fork", "spoon", "vase", "jar", "pot|pan"),
    "fixture": _groups("sink", "mirror", "toilet", "bathtub|tub", "lamp", "window", "door", "fence",
                       "clock", "stairs|staircase|steps", "fireplace", "shower"),
    "device": _groups("laptop|computer|notebook", "phone|cellphone|smartphone|telephone", "television|tv",
                      "keyboard", "camera", "microphone", "remote"),
    "item": _groups("book|novel", "umbrella", "bag|backpack|purse|handbag|suitcase", "ball|football|basketball",
                    "kite", "surfboard", "skateboard", "frisbee", "box|crate|carton", "basket", "pillow|cushion",
                    "towel", "blanket", "newspaper|magazine", "candle", "flag", "balloon", "painting",
                    "poster", "statue|sculpture", "teddy bear", "doll", "tray", "sign|signboard",
                    "pole|post|pillar", "wheel|tire|tyre"),
    "instrument": _groups("guitar", "piano|keyboard", "violin|fiddle", "drum", "trumpet", "flute"),
}

# Colour-like words never moved onto or changed on a person ("a black hat" must not become
# "a black man" by a swap): negatives about skin colour are not what they test.  The people
# they would describe are lexicon.words.SKIN_BEARING_NOUNS.
SKIN_SENSITIVE = frozenset(w for grp in ATTRIBUTE_CATEGORIES["colour"] for w in grp) | frozenset({
    "dark", "light", "fair", "pale", "tanned", "colored", "coloured", "dark-skinned", "white-skinned",
})


def sensitive_pair(name: str, attributes) -> bool:
    """True when a colour-like attribute describes a person."""
    return name.lower() in SKIN_BEARING_NOUNS and any(a.lower() in SKIN_SENSITIVE for a in attributes)


# Nouns that take no "a" and no plural ("a snow", "red snows"), and nouns that are only plural
# ("a shorts"): kept out of slots that would force the wrong number
MASS_NOUNS = frozenset({
    "snow", "water", "sand", "grass", "ice", "rice", "hair", "food", "bread", "cheese", "milk", "coffee", "tea",
    "juice", "wine", "beer", "smoke", "fog", "rain", "dirt", "mud", "gravel", "furniture", "luggage", "clothing",
    "traffic", "sunlight", "soup", "pasta", "spaghetti", "broccoli", "ice cream", "meat", "foliage", "wood",
    "glass", "paper", "plastic", "metal", "concrete", "asphalt", "dust", "steam", "sky", "air", "equipment", "fur",
    "skin", "snowfall", "lettuce", "spinach", "salad", "toast",
}) | UNCOUNTABLE_NOUNS
# "-ing" nouns that count ("a wedding", "two buildings"); the others are mass ("parking",
# "clothing", "seating"): never re-inflected.
COUNT_ING_NOUNS = frozenset({
    "building", "ceiling", "railing", "painting", "awning", "wedding", "evening", "morning", "ring",
    "string", "king", "wing", "spring", "swing", "sibling", "topping", "landing", "opening", "crossing",
    "drawing", "carving", "dumpling", "pudding", "sling", "thing", "marking", "setting", "serving",
    "covering", "lining", "filling", "dressing", "molding", "moulding", "earring", "offering", "gathering",
    "meeting", "recording", "reading", "saying", "feeling", "duckling", "seedling", "sapling", "outing",
    "happening", "finding", "ending", "beginning", "helping", "booking", "listing", "clearing", "cutting",
})
PLURAL_ONLY = frozenset({
    "pants", "trousers", "jeans", "shorts", "slacks", "glasses", "sunglasses", "spectacles", "scissors",
    "stairs", "steps", "clothes", "people", "police", "headphones", "pajamas", "leggings", "goggles",
    # plural in use, their singular another word ("media" -> "medium", "remains" -> "remain")
    "media", "data", "news", "remains", "goods", "arms", "surroundings", "premises", "outskirts",
    "belongings", "contents", "earnings", "savings", "outdoors", "binoculars", "overalls", "tongs",
    "sweatpants", "trunks", "headquarters", "species", "series", "means", "crossroads", "barracks",
})


# Replacements that are not false although the words are in different groups.
# A colour between two others ("cream" is a white and a yellow): none of its neighbours replaces it.
COLOUR_NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "cream": ("white", "yellow", "brown"), "ivory": ("white", "yellow"), "beige": ("brown", "white", "yellow"),
    "tan": ("brown", "yellow", "orange"), "khaki": ("brown", "green", "yellow"), "gold": ("yellow", "orange", "brown"),
    "golden": ("yellow", "orange", "brown"), "bronze": ("brown", "orange", "yellow"), "copper": ("brown", "orange", "red"),
    "silver": ("gray", "white"), "charcoal": ("gray", "black"), "navy": ("blue", "black", "purple"),
    "maroon": ("red", "brown", "purple"), "burgundy": ("red", "purple", "brown"), "olive": ("green", "brown", "yellow"),
    "lime": ("green", "yellow"), "turquoise": ("blue", "green"), "teal": ("blue", "green"),
    "violet": ("purple", "blue", "pink"), "lavender": ("purple", "pink", "blue"), "lilac": ("purple", "pink"),
    "magenta": ("pink", "purple", "red"), "fuchsia": ("pink", "purple", "red"), "orange": ("red", "yellow", "brown"),
    "pink": ("red", "purple"), "purple": ("pink", "blue"), "crimson": ("red", "pink", "purple"),
    "chocolate": ("brown", "black"), "azure": ("blue", "white"), "cobalt": ("blue",), "emerald": ("green", "blue"),
    "scarlet": ("red", "orange"), "grey": ("white", "black", "blue"), "gray": ("white", "black", "blue"),
}
# Colours a natural thing takes by season, ripeness, roast or light ("an oak leaf" red, brown or
# yellow; "black coffee" looks brown): between two of them a replacement states nothing a reader
# can call false. Keyed by the noun's head lemma.
_NATURAL_COLOURS = {
    "leaf|foliage|oak|maple": "red|brown|yellow|orange|gold|golden|green|purple|white",
    "tree|forest|woods": "red|brown|yellow|orange|gold|golden",
    "coffee|espresso|tea|cocoa": "black|brown|dark|red",
    "sunset|sunrise|dusk|dawn": "orange|red|pink|purple|gold|golden|yellow",
    "sand|dune|beach|desert": "white|yellow|golden|gold|brown|beige",
    "water|sea|ocean|lake|river|lagoon|wave": "blue|green|turquoise|teal",
    "soil|dirt|mud|earth|ground": "brown|black|red|dark",
    "bread|toast|crust|pastry|wood|bark|trunk": "brown|golden|gold|dark",
    "onion|shallot|cabbage|grape|plum|beet|radish|basil": "red|purple|violet",
}
NATURAL_COLOURS: dict[str, frozenset[str]] = {
    noun: frozenset(colours.split("|")) for nouns, colours in _NATURAL_COLOURS.items() for noun in nouns.split("|")}
# Other attributes a word implies or shades into ("a square frame" is rectangular; "a warm
# day" may be called cool; "a quiet street" may be busy at another hour).
ATTRIBUTE_NEAR: dict[str, tuple[str, ...]] = {
    "square": ("rectangular",), "oval": ("round", "circular"), "round": ("oval",),
    "warm": ("cool",), "cool": ("warm",), "damp": ("dry",), "little": ("big",),
    "dim": ("bright",), "misty": ("cloudy",), "overcast": ("foggy", "rainy", "snowy"), "clear": ("cloudy",),
    "cloudy": ("rainy", "snowy", "foggy", "misty"), "grey": ("rainy", "snowy", "foggy"),   # clouds bring rain
}
# Nouns that name what is around another ("sidewalks" along "streets"), or often another's part in a
# photo ("a forest" on "a mountain", trees in a wood): one never replaces the other.
OBJECT_NEAR: tuple[frozenset[str], ...] = tuple(frozenset(s.split("|")) for s in (
    "street|road|avenue|lane|sidewalk|pavement|path|footpath|crosswalk|curb",
    "forest|woods|jungle|mountain|hill|valley|peak|mountainside|hillside|slope", "forest|woods|wood|jungle|tree",
    "beach|shore|coast|ocean|sea|island|bay",
    "river|stream|creek|waterfall|lake|pond|valley",
    "field|meadow|lawn|grass|farm|garden|yard|park",
    "vase|pot|jar|urn|bowl",
    "gown|dress|robe|skirt",
    "shoe|boot|sneaker|trainer|sandal|slipper|loafer|clog|footwear",
    "house|home|cottage|castle|palace|mansion|villa|building|barn|hotel",
    "church|cathedral|chapel|temple", "tower|skyscraper|building|lighthouse|castle",
    "restaurant|cafe|diner|bar|hotel|shop|store|market",
    "cup|mug|glass|bowl|jar",
    "laptop|computer|notebook|keyboard|monitor|screen",
    "phone|cellphone|smartphone|telephone|camera",
    "television|tv|screen|monitor",
    "pole|post|pillar|tower",
    "rock|stone|boulder|pebble|log|cliff",
    "fireplace|lamp|candle|light",
    "sign|signboard|poster|flag|banner",
    "painting|poster|picture|photo|drawing|illustration",
    "statue|sculpture|monument|doll",
    # platforms one stands on: "speaks from a podium" may be said of a stage or a deck
    "deck|pier|wharf|dock|jetty|boardwalk|platform|podium|stage|porch|patio|terrace|balcony|veranda",
    "bead|necklace", "bead|bracelet",
    # said of one another, or not told apart in a photo by a reader of the caption
    "roof|ceiling", "shirt|sweater|jumper|top|blouse|jersey|t-shirt|tee|sweatshirt|pullover",
    "hat|cap|helmet|beanie", "stove|oven|cooker|range", "pipe|tube|tunnel|hose",
    "bike|motorcycle|motorbike|scooter|moped", "quilt|blanket|comforter|duvet|bedspread|throw|rug",
    # one thing called either by size, use or style: a tall bush is a small tree, a gate a door
    # in a wall, a meadow lies on a mountain, a 70's hotel may be a tower block
    "tree|bush|shrub|hedge|sapling", "gate|door|doorway|gateway|entrance|portal|archway",
    "meadow|pasture|grassland|mountain|hill|hillside|mountainside|slope|valley|alp",
    "hotel|motel|skyscraper|tower|resort|inn", "bank|riverbank|hillside|slope|embankment|shore",
))
# Preposition + bare noun idioms: the noun names no object to replace ("on foot" -/-> "on tail").
IDIOMS = frozenset({
    ("on", "foot"), ("at", "home"), ("on", "board"), ("at", "sea"), ("by", "hand"), ("at", "hand"), ("on", "hand"),
    ("in", "person"), ("at", "heart"), ("by", "heart"), ("in", "mind"), ("on", "purpose"), ("at", "night"),
    ("by", "night"), ("at", "work"), ("at", "school"), ("in", "school"), ("to", "school"), ("in", "bed"),
    ("to", "bed"), ("at", "table"), ("in", "town"), ("to", "town"), ("in", "line"), ("in", "force"),
    ("in", "flight"), ("on", "top"), ("on", "fire"), ("at", "rest"), ("on", "sale"), ("for", "sale"),
    ("in", "love"), ("on", "air"), ("by", "car"), ("by", "boat"), ("by", "bus"), ("by", "train"), ("by", "plane"),
    ("by", "bike"), ("on", "horseback"), ("in", "hand"), ("at", "church"), ("in", "church"), ("to", "church"),
    ("at", "dawn"), ("at", "dusk"), ("at", "sunset"), ("at", "sunrise"), ("in", "time"),
})
# Curated categories of what a room is furnished with, which come together: a drawing room's
# fireplace comes with a mirror, a lamp and windows, a bedroom's bed with a table. Said only to be
# in a room or a building, one is no contrast to another.
FURNISHING_CATEGORIES = frozenset({"fixture", "surface", "furniture"})
# Categories of what frames a scene or belongs to what it shows (the floor, the sky, a hill, a
# road, a leaf, a hand): a picture of almost anything may show one, so a noun of these is neither
# replaced nor a replacement where the object is said alone ("the ceiling" -/-> "the floor").
SCENE_PART_CATEGORIES = frozenset({"surface", "ground", "landscape", "body_part", "plant_part", "plant",
                                   "sky_object", "road", "settlement"})
# Settings that rule one another out in one picture: a scene part said alone takes the other side
# ("the river" -> "the desert", "a passion for the sea" -> "the desert", "the beach" -> "the snow").
FAR_SETTINGS: dict[str, str] = {**{w: "desert" for w in "forest woods jungle river stream creek lake pond waterfall "
                                                         "sea ocean glacier".split()}, "desert": "forest",
                                **{w: "snow" for w in "beach shore coast".split()},
                                # a valley's floor is green or farmed ("the valley" -> "the desert");
                                # not "a city" -> "a forest": CC3M's "a city" stands for any named
                                # place, and a town seen from a height or a river shows woods
                                "valley": "desert"}
# Clothes one wears only one of at a time (the legs', the whole body's): between two of them a
# replacement of something worn is false ("in jeans" -> "in a skirt"); any other garment may be
# worn as well ("has a helmet on" -/-> "a shoe on", "wearing a veil" -/-> "a shirt").
EXCLUSIVE_GARMENTS = frozenset({"pants", "trousers", "jeans", "shorts", "skirt", "slacks", "leggings", "dress",
                                "gown", "suit", "tuxedo", "bikini", "swimsuit", "overalls", "jumpsuit"})
# Categories of the rooms and buildings they are in.
INTERIOR_CATEGORIES = frozenset({"room", "building", "place"})
# Verb + bare noun idioms: the noun names no object ("the roundup taken place", "takes part in",
# "make room for"); (verb lemma, noun), from the one table in lexicon.mentions.
VERB_IDIOMS = frozenset((verb, noun) for verb, nouns in LIGHT_VERB_IDIOMS.items() for noun in nouns)
# Attributes that say a person's age: a noun they describe keeps its age when replaced.
AGE_WORDS = frozenset({"young", "younger", "old", "older", "elderly", "teenage", "teen", "adult", "little",
                       "small", "aged", "senior", "toddler", "newborn", "baby", "grown", "middle-aged"})
# Nouns for anything of their category ("costume" may be a dress, a hat or a suit): neither
# replaced by nor replacing another noun of it.
CATEGORY_GENERIC = frozenset({"costume", "outfit", "uniform", "clothing", "clothes", "garment", "home",
                              "building", "structure", "vehicle", "furniture", "food", "meal", "dish",
                              "device", "item", "thing", "object", "animal", "plant", "instrument"})
# Locative prepositions a place noun takes ("on the beach", "in the pond"): a replacement keeps
# the caption's preposition, so it must take it too ("in a pond" -/-> "in a beach").
PLACE_PREPS: dict[str, frozenset[str]] = {w: frozenset(p.split("|")) for w, p in {
    "beach": "on|at|along|near|by", "shore": "on|at|along|near|by", "coast": "on|at|along|off|near|by",
    "island": "on|at|near|off", "field": "in|on|across|near", "lawn": "on|across|near", "meadow": "in|on|across",
    "street": "on|in|along|across|down|near", "road": "on|along|across|down|near", "sidewalk": "on|along|down",
    "path": "on|along|down|near", "trail": "on|along|down|near", "bridge": "on|over|across|under|near",
    "lake": "in|on|at|by|near|across", "pond": "in|on|at|by|near", "river": "in|on|at|by|near|across|along",
    "ocean": "in|on|at|by|near|across", "sea": "in|on|at|by|near|across", "stream": "in|by|near|across|along",
    "forest": "in|through|near", "woods": "in|through|near", "jungle": "in|through|near",
    "desert": "in|across|through", "valley": "in|through|across|near", "mountain": "on|in|near|up",
    "hill": "on|near|up|down", "waterfall": "at|by|near|under", "park": "in|at|near|through",
    "garden": "in|at|near|through", "yard": "in|at|near", "farm": "on|at|near", "roof": "on|under",
    "floor": "on", "wall": "on|against|near|along", "ceiling": "on|from", "kitchen": "in", "bedroom": "in",
    "bathroom": "in", "office": "in|at", "room": "in", "airport": "at|in|near", "station": "at|in|near",
    "school": "at|in|near", "market": "at|in|near", "shop": "in|at|near", "store": "in|at|near",
    "restaurant": "in|at|near", "museum": "in|at|near", "stadium": "in|at|near", "city": "in|near|across",
    "town": "in|near|across",
}.items()}


# --------------------------------------------------------------------------- relations

# Predicates (lemmatised, as in SGRelation.predicate) whose subject/object swap is a paraphrase.
SYMMETRIC_PREPS = frozenset({
    "next to", "near", "near to", "beside", "besides", "with", "by", "and", "alongside", "along", "along with",
    "opposite", "opposite to", "opposite of", "across from", "adjacent to", "close to", "together with",
    "next", "nearby", "among", "amongst", "amid", "amidst", "between", "against", "versus", "vs",
    "side by side with", "in contact with", "touching", "facing",
    "connected to", "connected with", "linked to", "joined to", "attached to", "parallel to",
    "similar to", "identical to", "equal to", "level with", "in line with", "combined with",
    "mixed with", "paired with", "married to", "engaged to", "related to", "v", "v.", "vs.", "or", "alongside of",
    "plus", "&", "as well as", "abreast of", "neighboring", "neighbouring", "bordering", "adjoining", "close",
    "near by", "beside of", "right next to", "just next to", "directly next to", "by the side of", "at the side of",
    # a tie binds both ends, a doorway opens both ways, and a picture does not show who talks ("a dock
    # tied to a boat", "the second floor opens into the foyer", "a woman talking to a man")
    "open into", "opens into", "opening into", "open onto", "opens onto", "opening onto", "lead into", "leads into",
    "leading into", "tie to", "tied to", "ties to", "tie with", "chain to", "chained to", "tether to", "tethered to",
    "talk to", "talking to", "talks to", "speak to", "speaking to", "speaks to", "chat to", "chatting to",
})
# Prepositions symmetric only standing alone, as a place ("a house across the street", "an island
# off the coast"); after a verb they are a path ("a man walking across the street", "jumping off").
SYMMETRIC_ALONE = frozenset({"across", "off"})
# Reciprocal verbs: "a man hugging a woman" ~ "a woman hugging a man".
SYMMETRIC_VERBS = frozenset({
    "hug", "kiss", "meet", "marry", "touch", "fight", "embrace", "cuddle", "wrestle", "collide",
    "face", "resemble", "match", "greet", "date", "accompany", "join", "battle",
    "connect", "link", "border", "adjoin", "neighbour", "neighbor", "intersect", "play against",
})


@lru_cache(maxsize=1 << 14)
def is_symmetric(predicate: str) -> bool:
    """True when swapping subject and object could be a paraphrase.

    Checks the whole predicate, its trailing preposition phrase ("sit next
    to" -> "next to") and a reciprocal verb head ("play with" -> with).
    """
    p = predicate.lower().strip()
    if p in SYMMETRIC_PREPS or p in SYMMETRIC_VERBS or p in SYMMETRIC_ALONE:
        return True
    words = p.split()
    if words and words[0] in SYMMETRIC_VERBS:
        return True
    return any(" ".join(words[k:]) in SYMMETRIC_PREPS for k in range(1, len(words)))


# Exact converses: "A below B" states "B above A".  A swap whose result is the converse of
# another stated relation is a paraphrase; signatures compare relations in one direction.
CONVERSES: dict[str, str] = {
    "below": "above", "beneath": "above", "underneath": "above", "under": "over",
    "behind": "in front of", "in back of": "in front of", "right of": "left of",
    "to right of": "to left of", "after": "before", "inside": "contain", "in": "contain",
    "held by": "hold", "carried by": "carry", "pulled by": "pull", "ridden by": "ride",
    "followed by": "follow", "chased by": "chase", "worn by": "wear", "covered by": "cover",
    "surrounded by": "surround", "support by": "support",
}


def canonical_relation(subject, predicate: str, obj) -> tuple:
    """(subject, predicate, object) with converse predicates turned around."""
    p = predicate.lower()
    if p in CONVERSES:
        return obj, CONVERSES[p], subject
    return subject, p, obj


# Heads of "X of Y" that show, frame or are a part of Y ("portrait of a man", "close - up of a
# head", "the rear of a ship"): their ends never trade places.
REPRESENTATION_NOUNS = frozenset({
    "portrait", "picture", "photo", "photograph", "image", "painting", "drawing", "sketch", "illustration",
    "view", "close", "up", "closeup", "close-up", "detail", "details", "pattern", "print", "poster", "statue",
    "sculpture", "model", "map", "diagram", "silhouette", "shot", "video", "footage", "scene", "collage",
    "cartoon", "icon", "logo", "symbol", "copy", "version", "replica", "reflection", "shadow", "interior",
    "exterior", "side", "top", "bottom", "edge", "corner", "part", "piece", "section", "front", "back",
    "middle", "center", "centre", "rest", "end", "rear", "half", "kind", "type", "sort", "style", "shape",
    "form", "figure", "outline", "background", "texture", "surface", "layer", "pile", "group", "set",
    "bunch", "lot", "number", "couple", "pair", "row", "line", "series", "collection", "variety",
    "selection", "example", "sample", "set", "display", "exhibition", "gallery", "cover", "page", "frame",
})

# Contrasting prepositions (word sequences, lowercase) for relation_replace.
PREP_CONTRASTS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("on", "top", "of"): ("under",), ("on",): ("under",), ("onto",): ("under",), ("upon",): ("under",),
    ("under",): ("on",), ("underneath",): ("on top of",), ("beneath",): ("above",),
    ("above",): ("below",), ("below",): ("above",), ("over",): ("under",),
    ("in", "front", "of"): ("behind",), ("behind",): ("in front of",), ("in", "back", "of"): ("in front of",),
    ("inside", "of"): ("outside of",), ("inside",): ("outside",), ("outside", "of"): ("inside of",),
    ("outside",): ("inside",), ("in",): ("outside",), ("into",): ("out of",), ("out", "of"): ("into",),
    ("near",): ("far from",), ("far", "from"): ("near",), ("next", "to"): ("far from",),
    ("beside",): ("far from",), ("close", "to"): ("far from",),
    ("with",): ("without",), ("without",): ("with",),
    ("towards",): ("away from",), ("toward",): ("away from",), ("away", "from"): ("towards",),
    ("up",): ("down",), ("down",): ("up",), ("left",): ("right",), ("right",): ("left",),
    ("top",): ("bottom",), ("bottom",): ("top",), ("before",): ("after",), ("after",): ("before",),
    ("during",): ("after",),
    ("at", "the", "top", "of"): ("at the bottom of",), ("at", "the", "bottom", "of"): ("at the top of",),
    ("on", "the", "side", "of"): ("on top of",), ("on", "side", "of"): ("on top of",),
    ("in", "the", "middle", "of"): ("at the edge of",), ("in", "middle", "of"): ("at the edge of",),
    ("at", "the", "edge", "of"): ("in the middle of",), ("on", "the", "edge", "of"): ("in the middle of",),
    ("on", "the", "back", "of"): ("on the front of",), ("on", "the", "front", "of"): ("on the back of",),
}
# Position nouns replaced inside a longer preposition ("to the left of"); other keys must end
# the predicate so "on" in "on the side of" is never replaced alone.
PREP_INNER_OK = frozenset({("left",), ("right",), ("top",), ("bottom",)})
PREP_CONTRAST_MAX = max(len(k) for k in PREP_CONTRASTS)

# Verbs whose preposition belongs to the verb ("focusing on", "named after", "encased in",
# "working on a laptop"): another preposition there breaks the phrase rather than moving a thing.
FRAME_VERBS = frozenset({
    "focus", "concentrate", "depend", "rely", "insist", "comment", "count", "name", "look", "wait",
    "search", "ask", "pay", "care", "apply", "listen", "belong", "refer", "encase", "dress", "clothe",
    "cover", "coat", "wrap", "interest", "believe", "participate", "engage", "result", "specialize",
    "specialise", "invest", "work", "take", "give", "set", "pick", "give", "turn", "break", "bring",
    "come", "go", "get", "make", "keep", "cheer", "vote", "compete", "argue", "think", "dream",
    "worry", "stare", "glance", "point", "aim", "shoot", "fire", "call", "write", "print", "carve",
    "engrave", "inscribe", "stamp", "decorate", "fill", "top", "line", "stuff", "load", "pack", "base",
    "build", "model", "inspire", "design", "feature", "star", "appear", "serve", "score", "win", "lose",
    "celebrate", "announce", "dedicate", "devote", "drown", "soak", "dip", "bathe", "immerse", "plunge",
})
# Nouns one goes up or down ("up the stairs"); along a road or a sidewalk "up" and "down" say one
# thing ("walking up"/"down" a sidewalk).
VERTICAL_NOUNS = frozenset({
    "stairs", "stair", "staircase", "steps", "step", "ladder", "hill", "mountain", "slope", "escalator",
    "tree", "wall", "pole", "rope", "ramp", "cliff", "stairway", "hillside", "mountainside", "tower",
    "elevator", "chimney", "trunk", "waterfall", "dune", "rock", "ski slope",
})
# Postures: said of things they mean one thing ("a hat lying"/"sitting" on the beach).
POSTURE_VERBS = frozenset({"sit", "stand", "lie", "lay", "kneel", "rest", "crouch", "squat"})

VERB_CONTRASTS: dict[str, tuple[str, ...]] = {
    "hold": ("drop", "throw"), "drop": ("hold", "catch"), "push": ("pull",), "pull": ("push",),
    "open": ("close",), "close": ("open",), "enter": ("leave", "exit"), "leave": ("enter",),
    "exit": ("enter",), "give": ("take",), "throw": ("catch",), "catch": ("throw",),  # no "take": "takes the field"
    "buy": ("sell",), "sell": ("buy",), "win": ("lose",), "lose": ("win",), "sit": ("stand",),
    "stand": ("sit", "lie"), "lie": ("stand", "sit"), "walk": ("run",), "run": ("walk",),
    "climb": ("descend", "jump off"), "ride": ("walk", "push"), "carry": ("drop",), "wear": ("hold", "remove"),
    "lay": ("stand",), "hit": ("miss",), "cover": ("uncover",), "eat": ("cook",), "arrive": ("leave",),
    "follow": ("lead",), "lead": ("follow",), "chase": ("flee",), "lift": ("drop",), "raise": ("lower",),
    "lower": ("raise",), "fill": ("empty",), "empty": ("fill",), "feed": ("chase",), "pet": ("chase",),
    "watch": ("ignore",), "load": ("unload",), "unload": ("load",),
    "cross": ("stop at",), "light": ("extinguish",), "board": ("leave",), "park": ("drive",),
}
# Prepositions a contrast verb takes after it, where its frame differs from its partner's: kept only
# with the caption's ("arrives at a party" -/-> "leaves at"; "enters through the door" -> "leaves through").
VERB_PREPS: dict[str, frozenset[str]] = {v: frozenset(p.split()) for v, p in {
    "leave": "for from with through by after before via", "exit": "from through via after",
    "enter": "through via from into after", "arrive": "at in on from by for with",
    "descend": "from into to down toward towards", "flee": "from to into across toward towards",
    "lose": "to against in at", "win": "in at against over for", "miss": "by from",
    "remove": "from", "uncover": "in under beneath", "extinguish": "with in", "ignore": "",
    "stop at": "", "jump off": "into to onto", "cook": "in on with for over at", "unload": "from onto into at",
    "load": "into onto on with at", "lower": "into onto to down from", "raise": "to above over into from",
}.items()}
# Verbs that take a second object ("gives the dog a bone", "throws him the ball").
DITRANSITIVE_VERBS = frozenset({"give", "throw", "pass", "hand", "toss", "send", "sell", "buy", "bring", "feed",
                                "show", "offer", "lend", "catch"})

# --------------------------------------------------------------------------- lookups


def _index(categories: Mapping[str, tuple[tuple[str, ...], ...]]) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for cat, groups in categories.items():
        for g, words in enumerate(groups):
            for w in words:
                out.setdefault(w, []).append((cat, g))
    return out


_ATTR_INDEX = _index(ATTRIBUTE_CATEGORIES)
_OBJ_INDEX = _index(OBJECT_CATEGORIES)


@lru_cache(maxsize=1 << 14)
def object_category(name: str) -> Optional[tuple[str, int]]:
    """(category, group) of an object name, or None when not curated."""
    hits = _OBJ_INDEX.get(name.lower())
    return hits[0] if hits else None


@lru_cache(maxsize=1 << 14)
def attribute_category(attr: str, object_name: Optional[str] = None) -> Optional[tuple[str, int]]:
    """(category, group) of an attribute; "short man" prefers height, "old man" person age."""
    hits = _ATTR_INDEX.get(attr.lower())
    if not hits:
        return None
    category = object_category(object_name) if object_name else None
    cat = category[0] if category else None
    animate = cat in ANIMATE_CATEGORIES
    for c, g in hits:
        if animate and c in _PERSON_PREFERRED:
            return c, g
        if not animate and c not in _PERSON_PREFERRED:
            return c, g
    return hits[0]


# The lookups below are pure functions of constant tables, asked again for every candidate:
# cached, and handed out as immutable tuples and frozensets (shared between callers).

@lru_cache(maxsize=1 << 14)
def object_alternatives(name: str) -> tuple[str, ...]:
    """Heads of the other groups of the name's category (never its own group)."""
    hit = object_category(name)
    if hit is None:
        return ()
    cat, g = hit
    return tuple(grp[0] for k, grp in enumerate(OBJECT_CATEGORIES[cat]) if k != g)


@lru_cache(maxsize=1 << 14)
def attribute_alternatives(attr: str, object_name: Optional[str] = None) -> tuple[str, ...]:
    """Heads of the other groups of the attribute's category, in the sense the object prefers."""
    hit = attribute_category(attr, object_name)
    if hit is None:
        return ()
    cat, g = hit
    return tuple(grp[0] for k, grp in enumerate(ATTRIBUTE_CATEGORIES[cat]) if k != g)


@lru_cache(maxsize=1 << 14)
def object_groups(name: str) -> frozenset[tuple[str, int]]:
    """The (category, group) pairs an object name belongs to."""
    return frozenset(_OBJ_INDEX.get(name.lower(), ()))


@lru_cache(maxsize=1 << 14)
def attribute_groups(attr: str) -> frozenset[tuple[str, int]]:
    """The (category, group) pairs of an attribute."""
    return frozenset(_ATTR_INDEX.get(attr.lower(), ()))


# --------------------------------------------------------------------------- frequencies

Counts = dict[str, dict[str, int]]          # {"object": {...}, "attribute": {...}, "relation": {...}}
COUNT_KINDS = ("object", "attribute", "relation")


def empty_counts() -> Counts:
    return {k: {} for k in COUNT_KINDS}


def count_graph(graph: SceneGraph, counts: Optional[Counts] = None) -> Counts:
    """Add one graph's object names, attributes and predicates to ``counts`` (new dict if None)."""
    out = counts if counts is not None else empty_counts()
    for o in graph.objects:
        out["object"][o.name] = out["object"].get(o.name, 0) + 1
        for a in o.attributes:
            out["attribute"][a] = out["attribute"].get(a, 0) + 1
    for r in graph.relations:
        out["relation"][r.predicate] = out["relation"].get(r.predicate, 0) + 1
    return out


def merge_counts(parts: Iterable[Counts]) -> Counts:
    """Sum count dicts (associative and commutative: usable as a combiner)."""
    out = empty_counts()
    for part in parts:
        for kind, table in part.items():
            dst = out.setdefault(kind, {})
            for w, n in table.items():
                dst[w] = dst.get(w, 0) + n
    return out
