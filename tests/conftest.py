"""Shared fixtures: one spaCy pipeline per test session, and the ../shared data when present."""
from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    from sgshards.parse.spacy_backend import load_spacy
    return load_spacy()


@pytest.fixture(scope="session")
def stock_nlp():
    """The same pipeline with spaCy's own attribute ruler and lemmatizer code (no fast_components)."""
    from sgshards.parse.spacy_backend import load_spacy
    return load_spacy(fast_components=False)


@pytest.fixture(scope="session")
def parser(nlp):
    from sgshards.parse.spacy_backend import SpacyParser
    return SpacyParser(nlp=nlp)


@pytest.fixture(scope="session")
def parse(nlp):
    """caption -> DepToken view."""
    from sgshards.parse.spacy_backend import parse_batch
    return lambda caption: parse_batch(nlp, [caption])[0]


def shared_file(relative: str) -> Path:
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
