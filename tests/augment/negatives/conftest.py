import pytest

from sgshards.augment.realise import caption_surface
from sgshards.graph import build_graph


@pytest.fixture
def surface(parse):
    """caption -> its caption-level Surface (real parse, real graph)."""
    def make(caption):
        doc = parse(caption)
        return caption_surface(doc, build_graph(doc))
    return make
