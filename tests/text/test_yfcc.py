import pytest

from sgshards.text.yfcc import (DESCRIPTION_TOO_LONG, FILE_NAME_OR_DATE, MOSTLY_LINKS_OR_TAGS, NO_TEXT,
                                      REJECT_REASONS, TOO_FEW_WORDS, YFCC100M_COLUMNS, choose_caption,
                                      decode_field, yfcc_fields, yfcc_from_mapping)

# All examples are made up in the style of Flickr metadata.


@pytest.mark.parametrize("raw, expected", [
    ("caf%C3%A9+in+Paris", "café in Paris"),
    ("%E6%9D%B1%E4%BA%AC%E3%82%BF%E3%83%AF%E3%83%BC", "東京タワー"),
    ("Tom%27s+boat+%26+trailer", "Tom's boat & trailer"),
    ("100%25+organic", "100% organic"),
    ("bad+byte+%FF+here", "bad byte \ufffd here"),             # invalid UTF-8 -> U+FFFD
    ("A+%3Cb%3Ebig%3C%2Fb%3E+red+barn%3Cbr+%2F%3E%0A%26quot%3BOld+Mill%26quot%3B",
     'A big red barn "Old Mill"'),
    ("Found+on+%3Ca+href%3D%22http%3A%2F%2Fwww.example.com%2Fa%3Fb%3D1%22+rel%3D%22nofollow%22%3E"
     "this+page%3C%2Fa%3E.", "Found on this page."),
    ("line+one%0D%0A%0D%0Aline%09two++", "line one line two"),
    ("2009-05-12", "2009-05-12"),                               # no letters: kept as is
    ("C++ rocks", "C++ rocks"),                                 # has a space: already decoded
    ("%3Cbr%3E", ""),
    ("", ""),
    (None, ""),
])
def test_decode_field(raw, expected):
    assert decode_field(raw) == expected


def test_decode_field_is_stable_on_decoded_text():
    once = decode_field("A+%3Ci%3Equiet%3C%2Fi%3E+morning+%26amp%3B+fog")
    assert once == "A quiet morning & fog"
    assert decode_field(once) == once


@pytest.mark.parametrize("title", [
    "IMG_1234", "DSC_0042.JPG", "P1010203", "20090512-DSC_1234", "100_0345", "DSCN0042+small",
    "Copy+of+IMG_1234", "IMG+1234+copy", "Picture+023+of+100", "Scan+10+%282%29", "Untitled+photo",
    "2009-05-12", "12+May+2009", "May+12%2C+2009+10%3A32+am", "Sunday%2C+March+1st", "4th+of+July",
    "beach_sunset.jpg", "Day+42+of+the+project",
])
def test_camera_file_names_and_dates_are_not_captions(title):
    assert choose_caption(title, "") == (None, FILE_NAME_OR_DATE)


@pytest.mark.parametrize("title, expected", [
    ("4th+of+July+fireworks", "4th of July fireworks"),
    ("Trip+to+Paris+2009", "Trip to Paris 2009"),
    ("Sunset+at+the+beach", "Sunset at the beach"),
    ("May+flowers+in+the+park", "May flowers in the park"),
    ("don%27t+feed+the+ducks", "don't feed the ducks"),
    ("Eiffel+Tower", "Eiffel Tower"),
])
def test_titles_with_content_words_are_captions(title, expected):
    assert choose_caption(title, None) == (expected, None)


@pytest.mark.parametrize("title, reason", [
    ("Paris", TOO_FEW_WORDS),
    ("Summer+2009", TOO_FEW_WORDS),
    ("%E6%9D%B1%E4%BA%AC%E3%82%BF%E3%83%AF%E3%83%BC", TOO_FEW_WORDS),   # one token: no spaces in Japanese
    ("%23sunset+%23beach+%23nofilter+dusk", MOSTLY_LINKS_OR_TAGS),
    ("http%3A%2F%2Fwww.example.com%2Fgallery+%40someone+photos", MOSTLY_LINKS_OR_TAGS),
    ("www.flickr.com", MOSTLY_LINKS_OR_TAGS),
    ("%3Cbr%3E%26nbsp%3B", NO_TEXT),
])
def test_unusable_titles_report_why(title, reason):
    assert choose_caption(title, "") == (None, reason)


def test_half_links_or_hashtags_is_not_mostly():
    assert choose_caption("%23sunset+%23beach+at+dusk", "") == ("#sunset #beach at dusk", None)
    assert choose_caption("http%3A%2F%2Fwww.example.com%2Fgallery+%40someone+my+photos", "") == (
        "http://www.example.com/gallery @someone my photos", None)


def test_description_replaces_a_camera_file_title():
    assert choose_caption("IMG_1234", "caf%C3%A9+in+Paris") == ("café in Paris", None)


def test_html_description_is_cleaned():
    description = ("Our+%3Cb%3Eold%3C%2Fb%3E+barn+after+the+storm%2C+see+%3Ca+href%3D%22http%3A%2F%2F"
                   "www.flickr.com%2Fphotos%2Fx%2F123%2F%22%3Ethe+set%3C%2Fa%3E%3Cbr+%2F%3E")
    assert choose_caption("DSC_0042", description) == ("Our old barn after the storm, see the set", None)


def test_both_usable_longer_description_wins():
    assert choose_caption("Golden+Gate+Bridge",
                          "The+Golden+Gate+Bridge+in+fog%2C+seen+from+Baker+Beach") == (
        "The Golden Gate Bridge in fog, seen from Baker Beach", None)


@pytest.mark.parametrize("description", [
    "Grand+Canyon",                 # same word count: the title
    "Big+hole",                     # fewer words
])
def test_both_usable_title_wins_unless_description_has_more_words(description):
    assert choose_caption("Grand+Canyon", description) == ("Grand Canyon", None)


def test_unusable_description_leaves_the_title():
    assert choose_caption("Lion+at+the+zoo", "IMG_0042.JPG") == ("Lion at the zoo", None)
    assert choose_caption("Lion+at+the+zoo", "%23zoo+%23lion+%23nature") == ("Lion at the zoo", None)


def _long_description(first_sentence: str, filler_words: int = 45) -> str:
    return first_sentence + "+" + "+".join(["more"] * filler_words)


def test_long_description_is_cut_to_its_first_sentence():
    description = _long_description("Our+dog+Max+at+the+beach.+He+loves+the+waves")
    assert choose_caption("DSC_0042.JPG", description) == ("Our dog Max at the beach.", None)


def test_long_description_first_sentence_ends_at_a_line_break():
    for line_break in ("%0A", "%3Cbr+%2F%3E", "%3C%2Fp%3E%3Cp%3E"):
        description = _long_description("Morning+fog+over+the+valley" + line_break + "Canon+5D%2C+f%2F8")
        assert choose_caption("IMG_1234", description) == ("Morning fog over the valley", None), line_break


def test_cut_description_competes_with_the_title_on_word_count():
    description = _long_description("Lake+Tahoe%21+What+a+view")
    assert choose_caption("Lake+Tahoe+at+sunrise", description) == ("Lake Tahoe at sunrise", None)


def test_long_description_with_unusable_first_sentence():
    description = _long_description("Wow%21+Lake+Tahoe+at+sunrise")
    assert choose_caption("IMG_1234", description) == (None, FILE_NAME_OR_DATE)   # the title's reason
    assert choose_caption("", description) == (None, DESCRIPTION_TOO_LONG)
    assert choose_caption("Lake+Tahoe", description) == ("Lake Tahoe", None)


def test_long_description_without_sentence_end_is_too_long():
    assert choose_caption("", _long_description("a+lake")) == (None, DESCRIPTION_TOO_LONG)


def test_max_words_is_the_description_limit():
    description = "A+red+kite+over+the+dunes+on+a+windy+afternoon"        # 10 words
    assert choose_caption("Kite+flying", description) == ("A red kite over the dunes on a windy afternoon", None)
    assert choose_caption("Kite+flying", description, max_words=9) == ("Kite flying", None)
    assert choose_caption("Kite+flying", description + ".+Fun", max_words=10) == (
        "A red kite over the dunes on a windy afternoon.", None)


def test_neither_usable():
    assert choose_caption("IMG_1234", "%3Ca+href%3D%22http%3A%2F%2Fx.com%22%3Ehttp%3A%2F%2Fx.com%3C%2Fa%3E") == (
        None, FILE_NAME_OR_DATE)
    assert choose_caption("", "http%3A%2F%2Fx.com") == (None, MOSTLY_LINKS_OR_TAGS)
    assert choose_caption("", "") == (None, NO_TEXT)
    assert choose_caption(None, "+%0A+") == (None, NO_TEXT)
    assert set(REJECT_REASONS) == {NO_TEXT, MOSTLY_LINKS_OR_TAGS, FILE_NAME_OR_DATE, TOO_FEW_WORDS,
                                   DESCRIPTION_TOO_LONG}


# --- layouts -----------------------------------------------------------------------------

def _row(photo_id="6985418911", title="Eiffel+Tower", description="", url=None) -> list[str]:
    values = {
        "photo_id": photo_id, "user_nsid": "12345678@N00", "user_nickname": "some+one",
        "date_taken": "2012-04-01 10:32:11.0", "date_uploaded": "1333300000", "capture_device": "Canon+EOS+5D",
        "title": title, "description": description, "user_tags": "paris,tower", "machine_tags": "",
        "longitude": "2.294", "latitude": "48.858", "accuracy": "16",
        "page_url": f"http://www.flickr.com/photos/someone/{photo_id}/",
        "download_url": url if url is not None else f"http://farm8.staticflickr.com/7/{photo_id}_abc.jpg",
        "license_name": "Attribution License", "license_url": "http://creativecommons.org/licenses/by/2.0/",
        "server_id": "7", "farm_id": "8", "secret": "abc", "secret_original": "def", "extension": "jpg",
        "marker": "0",
    }
    assert list(values) == list(YFCC100M_COLUMNS)
    return list(values.values())


def test_yfcc_fields_23_columns():
    assert yfcc_fields(_row(description="A+tall+tower")) == {
        "key": "6985418911", "url": "http://farm8.staticflickr.com/7/6985418911_abc.jpg",
        "title": "Eiffel+Tower", "description": "A+tall+tower"}


def test_yfcc_fields_with_line_number_column():
    assert yfcc_fields(["17"] + _row()) == yfcc_fields(_row())


def test_yfcc_fields_with_trailing_extra_column():
    assert yfcc_fields(_row() + ["a1b2c3"]) == yfcc_fields(_row())


@pytest.mark.parametrize("fields", [
    _row()[:22],                             # too short
    ["photo"] + _row()[1:],                  # header-like first field
    _row(url="Attribution+License"),         # shifted columns
    [],
])
def test_yfcc_fields_rejects_other_rows(fields):
    with pytest.raises(ValueError):
        yfcc_fields(fields)


def test_yfcc_fields_then_choose_caption():
    row = yfcc_fields(["3"] + _row(title="IMG_1234", description="caf%C3%A9+in+Paris"))
    assert choose_caption(row["title"], row["description"]) == ("café in Paris", None)


def test_yfcc_from_mapping_header_names():
    assert yfcc_from_mapping({"photoid": 42, "downloadurl": "http://x/42.jpg ", "title": "a+b",
                              "description": None, "usertags": "x"}) == {
        "key": "42", "url": "http://x/42.jpg", "title": "a+b", "description": ""}
    assert yfcc_from_mapping({"Key": "000001", "URL": "http://x/1.jpg", "Title": "t"}) == {
        "key": "000001", "url": "http://x/1.jpg", "title": "t", "description": ""}
    assert yfcc_from_mapping({"photo_id": "7", "key": "h", "download_url": "http://x/7.jpg",
                              "url": "http://y", "description": "d"})["key"] == "7"


@pytest.mark.parametrize("row", [
    {"title": "t", "downloadurl": "http://x"},          # no key
    {"photoid": "1", "title": "t"},                      # no url
    {"photoid": "1", "url": "http://x", "caption": "t"}, # no title or description
])
def test_yfcc_from_mapping_rejects_rows_without_needed_columns(row):
    with pytest.raises(ValueError):
        yfcc_from_mapping(row)
