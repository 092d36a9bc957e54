"""The table matcher must give exactly the annotations of spaCy's own attribute ruler."""
import pytest
import spacy

from sgshards.parse.attribute_matcher import TableMatcher, Unsupported, install

from ..conftest import shared_file

# Contractions, the two-token exceptions (gonna, gotta, let's, c'mon, y'all), expletive "there",
# object pronouns, auxiliaries, "that" as a pronoun and whitespace tokens: the rule kinds the
# English ruler has.
TRICKY = [
    "Ain't no way y'all gonna let's go", "There is a dog and there are two cats.",
    "I got ta go, c'm on!", "He gets it.  Then  \n  he got it", "AIN'T IT GREAT", "nothin' but y all",
    "A man gives it to you and me.", "She has been told that this is what they had done.",
    "Do not touch that; we don't.", "gon na be fine", "a woman who has a dog that is running",
]


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def stock(stock_nlp):
    return stock_nlp


def test_the_default_pipeline_uses_the_table(nlp, stock):
    assert isinstance(nlp.get_pipe("attribute_ruler").match.__self__, TableMatcher)
    assert "match" not in vars(stock.get_pipe("attribute_ruler"))
    assert nlp.pipe_names == stock.pipe_names


def test_tricky_captions_get_the_rulers_annotations(nlp, stock):
    for caption in TRICKY:
        assert annotations(nlp(caption)) == annotations(stock(caption)), caption


def test_matches_equal_the_matchers_on_parsed_docs(stock):
    ruler = stock.get_pipe("attribute_ruler")
    table = TableMatcher(ruler)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        for doc in stock.pipe(TRICKY):
            expected = ruler.match(doc)
            assert table.match(doc) == expected
            assert expected                              # the test sees matches at all


def test_real_captions_get_the_rulers_annotations(nlp, stock):
    path = shared_file("captions/cc3m_val.tsv")
    with open(path, encoding="utf-8") as f:
        captions = [line.split("\t", 1)[0] for _, line in zip(range(600), f)]
    for fast, slow in zip(nlp.pipe(captions), stock.pipe(captions)):
        assert annotations(fast) == annotations(slow), fast.text


def blank_with_ruler(patterns):
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    return nlp


def test_negative_indices_and_later_rules_win():
    patterns = [
        {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"LEMMA": "NYC"}, "index": -1},
        {"patterns": [[{"LOWER": {"IN": ["york", "paris"]}}]], "attrs": {"NORM": "city"}},
        {"patterns": [[{"LOWER": "york"}]], "attrs": {"LEMMA": "York"}},
        {"patterns": [[{"LOWER": {"REGEX": "^p.r"}}]], "attrs": {"LEMMA": "Paris"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"LEMMA": "SPACE"}},
    ]
    fast, slow = blank_with_ruler(patterns), blank_with_ruler(patterns)
    assert install(fast)
    for text in ("new york and paris", "New York  in New  York", "york new"):
        got, want = fast(text), slow(text)
        assert [(t.lemma_, t.norm_) for t in got] == [(t.lemma_, t.norm_) for t in want], text
    assert [t.lemma_ for t in fast("new york")] == ["", "York"]        # the later rule overrides


def test_an_index_outside_the_match_is_an_error_as_in_spacy():
    nlp = blank_with_ruler([{"patterns": [[{"LOWER": "a"}]], "attrs": {"LEMMA": "x"}, "index": 2}])
    assert install(nlp)
    with pytest.raises(ValueError, match="index 2"):
        nlp("a b c")


@pytest.mark.parametrize("token", [{"LOWER": "a", "OP": "+"}, {"SHAPE": "xx"}, {"LENGTH": {">=": 3}}])
def test_unsupported_patterns_leave_the_ruler_as_it_is(token):
    nlp = blank_with_ruler([{"patterns": [[{"LOWER": "b"}]], "attrs": {"LEMMA": "y"}},
                            {"patterns": [[token]], "attrs": {"LEMMA": "x"}}])
    ruler = nlp.get_pipe("attribute_ruler")
    with pytest.raises(Unsupported):
        TableMatcher(ruler)
    assert not install(nlp)
    assert "match" not in vars(ruler)


def test_no_ruler_nothing_to_install():
    assert not install(spacy.blank("en"))
