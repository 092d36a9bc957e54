"""A worker's spaCy vocabulary held to a budget: past it, batches are parsed in memory zones that
free the words they added, and the annotations stay those of a parse outside any zone."""
from sgshards.parse.spacy_backend import SpacyParser, parse_batch

# made-up words no other test parses, so each is new to the session's vocabulary here
WORDS = [f"zorblat{chr(97 + i)}{chr(97 + j)}" for i in range(26) for j in range(4)]


def captions(words):
    return [f"two {w}s are sitting next to the {w} on the trembling {w}ed sofa" for w in words]


def annotations(views):
    return [[tuple(t) for t in v] for v in views]


def test_past_the_budget_a_batch_leaves_no_new_strings(nlp):
    held = SpacyParser(nlp=nlp, vocab_budget=0)
    before = len(nlp.vocab.strings)
    held.parse(captions(WORDS[:40]))
    assert len(nlp.vocab.strings) == before
    free = SpacyParser(nlp=nlp, vocab_budget=10 ** 9)
    free.parse(captions(WORDS[40:60]))
    assert len(nlp.vocab.strings) > before + 20     # under the budget the words stay


def test_zoned_batches_annotate_as_unzoned_ones(nlp):
    """The same unseen words in two zoned batches: the second reuses what the first remembered
    (the lemma memo keeps texts, not ids of strings the first zone freed)."""
    held = SpacyParser(nlp=nlp, vocab_budget=0)
    texts = captions(WORDS[60:80])
    first, second = held.parse(texts[:10] + texts[:10]), held.parse(texts[:10])
    assert annotations(second) == annotations(first[:10])
    plain = parse_batch(nlp, texts[:10])                   # outside any zone
    assert annotations(second) == annotations(plain)
    assert any(t.lemma == "sit" for t in second[0]) and any(t.lemma == WORDS[60] for t in second[0])


def test_records_of_a_fresh_worker_are_the_same_held_or_not():
    """The embedded sample annotated by a fresh pipeline held from its first batch, and by one
    never held: every outcome the same (each pipeline's words are all new to it)."""
    from importlib import resources

    from sgshards.annotate import annotate_batch, item
    from sgshards.parse.spacy_backend import load_spacy

    rows = resources.files("sgshards.data").joinpath("sample_cc12m.tsv").read_text("utf-8").splitlines()
    items = [item(i, f"{i:04d}", row.split("\t")[-1]) for i, row in enumerate(rows)]
    outcomes = []
    for budget in (0, 10 ** 9):
        parser = SpacyParser(nlp=load_spacy(), batch_size=32, vocab_budget=budget)
        outcomes.append([o for start in range(0, len(items), 64)
                         for o in annotate_batch(parser, items[start:start + 64])])
    assert outcomes[0] == outcomes[1]
    assert sum(o["record"] is not None for o in outcomes[0]) > 250


def test_a_pipeline_with_a_component_of_its_own_is_never_zoned():
    """A user's model may bring a component that keeps strings from one doc for the next: its
    vocabulary grows as spaCy's always did, rather than a zone freeing what the component kept."""
    from spacy.language import Language

    from sgshards.parse.spacy_backend import load_spacy

    @Language.component("sgshards_test_keeper")
    def keeper(doc):
        return doc

    nlp = load_spacy()
    nlp.add_pipe("sgshards_test_keeper")
    parser = SpacyParser(nlp=nlp, vocab_budget=0)
    before = len(nlp.vocab.strings)
    parser.parse(captions(WORDS[80:90]))
    assert parser.vocab_limit is None and len(nlp.vocab.strings) > before + 10
    nlp.remove_pipe("sgshards_test_keeper")
    assert SpacyParser(nlp=nlp, vocab_budget=0).vocab_limit is not None


def test_threads_sharing_a_held_parser_get_their_own_annotations(nlp):
    """Beam's multi_threading workers share one parser per process: a zone swaps the vocabulary's
    memory pool for every thread, so batches are parsed one at a time (without that, the other
    thread's new words were freed under it: KeyError)."""
    import threading

    held = SpacyParser(nlp=nlp, vocab_budget=0)
    texts = {t: [f"two zq{t}{i}s sit next to the qx{t}{i} on the wob{t}{i}ed sofa" for i in range(150)]
             for t in "ab"}
    expected = {t: annotations(held.parse(texts[t])) for t in texts}
    failures = []

    def work(t):
        try:
            for _ in range(4):
                if annotations(held.parse(texts[t])) != expected[t]:
                    failures.append(t)
        except Exception as exc:  # noqa: BLE001 - the failure under test
            failures.append(repr(exc))

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert failures == []
