"""The compiled hot path (setup.py builds sgshards.COMPILED_MODULES with mypyc): it must keep
compiling, and an installed, compiled sgshards must write exactly what the plain-Python
checkout writes."""
import ast
import gc
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import sgshards

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sgshards" / "data" / "sample_cc12m.tsv"

# Annotates the embedded sample and prints a digest of every outcome, plus where sgshards came from.
DIGEST = """
import hashlib, json, sys
import sgshards
from sgshards.annotate import annotate_batch, item
from sgshards.parse.spacy_backend import SpacyParser
captions = [line.split("\\t", 1)[-1] for line in open(sys.argv[1], encoding="utf-8").read().splitlines()]
parser, h = SpacyParser(), hashlib.sha256()
items = [item(i, f"{i:09d}", c) for i, c in enumerate(captions)]
for start in range(0, len(items), 64):
    for outcome in annotate_batch(parser, items[start:start + 64]):
        h.update(json.dumps(outcome, sort_keys=True, ensure_ascii=False).encode("utf-8"))
print(json.dumps({"file": sgshards.__file__, "compiled": sgshards.compiled_modules(),
                  "records": len(items), "digest": h.hexdigest()}))
"""


def run_digest(cwd: Path, pythonpath=None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    out = subprocess.run([sys.executable, "-c", DIGEST, str(SAMPLE)], cwd=cwd, env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])


def test_setup_compiles_the_modules_the_package_lists():
    """setup.py reads the list from sgshards/__init__.py's text (it cannot import the package)."""
    tree = ast.parse((REPO / "setup.py").read_text())
    (value,) = [node.value for node in tree.body if isinstance(node, ast.Assign)
                and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["COMPILED_MODULES"]]
    parsed = eval(compile(ast.Expression(value), "setup.py", "eval"),
                  {"re": re, "INIT": (REPO / "sgshards" / "__init__.py").read_text()})
    assert parsed == list(sgshards.COMPILED_MODULES)
    for name in sgshards.COMPILED_MODULES:
        assert (REPO / (name.replace(".", "/") + ".py")).is_file(), name


def test_checkout_runs_plain_python():
    # tests import the work tree: its modules are the .py files (nothing built in place)
    assert sgshards.compiled_modules() == [], "extensions built in place: delete sgshards/**/*.so"
    assert Path(sgshards.__file__).resolve().parent == REPO / "sgshards"


def installed_build_of_these_sources(tmp_path: Path):
    """The installed sgshards, if mypyc compiled every listed module of it from sources
    byte-identical to the checkout's (as CI's ``pip install .`` does): its install then ran
    mypyc's type check and build of exactly these modules, and the next two tests would only
    repeat them (minutes)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", "import json, sgshards; "
                           "print(json.dumps([sgshards.__file__, sgshards.compiled_modules()]))"],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        return None
    where, compiled = json.loads(done.stdout.splitlines()[-1])
    root = Path(where).parent
    if root == REPO / "sgshards" or compiled != list(sgshards.COMPILED_MODULES):
        return None
    for name in sgshards.COMPILED_MODULES:
        relative = name.split(".", 1)[1].replace(".", "/") + ".py"
        installed = root / relative
        if not installed.is_file() or installed.read_bytes() != (REPO / "sgshards" / relative).read_bytes():
            return None
    return root


def test_compiled_modules_type_check_as_mypyc_needs(tmp_path):
    """mypyc refuses a module with any type error, and the install then falls back to plain
    Python: slower, silently.  The same flags as setup.py."""
    if (built := installed_build_of_these_sources(tmp_path)) is not None:
        pytest.skip(f"mypyc type-checked and compiled these very sources into {built} at install")
    api = pytest.importorskip("mypy.api")
    paths = [name.replace(".", "/") + ".py" for name in sgshards.COMPILED_MODULES]
    flags = re.search(r'mypycify\(\[([^\]]*)\*paths\]', (REPO / "setup.py").read_text()).group(1)
    flags = re.findall(r'"([^"]+)"', flags)
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        stdout, stderr, status = api.run([*flags, "--no-incremental", *paths])
    finally:                    # mypy sets the collector up for itself (thresholds, unfreeze): put
        gc.set_threshold(*thresholds)           # back the test process's (test_annotate checks them)
        if frozen:
            gc.freeze()
    assert status == 0, stdout + stderr


# mypyc's own build of the modules (type check, IR, C source; no C compiler), with setup.py's flags.
MYPYCIFY = """
import re, sys
from mypyc.build import mypycify
setup = open("setup.py").read()
flags = re.findall(r'"([^"]+)"', re.search(r'mypycify\\(\\[([^\\]]*)\\*paths\\]', setup).group(1))
mypycify([*flags, *sys.argv[2:]], opt_level="3", target_dir=sys.argv[1])
"""


def test_compiled_modules_build_with_mypyc(tmp_path):
    """A module can type-check yet crash mypyc's IR builder (``x in ("a", *B)`` did), and setup.py
    then installs every module as plain Python: build them as setup.py does, short of the C compiler."""
    if (built := installed_build_of_these_sources(tmp_path)) is not None:
        pytest.skip(f"mypyc compiled these very sources into {built} at install")
    pytest.importorskip("mypyc.build")
    paths = [name.replace(".", "/") + ".py" for name in sgshards.COMPILED_MODULES]
    done = subprocess.run([sys.executable, "-c", MYPYCIFY, str(tmp_path), *paths], cwd=REPO, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert list(tmp_path.glob("*.c")), "mypyc wrote no C source"


def test_installed_compiled_package_writes_what_the_checkout_writes(tmp_path):
    """`pip install .` compiles the hot modules; run from outside the checkout, the installed
    package must give byte-identical outcomes on the embedded sample."""
    where = subprocess.run([sys.executable, "-c", "import sgshards; print(sgshards.__file__)"], cwd=tmp_path,
                           env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
                           capture_output=True, text=True, check=True).stdout.strip()
    if not {"site-packages", "dist-packages"} & set(Path(where).parts):
        pytest.skip(f"sgshards is not installed as a built package here ({where}: a development install)")
    installed = run_digest(tmp_path)
    if not installed["compiled"]:
        pytest.skip("the installed sgshards is not compiled (no mypyc or no C compiler at install time)")
    assert installed["compiled"] == list(sgshards.COMPILED_MODULES)
    checkout = run_digest(tmp_path, pythonpath=REPO)
    assert checkout["compiled"] == [] and checkout["records"] == installed["records"] > 250
    assert installed["digest"] == checkout["digest"]
