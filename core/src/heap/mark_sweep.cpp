#include "heapviz/heap/mark_sweep.hpp"

#include "gc_common.hpp"
#include "heapviz/heap/heap_ops.hpp"

namespace heapviz::heap {

using detail::EventSteps;
using detail::hex;

namespace {

constexpr const char* kSweepInternals = "CMSCollector::sweep / SweepClosure::do_blk (CMS, removed in JDK 14)";

void sweep(HeapRecorder& r) {
  const HeapMachine& m = r.machine();
  const JavaHeap& h = m.heap;
  const KlassTable& kt = *m.klasses;
  detail::phase_step(r, GcPhase::sweep, "Phase 2: Sweep",
                     "阶段 2：清扫（Phase 2: Sweep）——死对象的空间并入空闲链表，活对象一个也不移动。",
                     std::string(kSweepInternals));
  EventSteps sw(r, [](const EventSteps::Counts& c) {
    const std::uint32_t n = c.total;
    return Narration{"Swept " + std::to_string(n) + " more free chunks (batched).",
                     "又清扫出 " + std::to_string(n) + " 个空闲块（批量）。", kSweepInternals};
  });
  // Collect the runs first (reading only), then apply: each run of dead objects and free chunks
  // becomes one coalesced free chunk.
  struct Run {
    std::uint64_t start = 0, end = 0;
    std::vector<ObjectId> dead;
    std::vector<std::uint64_t> old_chunks;
  };
  std::vector<Run> runs;
  std::vector<std::uint64_t> live;
  Run cur_run;
  bool in_run = false;
  auto close_run = [&] {
    if (in_run) runs.push_back(std::move(cur_run));
    cur_run = Run{};
    in_run = false;
  };
  std::uint64_t cur = h.bottom();
  auto fc = h.free_chunks.begin();
  while (cur < h.end()) {
    if (fc != h.free_chunks.end() && fc->first == cur) {
      if (!in_run) cur_run.start = cur;
      in_run = true;
      cur_run.old_chunks.push_back(cur);
      cur += fc->second;
      cur_run.end = cur;
      ++fc;
      continue;
    }
    const std::uint64_t size = object_size_at(h, kt, cur);
    if (size == 0) throw std::logic_error("heap corrupt at " + hex(cur));
    if (layout::mark_is_marked(h.mark_word(cur))) {
      close_run();
      live.push_back(cur);
    } else {
      if (!in_run) cur_run.start = cur;
      in_run = true;
      cur_run.dead.push_back(h.object_at(cur));
      cur_run.end = cur + size;
    }
    cur += size;
  }
  close_run();

  std::uint64_t freed = 0, freed_bytes = 0;
  for (const Run& run : runs) {
    if (run.dead.empty()) continue;  // an untouched free chunk
    const bool single = sw.begin(StepKind::sweep);
    std::uint64_t bytes = 0;
    for (ObjectId id : run.dead) {
      bytes += h.record(id).size;
      r.touch(id);
      r.kill_object(id);
    }
    for (std::uint64_t c : run.old_chunks)
      r.apply(Effect{EffectKind::free_chunk, SpaceId::java_heap, 0, 0, c, 0, 0});
    r.apply(Effect{EffectKind::free_chunk, SpaceId::java_heap, 0, 0, run.start, run.end - run.start, 0});
    r.touch_range(ByteRange{SpaceId::java_heap, run.start, run.start, run.end - run.start});
    if (single && sw.recording()) {
      const std::string merged =
          run.old_chunks.empty()
              ? ""
              : " (merged with " + std::to_string(run.old_chunks.size()) + " free neighbour(s))";
      const std::string merged_zh =
          run.old_chunks.empty() ? ""
                                 : "（与 " + std::to_string(run.old_chunks.size()) + " 个相邻空闲块合并）";
      r.narrate(detail::plural(run.dead.size(), "dead object") + " at " + hex(run.start) +
                    " become a free chunk of " + text::bytes(run.end - run.start) + merged +
                    ". Nothing moves.",
                std::to_string(run.dead.size()) + " 个死对象（" + hex(run.start) + "）变成一个 " +
                    std::to_string(run.end - run.start) + " 字节的空闲块" + merged_zh + "。没有对象移动。",
                std::string(kSweepInternals) + " -> CompactibleFreeListSpace::addChunkAndRepairOffsetTable");
    }
    sw.end();
    freed += run.dead.size();
    freed_bytes += bytes;
  }
  sw.flush();
  r.begin_step(StepKind::sweep);
  for (std::uint64_t a : live) r.write_u64(SpaceId::java_heap, a, layout::kMarkUnlocked);
  r.add_counter(HeapCounter::objects_freed, static_cast<std::int64_t>(freed));
  r.add_counter(HeapCounter::bytes_freed, static_cast<std::int64_t>(freed_bytes));
  if (r.recording()) {
    std::uint64_t largest = 0, total = 0;
    for (const auto& [a, s] : h.free_chunks) {
      largest = std::max(largest, s);
      total += s;
    }
    r.narrate("Marks cleared on " + detail::plural(live.size(), "surviving object") +
                  " for the next cycle. Free: " + text::bytes(total) + " in " +
                  detail::plural(h.free_chunks.size(), "chunk") + ", the largest " + text::bytes(largest) +
                  ".",
              std::to_string(live.size()) + " 个存活对象的标记被清除，留待下次 GC。空闲：" +
                  std::to_string(total) + " 字节，分成 " + std::to_string(h.free_chunks.size()) +
                  " 块，最大一块 " + std::to_string(largest) + " 字节。",
              "CMSCollector::reset (clear the mark bit map); heapviz keeps marks in the mark word");
  }
  r.end_step();
}

}  // namespace

void mark_sweep(HeapRecorder& r, GcCause cause) {
  const std::uint64_t used_before = r.machine().heap.used;
  const std::uint64_t n =
      detail::gc_begin(r, cause, "non-moving mark-sweep (CMS-style; CMS itself was removed in JDK 14)",
                       "非移动式标记-清除（类 CMS；CMS 本身已在 JDK 14 移除）",
                       "CMS old generation (ConcurrentMarkSweepGeneration), removed in JDK 14 (JEP 363); "
                       "simulated stop-the-world");
  detail::mark_live(r);
  sweep(r);
  detail::gc_end(r, used_before, n);
}

}  // namespace heapviz::heap
