"""``first_conjunct``: the one walk up ``conj`` links that graph and augment share."""
from sgshards.schemas.depview import DepToken, first_conjunct

NOUN_POS = frozenset({"NOUN", "PROPN"})


def tok(i, text, upos, head, dep):
    return DepToken(i, text, " ", text, upos, "NN", head, dep, "", 0)


# "a man in red coat and grey pants": pants is the conj of coat
COAT = [tok(0, "a", "DET", 1, "det"), tok(1, "man", "NOUN", 1, "ROOT"), tok(2, "in", "ADP", 1, "prep"),
        tok(3, "red", "ADJ", 4, "amod"), tok(4, "coat", "NOUN", 2, "pobj"), tok(5, "and", "CCONJ", 4, "cc"),
        tok(6, "grey", "ADJ", 7, "amod"), tok(7, "pants", "NOUN", 4, "conj")]


def test_walks_up_to_the_first_conjunct():
    assert first_conjunct(COAT, 7) == 4
    assert first_conjunct(COAT, 4) == 4          # no conj: itself
    assert first_conjunct(COAT, 7, leftward=True) == 4
    assert first_conjunct(COAT, 7, limit=0) == 7


def test_stops_below_a_head_of_another_part_of_speech():
    # "a dog runs and jumps over a cat": a verb conjoined to a noun head is no list member
    doc = [tok(0, "dog", "NOUN", 0, "ROOT"), tok(1, "runs", "VERB", 0, "conj"), tok(2, "fence", "NOUN", 1, "conj")]
    assert first_conjunct(doc, 2) == 0
    assert first_conjunct(doc, 2, head_pos=NOUN_POS) == 2


def test_a_circle_of_links_ends():
    doc = [tok(0, "a", "NOUN", 1, "conj"), tok(1, "b", "NOUN", 0, "conj")]
    assert first_conjunct(doc, 0, limit=5) in (0, 1)
