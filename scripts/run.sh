#!/usr/bin/env bash
# Quick start 1: install what is missing, build (Release), open heapviz on the default lesson.
# Any arguments are passed to heapviz (e.g. scripts/run.sh 3, or scripts/run.sh screenshot --out a.png).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
exec "${HEAPVIZ_BUILD_DIR:-$root/build}/heapviz" "$@"
