"""Word tables for things a caption mentions without showing them, and for predicates that cannot
hold of the subject the parse gave them (``augment.mentions`` reads them; issue 15, precision of
positives).

A caption often names things that are not in its picture: the author of a card ("by organization
leader"), the band an artist plays in ("artist of food"), the film a premiere shows ("the premiere
of woman in gold"), the title of an image ("image titled ..."), the noun of an idiom ("close to an
end", "hard at work", "the annual roundup taken place"), what a witness once saw ("when the object
was first seen").  The tables hold lemmas (lower case); each is a class of words, not the words of
a labelled caption.
"""
from __future__ import annotations

from typing import Final

# Prepositional idioms, as written with their determiner (or none): the noun names a state, a time
# or a manner, not a thing, when it stands bare ("hard at work", "close to an end", "stags in the
# rut" (the rutting season), "a dog on the go", "a gull in flight").  With a modifier or a
# complement the noun is a thing again ("at the end of the pier", "in a deep rut"); with another
# determiner too ("a tattoo on the foot" is no "on foot").
IDIOM_PPS: Final = frozenset("""
at work|at play|at rest|at ease|at peace|at risk|at war|at heart|at hand|at length|at large|at last
at an end|to an end|in the end|at the end|to the end|in the rut|on the go|in the making|in the works
in the mood|in time|on time|in turn|in charge|in place|in action|in motion|in use|in stock
on sale|for sale|on hold|on duty|off duty|on purpose|by hand|by heart|by chance|in shape|in tune
on track|on the rise|in trouble|in danger|in focus|out of focus|in season|in bloom|in flower
in flight|in progress|under construction|under way|on the way|on its way|on their way|on the move
on show|on record|in fashion|in style|in vogue|in person|on foot|in advance|in public|in private
in general|in particular|in common|in full|in order|in memory|in honour|in honor|in love|in touch
in sync|in unison|in harmony|in the lead|in the spotlight|in the limelight|in the nude|in the raw
in case|on earth|on your doorstep|on my doorstep|on our doorstep|on their doorstep|on his doorstep
on her doorstep|on the horizon|in the cards|in the pipeline|under the weather|on the house
in fact|for example|for instance|at all|in addition|in return|in vain|in theory|down to earth|back to earth
in the movies|on display|out of this world
""".replace("\n", "|").strip("|").split("|"))
# What one is "on", whatever modifies it ("on holiday", "on a beach holiday", "on patrol", "on a guided
# tour"): the noun names what one is doing, no thing in the picture.
ON_STATES: Final = frozenset({"holiday", "holidays", "vacation", "vacations", "leave", "patrol", "tour", "strike",
                              "safari", "honeymoon", "standby"})
# Figurative frames: a word and its preposition whose object names a standard, not a thing there
# ("a bedroom fit for a princess", "a meal fit for a king", "a view to die for").
IDIOM_FRAMES: Final = frozenset({"fit for", "suitable for", "worthy of", "the envy of", "envy of"})
# Idioms that are figurative when negated ("not a day at the beach", "no walk in the park"), as
# written after the negation, the object noun last.
NEGATED_IDIOMS: Final = frozenset({"day at the beach", "walk in the park", "bed of roses", "piece of cake",
                                   "picnic in the park"})
# Verb + object idioms: the object is part of the verb's meaning, no thing ("the roundup taken
# place every november", "take part in", "make way for").  Keyed by the verb's lemma.
LIGHT_VERB_IDIOMS: Final = {
    "take": frozenset({"place", "part", "care", "shape", "hold", "turn", "note", "notice", "aim",
                       "advantage", "charge", "control", "action", "time", "pride", "heart", "effect",
                       "root", "flight", "cover", "refuge", "sides", "stock", "issue", "office", "turns"}),
    "make": frozenset({"sense", "way", "progress", "use", "fun", "room", "peace", "history", "headway",
                       "amends", "sure", "certain", "believe", "do", "love", "haste", "headlines", "contact"}),
    "pay": frozenset({"attention", "tribute", "homage", "respect", "respects", "heed", "visit"}),
    "give": frozenset({"way", "birth", "chase", "rise", "notice", "thanks"}),
    "have": frozenset({"fun", "time", "effect", "chance", "idea", "clue"}),
    "keep": frozenset({"pace", "track", "touch", "watch", "company"}),
    "lose": frozenset({"sight", "track", "touch", "heart", "way"}),
    "catch": frozenset({"sight", "fire", "breath"}),
    "hold": frozenset({"court", "sway", "breath"}),
    "play": frozenset({"role", "part", "host"}),
    "come": frozenset({"true"}),
    "pull": frozenset({"stops", "stop", "punches", "punch"}),
    "set": frozenset({"sail", "foot"}),
    "stand": frozenset({"guard", "watch", "trial"}),
}
# Modals of a world that is not the picture's: "the property would have ample room for actor and
# her daughter" (neither is there).  "can" and "will" also tell what a picture shows ("you can see
# the tower"), so they are not here.
HYPOTHETICAL_MODALS: Final = frozenset({"would", "could", "might", "should", "may", "'d"})
# Heads whose "of" phrase names the group, work or office of a person, not a thing beside them:
# "trip hop artist of food" (a band), "the leader of the party", "a member of the band".
ROLE_HEADS: Final = frozenset({
    "artist", "member", "leader", "president", "founder", "cofounder", "co-founder", "ceo", "chairman",
    "chairwoman", "director", "boss", "manager", "coach",
    "singer", "guitarist", "drummer", "bassist", "vocalist", "frontman", "frontwoman", "keyboardist",
    "rapper", "author", "writer", "creator", "designer", "architect", "producer", "hero",
    "heroine", "villain", "winner", "supporter", "secretary", "minister", "mayor",
    "governor", "senator", "king", "queen", "prince", "princess", "duke", "duchess", "emperor", "ruler",
    "editor", "publisher", "spokesman", "spokeswoman", "spokesperson", "representative", "ambassador",
    "citizen", "resident", "student", "graduate", "alumnus", "employee", "presenter", "judge",
    "contestant",
})
# Heads whose "of" phrase is the title of a work: "actor at the premiere of woman in gold" shows
# no woman and no gold.
TITLE_OF_HEADS: Final = frozenset({
    "premiere", "première", "screening", "preview", "teaser", "episode", "sequel", "prequel", "remake",
    "adaptation", "soundtrack", "finale",
})
# Verbs whose object or complement is a name: "a dog named max", "a town called paris".
NAMING_VERBS: Final = frozenset({"title", "entitle", "caption", "call", "name", "dub", "label"})
# Of those, the verbs of titles: the title runs to the next punctuation mark, whatever the parse
# makes of its words ("image titled person if a dog is pregnant step 13").
TITLING_VERBS: Final = frozenset({"title", "entitle", "caption"})
# Verbs of making a work: its "by" phrase names the author, who is not in the picture
# ("a house built by workers", "a cake made by a child"), unless the making goes on ("a mural
# being painted by an artist").  Any verb whose subject is a picture makes one ("a photo taken by
# a tourist").
CREATION_VERBS: Final = frozenset({
    "paint", "draw", "write", "design", "create", "make", "photograph", "illustrate", "compose",
    "direct", "produce", "publish", "author", "sculpt", "craft", "print", "film", "record", "carve",
    "build", "develop", "invent", "found", "establish", "commission", "edit", "sketch", "render",
    "engrave", "stitch", "knit", "sew", "weave", "organize", "organise", "sponsor", "curate", "donate",
    "own", "post", "upload", "share", "submit",
})
# Works, besides pictures and representations (``of_heads``): their "by" phrase names the author
# ("a book by author", "a song by singer").
WORK_NOUNS: Final = frozenset({
    "book", "novel", "poem", "song", "album", "record", "single", "track", "film", "movie", "show",
    "play", "opera", "ballet", "card", "design", "work", "artwork", "collection", "piece", "quilt",
    "cover", "logo", "font", "typeface", "pattern", "print", "photography", "installation", "exhibit",
    "exhibition", "essay", "article", "story", "letter", "note", "recipe", "creation",
})
# Verbs of showing: a "by" phrase on them names who made the showing thing ("greeting card
# featuring person by organization leader"); their subject is a picture or a sign, never a thing
# of the scene ("heavy rains depicting headache": the close-up depicts it).
DEPICTION_VERBS: Final = frozenset({
    "feature", "depict", "show", "portray", "illustrate", "represent", "symbolize", "symbolise",
    "picture", "denote", "signify",
})
# Depiction verbs whose subject must be able to show something (of the classes below).
SHOWING_ONLY_VERBS: Final = frozenset({"depict", "portray", "illustrate", "represent", "symbolize",
                                       "symbolise", "denote", "signify"})
SHOWING_CLASSES: Final = frozenset({"artifact", "communication", "person", "group", "shape", "body",
                                    "animal", "plant"})
# Verbs whose "for" object is awaited, sought or wished for, not there: "glasses wait for service",
# "people waiting for the bus", "looking for a job", "fishing for salmon", "shopping for shoes".
AWAITING_VERBS: Final = frozenset({"wait", "look", "search", "hunt", "ask", "hope", "wish", "long", "pray",
                                   "prepare", "call", "apply", "beg", "queue", "line", "vote", "root",
                                   "fish", "angle", "shop", "dig", "forage", "scout", "trawl"})
# Pieces of a web address: no thing ("check more at http").
URL_WORDS: Final = frozenset({"http", "https", "www", "com", "html", "htm", "php", "url", "href"})
# Verbs of the camera, not of anything in the picture: "christmas tree and candles - focusing on
# the candles" (the shot focuses), "zooming in on the skyline".
CAMERA_VERBS: Final = frozenset({"focus", "zoom", "refocus", "defocus", "pan", "tilt"})
# Verbs of seeing: what "was seen", "was spotted" (a finite past passive) is what a witness saw
# once, not the picture's content ("the witness was driving ... when the object was first seen").
PERCEPTION_VERBS: Final = frozenset({"see", "spot", "notice", "witness", "observe", "sight", "hear",
                                     "detect", "report", "discover", "find", "photograph", "film",
                                     "capture", "record"})
# Classes (``taxonomy.noun_classes``) of things that cannot be "in gold", "in red" (wear it or be
# made of it): "the premiere is in gold" (of "the premiere of woman in gold").
NON_WEARER_CLASSES: Final = frozenset({"communication", "event", "act", "time"})

# Possessives of the reader: what "your" names is the reader's, not the picture's ("Vector beautiful
# watercolor backgrounds for your design", "a watery world is on your doorstep").
READER_POSSESSIVES: Final = frozenset({"your", "yours", "thy", "ur"})
# Prepositions of time whose object is an event before or after the picture ("sorghum being carried
# after harvest", "football player has spoken ahead of the game"): "after", "until", "since" always;
# "before", "ahead of", "prior to" only of an event or a time ("before the altar" is a place).
TIME_PREPS: Final = frozenset({"after", "until", "till", "since"})
TIME_OR_PLACE_PREPS: Final = frozenset({"before", "ahead", "prior"})
# noun classes (``taxonomy.noun_classes``) of events and times
EVENT_CLASSES: Final = frozenset({"event", "act", "time"})
# Noun classes of weather and other phenomena whose aftermath the picture shows: "a typical street scene
# after a heavy snowfall", "after the storm", "after the rain".
VISIBLE_AFTERMATH: Final = frozenset({"phenomenon"})
# Verbs whose "after" is a place or a pursuit, not a time: "a dog running after a ball", "named after".
PURSUIT_VERBS: Final = frozenset({"run", "chase", "go", "come", "look", "name", "race", "hurry", "rush", "sprint",
                                  "dash", "follow", "trail", "call", "seek", "lust", "hanker", "fly", "swim", "gallop",
                                  "jump", "dive", "reach", "grab", "clean", "tidy"})
# Marks of a credit: the name after them made the picture or owns its rights and is not in it
# ("... 2013 © Meg McMahon", "Copyright © Terry Felke-Morris ...").
# ("credit" and "credits" only before a colon: "Photo Credits: Jason Merritt/WireImage").
CREDIT_MARKS: Final = frozenset({"©", "copyright", "(c)"})
# Verbs that take an "-ing" complement right after them ("the dog keeps running", "a boy sits
# reading", "a girl goes shopping"): after any other verb form that is also a plural noun, a
# participle tells that the parse read a compound's head as the verb ("small water drops forming a
# circle", "rain drops falling on a window").
ING_COMPLEMENT_VERBS: Final = frozenset({
    "keep", "start", "stop", "begin", "continue", "finish", "quit", "go", "come", "enjoy", "love", "like",
    "hate", "avoid", "mind", "try", "spend", "sit", "stand", "lie", "lay", "kneel", "rest", "crouch", "squat",
    "run", "walk", "ride", "fly", "swim", "hang", "stay", "remain", "get", "end", "practice", "practise",
    "risk", "miss", "recall", "remember", "prefer", "resume", "imagine", "consider", "dread", "fear",
    "need", "want", "look", "seem", "appear", "feel", "sound", "watch", "see", "hear", "catch", "find",
    "leave", "set", "send", "wander", "roam", "rush", "hurry", "dash", "race", "drift", "float", "lean",
    "pose", "wait", "work", "play", "celebrate", "struggle", "help",
})
