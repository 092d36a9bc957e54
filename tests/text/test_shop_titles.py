"""Product titles with no listing mark and news headlines (``text.shop_titles``), on real web alt-text
(skipped) and real captions of the same shape that describe a scene or name something else (kept)."""
import pytest

from sgshards.graph import build_graph
from sgshards.schemas.outcomes import PRODUCT_LISTING, SENTENCE_TITLE
from sgshards.text.site_labels import description
from sgshards.text.suitability import unsuitable_reason


def reason_of(parse, caption):
    doc = parse(description(caption))
    return unsuitable_reason(caption, doc, build_graph(doc))


@pytest.mark.parametrize("caption", [
    # a count of parts before the product noun and a hue said twice
    "Kelly Green 6 panel snapback hat with Kelly Green visor red embroidered sealed with a kiss",
    # a buyer ("for pet") and a pile of bare nouns
    "big pattern basket weave carpet food and drinking container for pet metal-net look chair",
    "free printable christmas gift tags for kids",
    # a pile of bare nouns headed by goods
    "copper patina verdigris oval earrings", "men's red rugby stripe wool and cashmere crew length socks",
    # a Title Case product in a colour variant (a print shop's title cut to its description)
    "Boxing Photo Framed Prints - Boxing Gloves in Black andWhite Framed Print by Rebecca Brittain",
])
def test_product_titles_without_listing_marks_are_skipped(parse, caption):
    assert reason_of(parse, caption) == PRODUCT_LISTING


@pytest.mark.parametrize("caption", [
    "Over 8 lakh people in 21 districts in Assam affected by floods",
    "Two Chinese arrested for alleged theft from donation box at Bangkok temple",
    # a finite verb that only says when
    "At least 6 arrested in Kahuku after convoy arrives for controversial wind farm project",
])
def test_news_headlines_are_skipped(parse, caption):
    assert reason_of(parse, caption) == SENTENCE_TITLE


@pytest.mark.parametrize("caption", [
    # three hues of a flag, no pile of nouns
    "red white blue hairbows",
    # the buyer phrase of a description with a determiner
    "Cornell students in front of Sage College, the dormitory for women, ca. 1903.",
    # a metal said twice names things, not a shop's variants; names in a row are a place
    "Gold Rush tourists and locals mining for gold in festival in Buena Vista Colorado USA",
    # a number before a name is an address, not a count of parts
    "Scene of a devastating fire at 35 farm Lane in Seabrook Early Saturday morning.",
    # a verb's "-ing" the tagger read as a noun breaks the pile; goods with a preposition are described
    "Smiling female showing blank credit card", "Women's leather jacket with laces",
    # a graphic's title describes its picture
    "Realistic detailed 3d red apron and thin line icon vector",
    # a colour in lower case after "in" is what is seen
    "young woman in black and white",
    # an event's participle with no count and no name (CC3M), and in a sentence
    "bus driver injured after striking a garbage truck and billboard",
    "a woman was critically injured sunday night after being hit by a car .",
])
def test_scenes_of_the_same_shape_are_kept(parse, caption):
    assert reason_of(parse, caption) is None
