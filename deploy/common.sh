# Shared helpers for the deploy scripts (sourced, not run).
# shellcheck shell=bash

deploy_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC2034  # used by the scripts that source this file
repo_dir="$(cd "$deploy_dir/.." && pwd)"
requirements="$deploy_dir/dataflow/requirements.txt"

# The one Beam version of the project: the pin in requirements.txt, which the
# worker image's base tag and the job-server images/jars must match.
pinned_beam_version() {
  sed -n 's/^apache-beam==\([0-9][0-9.]*\).*/\1/p' "$requirements"
}

# Run a command, or with DRY_RUN=1 print it shell-quoted (one line) instead.
run() {
  if [[ "${DRY_RUN:-0}" == 1 ]]; then
    printf '%q ' "$@"
    printf '\n'
  else
    "$@"
  fi
}

die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}

# The launcher pickles DoFns that the workers unpickle: Beam and Python's
# minor version must be the same on both sides.  SKIP_VERSION_CHECK=1 skips.
check_launcher_versions() {
  [[ "${SKIP_VERSION_CHECK:-0}" == 1 ]] && return 0
  local python="${PYTHON:-python3}" want have
  want="$(pinned_beam_version)"
  have="$("$python" -c 'import importlib.metadata as m, sys
print("%d.%d %s" % (sys.version_info[0], sys.version_info[1], m.version("apache-beam")))' 2>/dev/null)" \
    || die "cannot read the apache-beam version with $python (set PYTHON=...)"
  [[ "$have" == "3.11 $want" ]] \
    || die "launcher has Python/Beam '$have', workers run '3.11 $want': use a Python 3.11 env with" \
           "'pip install -r deploy/dataflow/requirements.txt', or SKIP_VERSION_CHECK=1"
}

# True when every --input/--output value in "$@" is a remote URL (scheme://),
# so that workers, not only the launcher, can open it.
all_io_remote() {
  local prev="" arg value
  for arg in "$@"; do
    value=""
    case "$arg" in
      --input=*|--output=*) value="${arg#*=}" ;;
      *) if [[ "$prev" == --input || "$prev" == --output ]]; then value="$arg"; fi ;;
    esac
    if [[ -n "$value" && "$value" != *://* ]]; then
      echo "$value"
      return 1
    fi
    prev="$arg"
  done
}

has_flag() {
  local flag="$1" arg
  shift
  for arg in "$@"; do
    [[ "$arg" == "$flag" || "$arg" == "$flag="* ]] && return 0
  done
  return 1
}

# Beam's portable runners (Spark, Flink): how the workers run the Python code.
# Sets the global array env_args from
#   ENVIRONMENT_TYPE  DOCKER (default) | PROCESS | EXTERNAL | LOOPBACK
#   IMAGE             DOCKER: the worker image (deploy/dataflow/Dockerfile)
#   BOOT_COMMAND      PROCESS: the boot program on every worker node
#                     (default /opt/apache/beam/boot, as in the image)
#   WORKER_POOL       EXTERNAL: host:port of an SDK worker pool, e.g. the image
#                     started with --worker_pool next to each worker
#   SDK_WORKER_PARALLELISM  SDK processes per worker node (0: runner decides)
portable_environment_args() {
  env_args=()
  local type="${ENVIRONMENT_TYPE:-DOCKER}"
  case "$type" in
    DOCKER)
      [[ -n "${IMAGE:-}" ]] || die "ENVIRONMENT_TYPE=DOCKER needs IMAGE (built from deploy/dataflow/Dockerfile)"
      env_args=(--environment_type=DOCKER "--environment_config=$IMAGE") ;;
    PROCESS)
      env_args=(--environment_type=PROCESS
                "--environment_config={\"command\": \"${BOOT_COMMAND:-/opt/apache/beam/boot}\"}") ;;
    EXTERNAL)
      [[ -n "${WORKER_POOL:-}" ]] || die "ENVIRONMENT_TYPE=EXTERNAL needs WORKER_POOL=host:port"
      env_args=(--environment_type=EXTERNAL "--environment_config=$WORKER_POOL") ;;
    LOOPBACK)
      env_args=(--environment_type=LOOPBACK) ;;
    *)
      die "ENVIRONMENT_TYPE must be DOCKER, PROCESS, EXTERNAL or LOOPBACK, not $type" ;;
  esac
  if [[ -n "${SDK_WORKER_PARALLELISM:-}" ]]; then
    env_args+=("--sdk_worker_parallelism=$SDK_WORKER_PARALLELISM")
  fi
}

# Job-server jars as published on Maven Central for the pinned Beam version:
#   job_server_artifact spark 3     -> beam-runners-spark-3-job-server
#   job_server_jar_url flink 1.20   -> .../beam-runners-flink-1.20-job-server-<beam>.jar
# Beam's Python SDK downloads the same URL into ~/.apache_beam/cache/jars when
# no jar is given, so a copy placed there (same file name) is used as is.
job_server_artifact() {
  echo "beam-runners-$1-$2-job-server"
}
job_server_jar_url() {
  local artifact version
  artifact="$(job_server_artifact "$1" "$2")"
  version="$(pinned_beam_version)"
  echo "https://repo.maven.apache.org/maven2/org/apache/beam/$artifact/$version/$artifact-$version.jar"
}

# Start a Beam portable-runner job server: JOB_SERVER_JAR with java if set, else the
# Docker image IMAGE (host networking: the SDK and the workers reach the ports directly).
#   start_job_server IMAGE --spark-master-url=... | --flink-master=...
start_job_server() {
  local image="$1" master_flag="$2"
  local server_args=(
    "$master_flag"
    "--job-port=${JOB_PORT:-8099}"
    "--artifact-port=${ARTIFACT_PORT:-8098}"
    "--expansion-port=${EXPANSION_PORT:-8097}"
  )
  if [[ -n "${ARTIFACTS_DIR:-}" ]]; then
    server_args+=("--artifacts-dir=$ARTIFACTS_DIR")
  fi
  if [[ -n "${JOB_SERVER_JAR:-}" ]]; then
    [[ -f "$JOB_SERVER_JAR" || "${DRY_RUN:-0}" == 1 ]] || die "no jar at $JOB_SERVER_JAR"
    run java -jar "$JOB_SERVER_JAR" "${server_args[@]}"
  else
    run docker run --rm --net=host "$image" "${server_args[@]}"
  fi
}
