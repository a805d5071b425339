#include "heapviz/engine/trace.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace heapviz {

std::string_view step_kind_name(StepKind k) {
  switch (k) {
    case StepKind::note:
      return "note";
    case StepKind::class_load:
      return "class_load";
    case StepKind::alloc:
      return "alloc";
    case StepKind::field_store:
      return "field_store";
    case StepKind::root_set:
      return "root_set";
    case StepKind::root_drop:
      return "root_drop";
    case StepKind::gc_start:
      return "gc_start";
    case StepKind::gc_phase:
      return "gc_phase";
    case StepKind::mark:
      return "mark";
    case StepKind::reference_pending:
      return "reference_pending";
    case StepKind::forward:
      return "forward";
    case StepKind::dead_wood:
      return "dead_wood";
    case StepKind::dead_range:
      return "dead_range";
    case StepKind::adjust:
      return "adjust";
    case StepKind::move:
      return "move";
    case StepKind::sweep:
      return "sweep";
    case StepKind::gc_end:
      return "gc_end";
    case StepKind::oom:
      return "oom";
    case StepKind::alloc_failed:
      return "alloc_failed";
    case StepKind::bounce_copy:
      return "bounce_copy";
    case StepKind::syscall:
      return "syscall";
    case StepKind::writeback:
      return "writeback";
    case StepKind::temp_buffer_get:
      return "temp_buffer_get";
    case StepKind::temp_buffer_offer:
      return "temp_buffer_offer";
    case StepKind::temp_buffer_free:
      return "temp_buffer_free";
    case StepKind::mmap:
      return "mmap";
    case StepKind::munmap:
      return "munmap";
    case StepKind::sendfile:
      return "sendfile";
    case StepKind::io_position:
      return "io_position";
    case StepKind::io_exception:
      return "io_exception";
    case StepKind::bits_reserve:
      return "bits_reserve";
    case StepKind::native_alloc:
      return "native_alloc";
    case StepKind::native_zero:
      return "native_zero";
    case StepKind::address_align:
      return "address_align";
    case StepKind::cleaner_create:
      return "cleaner_create";
    case StepKind::buffer_op:
      return "buffer_op";
    case StepKind::reference_handler:
      return "reference_handler";
    case StepKind::native_free:
      return "native_free";
    case StepKind::bits_unreserve:
      return "bits_unreserve";
    case StepKind::bits_retry:
      return "bits_retry";
    case StepKind::direct_oom:
      return "direct_oom";
    case StepKind::jni_critical:
      return "jni_critical";
    case StepKind::gc_locker_stall:
      return "gc_locker_stall";
  }
  return "?";
}

// ---------------------------------------------------------------- Trace

Trace::Trace(const Machine& initial, TraceOptions opts) : opts_(opts) {
  if (opts_.checkpoint_every == 0) opts_.checkpoint_every = 1;
  checkpoints_.emplace_back(0, initial);
}

std::span<const Effect> Trace::effects_of(std::size_t k) const {
  const Step& s = steps_.at(k);
  return std::span<const Effect>(effects_).subspan(s.first_effect, s.effect_count);
}

std::uint64_t Trace::append_payload(std::span<const std::uint8_t> bytes) {
  const std::uint64_t off = payload_.size();
  payload_.insert(payload_.end(), bytes.begin(), bytes.end());
  return off;
}

std::size_t Trace::checkpoint_before(std::size_t n) const {
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), n,
                             [](std::size_t v, const auto& cp) { return v < cp.first; });
  return std::prev(it)->first;
}

void Trace::replay(Machine& m, std::size_t from, std::size_t to) const {
  for (std::size_t k = from; k < to; ++k)
    for (const Effect& e : effects_of(k)) apply_effect(m, e, payload_);
}

Machine Trace::state_at(std::size_t n) const {
  if (n > steps_.size()) throw std::out_of_range("state_at: step " + std::to_string(n) + " is past the end");
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), n,
                             [](std::size_t v, const auto& cp) { return v < cp.first; });
  --it;
  Machine m = it->second;
  replay(m, it->first, n);
  return m;
}

namespace {
void put_text(std::ostream& out, std::string_view s) {
  out << '"';
  for (char ch : s) {
    if (ch == '"' || ch == '\\')
      out << '\\' << ch;
    else if (ch == '\n')
      out << "\\n";
    else
      out << ch;
  }
  out << '"';
}
}  // namespace

void Trace::dump(std::ostream& out) const {
  for (std::size_t k = 0; k < steps_.size(); ++k) {
    const Step& s = steps_[k];
    out << "step " << k << ' ' << step_kind_name(s.kind) << " @" << s.pos.line << ':' << s.pos.col
        << " events=" << s.events << " objects=[";
    for (std::size_t i = 0; i < s.objects.size(); ++i) out << (i ? "," : "") << s.objects[i];
    out << "] ranges=[";
    for (std::size_t i = 0; i < s.ranges.size(); ++i) {
      const ByteRange& r = s.ranges[i];
      char buf[96];
      std::snprintf(buf, sizeof buf, "%s%s:0x%llx->0x%llx+%llu", i ? "," : "",
                    std::string(heap::space_name(r.space)).c_str(), static_cast<unsigned long long>(r.from),
                    static_cast<unsigned long long>(r.to), static_cast<unsigned long long>(r.length));
      out << buf;
      if (r.crosses_spaces())
        out << "=>"
            << heap::space_name(r.to_space);  // only copies between spaces: older dumps keep their text
    }
    out << "]\n  en ";
    put_text(out, s.text.en);
    out << "\n  zh ";
    put_text(out, s.text.zh);
    out << "\n  at ";
    put_text(out, s.text.internals);
    out << '\n';
    for (const Effect& e : effects_of(k)) {
      out << "  fx " << effect_kind_name(e.kind) << ' ' << static_cast<int>(e.space) << ' ' << e.small << ' '
          << e.id << ' ' << std::hex << e.a << ' ' << e.b << ' ' << e.c << std::dec;
      if ((e.kind == EffectKind::write_bytes && e.b > 8) || e.kind == EffectKind::root_define) {
        out << " payload=";
        for (std::uint64_t i = 0; i < e.b; ++i) {
          char buf[4];
          std::snprintf(buf, sizeof buf, "%02x", payload_[e.c + i]);
          out << buf;
        }
      }
      out << '\n';
    }
  }
}

std::uint64_t Trace::hash() const {
  struct Fnv : std::streambuf {
    std::uint64_t h = 0xcbf29ce484222325ull;
    int_type overflow(int_type ch) override {
      if (ch != traits_type::eof()) {
        h ^= static_cast<unsigned char>(ch);
        h *= 0x100000001b3ull;
      }
      return ch;
    }
  } fnv;
  std::ostream out(&fnv);
  dump(out);
  out.flush();
  return fnv.h;
}

std::size_t Trace::memory_bytes() const {
  std::size_t n =
      steps_.capacity() * sizeof(Step) + effects_.capacity() * sizeof(Effect) + payload_.capacity();
  for (const Step& s : steps_) {
    n += s.objects.capacity() * sizeof(std::uint32_t) + s.ranges.capacity() * sizeof(ByteRange);
    for (const std::string* t : {&s.text.en, &s.text.zh, &s.text.internals})
      if (t->capacity() > 15) n += t->capacity();
  }
  for (const auto& [step, m] : checkpoints_) {
    n += sizeof(Machine) + m.heap.space.owned_bytes() + m.heap.start_ids.owned_bytes() +
         m.heap.objects.owned_bytes() + m.native.owned_bytes();
    (void)step;
  }
  return n;
}

// ---------------------------------------------------------------- Recorder

Recorder::Recorder(Machine& m, Trace* trace)
    : m_(m),
      trace_(trace),
      recording_(trace != nullptr && trace->options().record),
      opts_(trace ? trace->options() : TraceOptions{}) {
  if (trace_ == nullptr) opts_.record = false;
}

void Recorder::begin_step(StepKind kind) {
  if (open_kind_set_) throw std::logic_error("Recorder::begin_step: a step is already open");
  open_kind_set_ = true;
  if (!recording()) return;
  if (should_fold(kind)) {
    if (batch_pending_ && open_.events >= opts_.fold_batch_size) close_batch();
    if (!batch_pending_) {
      open_ = Step{};
      open_.kind = kind;
      open_.pos = pos_;
      open_.first_effect = trace_->effect_count();
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
  open_.first_effect = trace_->effect_count();
}

// Only statements that repeat cheaply fold; GC, I/O, Cleaner and exception steps always stay steps of their
// own.
bool Recorder::should_fold(StepKind kind) {
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

void Recorder::narrate(std::string en, std::string zh, std::string internals) {
  if (!recording()) return;
  if (folding_) {  // a folded step is told by its batch; keep the first code path for the JDK line
    if (open_.text.internals.empty()) open_.text.internals = std::move(internals);
    return;
  }
  open_.text = Narration{std::move(en), std::move(zh), std::move(internals)};
}

void Recorder::end_step() {
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

void Recorder::flush() {
  if (open_kind_set_) throw std::logic_error("Recorder::flush: a step is still open");
  close_batch();
}

void Recorder::close_batch() {
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

void Recorder::append_open_step() {
  open_.effect_count = static_cast<std::uint32_t>(trace_->effect_count() - open_.first_effect);
  trace_->append_step(std::move(open_));
  open_ = Step{};
  const std::size_t n = trace_->size();
  const std::uint64_t work = trace_->work() - trace_->last_checkpoint_work();
  if (work >= opts_.checkpoint_work ||
      (n - trace_->last_checkpoint_step() >= opts_.checkpoint_every && work >= opts_.min_checkpoint_work)) {
    trace_->add_checkpoint(n, m_);
    trace_->note_checkpoint_work();
  }
}

void Recorder::apply_slow(const Effect& e, std::span<const std::uint8_t> payload) {
  if (recording()) {
    if (!open_kind_set_) throw std::logic_error("Recorder::apply: effect outside a step");
    Effect stored = e;
    if (!payload.empty()) stored.c = trace_->append_payload(payload);
    std::uint64_t bytes = 0;  // replay work beyond the dispatch: bytes copied or zeroed
    if (e.kind == EffectKind::object_alloc)
      bytes = e.b;
    else if (e.kind == EffectKind::write_bytes || e.kind == EffectKind::mapped_store)
      bytes = e.b;
    else if (e.kind == EffectKind::object_move)
      bytes = m_.heap.record(e.id).size;
    trace_->add_work(1 + bytes / 256);
    trace_->append_effect(stored);
    apply_effect(m_, stored, trace_->payload());
    return;
  }
  if (!payload.empty()) {
    Effect local = e;
    local.c = 0;
    apply_effect(m_, local, payload);
    return;
  }
  apply_effect(m_, e, {});
}

void Recorder::write_bytes(heap::SpaceId s, std::uint64_t addr, std::span<const std::uint8_t> bytes) {
  Effect e{EffectKind::write_bytes, s, 0, 0, addr, bytes.size(), 0};
  if (bytes.size() <= 8) {
    std::memcpy(&e.c, bytes.data(), bytes.size());
    apply(e);
  } else {
    apply(e, bytes);
  }
}

void Recorder::add_counter(heap::HeapCounter c, std::int64_t delta) {
  apply(Effect{EffectKind::counter_add, heap::SpaceId::java_heap, static_cast<std::uint16_t>(c), 0,
               static_cast<std::uint64_t>(delta), 0, 0});
}

// ---------------------------------------------------------------- TracePlayer

TracePlayer::TracePlayer(const Trace& t) : t_(t), state_(t.state_at(0)) {}

void TracePlayer::seek(std::size_t n) {
  if (n > t_.size()) throw std::out_of_range("TracePlayer::seek past the end");
  auto effects_between = [&](std::size_t a, std::size_t b) {
    std::uint64_t c = 0;
    for (std::size_t k = a; k < b; ++k) c += t_.step(k).effect_count;
    return c;
  };
  const std::size_t cp = t_.checkpoint_before(n);
  if (n >= pos_ && pos_ >= cp) {  // forward from here is never longer than from the checkpoint
    last_cost_ = effects_between(pos_, n);
    t_.replay(state_, pos_, n);
  } else {
    last_cost_ = effects_between(cp, n);
    state_ = t_.state_at(n);
  }
  pos_ = n;
}

}  // namespace heapviz
