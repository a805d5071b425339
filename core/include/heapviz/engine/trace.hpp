#pragma once
#include <algorithm>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "heapviz/engine/machine.hpp"
#include "heapviz/heap/step.hpp"

namespace heapviz {

/// How a trace is recorded.
struct TraceOptions {
  bool record = true;  ///< false: effects are applied but nothing is kept (benchmarks)
  /// Checkpoints (Machine copies) are taken after a step when replay work since the last one
  /// reaches checkpoint_work (work = effects + bytes they copy or zero / 256), or when at least
  /// checkpoint_every steps and min_checkpoint_work work have passed. This bounds the cost of
  /// state_at() by about checkpoint_work while keeping few copies of large heaps.
  std::uint32_t checkpoint_every = 64;
  std::uint64_t min_checkpoint_work = 2048;
  std::uint64_t checkpoint_work = 1u << 16;
  /// Batching of tiny GC events (mark one object, forward one, adjust one reference, move one):
  /// the first `per_event_steps` events of a GC phase are one step each; after that, events are
  /// grouped `batch_size` per step, so a 1M-object GC stays a few thousand steps long.
  std::uint32_t per_event_steps = 256;
  std::uint32_t batch_size = 4096;
  /// Folding of a lesson's repeated statements (a loop body run a million times): once a source line
  /// has recorded `fold_line_after` simple steps (alloc, field_store, root_set, root_drop, buffer_op),
  /// its later simple steps are folded, in execution order, into batch steps of `fold_batch_size`
  /// steps each, so the trace stays small and stepping stays fast. 0 = off (the lesson runner turns it on).
  std::uint32_t fold_line_after = 0;
  std::uint32_t fold_batch_size = 4096;
};

/// The recorded history: steps, their effects, and checkpoints for random access.
/// state_at(n) is the machine after the first n steps (state_at(0) is the initial machine), so step k
/// turns state_at(k) into state_at(k + 1): the GUI tweens between those two views when playing step k.
/// Not thread-safe: copying a checkpoint marks its pages shared (see CowPages), so use one thread.
class Trace {
 public:
  explicit Trace(const Machine& initial, TraceOptions opts = {});

  const TraceOptions& options() const { return opts_; }
  std::size_t size() const { return steps_.size(); }
  const Step& step(std::size_t k) const { return steps_.at(k); }
  const std::vector<Step>& steps() const { return steps_; }
  std::span<const Effect> effects_of(std::size_t k) const;
  std::span<const std::uint8_t> payload() const { return payload_; }

  /// The machine after the first n steps (n <= size()): copy of the nearest checkpoint, then replay.
  /// Cost is bounded by the checkpoint spacing, whatever n is.
  Machine state_at(std::size_t n) const;
  /// Re-applies steps [from, to) to `m`, which must be state_at(from).
  void replay(Machine& m, std::size_t from, std::size_t to) const;
  /// Index of the checkpoint used by state_at(n) (its step count).
  std::size_t checkpoint_before(std::size_t n) const;
  std::size_t checkpoint_count() const { return checkpoints_.size(); }

  /// Canonical text of the whole trace (steps, narration, effects), identical for identical inputs.
  void dump(std::ostream& out) const;
  /// FNV-1a 64 over dump().
  std::uint64_t hash() const;
  /// Approximate bytes held (steps, effects, payload, checkpoints' private pages).
  std::size_t memory_bytes() const;

  // Used by Recorder.
  void append_step(Step&& s) { steps_.push_back(std::move(s)); }
  std::uint64_t effect_count() const { return effects_.size(); }
  void append_effect(const Effect& e) { effects_.push_back(e); }
  std::uint64_t append_payload(std::span<const std::uint8_t> bytes);
  void add_checkpoint(std::size_t n, const Machine& m) { checkpoints_.emplace_back(n, m); }
  std::size_t last_checkpoint_step() const { return checkpoints_.back().first; }
  /// Replay work recorded so far (see TraceOptions) and at the last checkpoint.
  std::uint64_t work() const { return work_; }
  void add_work(std::uint64_t w) { work_ += w; }
  std::uint64_t last_checkpoint_work() const { return checkpoint_work_; }
  void note_checkpoint_work() { checkpoint_work_ = work_; }

 private:
  TraceOptions opts_;
  std::vector<Step> steps_;
  std::vector<Effect> effects_;
  std::vector<std::uint8_t> payload_;
  std::vector<std::pair<std::size_t, Machine>> checkpoints_;
  std::uint64_t work_ = 0;
  std::uint64_t checkpoint_work_ = 0;
};

/// The write handle on a live Machine: opens and closes steps, applies effects (always) and records
/// them (when a Trace is attached and recording). The interpreter sets the source position before
/// each statement; every step opened afterwards carries it.
class Recorder {
 public:
  /// `trace` may be null (nothing recorded). The machine and trace must outlive the recorder.
  Recorder(Machine& m, Trace* trace);

  Machine& machine() { return m_; }
  const Machine& machine() const { return m_; }
  Trace* trace() { return trace_; }
  bool recording() const { return recording_; }
  const TraceOptions& options() const { return opts_; }

  void set_source_pos(SourcePos p) { pos_ = p; }
  SourcePos source_pos() const { return pos_; }

  /// Opens a step; effects applied until end_step() belong to it. Steps do not nest.
  void begin_step(StepKind kind);
  void touch(std::uint32_t object_id) {
    if (recording()) open_.objects.push_back(object_id);
  }
  void touch_range(const ByteRange& r) {
    if (!recording_) return;
    if (merge_ranges_ && !open_.ranges.empty() && open_.ranges.back().space == r.space &&
        open_.ranges.back().to_space == r.to_space) {
      ByteRange& b = open_.ranges.back();  // batched step: one range covering the sources (from) and one span
      const std::uint64_t end = std::max(b.from + b.length, r.from + r.length);
      b.from = std::min(b.from, r.from);
      b.to = std::min(b.to, r.to);
      b.length = end - b.from;
      return;
    }
    open_.ranges.push_back(r);
  }
  /// In batched steps, ranges are merged into one covering range per space (saves memory).
  void set_merge_ranges(bool on) { merge_ranges_ = on; }
  void narrate(std::string en, std::string zh, std::string internals);
  void set_events(std::uint32_t n) {
    if (!folding_) open_.events = n;  // a folded step counts as one event of its batch
  }
  /// Text put before the narration of every step closed until it is cleared (set to ""): how the steps
  /// of a hypothetical scenario (e.g. the machine's own GC inside it) all say that they are hypothetical.
  void set_narration_prefix(std::string en, std::string zh) {
    prefix_en_ = std::move(en);
    prefix_zh_ = std::move(zh);
  }
  /// Closes the step, appends it to the trace and takes a checkpoint when due. A folded step (see
  /// TraceOptions::fold_line_after) stays pending in its batch until a step of another sort begins,
  /// the batch is full, or flush().
  void end_step();
  bool step_open() const { return open_kind_set_; }
  /// Appends a pending batch of folded steps to the trace. Call once a run ends (before reading the trace).
  void flush();

  /// Applies an effect to the machine and records it in the open step.
  void apply(const Effect& e, std::span<const std::uint8_t> payload = {}) {
    if (!recording_ && payload.empty()) return apply_effect(m_, e, {});
    apply_slow(e, payload);
  }
  /// Convenience effects.
  void write_bytes(heap::SpaceId s, std::uint64_t addr, std::span<const std::uint8_t> bytes);
  /// Fast paths when not recording: the same change apply_effect(write_bytes) makes, minus the dispatch.
  void write_u32(heap::SpaceId s, std::uint64_t addr, std::uint32_t v) {
    if (!recording_ && s == heap::SpaceId::java_heap) return m_.heap.space.write_u32(addr, v);
    apply(Effect{EffectKind::write_bytes, s, 0, 0, addr, 4, v});
  }
  void write_u64(heap::SpaceId s, std::uint64_t addr, std::uint64_t v) {
    if (!recording_ && s == heap::SpaceId::java_heap) return m_.heap.space.write_u64(addr, v);
    apply(Effect{EffectKind::write_bytes, s, 0, 0, addr, 8, v});
  }
  void add_counter(heap::HeapCounter c, std::int64_t delta);
  /// object_move / object_kill effects, with the same fast path.
  void move_object(heap::ObjectId id, std::uint64_t from, std::uint64_t to) {
    if (!recording_) return m_.heap.apply_move(id, from, to);
    apply(Effect{EffectKind::object_move, heap::SpaceId::java_heap, 0, id, from, to, 0});
  }
  void kill_object(heap::ObjectId id) {
    if (!recording_) return m_.heap.apply_kill(id);
    apply(Effect{EffectKind::object_kill, heap::SpaceId::java_heap, 0, id, 0, 0, 0});
  }

 private:
  void apply_slow(const Effect& e, std::span<const std::uint8_t> payload);
  /// True if the step being opened is folded into the pending batch (counts the line's steps).
  bool should_fold(StepKind kind);
  void append_open_step();
  void close_batch();

  Machine& m_;
  Trace* trace_;
  bool recording_;
  TraceOptions opts_;
  SourcePos pos_;
  Step open_;
  bool open_kind_set_ = false;
  bool merge_ranges_ = false;
  std::string prefix_en_, prefix_zh_;
  std::vector<std::uint8_t> scratch_;
  // Folding (TraceOptions::fold_line_after): open_ doubles as the pending batch while batch_pending_.
  std::unordered_map<std::uint32_t, std::uint32_t> line_steps_;  ///< simple steps recorded per source line
  bool folding_ = false;                                         ///< the open step is folded into the batch
  bool batch_pending_ = false;  ///< open_ holds an unfinished batch of folded steps
  std::uint32_t batch_kinds_[64] = {};
  std::uint32_t batch_first_line_ = 0, batch_last_line_ = 0;
};

/// A cursor over a trace that moves to any step for the same bounded cost: forward moves replay
/// from the current state when that is closer than the nearest checkpoint, backward moves replay
/// from the nearest checkpoint at or before the target.
class TracePlayer {
 public:
  explicit TracePlayer(const Trace& t);
  /// Moves to "after the first n steps".
  void seek(std::size_t n);
  std::size_t position() const { return pos_; }
  const Machine& state() const { return state_; }
  /// Effects applied by the last seek (for cost tests and profiling).
  std::uint64_t last_seek_effects() const { return last_cost_; }

 private:
  const Trace& t_;
  Machine state_;
  std::size_t pos_ = 0;
  std::uint64_t last_cost_ = 0;
};

}  // namespace heapviz
