#include "heapviz/heap/mark_compact.hpp"

#include "gc_common.hpp"
#include "heapviz/heap/heap_ops.hpp"

namespace heapviz::heap {

using detail::EventSteps;
using detail::hex;

namespace {

constexpr const char* kPhase2Internals =
    "GenMarkSweep::mark_sweep_phase2 / CompactibleSpace::scan_and_forward";

// What phase 2 leaves for phases 3 and 4 (CompactibleSpace::_first_dead, _end_of_live, compaction_top).
struct ForwardResult {
  std::uint64_t first_dead = 0;
  std::uint64_t end_of_live = 0;
  std::uint64_t compaction_top = 0;
};

// MarkSweep's DeadSpacer: up to dead_ratio % of the capacity may stay as dead wood at the bottom,
// except on every always_compact_count-th full GC.
struct DeadSpacer {
  std::uint64_t allowed = 0;
  bool active = false;
  DeadSpacer(const HeapSettings& s, std::uint64_t capacity, std::uint64_t invocation) {
    active = s.dead_ratio > 0 && invocation % s.always_compact_count != 0;
    if (active) allowed = layout::align_down(capacity * s.dead_ratio / 100, 8);
  }
  bool insert(std::uint64_t len) {
    if (!active) return false;
    if (allowed >= len) {
      allowed -= len;
      return true;
    }
    active = false;
    return false;
  }
};

ForwardResult compute_new_addresses(HeapRecorder& r, std::uint64_t invocation, bool always_compact) {
  const HeapMachine& m = r.machine();
  const JavaHeap& h = m.heap;
  const KlassTable& kt = *m.klasses;
  detail::phase_step(
      r, GcPhase::forward, "Phase 2: Compute new object addresses",
      "阶段 2：计算对象的新地址（Phase 2: Compute new object addresses）——活对象将依次滑向堆底。",
      kPhase2Internals);
  DeadSpacer spacer(m.heap_settings, h.space.size(), invocation);
  if (always_compact) spacer.active = false;
  EventSteps fw(r, [](const EventSteps::Counts& c) {
    const std::string f = std::to_string(c.of(StepKind::forward)),
                      d = std::to_string(c.of(StepKind::dead_range));
    const std::uint32_t w = c.of(StepKind::dead_wood);
    return Narration{
        "Computed forwarding addresses for " + f + " more objects and found " + d +
            " more runs of dead objects (batched)." +
            (w ? " " + std::to_string(w) + " dead runs were left in place as dead wood (filler int[])." : ""),
        "又为 " + f + " 个对象计算了转发地址，并发现 " + d + " 段死对象（批量）。" +
            (w ? std::to_string(w) + " 段死对象作为死木（填充 int[]）留在原地。" : ""),
        std::string(kPhase2Internals) + " -> CompactibleSpace::forward"};
  });
  EventSteps& dead = fw;
  std::uint64_t freed = 0, freed_bytes = 0;

  ForwardResult out;
  std::uint64_t compact_top = h.bottom();
  std::uint64_t end_of_live = h.bottom();
  std::uint64_t first_dead = 0;
  std::uint64_t dead_wood = 0;
  const std::uint64_t limit = h.top;
  std::uint64_t cur = h.bottom();
  std::vector<ObjectId> victims;
  while (cur < limit) {
    h.prefetch_ahead(cur + JavaHeap::kPrefetchDistance);
    const std::uint64_t mw = h.mark_word(cur);
    if (layout::mark_is_marked(mw)) {
      const std::uint64_t size = object_size_at(h, kt, cur);
      const bool single = fw.begin(StepKind::forward);
      const bool moves = cur != compact_top;
      // CompactibleSpace::forward: a moving object's mark word holds its new address; one that stays
      // gets its initial mark word back.
      r.write_u64(SpaceId::java_heap, cur,
                  moves ? layout::mark_forwarded_to(compact_top) : layout::kMarkUnlocked);
      if (fw.recording()) {
        const ObjectId id = h.object_at(cur);
        r.touch(id);
        r.touch_range(ByteRange{SpaceId::java_heap, cur, compact_top, size});
        if (single) {
          const std::string d = describe(m, id);
          if (moves)
            r.narrate(d + " will move " + hex(cur) + " -> " + hex(compact_top) +
                          ": the new address is written into its mark word (" +
                          hex(layout::mark_forwarded_to(compact_top)) + ").",
                      d + " 将从 " + hex(cur) + " 移到 " + hex(compact_top) + "：新地址写进它的 mark word（" +
                          hex(layout::mark_forwarded_to(compact_top)) + "）。",
                      "CompactibleSpace::forward -> oopDesc::forward_to");
          else
            r.narrate(
                d + " stays at " + hex(cur) + ": nothing below it is free. Its mark word is reset to 0x1.",
                d + " 留在 " + hex(cur) + "：它下面没有空位。mark word 恢复为 0x1。",
                "CompactibleSpace::forward -> oopDesc::init_mark (not moving)");
        }
      }
      fw.end();
      compact_top += size;
      cur += size;
      end_of_live = cur;
      continue;
    }
    // A run of dead objects [cur, end).
    victims.clear();
    std::uint64_t end = cur;
    do {
      victims.push_back(h.object_at(end));
      h.objects.prefetch(victims.back() + 16, true);  // ids grow with addresses here: fetch records ahead
      end += object_size_at(h, kt, end);
    } while (end < limit && !layout::mark_is_marked(h.mark_word(end)));
    const std::uint64_t len = end - cur;
    if (cur == compact_top && spacer.insert(len)) {
      // Dead wood: pretend the run is alive by filling it with one int[] (CollectedHeap::fill_with_object).
      // One step each for the first events of the phase, then batched with the forwarding (1M objects).
      const bool single = fw.begin(StepKind::dead_wood);
      for (ObjectId v : victims) {
        r.touch(v);
        r.kill_object(v);
      }
      const ObjectId filler = h.next_id();
      r.apply(Effect{EffectKind::object_alloc, SpaceId::java_heap,
                     static_cast<std::uint16_t>(builtin::kIntArray | 0x8000), filler, cur, len,
                     (len - layout::kArrayHeader) / 4});
      r.touch(filler);
      r.touch_range(ByteRange{SpaceId::java_heap, cur, cur, len});
      if (single)
        r.narrate(
            detail::plural(victims.size(), "dead object") + ", " + text::bytes(len) + " at " + hex(cur) +
                ", are left in place as dead wood: a filler int[] covers them, so the objects above need not "
                "move "
                "(MarkSweepDeadRatio=" +
                std::to_string(m.heap_settings.dead_ratio) + ").",
            std::to_string(victims.size()) + " 个死对象（" + std::to_string(len) + " 字节，" + hex(cur) +
                "）留在原地作为“死木”：用一个填充 int[] 盖住，上面的对象就不必移动（MarkSweepDeadRatio=" +
                std::to_string(m.heap_settings.dead_ratio) + "）。",
            "DeadSpacer::insert_deadspace -> CollectedHeap::fill_with_object");
      fw.end();
      dead_wood += len;
      compact_top += len;
      end_of_live = end;
    } else {
      const bool single = dead.begin(StepKind::dead_range);
      for (ObjectId v : victims) {
        r.touch(v);
        r.kill_object(v);
      }
      // The dead run's first word now points at the next live object, so later phases skip it.
      r.write_u64(SpaceId::java_heap, cur, end);
      r.touch_range(ByteRange{SpaceId::java_heap, cur, cur, len});
      if (single && dead.recording())
        r.narrate(
            detail::plural(victims.size(), "dead object") + ", " + text::bytes(len) + " at " + hex(cur) +
                ": unreachable, so their space will be reused. The first word now points to the next live "
                "object (" +
                hex(end) + ").",
            std::to_string(victims.size()) + " 个死对象，" + std::to_string(len) + " 字节，位于 " + hex(cur) +
                "：不可达，空间将被复用。它的第一个字现在指向下一个活对象（" + hex(end) + "）。",
            std::string(kPhase2Internals) + " (dead run: *(HeapWord**)cur_obj = end)");
      dead.end();
      freed += victims.size();
      freed_bytes += len;
      if (first_dead == 0) first_dead = cur;
    }
    cur = end;
  }
  fw.flush();
  out.end_of_live = end_of_live;
  out.first_dead = first_dead != 0 ? first_dead : end_of_live;
  out.compaction_top = compact_top;
  {
    const std::int64_t delta = static_cast<std::int64_t>(dead_wood) -
                               static_cast<std::int64_t>(h.counter(HeapCounter::dead_wood_bytes));
    r.begin_step(StepKind::note);
    r.add_counter(HeapCounter::dead_wood_bytes, delta);
    r.add_counter(HeapCounter::objects_freed, static_cast<std::int64_t>(freed));
    r.add_counter(HeapCounter::bytes_freed, static_cast<std::int64_t>(freed_bytes));
    if (r.recording())
      r.narrate("New addresses computed; the compacted heap will end at " + hex(compact_top) +
                    ". Reclaimed: " + detail::plural(freed, "object") + ", " + text::bytes(freed_bytes) +
                    "; dead wood kept: " + text::bytes(dead_wood) + ".",
                "新地址计算完毕；整理后的堆将止于 " + hex(compact_top) + "。回收 " + std::to_string(freed) +
                    " 个对象、" + std::to_string(freed_bytes) + " 字节；保留死木 " +
                    std::to_string(dead_wood) + " 字节。",
                "CompactibleSpace::scan_and_forward (end: compaction_top, _first_dead, _end_of_live)");
    r.end_step();
  }
  return out;
}

void adjust_pointers(HeapRecorder& r, const ForwardResult& fr) {
  const HeapMachine& m = r.machine();
  const JavaHeap& h = m.heap;
  const KlassTable& kt = *m.klasses;
  detail::phase_step(r, GcPhase::adjust, "Phase 3: Adjust pointers",
                     "阶段 3：调整指针（Phase 3: Adjust pointers）——每个引用改为指向目标对象的新地址。",
                     "GenMarkSweep::mark_sweep_phase3 / MarkSweep::adjust_pointers");
  EventSteps adj(r, [](const EventSteps::Counts& c) {
    const std::uint32_t n = c.total;
    return Narration{"Adjusted " + std::to_string(n) + " more references (batched).",
                     "又调整了 " + std::to_string(n) + " 个引用（批量）。", "MarkSweep::adjust_pointer"};
  });
  // Roots first (GenCollectedHeap::full_process_roots with the adjust closure).
  for (std::uint32_t i = 0; i < m.roots.slots.size(); ++i) {
    const Root& root = m.roots.slots[i];
    if (!root.active || root.value == 0) continue;
    const std::uint64_t target = narrow_oop::decode(root.value);
    const std::uint64_t mw = h.mark_word(target);
    if (!layout::mark_is_marked(mw)) continue;  // not moving
    const std::uint64_t to = layout::mark_forwardee(mw);
    const bool single = adj.begin(StepKind::adjust);
    r.apply(Effect{EffectKind::root_set, SpaceId::java_heap, 0, i, narrow_oop::encode(to), 0, 0});
    if (adj.recording()) {
      const ObjectId id = h.object_at(target);
      r.touch(id);
      if (single)
        r.narrate("Root '" + root.name + "' now holds " + hex(to) + ", the new address of " +
                      describe(m, id) + " (was " + hex(target) + ").",
                  "根 '" + root.name + "' 改为 " + hex(to) + "，即 " + describe(m, id) + " 的新地址（原为 " +
                      hex(target) + "）。",
                  "GenCollectedHeap::full_process_roots -> MarkSweep::adjust_pointer");
    }
    adj.end();
  }
  // Then every field of every live object, walking the space and skipping dead runs.
  std::uint64_t cur = h.bottom();
  while (cur < fr.end_of_live) {
    h.prefetch_ahead(cur + JavaHeap::kPrefetchDistance);
    if (cur < fr.first_dead || layout::mark_is_marked(h.mark_word(cur))) {
      const Klass& k = detail::klass_at(m, cur);
      const std::uint64_t size =
          k.is_array() ? layout::array_size(h.array_length(cur), k.elem_size) : k.instance_size;
      detail::for_each_ref_slot(
          h, k, cur,
          [&](std::uint64_t slot, std::uint32_t v) {
            if (v == 0) return;
            const std::uint64_t target = narrow_oop::decode(v);
            const std::uint64_t mw = h.mark_word(target);
            if (!layout::mark_is_marked(mw)) return;
            const std::uint64_t to = layout::mark_forwardee(mw);
            const bool single = adj.begin(StepKind::adjust);
            r.write_u32(SpaceId::java_heap, slot, narrow_oop::encode(to));
            if (adj.recording()) {
              const ObjectId holder = h.object_at(cur), id = h.object_at(target);
              r.touch(holder);
              r.touch(id);
              r.touch_range(ByteRange{SpaceId::java_heap, slot, slot, 4});
              if (single) {
                const std::string where = describe(m, holder) + detail::slot_name(k, slot - cur);
                r.narrate(where + " now holds " + hex(to) + ", the new address of " + describe(m, id) +
                              " (was " + hex(target) + ").",
                          where + " 改为 " + hex(to) + "，即 " + describe(m, id) + " 的新地址（原为 " +
                              hex(target) + "）。",
                          "MarkSweep::adjust_pointers -> MarkSweep::adjust_pointer");
              }
            }
            adj.end();
          },
          detail::RefSlots::all);
      cur += size;
    } else {
      cur = h.space.read_u64(cur);  // a dead run: its first word points to the next live object
    }
  }
  (void)kt;
  adj.flush();
}

void move_objects(HeapRecorder& r, const ForwardResult& fr) {
  const HeapMachine& m = r.machine();
  const JavaHeap& h = m.heap;
  detail::phase_step(
      r, GcPhase::move, "Phase 4: Move objects",
      "阶段 4：移动对象（Phase 4: Move objects）——按地址顺序把活对象滑到新位置，内容原样复制。",
      "GenMarkSweep::mark_sweep_phase4 / CompactibleSpace::scan_and_compact");
  EventSteps mv(r, [](const EventSteps::Counts& c) {
    const std::uint32_t n = c.total;
    return Narration{"Moved " + std::to_string(n) + " more objects (batched).",
                     "又移动了 " + std::to_string(n) + " 个对象（批量）。",
                     "CompactibleSpace::scan_and_compact -> Copy::aligned_conjoint_words"};
  });
  const std::uint64_t bottom = h.bottom();
  const bool nothing = fr.first_dead == fr.end_of_live &&
                       (bottom == fr.end_of_live || !layout::mark_is_marked(h.mark_word(bottom)));
  std::uint64_t moved = 0, moved_bytes = 0;
  if (!nothing) {
    std::uint64_t cur = bottom;
    if (fr.first_dead > cur && !layout::mark_is_marked(h.mark_word(cur)))
      cur = h.space.read_u64(fr.first_dead);
    while (cur < fr.end_of_live) {
      h.prefetch_ahead(cur + JavaHeap::kPrefetchDistance);
      const std::uint64_t mw = h.mark_word(cur);
      if (!layout::mark_is_marked(mw)) {
        cur = mw;  // dead run: first word is the next live object
        continue;
      }
      const ObjectId id = h.object_at(cur);
      h.objects.prefetch(id + 16, true);
      const std::uint64_t size = h.record(id).size;
      const std::uint64_t to = layout::mark_forwardee(mw);
      const bool single = mv.begin(StepKind::move);
      r.move_object(id, cur, to);
      r.write_u64(SpaceId::java_heap, to, layout::kMarkUnlocked);
      // Counted as each object moves, so the "Objects moved" counter climbs with the narration.
      r.add_counter(HeapCounter::objects_moved, 1);
      r.add_counter(HeapCounter::bytes_moved, static_cast<std::int64_t>(size));
      if (mv.recording()) {
        r.touch(id);
        r.touch_range(ByteRange{SpaceId::java_heap, cur, to, size});
        if (single) {
          const std::string d = describe(m, id);
          r.narrate("Move " + d + ": " + text::bytes(size) + " copied " + hex(cur) + " -> " + hex(to) +
                        "; its mark word is reset to 0x1. Same object, same id, new address.",
                    "移动 " + d + "：" + std::to_string(size) + " 字节从 " + hex(cur) + " 复制到 " + hex(to) +
                        "；mark word 恢复为 0x1。同一个对象、同一个 id，地址变了。",
                    "CompactibleSpace::scan_and_compact -> Copy::aligned_conjoint_words, oopDesc::init_mark");
        }
      }
      mv.end();
      ++moved;
      moved_bytes += size;
      cur += size;
    }
  }
  mv.flush();
  r.begin_step(StepKind::note);
  r.apply(Effect{EffectKind::heap_top, SpaceId::java_heap, 0, 0, fr.compaction_top, 0, 0});
  if (r.recording()) {
    r.touch_range(
        ByteRange{SpaceId::java_heap, fr.compaction_top, fr.compaction_top, h.end() - fr.compaction_top});
    r.narrate("The allocation pointer (top) is now " + hex(fr.compaction_top) +
                  ": everything above it is free. " + detail::plural(moved, "object") + " (" +
                  text::bytes(moved_bytes) + ") moved.",
              "分配指针（top）现在是 " + hex(fr.compaction_top) + "：其上全是空闲空间。共移动 " +
                  std::to_string(moved) + " 个对象（" + std::to_string(moved_bytes) + " 字节）。",
              "CompactibleSpace::scan_and_compact -> clear_empty_region (set_top(compaction_top))");
  }
  r.end_step();
}

}  // namespace

void mark_compact(HeapRecorder& r, GcCause cause, bool always_compact) {
  const std::uint64_t used_before = r.machine().heap.used;
  const std::uint64_t n = detail::gc_begin(
      r, cause,
      always_compact ? "Serial mark-compact (last-ditch, MarkSweepAlwaysCompactCount=1: no dead wood)"
                     : "Serial mark-compact",
      always_compact ? "Serial 标记-整理收集器（最后一搏：MarkSweepAlwaysCompactCount=1，不留死木）"
                     : "Serial 标记-整理收集器",
      "GenCollectedHeap::do_full_collection -> GenMarkSweep::invoke_at_safepoint");
  detail::mark_live(r);
  const ForwardResult fr = compute_new_addresses(r, n, always_compact);
  adjust_pointers(r, fr);
  move_objects(r, fr);
  detail::gc_end(r, used_before, n);
}

}  // namespace heapviz::heap
