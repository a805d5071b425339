#include "gc_common.hpp"

#include <cstdio>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/invariants.hpp"
#include "heapviz/heap/mark_compact.hpp"
#include "heapviz/heap/mark_sweep.hpp"

namespace heapviz::heap {

std::string_view gc_cause_name(GcCause c) {
  switch (c) {
    case GcCause::system_gc:
      return "System.gc()";
    case GcCause::allocation_failure:
      return "Allocation Failure";
    case GcCause::gc_locker:
      return "GCLocker Initiated GC";  // gcCause.cpp, GCCause::_gc_locker
  }
  return "?";
}

void collect(HeapRecorder& r, GcCause cause, bool last_ditch) {
  if (r.machine().heap_settings.collector == Collector::mark_compact) {
    mark_compact(r, cause, last_ditch);
  } else {
    mark_sweep(r, cause);
  }
  if (r.machine().heap_settings.verify_after_gc) {
    const std::vector<std::string> errs = check_invariants(r.machine());
    if (!errs.empty()) throw std::logic_error("VerifyAfterGC: " + errs.front());
  }
}

std::vector<ObjectId> take_pending_references(HeapRecorder& r) {
  std::vector<ObjectId> out = r.machine().heap.pending_references;
  if (out.empty()) return out;
  r.begin_step(StepKind::reference_pending);
  for (ObjectId id : out) r.touch(id);
  r.apply(Effect{EffectKind::pending_clear, SpaceId::java_heap, 0, 0, 0, 0, 0});
  r.narrate("The Reference Handler thread takes the pending list: " + std::to_string(out.size()) +
                " reference(s) to process.",
            "Reference Handler 线程取走 pending 列表：共 " + std::to_string(out.size()) + " 个引用待处理。",
            "Reference.processPendingReferences -> getAndClearReferencePendingList");
  r.end_step();
  return out;
}

namespace detail {

std::string log_size(std::uint64_t bytes) {
  if (bytes < 10 * 1024) return std::to_string(bytes) + "B";
  if (bytes < 10 * 1024 * 1024) return std::to_string(bytes / 1024) + "K";
  return std::to_string(bytes >> 20) + "M";
}

std::string slot_name(const Klass& k, std::uint64_t offset) {
  std::string s;
  if (k.is_array()) {
    s.append("[").append(std::to_string((offset - layout::kArrayHeader) / k.elem_size)).append("]");
  } else if (const FieldInfo* f = k.field_at(static_cast<std::uint32_t>(offset))) {
    s.append(".").append(f->name);
  } else {
    s.append("+").append(std::to_string(offset));
  }
  return s;
}

void throw_corrupt(std::uint64_t addr) {
  throw std::logic_error("heap corrupt: no class for the header at " + hex(addr));
}

std::uint64_t gc_begin(HeapRecorder& r, GcCause cause, std::string_view collector_en,
                       std::string_view collector_zh, std::string_view internals) {
  const std::uint64_t n = r.machine().heap.counter(HeapCounter::gc_count) + 1;
  r.begin_step(StepKind::gc_start);
  r.add_counter(HeapCounter::gc_count, 1);
  if (r.recording()) {
    const std::string c(gc_cause_name(cause));
    const std::string used = std::to_string(r.machine().heap.used);
    r.narrate(
        "GC(" + std::to_string(n - 1) + ") Pause Full (" + c + "): the " + std::string(collector_en) +
            " collector stops all Java threads and starts at the roots. Heap used: " + used +
            " bytes. (heapviz simplifies the heap to one space, so every GC here is a full GC of all of it; "
            "the JDK's Serial heap has a young and an old generation and often collects only the young one.)",
        "GC(" + std::to_string(n - 1) + ") Pause Full (" + c + ")：" + std::string(collector_zh) +
            "暂停所有 Java 线程，从根开始。堆已用 " + used +
            " 字节。（heapviz 把堆简化为一个空间，所以这里每次 GC "
            "都是整堆的 Full GC；JDK 的 Serial 堆分为年轻代和老年代，常常只回收年轻代。）",
        std::string(internals));
  }
  r.end_step();
  return n;
}

void phase_step(HeapRecorder& r, GcPhase phase, std::string_view title, std::string_view zh,
                std::string_view internals) {
  r.begin_step(StepKind::gc_phase);
  r.apply(Effect{EffectKind::gc_phase, SpaceId::java_heap, static_cast<std::uint16_t>(phase), 0, 0, 0, 0});
  r.narrate(std::string(title), std::string(zh), std::string(internals));
  r.end_step();
}

std::uint64_t mark_live(HeapRecorder& r) {
  const HeapMachine& m = r.machine();
  const JavaHeap& h = m.heap;
  phase_step(r, GcPhase::mark, "Phase 1: Mark live objects",
             "阶段 1：标记存活对象（Phase 1: Mark live objects）——从根出发，能走到的对象都是活的。",
             "GenMarkSweep::mark_sweep_phase1 / MarkSweep::follow_root, MarkSweep::follow_stack");
  std::vector<std::uint64_t> stack;
  std::vector<std::uint64_t> discovered;  // Reference objects with a non-null referent
  std::uint64_t marked = 0;
  EventSteps steps(r, [](const EventSteps::Counts& c) {
    const std::uint32_t n = c.total;
    return Narration{"Marked " + std::to_string(n) + " more objects (batched).",
                     "又标记了 " + std::to_string(n) + " 个对象（批量）。",
                     "MarkSweep::mark_and_push / MarkSweep::follow_stack"};
  });
  // Marks the object at addr if unmarked; `from` says who holds the reference (for narration).
  auto mark = [&](std::uint64_t addr, const std::string& from_en, const std::string& from_zh) {
    const std::uint64_t mw = h.mark_word(addr);
    if (layout::mark_is_marked(mw)) return;
    const bool single = steps.begin(StepKind::mark);
    const ObjectId id = steps.recording() ? h.object_at(addr) : kNoObject;
    r.write_u64(SpaceId::java_heap, addr, (mw & ~layout::kMarkLockMask) | layout::kMarkMarked);
    if (steps.recording()) {
      r.touch(id);
      r.touch_range(ByteRange{SpaceId::java_heap, addr, addr, 8});
      if (single) {
        const std::string d = describe(m, id);
        r.narrate("Mark " + d + " at " + hex(addr) + ": reachable from " + from_en +
                      ". Its mark word's lock bits become 0b11 (marked).",
                  "标记 " + d + "（" + hex(addr) + "）：可从" + from_zh +
                      "到达。它的 mark word 低两位变为 0b11（已标记）。",
                  "MarkSweep::mark_and_push -> MarkSweep::mark_object (markWord::set_marked)");
      }
    }
    steps.end();
    ++marked;
    stack.push_back(addr);
  };

  auto follow_stack = [&] {
    while (!stack.empty()) {
      const std::uint64_t obj = stack.back();
      stack.pop_back();
      const Klass& k = klass_at(m, obj);
      if (k.reference_kind != ReferenceKind::none && h.space.read_u32(obj + k.referent_offset) != 0)
        discovered.push_back(obj);
      for_each_ref_slot(h, k, obj, [&](std::uint64_t slot, std::uint32_t v) {
        if (v == 0) return;
        if (!steps.recording()) {  // fast path: no narration
          const std::uint64_t target = narrow_oop::decode(v);
          const std::uint64_t mw = h.mark_word(target);
          if (layout::mark_is_marked(mw)) return;
          r.write_u64(SpaceId::java_heap, target, (mw & ~layout::kMarkLockMask) | layout::kMarkMarked);
          ++marked;
          stack.push_back(target);
          return;
        }
        const ObjectId holder = h.object_at(obj);
        const std::string where = slot_name(k, slot - obj);
        mark(narrow_oop::decode(v), describe(m, holder) + where, describe(m, holder) + where);
      });
    }
  };
  for (const Root& root : m.roots.slots) {
    if (!root.active || root.value == 0) continue;
    // A stale slot is a root because the interpreter's oop map still counts it, not because the
    // program can still name the variable: the narration says which.
    const std::string slot = std::to_string(root.jvm_slot);
    const std::string en =
        root.stale
            ? "stale local slot " + slot + " (last held '" + root.name + "', " + root.scope + ")"
            : std::string(root_kind_name(root.kind)) + " root '" + root.name + "' (" + root.scope + ")";
    const std::string zh =
        root.stale ? "过期的局部变量槽 " + slot + "（曾是 '" + root.name + "'，" + root.scope + "）"
                   : "根 '" + root.name + "'（" + root.scope + "）";
    mark(narrow_oop::decode(root.value), en, zh);
    follow_stack();  // after each root, as MarkSweep::follow_root does
  }
  // References already on the pending list (cleared by an earlier GC, not yet taken by the Reference
  // Handler) are roots too: HotSpot's Universe::_reference_pending_list.
  for (const ObjectId id : h.pending_references) {
    if (!h.is_live(id)) continue;
    mark(h.objects.at(id).addr, "the pending list", "pending 列表");
    follow_stack();
  }
  steps.flush();

  // Reference processing (Phase 1's "Reference Processing" sub-phase): a Reference whose referent
  // was not marked is cleared and put on the pending list, where the Reference Handler finds it.
  for (const std::uint64_t ref : discovered) {
    const Klass& k = klass_at(m, ref);
    const std::uint64_t referent = narrow_oop::decode(h.space.read_u32(ref + k.referent_offset));
    if (layout::mark_is_marked(h.mark_word(referent))) continue;
    const ObjectId ref_id = h.object_at(ref);
    const ObjectId referent_id = h.object_at(referent);
    r.begin_step(StepKind::reference_pending);
    r.touch(ref_id);
    r.touch(referent_id);
    r.touch_range(ByteRange{SpaceId::java_heap, ref + k.referent_offset, ref + k.referent_offset, 4});
    r.write_u32(SpaceId::java_heap, ref + k.referent_offset, 0);
    r.apply(Effect{EffectKind::pending_reference, SpaceId::java_heap, 0, ref_id, 0, 0, 0});
    r.add_counter(HeapCounter::references_pending, 1);
    if (r.recording()) {
      const std::string d = describe(m, ref_id), t = describe(m, referent_id);
      const bool phantom = k.reference_kind == ReferenceKind::phantom;
      r.narrate(d + "'s referent " + t +
                    " is not strongly reachable: the reference is cleared and put on the pending list" +
                    (phantom ? " (a phantom reference does not keep its referent alive)." : "."),
                d + " 的 referent " + t + " 已不可达：引用被清除并放入 pending 列表" +
                    (phantom ? "（虚引用不会让对象存活）。" : "。"),
                "ReferenceProcessor::process_discovered_references -> Reference pending list (read by the "
                "Reference Handler thread)");
    }
    r.end_step();
  }
  if (r.recording()) {
    // For the view only: flag what marking did not reach, so the garbage shows before phase 2 reclaims it.
    r.begin_step(StepKind::note);
    std::uint64_t garbage = 0, garbage_bytes = 0;
    for (ObjectId id = 1; id < h.objects.size(); ++id) {
      const ObjectRecord& rec = h.objects.at(id);
      if (rec.state != ObjectState::live || layout::mark_is_marked(h.mark_word(rec.addr))) continue;
      r.apply(Effect{EffectKind::object_flags, SpaceId::java_heap, ObjectRecord::kGarbage, id, 0, 0, 0});
      if (garbage < 4096) r.touch(id);
      ++garbage;
      garbage_bytes += rec.size;
    }
    r.narrate("Marking is done: " + plural(marked, "object") + " live; " + plural(garbage, "object") + " (" +
                  text::bytes(garbage_bytes) + ") not reached: garbage.",
              "标记完成：" + std::to_string(marked) + " 个对象存活；" + std::to_string(garbage) +
                  " 个对象（" + std::to_string(garbage_bytes) + " 字节）没有被访问到，它们就是垃圾。",
              "GenMarkSweep::mark_sweep_phase1 (end)");
    r.end_step();
  }
  return marked;
}

void gc_end(HeapRecorder& r, std::uint64_t used_before, std::uint64_t invocation) {
  r.begin_step(StepKind::gc_end);
  r.apply(Effect{EffectKind::gc_phase, SpaceId::java_heap, static_cast<std::uint16_t>(GcPhase::none), 0, 0, 0,
                 0});
  if (r.recording()) {
    const JavaHeap& h = r.machine().heap;
    const std::string k = log_size(used_before);
    const std::string a = log_size(h.used);
    const std::string cap = log_size(h.space.size());
    const std::uint64_t live = h.live_objects - h.filler_objects;
    const std::string fillers_en =
        h.filler_objects == 0
            ? std::string()
            : " (and " + plural(h.filler_objects, "dead-wood filler") + ", not objects of the program)";
    const std::string fillers_zh = h.filler_objects == 0 ? std::string()
                                                         : "（另有 " + std::to_string(h.filler_objects) +
                                                               " 个死木填充块，不是程序的对象）";
    r.narrate("GC(" + std::to_string(invocation - 1) + ") done: " + k + "->" + a + "(" + cap + "); " +
                  plural(live, "object") + " live" + fillers_en + ". Java threads resume.",
              "GC(" + std::to_string(invocation - 1) + ") 结束：" + k + "->" + a + "(" + cap +
                  ")；存活对象 " + std::to_string(live) + " 个" + fillers_zh + "。Java 线程继续运行。",
              "GenCollectedHeap::do_collection (gc,heap log: before->after(capacity))");
  }
  r.end_step();
}

}  // namespace detail
}  // namespace heapviz::heap
