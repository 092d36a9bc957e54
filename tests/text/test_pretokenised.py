"""CC3M's tokenisation spacing repaired in normalisation (issue 15): real CC3M captions of each
class, real dashes that must stay, and web alt-text that must not change."""
import re

import pytest

from sgshards.text.normalize import normalize_caption
from sgshards.text.pretokenised import hyphen_joins, looks_pretokenised, repair_pretokenised
from tests.conftest import shared_file


def clean(raw):
    caption, reason = normalize_caption(raw)
    assert reason is None, raw
    return caption


@pytest.mark.parametrize("raw, expected", [
    # closing particle
    ("close - up of t - shirt hanging on a hanger against white background",
     "close-up of t-shirt hanging on a hanger against white background"),
    ("a protester gives a thumbs - up after he got to the podium",
     "a protester gives a thumbs-up after he got to the podium"),
    # compound heads, also at the end of the caption
    ("ball of gluten - free coconut - lemon cookie dough in a large brown mixing bowl .",
     "ball of gluten-free coconut - lemon cookie dough in a large brown mixing bowl."),
    ("yellow pencils in a row from shortest to longest royalty - free",
     "yellow pencils in a row from shortest to longest royalty-free"),
    ("pop artist and her little lady enjoy a girls - only lunch",
     "pop artist and her little lady enjoy a girls-only lunch"),
    ("it was a carnival - like atmosphere outside the ground as fans from far and wide made the trip "
     "enjoy the title - winning celebrations",
     "it was a carnival-like atmosphere outside the ground as fans from far and wide made the trip "
     "enjoy the title-winning celebrations"),
    ("cupcakes from the award - winning bakery", "cupcakes from the award-winning bakery"),
    # noun + participle before a noun, adverb + participle, number + noun before a noun
    ("snow - covered road during a fresh snowfall", "snow-covered road during a fresh snowfall"),
    ("portrait of a happy red - haired girl", "portrait of a happy red-haired girl"),
    ("carry everything you need in this perfectly - sized bag .",
     "carry everything you need in this perfectly-sized bag."),
    # CC3M dropped the number of "the 20-foot-wide mansion": the dash after "the" stays
    ("the second - floor landing inside the - foot - wide mansion .",
     "the second-floor landing inside the - foot-wide mansion."),
    # chains with a function word inside
    ("step - by - step instructions for converting an old table into a table .",
     "step-by-step instructions for converting an old table into a table."),
    ("model wears a short black off - the - shoulder dress with lace - up sandals .",
     "model wears a short black off-the-shoulder dress with lace-up sandals."),
    ("a wind - driven brush fire was burning out - of - control in the area .",
     "a wind-driven brush fire was burning out-of-control in the area."),
])
def test_word_internal_hyphens_are_rejoined(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw", [
    "so rare - her work is in museums!",                      # function word after the dash
    "puppy - in love with those ears!",
    "flowers & foliage - using rain boots as a planter - a cute idea!",
    "teaching - the mother of all professions",
    "actor - like the contrast between the dark shirt and light suit",   # "like" + object
    "this - bedroom flat in a former abbey has vaulted ceilings and access to the grounds",
    "premiere of - arrivals - of 2",
    "grunge textured wall - old grey background with copy space and scratches",   # phrase on each side
    "blue germs in a drop of dirty water - dark blue background",
    "adopt a dog - small yellow adopted pet in new garden",
    "spring in the garden - cake by person",
    "a dog - running on the beach",
])
def test_dashes_between_phrases_stay(raw):
    assert clean(raw) == raw


@pytest.mark.parametrize("raw, expected", [
    ("a bit less impressive if you consider that it 's a 1960 's replica .",
     "a bit less impressive if you consider that it's a 1960's replica."),
    ("just found this one from the early 60 's a pattern , lately i 've been really eager",
     "just found this one from the early 60's a pattern, lately i've been really eager"),
    ("$ 45 off the womens adidas", "$45 off the womens adidas"),
    ("pupils celebrate raising \u00a3 1,735.37 for organisation",
     "pupils celebrate raising \u00a31,735.37 for organisation"),
    ("save 45 % on every order", "save 45% on every order"),   # CC3M drops the numbers; not real
    ("globes : the green 3d person carrying in hands globe",
     "globes: the green 3d person carrying in hands globe"),
    ("country artist passed away at 81 ; he lost battle to disease ; see all the details here",
     "country artist passed away at 81; he lost battle to disease; see all the details here"),
    ("short on time ? this is one of the easiest recipes you 'll ever make !",
     "short on time? this is one of the easiest recipes you'll ever make!"),
    ("transformers : till all are issue # 4b", "transformers: till all are issue #4b"),
    ("put a ring on it ;)", "put a ring on it ;)"),   # an emoticon, not a clause break
])
def test_clitics_signs_and_punctuation_spacing(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw", [
    # real web alt-text: capitals or joined hyphens, so not tokenised like CC3M
    "Women Wool Cotton Blend Berets - Free Shipping",
    "Louisa Harding : Grace Wool and Silk - Dark Teal (07)",
    "Defrost Control Board - Part # 2477126 Mfg Part # CNT04364",
    "m\u00e9decins obtenus ? t-shirt",
    "Men's Shirt - Navy (M)",
])
def test_web_alt_text_keeps_its_spacing(raw):
    assert not looks_pretokenised(raw)
    assert repair_pretokenised(raw) == raw
    assert clean(raw) == raw


def test_cc3m_dropped_number_artefact_does_not_hide_the_shape():
    # "a 3-story" lost its number; the caption is still tokenised CC3M
    assert looks_pretokenised("treehouse is a-story residential building")
    assert clean("a fire tore through a-square - foot warehouse : close - up") == \
        "a fire tore through a-square - foot warehouse: close-up"


def test_a_chain_is_decided_as_a_whole_or_per_dash():
    assert hyphen_joins(["turn", "of", "the", "last", "century"], "piece") == [True] * 4
    assert hyphen_joins(["36", "year", "old"], "man") == [True, True]
    assert hyphen_joins(["t", "shirt", "and"], None) == [True, False]
    assert hyphen_joins(["boots", "jeans", "jacket", "shirt"], "") == [False] * 3
    assert hyphen_joins(["3", "on", "3"], "tournament") == [False, False]   # "on-3" would be one token


def test_realised_texts_keep_the_repaired_spelling(parser):
    from sgshards.annotate import annotate_batch, item
    [outcome] = annotate_batch(parser, [item(0, "0", "close - up of a gluten - free cake on a plate")])
    record = outcome["record"]
    texts = [p["text"] for p in record["positives"]] + [n["text"] for n in record["negatives"]]
    assert record["caption"] == "close-up of a gluten-free cake on a plate"
    assert texts and not any(" - " in t for t in texts)


def test_cc3m_validation_captions():
    path = shared_file("captions/cc3m_val.tsv")
    raws = [line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    cleaned = [clean(raw) for raw in raws]
    before = sum(raw.count(" - ") for raw in raws)
    after = sum(c.count(" - ") for c in cleaned)
    assert before == 1027
    assert 450 <= before - after <= 520          # 491 joined when measured (issue 15)
    assert not any(" : " in c or c.endswith(" :") for c in cleaned)
    assert not any(re.search(r"[$\u00a3] \d| 's\b", c) for c in cleaned)


def test_web_alt_text_is_left_alone():
    import pyarrow.parquet as pq
    path = shared_file("captions/web_alt_text_10k.parquet")
    captions = [c for c, _ in (normalize_caption(t) for t in pq.read_table(path).column("TEXT").to_pylist())
                if c is not None]
    changed = [c for c in captions if repair_pretokenised(c) != c]
    assert changed == []
