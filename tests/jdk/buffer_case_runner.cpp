#include "buffer_case_runner.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "heapviz/engine/jvm_flags.hpp"
#include "heapviz/engine/machine.hpp"
#include "heapviz/engine/trace.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/io/buffer_dump.hpp"
#include "heapviz/nio/byte_buffer.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "heapviz/nio/typed_views.hpp"

namespace heapviz::jdk_test {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

std::string strip(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Same number syntax as BufferOps.l(): decimal, 0x.. (unsigned 64-bit) or -0x...
// A malformed number throws std::invalid_argument: the case file is wrong, the run stops.
std::int64_t number(const std::string& s) {
  std::size_t used = 0;
  std::int64_t v = 0;
  if (s.rfind("0x", 0) == 0) {
    v = static_cast<std::int64_t>(std::stoull(s.substr(2), &used, 16));
    used += 2;
  } else if (s.rfind("-0x", 0) == 0) {
    v = -static_cast<std::int64_t>(std::stoull(s.substr(3), &used, 16));
    used += 3;
  } else {
    v = std::stoll(s, &used);
  }
  if (used != s.size()) throw std::invalid_argument("bad number '" + s + "'");
  return v;
}

std::string hex(const std::vector<std::byte>& bytes) {
  std::string s = "[";
  char buf[4];
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%02x", std::to_integer<unsigned>(bytes[i]));
    if (i > 0) s += ' ';
    s += buf;
  }
  return s + "]";
}

std::string hex_bits(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// One case on the simulated machine: every buffer is a real heap object held by a local root "bK"
// (main/main), byte[] arguments are real arrays, and every call goes through call_buffer_method, the
// interpreter's entry point. A Trace records everything, so narration code runs too.
class CaseRun {
 public:
  explicit CaseRun(const Settings& s) : machine_(s), trace_(machine_), rec_(machine_, &trace_) {}
  std::string apply(const std::vector<std::string>& t);
  std::string state();

  bool view_current() const { return cur_ >= 0 && nio::is_typed_view(machine_, cur_id()); }
  std::string apply_view(const std::vector<std::string>& t);
  std::string view_state();

 private:
  static constexpr std::string_view kScope = "main/main";
  std::string add(heap::ObjectId id);
  JValue call(std::string_view sig, std::vector<JValue> args = {}) {
    return nio::call_buffer_method(rec_, cur_id(), sig, args);
  }
  heap::ObjectId cur_id() const { return buffers_.at(static_cast<std::size_t>(cur_)); }
  heap::ObjectId buffer(const std::string& index) {
    const auto k = static_cast<std::size_t>(number(index));
    if (k >= buffers_.size() || buffers_[k] == heap::kNoObject)
      throw std::invalid_argument("no buffer b" + index);
    return buffers_[k];
  }
  /// A new byte[] on the heap with the given bytes, held by the local "tmp" while it is used.
  JRef array(const std::vector<std::byte>& bytes);
  JRef bytes(const std::vector<std::string>& t, std::size_t from);
  std::vector<std::byte> array_bytes(heap::ObjectId a) const;
  std::string ok(const JValue&) { return "ok"; }

  Machine machine_;
  Trace trace_;
  Recorder rec_;
  std::vector<heap::ObjectId> buffers_;
  int cur_ = -1;
};

std::string CaseRun::add(heap::ObjectId id) {
  buffers_.push_back(id);
  cur_ = static_cast<int>(buffers_.size() - 1);
  std::string name = "b";  // append(): g++ 12 warns falsely (-Wrestrict) on "b" + std::string
  name.append(std::to_string(buffers_.size() - 1));
  heap::set_local(rec_, kScope, name, id);
  return name;
}

JRef CaseRun::array(const std::vector<std::byte>& bytes) {
  const heap::ObjectId a =
      heap::new_array(rec_, heap::builtin::kByteArray, static_cast<std::uint32_t>(bytes.size()));
  heap::set_local(rec_, kScope, "tmp", a);
  heap::store_bytes(
      rec_, a, 0,
      std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
  return JRef{a};
}

JRef CaseRun::bytes(const std::vector<std::string>& t, std::size_t from) {
  std::vector<std::byte> a;
  for (std::size_t k = from; k < t.size(); ++k) a.push_back(static_cast<std::byte>(number(t[k])));
  return array(a);
}

std::vector<std::byte> CaseRun::array_bytes(heap::ObjectId a) const {
  const std::uint64_t addr = machine_.heap.record(a).addr;
  std::vector<std::byte> out(machine_.heap.array_length(addr));
  machine_.heap.space.read(addr + heap::layout::kArrayHeader, out.data(), out.size());
  return out;
}

std::string CaseRun::apply(const std::vector<std::string>& t) {
  const std::string& verb = t[0];
  const std::size_t n = t.size() - 1;
  auto i = [&](std::size_t k) { return static_cast<std::int32_t>(number(t.at(k))); };
  auto str = [&](const JValue& v) -> std::string {
    if (auto p = std::get_if<std::int32_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<std::int8_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<std::int16_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<char16_t>(&v)) return std::to_string(static_cast<int>(*p));
    if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<bool>(&v)) return *p ? "true" : "false";
    if (auto p = std::get_if<float>(&v)) return hex_bits(std::bit_cast<std::uint32_t>(*p));
    if (auto p = std::get_if<double>(&v)) return hex_bits(std::bit_cast<std::uint64_t>(*p));
    if (auto p = std::get_if<std::string>(&v)) return *p;
    if (auto p = std::get_if<JEnum>(&v)) return p->name.substr(p->name.find('.') + 1);
    throw std::logic_error("unexpected result type");
  };
  if (verb == "pools") {
    const nio::PoolFigures d = nio::direct_pool(machine_), mp = nio::mapped_pool(machine_);
    return "direct count=" + std::to_string(d.count) + " used=" + std::to_string(d.memory_used) +
           " cap=" + std::to_string(d.total_capacity) + " mapped count=" + std::to_string(mp.count) +
           " used=" + std::to_string(mp.memory_used) + " cap=" + std::to_string(mp.total_capacity);
  }
  if (verb == "gc") {
    nio::system_gc(rec_);
    nio::run_reference_handler(rec_);
    return "ok";
  }
  const bool creates = verb == "heap" || verb == "direct" || verb == "wrap";
  if (view_current() && !creates && verb != "sel") return apply_view(t);
  if (cur_ < 0 && !creates && verb != "sel") return "no buffer";  // the case's allocation failed, or drop

  if (verb == "heap") return add(nio::allocate(rec_, i(1)));
  if (verb == "direct") return add(nio::allocate_direct(rec_, i(1)));
  if (verb == "wrap") {
    const int len = i(1);
    std::vector<std::byte> a(static_cast<std::size_t>(len));
    for (int k = 0; k < len; ++k) a[static_cast<std::size_t>(k)] = static_cast<std::byte>(k + 1);
    const JRef arr = array(a);
    return add(n == 1 ? nio::wrap(rec_, arr.id, std::nullopt)
                      : nio::wrap(rec_, arr.id, std::make_pair(i(2), i(3))));
  }
  if (verb == "drop") {  // bK = null for the current buffer
    heap::set_local(rec_, kScope, "b" + std::to_string(cur_), heap::kNoObject);
    buffers_[static_cast<std::size_t>(cur_)] = heap::kNoObject;
    cur_ = -1;
    return "ok";
  }
  if (verb == "slice")
    return add(std::get<JRef>(n == 0 ? call("slice()") : call("slice(int,int)", {i(1), i(2)})).id);
  if (verb == "dup") return add(std::get<JRef>(call("duplicate()")).id);
  if (verb == "ro") return add(std::get<JRef>(call("asReadOnlyBuffer()")).id);
  if (verb == "asInt") return add(std::get<JRef>(call("asIntBuffer()")).id);
  if (verb == "asLong") return add(std::get<JRef>(call("asLongBuffer()")).id);
  if (verb == "sel") {
    buffer(t.at(1));
    cur_ = static_cast<int>(number(t.at(1)));
    return "ok";
  }
  static const char* plain[] = {"flip", "clear", "rewind", "mark", "reset", "compact"};
  for (const char* p : plain)
    if (verb == p) return ok(call(verb + "()"));
  if (verb == "position" || verb == "limit")
    return n == 0 ? str(call(verb + "()")) : ok(call(verb + "(int)", {i(1)}));
  static const char* queries[] = {"capacity", "remaining",   "hasRemaining", "isDirect", "isReadOnly",
                                  "hasArray", "arrayOffset", "toString",     "hashCode"};
  for (const char* q : queries)
    if (verb == q) return str(call(verb + "()"));
  if (verb == "array") {
    const JRef a = std::get<JRef>(call("array()"));
    return "byte[" + std::to_string(array_bytes(a.id).size()) + "]";
  }
  if (verb == "order") {
    if (n == 0) return str(call("order()"));
    return ok(call("order(ByteOrder)",
                   {JEnum{t[1] == "big" ? "ByteOrder.BIG_ENDIAN" : "ByteOrder.LITTLE_ENDIAN"}}));
  }
  if (verb == "equals") return str(call("equals(Object)", {JRef{buffer(t.at(1))}}));
  if (verb == "compareTo") return str(call("compareTo(ByteBuffer)", {JRef{buffer(t.at(1))}}));
  if (verb == "mismatch") return str(call("mismatch(ByteBuffer)", {JRef{buffer(t.at(1))}}));
  if (verb == "get") return n == 0 ? str(call("get()")) : str(call("get(int)", {i(1)}));
  if (verb == "getArr" || verb == "getRange" || verb == "getAtArr") {
    const JRef a = array(std::vector<std::byte>(static_cast<std::size_t>(i(verb == "getAtArr" ? 2 : 1))));
    if (verb == "getArr") call("get(byte[])", {a});
    if (verb == "getRange") call("get(byte[],int,int)", {a, i(2), i(3)});
    if (verb == "getAtArr" && n == 2) call("get(int,byte[])", {i(1), a});
    if (verb == "getAtArr" && n != 2) call("get(int,byte[],int,int)", {i(1), a, i(3), i(4)});
    return hex(array_bytes(a.id));
  }
  if (verb == "put") return ok(call("put(byte[])", {bytes(t, 1)}));
  if (verb == "put1") {
    for (std::size_t k = 1; k <= n; ++k) call("put(byte)", {static_cast<std::int8_t>(number(t[k]))});
    return "ok";
  }
  if (verb == "putAt") return ok(call("put(int,byte)", {i(1), static_cast<std::int8_t>(number(t.at(2)))}));
  if (verb == "putRange") return ok(call("put(byte[],int,int)", {bytes(t, 3), i(1), i(2)}));
  if (verb == "putAtArr") return ok(call("put(int,byte[],int,int)", {i(1), bytes(t, 4), i(2), i(3)}));
  if (verb == "putAtAll") return ok(call("put(int,byte[])", {i(1), bytes(t, 2)}));
  if (verb == "putBuf") return ok(call("put(ByteBuffer)", {JRef{buffer(t.at(1))}}));
  if (verb == "putBufAt")
    return ok(call("put(int,ByteBuffer,int,int)", {i(1), JRef{buffer(t.at(2))}, i(3), i(4)}));
  const std::int64_t last = n > 0 ? number(t[n]) : 0;
  static const char* typed_get[] = {"getShort", "getChar", "getInt", "getLong", "getFloat", "getDouble"};
  for (const char* g : typed_get)
    if (verb == g) return n == 0 ? str(call(verb + "()")) : str(call(verb + "(int)", {i(1)}));
  auto typed_put = [&](const char* type, JValue v) {
    return ok(n == 1 ? call(verb + "(" + type + ")", {std::move(v)})
                     : call(verb + "(int," + type + ")", {i(1), std::move(v)}));
  };
  if (verb == "putShort") return typed_put("short", static_cast<std::int16_t>(last));
  if (verb == "putChar") return typed_put("char", static_cast<char16_t>(last));
  if (verb == "putInt") return typed_put("int", static_cast<std::int32_t>(last));
  if (verb == "putLong") return typed_put("long", last);
  if (verb == "putFloat") return typed_put("float", std::bit_cast<float>(static_cast<std::uint32_t>(last)));
  if (verb == "putDouble")
    return typed_put("double", std::bit_cast<double>(static_cast<std::uint64_t>(last)));
  throw std::invalid_argument("unknown verb: " + verb);
}

// The verbs of an IntBuffer/LongBuffer view, through call_buffer_method as the interpreter calls them.
std::string CaseRun::apply_view(const std::vector<std::string>& t) {
  const std::string& verb = t[0];
  const std::size_t n = t.size() - 1;
  const bool ints = nio::view_element(machine_, cur_id()) == nio::ViewElement::Int;
  auto i = [&](std::size_t k) { return static_cast<std::int32_t>(number(t.at(k))); };
  auto str = [](const JValue& v) -> std::string {
    if (auto p = std::get_if<std::int32_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<bool>(&v)) return *p ? "true" : "false";
    if (auto p = std::get_if<std::string>(&v)) return *p;
    if (auto p = std::get_if<JEnum>(&v)) return p->name.substr(p->name.find('.') + 1);
    throw std::logic_error("unexpected result type");
  };
  if (verb == "drop") {
    heap::set_local(rec_, kScope, "b" + std::to_string(cur_), heap::kNoObject);
    buffers_[static_cast<std::size_t>(cur_)] = heap::kNoObject;
    cur_ = -1;
    return "ok";
  }
  if (verb == "slice") return add(std::get<JRef>(call("slice()")).id);
  if (verb == "dup") return add(std::get<JRef>(call("duplicate()")).id);
  if (verb == "ro") return add(std::get<JRef>(call("asReadOnlyBuffer()")).id);
  static const char* plain[] = {"flip", "clear", "rewind", "mark", "reset"};
  for (const char* p : plain)
    if (verb == p) return ok(call(verb + "()"));
  if (verb == "position" || verb == "limit")
    return n == 0 ? str(call(verb + "()")) : ok(call(verb + "(int)", {i(1)}));
  static const char* queries[] = {"capacity",   "remaining", "hasRemaining", "isDirect",
                                  "isReadOnly", "hasArray",  "toString",     "order"};
  for (const char* q : queries)
    if (verb == q) return str(call(verb + "()"));
  if (verb == "array") return call("array()"), "array";
  if (verb == "get") return n == 0 ? str(call("get()")) : str(call("get(int)", {i(1)}));
  if (verb == "vput") {
    const std::int64_t v = number(t.at(n));
    const JValue x = ints ? JValue{static_cast<std::int32_t>(v)} : JValue{v};
    const std::string type = ints ? "int" : "long";
    return ok(n == 1 ? call("put(" + type + ")", {x}) : call("put(int," + type + ")", {i(1), x}));
  }
  throw std::invalid_argument("verb " + verb + " is not a view verb");
}

std::string CaseRun::view_state() {
  const auto limit = std::get<std::int32_t>(call("limit()"));
  std::string e = "[";
  for (std::int32_t k = 0; k < std::min(limit, 16); ++k) {
    const JValue v = call("get(int)", {k});
    if (k > 0) e += ' ';
    e.append(std::holds_alternative<std::int32_t>(v) ? std::to_string(std::get<std::int32_t>(v))
                                                     : std::to_string(std::get<std::int64_t>(v)));
  }
  e += std::string("]") + (limit > 16 ? "..." : "");
  auto text = [&](std::string_view sig) {
    const JValue v = call(sig);
    if (auto p = std::get_if<std::string>(&v)) return *p;
    if (auto p = std::get_if<JEnum>(&v)) return p->name.substr(p->name.find('.') + 1);
    if (auto p = std::get_if<bool>(&v)) return std::string(*p ? "true" : "false");
    return std::to_string(std::get<std::int32_t>(v));
  };
  return text("toString()") + " " + text("order()") + " rem=" + text("remaining()") +
         " ro=" + text("isReadOnly()") + " direct=" + text("isDirect()") + " " + e;
}

std::string CaseRun::state() {
  if (view_current()) return view_state();
  if (cur_ < 0) return "none";
  const heap::ObjectId id = cur_id();
  const nio::BufferState s = nio::buffer_state(machine_, id);
  std::vector<std::byte> window = nio::buffer_window(machine_, id);
  const bool cut = window.size() > 64;  // large buffers show only their first 64 bytes
  if (cut) window.resize(64);
  return s.to_string() + " " + std::string(nio::to_string(s.order())) +
         " rem=" + std::to_string(s.remaining()) + " ro=" + (s.read_only ? "true" : "false") +
         " direct=" + (s.is_direct() ? "true" : "false") + " " + hex(window) + (cut ? "..." : "");
}

std::string run_case(int line_no, const std::vector<std::string>& ops, const Settings& settings) {
  std::string out = "case " + std::to_string(line_no) + ": " + strip(ops[0]) + "\n";
  CaseRun run(settings);
  for (const std::string& op : ops) {
    const std::vector<std::string> t = words(op);
    if (t.empty()) throw std::invalid_argument("line " + std::to_string(line_no) + ": empty operation");
    std::string text;
    for (const std::string& w : t) text += (text.empty() ? "" : " ") + w;
    std::string outcome;
    try {
      outcome = run.apply(t);  // a malformed case throws std::exception and stops the run
    } catch (const JavaException& e) {
      const JavaThrowable& th = e.throwable;
      outcome = "!" + th.class_name + ": " + th.message.value_or("null");
    }
    out += "  " + text + " => " + outcome + " | " + run.state() + "\n";
  }
  return out;
}

// A case line split into its JVM flags ("" when it has no "flags ..." header) and its operations.
struct CaseLine {
  int line_no = 0;
  std::string flags;
  std::vector<std::string> ops;
};

std::vector<CaseLine> parse_cases(std::string_view text) {
  std::vector<CaseLine> cases;
  const std::vector<std::string> lines = split(text, '\n');
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string line = strip(lines[n]);
    if (line.empty() || line[0] == '#') continue;
    CaseLine c;
    c.line_no = static_cast<int>(n + 1);
    c.ops = split(line, '|');
    const std::vector<std::string> first = words(c.ops[0]);
    if (!first.empty() && first[0] == "flags") {
      for (std::size_t k = 1; k < first.size(); ++k) c.flags += (k > 1 ? " " : "") + first[k];
      c.ops.erase(c.ops.begin());
      if (c.ops.empty())
        throw std::invalid_argument("line " + std::to_string(c.line_no) + ": flags but no operations");
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace

std::vector<std::string> case_groups(std::string_view text) {
  std::vector<std::string> groups;
  for (const CaseLine& c : parse_cases(text))
    if (std::find(groups.begin(), groups.end(), c.flags) == groups.end()) groups.push_back(c.flags);
  return groups;
}

std::string run_case_file(std::string_view text, int group) {
  const std::vector<std::string> groups = case_groups(text);
  std::string out;
  for (CaseLine& c : parse_cases(text)) {
    if (group >= 0 && (static_cast<std::size_t>(group) >= groups.size() ||
                       groups[static_cast<std::size_t>(group)] != c.flags))
      continue;
    const ParsedJvmFlags parsed = parse_all_jvm_flags(c.flags);
    if (!parsed.ok() || !parsed.unknown.empty())
      throw std::invalid_argument("line " + std::to_string(c.line_no) + ": flags not understood: " + c.flags);
    const std::string first = strip(c.ops[0]);
    if (first.rfind("both ", 0) == 0) {  // the case once on a heap and once on a direct buffer
      c.ops[0] = "heap " + first.substr(5);
      out += run_case(c.line_no, c.ops, parsed.settings);
      c.ops[0] = "direct " + first.substr(5);
      out += run_case(c.line_no, c.ops, parsed.settings);
    } else {
      out += run_case(c.line_no, c.ops, parsed.settings);
    }
  }
  return out;
}

bool has_unspecified_ioobe_message(std::string_view op) {
  const std::vector<std::string> t = words(op);
  if (t.empty()) return false;
  const std::string& v = t[0];
  const std::size_t n = t.size() - 1;
  static const char* typed_get[] = {"get",     "getShort", "getChar",  "getInt",
                                    "getLong", "getFloat", "getDouble"};
  for (const char* name : typed_get)
    if (v == name) return n == 1;
  if (v == "putAt") return true;
  if (v == "vput") return n == 2;
  static const char* typed_put[] = {"putShort", "putChar", "putInt", "putLong", "putFloat", "putDouble"};
  for (const char* name : typed_put)
    if (v == name) return n == 2;
  return false;
}

}  // namespace heapviz::jdk_test
