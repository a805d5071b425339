// Values as Java prints them, Java exceptions with the JDK's texts, output, and the public entry points.
#include <algorithm>
#include <exception>

#include "heapviz/heap/heap_ops.hpp"
#include "interp_buffers.hpp"
#include "interp_format.hpp"
#include "interp_runtime.hpp"

namespace heapviz::lang::interp {

std::string Runtime::binary_name_of(heap::ObjectId id) const {
  const Machine& m = r_.machine();
  if (!m.heap.is_live(id)) return "java.lang.Object";
  const auto& k = m.klasses->at(m.heap.record(id).klass);
  if (k.is_array()) {  // Class.getName(): "[B", "[[I", "[Ljava.nio.ByteBuffer;"
    std::string n = k.internal_name;
    std::replace(n.begin(), n.end(), '/', '.');
    return n;
  }
  return k.name;
}

// String.valueOf(x) for every value the subset has.
std::string Runtime::to_text(const Value& v) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return "";
        else if constexpr (std::is_same_v<T, bool>)
          return x ? "true" : "false";
        else if constexpr (std::is_same_v<T, char16_t>)
          return utf16_unit_to_utf8(x);
        else if constexpr (std::is_same_v<T, float>)
          return java_float_to_string(x);
        else if constexpr (std::is_same_v<T, double>)
          return java_double_to_string(x);
        else if constexpr (std::is_integral_v<T>)
          return std::to_string(static_cast<std::int64_t>(x));
        else if constexpr (std::is_same_v<T, std::string>)
          return x;
        else if constexpr (std::is_same_v<T, JEnum>)
          return x.name.substr(x.name.rfind('.') + 1);
        else if constexpr (std::is_same_v<T, HostRef>) {
          const HostObject& h = hosts_.at(x.index);
          switch (h.kind) {
            case HostObject::Kind::throwable:
              return h.throwable.to_string();
            case HostObject::Kind::thread:
              return "Thread[" + h.name + ",5,main]";
            case HostObject::Kind::class_object:
              return "class " + h.name;
            case HostObject::Kind::path:
              return h.name;
            case HostObject::Kind::channel:
              return "sun.nio.ch.FileChannelImpl@" + to_hex(h.channel);
            case HostObject::Kind::runtime:
              return "java.lang.Runtime@" + to_hex(x.index);
            case HostObject::Kind::mx_list:
            case HostObject::Kind::buffer_pool:
            case HostObject::Kind::gc_bean:
              return mx_text(h, x);
          }
          return "";
        } else {  // JRef
          if (x.id == heap::kNoObject) return "null";
          if (is_string_builder(x.id)) return string_builder_text(x.id);
          if (is_buffer(r_.machine(), x.id) || is_view(r_.machine(), x.id))
            return std::get<std::string>(buffer_call(r_, x.id, "toString()", {}));
          // Object.toString() prints an identity hash the JDK picks at random; heapviz prints the object id.
          return binary_name_of(x.id) + "@" + to_hex(x.id);
        }
      },
      v);
}

HostRef Runtime::new_host(HostObject h) {
  hosts_.push_back(std::move(h));
  return HostRef{static_cast<std::uint32_t>(hosts_.size() - 1)};
}

void Runtime::throw_java(std::string cls, std::optional<std::string> message) {
  throw JavaException{JavaThrowable{std::move(cls), std::move(message)}};
}

// How JDK 17's helpful NullPointerException names the null value: "<local4>", "<local1>.next",
// "<local7>[2]", "the return value of ..."; "" when it cannot say (then the message has no because).
std::string Runtime::describe_null_source(const Expr& e) {
  const ExprInfo& info = a_.info(e);
  switch (e.kind) {
    case NodeKind::Name:
      return info.slot >= 0 ? "<local" + std::to_string(info.slot) + ">" : "";
    case NodeKind::Literal:
      return "null";
    case NodeKind::Cast:
      return describe_null_source(*e.cast<Cast>().operand);
    case NodeKind::FieldAccess: {
      const auto& f = e.cast<FieldAccess>();
      if (info.op != Op::user_field) return "";
      const std::string t = describe_null_source(*f.target);
      return t.empty() ? "" : t + "." + f.name;
    }
    case NodeKind::ArrayAccess: {
      const auto& a = e.cast<ArrayAccess>();
      const std::string arr = describe_null_source(*a.array);
      const ExprInfo& ii = a_.info(*a.index);
      const std::string idx =
          ii.constant ? std::to_string(as_long(*ii.constant)) : describe_null_source(*a.index);
      if (arr.empty() || idx.empty()) return "";
      return arr + "[" + idx + "]";
    }
    case NodeKind::MethodCall: {
      const auto& c = e.cast<MethodCall>();
      if (info.op == Op::buffer_method && c.target)
        return "the return value of \"" + qualified_class_name(a_.info(*c.target).type) + "." +
               info.signature + "\"";
      return "";
    }
    default:
      return "";
  }
}

void Runtime::throw_npe(const std::string& action, const Expr* null_source) {
  const std::string src = null_source ? describe_null_source(*null_source) : "";
  const std::string because = src.empty() ? "" : " because \"" + src + "\" is null";
  // "the return value of" is not quoted as a whole by the JDK: `because the return value of "X.f()" is null`.
  if (src.rfind("the return value of", 0) == 0)
    throw_java("java.lang.NullPointerException", action + " because " + src + " is null");
  throw_java("java.lang.NullPointerException", action + because);
}

// Strings are off the heap; a runaway `s += s` still has to end like Java does, with an OOM.
std::string Runtime::checked_string(std::string s) {
  if (s.size() > kMaxStringBytes) throw_java("java.lang.OutOfMemoryError", std::string("Java heap space"));
  return s;
}

void Runtime::print(bool to_err, const std::string& text) {
  if (out_.size() + err_.size() + text.size() > kMaxOutputBytes) {
    const SourcePos p = r_.source_pos();
    stop(SourceSpan{static_cast<int>(p.line), static_cast<int>(p.col), static_cast<int>(p.line),
                    static_cast<int>(p.col)},
         "the program was stopped: it printed more than " + std::to_string(kMaxOutputBytes >> 20) + " MiB");
  }
  // Lesson 09's non-moving-sweep mode acts from the first collection on: output printed before it is
  // what the JDK prints too.
  if (!out_before_hypothetical_ && r_.machine().heap.counter(heap::HeapCounter::gc_count) > 0 &&
      std::find(opts_.hypotheticals.begin(), opts_.hypotheticals.end(), Hypothetical::non_moving_sweep) !=
          opts_.hypotheticals.end())
    out_before_hypothetical_ = out_.size();
  (to_err ? err_ : out_) += text;
  // The output line is a step of its own, so the timeline shows when it was printed.
  r_.begin_step(StepKind::note);
  if (r_.recording()) {
    std::string shown = text;
    while (!shown.empty() && shown.back() == '\n') shown.pop_back();
    if (shown.size() > kMaxNarratedOutput) {
      std::size_t cut = kMaxNarratedOutput;
      while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80)
        --cut;  // whole UTF-8 characters
      shown = shown.substr(0, cut) + "...";
    }
    r_.narrate(std::string(to_err ? "prints to stderr: " : "prints: ") + shown,
               std::string(to_err ? "输出到 stderr：" : "输出：") + shown,
               to_err ? "System.err" : "System.out");
  }
  r_.end_step();
}

}  // namespace heapviz::lang::interp

namespace heapviz::lang {

std::vector<Diagnostic> check_program(const Program& program) { return interp::analyze(program).diagnostics; }

InterpretResult interpret(const Lesson& lesson, Recorder& recorder, const InterpretOptions& options) {
  InterpretResult result;
  if (!lesson.ok() || !lesson.program.main_method || !lesson.program.main_method->body) {
    result.outcome = RunOutcome::lesson_error;
    result.exit_code = 2;
    result.diagnostics = lesson.diagnostics;
    return result;
  }
  const interp::Analysis analysis = interp::analyze(lesson.program);
  if (has_errors(analysis.diagnostics)) {
    result.outcome = RunOutcome::lesson_error;
    result.exit_code = 2;
    result.diagnostics = analysis.diagnostics;
    return result;
  }
  try {
    interp::Runtime(lesson, analysis, recorder, options).run(result);
  } catch (const std::exception& e) {
    // A heapviz bug, not the lesson's: say so instead of crashing.
    if (recorder.step_open()) recorder.end_step();
    result.outcome = RunOutcome::lesson_error;
    result.exit_code = 2;
    const SourcePos p = recorder.source_pos();
    SourceSpan at{static_cast<int>(p.line), static_cast<int>(p.col), static_cast<int>(p.line),
                  static_cast<int>(p.col)};
    result.diagnostics.push_back(
        Diagnostic{Severity::Error, DiagnosticKind::Unsupported, at,
                   std::string("heapviz could not simulate this statement (internal error: ") + e.what() +
                       "); please report it"});
  }
  if (!recorder.step_open())
    recorder.flush();  // the last batch of folded steps (TraceOptions::fold_line_after)
  return result;
}

}  // namespace heapviz::lang
