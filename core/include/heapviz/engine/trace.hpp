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
#include "heapviz/heap/recorder.hpp"
#include "heapviz/heap/step.hpp"
#include "heapviz/io/io_recorder.hpp"

namespace heapviz {

/// The recorded history: steps, their effects, and checkpoints for random access.
/// state_at(n) is the machine after the first n steps (state_at(0) is the initial machine), so step k
/// turns state_at(k) into state_at(k + 1): the GUI tweens between those two views when playing step k.
/// Not thread-safe: copying a checkpoint marks its pages shared (see CowPages), so use one thread.
class Trace : public StepLog {
 public:
  explicit Trace(const Machine& initial, TraceOptions opts = {});

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

  /// Used by Recorder: keeps a copy of `m`, the machine after the first n steps.
  void add_checkpoint(std::size_t n, const Machine& m) { checkpoints_.emplace_back(n, m); }

 private:
  std::vector<std::pair<std::size_t, Machine>> checkpoints_;
};

/// The write handle on a live Machine (see heap::HeapRecorder for the recording API): applies every
/// effect to the whole machine and records into a Trace, which keeps checkpoints. Code of a lower layer
/// takes that layer's recorder (heap::HeapRecorder, nio::NioRecorder, io::IoRecorder); the interpreter
/// and the tests use this one.
class Recorder final : public io::IoRecorder {
 public:
  /// `trace` may be null (nothing recorded). The machine and trace must outlive the recorder.
  Recorder(Machine& m, Trace* trace);

  Machine& machine() { return m_; }
  const Machine& machine() const { return m_; }
  Trace* trace() { return trace_; }

 private:
  void apply_to_machine(const Effect& e, std::span<const std::uint8_t> payload) override;
  void take_checkpoint(std::size_t n) override;

  Machine& m_;
  Trace* trace_;
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
