#!/usr/bin/env bash
# Configures and builds heapviz (Release) into build/, after installing any missing packages.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
build_dir=${HEAPVIZ_BUILD_DIR:-$root/build}
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
elif [[ $# -gt 0 ]]; then
  cmake "$build_dir" "$@" >/dev/null
fi
cmake --build "$build_dir" -j"$(nproc)"
