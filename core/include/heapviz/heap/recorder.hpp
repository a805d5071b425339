#pragma once
// Recording, the heap layer's half: every layer changes the machine through a recorder, which opens
// steps, applies effects and appends both to a StepLog. The engine completes it (heapviz::Recorder).
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "heapviz/heap/effect.hpp"
#include "heapviz/heap/heap_machine.hpp"
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

/// What a recorder writes: the steps, their effects and the payload bytes, with the replay work done
/// since the last checkpoint. The engine's Trace is a StepLog that also keeps checkpoints (machine copies).
class StepLog {
 public:
  explicit StepLog(TraceOptions opts = {});

  const TraceOptions& options() const { return opts_; }
  std::size_t size() const { return steps_.size(); }
  const Step& step(std::size_t k) const { return steps_.at(k); }
  const std::vector<Step>& steps() const { return steps_; }
  std::span<const Effect> effects_of(std::size_t k) const;
  std::span<const std::uint8_t> payload() const { return payload_; }

  // Used by the recorder.
  void append_step(Step&& s) { steps_.push_back(std::move(s)); }
  std::uint64_t effect_count() const { return effects_.size(); }
  void append_effect(const Effect& e) { effects_.push_back(e); }
  std::uint64_t append_payload(std::span<const std::uint8_t> bytes);
  /// Replay work recorded so far (see TraceOptions) and at the last checkpoint.
  std::uint64_t work() const { return work_; }
  void add_work(std::uint64_t w) { work_ += w; }
  std::uint64_t last_checkpoint_work() const { return checkpoint_work_; }
  /// The step count of the last checkpoint.
  std::size_t last_checkpoint_step() const { return checkpoint_step_; }
  /// A checkpoint was taken after step n: work and step count restart from here.
  void note_checkpoint(std::size_t n) {
    checkpoint_step_ = n;
    checkpoint_work_ = work_;
  }

 protected:
  TraceOptions opts_;
  std::vector<Step> steps_;
  std::vector<Effect> effects_;
  std::vector<std::uint8_t> payload_;

 private:
  std::uint64_t work_ = 0;
  std::uint64_t checkpoint_work_ = 0;
  std::size_t checkpoint_step_ = 0;
};

}  // namespace heapviz

namespace heapviz::heap {

/// The write handle on a live machine, as the heap layer sees it: opens and closes steps, applies
/// effects (always) and records them (when a log is attached and recording). The interpreter sets the
/// source position before each statement; every step opened afterwards carries it.
/// The engine's Recorder is the one concrete recorder: it applies an effect to the whole machine and
/// keeps checkpoints. Each layer above derives its own view (nio::NioRecorder, io::IoRecorder) whose
/// machine() is that layer's part of the machine.
class HeapRecorder {
 public:
  HeapRecorder(const HeapRecorder&) = delete;
  HeapRecorder& operator=(const HeapRecorder&) = delete;

  HeapMachine& machine() { return m_; }
  const HeapMachine& machine() const { return m_; }
  StepLog* log() { return log_; }
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
    if (!recording_ && payload.empty()) return apply_to_machine(e, {});
    apply_slow(e, payload);
  }
  /// Convenience effects.
  void write_bytes(SpaceId s, std::uint64_t addr, std::span<const std::uint8_t> bytes);
  /// Fast paths when not recording: the same change apply_effect(write_bytes) makes, minus the dispatch.
  void write_u32(SpaceId s, std::uint64_t addr, std::uint32_t v) {
    if (!recording_ && s == SpaceId::java_heap) return m_.heap.space.write_u32(addr, v);
    apply(Effect{EffectKind::write_bytes, s, 0, 0, addr, 4, v});
  }
  void write_u64(SpaceId s, std::uint64_t addr, std::uint64_t v) {
    if (!recording_ && s == SpaceId::java_heap) return m_.heap.space.write_u64(addr, v);
    apply(Effect{EffectKind::write_bytes, s, 0, 0, addr, 8, v});
  }
  void add_counter(HeapCounter c, std::int64_t delta);
  /// object_move / object_kill effects, with the same fast path.
  void move_object(ObjectId id, std::uint64_t from, std::uint64_t to) {
    if (!recording_) return m_.heap.apply_move(id, from, to);
    apply(Effect{EffectKind::object_move, SpaceId::java_heap, 0, id, from, to, 0});
  }
  void kill_object(ObjectId id) {
    if (!recording_) return m_.heap.apply_kill(id);
    apply(Effect{EffectKind::object_kill, SpaceId::java_heap, 0, id, 0, 0, 0});
  }

 protected:
  /// `log` may be null (nothing recorded). The machine and log must outlive the recorder.
  HeapRecorder(HeapMachine& m, StepLog* log);
  virtual ~HeapRecorder() = default;
  /// Applies one effect to the whole machine (the engine's apply_effect, which knows every layer's
  /// effects). `payload` is the byte pool that payload offsets refer to.
  virtual void apply_to_machine(const Effect& e, std::span<const std::uint8_t> payload) = 0;
  /// Keeps a copy of the whole machine as it is after the first n steps (the engine's checkpoints).
  virtual void take_checkpoint(std::size_t n) = 0;

 private:
  void apply_slow(const Effect& e, std::span<const std::uint8_t> payload);
  /// True if the step being opened is folded into the pending batch (counts the line's steps).
  bool should_fold(StepKind kind);
  void append_open_step();
  void close_batch();

  HeapMachine& m_;
  StepLog* log_;
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

}  // namespace heapviz::heap
