"""Scene graphs from parses: the rules that turn a DepToken view into a SceneGraph.

repairs.py (with repair_nouns.py, repair_attachments.py) fixes the parse; build.py runs the
rule families (objects.py, attributes.py, pronouns.py, phrases.py, clauses.py, verbs.py,
prepositions.py) over one GraphState (state.py).  docs/RULES.md lists both registries.
"""
from .build import RULES, build_graph
from .repairs import REPAIR_PASSES, repair_parse

__all__ = ["RULES", "REPAIR_PASSES", "build_graph", "repair_parse"]
