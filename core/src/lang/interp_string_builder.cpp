// java.lang.StringBuilder as JDK 17 keeps it on the heap: a 24-byte object (AbstractStringBuilder's
// count@12, coder@16, value@20, measured with Unsafe.objectFieldOffset on 17.0.15) whose `value` is a
// byte[] of LATIN1 bytes, or of UTF-16 chars (two bytes each, little-endian) once a char above U+00FF
// arrives (coder 1). Every operation reads the object from the heap and writes back what the JDK's code
// writes: a full array grows by AbstractStringBuilder.newCapacity (old * 2 + 2, or the minimum needed)
// through Arrays.copyOf, and the old array is left as garbage. toString() returns an interpreter String
// (Strings live off the heap in heapviz), so it allocates nothing here.
#include <algorithm>
#include <limits>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "interp_format.hpp"
#include "interp_runtime.hpp"
#include "utf8.hpp"

namespace heapviz::lang::interp {

struct Runtime::SbState {
  heap::ObjectId sb = heap::kNoObject;
  heap::ObjectId value = heap::kNoObject;
  int coder = 0;  // 0 LATIN1, 1 UTF16
  std::int32_t count = 0;
  std::vector<std::uint8_t> bytes;    // the value array as the operation leaves it
  std::vector<std::uint8_t> written;  // the value array as it is on the heap now

  std::int32_t capacity() const { return static_cast<std::int32_t>(bytes.size() >> coder); }
  char16_t at(std::int32_t i) const {
    const auto u = static_cast<std::size_t>(i);
    return coder == 0 ? char16_t{bytes[u]} : static_cast<char16_t>(bytes[2 * u] | (bytes[2 * u + 1] << 8));
  }
  void put(std::int32_t i, char16_t c) {
    const auto u = static_cast<std::size_t>(i);
    if (coder == 0) {
      bytes[u] = static_cast<std::uint8_t>(c);
    } else {
      bytes[2 * u] = static_cast<std::uint8_t>(c & 0xFF);
      bytes[2 * u + 1] = static_cast<std::uint8_t>(c >> 8);
    }
  }
  /// System.arraycopy(value, from << coder, value, to << coder, n << coder).
  void move(std::int32_t from, std::int32_t to, std::int32_t n) {
    const auto b = [&](std::int32_t i) { return static_cast<std::ptrdiff_t>(i) << coder; };
    if (n <= 0) return;
    std::vector<std::uint8_t> tmp(bytes.begin() + b(from), bytes.begin() + b(from + n));
    std::copy(tmp.begin(), tmp.end(), bytes.begin() + b(to));
  }
};

namespace {

std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::uint32_t cp = utf8::decode(s, i);
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

bool is_high(char16_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool is_low(char16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// The chars as an interpreter String: pairs join, a lone surrogate is '?' (as utf16_unit_to_utf8).
std::string from_utf16(const std::u16string& u) {
  std::string out;
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (is_high(u[i]) && i + 1 < u.size() && is_low(u[i + 1])) {
      utf8::append(out, 0x10000 + ((static_cast<std::uint32_t>(u[i]) - 0xD800) << 10) +
                            (static_cast<std::uint32_t>(u[i + 1]) - 0xDC00));
      ++i;
    } else {
      out += utf16_unit_to_utf8(u[i]);
    }
  }
  return out;
}

bool latin1(const std::u16string& u) {
  return std::all_of(u.begin(), u.end(), [](char16_t c) { return c <= 0xFF; });
}

}  // namespace

heap::KlassId Runtime::string_builder_klass() {
  if (sb_klass_) return *sb_klass_;
  heap::KlassTable& table = *r_.machine().klasses;
  r_.begin_step(StepKind::class_load);
  table.register_class("java.lang.AbstractStringBuilder", {{"value", heap::FieldType::reference, "byte[]"},
                                                           {"coder", heap::FieldType::byte_, ""},
                                                           {"count", heap::FieldType::int_, ""}});
  sb_klass_ = table.register_class("java.lang.StringBuilder", {}, "java.lang.AbstractStringBuilder");
  if (r_.recording())
    r_.narrate("Class java.lang.StringBuilder is used: 24 bytes (count, coder and a byte[] value).",
               "使用 java.lang.StringBuilder 类：24 字节（count、coder 和 byte[] value）。",
               "AbstractStringBuilder fields");
  r_.end_step();
  return *sb_klass_;
}

bool Runtime::is_string_builder(heap::ObjectId id) const {
  const Machine& m = r_.machine();
  return sb_klass_ && id != heap::kNoObject && m.heap.is_live(id) && m.heap.record(id).klass == *sb_klass_;
}

Runtime::SbState Runtime::sb_read(heap::ObjectId sb) const {
  const Machine& m = r_.machine();
  SbState s;
  s.sb = sb;
  s.value = heap::load_ref(m, sb, "value");
  s.coder = static_cast<int>(heap::load_prim(m, sb, "coder"));
  s.count = static_cast<std::int32_t>(heap::load_prim(m, sb, "count"));
  const std::uint64_t addr = m.heap.record(s.value).addr;
  s.bytes.resize(m.heap.array_length(addr));
  if (!s.bytes.empty()) m.heap.space.read(addr + heap::layout::kArrayHeader, s.bytes.data(), s.bytes.size());
  s.written = s.bytes;
  return s;
}

std::string Runtime::string_builder_text(heap::ObjectId id) const {
  const SbState s = sb_read(id);
  std::u16string u;
  for (std::int32_t i = 0; i < s.count; ++i) u += s.at(i);
  return from_utf16(u);
}

// ensureCapacityInternal: Arrays.copyOf(value, newCapacity(minimum) << coder) when it is too small.
void Runtime::sb_ensure(SbState& s, std::int64_t minimum) {
  const std::int64_t old = s.capacity();
  if (minimum - old <= 0) return;
  std::int64_t grown = (old << 1) + 2;
  if (grown - minimum < 0) grown = minimum;
  const std::int64_t length = grown << s.coder;
  if (length > std::numeric_limits<std::int32_t>::max())
    throw_java("java.lang.OutOfMemoryError", std::string("Java heap space"));
  sb_commit(s, s.count);  // bytes changed before the copy are in the old array
  protect_temps();
  const heap::ObjectId next =
      heap::new_array(r_, heap::builtin::kByteArray, static_cast<std::uint32_t>(length));
  std::vector<std::uint8_t> copy = s.bytes;
  copy.resize(static_cast<std::size_t>(length), 0);
  const auto end = std::find_if(s.bytes.rbegin(), s.bytes.rend(), [](std::uint8_t b) { return b != 0; });
  const std::size_t used = static_cast<std::size_t>(s.bytes.rend() - end);
  if (used > 0) heap::store_bytes(r_, next, 0, std::span<const std::uint8_t>(copy.data(), used));
  heap::store_ref(r_, s.sb, "value", next);
  s.value = next;
  s.bytes = copy;
  s.written = std::move(copy);
}

// inflate(): the LATIN1 bytes become UTF-16 chars in a new array of twice the length.
void Runtime::sb_inflate(SbState& s) {
  if (s.coder != 0) return;
  sb_commit(s, s.count);
  std::vector<std::uint8_t> wide(s.bytes.size() * 2, 0);
  for (std::int32_t i = 0; i < s.count; ++i)
    wide[2 * static_cast<std::size_t>(i)] = s.bytes[static_cast<std::size_t>(i)];
  protect_temps();
  const heap::ObjectId next =
      heap::new_array(r_, heap::builtin::kByteArray, static_cast<std::uint32_t>(wide.size()));
  if (s.count > 0)
    heap::store_bytes(r_, next, 0,
                      std::span<const std::uint8_t>(wide.data(), 2 * static_cast<std::size_t>(s.count)));
  heap::store_ref(r_, s.sb, "value", next);
  heap::store_prim(r_, s.sb, "coder", 1);
  s.value = next;
  s.coder = 1;
  s.bytes = wide;
  s.written = std::move(wide);
}

// Writes the bytes that changed (one arraycopy-like step) and the new count.
void Runtime::sb_commit(SbState& s, std::int32_t count) {
  std::size_t lo = 0, hi = s.bytes.size();
  while (lo < hi && s.bytes[lo] == s.written[lo]) ++lo;
  while (hi > lo && s.bytes[hi - 1] == s.written[hi - 1]) --hi;
  if (lo < hi) {
    heap::store_bytes(r_, s.value, static_cast<std::uint32_t>(lo),
                      std::span<const std::uint8_t>(s.bytes.data() + lo, hi - lo));
    s.written = s.bytes;
  }
  if (count != s.count) {
    heap::store_prim(r_, s.sb, "count", count);
    s.count = count;
  }
}

Value Runtime::new_string_builder(const NewObject& n) {
  const ExprInfo& info = a_.info(n);
  const heap::KlassId k = string_builder_klass();
  // `new` allocates the object before the constructor's argument is evaluated.
  protect_temps();
  const heap::ObjectId sb = heap::new_instance(r_, k);
  const std::size_t mark = temps_.size();
  temps_.push_back(sb);
  Value arg;
  if (!n.args.empty()) arg = eval(*n.args[0]);
  std::int64_t capacity = 16;
  std::u16string text;
  int coder = 0;
  if (info.signature == "(int)") {
    capacity = as_long(arg);
  } else if (info.signature == "(String)") {
    if (is_null(arg))
      throw_java("java.lang.NullPointerException",
                 std::string("Cannot invoke \"String.length()\" because \"str\" is null"));
    text = to_utf16(std::get<std::string>(arg));
    capacity = static_cast<std::int64_t>(text.size()) + 16;
    coder = latin1(text) ? 0 : 1;
  }
  if (capacity < 0) throw_java("java.lang.NegativeArraySizeException", std::to_string(capacity));
  protect_temps();
  const heap::ObjectId value =
      heap::new_array(r_, heap::builtin::kByteArray, static_cast<std::uint32_t>(capacity << coder));
  heap::store_ref(r_, sb, "value", value);
  if (coder != 0) heap::store_prim(r_, sb, "coder", coder);
  if (!text.empty()) {
    SbState s = sb_read(sb);
    for (std::size_t i = 0; i < text.size(); ++i) s.put(static_cast<std::int32_t>(i), text[i]);
    sb_commit(s, static_cast<std::int32_t>(text.size()));
  }
  release(mark);
  return JRef{sb};
}

Value Runtime::string_builder_call(const MethodCall& c, const ExprInfo& info, const Value& recv,
                                   const std::vector<Value>& args) {
  if (is_null(recv))
    throw_npe("Cannot invoke \"java.lang.StringBuilder." + info.signature + "\"", c.target.get());
  const heap::ObjectId id = ref_of(recv);
  SbState s = sb_read(id);
  auto index_error = [&](std::string_view what, std::int64_t i) {
    throw_java("java.lang.StringIndexOutOfBoundsException",
               std::string(what) + " " + std::to_string(i) + ", length " + std::to_string(s.count));
  };
  auto put_text = [&](std::int32_t at, const std::u16string& t, bool wide) {
    if (wide) sb_inflate(s);
    for (std::size_t i = 0; i < t.size(); ++i) s.put(at + static_cast<std::int32_t>(i), t[i]);
  };
  switch (info.op) {
    case Op::sb_append: {
      std::u16string t;
      bool wide = false;
      if (info.signature == "append(java.lang.CharSequence)") {
        // append(AbstractStringBuilder): the other builder's coder decides, not its chars.
        const heap::ObjectId other = ref_of(args[0]);
        if (other == heap::kNoObject) {
          t = u"null";
        } else {
          const SbState o = other == id ? s : sb_read(other);
          for (std::int32_t i = 0; i < o.count; ++i) t += o.at(i);
          wide = o.coder != 0;
        }
      } else if (const auto* ch = std::get_if<char16_t>(&args[0])) {
        t = std::u16string(1, *ch);  // a lone surrogate stays itself
        wide = *ch > 0xFF;
      } else {
        t = to_utf16(is_null(args[0]) ? std::string("null") : to_text(args[0]));
        wide = !latin1(t);
      }
      sb_ensure(s, static_cast<std::int64_t>(s.count) + static_cast<std::int64_t>(t.size()));
      put_text(s.count, t, wide);
      sb_commit(s, s.count + static_cast<std::int32_t>(t.size()));
      return recv;
    }
    case Op::sb_insert: {
      const auto offset = static_cast<std::int32_t>(as_long(args[0]));
      if (offset < 0 || offset > s.count) index_error("offset", offset);
      const std::u16string t =
          to_utf16(is_null(args[1]) ? std::string("null") : std::get<std::string>(args[1]));
      const auto len = static_cast<std::int32_t>(t.size());
      sb_ensure(s, static_cast<std::int64_t>(s.count) + len);
      s.move(offset, offset + len, s.count - offset);
      const std::int32_t count = s.count + len;
      if (!latin1(t) && s.coder == 0) {
        sb_commit(s, count);
        sb_inflate(s);
      }
      put_text(offset, t, false);
      sb_commit(s, count);
      return recv;
    }
    case Op::sb_to_string: {
      std::u16string u;
      for (std::int32_t i = 0; i < s.count; ++i) u += s.at(i);
      return checked_string(from_utf16(u));
    }
    case Op::sb_length:
      return s.count;
    case Op::sb_capacity:
      return s.capacity();
    case Op::sb_char_at: {
      const auto i = static_cast<std::int32_t>(as_long(args[0]));
      if (i < 0 || i >= s.count) index_error("index", i);
      return s.at(i);
    }
    case Op::sb_set_length: {
      const auto n = static_cast<std::int32_t>(as_long(args[0]));
      if (n < 0)
        throw_java("java.lang.StringIndexOutOfBoundsException",
                   "String index out of range: " + std::to_string(n));
      sb_ensure(s, n);
      for (std::int32_t i = s.count; i < n; ++i) s.put(i, 0);
      sb_commit(s, n);
      return std::monostate{};
    }
    case Op::sb_delete_char_at: {
      const auto i = static_cast<std::int32_t>(as_long(args[0]));
      if (i < 0 || i >= s.count) index_error("index", i);
      s.move(i + 1, i, s.count - i - 1);
      sb_commit(s, s.count - 1);
      return recv;
    }
    case Op::sb_reverse: {
      const std::int32_t n = s.count - 1;
      bool surrogates = false;
      for (std::int32_t j = (n - 1) >> 1; j >= 0; --j) {
        const char16_t cj = s.at(j), ck = s.at(n - j);
        s.put(j, ck);
        s.put(n - j, cj);
        surrogates = surrogates || (cj >= 0xD800 && cj <= 0xDFFF) || (ck >= 0xD800 && ck <= 0xDFFF);
      }
      // StringUTF16.reverseAllValidSurrogatePairs: a pair reversed into low, high is put back.
      if (surrogates)
        for (std::int32_t i = 0; i < s.count - 1; ++i)
          if (is_low(s.at(i)) && is_high(s.at(i + 1))) {
            const char16_t lo = s.at(i);
            s.put(i, s.at(i + 1));
            s.put(++i, lo);
          }
      sb_commit(s, s.count);
      return recv;
    }
    default:
      return std::monostate{};
  }
}

}  // namespace heapviz::lang::interp
