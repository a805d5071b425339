// Benchmark: a full mark-compact of a heap holding N small objects, the shape of
// reference/jvm17-measured.md §4 (FullGc N): Object[N] of 24-byte Node{int id; Object next;},
// every other one dropped, then a fully compacting GC (MarkSweepDeadRatio=0).
// Usage: heap_compaction [--dead-wood] [N ...]   (default: 100000 1000000 4000000)
// --dead-wood: instead, replay §4's default-flags runs (dead wood) and print the heap used after each GC.
// Prints, per N: milliseconds of the compacting GC with recording off and on, trace bytes per object,
// the number of steps, the time to reach a step in the middle of the recorded GC, and the mean time per
// step when stepping through the whole recorded GC forwards and then backwards (TracePlayer).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "heapviz/engine/machine.hpp"
#include "heapviz/engine/trace.hpp"
#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/invariants.hpp"

using namespace heapviz;
using namespace heapviz::heap;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

Settings settings_for(std::uint32_t n) {
  Settings s;
  const std::uint64_t need = layout::array_size(n, 4) + std::uint64_t{n} * 24;
  s.heap.max_heap =
      std::min<std::uint64_t>(kMaxHeap, layout::align_up(need + need / 8 + (1u << 20), 1u << 20));
  s.heap.dead_ratio = 0;
  return s;
}

// Builds the FullGc shape with recording off; GC#1 (everything live) and the drop happen too.
void build(Machine& m, std::uint32_t n) {
  Recorder r(m, nullptr);
  const KlassId node = m.klasses->register_class(
      "FullGc$Node", {{"id", FieldType::int_, ""}, {"next", FieldType::reference, ""}});
  const ObjectId arr = new_array(r, builtin::kObjectArray, n);
  set_local(r, "main/main", "arr", arr);
  for (std::uint32_t i = 0; i < n; ++i) store_element(r, arr, i, new_instance(r, node));
  collect(r, GcCause::system_gc);  // GC#1: all alive, nothing moves
  for (std::uint32_t i = 1; i < n; i += 2) store_element(r, arr, i, kNoObject);
}

struct Row {
  std::uint32_t n = 0;
  double off_ms = 0, on_ms = 0, seek_ms = 0, fwd_step_ms = 0, back_step_ms = 0;
  std::size_t steps = 0, trace_bytes = 0;
  std::uint64_t moved = 0;
};

Row run(std::uint32_t n, int reps) {
  Row row;
  row.n = n;
  std::vector<double> off;
  for (int i = 0; i < reps; ++i) {
    Machine m(settings_for(n));
    build(m, n);
    Recorder r(m, nullptr);
    const auto t0 = Clock::now();
    collect(r, GcCause::system_gc);  // GC#2: the fully compacting one
    off.push_back(ms_since(t0));
    row.moved = m.heap.counter(HeapCounter::objects_moved);
    if (i == 0 && n <= 100000) {
      if (!check_invariants(m).empty()) std::fprintf(stderr, "invariants failed\n");
    }
  }
  std::sort(off.begin(), off.end());
  row.off_ms = off[off.size() / 2];

  Machine m(settings_for(n));
  build(m, n);
  Trace trace(m);
  Recorder r(m, &trace);
  const auto t0 = Clock::now();
  collect(r, GcCause::system_gc);
  row.on_ms = ms_since(t0);
  row.steps = trace.size();
  row.trace_bytes = trace.memory_bytes();
  const auto t1 = Clock::now();
  const Machine mid = trace.state_at(trace.size() / 2);
  row.seek_ms = ms_since(t1);
  if (mid.heap.space.size() != m.heap.space.size()) std::fprintf(stderr, "bad state\n");
  // Step through the whole recorded GC, forwards then backwards, as a GUI would.
  TracePlayer player(trace);
  const auto t2 = Clock::now();
  for (std::size_t k = 1; k <= trace.size(); ++k) player.seek(k);
  row.fwd_step_ms = ms_since(t2) / static_cast<double>(trace.size());
  const auto t3 = Clock::now();
  for (std::size_t k = trace.size(); k-- > 0;) player.seek(k);
  row.back_step_ms = ms_since(t3) / static_cast<double>(trace.size());
  if (!(player.state() == trace.state_at(0))) std::fprintf(stderr, "stepping back did not reach the start\n");
  return row;
}

// jvm17-measured.md §4 with the default MarkSweepDeadRatio=5: the simulated heap is sized like the
// measured run's tenured generation (699072K), GCs #1..#5 as FullGc does; prints used bytes after each.
void dead_wood_table(const std::vector<std::uint32_t>& ns) {
  std::printf(
      "dead wood (MarkSweepDeadRatio=5, MarkSweepAlwaysCompactCount=4, -Xmx699072k = the measured tenured "
      "gen)\n");
  std::printf("%-9s %10s %10s %10s %10s %10s %14s\n", "N", "GC#1", "GC#2", "GC#3", "GC#4", "GC#5",
              "dead_wood#2");
  for (std::uint32_t n : ns) {
    Settings s;
    s.heap.max_heap = 699072ull * 1024;
    Machine m(s);
    Recorder r(m, nullptr);
    const KlassId node = m.klasses->register_class(
        "FullGc$Node", {{"id", FieldType::int_, ""}, {"next", FieldType::reference, ""}});
    const ObjectId arr = new_array(r, builtin::kObjectArray, n);
    set_local(r, "main/main", "arr", arr);
    for (std::uint32_t i = 0; i < n; ++i) store_element(r, arr, i, new_instance(r, node));
    std::vector<std::uint64_t> used;
    std::uint64_t dead_wood2 = 0;
    for (int gc = 1; gc <= 5; ++gc) {
      if (gc == 2)
        for (std::uint32_t i = 1; i < n; i += 2) store_element(r, arr, i, kNoObject);
      collect(r, GcCause::system_gc);
      used.push_back(m.heap.top - m.heap.bottom());
      if (gc == 2) dead_wood2 = m.heap.counter(HeapCounter::dead_wood_bytes);
    }
    std::printf("%-9u", n);
    for (std::uint64_t u : used) std::printf(" %9lluK", static_cast<unsigned long long>(u / 1024));
    std::printf(" %13lluK\n", static_cast<unsigned long long>(dead_wood2 / 1024));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::uint32_t> ns;
  bool dead_wood = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--dead-wood") {
      dead_wood = true;
      continue;
    }
    ns.push_back(static_cast<std::uint32_t>(std::strtoul(argv[i], nullptr, 10)));
  }
  if (ns.empty()) ns = {100000, 1000000, 4000000};
  if (dead_wood) {
    dead_wood_table(ns);
    return 0;
  }
  std::printf("%-9s %10s %10s %9s %7s %10s %10s %12s %11s %11s\n", "N", "off_ms", "on_ms", "moved", "steps",
              "trace_MiB", "bytes/obj", "seek_mid_ms", "fwd_ms/st", "back_ms/st");
  for (std::uint32_t n : ns) {
    const Row r = run(n, n >= 4000000 ? 3 : 5);
    std::printf("%-9u %10.2f %10.2f %9llu %7zu %10.1f %10.1f %12.2f %11.3f %11.3f\n", r.n, r.off_ms, r.on_ms,
                static_cast<unsigned long long>(r.moved), r.steps, r.trace_bytes / 1048576.0,
                static_cast<double>(r.trace_bytes) / r.n, r.seek_ms, r.fwd_step_ms, r.back_step_ms);
    std::fflush(stdout);
  }
  return 0;
}
