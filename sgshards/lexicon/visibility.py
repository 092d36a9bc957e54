"""What a picture can show: word tables of the caption suitability gate (``text.suitability``,
``text.statements``).

A caption describes a scene when it names something visible (people, animals, things, places,
events) and says what it looks like or does.  Text that names only ideas ("the effects of diet on
sports", "email marketing") or says what someone said, thinks, plans or owns ("Mayor ... said he's
had no formal discussions", "football team intend to build a new stadium") describes none.

The tables hold lemmas.  They were read off the most frequent object heads and main verbs of the
CC3M validation captions and the web alt-text (not off labelled captions), keeping only words that
name nothing a camera sees in their common sense.  Events and gatherings (wedding, concert, meeting,
match), places, pictures and their parts (background, pattern, texture, icon, text, word) are
visible and are in no table.
"""
from __future__ import annotations

from typing import Final

# Heads that name no visible thing: ideas, qualities, states, fields, measures, kinds of text
# about something.
ABSTRACT_NOUNS: Final = frozenset("""
idea concept thing stuff way love business fun beauty example story plan edition
tip category theme feature price number title level use study history future result effect change
condition news message version quality order control success issue function need addition trend energy
science process format campaign training deal mind credit support challenge lesson honor honour
information relationship position development skill experience interest rule role problem choice source
access benefit difference security help instruction opportunity reason value loss environment law
health politics solution cost career chance option content advice resolution management fact truth hope
religion culture peace happiness elegance question data research language secret genre generation
inspiration attention meaning symbolism importance friendship marketing regulation economics economy
impact approach advantage update mission operation lifestyle feeling romance fantasy tutorial review
preview introduction beginning death disease injury damage safety risk strategy policy tax
income profit revenue software program programme technology internet blog article essay report
definition summary overview guideline handbook manual trick hack method technique principle theory
analysis comparison survey statistic growth decline rate percent percentage amount purpose goal aim
objective motivation wisdom knowledge education learning thought opinion belief faith freedom liberty
justice democracy
""".split())

# Main verbs of text about what someone said, thinks, wants, plans or owns, and of news: a finite
# clause with one of them as its verb reports no visible act ("Jerry Buss dies", "deputy says").
NON_VISIBLE_VERBS: Final = frozenset("""
say announce claim report reveal confirm deny admit insist warn urge vow pledge predict explain argue
suggest accuse slam criticise criticize respond reply comment
think believe know want need hope plan intend expect decide wonder mean seem consider understand
remember forget realise realize agree disagree prefer deserve wish guess suppose imagine doubt
cost own earn afford owe die become remain require cause affect increase reduce allow
vote elect appoint nominate resign retire hire sue ban approve reject
introduce launch unveil release debut
""".split())

# Graphics of text, data or a page, not of a scene: a caption naming only these and ideas shows nothing.
GRAPHIC_NOUNS: Final = frozenset("""
screenshot screencap logo diagram chart flowchart infographic template thumbnail
""".split())

# Plural heads of listicle titles after a number: "8 health problems ...", "35 ... Tips".
LIST_NOUNS: Final = frozenset("""
idea tip way thing reason image photo picture example step fact question secret mistake rule quote sign
habit lesson benefit trick hack recipe problem place book movie film song best
""".split())

# Heads of a work's title followed by "of" or "to": "The Field Guide to ...",
# "The History of ...", "An Introduction to ...".
TITLE_HEADS: Final = frozenset("""
guide handbook introduction history art science encyclopedia dictionary anthology biography memoir
diary chronicle tale tales story stories secret secrets essentials basics principles fundamentals
""".split())

# Heads of shop listings besides clothing (``words.CLOTHING``): what a product title names last
# ("Paratrooper Skull iPhone 5C Case", "Bhunny 4 inch Figure", "Dolphin Heart necklace").
MERCHANDISE: Final = frozenset("""
case cover sleeve skin charger cable adapter headphones earphones speaker watch band strap ring earring
necklace pendant bracelet bangle anklet brooch charm keychain wallet purse handbag bag tote clutch
backpack luggage suitcase shoe boot trainer sneaker sandal heel pump loafer slipper wedge tee t-shirt
top hoodie jumper jeans trousers dress gown bikini swimsuit lingerie bra shirt blouse jacket coat
mug cup bottle tumbler poster print canvas sticker decal card postcard invitation calendar notebook
binder planner journal book ebook dvd cd vinyl album toy figure figurine doll plush puzzle kit set
pillow cushion throw blanket rug mat curtain lamp chair sofa loveseat table desk bed mattress cabinet
shelf mirror clock vase candle ornament magnet pin badge patch
oil cream lotion serum shampoo perfume fragrance lipstick polish mascara balm soap
""".split())

# CC3M's stand-ins for names ("person", "actor", "football team", "rock artist", "tourist attraction",
# "armed force"): repeated, they are no keyword stuffing; before "to" and a verb, a headline's subject
PLACEHOLDERS: Final = frozenset({"person", "people", "actor", "actress", "artist", "organization", "business",
                                 "character", "team", "player", "attraction", "force", "unit", "grouping", "genus",
                                 "award", "program"})

# Names of a kind of picture: a stock graphic's title describes it ("piggy bank flat icon with long shadow").
PICTURE_WORDS: Final = frozenset({"vector", "illustration", "icon", "pattern", "background", "clipart", "drawing",
                                  "render", "texture", "silhouette", "cartoon"})

# What a first or second person says of themselves when the text is about a feeling, a wish or an
# opinion, not about what the picture shows ("we had lunch on the beach" still describes).
STANCE_VERBS: Final = frozenset("""
love like want wish think know hope wonder bet need guess believe deserve adore miss hate feel
mean say tell promise swear suppose imagine remember forget agree prefer be can will would should
""".split())

# The pieces of a web address written as words ("... uk www miifotos com simple labeled ...").
URL_WORDS: Final = frozenset({"www", "http", "https", "html", "htm", "php", "aspx"})

# File formats named as words: downloads and files ("speed Png Icon", "... mp3 download", "Magi Edge
# ebook cover"); not "jpg", which stock sites append to a description.
FORMAT_WORDS: Final = frozenset({"png", "gif", "pdf", "mp3", "mp4", "apk", "rar", "torrent", "ebook", "epub", "mobi",
                                 "wav", "flac", "mkv", "avi"})

# Verbs of reported speech: with a clause of its own as their complement ("football player has spoken
# ahead of the game saying it will be a match", "person said he thinks he'll finish the mural") they
# report what someone said, news text about the picture, not what it shows.
SPEECH_VERBS: Final = frozenset("""
say tell claim insist warn admit explain announce reveal speak add state confirm deny argue suggest
report write reckon declare stress joke vow promise predict recall
""".split())

# Heads of a generic claim's complement ("industry is a thrifty way to add beautiful decor ...",
# "printed textiles are a growing business", "tapping electricity illegally is still an issue"):
# a caption that says what something is good for or how things are describes no scene.  Not
# "example" nor "thing" ("this is an example of a traditional water fountain landscape" describes).
GENERIC_ATTRS: Final = frozenset("""
way idea reason fact issue business advice tip choice option solution problem lesson trend opportunity
source secret key alternative investment necessity priority concern risk requirement
""".split())

# Kinds of list a page offers its reader after "here is/are" ("here are some awesome pics!", "here are
# easy ways to ...", "here's the list"); "here's a giraffe eating ..." presents what is seen.
OFFERED_LISTS: Final = frozenset("""
pic photo picture image shot idea tip way thing reason fact detail list step trick hack secret option
example question answer guide recipe update result highlight
""".split())

# Openings of advice to the reader: "make sure any application has ...", "don't forget ...".
ADVICE_OPENINGS: Final = ("make sure", "be sure", "don't forget", "do n't forget", "dont forget", "don't miss",
                          "do n't miss", "remember to", "never forget", "keep in mind")

# Heads of a site's keyword title (home, craft, recipe and coupon sites): "home library design ideas for the book lovers ideas 4
# homes", "design ideas for a contemporary home design."
SEO_HEADS: Final = frozenset({"ideas", "inspirations", "recipes", "topics", "coupons", "tips", "quotes", "worksheets",
                             "printables", "tutorials", "hacks"})

# What the reader does as a visitor of the place shown: "if you look closely, somewhere in the mountains
# is ...", "from the entryway, if you head right is the kitchen", "as you approach this farmhouse".
VISITOR_VERBS: Final = frozenset("""
look head walk enter approach drive turn step climb arrive pass stroll wander
""".split())
