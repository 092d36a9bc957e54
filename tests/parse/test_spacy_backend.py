"""Finding the spaCy model without loading it (the launcher's check when workers parse)."""
import json
import sys

import pytest
import spacy

from sgshards.parse import ModelNotFound
from sgshards.parse.spacy_backend import DEFAULT_MODELS, INSTALL_HINT, find_spacy_model


def test_finds_the_model_load_spacy_loads(nlp):
    name = find_spacy_model()
    assert name in DEFAULT_MODELS
    assert spacy.util.is_package(name) and nlp.meta["name"] in name


def test_a_model_directory_is_found_by_its_path(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "x", "pipeline": ["tok2vec", "parser"]}))
    assert find_spacy_model(str(tmp_path)) == str(tmp_path)


def test_a_model_without_a_parser_is_refused(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "x", "pipeline": ["tagger", "ner"]}))
    with pytest.raises(ModelNotFound, match="no dependency parser"):
        find_spacy_model(str(tmp_path))


def test_a_missing_model_names_the_install_command():
    with pytest.raises(ModelNotFound) as exc:
        find_spacy_model("en_no_such_model")
    assert INSTALL_HINT in str(exc.value)
    assert "en_no_such_model" not in sys.modules
