"""Hard negatives: minimal token edits of a positive that change its scene graph.

One module per negative type; this registry maps each type name to its generator, in the
order records list the types (``schemas.record.NEGATIVE_TYPES``). To add a negative type:
1. write ``negatives/<type>.py`` with ``def <type>(surface, rng, counts=None, limit=PER_TYPE, draws=1)``
   returning its candidates, made with ``shared.make_candidate`` and kept only if ``graph_change.changes_graph``;
2. register it in ``GENERATORS`` below and add its name to ``NEGATIVE_TYPES`` (the record contract).

A generator takes a ``Surface`` (the caption's own tokens or a realised sub-graph), a seeded
``random.Random``, optional corpus frequencies, how many candidates to give and how many new
words to draw per replaced slot (more than one for plausibility-matched selection; one draw
makes exactly the draws of the uniform selection). Swaps make all
their random draws before their first candidate and then search only as far as they are consumed;
replacements draw while they search, so they return a list (eager): a lazy walk would move
their draws after other types' and change the sampled negatives.
"""
from __future__ import annotations

import random
from typing import Callable, Iterable, Optional

from ..realise import Surface
from ..sampling import Frequencies
from .attribute_replace import attribute_replace
from .attribute_swap import attribute_swap
from .object_replace import object_replace
from .object_swap import object_swap
from .relation_replace import relation_replace
from .relation_swap import relation_swap
from .shared import PER_TYPE, Candidate

NegativeGenerator = Callable[[Surface, random.Random, Optional[Frequencies], int, int], Iterable[Candidate]]

GENERATORS: dict[str, NegativeGenerator] = {
    "attribute_swap": attribute_swap,
    "relation_swap": relation_swap,
    "attribute_replace": attribute_replace,
    "relation_replace": relation_replace,
    "object_replace": object_replace,
    "object_swap": object_swap,
}

__all__ = ["GENERATORS", "PER_TYPE", "Candidate", "NegativeGenerator"]
