#!/usr/bin/env bash
# Download a Beam job-server jar (for machines that reach Maven Central) into
# Beam's jar cache, or print where to get it for staging by hand.
#   deploy/fetch_job_server_jar.sh spark            # Spark 3
#   deploy/fetch_job_server_jar.sh flink [1.20]     # a Flink version Beam publishes
# JAR_CACHE_DIR (default ~/.apache_beam/cache/jars): where the jar goes; Beam
# looks there first, so --spark_job_server_jar/--flink_job_server_jar may then
# be omitted.  DRY_RUN=1 prints the download command.  Prints the jar's path.
set -euo pipefail

# shellcheck source=deploy/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

case "${1:-}" in
  spark) runner=spark; runner_version=3 ;;
  flink) runner=flink; runner_version="${2:-${FLINK_VERSION:-1.20}}" ;;
  *) die "usage: $0 spark | flink [FLINK_VERSION]" ;;
esac

url="$(job_server_jar_url "$runner" "$runner_version")"
cache="${JAR_CACHE_DIR:-$HOME/.apache_beam/cache/jars}"
jar="$cache/$(basename "$url")"
if [[ ! -f "$jar" ]]; then
  run mkdir -p "$cache"
  run curl -fL --retry 3 -o "$jar.part" "$url"
  run mv "$jar.part" "$jar"
fi
echo "$jar"
