"""Finding the spaCy model without loading it (the launcher's check when workers parse), and
loading it without PyTorch where the model does not need it."""
import json
import subprocess
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


def test_spacy_loads_without_importing_torch_and_torch_stays_importable():
    """thinc imports torch whenever it is installed; en_core_web_sm never uses it, so loading
    the parser must not pay for it (seconds and hundreds of MB in every worker)."""
    pytest.importorskip("torch")
    code = ("import sys\n"
            "from sgshards.parse.spacy_backend import load_spacy\n"
            "nlp = load_spacy()\n"
            "assert 'torch' not in sys.modules, 'torch was imported'\n"
            "import torch, thinc.compat\n"
            "assert not thinc.compat.has_torch and torch.tensor([1]).item() == 1\n"
            "print([t.dep_ for t in nlp('a red car next to a blue house')][:3])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "['det', 'amod', 'ROOT']"


def test_a_model_that_needs_torch_gets_it(tmp_path):
    from sgshards.parse import spacy_backend

    trf = tmp_path / "trf"
    trf.mkdir()
    (trf / "meta.json").write_text(json.dumps({"pipeline": ["transformer", "parser"],
                                               "requirements": ["spacy-transformers>=1.3.4,<1.4.0"]}))
    assert spacy_backend._needs_torch(str(trf))
    (trf / "meta.json").write_text(json.dumps({"pipeline": ["tok2vec", "parser"], "requirements": []}))
    assert not spacy_backend._needs_torch(str(trf))
    assert spacy_backend._needs_torch(str(tmp_path / "missing"))        # unknown: as spaCy would import
