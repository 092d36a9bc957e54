"""Stanza adapter: hand-written UD (CoNLL-U) parses converted into spaCy's ClearNLP shape.

No stanza model is needed: Documents are built from CoNLL-U strings.  The converted
trees are compared with spaCy's parse of the same caption (for captions spaCy parses
correctly) or with hand-written expectations, and ``build_graph`` must give the same
scene graph on both views.  ``nlp`` is the session spaCy fixture from tests/conftest.py.
"""
import pytest

stanza = pytest.importorskip("stanza")
from stanza.utils.conll import CoNLL  # noqa: E402

from sgshards.schemas.depview import text_of  # noqa: E402
from sgshards.graph import build_graph  # noqa: E402
from sgshards.parse import ModelNotFound  # noqa: E402
from sgshards.parse.spacy_backend import parse_batch as spacy_parse  # noqa: E402
from sgshards.parse.stanza_backend import load_stanza, parse_batch, resources_dir, to_view  # noqa: E402

# Gold UD (EWT conventions), one caption per entry.  Columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL MISC
UD = {
    "the car is red": """
        1 the the DET DT Definite=Def|PronType=Art 2 det _
        2 car car NOUN NN Number=Sing 4 nsubj _
        3 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 4 cop _
        4 red red ADJ JJ Degree=Pos 0 root _""",
    "a man riding a horse": """
        1 a a DET DT _ 2 det _
        2 man man NOUN NN _ 0 root _
        3 riding ride VERB VBG VerbForm=Ger 2 acl _
        4 a a DET DT _ 5 det _
        5 horse horse NOUN NN _ 3 obj _""",
    "a cat sitting on a table": """
        1 a a DET DT _ 2 det _
        2 cat cat NOUN NN _ 0 root _
        3 sitting sit VERB VBG _ 2 acl _
        4 on on ADP IN _ 6 case _
        5 a a DET DT _ 6 det _
        6 table table NOUN NN _ 3 obl _""",
    "a dog in front of a house": """
        1 a a DET DT _ 2 det _
        2 dog dog NOUN NN _ 0 root _
        3 in in ADP IN _ 4 case _
        4 front front NOUN NN _ 2 nmod _
        5 of of ADP IN _ 7 case _
        6 a a DET DT _ 7 det _
        7 house house NOUN NN _ 4 nmod _""",
    "a pizza topped with cheese": """
        1 a a DET DT _ 2 det _
        2 pizza pizza NOUN NN _ 0 root _
        3 topped top VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 2 acl _
        4 with with ADP IN _ 5 case _
        5 cheese cheese NOUN NN _ 3 obl _""",
    "a man who is holding an umbrella": """
        1 a a DET DT _ 2 det _
        2 man man NOUN NN _ 0 root _
        3 who who PRON WP PronType=Rel 5 nsubj _
        4 is be AUX VBZ _ 5 aux _
        5 holding hold VERB VBG _ 2 acl:relcl _
        6 an a DET DT _ 7 det _
        7 umbrella umbrella NOUN NN _ 5 obj _""",
    "a man's hand": """
        1 a a DET DT _ 2 det _
        2 man man NOUN NN _ 4 nmod:poss SpaceAfter=No
        3 's 's PART POS _ 2 case _
        4 hand hand NOUN NN _ 0 root _""",
    "there are two dogs": """
        1 there there PRON EX PronType=Dem 2 expl _
        2 are be VERB VBP _ 0 root _
        3 two two NUM CD NumType=Card 4 nummod _
        4 dogs dog NOUN NNS Number=Plur 2 nsubj _""",
    "a red and white bus": """
        1 a a DET DT _ 5 det _
        2 red red ADJ JJ _ 5 amod _
        3 and and CCONJ CC _ 4 cc _
        4 white white ADJ JJ _ 2 conj _
        5 bus bus NOUN NN _ 0 root _""",
    "a cat and a dog on a bed": """
        1 a a DET DT _ 2 det _
        2 cat cat NOUN NN _ 0 root _
        3 and and CCONJ CC _ 5 cc _
        4 a a DET DT _ 5 det _
        5 dog dog NOUN NN _ 2 conj _
        6 on on ADP IN _ 8 case _
        7 a a DET DT _ 8 det _
        8 bed bed NOUN NN _ 5 nmod _""",
    "the man is a doctor": """
        1 the the DET DT _ 2 det _
        2 man man NOUN NN _ 5 nsubj _
        3 is be AUX VBZ _ 5 cop _
        4 a a DET DT _ 5 det _
        5 doctor doctor NOUN NN _ 0 root _""",
    "the dog is not on the bed": """
        1 the the DET DT _ 2 det _
        2 dog dog NOUN NN _ 7 nsubj _
        3 is be AUX VBZ _ 7 cop _
        4 not not PART RB _ 7 advmod _
        5 on on ADP IN _ 7 case _
        6 the the DET DT _ 7 det _
        7 bed bed NOUN NN _ 0 root _""",
    "a man who is tall": """
        1 a a DET DT _ 2 det _
        2 man man NOUN NN _ 0 root _
        3 who who PRON WP _ 5 nsubj _
        4 is be AUX VBZ _ 5 cop _
        5 tall tall ADJ JJ _ 2 acl:relcl _""",
    "a dog that is on the bed": """
        1 a a DET DT _ 2 det _
        2 dog dog NOUN NN _ 0 root _
        3 that that PRON WDT _ 7 nsubj _
        4 is be AUX VBZ _ 7 cop _
        5 on on ADP IN _ 7 case _
        6 the the DET DT _ 7 det _
        7 bed bed NOUN NN _ 2 acl:relcl _""",
    "the car is red and the dog is brown": """
        1 the the DET DT _ 2 det _
        2 car car NOUN NN _ 4 nsubj _
        3 is be AUX VBZ _ 4 cop _
        4 red red ADJ JJ _ 0 root _
        5 and and CCONJ CC _ 9 cc _
        6 the the DET DT _ 7 det _
        7 dog dog NOUN NN _ 9 nsubj _
        8 is be AUX VBZ _ 9 cop _
        9 brown brown ADJ JJ _ 4 conj _""",
    "the car is red and shiny": """
        1 the the DET DT _ 2 det _
        2 car car NOUN NN _ 4 nsubj _
        3 is be AUX VBZ _ 4 cop _
        4 red red ADJ JJ _ 0 root _
        5 and and CCONJ CC _ 6 cc _
        6 shiny shiny ADJ JJ _ 4 conj _""",
    "a man trying to catch a frisbee": """
        1 a a DET DT _ 2 det _
        2 man man NOUN NN _ 0 root _
        3 trying try VERB VBG _ 2 acl _
        4 to to PART TO _ 5 mark _
        5 catch catch VERB VB _ 3 xcomp _
        6 a a DET DT _ 7 det _
        7 frisbee frisbee NOUN NN _ 5 obj _""",
    "a man picking up a box": """
        1 a a DET DT _ 2 det _
        2 man man NOUN NN _ 0 root _
        3 picking pick VERB VBG _ 2 acl _
        4 up up ADP RP _ 3 compound:prt _
        5 a a DET DT _ 6 det _
        6 box box NOUN NN _ 3 obj _""",
    "a woman giving a dog a bone": """
        1 a a DET DT _ 2 det _
        2 woman woman NOUN NN _ 0 root _
        3 giving give VERB VBG _ 2 acl _
        4 a a DET DT _ 5 det _
        5 dog dog NOUN NN _ 3 iobj _
        6 a a DET DT _ 7 det _
        7 bone bone NOUN NN _ 3 obj _""",
    "a man sitting next to a woman": """
        1 a a DET DT _ 2 det _
        2 man man NOUN NN _ 0 root _
        3 sitting sit VERB VBG _ 2 acl _
        4 next next ADJ JJ _ 7 case _
        5 to to ADP IN _ 4 fixed _
        6 a a DET DT _ 7 det _
        7 woman woman NOUN NN _ 3 obl _""",
    "a cat on the table and under the chair": """
        1 a a DET DT _ 2 det _
        2 cat cat NOUN NN _ 0 root _
        3 on on ADP IN _ 5 case _
        4 the the DET DT _ 5 det _
        5 table table NOUN NN _ 2 nmod _
        6 and and CCONJ CC _ 9 cc _
        7 under under ADP IN _ 9 case _
        8 the the DET DT _ 9 det _
        9 chair chair NOUN NN _ 5 conj _""",
    "a man and a woman are standing in a room": """
        1 a a DET DT _ 2 det _
        2 man man NOUN NN _ 7 nsubj _
        3 and and CCONJ CC _ 5 cc _
        4 a a DET DT _ 5 det _
        5 woman woman NOUN NN _ 2 conj _
        6 are be AUX VBP _ 7 aux _
        7 standing stand VERB VBG _ 0 root _
        8 in in ADP IN _ 10 case _
        9 a a DET DT _ 10 det _
        10 room room NOUN NN _ 7 obl _""",
    # spaCy misparses the ones below (appos list, clausal passive, name as subject): hand-written expectations.
    "apples, oranges and bananas": """
        1 apples apple NOUN NNS _ 0 root SpaceAfter=No
        2 , , PUNCT , _ 3 punct _
        3 oranges orange NOUN NNS _ 1 conj _
        4 and and CCONJ CC _ 5 cc _
        5 bananas banana NOUN NNS _ 1 conj _""",
    "a horse being ridden by a man": """
        1 a a DET DT _ 2 det _
        2 horse horse NOUN NN _ 0 root _
        3 being be AUX VBG _ 4 aux:pass _
        4 ridden ride VERB VBN _ 2 acl _
        5 by by ADP IN _ 7 case _
        6 a a DET DT _ 7 det _
        7 man man NOUN NN _ 4 obl:agent _""",
    "John Smith riding a bike": """
        1 John John PROPN NNP _ 0 root _
        2 Smith Smith PROPN NNP _ 1 flat _
        3 riding ride VERB VBG _ 1 acl _
        4 a a DET DT _ 5 det _
        5 bike bike NOUN NN _ 3 obj _""",
    "on the table": """
        1 on on ADP IN _ 3 case _
        2 the the DET DT _ 3 det _
        3 table table NOUN NN _ 0 root _""",
}
SPACY_AGREES = [c for c in UD if c not in
                ("apples, oranges and bananas", "a horse being ridden by a man", "John Smith riding a bike")]


def conllu(*sentences: str) -> str:
    """Compact rows (9 fields, no DEPS) -> CoNLL-U."""
    out = []
    for sent in sentences:
        for row in sent.strip().splitlines():
            f = row.split()
            out.append("\t".join(f[:8] + ["_", f[8]]))
        out.append("")
    return "\n".join(out) + "\n"


def view_of(caption: str):
    return to_view(CoNLL.conll2doc(input_str=conllu(UD[caption])))


def shape(view):
    return [(t.text, view[t.head].text if t.head != t.i else "ROOT", t.dep) for t in view]


@pytest.mark.parametrize("caption", SPACY_AGREES)
def test_converted_ud_has_spacys_shape(nlp, caption):
    [spacy_view] = spacy_parse(nlp, [caption])
    ours = view_of(caption)
    assert [(t.i, t.head, t.dep) for t in ours] == [(t.i, t.head, t.dep) for t in spacy_view], shape(ours)
    assert text_of(ours) == caption


@pytest.mark.parametrize("caption", list(UD))
def test_graph_rules_give_the_same_graph_as_on_spacys_parse(nlp, caption):
    # Includes the captions spaCy misparses: the rules must still agree on the graph.
    [spacy_view] = spacy_parse(nlp, [caption])
    graph = build_graph(view_of(caption))
    assert graph == build_graph(spacy_view)
    assert graph.objects, caption


def test_copula_becomes_head_with_acomp():
    assert shape(view_of("the car is red")) == [
        ("the", "car", "det"), ("car", "is", "nsubj"), ("is", "ROOT", "ROOT"), ("red", "is", "acomp")]


def test_prepositional_predicate_and_negation_move_to_copula():
    assert shape(view_of("the dog is not on the bed")) == [
        ("the", "dog", "det"), ("dog", "is", "nsubj"), ("is", "ROOT", "ROOT"), ("not", "is", "neg"),
        ("on", "is", "prep"), ("the", "bed", "det"), ("bed", "on", "pobj")]


def test_in_front_of_is_a_prep_pobj_chain():
    view = view_of("a dog in front of a house")
    assert [(t.text, t.head, t.dep) for t in view[2:]] == [
        ("in", 1, "prep"), ("front", 2, "pobj"), ("of", 3, "prep"), ("a", 6, "det"), ("house", 4, "pobj")]


def test_conjuncts_are_chained_with_cc_and_commas_on_the_previous_one():
    assert shape(view_of("apples, oranges and bananas")) == [
        ("apples", "ROOT", "ROOT"), (",", "apples", "punct"), ("oranges", "apples", "conj"),
        ("and", "oranges", "cc"), ("bananas", "oranges", "conj")]


def test_passive_agent_and_auxpass():
    assert shape(view_of("a horse being ridden by a man"))[2:] == [
        ("being", "ridden", "auxpass"), ("ridden", "horse", "acl"), ("by", "ridden", "agent"),
        ("a", "man", "det"), ("man", "by", "pobj")]


def test_flat_name_is_headed_by_its_last_word():
    assert shape(view_of("John Smith riding a bike"))[:3] == [
        ("John", "Smith", "compound"), ("Smith", "ROOT", "ROOT"), ("riding", "Smith", "acl")]


def test_token_attributes_are_carried_over():
    view = view_of("the car is red")
    is_ = view[2]
    assert (is_.text, is_.ws, is_.lemma, is_.upos, is_.tag, is_.sent) == ("is", " ", "be", "AUX", "VBZ", 0)
    assert is_.morph == "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    assert view[-1].ws == "" and view_of("a man's hand")[1].ws == ""


def test_sentences_are_concatenated_with_absolute_heads():
    doc = CoNLL.conll2doc(input_str=conllu(UD["a man's hand"], UD["there are two dogs"]))
    view = to_view(doc)
    assert [t.sent for t in view] == [0] * 4 + [1] * 4
    assert [t.i for t in view] == list(range(8))
    assert shape(view)[4:] == [("there", "are", "expl"), ("are", "ROOT", "ROOT"), ("two", "dogs", "nummod"),
                               ("dogs", "are", "attr")]
    assert view[5].head == 5 and view[7].head == 5


def test_whitespace_from_character_offsets_when_text_is_known():
    rows = """
        1 a a DET DT _ 2 det start_char=0|end_char=1
        2 dog dog NOUN NN _ 0 root start_char=3|end_char=6
        3 . . PUNCT . _ 2 punct start_char=6|end_char=7"""
    doc = CoNLL.conll2doc(input_str=conllu(rows))
    doc.text = "a  dog."
    assert [(t.text, t.ws) for t in to_view(doc)] == [("a", " "), ("dog", ""), (".", "")]


def test_multiword_token_words_share_the_token_whitespace():
    text = "# text = dogs don't bark\n"
    rows = ("1\tdogs\tdog\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
            "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
            "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
            "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
            "4\tbark\tbark\tVERB\tVB\t_\t0\troot\t_\t_\n\n")
    view = to_view(CoNLL.conll2doc(input_str=text + rows))
    assert [(t.text, t.ws, t.dep, t.head) for t in view] == [
        ("dogs", " ", "nsubj", 3), ("do", "", "aux", 3), ("n't", " ", "neg", 3), ("bark", "", "ROOT", 3)]


class GoldPipeline:
    """Stands in for a loaded stanza Pipeline (no English models here): answers each
    Document with its gold CoNLL-U parse and records the batch sizes it was called with."""

    def __init__(self):
        self.calls = []

    def bulk_process(self, docs):
        self.calls.append(len(docs))
        assert all(isinstance(d, stanza.Document) for d in docs)
        return [CoNLL.conll2doc(input_str=conllu(UD[d.text])) for d in docs]


def test_parse_batch_keeps_order_batches_and_skips_blank_captions():
    captions = ["the car is red", "", "a man's hand", "there are two dogs", "  ", "on the table"]
    pipeline = GoldPipeline()
    views = parse_batch(pipeline, captions, batch_size=3)
    assert pipeline.calls == [3, 1]
    assert [text_of(v) for v in views] == ["the car is red", "", "a man's hand", "there are two dogs", "", "on the table"]
    assert shape(views[5]) == [("on", "ROOT", "ROOT"), ("the", "table", "det"), ("table", "on", "pobj")]


def test_missing_models_raise_model_not_found_naming_the_directory(tmp_path):
    with pytest.raises(ModelNotFound, match=str(tmp_path)) as err:
        load_stanza(str(tmp_path))
    assert "stanza.download" in str(err.value) and "\n" not in str(err.value)


def test_resources_json_without_english_models_raises_model_not_found(tmp_path):
    (tmp_path / "resources.json").write_text('{"fr": {"lang_name": "French", "default_processors": {}}}')
    with pytest.raises(ModelNotFound, match=str(tmp_path)):
        load_stanza(str(tmp_path))


def test_models_dir_comes_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert resources_dir() == str(tmp_path)
    assert resources_dir("/elsewhere") == "/elsewhere"
    with pytest.raises(ModelNotFound, match=str(tmp_path)):
        load_stanza()


def test_cli_names_the_missing_stanza_models(tmp_path, capsys):
    from sgshards.pipeline.commands import cli

    src = tmp_path / "c.txt"
    src.write_text("a red car\n")
    assert cli.main(["parse", "--parser", "stanza", "--model", str(tmp_path / "models"), "--input", str(src)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "models") in err and err.count("\n") == 1
