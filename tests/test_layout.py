"""The house rules of docs/ARCHITECTURE.md, checked on the source: short modules and classes,
no private name imported from another module, no import cycle, no Beam or Spark outside
pipeline/."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sgshards"
MAX_MODULE_LINES, MAX_CLASS_LINES = 600, 300


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path, ast.parse(path.read_text(encoding="utf-8"))


def imported(name: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module an ``ImportFrom`` names."""
    if not node.level:
        return node.module or ""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def test_modules_and_classes_are_short():
    long = [f"{path.name}: {len(path.read_text().splitlines())} lines" for _, path, _ in modules()
            if len(path.read_text().splitlines()) > MAX_MODULE_LINES]
    long += [f"{path.name}: class {node.name} {node.end_lineno - node.lineno + 1} lines"
             for _, path, tree in modules() for node in ast.walk(tree)
             if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES]
    assert not long


def test_no_private_name_is_imported_from_another_module():
    found = [f"{name}: from {imported(name, path, node)} import {alias.name}"
             for name, path, tree in modules() for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
             for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert not found


def test_no_import_cycle_among_module_level_imports():
    names = {name for name, _, _ in modules()}
    edges: dict[str, set] = {}
    for name, path, tree in modules():
        targets = set()
        for node in tree.body:                       # module level only: lazy imports break cycles on purpose
            if isinstance(node, ast.ImportFrom):
                base = imported(name, path, node)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in names else base)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
        edges[name] = {t for t in targets if t in names and t != name}
    # a package's __init__ importing its own submodules is how packages re-export: not a cycle
    def parent_init(a, b):
        return b.startswith(a + ".")
    state, cycles = {}, []

    def visit(node, stack):
        state[node] = "open"
        for nxt in sorted(edges[node]):
            if parent_init(node, nxt) or parent_init(nxt, node):
                continue
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"
    for n in sorted(edges):
        if n not in state:
            visit(n, [n])
    assert not cycles


def test_only_the_pipeline_imports_beam_or_spark():
    found = []
    for name, path, tree in modules():
        if name.startswith("sgshards.pipeline"):
            continue
        for node in ast.walk(tree):
            roots = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else [])
            found += [f"{name}: {r}" for r in roots if r.split(".")[0] in ("apache_beam", "pyspark")]
    assert not found


def test_torch_and_the_train_package_stay_in_train():
    """sgshards.train is an optional extra: nothing outside it imports it, torch or open_clip."""
    found = []
    for name, path, tree in modules():
        if name.startswith("sgshards.train"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                roots = [imported(name, path, node)]
            else:
                continue
            found += [f"{name}: {r}" for r in roots
                      if r.split(".")[0] in ("torch", "open_clip") or r.startswith("sgshards.train")]
    assert not found
