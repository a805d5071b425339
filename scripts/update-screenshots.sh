#!/usr/bin/env bash
# Regenerates the README's images with heapviz itself (needs xvfb-run; the GIF needs ffmpeg).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HEAPVIZ_BUILD_DIR:-$root/build}/heapviz
shots=$root/assets/screenshots
run() { xvfb-run -a -s "-screen 0 1600x900x24" "$bin" "$@"; }
# Lesson 03 at the bounce copy: the byte[]'s 19 bytes copied into the temporary direct buffer (outlined,
# with the count), all four lanes, and the direct buffer's bytes in the inspector.
run screenshot 3 --step 30 --select 4 --out "$shots/main-window.png"
run record heap-demo --size 960x540 --fps 8 --speed 2 --out "$shots/heap-demo.gif.new.gif"
mv "$shots/heap-demo.gif.new.gif" "$shots/heap-demo.gif"
