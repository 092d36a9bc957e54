#!/usr/bin/env bash
# Build the sgshards Dataflow Flex Template: a JSON spec on GCS that names the image and
# the parameters (metadata.json), so a job is launched without the sgshards source tree.
#
#   deploy/dataflow/build_image.sh IMAGE --push        # one image: launcher and workers
#   TEMPLATE=gs://my-bucket/templates/sgshards.json IMAGE=europe-west1-docker.pkg.dev/my-project/beam/sgshards:0.1.0 \
#     deploy/dataflow/flex/build_template.sh
#   gcloud dataflow flex-template run "sgshards-$(date +%Y%m%d-%H%M%S)" --region europe-west1 \
#     --template-file-gcs-location gs://my-bucket/templates/sgshards.json \
#     --parameters input='gs://my-bucket/cc12m/*.tsv',output=gs://my-bucket/shards/cc12m
#
# Settings (environment variables):
#   TEMPLATE   gs:// path of the template spec to write (required)
#   IMAGE      the image built from deploy/dataflow/Dockerfile and pushed (required)
#   DRY_RUN=1  print the gcloud command instead of running it
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/common.sh
source "$here/../../common.sh"

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi

: "${TEMPLATE:?set TEMPLATE to the gs:// path of the template spec}"
: "${IMAGE:?set IMAGE to the image built by deploy/dataflow/build_image.sh}"
[[ "$TEMPLATE" == gs://* ]] || die "TEMPLATE must be a gs:// path, not $TEMPLATE"

run gcloud dataflow flex-template build "$TEMPLATE" --image "$IMAGE" --sdk-language PYTHON \
  --metadata-file "$here/metadata.json"
