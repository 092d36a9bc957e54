"""Surface realisation: articles, agreement, token rewriting with casing and spacing."""
import pytest

from sgshards.graph import build_graph
from sgshards.augment.realise import (
    Piece, Replacement, agree_verb, caption_surface, fresh, indefinite_article, match_case, moved, noun_form,
    rewrite, text_key, verb_form,
)


@pytest.mark.parametrize("word,article", [
    ("hour", "an"), ("honest", "an"), ("heir", "an"), ("unicorn", "a"), ("European", "a"),
    ("university", "a"), ("uniform", "a"), ("umbrella", "an"), ("uninterested", "an"), ("one-way", "a"),
    ("FBI", "an"), ("UFO", "a"), ("MRI", "an"), ("8-year-old", "an"), ("11", "an"), ("12", "a"),
    ("house", "a"), ("elephant", "an"), ("orange", "an"), ("useful", "a"), ("ewe", "a"), ("x-ray", "an"),
    ("uber", "an"),
])
def test_indefinite_article(word, article):
    assert indefinite_article(word) == article


def test_inflection_helpers(parse):
    doc = parse("Two dogs are chasing a cat and a dog chases them.")
    are, chases = doc[2], doc[9]
    assert agree_verb(are, plural=False) == "is"
    assert agree_verb(chases, plural=True) == "chase"
    assert noun_form("mouse", True) == "mice"
    assert noun_form("hot dog", True) == "hot dogs"
    assert noun_form("sheep", True) == "sheep"
    assert verb_form("jump off", "VBG") == "jumping off"
    assert match_case("an", "A") == "An" and match_case("cat", "DOG") == "CAT"


def test_caption_surface_slots(parse):
    doc = parse("Two dogs are chasing a red ball.")
    s = caption_surface(doc, build_graph(doc))
    dogs = next(sl for sl in s.slots.values() if s.graph.objects[sl.obj].name == "dog")
    ball = next(sl for sl in s.slots.values() if s.graph.objects[sl.obj].name == "ball")
    assert s.span_text(dogs.np) == "Two dogs" and dogs.plural and s.tokens[dogs.agree[0]].text == "are"
    assert s.span_text(ball.np) == "a red ball" and not ball.plural


def test_possessed_phrase_is_not_whole(parse):
    doc = parse("the man's dog is sleeping")
    s = caption_surface(doc, build_graph(doc))
    dog = next(sl for sl in s.slots.values() if s.graph.objects[sl.obj].name == "dog")
    assert s.span_text(dog.np) == "dog" and not dog.whole


def test_rewrite_swaps_keep_casing_punctuation_and_fix_articles(parse):
    doc = parse("A man riding an elephant.")
    s = caption_surface(doc, build_graph(doc))
    man, elephant = (0, 2), (3, 5)
    text, edits = rewrite(s, [Replacement(man, moved(s, elephant)), Replacement(elephant, moved(s, man))])
    assert text == "An elephant riding a man."
    assert [(e.span, e.before, e.after) for e in edits] == [((0, 2), "A man", "An elephant"),
                                                           ((3, 5), "an elephant", "a man")]


def test_rewrite_repairs_an_article_inside_moved_words(parse):
    """A moved phrase whose own article disagrees ("an unique", common in CC3M) is repaired
    where it lands, and the edit records the repaired words."""
    doc = parse("a man riding an unicorn")
    s = caption_surface(doc, build_graph(doc))
    man, unicorn = (0, 2), (3, 5)
    text, edits = rewrite(s, [Replacement(man, moved(s, unicorn)), Replacement(unicorn, moved(s, man))])
    assert text == "a unicorn riding a man"
    assert [(e.span, e.before, e.after) for e in edits] == [((0, 2), "a man", "a unicorn"),
                                                           ((3, 5), "an unicorn", "a man")]


def test_rewrite_article_before_replaced_word_joins_the_edit(parse):
    doc = parse("a man holding an umbrella")
    s = caption_surface(doc, build_graph(doc))
    text, edits = rewrite(s, [Replacement((4, 5), fresh(s, "kite", (4, 5)))])
    assert text == "a man holding a kite"
    assert [(e.span, e.before, e.after) for e in edits] == [((3, 5), "an umbrella", "a kite")]


def test_rewrite_sentence_initial_replacement_is_capitalised(parse):
    doc = parse("Dogs playing in the snow, outside.")
    s = caption_surface(doc, build_graph(doc))
    text, _ = rewrite(s, [Replacement((0, 1), fresh(s, "cats", (0, 1)))])
    assert text == "Cats playing in the snow, outside."


def test_rewrite_rejects_overlap(parse):
    doc = parse("a red car")
    s = caption_surface(doc, build_graph(doc))
    assert rewrite(s, [Replacement((0, 2), [Piece("x")]), Replacement((1, 3), [Piece("y")])]) is None


def test_text_key():
    assert text_key("A cat, sitting on a table .") == "a cat sitting on a table"


def test_text_key_ascii_table_matches_the_expression():
    """ASCII text goes through a byte table: every ASCII character, alone and between words,
    must give what the regular expression (the non-ASCII path) gives."""
    import re

    def by_expression(text):
        return " ".join(re.sub(r"[^\w\s]+", " ", text.lower()).split())

    for c in map(chr, range(128)):
        for text in (c, f"Ab{c}cD", f"x {c}{c} y", f"{c}Caf\u00e9"):
            assert text_key(text) == by_expression(text), repr(text)


def test_plural_only_nouns_are_their_own_plural():
    """One list (vocab.PLURAL_ONLY) for every plural-only noun: no "contentses", "crossroadses"."""
    from sgshards.augment.realise import noun_form
    from sgshards.augment.vocab import PLURAL_ONLY
    assert all(noun_form(w, True) == w for w in PLURAL_ONLY)
    assert noun_form("hot dog", True) == "hot dogs"
