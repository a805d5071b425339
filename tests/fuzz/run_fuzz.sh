#!/usr/bin/env bash
# Builds the lesson front-end fuzzer with clang (libFuzzer + ASan + UBSan) and runs it for a bounded
# time: first every saved crash in regressions/ is replayed, then the seed corpus is fuzzed.
# Usage: run_fuzz.sh <source dir> <build dir> <file listing the lang sources>
# Environment: HEAPVIZ_FUZZ_SECONDS (default 20).
set -euo pipefail

src_dir=$1
out_dir=$2
sources_file=$3
seconds=${HEAPVIZ_FUZZ_SECONDS:-20}
here="$src_dir/tests/fuzz"

clang=""
for c in clang++ clang++-14; do
  if command -v "$c" > /dev/null 2>&1; then clang=$c; break; fi
done
if [[ -z $clang ]]; then
  echo "FAIL: clang++ was not found; the fuzz test needs clang with libFuzzer (Debian: clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi

mkdir -p "$out_dir/artifacts" "$out_dir/corpus"
# The working corpus grows from run to run in a build tree; past a few thousand inputs, loading it
# eats the time budget, so start again from the seeds.
if (( $(find "$out_dir/corpus" -type f | wc -l) > 3000 )); then
  rm -rf "$out_dir/corpus"
  mkdir -p "$out_dir/corpus"
fi
binary="$out_dir/fuzz_lang"
mapfile -t sources < "$sources_file"

# Rebuild only when a source or header is newer than the binary.
needs_build=1
if [[ -x $binary ]]; then
  needs_build=0
  while IFS= read -r f; do
    if [[ $f -nt $binary ]]; then needs_build=1; break; fi
  done < <(printf '%s\n' "${sources[@]}" "$here/fuzz_lang.cpp" "$src_dir"/core/include/heapviz/lang/*.hpp "$src_dir"/core/src/lang/*.hpp)
fi
if [[ $needs_build == 1 ]]; then
  echo "building $binary with $clang"
  if ! "$clang" -std=c++20 -O1 -g -fno-omit-frame-pointer \
      -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
      -I "$src_dir/core/include" "$here/fuzz_lang.cpp" "${sources[@]}" -o "$binary.tmp"; then
    echo "FAIL: could not build the fuzzer (is libclang-rt-14-dev installed?)" >&2
    exit 1
  fi
  mv "$binary.tmp" "$binary"
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}:abort_on_error=0
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}:halt_on_error=1

shopt -s nullglob
regressions=("$here"/regressions/crash-* "$here"/regressions/timeout-* "$here"/regressions/oom-* "$here"/regressions/*.java)
if (( ${#regressions[@]} > 0 )); then
  echo "replaying ${#regressions[@]} regression input(s)"
  if ! "$binary" -timeout=2 -rss_limit_mb=1024 "${regressions[@]}" > "$out_dir/regressions.log" 2>&1; then
    cat "$out_dir/regressions.log" >&2
    echo "FAIL: a saved regression input crashes the front end again" >&2
    exit 1
  fi
fi

echo "fuzzing for ${seconds}s"
set +e
"$binary" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=1024 -max_len=4096 \
  -dict="$here/java.dict" -artifact_prefix="$out_dir/artifacts/" -print_final_stats=1 \
  "$out_dir/corpus" "$here/corpus" > "$out_dir/fuzz.log" 2>&1
status=$?
set -e
grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb|INFO: seed corpus)" "$out_dir/fuzz.log" || true
if (( status != 0 )); then
  tail -n 60 "$out_dir/fuzz.log" >&2
  echo "FAIL: the fuzzer found a problem; the input is in $out_dir/artifacts/." >&2
  echo "Fix it, then keep the input as a regression: cp $out_dir/artifacts/<file> $here/regressions/" >&2
  exit 1
fi
echo "fuzz: 1 passed, 0 failed"
