#!/usr/bin/env bash
# Full-compaction benchmark: heapviz's simulated Serial full GC vs the real JDK on the same shape
# (Object[] of N 24-byte nodes, every other one dropped, fully compacting GC; jvm17-measured.md §4).
# Usage: bench/run_gc_bench.sh [N ...]      (default: 100000 1000000 4000000)
# Env: BUILD_DIR (default build-bench), REPS (JDK runs per N, default 5), JAVA (default java).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${BUILD_DIR:-$root/build-bench}"
reps="${REPS:-5}"
java_bin="${JAVA:-java}"
ns=("$@")
[ ${#ns[@]} -eq 0 ] && ns=(100000 1000000 4000000)

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DHEAPVIZ_BUILD_APP=OFF -DHEAPVIZ_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target heap_compaction -j2 >/dev/null

echo "== heapviz (simulated Serial full GC, MarkSweepDeadRatio=0; median of several runs) =="
sim_out="$("$build/bench/heap_compaction" "${ns[@]}")"
echo "$sim_out"

echo
"$build/bench/heap_compaction" --dead-wood "${ns[@]}"

if ! command -v "$java_bin" >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  echo "(no java/javac on PATH: skipping the JDK comparison)"
  exit 0
fi
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" "$here/java/FullGc.java"
echo
echo "== JDK: $("$java_bin" -version 2>&1 | head -1) =="
printf "%-9s %12s %12s %10s\n" N jdk_ms sim_off_ms ratio
for n in "${ns[@]}"; do
  times=()
  for ((i = 0; i < reps; i++)); do
    t="$("$java_bin" -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0 -Xms1g -Xmx1g -Xlog:gc -cp "$classes" FullGc "$n" |
         sed -n 's/.*GC(1) Pause Full.* \([0-9.]*\)ms$/\1/p')"
    times+=("$t")
  done
  jdk="$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  sim="$(echo "$sim_out" | awk -v n="$n" '$1 == n {print $2}')"
  ratio="$(awk -v s="$sim" -v j="$jdk" 'BEGIN {printf "%.2f", s / j}')"
  printf "%-9s %12s %12s %10s\n" "$n" "$jdk" "$sim" "${ratio}x"
done
