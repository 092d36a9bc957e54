"""The remembering lemmatizer must give exactly spaCy's lemmas."""
import spacy

from sgshards.parse import lemma_memo
from sgshards.parse.lemma_memo import RememberingLemmatizer, install

from ..conftest import shared_file

# Repeated words in base and inflected forms, ruler exceptions (gonna, ain't), numbers, punctuation.
CAPTIONS = [
    "Two dogs are running on the beach while a dog runs after the dogs.",
    "A woman in a red dress is holding the red umbrellas; women hold umbrellas.",
    "I ain't gonna eat the best cakes, better cakes or good cakes!",
    "The children's toys were thrown by 3 kids in 2019.",
    "",
]


def lemmas(docs):
    return [[t.lemma_ for t in doc] for doc in docs]


def test_the_default_pipeline_remembers(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer").pipe.__self__, RememberingLemmatizer)


def test_same_lemmas_as_spacy(nlp, stock_nlp):
    for _ in range(2):                                   # the second pass answers from memory
        assert lemmas(nlp.pipe(CAPTIONS)) == lemmas(stock_nlp.pipe(CAPTIONS))
    assert [t.lemma_ for t in nlp(CAPTIONS[0])] == [t.lemma_ for t in stock_nlp(CAPTIONS[0])]


def test_real_captions_same_lemmas(nlp, stock_nlp):
    with open(shared_file("captions/cc3m_val.tsv"), encoding="utf-8") as f:
        captions = [line.split("\t", 1)[0] for _, line in zip(range(600), f)]
    assert lemmas(nlp.pipe(captions)) == lemmas(stock_nlp.pipe(captions))


def test_memory_has_a_ceiling_and_lemmas_stay_right(stock_nlp, monkeypatch):
    monkeypatch.setattr(lemma_memo, "MAX_REMEMBERED", 3)
    lemmatizer = stock_nlp.get_pipe("lemmatizer")
    memo = RememberingLemmatizer(lemmatizer)
    with stock_nlp.select_pipes(disable=["lemmatizer"]):
        docs = list(memo.pipe(stock_nlp.pipe(CAPTIONS)))
    assert len(memo.lemmas) == 3
    assert lemmas(docs) == lemmas(stock_nlp.pipe(CAPTIONS))


def test_lemmas_set_earlier_are_kept(stock_nlp):
    memo = RememberingLemmatizer(stock_nlp.get_pipe("lemmatizer"))
    with stock_nlp.select_pipes(disable=["lemmatizer"]):
        doc = stock_nlp("They ain't gonna stop")
    doc[1].lemma_ = "KEPT"
    list(memo.pipe([doc]))
    assert [t.lemma_ for t in doc] == ["they", "KEPT", "not", "go", "to", "stop"]


def test_only_rule_lemmatizers_are_replaced():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not install(nlp)
    assert "pipe" not in vars(nlp.get_pipe("lemmatizer"))
    assert not install(spacy.blank("en"))
