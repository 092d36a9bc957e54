#!/usr/bin/env bash
# Start Beam's Spark job server (the portable runner's front end), in Docker or
# from a local jar.  It listens on JOB_PORT (8099) for pipelines submitted with
# deploy/spark/run.sh (MODE=job-server) and runs them on SPARK_MASTER_URL.
#
#   SPARK_MASTER_URL=spark://spark-master:7077 deploy/spark/job_server.sh
#   JOB_SERVER_JAR=/opt/jars/beam-runners-spark-3-job-server-2.77.0.jar \
#     SPARK_MASTER_URL=spark://spark-master:7077 deploy/spark/job_server.sh
#
# Settings (environment variables):
#   SPARK_MASTER_URL  spark://HOST:7077, or local[N] for an embedded Spark (default local[4])
#   JOB_SERVER_JAR    run this jar with java instead of the Docker image
#                     apache/beam_spark3_job_server:<pinned Beam version>
#   ARTIFACTS_DIR     where the job server stages the pipeline's artifacts; with a
#                     remote cluster a path every worker can read (gs://, s3://, hdfs://)
#   JOB_PORT, ARTIFACT_PORT, EXPANSION_PORT  default 8099, 8098, 8097
#   DRY_RUN=1         print the command instead of running it
set -euo pipefail

# shellcheck source=deploy/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../common.sh"

start_job_server "apache/beam_spark3_job_server:$(pinned_beam_version)" \
  "--spark-master-url=${SPARK_MASTER_URL:-local[4]}"
