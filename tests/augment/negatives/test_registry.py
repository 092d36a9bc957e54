"""The registry: every negative type once, in the records' order, each generator from its own module."""
import ast
import importlib
from pathlib import Path

import sgshards.augment.negatives as negatives
from sgshards.augment.negatives import GENERATORS
from sgshards.schemas.record import NEGATIVE_TYPES


def test_registry_lists_each_type_once_in_the_documented_order():
    assert list(GENERATORS) == list(NEGATIVE_TYPES)
    # a dict literal silently keeps the last of two equal keys: count the registrations in the source
    tree = ast.parse(Path(negatives.__file__).read_text())
    [registry] = [node.value for node in tree.body if isinstance(node, ast.AnnAssign)
                  and getattr(node.target, "id", None) == "GENERATORS"]
    assert [k.value for k in registry.keys] == list(NEGATIVE_TYPES)


def test_each_type_lives_in_its_own_module():
    for name in NEGATIVE_TYPES:
        module = importlib.import_module(f"sgshards.augment.negatives.{name}")
        assert GENERATORS[name] is getattr(module, name)
