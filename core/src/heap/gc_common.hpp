#pragma once
// Internal helpers shared by the collectors and the mutator (not public API).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/java_heap.hpp"
#include "heapviz/heap/recorder.hpp"
#include "heapviz/heap/text_format.hpp"

namespace heapviz::heap::detail {

using text::hex;
using text::plural;
/// A size as the gc,heap log would print it, finer for small heaps: "552B", "28316K", "38M".
std::string log_size(std::uint64_t bytes);

/// Groups tiny events (one mark, one forward ...) into steps: the first per_event_steps events of
/// a phase are one step each; later ones are batched batch_size per step (TraceOptions). Events of
/// different kinds may share a batch (its kind is the first event's); the narration callback gets
/// the count per kind.
class EventSteps {
 public:
  struct Counts {
    std::uint32_t total = 0;
    std::uint32_t by_kind[32] = {};
    std::uint32_t of(StepKind k) const { return by_kind[static_cast<std::size_t>(k) & 31]; }
  };
  using BatchText = std::function<Narration(const Counts& counts)>;
  EventSteps(HeapRecorder& r, BatchText batch_text)
      : r_(r), batch_text_(std::move(batch_text)), on_(r.recording()) {}
  EventSteps(const EventSteps&) = delete;
  EventSteps& operator=(const EventSteps&) = delete;

  /// Opens an event of `kind`; true if it is a step of its own (the caller narrates it).
  bool begin(StepKind kind) {
    if (!on_) return false;
    ++events_;
    if (events_ <= r_.options().per_event_steps) {
      r_.begin_step(kind);
      return true;
    }
    if (!open_) {
      r_.begin_step(kind);
      r_.set_merge_ranges(true);
      open_ = true;
      counts_ = Counts{};
    }
    ++counts_.total;
    ++counts_.by_kind[static_cast<std::size_t>(kind) & 31];
    return false;
  }
  void end() {
    if (!on_) return;
    if (events_ <= r_.options().per_event_steps) {
      r_.end_step();
    } else if (counts_.total >= r_.options().batch_size) {
      close();
    }
  }
  /// Closes a partly filled batch (before a step of another sort, and at the end of the phase).
  void flush() {
    if (open_) close();
  }
  bool recording() const { return on_; }

 private:
  void close() {
    Narration n = batch_text_(counts_);
    r_.narrate(std::move(n.en), std::move(n.zh), std::move(n.internals));
    r_.set_events(counts_.total);
    r_.set_merge_ranges(false);
    r_.end_step();
    open_ = false;
  }
  HeapRecorder& r_;
  BatchText batch_text_;
  bool on_;
  bool open_ = false;
  Counts counts_;
  std::uint64_t events_ = 0;
};

/// Which reference slots a walk visits: marking traces all but a Reference's referent (discovery
/// handles it); adjusting after a move must visit every one, the referent included.
enum class RefSlots : std::uint8_t { traced, all };

/// Calls f(slot_addr, narrow_value) for every reference slot of the object at addr that `which`
/// selects (instance fields from the klass's maps; every element of an Object[], read in chunks).
/// f may write the slot it is given, not others.
template <class F>
void for_each_ref_slot(const JavaHeap& h, const Klass& k, std::uint64_t addr, F&& f,
                       RefSlots which = RefSlots::traced) {
  if (k.kind == KlassKind::instance) {
    for (std::uint32_t off : which == RefSlots::all ? k.all_ref_offsets : k.ref_offsets)
      f(addr + off, h.space.read_u32(addr + off));
  } else if (k.kind == KlassKind::object_array) {
    const std::uint32_t n = h.array_length(addr);
    constexpr std::uint32_t kChunk = 256;
    std::uint32_t buf[kChunk];
    for (std::uint32_t i = 0; i < n; i += kChunk) {
      const std::uint32_t c = std::min(kChunk, n - i);
      const std::uint64_t first = addr + layout::kArrayHeader + std::uint64_t{i} * 4;
      h.space.read(first, buf, std::size_t{c} * 4);
      for (std::uint32_t j = 0; j < c; ++j) f(first + std::uint64_t{j} * 4, buf[j]);
    }
  }
}

/// ".next" for a field at `offset`, "[3]" for an array element.
std::string slot_name(const Klass& k, std::uint64_t offset);

[[noreturn]] void throw_corrupt(std::uint64_t addr);
/// The klass of the object at addr (its header must be valid).
inline const Klass& klass_at(const HeapMachine& m, std::uint64_t addr) {
  const Klass* k = m.klasses->klass_of_narrow(m.heap.narrow_klass(addr));
  if (k == nullptr) throw_corrupt(addr);
  return *k;
}

/// Opens the GC: gc_start step (counts the invocation). Returns the invocation number (1-based).
std::uint64_t gc_begin(HeapRecorder& r, GcCause cause, std::string_view collector_en,
                       std::string_view collector_zh, std::string_view internals);
/// A "Phase N: ..." step that also sets heap.phase.
void phase_step(HeapRecorder& r, GcPhase phase, std::string_view title, std::string_view zh,
                std::string_view internals);
/// Phase 1: marks every object reachable from the roots (mark word lock bits = 0b11), then processes
/// discovered References (referent unmarked -> cleared, put on heap.pending_references).
/// Returns the number of objects marked.
std::uint64_t mark_live(HeapRecorder& r);
/// Closes the GC: gc_end step with before/after figures.
void gc_end(HeapRecorder& r, std::uint64_t used_before, std::uint64_t invocation);

}  // namespace heapviz::heap::detail
