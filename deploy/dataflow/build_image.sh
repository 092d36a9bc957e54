#!/usr/bin/env bash
# Build (and optionally push) the sgshards worker image (also the Flex Template launcher image).
#   deploy/dataflow/build_image.sh IMAGE [--push]
# IMAGE e.g. europe-west1-docker.pkg.dev/my-project/beam/sgshards:0.1.0
# DRY_RUN=1 prints the commands instead of running them.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=deploy/common.sh
source "$here/../common.sh"            # run (DRY_RUN=1 prints instead)

if [[ $# -lt 1 || "$1" == -* ]]; then
  echo "usage: $0 IMAGE [--push]" >&2
  exit 2
fi
image="$1"
push="${2:-}"

# BuildKit is needed for Dockerfile.dockerignore (default since Docker 23).
export DOCKER_BUILDKIT=1
# SGSHARDS_IMAGE: as a Flex Template launcher, the image names itself as the workers' image.
run docker build -f "$here/Dockerfile" --build-arg "SGSHARDS_IMAGE=$image" -t "$image" "$repo"
if [[ "$push" == "--push" ]]; then
  run docker push "$image"
fi
