"""A relation's object the caption writes bare takes an article in a positive (augment/bare_nouns.py):
real captions of the benchmark (bench/validity/labels.jsonl) whose positives readers called broken."""
from sgshards.augment.positives import Context, enumerate_subgraphs
from sgshards.graph import build_graph


def texts(parse, caption):
    doc = parse(caption)
    ctx = Context.of(doc, build_graph(doc))
    return {sg.realise(t).text for sgs in enumerate_subgraphs(ctx).values() for sg in sgs for t in range(sg.templates)}


def test_a_bare_count_noun_takes_a(parse):
    got = texts(parse, "a tiny car parked beside automobile make")              # heldout11 CC3M
    assert "a tiny car parked beside an automobile" in got and not any(t.endswith("beside automobile") for t in got)
    got = texts(parse, "car completely covered in snow, during the snowstorm.")  # heldout6 CC3M
    assert "snow is covering a car" in got and "snow is covering car" not in got
    got = texts(parse, "A girl in winter at tree with closed eyes — Stock Photo")  # heldout10 web
    assert "a girl at a tree with closed eyes" in got and not any("at tree" in t for t in got)


def test_cc3m_stand_ins_for_names_take_a(parse):
    got = texts(parse, "environmentalist looked picture - perfect in a structured black coat and matching pumps, "
                       "complete with a brilliant blue manicure, while arriving to the show during event.")  # heldout10
    assert any(t.endswith("during an event") for t in got) and not any(t.endswith("during event") for t in got)
    got = texts(parse, "informal biological grouping competing with animal and large powerful horses at informal "
                       "biological grouping")                                   # heldout11 CC3M
    assert "animal at an informal biological grouping" in got


def test_what_a_scene_has_one_of_takes_the(parse):
    got = texts(parse, "portrait of the happy girl with blowing hair smiling at camera.")   # CC3M 1,030
    assert any(t.endswith("smiling at the camera") for t in got)
    assert "a dog lying on the floor" in texts(parse, "a dog lying on floor")


def test_nouns_english_writes_bare_stay_bare(parse):
    got = texts(parse, "kids playing football in the park")
    assert "kids playing football" in got and not any("a football" in t for t in got)
    assert not any("a tv" in t for t in texts(parse, "a man watching tv on the sofa"))
    assert not any("a horseback" in t for t in texts(parse, "young man and woman sitting horseback on the beach"))
    assert not any("a force" in t for t in texts(parse, "trucks were out in force in the area"))        # CC3M 3,338
    assert not any("a bamboo" in t for t in texts(parse, "the beautiful white umbrella made of bamboo and fabric"))
    got = texts(parse, "a cake topped with cream on a plate")
    assert "a cake topped with cream" in got and not any("a cream" in t for t in got)
    assert not any("a salmon" in t for t in texts(parse, "a bowl of creamy soup with salmon."))
    # a past form before a bare noun reads as a compound adjective: no article inside it
    assert not any("studded a" in t for t in texts(parse, "Saint Laurent Betty python skin studded shoulder bag"))


def test_names_and_plurals_read_as_singular_stay_bare(parse):
    assert not any("a Dubai" in t for t in texts(parse, "$13.6 billion solar park rises from Dubai desert"))
    assert not any("an old silos" in t
                   for t in texts(parse, "Ken Wolf, an amateur photographer, has been photographing old silos near "
                                         "Lawrence, Kan., for years."))
    assert not any("a hands" in t for t in texts(parse, "globes: the green 3d person carrying in hands globe"))
