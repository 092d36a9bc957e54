#!/usr/bin/env bash
# Start Beam's Flink job server (the portable runner's front end), in Docker or
# from a local jar.  It listens on JOB_PORT (8099) for pipelines submitted with
# deploy/flink/run.sh (MODE=job-server) and runs them on FLINK_MASTER.
#
#   FLINK_MASTER=flink-jobmanager:8081 deploy/flink/job_server.sh
#   JOB_SERVER_JAR=/opt/jars/beam-runners-flink-1.20-job-server-2.77.0.jar \
#     FLINK_MASTER=flink-jobmanager:8081 deploy/flink/job_server.sh
#
# Settings (environment variables):
#   FLINK_MASTER    HOST:PORT of the Flink JobManager's REST port, or [local]
#                   for an embedded Flink (default [local])
#   FLINK_VERSION   a Flink version Beam publishes a job server for; must match
#                   the cluster (default 1.20)
#   JOB_SERVER_JAR  run this jar with java instead of the Docker image
#                   apache/beam_flink<FLINK_VERSION>_job_server:<pinned Beam version>
#   ARTIFACTS_DIR   where the job server stages the pipeline's artifacts; with a
#                   remote cluster a path every TaskManager can read
#   JOB_PORT, ARTIFACT_PORT, EXPANSION_PORT  default 8099, 8098, 8097
#   DRY_RUN=1       print the command instead of running it
set -euo pipefail

# shellcheck source=deploy/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../common.sh"

start_job_server "apache/beam_flink${FLINK_VERSION:-1.20}_job_server:$(pinned_beam_version)" \
  "--flink-master=${FLINK_MASTER:-[local]}"
