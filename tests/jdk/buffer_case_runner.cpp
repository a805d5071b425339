#include "buffer_case_runner.hpp"

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "heapviz/java_throwable.hpp"
#include "heapviz/nio/byte_buffer.hpp"

namespace heapviz::jdk_test {
namespace {

using nio::BufferState;
using nio::ByteBuffer;
using nio::VectorByteStore;

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

// One case: its buffers (stable addresses, since identity is state identity) and the current one.
class CaseRun {
 public:
  std::string apply(const std::vector<std::string>& t);
  std::string state();

 private:
  struct Buf {
    BufferState state;
    std::shared_ptr<VectorByteStore> root;
  };
  std::string add(BufferState state, std::shared_ptr<VectorByteStore> root);
  ByteBuffer cur() { return handle(*cur_); }
  ByteBuffer handle(Buf& b) { return ByteBuffer(b.state, *b.root); }
  Buf& buffer(const std::string& index) { return buffers_.at(static_cast<std::size_t>(number(index))); }
  static std::unique_ptr<VectorByteStore> bytes(const std::vector<std::string>& t, std::size_t from);
  std::string view(BufferState state) { return add(state, cur_->root); }

  std::deque<Buf> buffers_;
  Buf* cur_ = nullptr;
};

std::string CaseRun::add(BufferState state, std::shared_ptr<VectorByteStore> root) {
  buffers_.push_back(Buf{state, std::move(root)});
  cur_ = &buffers_.back();
  std::string name = "b";  // append(): g++ 12 warns falsely (-Wrestrict) on "b" + std::string
  return name.append(std::to_string(buffers_.size() - 1));
}

std::unique_ptr<VectorByteStore> CaseRun::bytes(const std::vector<std::string>& t, std::size_t from) {
  std::vector<std::byte> a;
  for (std::size_t k = from; k < t.size(); ++k) a.push_back(static_cast<std::byte>(number(t[k])));
  return std::make_unique<VectorByteStore>(std::move(a));
}

std::string CaseRun::apply(const std::vector<std::string>& t) {
  const std::string& verb = t[0];
  const std::size_t n = t.size() - 1;
  auto i = [&](std::size_t k) { return static_cast<int>(number(t.at(k))); };
  auto ok = [](auto&&...) { return std::string("ok"); };
  auto str = [](auto v) { return std::to_string(v); };
  auto boolean = [](bool v) { return std::string(v ? "true" : "false"); };
  const bool creates = verb == "heap" || verb == "direct" || verb == "wrap";
  if (cur_ == nullptr && !creates) return "no buffer";  // the case's allocation failed

  if (verb == "heap" || verb == "direct") {
    const BufferState s = verb == "heap" ? nio::allocate(i(1)) : nio::allocate_direct(i(1));
    return add(s, std::make_shared<VectorByteStore>(static_cast<std::size_t>(s.capacity)));
  }
  if (verb == "wrap") {
    const int len = i(1);
    std::vector<std::byte> a(static_cast<std::size_t>(len));
    for (int k = 0; k < len; ++k) a[static_cast<std::size_t>(k)] = static_cast<std::byte>(k + 1);
    const BufferState s = n == 1 ? nio::wrap(len) : nio::wrap(len, i(2), i(3));
    return add(s, std::make_shared<VectorByteStore>(std::move(a)));
  }
  if (verb == "slice") return view(n == 0 ? cur().slice() : cur().slice(i(1), i(2)));
  if (verb == "dup") return view(cur().duplicate());
  if (verb == "ro") return view(cur().as_read_only());
  if (verb == "sel") {
    cur_ = &buffer(t.at(1));
    return "ok";
  }
  if (verb == "flip") return ok(cur().flip());
  if (verb == "clear") return ok(cur().clear());
  if (verb == "rewind") return ok(cur().rewind());
  if (verb == "mark") return ok(cur().mark());
  if (verb == "reset") return ok(cur().reset());
  if (verb == "compact") return ok(cur().compact());
  if (verb == "position") return n == 0 ? str(cur().position()) : ok(cur().position(i(1)));
  if (verb == "limit") return n == 0 ? str(cur().limit()) : ok(cur().limit(i(1)));
  if (verb == "capacity") return str(cur().capacity());
  if (verb == "remaining") return str(cur().remaining());
  if (verb == "hasRemaining") return boolean(cur().has_remaining());
  if (verb == "isDirect") return boolean(cur().is_direct());
  if (verb == "isReadOnly") return boolean(cur().is_read_only());
  if (verb == "hasArray") return boolean(cur().has_array());
  if (verb == "array") return "byte[" + str(cur().array().size()) + "]";
  if (verb == "arrayOffset") return str(cur().array_offset());
  if (verb == "toString") return cur().to_string();
  if (verb == "order") {
    if (n == 0) return std::string(nio::to_string(cur().order()));
    return ok(cur().order(t[1] == "big" ? nio::ByteOrder::BigEndian : nio::ByteOrder::LittleEndian));
  }
  if (verb == "hashCode") return str(cur().hash_code());
  if (verb == "equals" || verb == "compareTo" || verb == "mismatch") {
    ByteBuffer other = handle(buffer(t.at(1)));
    if (verb == "equals") return boolean(cur().equals(other));
    return str(verb == "compareTo" ? cur().compare_to(other) : cur().mismatch(other));
  }
  if (verb == "get") return str(n == 0 ? cur().get() : cur().get(i(1)));
  if (verb == "getArr" || verb == "getRange" || verb == "getAtArr") {
    VectorByteStore a(static_cast<std::size_t>(i(verb == "getAtArr" ? 2 : 1)));
    if (verb == "getArr") cur().get(a);
    if (verb == "getRange") cur().get(a, i(2), i(3));
    if (verb == "getAtArr" && n == 2) cur().get(i(1), a);
    if (verb == "getAtArr" && n != 2) cur().get(i(1), a, i(3), i(4));
    return hex(a.bytes());
  }
  if (verb == "put") return ok(cur().put(*bytes(t, 1)));
  if (verb == "put1") {
    for (std::size_t k = 1; k <= n; ++k) cur().put(static_cast<std::int8_t>(number(t[k])));
    return "ok";
  }
  if (verb == "putAt") return ok(cur().put(i(1), static_cast<std::int8_t>(number(t.at(2)))));
  if (verb == "putRange") return ok(cur().put(*bytes(t, 3), i(1), i(2)));
  if (verb == "putAtArr") return ok(cur().put(i(1), *bytes(t, 4), i(2), i(3)));
  if (verb == "putAtAll") return ok(cur().put(i(1), *bytes(t, 2)));
  if (verb == "putBuf") {
    ByteBuffer src = handle(buffer(t.at(1)));
    return ok(cur().put(src));
  }
  if (verb == "putBufAt") {
    ByteBuffer src = handle(buffer(t.at(2)));
    return ok(cur().put(i(1), src, i(3), i(4)));
  }
  const std::int64_t last = n > 0 ? number(t[n]) : 0;
  if (verb == "getShort") return str(n == 0 ? cur().get_short() : cur().get_short(i(1)));
  if (verb == "getChar") return str(static_cast<int>(n == 0 ? cur().get_char() : cur().get_char(i(1))));
  if (verb == "getInt") return str(n == 0 ? cur().get_int() : cur().get_int(i(1)));
  if (verb == "getLong") return str(n == 0 ? cur().get_long() : cur().get_long(i(1)));
  if (verb == "getFloat")
    return hex_bits(std::bit_cast<std::uint32_t>(n == 0 ? cur().get_float() : cur().get_float(i(1))));
  if (verb == "getDouble")
    return hex_bits(std::bit_cast<std::uint64_t>(n == 0 ? cur().get_double() : cur().get_double(i(1))));
  if (verb == "putShort") {
    const auto v = static_cast<std::int16_t>(last);
    return ok(n == 1 ? cur().put_short(v) : cur().put_short(i(1), v));
  }
  if (verb == "putChar") {
    const auto v = static_cast<char16_t>(last);
    return ok(n == 1 ? cur().put_char(v) : cur().put_char(i(1), v));
  }
  if (verb == "putInt") {
    const auto v = static_cast<std::int32_t>(last);
    return ok(n == 1 ? cur().put_int(v) : cur().put_int(i(1), v));
  }
  if (verb == "putLong") return ok(n == 1 ? cur().put_long(last) : cur().put_long(i(1), last));
  if (verb == "putFloat") {
    const auto v = std::bit_cast<float>(static_cast<std::uint32_t>(last));
    return ok(n == 1 ? cur().put_float(v) : cur().put_float(i(1), v));
  }
  if (verb == "putDouble") {
    const auto v = std::bit_cast<double>(static_cast<std::uint64_t>(last));
    return ok(n == 1 ? cur().put_double(v) : cur().put_double(i(1), v));
  }
  throw std::invalid_argument("unknown verb: " + verb);
}

std::string CaseRun::state() {
  if (cur_ == nullptr) return "none";
  const BufferState& s = cur_->state;
  std::vector<std::byte> window(static_cast<std::size_t>(s.capacity));
  cur_->root->read(s.offset, window);
  return s.to_string() + " " + std::string(nio::to_string(s.order())) + " rem=" + std::to_string(s.remaining()) +
         " ro=" + (s.read_only ? "true" : "false") + " direct=" + (s.is_direct() ? "true" : "false") + " " +
         hex(window);
}

std::string run_case(int line_no, std::vector<std::string> ops) {
  std::string out = "case " + std::to_string(line_no) + ": " + strip(ops[0]) + "\n";
  CaseRun run;
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

}  // namespace

std::string run_case_file(std::string_view text) {
  std::string out;
  const std::vector<std::string> lines = split(text, '\n');
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string line = strip(lines[n]);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> ops = split(line, '|');
    const std::string first = strip(ops[0]);
    const int line_no = static_cast<int>(n + 1);
    if (first.rfind("both ", 0) == 0) {  // the case once on a heap and once on a direct buffer
      ops[0] = "heap " + first.substr(5);
      out += run_case(line_no, ops);
      ops[0] = "direct " + first.substr(5);
      out += run_case(line_no, ops);
    } else {
      out += run_case(line_no, ops);
    }
  }
  return out;
}

bool has_unspecified_ioobe_message(std::string_view op) {
  const std::vector<std::string> t = words(op);
  if (t.empty()) return false;
  const std::string& v = t[0];
  const std::size_t n = t.size() - 1;
  static const char* typed_get[] = {"get", "getShort", "getChar", "getInt", "getLong", "getFloat", "getDouble"};
  for (const char* name : typed_get)
    if (v == name) return n == 1;
  if (v == "putAt") return true;
  static const char* typed_put[] = {"putShort", "putChar", "putInt", "putLong", "putFloat", "putDouble"};
  for (const char* name : typed_put)
    if (v == name) return n == 2;
  return false;
}

}  // namespace heapviz::jdk_test
