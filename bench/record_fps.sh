#!/usr/bin/env bash
# Recording speed: frames per second of `heapviz record` to MP4 at 720p and 1080p (30 fps video), under
# Xvfb. Real time means at least 30 frames/s. Prints one line per size. Needs build/heapviz and ffmpeg.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HEAPVIZ_BUILD_DIR:-$root/build}/heapviz
lesson=${1:-07-cleaner-after-gc}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for size in 1280x720 1920x1080; do
  line=$(xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" record "$lesson" --size "$size" --fps 30 \
           --out "$out/$size.mp4" 2>/dev/null | grep '^heapviz: wrote')
  fps=$(sed -E 's/.*, ([0-9.]+) frames\/s\)$/\1/' <<<"$line")
  frames=$(sed -E 's/.*: ([0-9]+) frames,.*/\1/' <<<"$line")
  printf '%-10s %6s frames  %6s frames/s rendered+encoded  (%s real time at 30 fps)\n' "$size" "$frames" "$fps" \
    "$(awk -v f="$fps" 'BEGIN { printf "%.2fx", f / 30 }')"
done
