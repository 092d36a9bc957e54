"""The catalogue of stages and reasons: complete, the only place reasons are spelled, and the
README's table generated from it."""
import ast
import re
import subprocess
import sys
from pathlib import Path

from sgshards.schemas import outcomes
from sgshards.schemas.outcomes import REASONS, STAGES, is_known, markdown_table

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "sgshards"
CATALOGUE = PACKAGE / "schemas" / "outcomes.py"


def reason_constants() -> dict:
    """Module constants whose value is a reason: every upper-case string but the stages,
    statuses and the error family's spelling."""
    others = set(STAGES) | {outcomes.STATUS_WRITTEN, outcomes.STATUS_REJECTED,
                            outcomes.ERROR_PREFIX, outcomes.ERROR_FAMILY, outcomes.ERROR_MEANING}
    return {name: value for name, value in vars(outcomes).items()
            if name.isupper() and isinstance(value, str) and value not in others}


def test_every_reason_constant_is_catalogued_with_a_stage_and_a_meaning():
    constants = reason_constants()
    assert sorted(constants.values()) == sorted(REASONS)
    assert all(name.lower() == value for name, value in constants.items())
    assert all(r.stage in STAGES and r.meaning for r in REASONS.values())


def test_error_family_is_known_only_at_stages_that_run_code():
    assert is_known("parse", "error_RuntimeError") and is_known("augment", "error_KeyError")
    assert not is_known("read", "error_RuntimeError") and not is_known("graph", "error_")
    assert is_known("read", "malformed_row") and not is_known("normalize", "malformed_row")
    assert not is_known("read", "no_such_reason")
    assert outcomes.error_reason(ValueError("x")) == "error_ValueError"


def string_literals(path: Path) -> set:
    """String constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings}


def test_reasons_are_spelled_only_in_the_catalogue():
    """Emitters use the constants: a bare "malformed_row" elsewhere could drift from the catalogue."""
    spelled = {str(path.relative_to(ROOT)): sorted(string_literals(path) & set(REASONS))
               for path in sorted(PACKAGE.rglob("*.py")) if path != CATALOGUE}
    assert {path: found for path, found in spelled.items() if found} == {}


def readme_table() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- reasons -->\n(.*?)<!-- /reasons -->", text, re.S)
    assert found, "README.md has no <!-- reasons --> table"
    return found.group(1)


def test_readme_table_is_the_catalogue():
    """Regenerate with: python -m sgshards.schemas.outcomes --markdown"""
    assert readme_table() == markdown_table()


def test_markdown_table_lists_every_reason_once_and_the_error_family():
    rows = [line.split(" | ") for line in markdown_table().splitlines()[2:]]
    assert [row[0].strip("|` ") for row in rows] == [*REASONS, "error_<Type>"]
    assert [row[1] for row in rows] == [r.stage for r in REASONS.values()] + ["parse, graph, augment"]


def test_markdown_command_prints_the_table():
    out = subprocess.run([sys.executable, "-m", "sgshards.schemas.outcomes", "--markdown"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert out == markdown_table()
