"""Defect checks over JSON-form records, on hand-written records with known defects."""
from sgshards.quality.checks import (
    article_mismatches, check_record, expected_article, is_word_permutation, normalise,
)


def record(caption, negatives, positives=None, objects=(), relations=()):
    positives = positives or [caption]
    return {
        "caption": caption,
        "positives": [{"text": p, "kind": "caption" if i == 0 else "object", "objects": [], "relations": []}
                      for i, p in enumerate(positives)],
        "negatives": [{"text": t, "type": "relation_swap", "positive": k, "edits": []} for t, k in negatives],
        "scene_graph": {"objects": [dict(name=n, attributes=list(a), quantity=q, span=None, attribute_spans=[],
                                         plural=False) for n, a, q in objects],
                        "relations": [dict(subject=s, predicate=p, object=o, span=None) for s, p, o in relations]},
    }


CAR_HOUSE = dict(objects=[("car", ["red"], None), ("house", ["blue"], None)], relations=[(0, "next to", 1)])


def names(findings):
    return [(name, j) for name, j, _ in findings]


def test_clean_record_has_no_findings():
    r = record("a red car next to a blue house", [("a blue car next to a red house", 0),
                                                   ("a red house next to a blue car", 0),
                                                   ("a red car far from a blue house", 0)], **CAR_HOUSE)
    assert check_record(r) == []


def test_symmetric_phrase_swap_is_flagged_but_noun_swap_is_not():
    r = record("a red car next to a blue house", [("a blue house next to a red car", 0),
                                                   ("a red house next to a blue car", 0)], **CAR_HOUSE)
    assert names(check_record(r)) == [("symmetric_relation_swapped", 0)]


def test_symmetric_swap_with_numbers_and_sub_graph_positive():
    r = record("two sinks next to two mirrors .", [("two mirrors are next to two sinks", 1)],
               positives=["two sinks next to two mirrors .", "two sinks are next to two mirrors"],
               objects=[("sink", [], "two"), ("mirror", [], "two")], relations=[(0, "next to", 1)])
    assert names(check_record(r)) == [("symmetric_relation_swapped", 0)]


def test_noun_swap_leaving_modifiers_behind_is_not_flagged():
    r = record("the keyboard teaches with a simple , step - by - step method .",
               [("the method teaches with a simple , step - by - step keyboard .", 0)],
               objects=[("keyboard", [], None), ("method", ["simple"], None)], relations=[(0, "teach with", 1)])
    assert check_record(r) == []


def test_swap_of_a_pair_that_also_has_an_asymmetric_relation_is_not_flagged():
    r = record("a man with a woman escorting her", [("a woman with a man escorting her", 0)],
               objects=[("man", [], None), ("woman", [], None)], relations=[(0, "with", 1), (0, "escort", 1)])
    assert check_record(r) == []


def test_asymmetric_swap_is_not_flagged():
    r = record("a man riding an elephant", [("an elephant riding a man", 0)],
               objects=[("man", [], None), ("elephant", [], None)], relations=[(0, "ride", 1)])
    assert check_record(r) == []


def test_equal_to_positive_caption_and_duplicates():
    r = record("A cat on a table.", [("a cat on a table", 0), ("the table is red", 0), ("The table is red!", 0)],
               positives=["A cat on a table.", "the table is red"])
    assert names(check_record(r)) == [
        ("negative_equals_positive", 0), ("negative_equals_positive", 1), ("negative_equals_positive", 2),
        ("negative_equals_caption", 0), ("duplicate_negative", 2)]


def test_space_before_punctuation_only_when_added():
    r = record("a dog on a bed .", [("a dog under a bed .", 0), ("a cat , on a bed .", 0)])
    assert names(check_record(r, ["space_before_punctuation"])) == [("space_before_punctuation", 1)]


def test_article_mismatch_only_when_added():
    r = record("a elephant near a house", [("a elephant near a owl", 0), ("an hour near an unicorn", 0)])
    found = check_record(r, ["article_mismatch"])
    assert found == [("article_mismatch", 0, "a owl"), ("article_mismatch", 1, "an unicorn")]


def test_article_model():
    assert [expected_article(w) for w in ("hour", "unicorn", "European", "owl", "house", "FBI", "8")] == [
        "an", "a", "a", "an", "a", None, None]
    assert article_mismatches("An apple and a orange, a hour") == ["a orange", "a hour"]
    # "utensil", "utility" start with a "you" sound (CC3M "pen in hand" -> "a utensil in hand")
    assert article_mismatches("a utensil, a utility knife and an utensil") == ["an utensil"]


def test_non_latin_words_count():
    r = record("Стоковое with фото", [("Фото with стоковое", 0)])
    assert check_record(r) == []
    assert normalise("Купить «фото», снято") == "купить фото снято"


def test_stray_letter_a_is_not_an_article():
    r = record("butterfly on movie poster - uk style a", [("movie poster - uk style a on butterfly", 0)])
    assert check_record(r) == []


def test_word_permutation_and_normalise():
    assert is_word_permutation("an elephant riding a man", "a man riding an elephant")
    assert not is_word_permutation("a man riding an elephant", "A man riding an elephant.")
    assert not is_word_permutation("a dog riding an elephant", "a man riding an elephant")
    assert normalise("A T-shirt, on a rack .") == "a t-shirt on a rack"


def test_symmetric_swap_needs_phrases_headed_by_the_two_objects():
    from sgshards.quality.checks import symmetric_relation_swapped

    def record(caption, objects, negative):
        return {"caption": caption, "positives": [{"text": caption, "kind": "caption"}],
                "scene_graph": {"objects": [{"name": n, "attributes": [], "quantity": None} for n in objects],
                                "relations": [{"subject": 0, "predicate": "with", "object": 1}]},
                "negatives": [{"text": negative, "type": "object_swap", "positive": 0}]}

    # a true paraphrase: the two phrases of the symmetric relation exchanged (plural heads too)
    assert symmetric_relation_swapped(record("two shelves near the leaves", ["shelf", "leaf"],
                                             "the leaves near two shelves"))
    # "designer" is not the "design", "indicator window" is not the "indicator": no finding
    assert not symmetric_relation_swapped(record(
        "cabinet design with furniture, wood designer and awesome furniture design interior",
        ["cabinet design", "furniture"],
        "cabinet design with furniture, wood furniture design interior and awesome designer"))
