#!/usr/bin/env bash
# Run sgshards on Spark through Beam's portable Spark runner.
#
#   MODE=job-server IMAGE=my-registry/sgshards:0.1.0 deploy/spark/run.sh \
#     --input 's3://bucket/cc12m/*.tsv' --output s3://bucket/shards/cc12m
#
# MODE (default job-server):
#   job-server  submit to a running job server (deploy/spark/job_server.sh) at
#               JOB_ENDPOINT (default localhost:8099): --runner=PortableRunner
#   uber-jar    no job server: build one jar holding the pipeline and submit it
#               to the Spark master's REST endpoint SPARK_REST_URL
#               (http://HOST:6066; needs spark.master.rest.enabled=true)
#   jar         the SDK starts the job-server jar itself (needs java here)
# Settings (environment variables):
#   SPARK_MASTER_URL  spark://HOST:7077 (uber-jar, jar; default local[4])
#   JOB_SERVER_JAR    local copy of beam-runners-spark-3-job-server-<beam>.jar
#                     (uber-jar, jar); unset: Beam downloads it from Maven Central
#   ENVIRONMENT_TYPE, IMAGE, BOOT_COMMAND, WORKER_POOL, SDK_WORKER_PARALLELISM:
#                     how workers run Python, see deploy/common.sh and README.md
#   DRY_RUN=1         print the sgshards command instead of running it
# Arguments go to `sgshards run` after the generated flags.
set -euo pipefail

# shellcheck source=deploy/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../common.sh"

has_flag --output "$@" || die "pass --output (a path or URL every Spark worker can write)"
check_launcher_versions
portable_environment_args

mode="${MODE:-job-server}"
case "$mode" in
  job-server)
    args=(--runner=PortableRunner "--job_endpoint=${JOB_ENDPOINT:-localhost:8099}") ;;
  uber-jar)
    [[ -n "${SPARK_REST_URL:-}" ]] || die "MODE=uber-jar needs SPARK_REST_URL=http://HOST:6066"
    args=(--runner=SparkRunner --spark_submit_uber_jar
          "--spark_master_url=${SPARK_MASTER_URL:?MODE=uber-jar needs SPARK_MASTER_URL=spark://HOST:7077}"
          "--spark_rest_url=$SPARK_REST_URL") ;;
  jar)
    args=(--runner=SparkRunner "--spark_master_url=${SPARK_MASTER_URL:-local[4]}") ;;
  *)
    die "MODE must be job-server, uber-jar or jar, not $mode" ;;
esac
if [[ "$mode" != job-server && -n "${JOB_SERVER_JAR:-}" ]]; then
  args+=("--spark_job_server_jar=$JOB_SERVER_JAR")
fi

run "${SGSHARDS:-sgshards}" run "${args[@]}" "${env_args[@]}" "$@"
