"""The sgshards pipeline as Dataflow would receive it, built offline.

The portable (Runner API) proto needs only Beam.  The Dataflow job itself is
built with Beam's ``--dry_run=True``, which runs DataflowRunner's translation
(side-input and combiner rewrites, Docker environment, job proto) and returns
before any request; it needs the Dataflow API client library
(``google-cloud-dataflow-client``, part of ``apache-beam[gcp]``).
"""
import os
import shlex
import subprocess
import tarfile
from pathlib import Path

import apache_beam as beam
import pytest
from apache_beam.internal import pickler
from apache_beam.options.pipeline_options import DebugOptions, PipelineOptions, WorkerOptions
from apache_beam.portability import common_urns, python_urns
from apache_beam.portability.api import beam_runner_api_pb2

from sgshards.pipeline.engines import plan as planning
from sgshards.pipeline.engines.beam import AnnotateUnitFn, RunConfig, SampleUnitFn, WriteShardFn, build
from sgshards.pipeline.commands.cli import input_spec, make_parser, sample_path

REPO = Path(__file__).resolve().parents[2]
IMAGE = "europe-west1-docker.pkg.dev/sgshards-test/beam/sgshards:test"
# --dry_run=True also keeps option validation offline (it skips a GCS bucket check).
DATAFLOW = ["--runner=DataflowRunner", "--project=sgshards-test", "--region=europe-west1",
            "--temp_location=gs://sgshards-test/dataflow/tmp", "--dry_run=True"]
OUTPUT = "gs://sgshards-test/shards/sample"
CONFIG = RunConfig(output=OUTPUT, samples_per_shard=100)
TOP_LEVEL = {"ShardTasks", "AnnotateShards", "CommittedShards", "ReadCommittedStats",
             "AllShardStats", "WriteRunStats"}


@pytest.fixture(scope="module")
def tasks():
    """The embedded 301-row sample, 100 records a shard."""
    args, _ = make_parser().parse_known_args(["run", "--output", OUTPUT])
    files = [sample_path()]
    return planning.plan(files, input_spec(args, files), CONFIG.samples_per_shard)


def dataflow_pipeline(tasks, extra=(), check_duplicate_keys=False):
    p = beam.Pipeline(options=PipelineOptions(DATAFLOW + list(extra)))
    build(p, tasks, CONFIG, check_duplicate_keys=check_duplicate_keys, committed=resumed(tasks))
    return p


def resumed(tasks):
    """As if the first shard were committed by an interrupted run: both branches exist."""
    return frozenset({tasks[0].stem})


def names_under(proto, parent_id):
    transforms = proto.components.transforms
    return {transforms[t].unique_name for t in transforms[parent_id].subtransforms}


def root_names(proto):
    transforms = proto.components.transforms
    return {transforms[t].unique_name for t in proto.root_transform_ids} | {
        name for t in proto.root_transform_ids for name in names_under(proto, t)}


def transform_id(proto, name):
    return next(k for k, t in proto.components.transforms.items() if t.unique_name == name)


def pardo_fns(proto):
    """unique name -> unpickled DoFn of every ParDo in the proto."""
    fns = {}
    for t in proto.components.transforms.values():
        if t.spec.urn == common_urns.primitives.PAR_DO.urn:
            payload = beam_runner_api_pb2.ParDoPayload.FromString(t.spec.payload)
            if payload.do_fn.urn != python_urns.PICKLED_DOFN_INFO:
                continue            # runner-native (e.g. key with none): nothing pickled
            fns[t.unique_name] = (pickler.loads(payload.do_fn.payload)[0], len(payload.do_fn.payload))
    return fns


def test_shard_count_of_the_sample(tasks):
    assert [(t.shard, t.rows) for t in tasks] == [(0, 100), (1, 100), (2, 100), (3, 1)]


def test_portable_proto_has_the_composites_and_picklable_dofns(tasks):
    proto = dataflow_pipeline(tasks, check_duplicate_keys=True).to_runner_api()
    assert TOP_LEVEL <= root_names(proto)
    assert {"AnnotateShards/Bundles", "AnnotateShards/Distribute", "AnnotateShards/Annotate",
            "AnnotateShards/ByShard", "AnnotateShards/Write"} <= names_under(proto, transform_id(proto, "AnnotateShards"))
    fns = pardo_fns(proto)
    annotate, size = fns["AnnotateShards/Annotate"]
    # The DoFn travels with its config and without a loaded parser (workers load their own).
    assert isinstance(annotate, AnnotateUnitFn)
    assert annotate.config == CONFIG and annotate.parser is None
    assert size < 50_000
    write, _ = fns["AnnotateShards/Write"]
    assert isinstance(write, WriteShardFn) and write.config == CONFIG
    assert {"ReadCommittedStats", "WriteRunStats/Finish"} <= set(fns)
    assert {"DuplicateKeys/KeyedIndices", "DuplicateKeys/AllButFirst"} <= {
        name[name.index("DuplicateKeys/"):] for name in fns if "DuplicateKeys/" in name}
    assert all(isinstance(fn, beam.DoFn) for fn, _ in fns.values())
    # The duplicate-key indices and the blind models of --selection plausible (the default) reach
    # the annotating DoFn as its two side inputs; the balancing pass's DoFns travel without a parser.
    pardo = beam_runner_api_pb2.ParDoPayload.FromString(
        proto.components.transforms[transform_id(proto, "AnnotateShards/Annotate")]
        .spec.payload)
    assert len(pardo.side_inputs) == 2
    sample, _ = fns["BlindModels/Sample"]
    assert isinstance(sample, SampleUnitFn) and sample.config == CONFIG and sample.parser is None


def launch_script_flags(**env):
    """What deploy/dataflow/launch.sh would run, split into sgshards' and Beam's flags."""
    settings = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "DRY_RUN": "1",
                "SKIP_VERSION_CHECK": "1", "PROJECT": "sgshards-test", "REGION": "europe-west1",
                "BUCKET": "sgshards-test", **env}
    done = subprocess.run(["bash", str(REPO / "deploy" / "dataflow" / "launch.sh"),
                           "--input", "gs://sgshards-test/captions/*.tsv", "--output", OUTPUT],
                          env=settings, capture_output=True, text=True, check=True)
    command = shlex.split(done.stdout)
    assert command[:2] == ["sgshards", "run"]
    args, beam_flags = make_parser().parse_known_args(command[1:])
    assert (args.input, args.output) == (["gs://sgshards-test/captions/*.tsv"], OUTPUT)
    return beam_flags


def dry_run(tasks, beam_flags, check_duplicate_keys=False):
    """DataflowRunner's translation up to the job proto, without submitting."""
    pytest.importorskip("google.cloud.dataflow", reason="DataflowRunner needs apache-beam[gcp]")
    # The pip freeze of the launcher that Dataflow keeps for information only: skipped for speed.
    options = PipelineOptions(beam_flags + ["--dry_run=True", "--experiments=disable_logging_submission_environment"])
    p = beam.Pipeline(options=options)
    build(p, tasks, CONFIG, check_duplicate_keys=check_duplicate_keys, committed=resumed(tasks))
    return p.run().job


def staged_files(environment):
    """staging name -> local path of the environment's artifacts."""
    staged = {}
    for artifact in environment.dependencies:
        role = beam_runner_api_pb2.ArtifactStagingToRolePayload.FromString(artifact.role_payload)
        path = beam_runner_api_pb2.ArtifactFilePayload.FromString(artifact.type_payload).path
        staged[role.staged_name] = path
    return staged


def test_launch_script_job_with_the_custom_container(tasks):
    flags = launch_script_flags(IMAGE=IMAGE, MAX_WORKERS="20", EXPERIMENTS="use_runner_v2,shuffle_mode=service")
    options = PipelineOptions(flags)
    assert options.view_as(WorkerOptions).machine_type == "n2-standard-4"
    assert options.view_as(WorkerOptions).max_num_workers == 20
    assert options.view_as(DebugOptions).experiments == ["use_runner_v2", "shuffle_mode=service"]
    job = dry_run(tasks, flags, check_duplicate_keys=True)
    assert job.proto.type_.name == "JOB_TYPE_BATCH"
    assert job.proto.name.startswith("sgshards-")
    proto = job.proto_pipeline
    assert TOP_LEVEL <= root_names(proto)
    environments = list(proto.components.environments.values())
    assert [e.urn for e in environments] == [common_urns.environments.DOCKER.urn]
    assert beam_runner_api_pb2.DockerPayload.FromString(environments[0].payload).container_image == IMAGE
    # Everything is in the image: neither the SDK nor the package is staged.
    assert not {"workflow.tar.gz", "dataflow_python_sdk.tar"} & set(staged_files(environments[0]))


def test_launch_script_job_with_setup_file_stages_the_package_sdist(tasks):
    flags = launch_script_flags()
    assert f"--setup_file={REPO / 'setup.py'}" in flags
    job = dry_run(tasks, flags)
    environments = list(job.proto_pipeline.components.environments.values())
    assert len(environments) == 1
    image = beam_runner_api_pb2.DockerPayload.FromString(environments[0].payload).container_image
    assert image.endswith(f"beam_python3.11_sdk:{beam.version.__version__}")
    sdist = staged_files(environments[0])["workflow.tar.gz"]
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"setup.py", "sgshards/pipeline/engines/beam.py", "sgshards/parse/spacy_backend.py"} <= names
