"""The parse repairs, registered in the order they run, and ``repair_parse``.

Repairs run in passes.  Within a pass every repair is applied to token 0, then every repair
to token 1, and so on; a pass ends before the next begins.  The order is part of the output:
a later repair reads the heads an earlier one fixed (see repair_base.py for what each reads).
``python -m sgshards.graph.catalogue`` writes this registry, with each example's graph, to
docs/RULES.md.
"""
from __future__ import annotations

from typing import Optional

from ..schemas.depview import DepToken
from . import repair_attachments as attach
from . import repair_nouns as nouns
from . import repair_tags as tags
from .repair_base import OriginalParse, Repair

REPAIR_PASSES: tuple[tuple[Repair, ...], ...] = (
    (
        Repair("back_reference", attach.back_reference, "trunks with moss on them"),
        Repair("verb_read_as_noun", tags.verb_read_as_noun, "a woman stares as a bird flies"),
        Repair("verb_only_word_read_as_noun", tags.verb_only_word_read_as_noun,
               "actor and screenwriter arrive at the premiere"),
        Repair("noun_coordinated_with_verb", tags.noun_coordinated_with_verb, "the man is wearing a suit and tie"),
        Repair("name_after_classifier", tags.name_after_classifier, "3d render the planet mars with stars"),
        Repair("noun_read_as_verb", tags.noun_read_as_verb, "bus stop on a roof"),
        Repair("verb_read_as_compound", tags.verb_read_as_compound, "an angler fishes river on a snowy day"),
        Repair("colour_read_as_noun", tags.colour_read_as_noun, "a woman wore a metallic gold and black dress"),
    ),
    (
        Repair("noun_head", nouns.noun_head, "a fire hydrant on the sidewalk"),
        Repair("initial_participle", nouns.initial_participle, "parked black car beside a building"),
        Repair("high_conj", attach.high_conj, "man in black shirt and shorts"),
        Repair("conj_in_picture", attach.conj_in_picture, "family portrait of man and his wife posing with their son"),
        Repair("appos_object", attach.appos_object, "an adult kicking the soccer ball"),
        Repair("mistagged_subject", nouns.mistagged_subject, "tall lamppost sitting on the platform"),
        Repair("noun_can", nouns.noun_can, "trash can next to the bench"),
        Repair("stop_sign", nouns.stop_sign, "girl standing next to stop sign"),
        Repair("teddy_bear", nouns.teddy_bear, "teddy bears on shelves"),
    ),
    (
        Repair("preposition_root", nouns.preposition_root, "a garbage can in a yard"),
        Repair("split_next_to", attach.split_next_to, "fence is next to cow"),
        Repair("noun_root_after_object", nouns.noun_root_after_object, "cat sitting in bathroom sink"),
        Repair("particle_object", attach.particle_object, "skier going down a slope"),
        Repair("ing_modifier", nouns.ing_modifier, "folding chair on the ground"),
    ),
    (
        Repair("side_by_side", attach.side_by_side, "two pillows side by side"),
    ),
    (
        Repair("gap_compound", nouns.gap_compound, "black jacket man is wearing"),
        Repair("have", attach.have, "girl has pink shirt"),
        Repair("gerund", attach.gerund, "little zebra eating grass"),
        Repair("gerund_in_compound", attach.gerund_in_compound, "an image of a woman opening curtains"),
        Repair("gerund_object", attach.gerund_object, "a man on a beach playing frisbee"),
        Repair("object_of_gerund", attach.object_of_gerund, "a taxi following a black car"),
        Repair("clause_object_noun", nouns.clause_object_noun, "man holding tennis racquet"),
    ),
    (
        Repair("participle_to_doer", attach.participle_to_doer, "little boy in front of the camera lens eating cookies"),
        Repair("passive_to_part", attach.passive_to_part, "painted hands of kids raised in the air"),
    ),
)


def registered_repairs() -> list[Repair]:
    """Every repair in the order it is first applied."""
    return [repair for repairs in REPAIR_PASSES for repair in repairs]


def repair_parse(doc: list[DepToken], passes: Optional[tuple[tuple[Repair, ...], ...]] = None) -> list[DepToken]:
    """Re-attach what the small model reliably gets wrong in fragments (heads, labels and tags
    only: tokens and indices are unchanged, so spans stay valid).  ``passes`` replaces the
    registry (the catalogue and the tests leave one repair out to show what it does)."""
    original = OriginalParse(doc)
    fixed = list(doc)
    n = len(doc)
    for repairs in REPAIR_PASSES if passes is None else passes:
        applies = [repair.apply for repair in repairs]     # looked up once per pass, not per token
        for i in range(n):
            for apply in applies:
                apply(fixed, original, i)
    return fixed


def passes_without(name: str) -> tuple[tuple[Repair, ...], ...]:
    """The registry with the named repair left out."""
    if name not in {r.name for r in registered_repairs()}:
        raise KeyError(name)
    return tuple(tuple(r for r in repairs if r.name != name) for repairs in REPAIR_PASSES)
