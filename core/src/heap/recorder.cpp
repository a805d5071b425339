// Recording (see recorder.hpp): steps, folding of repeated lines, effects and when to take a checkpoint.
#include "heapviz/heap/recorder.hpp"

#include <cstring>
#include <stdexcept>

namespace heapviz {

// ---------------------------------------------------------------- StepLog

StepLog::StepLog(TraceOptions opts) : opts_(opts) {
  if (opts_.checkpoint_every == 0) opts_.checkpoint_every = 1;
}

std::span<const Effect> StepLog::effects_of(std::size_t k) const {
  const Step& s = steps_.at(k);
  return std::span<const Effect>(effects_).subspan(s.first_effect, s.effect_count);
}

std::uint64_t StepLog::append_payload(std::span<const std::uint8_t> bytes) {
  const std::uint64_t off = payload_.size();
  payload_.insert(payload_.end(), bytes.begin(), bytes.end());
  return off;
}

}  // namespace heapviz

namespace heapviz::heap {

// ---------------------------------------------------------------- Recorder

HeapRecorder::HeapRecorder(HeapMachine& m, StepLog* log)
    : m_(m),
      log_(log),
      recording_(log != nullptr && log->options().record),
      opts_(log ? log->options() : TraceOptions{}) {
  if (log_ == nullptr) opts_.record = false;
}

void HeapRecorder::begin_step(StepKind kind) {
  if (open_kind_set_) throw std::logic_error("Recorder::begin_step: a step is already open");
  open_kind_set_ = true;
  if (!recording()) return;
  if (should_fold(kind)) {
    if (batch_pending_ && open_.events >= opts_.fold_batch_size) close_batch();
    if (!batch_pending_) {
      open_ = Step{};
      open_.kind = kind;
      open_.pos = pos_;
      open_.first_effect = log_->effect_count();
      open_.events = 0;
      batch_pending_ = true;
      std::fill(std::begin(batch_kinds_), std::end(batch_kinds_), 0u);
      batch_first_line_ = batch_last_line_ = pos_.line;
      merge_ranges_ = true;
    }
    folding_ = true;
    ++open_.events;
    ++batch_kinds_[static_cast<std::size_t>(kind) & 63];
    batch_first_line_ = std::min(batch_first_line_, pos_.line);
    batch_last_line_ = std::max(batch_last_line_, pos_.line);
    return;
  }
  close_batch();
  folding_ = false;
  open_ = Step{};
  open_.kind = kind;
  open_.pos = pos_;
  open_.first_effect = log_->effect_count();
}

// Only statements that repeat cheaply fold; GC, I/O, Cleaner and exception steps always stay steps of their
// own.
bool HeapRecorder::should_fold(StepKind kind) {
  if (opts_.fold_line_after == 0 || pos_.line == 0) return false;
  switch (kind) {
    case StepKind::alloc:
    case StepKind::field_store:
    case StepKind::root_set:
    case StepKind::root_drop:
    case StepKind::buffer_op:
      break;
    default:
      return false;
  }
  return ++line_steps_[pos_.line] > opts_.fold_line_after;
}

void HeapRecorder::narrate(std::string en, std::string zh, std::string internals) {
  if (!recording()) return;
  if (folding_) {  // a folded step is told by its batch; keep the first code path for the JDK line
    if (open_.text.internals.empty()) open_.text.internals = std::move(internals);
    return;
  }
  open_.text = Narration{std::move(en), std::move(zh), std::move(internals)};
}

void HeapRecorder::end_step() {
  if (!open_kind_set_) throw std::logic_error("Recorder::end_step: no step is open");
  open_kind_set_ = false;
  if (!recording()) return;
  if (folding_) {  // stays pending in the batch
    folding_ = false;
    return;
  }
  if (!prefix_en_.empty()) {
    open_.text.en.insert(0, prefix_en_);
    open_.text.zh.insert(0, prefix_zh_);
  }
  append_open_step();
}

void HeapRecorder::flush() {
  if (open_kind_set_) throw std::logic_error("Recorder::flush: a step is still open");
  close_batch();
}

void HeapRecorder::close_batch() {
  if (!batch_pending_) return;
  batch_pending_ = false;
  merge_ranges_ = false;
  std::string en_kinds, zh_kinds;
  for (std::size_t k = 0; k < 64; ++k) {
    if (batch_kinds_[k] == 0) continue;
    const std::string name(step_kind_name(static_cast<StepKind>(k)));
    en_kinds += (en_kinds.empty() ? "" : ", ") + std::to_string(batch_kinds_[k]) + " " + name;
    zh_kinds += (zh_kinds.empty() ? "" : "，") + name + " " + std::to_string(batch_kinds_[k]) + " 个";
  }
  const std::string lines = batch_first_line_ == batch_last_line_
                                ? std::to_string(batch_first_line_)
                                : std::to_string(batch_first_line_) + "-" + std::to_string(batch_last_line_);
  // The batch is filed under its most telling kind (an allocation marker on the timeline, not a root change).
  for (StepKind k :
       {StepKind::alloc, StepKind::buffer_op, StepKind::field_store, StepKind::root_set, StepKind::root_drop})
    if (batch_kinds_[static_cast<std::size_t>(k)] > 0) {
      open_.kind = k;
      break;
    }
  const std::string after = std::to_string(opts_.fold_line_after);
  open_.text.en = "Line " + lines + " again: " + std::to_string(open_.events) +
                  " more steps folded into this one (" + en_kinds + "). The first " + after +
                  " steps of a line are shown one by one.";
  open_.text.zh = "第 " + lines + " 行重复执行：另外 " + std::to_string(open_.events) +
                  " 个步骤合并为这一步（" + zh_kinds + "）。每行的前 " + after + " 个步骤逐一展示。";
  append_open_step();
}

void HeapRecorder::append_open_step() {
  open_.effect_count = static_cast<std::uint32_t>(log_->effect_count() - open_.first_effect);
  log_->append_step(std::move(open_));
  open_ = Step{};
  const std::size_t n = log_->size();
  const std::uint64_t work = log_->work() - log_->last_checkpoint_work();
  if (work >= opts_.checkpoint_work ||
      (n - log_->last_checkpoint_step() >= opts_.checkpoint_every && work >= opts_.min_checkpoint_work)) {
    take_checkpoint(n);
    log_->note_checkpoint(n);
  }
}

void HeapRecorder::apply_slow(const Effect& e, std::span<const std::uint8_t> payload) {
  if (recording()) {
    if (!open_kind_set_) throw std::logic_error("Recorder::apply: effect outside a step");
    Effect stored = e;
    if (!payload.empty()) stored.c = log_->append_payload(payload);
    std::uint64_t bytes = 0;  // replay work beyond the dispatch: bytes copied or zeroed
    if (e.kind == EffectKind::object_alloc)
      bytes = e.b;
    else if (e.kind == EffectKind::write_bytes || e.kind == EffectKind::mapped_store)
      bytes = e.b;
    else if (e.kind == EffectKind::object_move)
      bytes = m_.heap.record(e.id).size;
    log_->add_work(1 + bytes / 256);
    log_->append_effect(stored);
    apply_to_machine(stored, log_->payload());
    return;
  }
  if (!payload.empty()) {
    Effect local = e;
    local.c = 0;
    apply_to_machine(local, payload);
    return;
  }
  apply_to_machine(e, {});
}

void HeapRecorder::write_bytes(SpaceId s, std::uint64_t addr, std::span<const std::uint8_t> bytes) {
  Effect e{EffectKind::write_bytes, s, 0, 0, addr, bytes.size(), 0};
  if (bytes.size() <= 8) {
    std::memcpy(&e.c, bytes.data(), bytes.size());
    apply(e);
  } else {
    apply(e, bytes);
  }
}

void HeapRecorder::add_counter(HeapCounter c, std::int64_t delta) {
  apply(Effect{EffectKind::counter_add, SpaceId::java_heap, static_cast<std::uint16_t>(c), 0,
               static_cast<std::uint64_t>(delta), 0, 0});
}

}  // namespace heapviz::heap
