"""The Dataflow Flex Template: its parameters (metadata.json), the launcher's arguments turned
into ``sgshards run`` and translated into the Dataflow job offline, the image that serves as
launcher and workers, and the detached run a template launch makes (its last step writes the
dataset card and releases the output's lock)."""
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from sgshards.pipeline.commands import template
from sgshards.pipeline.commands.cli import make_parser
from sgshards.pipeline.errors import UsageError
from sgshards.pipeline.outputs.lock import LOCK_FILE
from tests.deploy.test_dataflow_graph import IMAGE, TOP_LEVEL, dry_run, root_names, tasks  # noqa: F401
from tests.deploy.test_packaging import dockerfile_instructions
from tests.deploy.test_scripts import script

REPO = Path(__file__).resolve().parents[2]
FLEX = REPO / "deploy" / "dataflow" / "flex"
METADATA = json.loads((FLEX / "metadata.json").read_text())
# what the template launcher adds to the parameters (the job description goes to template_location)
LAUNCHER = ["--runner=DataflowRunner", "--project=sgshards-test", "--region=europe-west1",
            "--temp_location=gs://sgshards-test/dataflow/tmp", "--staging_location=gs://sgshards-test/staging",
            "--template_location=gs://sgshards-test/staging/template_launches/1/job_object"]


def test_every_parameter_is_an_option_of_sgshards_run():
    options = template.run_options()
    names = [p["name"] for p in METADATA["parameters"]]
    assert len(names) == len(set(names))
    for p in METADATA["parameters"]:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", p["name"]), p["name"]
        action = options["--" + p["name"].replace("_", "-")]
        assert p["helpText"].strip() and p["label"].strip()
        assert p["isOptional"] == (p["name"] not in ("input", "output"))
        if action.nargs == 0:                                # switches take true or false
            assert p["regexes"] == ["^(true|false)$"], p["name"]
        for regex in p.get("regexes", []):
            re.compile(regex)


def test_launcher_arguments_become_the_run_command_and_the_dataflow_job(tasks):  # noqa: F811
    params = ["--input=gs://sgshards-test/a/*.tsv;gs://sgshards-test/b/*.tsv", "--output=gs://sgshards-test/out",
              "--samples_per_shard=5000", "--resume=true", "--overwrite=false", "--header=false",
              "--min_confidence=0.8", "--max_num_workers=20"]
    command = template.sgshards_argv(params + LAUNCHER, image=IMAGE)
    args, beam_flags = make_parser().parse_known_args(command)
    assert args.command == "run" if hasattr(args, "command") else command[0] == "run"
    assert args.input == ["gs://sgshards-test/a/*.tsv", "gs://sgshards-test/b/*.tsv"]
    assert (args.output, args.samples_per_shard, args.resume, args.overwrite, args.header,
            args.min_confidence) == ("gs://sgshards-test/out", 5000, True, False, False, 0.8)
    assert f"--sdk_container_image={IMAGE}" in beam_flags and "--max_num_workers=20" in beam_flags
    # the job Dataflow would start, translated offline (template_location is dropped: no GCS here)
    job = dry_run(tasks, [f for f in beam_flags if not f.startswith("--template_location")])
    assert TOP_LEVEL <= root_names(job.proto_pipeline)
    images = {e.payload for e in job.proto_pipeline.components.environments.values()}
    assert len(images) == 1 and IMAGE.encode() in images.pop()


def test_a_given_worker_image_is_kept_and_a_switch_takes_only_true_or_false():
    command = template.sgshards_argv(["--output=gs://b/o", "--sdk_container_image=other:1"], image=IMAGE)
    assert "--sdk_container_image=other:1" in command and f"--sdk_container_image={IMAGE}" not in command
    with pytest.raises(UsageError, match="resume: true or false"):
        template.sgshards_argv(["--resume=maybe"])
    done = subprocess.run([sys.executable, str(FLEX / "main.py"), "--output=/tmp/x", "--resume=maybe"],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 2 and done.stderr.strip().count("\n") == 0 and "true or false" in done.stderr


def test_the_image_is_also_the_template_launcher():
    instructions = dockerfile_instructions()
    assert "COPY --from=template_launcher /opt/google/dataflow/python_template_launcher " \
           "/opt/google/dataflow/python_template_launcher" in instructions
    assert "COPY deploy/dataflow/flex/main.py /template/main.py" in instructions
    env = next(line for line in instructions if line.startswith("ENV FLEX_TEMPLATE_PYTHON_PY_FILE="))
    assert "FLEX_TEMPLATE_PYTHON_PY_FILE=/template/main.py" in env and "SGSHARDS_IMAGE=${SGSHARDS_IMAGE}" in env
    assert instructions[-1] == 'ENTRYPOINT ["/opt/apache/beam/boot"]'     # the workers' entrypoint


def test_build_template_script_builds_the_spec_from_the_metadata():
    lines = script("dataflow/flex/build_template.sh", TEMPLATE="gs://b/templates/sgshards.json",
                   IMAGE=IMAGE).stdout.splitlines()
    assert [shlex.split(line) for line in lines] == [
        ["gcloud", "dataflow", "flex-template", "build", "gs://b/templates/sgshards.json", "--image", IMAGE,
         "--sdk-language", "PYTHON", "--metadata-file", str(FLEX / "metadata.json")]]
    done = script("dataflow/flex/build_template.sh", check=False, TEMPLATE="/tmp/t.json", IMAGE=IMAGE)
    assert done.returncode == 2 and "gs:// path" in done.stderr


def test_a_detached_run_ends_in_its_own_last_step(tmp_path):
    """A local runner runs the described job at once: its last step (not the launcher) writes the
    card and releases the lock, so the launcher finds nothing to hand over and reports the run."""
    src = tmp_path / "c.txt"
    src.write_text("a red car next to a blue house\na brown dog on a wooden bench\n")
    out, export = tmp_path / "out", tmp_path / "export"
    done = subprocess.run([sys.executable, str(FLEX / "main.py"), f"--input={src}", f"--output={out}",
                           f"--export_parquet={export}", "--quiet=true", f"--template_location={tmp_path / 'job'}"],
                          capture_output=True, text=True, cwd=REPO, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (out / LOCK_FILE).exists() and not (export / LOCK_FILE).exists()
    assert "input 2 = written 2 + rejected 0" in done.stderr and "job described" not in done.stderr
    card = (export / "README.md").read_text()
    assert card.startswith("---\n") and "configs:" in card
