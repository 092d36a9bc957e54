#!/usr/bin/env bash
# Submit an sgshards run to Google Cloud Dataflow.
#
#   PROJECT=my-project REGION=europe-west1 BUCKET=my-bucket \
#   IMAGE=europe-west1-docker.pkg.dev/my-project/beam/sgshards:0.1.0 \
#     deploy/dataflow/launch.sh --input 'gs://my-bucket/cc12m/*.tsv' \
#       --output gs://my-bucket/shards/cc12m [more sgshards run / Beam flags]
#
# Settings (environment variables):
#   PROJECT        Google Cloud project (required)
#   REGION         Dataflow region, e.g. europe-west1 (required)
#   BUCKET         bucket for TEMP_LOCATION's default gs://$BUCKET/dataflow/tmp
#   TEMP_LOCATION  gs:// path for temp and staging files (required unless BUCKET)
#   IMAGE          worker image built from deploy/dataflow/Dockerfile; unset: the
#                  stock Beam image and --setup_file (workers pip-install sgshards
#                  and its dependencies at start-up, which needs internet access)
#   MACHINE_TYPE   worker machine type (default n2-standard-4)
#   MAX_WORKERS    autoscaling ceiling (default 10)
#   NUM_WORKERS    initial workers (default: unset, Dataflow chooses)
#   DISK_SIZE_GB   worker boot disk (default 30; the image and shard spill fit)
#   EXPERIMENTS    comma-separated Dataflow experiments (default use_runner_v2)
#   HARNESS_THREADS  --number_of_worker_harness_threads (default: unset)
#   JOB_NAME       default sgshards-<UTC date-time>
#   SERVICE_ACCOUNT, SUBNETWORK  passed on when set; NO_PUBLIC_IPS=1 adds --no_use_public_ips
#   DRY_RUN=1      print the sgshards command instead of running it
#   SKIP_VERSION_CHECK=1  do not compare the launcher's Python/Beam with the workers'
# Arguments are passed to `sgshards run` after the generated flags, so a flag
# given there (e.g. --max_num_workers=50) overrides the setting above.
set -euo pipefail

# shellcheck source=deploy/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../common.sh"

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi

: "${PROJECT:?set PROJECT to the Google Cloud project}"
: "${REGION:?set REGION to the Dataflow region, e.g. europe-west1}"
if [[ -z "${TEMP_LOCATION:-}" ]]; then
  [[ -n "${BUCKET:-}" ]] || die "set TEMP_LOCATION=gs://... or BUCKET"
  TEMP_LOCATION="gs://$BUCKET/dataflow/tmp"
fi
[[ "$TEMP_LOCATION" == gs://* ]] || die "TEMP_LOCATION must be a gs:// path, not $TEMP_LOCATION"

# Workers open the inputs themselves; the embedded sample and local paths exist
# only on this machine.
has_flag --input "$@" || die "pass --input gs://... (the embedded sample is local to the launcher)"
has_flag --output "$@" || die "pass --output gs://..."
if ! local_path="$(all_io_remote "$@")"; then
  die "$local_path is a local path: Dataflow workers can only open remote URLs (gs://...)"
fi

check_launcher_versions

args=(
  --runner=DataflowRunner
  "--project=$PROJECT"
  "--region=$REGION"
  "--temp_location=$TEMP_LOCATION"
  "--job_name=${JOB_NAME:-sgshards-$(date -u +%Y%m%d-%H%M%S)}"
  "--machine_type=${MACHINE_TYPE:-n2-standard-4}"
  "--max_num_workers=${MAX_WORKERS:-10}"
  "--disk_size_gb=${DISK_SIZE_GB:-30}"
)
IFS=, read -r -a experiments <<< "${EXPERIMENTS:-use_runner_v2}"
for experiment in "${experiments[@]}"; do
  args+=("--experiments=$experiment")
done
if [[ -n "${IMAGE:-}" ]]; then
  # Everything is in the image: do not stage the SDK or the package again.
  args+=("--sdk_container_image=$IMAGE" --sdk_location=container)
else
  args+=("--setup_file=$repo_dir/setup.py")
fi
[[ -n "${NUM_WORKERS:-}" ]] && args+=("--num_workers=$NUM_WORKERS")
[[ -n "${HARNESS_THREADS:-}" ]] && args+=("--number_of_worker_harness_threads=$HARNESS_THREADS")
[[ -n "${SERVICE_ACCOUNT:-}" ]] && args+=("--service_account_email=$SERVICE_ACCOUNT")
[[ -n "${SUBNETWORK:-}" ]] && args+=("--subnetwork=$SUBNETWORK")
[[ "${NO_PUBLIC_IPS:-0}" == 1 ]] && args+=(--no_use_public_ips)

run "${SGSHARDS:-sgshards}" run "${args[@]}" "$@"
