#!/usr/bin/env bash
# Cost of a loop of N allocateDirect(1000) whose buffers are dropped at once (Bits.reserveMemory runs
# System.gc() and the Cleaners whenever the 61.9 MiB default limit is reached). Should grow linearly in N.
# Usage: bench/direct_loop.sh [BUILD_DIR]   (prints N, seconds, peak RSS)
set -euo pipefail
build=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 25000 50000 100000; do
  cat > "$tmp/loop.java" <<JAVA
//@ jvm: -XX:+UseSerialGC -Xmx64m
for (int i = 0; i < $n; i++) {
    ByteBuffer b = ByteBuffer.allocateDirect(1000);
}
JAVA
  /usr/bin/time -f "N=$n %e s %M KiB" "$build/heapviz" run "$tmp/loop.java" >/dev/null
done
