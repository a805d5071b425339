#!/usr/bin/env bash
# Regenerates the README's screenshots with heapviz's own screenshot mode (needs xvfb-run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HEAPVIZ_BUILD_DIR:-$root/build}/heapviz
xvfb-run -a -s "-screen 0 1600x900x24" "$bin" screenshot 1 --out "$root/assets/screenshots/main-window.png" \
  --size 1280x720
