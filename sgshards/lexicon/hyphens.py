"""Word tables for rejoining hyphens that a tokeniser spaced out ("close - up" -> "close-up").

CC3M's captions were tokenised before release: every hyphen stands between two spaces, so a
word-internal hyphen ("gluten - free") and a dash between phrases ("a dog - running on the beach")
look alike.  ``sgshards.text.pretokenised`` tells them apart by the shape of the two sides; these
tables say which words can sit on which side of a word-internal hyphen.  They are closed classes
(function words, particles, prefixes) and productive compound heads, not a list of compounds.
"""
from __future__ import annotations

from typing import Final

from .function_words import FUNCTION_WORDS as ALL_FUNCTION_WORDS, NOT_PHRASE_EDGES
from .words import COLOURS, NUMBER_WORDS

# Words that begin or end a phrase, not a compound: a dash next to one is a phrase dash
# ("puppy - in love", "so rare - her work is in museums"), unless they sit inside a longer
# hyphenated chain ("step - by - step", "mother - of - the - bride").
# The shared list (``lexicon.function_words``) less the words it names as compound-internal.
FUNCTION_WORDS: Final = ALL_FUNCTION_WORDS - NOT_PHRASE_EDGES

# Particles that end a verb-particle compound after any content word: "close - up", "sold - out",
# "partitioned - off", "low - down", "see - through", "get - away", "all - around".
CLOSING_PARTICLES: Final = frozenset({"up", "out", "off", "down", "through", "away", "around"})
# "in", "on", "by" also begin phrases ("puppy - in love"), so they close a compound only after a
# participle ("built - in", "screened - in") or a verb that takes them as a noun or modifier.
PARTICLE_VERBS: Final = frozenset({
    "walk", "slide", "drive", "check", "plug", "log", "sign", "add", "ride", "stand", "pull", "slip",
    "clip", "roll", "drop", "break", "sit", "lean", "fly", "stay", "tie", "pin", "stick", "lay",
    "lie", "run", "pop", "step", "turn", "hang", "hold", "pass", "lead", "fill", "wrap", "bolt",
})
# Particles and prepositions that begin a compound: "off - road", "in - store", "on - site",
# "over - sized", "after - party", "cross - country".
OPENING_PARTICLES: Final = frozenset({
    "off", "in", "on", "out", "over", "up", "down", "after", "back", "cross", "counter", "all",
    "inter", "intra", "extra",
})
# Bound prefixes and words that, before a hyphen, always begin a compound modifier or noun:
# "close - up", "self - portrait", "non - stick", "well - known", "high - heeled", "half - price".
COMPOUND_FIRSTS: Final = frozenset("""
close self non re pre co anti multi semi ex mid post pro well ill half hi high low long short full
double single triple twin quasi pseudo ultra mini micro mega bi tri uni auto eco neo vice ever
never far open hand sun old wide tee
""".split())
# Heads that end a compound modifier whatever precedes them: "gluten - free", "carnival - like",
# "military - style", "prohibition - era", "thigh - high", "world - wide", "scratch - proof".
# Those that are function words too ("like", "only") join only before a noun or at the end:
# "a girls - only lunch", but "actor - like the contrast".
COMPOUND_SECONDS: Final = frozenset("""
free like style styled based related friendly proof themed inspired shaped sized size colored
coloured toned tone powered controlled filled covered topped lined wide high deep length width
level era class grade scale term aged worthy wise tight neutral specific centric centred centered
oriented focused driven bound dyed sleeve sleeved neck
eyed toed print lapse round chic only
winning breaking saving catching stopping watering dropping loving fitting threatening
""".split())
# Irregular past participles, which make compound modifiers like "-ed" forms do ("hand - sewn").
IRREGULAR_PARTICIPLES: Final = frozenset("""
made built grown drawn known born worn cut sewn blown spun shot hewn run set led fed bred lit
held sold told bought brought caught taught thought found won hung struck spent kept left lost
""".split())
# Fixed compounds with a function word at an edge: "a how - to video", "my go - to guide".
FIXED_PAIRS: Final = frozenset({
    ("how", "to"), ("go", "to"), ("must", "have"), ("must", "see"), ("must", "read"), ("know", "how"),
    ("so", "called"), ("well", "being"), ("would", "be"), ("has", "been"), ("what", "if"), ("do", "it"),
    ("no", "go"),
})
# Numbers and ordinals that begin a measure or rank modifier: "second - floor landing",
# "three - wheeled vehicle", "fifth - inning home run".
NUMBER_FIRSTS: Final = NUMBER_WORDS - {"both", "dozen"} | frozenset("""
zero thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
seventy eighty ninety hundred thousand million
first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth last
""".split())
COLOUR_WORDS: Final = COLOURS | frozenset({"tangerine", "crimson", "scarlet", "ivory", "olive", "lime",
                                           "amber", "charcoal", "coral", "indigo", "magenta", "mustard"})
