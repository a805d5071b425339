#!/usr/bin/env bash
# Frame time of the interactive window while it plays a lesson, under Xvfb at 1600x900 (llvmpipe):
# lessons with 1k, 100k and 1M small objects (bench/lessons/million_objects.java with the count changed).
# Each case opens `heapviz LESSON --play-from S --speed X --frame-log FILE --quit-after-frames N`, starting
# S = 30 steps before the lesson's GC (the heap at its fullest), and prints the median and 95th percentile
# of the frame time (ms), plus the medians of the core update (seek + views + occupancy), the UI build and
# the GL render. The first 20 frames (fonts, first views) are not counted.
# Usage: bench/frame_time.sh [FRAMES] [SPEED]     (defaults 600 and 10; COUNTS="1_000_000" for one case)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HEAPVIZ_BUILD_DIR:-$root/build}/heapviz
frames=${1:-600}
speed=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
printf '%-8s %8s %10s %10s %8s %8s %8s %7s\n' objects steps "median ms" "p95 ms" "core" "ui" "gl" frames
for n in ${COUNTS:-1_000 100_000 1_000_000}; do
  lesson="$work/objects_${n//_/}.java"
  sed "s/1_000_000/$n/" "$root/bench/lessons/million_objects.java" >"$lesson"
  # The first gc_start step, from the recorded trace.
  "$bin" run "$lesson" --trace 2>"$work/trace.txt" >/dev/null
  gc=$(awk '$2 == "gc_start" { print $1; exit }' "$work/trace.txt")
  steps=$(awk '$1 ~ /^[0-9]+$/ { n = $1 } END { print n }' "$work/trace.txt")
  from=$(( gc > 30 ? gc - 30 : 0 ))
  HOME="$work/home" xvfb-run -a -s "-screen 0 1600x900x24" "$bin" "$lesson" --play-from "$from" --speed "$speed" \
    --frame-log "$work/frames.txt" --quit-after-frames "$frames" >/dev/null 2>&1
  python3 - "$work/frames.txt" "$n" "$steps" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if not l.startswith('#')][20:]
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
total = [r[1] for r in rows]
print('%-8s %8s %10.2f %10.2f %8.2f %8.2f %8.2f %7d' % (sys.argv[2].replace('_', ','), sys.argv[3], statistics.median(total), pct(total, 95),
      statistics.median(r[2] for r in rows), statistics.median(r[3] for r in rows), statistics.median(r[4] for r in rows), len(rows)))
PY
done
