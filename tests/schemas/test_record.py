"""The data contract: JSON round trips, the Arrow form, versioning, the JSON Schema."""
import json

import pytest

from sgshards.schemas import (ARROW_SCHEMA, SCHEMA_VERSION, Edit, Negative, Positive, SampleRecord,
                              SceneGraph, SGObject, SGRelation, dumps, to_arrow)
from sgshards.schemas import record as record_module
from sgshards.schemas.record import dumps_bytes
from sgshards.schemas.jsonschema import record_errors


def sample() -> SampleRecord:
    graph = SceneGraph([SGObject("car", ["red"], None, (1, 2), [(0, 1)]),
                        SGObject("house", ["blue"], None, (6, 7), [(5, 6)])],
                       [SGRelation(0, "next to", 1, (2, 4))])
    return SampleRecord(
        key="000000001", caption="red car next to a blue house", scene_graph=graph,
        positives=[Positive("red car next to a blue house", "caption", [0, 1], [0]),
                   Positive("a red car", "object", [0])],
        negatives=[Negative("blue car next to a red house", "attribute_swap", 0,
                            [Edit((0, 1), "red", "blue"), Edit((5, 6), "blue", "red")])],
        url="http://example.com/1.jpg", source={"file": "in.tsv", "row": 1},
        tokens=["red", "car", "next", "to", "a", "blue", "house"])


def test_json_round_trip_and_public_field_names():
    d = sample().to_json()
    assert d["schema_version"] == SCHEMA_VERSION
    assert set(d["scene_graph"]["objects"][0]) >= {"name", "attributes", "quantity", "span"}
    assert set(d["scene_graph"]["relations"][0]) >= {"subject", "predicate", "object", "span"}
    assert d["negatives"][0]["edits"][0] == {"span": [0, 1], "from": "red", "to": "blue"}
    assert SampleRecord.from_json(json.loads(dumps(d))).to_json() == d


# Strings where JSON encoders disagree most: escapes, control characters, DEL, line and
# paragraph separators, non-BMP characters, combining marks, quotes and backslashes.
AWKWARD = ["tab\there", "new\nline", "nul\x00 unit\x1f del\x7f", "\u2028\u2029", "emoji \U0001F600",
           "e\u0301 café ß 東京", 'say "hi" \\ /slash/', "\x08\x0c\r", "\ufeffbom", ""]


@pytest.mark.parametrize("text", AWKWARD)
def test_dumps_bytes_is_dumps_encoded(text):
    record = sample().to_json()
    record["caption"] = text
    record["tokens"] = [text, text[::-1]]
    record["source"] = {text: [1, -2, 0, True, False, None], "row": 2 ** 40, "z": {}}
    assert dumps_bytes(record) == dumps(record).encode("utf-8")


def test_dumps_bytes_takes_the_json_path_for_what_orjson_refuses(monkeypatch):
    for record in ({"b": 1, "a": {"row": 2 ** 70}}, {"a": {3: "int key"}}):
        assert dumps_bytes(record) == dumps(record).encode("utf-8")
    with pytest.raises(UnicodeEncodeError):            # json's own failure, not orjson's
        dumps_bytes({"lone": "\ud800"})
    monkeypatch.setattr(record_module, "orjson", None)
    assert dumps_bytes(sample().to_json()) == dumps(sample().to_json()).encode("utf-8")


def test_unknown_schema_version_is_refused():
    d = sample().to_json()
    d["schema_version"] = "0.1"
    with pytest.raises(ValueError, match="schema_version"):
        SampleRecord.from_json(d)


def test_arrow_form_holds_the_same_record():
    d = sample().to_json()
    table = to_arrow([d])
    assert table.schema == ARROW_SCHEMA
    row = table.to_pylist()[0]
    assert row["scene_graph"]["relations"][0]["predicate"] == "next to"
    assert row["negatives"][0]["edits"][1]["to"] == "red"


def test_json_schema_accepts_records_and_explains_violations():
    d = sample().to_json()
    assert record_errors(d) == []
    d["scene_graph"]["relations"][0]["object"] = 5
    d["negatives"][0]["type"] = "colour_swap"
    errors = record_errors(d)
    assert any("negatives/0/type" in e for e in errors)
    d["negatives"][0]["type"] = "attribute_swap"
    assert record_errors(d) == ["scene_graph/relations/0: points outside objects"]


def test_graph_validate_and_tuples():
    g = sample().scene_graph
    assert g.tuples() == {("car",), ("house",), ("car", "red"), ("house", "blue"), ("car", "next to", "house")}
    g.relations.append(SGRelation(0, "on", 9))
    with pytest.raises(ValueError, match="points outside"):
        g.validate()


def test_a_negative_must_point_at_an_existing_positive():
    d = sample().to_json()
    d["negatives"][0]["positive"] = len(d["positives"]) - 1          # the last positive: fine
    assert record_errors(d) == []
    d["negatives"][0]["positive"] = len(d["positives"])
    assert record_errors(d) == ["negatives/0/positive: no positive 2"]


@pytest.mark.parametrize("key", ["a/b", "../etc/passwd", "a.b", "a b", "猫", "", "k\n"])
def test_keys_outside_the_safe_alphabet_are_schema_errors(key):
    d = sample().to_json()
    d["key"] = key
    assert any(e.startswith("key:") for e in record_errors(d)), record_errors(d)


@pytest.mark.parametrize("key", ["000000001", "A-z_09"])
def test_safe_keys_pass_the_schema(key):
    d = sample().to_json()
    d["key"] = key
    assert record_errors(d) == []


@pytest.mark.parametrize("field", ["text", "type", "positive"])
def test_a_negative_without_a_required_field_is_a_schema_error(field):
    d = sample().to_json()
    del d["negatives"][0][field]
    errors = record_errors(d)
    assert any(e.startswith("negatives/0") and repr(field) in e for e in errors), errors


@pytest.mark.parametrize("break_graph, message", [
    (lambda g: g.objects.append(SGObject("")), "empty name"),
    (lambda g: g.objects[0].attribute_spans.append((3, 4)), "not parallel"),
    (lambda g: g.relations.append(SGRelation(0, "on", 2)), "points outside"),
    (lambda g: g.relations.append(SGRelation(-1, "on", 1)), "points outside"),
    (lambda g: setattr(g.objects[0], "attribute_confidences", [0.5, 0.5]), "attribute_confidences not parallel"),
    (lambda g: setattr(g.objects[0], "confidence", 1.5), "confidence outside"),
    (lambda g: setattr(g.relations[0], "confidence", -0.1), "confidence outside"),
])
def test_graph_validate_refuses_each_inconsistency(break_graph, message):
    g = sample().scene_graph
    g.validate()
    g.objects[1].attribute_spans = []                   # no spans at all is allowed
    g.validate()
    break_graph(g)
    with pytest.raises(ValueError, match=message):
        g.validate()


def confident() -> dict:
    """The sample record with the confidences build_graph gives every element."""
    record = sample()
    for o in record.scene_graph.objects:
        o.confidence, o.attribute_confidences = 0.95, [0.89]
    record.scene_graph.relations[0].confidence = 0.8
    return record.to_json()


def test_confidences_in_json_arrow_schema_and_bytes():
    d = confident()
    assert d["scene_graph"]["objects"][0]["attribute_confidences"] == [0.89]
    assert SampleRecord.from_json(json.loads(dumps(d))).to_json() == d
    assert record_errors(d) == []
    row = to_arrow([d]).to_pylist()[0]["scene_graph"]
    assert row["objects"][0]["confidence"] == 0.95 and row["relations"][0]["confidence"] == 0.8
    assert to_arrow([sample().to_json()]).to_pylist()[0]["scene_graph"]["objects"][0]["confidence"] is None
    # the only floats of a record: every 2-decimal value in [0, 1] is written alike by orjson and json
    d["scene_graph"]["objects"][0]["attribute_confidences"] = [k / 100 for k in range(101)]
    assert dumps_bytes(d) == dumps(d).encode("utf-8")
    d["scene_graph"]["objects"][0]["attribute_confidences"] = [0.5]
    d["scene_graph"]["relations"][0]["confidence"] = 1.2
    assert any("relations/0/confidence" in e for e in record_errors(d))
    d["scene_graph"]["relations"][0]["confidence"] = 0.8
    d["scene_graph"]["objects"][0]["attribute_confidences"] = [0.5, 0.5]
    assert record_errors(d) == ["scene_graph/objects/0: attribute_confidences not parallel to attributes"]


def test_a_skipped_caption_round_trips_and_the_schema_holds_it_to_the_caption_alone():
    """``skipped`` names why a caption describing no scene has no sub-graph positive and no negative;
    the JSON Schema knows the reasons, the Arrow schema has the column, and a skipped record that
    still carries negatives is an error."""
    record = sample()
    record.positives, record.negatives, record.skipped = record.positives[:1], [], "product_listing"
    d = record.to_json()
    assert d["skipped"] == "product_listing" and SampleRecord.from_json(json.loads(dumps(d))).to_json() == d
    assert record_errors(d) == [] and record_errors(sample().to_json()) == []
    assert to_arrow([d, sample().to_json()]).column("skipped").to_pylist() == ["product_listing", None]
    assert record_errors({**d, "skipped": "no_such_reason"})
    assert record_errors({**sample().to_json(), "skipped": "title_case"}) == [
        "skipped: a skipped caption has sub-graph positives or negatives"]


def test_a_negatives_plausibility_in_json_arrow_schema_and_bytes():
    """Written only when plausible selection set it, rounded to 3 decimals; the same in every form."""
    record = sample()
    assert "plausibility" not in record.to_json()["negatives"][0]
    assert to_arrow([record.to_json()]).to_pylist()[0]["negatives"][0]["plausibility"] is None
    record.negatives[0].plausibility = (-24.98049, -26.7371)
    d = record.to_json()
    assert d["negatives"][0]["plausibility"] == {"positive": -24.98, "negative": -26.737}
    assert SampleRecord.from_json(json.loads(dumps(d))).to_json() == d
    assert record_errors(d) == [] and dumps_bytes(d) == dumps(d).encode("utf-8")
    assert to_arrow([d]).to_pylist()[0]["negatives"][0]["plausibility"] == {"positive": -24.98, "negative": -26.737}
    d["negatives"][0]["plausibility"] = {"positive": -1.0}
    assert any("plausibility" in e for e in record_errors(d))


def test_the_scene_score_in_json_arrow_schema_and_bytes():
    """P(scene) of a caption every suitability rule keeps: 2 decimals in [0, 1], null otherwise; read as
    None from records written before it."""
    record = sample()
    assert record.to_json()["scene_score"] is None
    record.scene_score = 0.87
    d = record.to_json()
    assert d["scene_score"] == 0.87 and SampleRecord.from_json(json.loads(dumps(d))).to_json() == d
    assert record_errors(d) == [] and dumps_bytes(d) == dumps(d).encode("utf-8")
    assert to_arrow([d, sample().to_json()]).column("scene_score").to_pylist() == [0.87, None]
    older = {k: v for k, v in d.items() if k != "scene_score"}
    assert SampleRecord.from_json(older).scene_score is None and record_errors(older) == []
    assert any("scene_score" in e for e in record_errors({**d, "scene_score": 1.5}))
    assert any("scene_score" in e for e in record_errors({**d, "scene_score": "high"}))
