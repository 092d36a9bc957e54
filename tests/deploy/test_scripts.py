"""The deploy scripts: syntax, shellcheck, and the commands they build (DRY_RUN=1),
parsed by sgshards' CLI and Beam's option parsers as a real launch would."""
import importlib.metadata
import logging
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from apache_beam.options.pipeline_options import (FlinkRunnerOptions, GoogleCloudOptions, PipelineOptions,
                                                  PortableOptions, SetupOptions, SparkRunnerOptions,
                                                  StandardOptions, WorkerOptions)
from apache_beam.utils.subprocess_server import JavaJarServer

from sgshards.pipeline.commands.cli import make_parser

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
SCRIPTS = sorted(DEPLOY.rglob("*.sh"))
IMAGE = "registry.example/sgshards:test"
BEAM = next(line.split("==")[1] for line in (DEPLOY / "dataflow" / "requirements.txt").read_text().splitlines()
            if line.startswith("apache-beam=="))


def script(path: str, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
    settings = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "DRY_RUN": "1",
                "SKIP_VERSION_CHECK": "1", **env}
    done = subprocess.run(["bash", str(DEPLOY / path), *args], env=settings, capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def dry_run_command(path: str, *args: str, **env: str) -> list:
    lines = script(path, *args, **env).stdout.splitlines()
    assert len(lines) == 1, lines
    return shlex.split(lines[0])


def sgshards_options(command: list, caplog) -> tuple:
    """(sgshards run arguments, Beam options), failing on flags Beam would drop."""
    assert command[:2] == ["sgshards", "run"]
    args, beam_flags = make_parser().parse_known_args(command[1:])
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="apache_beam.options.pipeline_options"):
        options = PipelineOptions(beam_flags)
        options.get_all_options()
    assert not [r for r in caplog.records if "Discarding" in r.getMessage()]
    return args, options


def test_scripts_parse():
    assert {p.relative_to(DEPLOY).as_posix() for p in SCRIPTS} >= {
        "common.sh", "fetch_job_server_jar.sh", "dataflow/launch.sh", "dataflow/build_image.sh",
        "spark/job_server.sh", "spark/run.sh", "flink/job_server.sh", "flink/run.sh"}
    for path in SCRIPTS:
        done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, f"{path}: {done.stderr}"


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed (apt-get install shellcheck)")
def test_shellcheck_is_clean():
    done = subprocess.run(["shellcheck", "-x", *[str(p.relative_to(REPO)) for p in SCRIPTS]],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


# -- Dataflow ---------------------------------------------------------------------

DATAFLOW_ENV = {"PROJECT": "sgshards-test", "REGION": "europe-west1", "BUCKET": "sgshards-test"}
IO = ("--input", "gs://sgshards-test/captions/*.tsv", "--output", "gs://sgshards-test/shards")


def test_launch_with_image_sets_the_worker_options(caplog):
    command = dry_run_command("dataflow/launch.sh", *IO, "--max_num_workers=50", "--samples-per-shard", "5000",
                              IMAGE=IMAGE, NUM_WORKERS="8", DISK_SIZE_GB="40", MACHINE_TYPE="e2-standard-8",
                              HARNESS_THREADS="2", JOB_NAME="cc12m-test", **DATAFLOW_ENV)
    args, options = sgshards_options(command, caplog)
    assert (args.input, args.output, args.samples_per_shard) == (["gs://sgshards-test/captions/*.tsv"],
                                                                 "gs://sgshards-test/shards", 5000)
    cloud, workers, setup = (options.view_as(GoogleCloudOptions), options.view_as(WorkerOptions),
                             options.view_as(SetupOptions))
    assert options.view_as(StandardOptions).runner == "DataflowRunner"
    assert (cloud.project, cloud.region, cloud.temp_location, cloud.job_name) == (
        "sgshards-test", "europe-west1", "gs://sgshards-test/dataflow/tmp", "cc12m-test")
    assert (workers.machine_type, workers.num_workers, workers.disk_size_gb) == ("e2-standard-8", 8, 40)
    assert workers.max_num_workers == 50            # the user's flag comes last and wins
    assert workers.sdk_container_image == IMAGE and setup.sdk_location == "container"
    assert setup.setup_file is None
    assert options.get_all_options()["number_of_worker_harness_threads"] == 2


def test_launch_without_image_uses_the_setup_file(caplog):
    _, options = sgshards_options(dry_run_command("dataflow/launch.sh", *IO, **DATAFLOW_ENV), caplog)
    assert options.view_as(SetupOptions).setup_file == str(REPO / "setup.py")
    assert options.view_as(WorkerOptions).sdk_container_image is None
    assert options.get_all_options()["experiments"] == ["use_runner_v2"]


@pytest.mark.parametrize("args, env, message", [
    (("--input", "captions.tsv", "--output", "gs://b/out"), DATAFLOW_ENV, "captions.tsv is a local path"),
    (("--output", "gs://b/out"), DATAFLOW_ENV, "pass --input gs://"),
    (IO, {"REGION": "europe-west1", "BUCKET": "b"}, "set PROJECT"),
    (IO, {"PROJECT": "p", "REGION": "r"}, "set TEMP_LOCATION"),
    (IO, {**DATAFLOW_ENV, "TEMP_LOCATION": "/tmp/x"}, "must be a gs:// path"),
])
def test_launch_refuses_what_dataflow_workers_cannot_use(args, env, message):
    done = script("dataflow/launch.sh", *args, check=False, **env)
    assert done.returncode != 0 and done.stdout == ""
    assert message in done.stderr


def test_launcher_version_check_compares_python_and_beam_with_the_workers():
    done = script("dataflow/launch.sh", *IO, check=False, SKIP_VERSION_CHECK="0", PYTHON=sys.executable,
                  **DATAFLOW_ENV)
    same = sys.version_info[:2] == (3, 11) and importlib.metadata.version("apache-beam") == BEAM
    assert (done.returncode == 0) == same, done.stderr
    if not same:
        assert "workers run '3.11 " in done.stderr


def test_build_image_uses_the_dataflow_dockerfile_with_the_repo_as_context():
    lines = script("dataflow/build_image.sh", IMAGE, "--push").stdout.splitlines()
    assert [shlex.split(line) for line in lines] == [
        ["docker", "build", "-f", str(DEPLOY / "dataflow" / "Dockerfile"), "--build-arg", f"SGSHARDS_IMAGE={IMAGE}",
         "-t", IMAGE, str(REPO)],
        ["docker", "push", IMAGE]]


# -- Spark and Flink ----------------------------------------------------------------

@pytest.mark.parametrize("env_type, extra, config", [
    ("DOCKER", {"IMAGE": IMAGE}, IMAGE),
    ("PROCESS", {}, '{"command": "/opt/apache/beam/boot"}'),
    ("EXTERNAL", {"WORKER_POOL": "localhost:50000"}, "localhost:50000"),
    ("LOOPBACK", {}, None),
])
def test_spark_job_server_mode_environments(env_type, extra, config, caplog):
    command = dry_run_command("spark/run.sh", "--input", "s3://b/in.tsv", "--output", "s3://b/out",
                              ENVIRONMENT_TYPE=env_type, SDK_WORKER_PARALLELISM="2", **extra)
    _, options = sgshards_options(command, caplog)
    portable = options.view_as(PortableOptions)
    assert options.view_as(StandardOptions).runner == "PortableRunner"
    assert (portable.job_endpoint, portable.environment_type, portable.environment_config) == (
        "localhost:8099", env_type, config)
    assert str(portable.sdk_worker_parallelism) == "2"


def test_spark_uber_jar_mode(caplog):
    command = dry_run_command("spark/run.sh", "--output", "s3://b/out", MODE="uber-jar", IMAGE=IMAGE,
                              SPARK_MASTER_URL="spark://master:7077", SPARK_REST_URL="http://master:6066",
                              JOB_SERVER_JAR="/opt/jars/spark-js.jar")
    _, options = sgshards_options(command, caplog)
    spark = options.view_as(SparkRunnerOptions)
    assert options.view_as(StandardOptions).runner == "SparkRunner"
    assert spark.spark_submit_uber_jar
    assert (spark.spark_master_url, spark.spark_rest_url, spark.spark_job_server_jar) == (
        "spark://master:7077", "http://master:6066", "/opt/jars/spark-js.jar")


def test_spark_uber_jar_mode_needs_the_rest_url():
    done = script("spark/run.sh", "--output", "s3://b/out", check=False, MODE="uber-jar", IMAGE=IMAGE,
                  SPARK_MASTER_URL="spark://master:7077")
    assert done.returncode != 0 and "SPARK_REST_URL" in done.stderr


@pytest.mark.parametrize("mode", ["uber-jar", "jar"])
def test_flink_runner_modes(mode, caplog):
    command = dry_run_command("flink/run.sh", "--output", "s3://b/out", MODE=mode, IMAGE=IMAGE,
                              FLINK_MASTER="jobmanager:8081", PARALLELISM="16",
                              JOB_SERVER_JAR="/opt/jars/flink-js.jar")
    _, options = sgshards_options(command, caplog)
    flink = options.view_as(FlinkRunnerOptions)
    assert options.view_as(StandardOptions).runner == "FlinkRunner"
    assert flink.flink_submit_uber_jar == (mode == "uber-jar")
    assert (flink.flink_master, flink.parallelism, flink.flink_job_server_jar) == (
        "jobmanager:8081", 16, "/opt/jars/flink-js.jar")
    assert flink.flink_version in FlinkRunnerOptions.PUBLISHED_FLINK_VERSIONS
    assert options.view_as(PortableOptions).environment_config == IMAGE


def test_portable_run_refuses_an_unknown_environment_or_a_docker_run_without_image():
    for path in ("spark/run.sh", "flink/run.sh"):
        done = script(path, "--output", "s3://b/out", check=False, ENVIRONMENT_TYPE="THREADS")
        assert done.returncode != 0 and "DOCKER, PROCESS, EXTERNAL or LOOPBACK" in done.stderr
        done = script(path, "--output", "s3://b/out", check=False)
        assert done.returncode != 0 and "needs IMAGE" in done.stderr


def test_job_servers_use_the_pinned_beam_version():
    spark = dry_run_command("spark/job_server.sh", SPARK_MASTER_URL="spark://master:7077", ARTIFACTS_DIR="s3://b/a")
    assert spark == ["docker", "run", "--rm", "--net=host", f"apache/beam_spark3_job_server:{BEAM}",
                     "--spark-master-url=spark://master:7077", "--job-port=8099", "--artifact-port=8098",
                     "--expansion-port=8097", "--artifacts-dir=s3://b/a"]
    flink = dry_run_command("flink/job_server.sh", FLINK_VERSION="1.19", FLINK_MASTER="jobmanager:8081",
                            JOB_SERVER_JAR="/opt/jars/flink-js.jar")
    assert flink == ["java", "-jar", "/opt/jars/flink-js.jar", "--flink-master=jobmanager:8081",
                     "--job-port=8099", "--artifact-port=8098", "--expansion-port=8097"]
    assert dry_run_command("flink/job_server.sh", FLINK_VERSION="1.19")[4] == f"apache/beam_flink1.19_job_server:{BEAM}"


@pytest.mark.parametrize("args, target", [
    (("spark",), ":runners:spark:3:job-server:shadowJar"),
    (("flink", "1.19"), ":runners:flink:1.19:job-server:shadowJar"),
])
def test_fetched_jar_is_the_one_beam_would_download(args, target, tmp_path):
    lines = script("fetch_job_server_jar.sh", *args, JAR_CACHE_DIR=str(tmp_path)).stdout.splitlines()
    curl = shlex.split(lines[1])
    # the jar Beam of the pinned version (the workers' and launcher's) downloads: the installed
    # Beam may be newer (setup.py takes any 2.x), which the launch scripts refuse to run with
    beam_url = JavaJarServer.path_to_beam_jar(target, version=BEAM)
    assert curl[0] == "curl" and curl[-1] == beam_url
    # Beam's cache lookup is by file name: the fetched jar is found without a flag.
    assert lines[-1] == str(tmp_path / Path(beam_url).name)
