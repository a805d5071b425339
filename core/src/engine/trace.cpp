#include "heapviz/engine/trace.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace heapviz {

// ---------------------------------------------------------------- Trace

Trace::Trace(const Machine& initial, TraceOptions opts) : StepLog(opts) {
  checkpoints_.emplace_back(0, initial);
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

Recorder::Recorder(Machine& m, Trace* trace) : io::IoRecorder(m, trace), m_(m), trace_(trace) {}

void Recorder::apply_to_machine(const Effect& e, std::span<const std::uint8_t> payload) {
  apply_effect(m_, e, payload);
}

void Recorder::take_checkpoint(std::size_t n) { trace_->add_checkpoint(n, m_); }

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
