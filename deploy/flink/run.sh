#!/usr/bin/env bash
# Run sgshards on Flink through Beam's portable Flink runner.
#
#   MODE=uber-jar FLINK_MASTER=flink-jobmanager:8081 IMAGE=my-registry/sgshards:0.1.0 \
#     deploy/flink/run.sh --input 's3://bucket/cc12m/*.tsv' --output s3://bucket/shards/cc12m
#
# MODE (default job-server):
#   job-server  submit to a running job server (deploy/flink/job_server.sh) at
#               JOB_ENDPOINT (default localhost:8099): --runner=PortableRunner
#   uber-jar    no job server: build one jar holding the pipeline and upload it
#               to the JobManager's REST API at FLINK_MASTER
#   jar         the SDK starts the job-server jar itself (needs java here)
# Settings (environment variables):
#   FLINK_MASTER    HOST:PORT of the JobManager REST API (uber-jar, jar; default [local])
#   FLINK_VERSION   the cluster's Flink version (default 1.20)
#   JOB_SERVER_JAR  local copy of beam-runners-flink-<FLINK_VERSION>-job-server-<beam>.jar
#                   (uber-jar, jar); unset: Beam downloads it from Maven Central
#   PARALLELISM     --parallelism: parallel instances per operator (default: Flink's)
#   ENVIRONMENT_TYPE, IMAGE, BOOT_COMMAND, WORKER_POOL, SDK_WORKER_PARALLELISM:
#                   how workers run Python, see deploy/common.sh and README.md
#   DRY_RUN=1       print the sgshards command instead of running it
# Arguments go to `sgshards run` after the generated flags.
set -euo pipefail

# shellcheck source=deploy/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../common.sh"

has_flag --output "$@" || die "pass --output (a path or URL every TaskManager can write)"
check_launcher_versions
portable_environment_args

mode="${MODE:-job-server}"
flink_version="${FLINK_VERSION:-1.20}"
case "$mode" in
  job-server)
    args=(--runner=PortableRunner "--job_endpoint=${JOB_ENDPOINT:-localhost:8099}") ;;
  uber-jar)
    args=(--runner=FlinkRunner --flink_submit_uber_jar
          "--flink_master=${FLINK_MASTER:?MODE=uber-jar needs FLINK_MASTER=HOST:8081}"
          "--flink_version=$flink_version") ;;
  jar)
    args=(--runner=FlinkRunner "--flink_master=${FLINK_MASTER:-[local]}" "--flink_version=$flink_version") ;;
  *)
    die "MODE must be job-server, uber-jar or jar, not $mode" ;;
esac
if [[ "$mode" != job-server && -n "${JOB_SERVER_JAR:-}" ]]; then
  args+=("--flink_job_server_jar=$JOB_SERVER_JAR")
fi
if [[ -n "${PARALLELISM:-}" ]]; then
  args+=("--parallelism=$PARALLELISM")
fi

run "${SGSHARDS:-sgshards}" run "${args[@]}" "${env_args[@]}" "$@"
