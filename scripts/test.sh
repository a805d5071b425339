#!/usr/bin/env bash
# Quick start 2: install what is missing, build, run the whole test suite; ends with CTest's summary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
cd "${HEAPVIZ_BUILD_DIR:-$root/build}"
exec ctest --output-on-failure -j"$(nproc)"
