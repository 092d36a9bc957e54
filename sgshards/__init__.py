"""sgshards: scene-graph-augmented caption shards for compositional vision-language training."""
import importlib.machinery
import importlib.util

__version__ = "0.1.0"

# The per-caption hot path after spaCy.  An installed sgshards runs these compiled by mypyc
# (setup.py reads this tuple); a checkout, or an install without a C compiler, runs the same
# modules as plain Python, with the same outputs.
COMPILED_MODULES = (
    "sgshards.schemas.graph",
    "sgshards.graph.state",
    "sgshards.graph.nominals",
    "sgshards.graph.attributes",
    "sgshards.graph.objects",
    "sgshards.graph.pronouns",
    "sgshards.graph.phrases",
    "sgshards.graph.clauses",
    "sgshards.graph.verbs",
    "sgshards.graph.prepositions",
    "sgshards.graph.repair_base",
    "sgshards.graph.repair_nouns",
    "sgshards.graph.repair_attachments",
    "sgshards.graph.repair_tags",
    "sgshards.graph.repairs",
    "sgshards.graph.build",
    "sgshards.augment.realise",
    "sgshards.augment.frames",
    "sgshards.augment.nounphrase",
    "sgshards.augment.positives",
    "sgshards.augment.determiners",
    "sgshards.augment.negatives.shared",
    "sgshards.augment.negatives.graph_change",
    "sgshards.augment.negatives.attribute_swap",
    "sgshards.augment.negatives.relation_swap",
    "sgshards.augment.negatives.object_swap",
    "sgshards.augment.negatives.attribute_replace",
    "sgshards.augment.negatives.relation_replace",
    "sgshards.augment.negatives.object_replace",
    "sgshards.augment.negatives.present",
    "sgshards.augment.sampling",
    "sgshards.augment.vocab",
    "sgshards.augment.guards",
    "sgshards.augment.mentions",
    "sgshards.augment.negatives.setting",
    "sgshards.augment.negatives.contrast",
    "sgshards.augment.negatives.kin",
    "sgshards.graph.confidence",
    "sgshards.text.suitability",
    "sgshards.text.reader_text",
    "sgshards.text.statements",
    "sgshards.lexicon.lemmas",
    "sgshards.lexicon.words",
    "sgshards.lexicon.taxonomy",
    "sgshards.lexicon.units",
    "sgshards.parse.attribute_matcher",
    "sgshards.augment.depicted",
    "sgshards.augment.misread",
    "sgshards.augment.names",
    "sgshards.augment.attachment",
    "sgshards.text.page_shapes",
    "sgshards.text.shop_titles",
    "sgshards.text.scene_model",
    "sgshards.text.claims",
    "sgshards.augment.negatives.kinds",
)
# Not augment/negatives/__init__.py (the registry: a dict read once per type and surface), nor
# augment/core.py: its options are a frozen dataclass that Beam pickles, which a compiled
# (native) class cannot be unpickled into.  schemas.graph's dataclasses are compiled: graphs
# never leave the process (records hold their JSON form), and the hot path reads their fields.


def compiled_modules() -> list:
    """The modules of COMPILED_MODULES this installation runs as compiled extensions."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return [name for name in COMPILED_MODULES
            if (spec := importlib.util.find_spec(name)) is not None and (spec.origin or "").endswith(suffixes)]
