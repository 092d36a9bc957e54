from importlib import resources

import pytest

from sgshards.text import normalize as nz
from sgshards.text.normalize import (CAPTION_TOO_LONG, CAPTION_TOO_SHORT, CONTROL_CHARACTERS_ONLY,
                                           EMPTY_CAPTION, HARD_LIMIT_CHARS, NO_LETTERS, NOT_TEXT,
                                           normalize_caption, truncate_caption)
from tests.conftest import shared_file


def clean(raw, **kw):
    caption, reason = normalize_caption(raw, **kw)
    assert reason is None, f"{raw!r} rejected as {reason}"
    return caption


@pytest.mark.parametrize("raw, expected", [
    ("fish &amp; chips", "fish & chips"),
    ("a dog&#39;s bed", "a dog's bed"),
    ("a dog&#x27;s bed", "a dog's bed"),
    ("&quot;a red car&quot; on sale", '"a red car" on sale'),
    ("Tom &amp;amp; Jerry", "Tom & Jerry"),              # double-escaped
    ("Tom &amp;#39;s cat", "Tom's cat"),
    ("salt &amp pepper", "salt & pepper"),               # semicolon missing
    ("a sign saying &lt;open&gt;", "a sign saying <open>"),
    ("AT&T store this&not that", "AT&T store this&not that"),  # no entity here
    ("a &unknown; entity", "a &unknown; entity"),
    ("caf&eacute; tables", "café tables"),
])
def test_html_entities(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("a blue vase<br>with flowers", "a blue vase with flowers"),
    ("a blue vase<br/>with flowers<BR />", "a blue vase with flowers"),
    ("a <b>red</b> umbrella", "a red umbrella"),
    ('a <span class="x">big</span> <a href="http://x.org/?a=1&b=2">dog</a>', "a big dog"),
    ("<p>two cats</p><p>on a sofa</p>", "two cats on a sofa"),
    ("a dog<script>var x = '<b>';</script> running", "a dog running"),
    ("a dog <!-- tracking --> running", "a dog running"),
    ("&lt;b&gt;bold&lt;/b&gt; text", "bold text"),          # escaped markup
    ("I <3 my dog", "I <3 my dog"),                         # not a tag
    ("a box labelled <dog food>", "a box labelled <dog food>"),
    ("a hat<o:p></o:p> on a table", "a hat on a table"),
])
def test_html_tags(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("a dog\ton a\n\ncouch", "a dog on a couch"),
    ("  a dog   on a couch  ", "a dog on a couch"),
    ("a\u00a0dog\u2003on\u3000a couch", "a dog on a couch"),
    ("a gr\u200been bot\ufefftle", "a green bottle"),
    ("a soft\u00adware box", "a software box"),
    ("a dog\x00 on a\x07 couch\x1b", "a dog on a couch"),
    ("a line\u2028break and\u0085", "a line break and\u2026"),   # NEL read as cp1252 ellipsis
    ("don\x92t touch the \x93red\x94 button", "don't touch the \"red\" button"),
    ("\u200f\u202ea mirrored sign\u202c", "a mirrored sign"),
])
def test_whitespace_and_control_characters(raw, expected):
    assert clean(raw) == expected


def test_unicode_is_nfc():
    assert clean("cafe\u0301 on the corner") == "caf\u00e9 on the corner"
    assert clean("\u2018single\u2019 and \u201cdouble\u201d quotes") == "'single' and \"double\" quotes"


@pytest.mark.parametrize("raw, expected", [
    ("a dog on a couch .", "a dog on a couch."),
    ("a cup of coffee , next to a croissant .", "a cup of coffee, next to a croissant."),
    ("what a view !", "what a view!"),
    ("Where is it ? Right here", "Where is it ? Right here"),   # only a final ?/! moves (French spacing)
    ("where is it ? right here", "where is it? right here"),    # ... unless tokenised like CC3M
    ("my fianc\u00e9 's birthday", "my fianc\u00e9's birthday"),
    ("they 're here and we 've left", "they're here and we've left"),
    ("do n't and ca n't", "don't and can't"),
    ("costs .5 dollars", "costs .5 dollars"),
    ("wait ... what", "wait... what"),
])
def test_tokenised_caption_artefacts(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ('"a small cottage by the sea"', "a small cottage by the sea"),
    ("'a small cottage'", "a small cottage"),
    ("\u201ca small cottage\u201d", "a small cottage"),
    ("\u00aba small cottage\u00bb", "a small cottage"),
    ('"a small" cottage "by the sea"', '"a small" cottage "by the sea"'),  # not one wrapping pair
    ('"a dog', '"a dog'),
    # a CSV field kept with its quoting (web heldout10)
    ('"The Official Website of Mike ""The Truth"" Jackson"', 'The Official Website of Mike "The Truth" Jackson'),
    ('"Bruce Flooring 0.25"" x 2"" White Oak T-Molding"', 'Bruce Flooring 0.25" x 2" White Oak T-Molding'),
    ('"""a small cottage"""', "a small cottage"),
    ('"a ""small"" and a "big" cottage"', '"a ""small"" and a "big" cottage"'),     # not one CSV field
])
def test_wrapping_quotes(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("<PERSON> walks her dog", "a person walks her dog"),
    ("<PERSON>'s new house", "a person's new house"),
    ("<PERSON>\u2019s new house", "a person's new house"),
    ("the <PERSON>'s car", "the person's car"),
    ("a painting by <PERSON>", "a painting by a person"),
    ("a portrait of <PERSON> <PERSON> at home", "a portrait of a person at home"),
    ("<PERSON><PERSON> smiling", "a person smiling"),
    ("<PERSON> and <PERSON> on the red carpet", "a person and a person on the red carpet"),
    ("<person> on a bike", "a person on a bike"),
    ("&lt;PERSON&gt; on a bike", "a person on a bike"),
    ("actor <PERSON> arrives at the premiere", "actor arrives at the premiere"),
    ("singer <PERSON>'s new album", "singer's new album"),
    ("Mr. <PERSON> stands next to his car", "a person stands next to his car"),
    ("Photo <PERSON>", "Photo by a person"),
    ("photo: <PERSON> at the premiere", "photo: a person at the premiere"),
    ("a lake at dawn | Photo: <PERSON>", "a lake at dawn"),
    ("a man on the pier, photo by <PERSON>.", "a man on the pier"),
    ("a quiet beach (Photo: <PERSON> <PERSON>)", "a quiet beach"),
    ("an old barn \u00a9 <PERSON>", "an old barn"),
    ("a photo of <PERSON>", "a photo of a person"),             # subject, not a credit
    ("an epic by <PERSON>", "an epic by a person"),             # "pic by" inside a word
])
def test_person_placeholder(raw, expected):
    assert clean(raw) == expected


def test_person_placeholder_becomes_a_noun_for_the_parser(parse):
    tokens = parse(clean("<PERSON>'s dog sleeps on a red sofa"))
    person = next(t for t in tokens if t.text == "person")
    assert person.upos == "NOUN"
    assert tokens[person.head].text == "dog"


@pytest.mark.parametrize("raw", [
    "a golden retriever playing in the garden \U0001f436",
    "family \U0001f468\u200d\U0001f469\u200d\U0001f467 at the beach",   # ZWJ sequence kept
    "un perro marr\u00f3n durmiendo en el sof\u00e1",
    "eine rote Katze sitzt auf dem Fensterbrett",
    "\u6728\u306e\u30c6\u30fc\u30d6\u30eb\u306e\u4e0a\u306e\u8d64\u3044\u308a\u3093\u3054",
    "\u0642\u0637\u0629 \u0639\u0644\u0649 \u0627\u0644\u0623\u0631\u064a\u0643\u0629",
    "\u0928\u0940\u0932\u093e \u0906\u0915\u093e\u0936",                # Devanagari with virama
])
def test_emoji_and_non_english_pass_unchanged(raw):
    assert clean(raw) == raw


def test_stray_zero_width_joiner_removed():
    assert clean("a\u200d dog \u200con a couch") == "a dog on a couch"


def test_surrogates_are_joined_or_dropped():
    assert clean("\ud83d\ude00 a smiling dog") == "\U0001f600 a smiling dog"
    assert clean("a dog \ud83d on a couch\udc00") == "a dog on a couch"
    clean("\udcff\ud800 x y z").encode("utf-8")  # must be encodable


@pytest.mark.parametrize("raw, reason", [
    (None, NOT_TEXT),
    (b"a dog", NOT_TEXT),
    (42, NOT_TEXT),
    ("", EMPTY_CAPTION),
    ("   \t\n\u00a0", EMPTY_CAPTION),
    ("<br><p></p>", EMPTY_CAPTION),
    ("&nbsp;&nbsp;", EMPTY_CAPTION),
    ("\x00\x01\x1b", CONTROL_CHARACTERS_ONLY),
    ("\u200b\ufeff", CONTROL_CHARACTERS_ONLY),
    ("12345 678", NO_LETTERS),
    ("!!! ...", NO_LETTERS),
    ("\U0001f436\U0001f431", NO_LETTERS),
    ("a", CAPTION_TOO_SHORT),
    ("e\u0301", CAPTION_TOO_SHORT),   # one character after NFC
    ("x" * (HARD_LIMIT_CHARS + 1), CAPTION_TOO_LONG),
])
def test_rejections(raw, reason):
    assert normalize_caption(raw) == (None, reason)


def test_reasons_are_stable_snake_case():
    assert set(nz.REJECT_REASONS) == {"not_text", "empty_caption", "control_characters_only",
                                      "no_letters", "caption_too_short", "caption_too_long"}


def test_length_bounds_are_parameters():
    assert normalize_caption("a dog", min_chars=6) == (None, CAPTION_TOO_SHORT)
    assert clean("a red dog on a couch", max_chars=10) == "a red dog"
    with pytest.raises(ValueError):
        normalize_caption("a dog", max_chars=1, min_chars=2)


def test_100_kb_input_rejected_before_work():
    raw = "a dog on a couch " * 6000  # 102,000 characters
    assert len(raw) > HARD_LIMIT_CHARS
    assert normalize_caption(raw) == (None, CAPTION_TOO_LONG)


def test_long_input_under_hard_limit_truncated_at_word_boundary():
    raw = "a red dog on a couch next to a cat " * 2800  # ~98,000 characters, no sentence ends
    out = clean(raw)
    assert len(out) <= 512 and raw.startswith(out)
    assert raw[len(out)] == " " and out == out.rstrip()


def test_truncation_prefers_a_sentence_end():
    first = "A red barn stands in a snowy field. " * 10
    out = truncate_caption(first + "x" * 300, 512)
    assert out == first.rstrip()


def test_truncation_without_spaces_is_a_hard_cut_outside_combining_marks():
    assert truncate_caption("\u732b" * 600, 512) == "\u732b" * 512
    text = "a" * 511 + "e\u0301" + "b" * 100   # combining accent would straddle the cut
    assert truncate_caption(text, 512) == "a" * 511


def test_truncation_drops_dangling_separator():
    assert truncate_caption("a dog, " + "x" * 600, 8) == "a dog"


def test_fast_path_agrees_with_full_cleaning():
    captions = ["a red car next to a blue house", "two dogs, three cats", "a dog's bed",
                "I'm here", "Men's Shirt - Navy (M)", "costs $5.99 today", "x"]
    for caption in captions:
        assert nz._is_clean_ascii(caption)
        assert nz._clean(caption) == (caption, None)


# --- embedded sample ------------------------------------------------------------------

def sample_rows():
    text = resources.files("sgshards").joinpath("data/sample_cc12m.tsv").read_text(encoding="utf-8")
    return text.splitlines()


def test_sample_has_cc12m_shape():
    rows = sample_rows()
    assert 280 <= len(rows) <= 320
    fields = [row.split("\t") for row in rows]
    assert sum(len(f) == 1 for f in fields) == 1          # one malformed row, no tab
    assert all(len(f) <= 2 for f in fields)
    urls = [f[0].split(" ")[0] for f in fields]
    assert all(u.startswith(("https://example.com/img/", "https://example.org/img/")) for u in urls)
    assert len(set(urls)) == len(urls)


def test_every_sample_caption_normalises():
    outcomes = [normalize_caption(row.split("\t", 1)[1]) for row in sample_rows() if "\t" in row]
    reasons = [reason for _, reason in outcomes if reason]
    assert sorted(reasons) == [EMPTY_CAPTION, EMPTY_CAPTION]
    kept = [caption for caption, _ in outcomes if caption]
    assert all(normalize_caption(c) == (c, None) for c in kept)   # idempotent
    assert any("person" in c for c in kept) and any(len(c) > 300 for c in kept)
    assert not any("<PERSON>" in c or "&amp;" in c or c.endswith(" .") for c in kept)


def test_cc3m_validation_captions_normalise_idempotently():
    path = shared_file("captions/cc3m_val.tsv")
    captions = [line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    for raw in captions:
        caption, reason = normalize_caption(raw)
        assert reason is None, raw
        assert normalize_caption(caption) == (caption, None), raw


def test_random_junk_never_raises_and_cleaning_is_idempotent():
    import random
    pieces = list("ab cdeXY.,!?'\"&;#<>/|()") + [
        "&amp;", "&amp;amp;", "&#39;", "&lt;", "&gt;", "<br>", "<b>", "</b>", "<PERSON>", "'s", " n't",
        " .", "photo by ", "the ", "actor ", "Mr. ", "\t", "\n", "\u00a0", "\u200b", "\u200d", "\x00",
        "\x92", "\ud83d", "\ude00", "e\u0301", "\u0301", "\U0001f436", "\u201c", "\u201d", "\u00ab",
        "\u00bb", "\u00a9", "\u732b"]
    rng = random.Random(7)
    for _ in range(3000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        caption, reason = normalize_caption(raw)
        assert (caption is None) != (reason is None)
        if caption is not None:
            caption.encode("utf-8")
            assert normalize_caption(caption) == (caption, None), raw
