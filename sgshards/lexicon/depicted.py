"""Word tables for words of a caption that name no depicted thing though the parse makes them
objects (``augment.depicted`` reads them; issue 15, precision of positives).

Each table is a class of words or fixed expressions, not the words of a labelled caption:
complex prepositions and figurative phrases whose noun names no thing ("thanks to", "in the name
of", "in full bloom", "the object of desire", "around the world"), possessive pronouns ("an old
drawing of mine"), times ("in march", "S&P 500 Monthly"), possessors that classify or measure
("men's shorts", "the world's thinnest wallet"), adverbs of a generic or a past statement ("often
hung on doors", "where the kings were once crowned"), things a message is addressed to ("a call
to all good men"), and the metadata and page furniture of web alt-text ("— Stockfoto", "Load
image into Gallery viewer").
"""
from __future__ import annotations

from typing import Final


def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in text.replace("\n", "|").split("|") if p.strip())


# Fixed expressions written as words (lower case, contiguous): a noun inside one names no thing in the
# picture.  Complex prepositions ("thanks to climate change", "in the name of industry", "on behalf of",
# "for the sake of"), states in full ("in full flower" is in bloom), the world as a domain ("a trip around
# the world", "the best view in the world"), time to come ("for generations to come") and figurative
# noun phrases ("to play the object of desire", "the centre of attention"; "the heart of the town", whatever
# the preposition before it; "takes the fashion world by storm", "got into the spirit of things").  Not the prepositions of
# place whose noun the graph keeps out already ("in front of") nor literal ones ("in the light of").
FIXED_PHRASES: Final = _phrases("""
thanks to|in the name of|in name of|on behalf of|in spite of|by means of|by way of|in terms of
for the sake of|for sake of|in search of|in case of|in the case of|with regard to|in regard to|in favor of
in favour of|in lieu of|at the expense of|on account of|in addition to|in honor of|in honour of
in memory of|in celebration of|in support of|in response to|in the wake of|as a result of|in the hope of
in hopes of|at the hands of|at the mercy of|on the verge of|on the brink of|in the process of
in the course of|for the purpose of|in need of|in praise of|in pursuit of|in defense of|in defence of
in protest of|with the help of|with the aid of|by virtue of|in accordance with|in contrast to
in comparison to|in comparison with|in relation to|in the event of|on the occasion of|on the eve of
in the run-up to|in preparation for|in exchange for|in return for|for fear of|in the style of
in the spirit of|on the part of|in the context of|at the request of|at the invitation of
under the guise of|in the manner of|on the basis of|with the exception of|in the vicinity of
in the direction of|the heart of|in the midst of|in the absence of|for the benefit of
in full flower|in full bloom|in full swing|in full force|in full cry|in full view|in full voice
in full glory|in all its glory|in all their glory|in full effect
around the world|round the world|all over the world|across the world|in the world|in the universe
of all time|in history|man 's best friend|man's best friend
generations to come|years to come|for generations|for years|for ages|for decades|for centuries
object of desire|objects of desire|object of affection|centre of attention|center of attention
point of view|word of mouth|state of the art|matter of time|tip of the iceberg|elephant in the room
talk of the town|man of the hour|woman of the hour|life of the party|peace of mind|change of heart
labour of love|labor of love|frame of mind|state of mind|food for thought|sense of humour|sense of humor
icing on the cake|best of both worlds|the rest of your life|by storm|into the spirit of things|in the spirit of things
as part of|as part|as a part of|on the market|in this case|in that case|in any case|in each case|all that jazz|on the eve
""")

# Possessive pronouns standing as a noun: "an old drawing of mine" names no thing of its own.
POSSESSIVE_PRONOUNS: Final = frozenset({"mine", "yours", "hers", "ours", "theirs", "thine"})

# Words of how often: "S&P 500 Monthly", "the weekly market" ("a monthly" is a magazine only in a listing).
FREQUENCY_WORDS: Final = frozenset({"daily", "weekly", "monthly", "yearly", "quarterly", "annually", "biweekly",
                                    "fortnightly", "hourly", "nightly"})
# Spans of time besides the calendar's names (``words.CALENDAR_NAMES``; "day", "year", "time" are no object
# of the graph at all): "the week", "last month".
TIME_SPANS: Final = frozenset({"week", "weeks", "month", "months", "hour", "hours", "minute", "minutes",
                               "decade", "decades", "century", "centuries", "fortnight", "millennium"})
# Signs of a date or a number before one: "Jean-Philippe Worth ca. 1890", "Saviour No 1".
CIRCA_WORDS: Final = frozenset({"ca", "ca.", "circa", "c."})
NUMBER_SIGNS: Final = frozenset({"no", "no.", "nr", "nr.", "num", "nos", "#"})
# Heads of a photographer's or an agency's name, capitalised after a name: "Lisa Dawn Photography",
# "London News Pictures", "Getty Images" credit the picture and are not in it.
CREDIT_HEADS: Final = frozenset({"photography", "photographs", "photos", "pictures", "images", "studio", "studios",
                                 "productions", "photo", "imagery", "media"})
STOCK_LABELS: Final = frozenset({"stock", "royalty", "free"})
# Calendar names that are also common nouns or verbs ("a march", "may"): a time only after a time word or
# before a number ("in march", "since may 2019"), or capitalised in lower-case text.
AMBIGUOUS_MONTHS: Final = frozenset({"march", "may", "august"})
TIME_LEAD_WORDS: Final = frozenset({"in", "on", "since", "until", "till", "by", "during", "through", "throughout",
                                    "last", "next", "early", "late", "mid", "of", "from", "to", "this", "every",
                                    "before", "after"})

# Plural person nouns of a classifying possessive: "a men's pair of khaki shorts", "the women's
# semifinal", "kids' room" say for whom a thing is, not that anyone is there.
GENRE_POSSESSORS: Final = frozenset({"men", "women", "children", "kids", "girls", "boys", "ladies", "gentlemen",
                                     "babies", "mens", "womens", "teens", "infants", "toddlers", "juniors",
                                     "seniors", "mums", "moms", "mothers", "fathers", "dads", "brides"})
# Determiners of a possessor that make it a group in the picture ("these women's hands", "two men's hats").
SPECIFIC_DETERMINERS: Final = frozenset({"these", "those", "both", "two", "three", "four", "five", "several",
                                         "my", "our", "his", "her", "their"})
# Words of a possessed thing that make its possessor a domain of comparison, not a thing there: "the
# world's thinnest wallet", "America's favourite dish" (superlatives besides, by their tag).
RANKING_WORDS: Final = frozenset({"first", "last", "only", "favorite", "favourite", "top", "leading", "number",
                                  "no.", "premier", "best-selling", "bestselling", "most"})
# Possessed things that show their possessor ("the women's hands", "dark children's silhouettes").
SHOWING_POSSESSED: Final = frozenset({"silhouette", "shadow", "reflection", "portrait", "smile", "face", "hand",
                                      "foot", "leg", "arm", "head", "eye", "hair", "body", "figure", "pose"})
# Noun classes (``taxonomy.noun_classes``) of a possessor that is there with its first or best thing
# ("the daughter's first day of school", "this sweet dog's first time sleeping inside").
PRESENT_RANKERS: Final = frozenset({"person", "animal"})
# Buyers a listing names: a bare plural after "for" or ending a title ("shoes for women", "tote premium
# handbags women") says for whom a product is (the ``GENRE_POSSESSORS``).
BUYER_PREPS: Final = frozenset({"for"})
# Premises and property: their owner is not in the picture of them ("orange wall of a man's bedroom",
# "the fisherman's hut").
PREMISES: Final = frozenset({
    "house", "home", "bedroom", "room", "kitchen", "office", "garden", "yard", "backyard", "shop", "store",
    "studio", "apartment", "flat", "farm", "estate", "residence", "mansion", "palace", "castle", "villa",
    "cottage", "cabin", "hut", "tomb", "grave", "birthplace", "hometown", "restaurant", "bar", "cafe", "company",
    "collection", "property", "workshop", "bathroom", "living", "lounge", "nursery", "cellar", "attic",
    "garage", "barn", "stable", "residency", "headquarters", "hq", "museum", "gallery", "library", "church",
})
# Heads of a named occasion: the possessor in its name ("The Queen's Birthday Parade", "Mother's Day",
# "St Patrick's Day parade") is no one in the picture.
OCCASION_HEADS: Final = frozenset({
    "day", "parade", "birthday", "festival", "fest", "cup", "trophy", "championship", "championships", "open",
    "games", "race", "marathon", "show", "fair", "gala", "ball", "party", "celebration", "jubilee", "eve",
    "night", "week", "weekend", "tour", "concert", "semifinal", "semifinals", "final", "finals", "classic",
    "award", "awards", "prize", "ceremony", "speech", "address", "visit",
})

# Adverbs of a generic or past statement: what the clause relates is not the picture ("old rustic horseshoe
# often hung on doors", "where the kings were once crowned", "a ruined church that once housed monks").
# The generic ones only with a participle or a past ("fleas often ride pets into a home" is what the picture
# shows);
# the adverbs of the past with any verb, its object and a passive's subject too.
GENERIC_ADVERBS: Final = frozenset({"often", "usually", "traditionally", "typically", "commonly", "generally",
                                    "normally", "frequently", "occasionally", "rarely", "seldom", "customarily",
                                    "historically", "formerly", "once", "previously", "originally"})
PAST_ADVERBS: Final = frozenset({"once", "formerly", "previously", "originally", "historically"})

# Messages and their like: who they are addressed to ("a call to all good men", "a letter to santa") is
# not in the picture.
ADDRESS_NOUNS: Final = frozenset({
    "call", "message", "letter", "ode", "appeal", "plea", "greeting", "greetings", "toast", "salute", "dedication",
    "invitation", "welcome", "note", "warning", "reminder", "shout-out", "shoutout", "homage", "thanks", "thank",
    "prayer", "poem", "song", "farewell", "goodbye", "apology", "advice", "answer", "reply",
    "challenge", "ultimatum", "wish", "wishes",
})
# Modals and conditionals of a clause about the reader: "a venue that will make your events memorable"
# names events that are not yet.
READER_CLAUSE_AUX: Final = frozenset({"will", "would", "can", "could", "may", "might", "should", "shall", "'ll",
                                      "'d", "must"})
# Marks of a condition contrary to fact (with "were"): the things of such a clause are not in the picture
# ("if person were to be crowned the champions ...").
CONDITIONAL_MARKS: Final = frozenset({"if", "unless"})

# Stock sites' labels and names and file words written inside a title ("Luminous light bulb —
# Stockfoto", "... | Alamy"): metadata, not a thing.
METADATA_WORDS: Final = frozenset({
    "stockfoto", "stockfotos", "stockbild", "stockbilder", "stockfotografie", "stockphoto", "stockphotos",
    "stockvektor", "stockvector", "stockillustration", "shutterstock", "alamy", "istock", "istockphoto",
    "dreamstime", "depositphotos", "123rf", "fotolia", "gettyimages", "bigstock", "pixabay", "unsplash",
})
# Page furniture of shop and gallery pages, as written (lower case, contiguous): no word of it is a thing.
PAGE_PHRASES: Final = _phrases("""
load image into gallery viewer|load image into gallery|click to enlarge|click image to enlarge
click to zoom|click to view|view larger image|view larger|view full size|view full-size|open in new window
add to cart|add to basket|add to bag|add to wishlist|add to wish list|add to favorites|add to favourites
quick view|hover to zoom|roll over image to zoom in|image not available|photo not available
pin it|save to pinterest|share on facebook|see details|read more|enlarge image
image detail for|image details for
""")
# Sentence openings of page text: a verb there, capitalised before a determiner or before one of these
# adverbs, is an instruction to the reader ("Insert the Windows XP CD", "shop online in china"), though the
# tagger makes it a noun ("ship a city travels through fog" opens with a thing).
INSTRUCTION_ADVERBS: Final = frozenset({"online", "now"})
CLAUSE_BREAKS: Final = frozenset({".", "!", "?", ":", ";", "|", "-", "\u2013", "\u2014", "(", ")", "\u2022", "*"})

# Light-verb idioms: the object of such a verb names no thing ("police officers stand guard": no guard is
# shown; "the standoff took place", "take a seat", "pay attention").  Verb lemma -> nouns.
LIGHT_VERB_OBJECTS: Final = {
    "stand": frozenset({"guard", "watch", "trial", "firm", "tall", "still"}),
    "keep": frozenset({"guard", "watch", "pace", "track", "count", "company", "time", "eye", "faith", "score"}),
    "take": frozenset({"place", "part", "care", "aim", "shape", "hold", "root", "cover", "turns", "turn",
                       "charge", "action", "notice", "note", "pride", "advantage", "seat", "breath", "look",
                       "stand", "effect", "flight", "form", "sides", "stock", "shelter", "refuge", "control"}),
    "pay": frozenset({"attention", "tribute", "homage", "respects", "heed", "visit"}),
    "make": frozenset({"way", "sense", "progress", "history", "headway", "amends", "peace", "fun", "use"}),
    "give": frozenset({"way", "chase", "birth", "thanks", "rise"}),
    "have": frozenset({"fun", "seat", "look", "go", "chat", "rest", "break", "time", "blast", "sit", "word"}),
    "enjoy": frozenset({"sit", "rest", "break", "time", "moment"}),
    "lose": frozenset({"sight", "track", "control", "balance", "weight"}),
    "catch": frozenset({"sight", "glimpse", "breath"}),
    "set": frozenset({"sail", "foot"}),
    "hold": frozenset({"court", "sway"}),
}

# Nouns made of a verb and its particle ("enjoying a sit down", "a close up on the map"): the parse keeps the
# particle as the noun's dependent and the realisation would cut it ("a sit").  Pairs of noun and particle;
# not a thing with a particle of its verb ("pointing finger up", "turning a light switch off").
PHRASAL_NOUNS: Final = _phrases("""
sit down|close up|set up|walk out|break down|take off|warm up|line up|check up|touch down
stand off|shut down|cover up|drop off|hand out|work out|sit up|pull up|follow up|wake up
run up|roll out|start up|get together|lay out|mix up|round up|print out|hold up|build up|clean up
""")

# Kinds of music, art and writing: as the modifier of a noun ("blues artists", "spoken word artist",
# "gospel of christ quiz graphic") they classify it and name no thing of their own.
# Bare subject nouns of icon and clip-art sets ("organization and human resource management icons") do the same.
GENRE_WORDS: Final = frozenset({"blues", "jazz", "gospel", "folk", "soul", "pop", "punk", "reggae", "rap", "hop",
                                "techno", "disco", "funk", "opera", "classical", "poetry", "comedy", "drama",
                                "fantasy", "horror", "fiction", "anime", "manga", "organization", "management",
                                "business", "education", "finance", "marketing", "science"})
