"""Site labels cut before parsing (text.site_labels), on real web alt-text and CC3M captions: the
description is what the parser, the gate and the positives read; the record keeps the caption."""
import pytest

from sgshards.annotate import annotate_batch, item
from sgshards.text.site_labels import description, labelled

CUT = [
    # a stock site's label at the end, with its number and its seller's credit
    ("Finance business graph on corkboard economy — Stock Photo", "Finance business graph on corkboard economy"),
    ("Luminous light bulb — Stockfoto", "Luminous light bulb"),
    ("Gym woman stretching Royalty Free Stock Photography", "Gym woman stretching"),
    ("Branch of Christmas tree with cones isolated on white — Stockfoto #7911579",
     "Branch of Christmas tree with cones isolated on white"),
    ("Closeup of burning camping bonfire Stock Photo - Royalty-Free, Artist: naumoid, Code: 400-04986850",
     "Closeup of burning camping bonfire"),
    ("Home Restoration Stock photo © carmen2011", "Home Restoration"),
    ("Will Ferrell Editorial Stock Image", "Will Ferrell"),
    ("a red ornament isolated on a white background: free stock photo?", "a red ornament isolated on a white background"),
    ("tabby cat lying on a sofa at home -- stock photo #", "tabby cat lying on a sofa at home"),
    # ... and at the start
    ("Stock Video Footage of tourists inside the gates of the forbidden city",
     "tourists inside the gates of the forbidden city"),
    ("Stock Photo: Brick wall texture", "Brick wall texture"),
    ("stock photo of organism - Garden pests - JPG", "organism - Garden pests"),
    # a print shop's product and category around the title
    ("Pajamas Framed Prints - Girl blowing up balloon Framed Print by Sami Sarkis", "Girl blowing up balloon"),
    ("Boat on Shore, Jonesport, ME Photographic Print by Kindra Clineff", "Boat on Shore, Jonesport, ME"),
    ("Cartoon pig Framed Print", "Cartoon pig"),
    # a gallery widget's words
    ("Load image into Gallery viewer, Boys Baptismal Romper", "Boys Baptismal Romper"),
    ("Thumbnail 3 bed terraced house for sale in Hollybush Close, Leicester",
     "3 bed terraced house for sale in Hollybush Close, Leicester"),
    # a photographer's credit
    ("US rider Stephen Basset in the Elite Junior World Championships of Cyclocross 2013 © Meg McMahon",
     "US rider Stephen Basset in the Elite Junior World Championships of Cyclocross 2013"),
    ("© Gail Harker - hand woven papers for a color study", "hand woven papers for a color study"),
    # a credit in parentheses at the end; a pipe followed by a sentence is no site's name
    ("Danny Lee (NZL) during round 3 of the Players, TPC Sawgrass, Championship Way, Ponte Vedra Beach, FL 32082, USA. "
     "14/05/2016. Picture: Golffile | Fran Caffrey All photo usage must carry mandatory copyright credit (© Golffile "
     "| Fran Caffrey)",
     "Danny Lee (NZL) during round 3 of the Players, TPC Sawgrass, Championship Way, Ponte Vedra Beach, FL 32082, USA. "
     "14/05/2016. Picture: Golffile | Fran Caffrey All photo usage must carry mandatory copyright credit"),
    # a site's name after a pipe; nested labels
    ("The hillside town of Lindos, Rhodes | Hello Victoria", "The hillside town of Lindos, Rhodes"),
    ("Load image into Gallery viewer, Raw Amazonite in Quartz | Amazonite Mineral Specimen | Crystals Stones Rocks "
     "& Minerals", "Raw Amazonite in Quartz"),
    # a shop's tag before a pipe is cut, never the product it tags
    ("|READYSTOCK-SEALED| BLACKPINK SQUARE UP", "BLACKPINK SQUARE UP"),
    ("|READY STOCK| Blue denim jacket", "Blue denim jacket"),
    ("DIESEL | Gray T-rain for Men | Lyst", "Gray T-rain for Men"),
    ("LAUREL BLACK | The Sun", "LAUREL BLACK"),               # a product in capitals, then the site's name
    # a lender's credit at the end
    ("Frederick Nicholls Crouch (Photo courtesy of the Music Division, The New York Public Library)",
     "Frederick Nicholls Crouch"),
    ("Duffy's Wings, photo courtesy of Duffy's", "Duffy's Wings"),
    ("Steve Martin talks about The Big Year, which is slated for release on October 14, 2011. - Provided courtesy "
     "of none / Fox 2000 Pictures", "Steve Martin talks about The Big Year, which is slated for release on October 14, "
     "2011."),
]

KEPT = [
    "an angler fishes river on a snowy day.",                  # CC3M: nothing to cut
    "Stock Photos",                                            # nothing would be left
    "Traffic Jam at Puente de Balboa in Panama City",
    "Paint cans and a print of a lion on the wall",
    "|SALE|",                                                  # a tag alone
    # "courtesy of" that says why, not who lent the picture
    "person was sent flying to the ice courtesy of a first period hit from person in front of person .",
]


@pytest.mark.parametrize("caption,expected", CUT)
def test_site_labels_are_cut(caption, expected):
    assert description(caption) == expected


@pytest.mark.parametrize("caption", KEPT)
def test_captions_without_labels_are_left_whole(caption):
    assert description(caption) == caption


def test_a_stock_label_is_recognised_in_the_caption_as_written():
    assert labelled("Woman holding a clock — Stock Photo") and labelled("Traffic at Night - Stock fotografie")
    assert not labelled("a stock of firewood by the door")


def test_the_record_keeps_the_caption_and_the_positives_read_the_description(parser):
    caption = "Pajamas Framed Prints - Girl blowing up balloon Framed Print by Sami Sarkis"
    record = annotate_batch(parser, [item(0, "a", caption)])[0]["record"]
    assert record["caption"] == caption and record["skipped"] is None
    texts = [p["text"] for p in record["positives"]]
    assert texts[0] == "Girl blowing up balloon"
    assert any(t in texts for t in ("girl blowing up a balloon", "girl is blowing up a balloon"))
    assert not any("Print" in t or "frame" in t for t in texts + [n["text"] for n in record["negatives"]])


def test_a_shops_tag_before_a_pipe_leaves_the_product_to_the_parser(parser):
    """Hostile input: "|TAG| product" must not be read as the tag alone (the pipe's first segment):
    the parser reads the product's content words, the record keeps the caption."""
    caption = "|READY STOCK| Blue denim jacket"
    record = annotate_batch(parser, [item(0, "a", caption)])[0]["record"]
    assert record["caption"] == caption
    assert {"Blue", "denim", "jacket"} <= set(record["tokens"]) and "STOCK" not in record["tokens"]
    assert not any("STOCK" in p["text"] for p in record["positives"][1:])


def test_a_stock_title_cut_to_its_description_is_still_read_as_one(parser):
    """The gate reads a stock title's description as describing its picture (no Title Case skip) and a
    name sold as a keyword as a name."""
    out = annotate_batch(parser, [item(0, "a", "Kookaburra in tree — Stock Photo #1214233"),
                                  item(1, "b", "Will Ferrell Editorial Stock Image")])
    kept, name = (o["record"] for o in out)
    assert kept["skipped"] is None
    assert any(p["text"] in ("Kookaburra in a tree", "Kookaburra is in a tree") for p in kept["positives"])
    assert name["skipped"] == "names_list" and name["positives"][0]["text"] == "Will Ferrell"


def test_a_description_with_no_object_falls_back_to_the_caption(parser):
    """"Thumbnail of video Three Loco -" cut to "video Three Loco -" still has an object; a description
    that parses to none is replaced by the caption as written, so no row is lost to the cut."""
    class NoObjectFor:
        def __init__(self, inner, text):
            self.inner, self.text = inner, text

        def parse(self, captions):
            return self.inner.parse(["very nice" if c == self.text else c for c in captions])

    caption = "Gym woman stretching Royalty Free Stock Photography"
    out = annotate_batch(NoObjectFor(parser, "Gym woman stretching"), [item(0, "a", caption)])[0]
    assert out["status"] == "written" and out["record"]["positives"][0]["text"] == caption
