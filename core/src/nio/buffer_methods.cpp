// call_buffer_method: a ByteBuffer instance method on a buffer object. The Java state is loaded from
// the object's fields, the nio::ByteBuffer operation runs over a ByteStore that reads and records the
// bytes of the byte[] (heap) or of the root's native block (direct), and changed fields are written
// back, all in one buffer_op step.
#include <array>
#include <bit>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/byte_buffer.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "heapviz/nio/nio_machine.hpp"
#include "heapviz/nio/typed_views.hpp"
#include "java_nio_exceptions.hpp"

namespace heapviz::nio {

using namespace detail;
using heap::ObjectId;

namespace {

constexpr std::array<std::string_view, 67> kSignatures = {"flip()",
                                                          "clear()",
                                                          "rewind()",
                                                          "mark()",
                                                          "reset()",
                                                          "compact()",
                                                          "position()",
                                                          "position(int)",
                                                          "limit()",
                                                          "limit(int)",
                                                          "capacity()",
                                                          "remaining()",
                                                          "hasRemaining()",
                                                          "isDirect()",
                                                          "isReadOnly()",
                                                          "hasArray()",
                                                          "array()",
                                                          "arrayOffset()",
                                                          "toString()",
                                                          "order()",
                                                          "order(ByteOrder)",
                                                          "hashCode()",
                                                          "equals(Object)",
                                                          "compareTo(ByteBuffer)",
                                                          "mismatch(ByteBuffer)",
                                                          "get()",
                                                          "get(int)",
                                                          "get(byte[])",
                                                          "get(byte[],int,int)",
                                                          "get(int,byte[])",
                                                          "get(int,byte[],int,int)",
                                                          "put(byte)",
                                                          "put(int,byte)",
                                                          "put(byte[])",
                                                          "put(byte[],int,int)",
                                                          "put(int,byte[])",
                                                          "put(int,byte[],int,int)",
                                                          "put(ByteBuffer)",
                                                          "put(int,ByteBuffer,int,int)",
                                                          "getShort()",
                                                          "getShort(int)",
                                                          "getChar()",
                                                          "getChar(int)",
                                                          "getInt()",
                                                          "getInt(int)",
                                                          "getLong()",
                                                          "getLong(int)",
                                                          "getFloat()",
                                                          "getFloat(int)",
                                                          "getDouble()",
                                                          "getDouble(int)",
                                                          "putShort(short)",
                                                          "putShort(int,short)",
                                                          "putChar(char)",
                                                          "putChar(int,char)",
                                                          "putInt(int)",
                                                          "putInt(int,int)",
                                                          "putLong(long)",
                                                          "putLong(int,long)",
                                                          "putFloat(float)",
                                                          "putFloat(int,float)",
                                                          "putDouble(double)",
                                                          "putDouble(int,double)",
                                                          "slice()",
                                                          "slice(int,int)",
                                                          "duplicate()",
                                                          "asReadOnlyBuffer()"};

std::int64_t integral(const JValue& v) { return integral_arg(v, "call_buffer_method"); }
double floating(const JValue& v) {
  if (auto p = std::get_if<float>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return *p;
  return static_cast<double>(integral(v));
}

[[noreturn]] void npe(std::optional<std::string> message = std::nullopt) {
  throw JavaException{JavaThrowable{"java.lang.NullPointerException", std::move(message)}};
}

// One buffer bound to its loaded state and its storage for the duration of a call.
struct Bound {
  ObjectId id = heap::kNoObject;
  BufferState state, before;
  std::unique_ptr<ByteStore> store;
  const Touched* touched = nullptr;
  ByteBuffer handle() { return ByteBuffer(state, *store); }
};

std::unique_ptr<Bound> bind(NioRecorder& r, ObjectId id) {
  const NioMachine& m = r.machine();
  auto b = std::make_unique<Bound>();
  b->id = id;
  b->state = b->before = load_state(m, id);
  if (b->state.is_direct() && mapped_fd(m, id) != heap::kNoObject) {
    // A MappedByteBuffer: its bytes are the file's page-cache pages (FileChannel.map).
    const ObjectId root = direct_root(m, id);
    auto s = r.mapped_store(static_cast<std::uint64_t>(read_i64(m, root, off::address)),
                            read_i32(m, root, off::capacity));
    b->touched = &s->touched();
    b->store = std::move(s);
  } else if (b->state.is_direct()) {
    const ObjectId root = direct_root(m, id);
    auto s = std::make_unique<RecordedNativeStore>(
        r, static_cast<std::uint64_t>(read_i64(m, root, off::address)), read_i32(m, root, off::capacity));
    b->touched = &s->touched();
    b->store = std::move(s);
  } else {
    auto s = std::make_unique<HeapArrayStore>(r, read_ref(m, id, off::hb));
    b->touched = &s->touched();
    b->store = std::move(s);
  }
  return b;
}

std::string value_text(const NioMachine& m, const JValue& v) {
  struct V {
    const NioMachine& m;
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int8_t x) const { return std::to_string(x); }
    std::string operator()(std::int16_t x) const { return std::to_string(x); }
    std::string operator()(char16_t x) const { return std::to_string(static_cast<int>(x)); }
    std::string operator()(std::int32_t x) const { return std::to_string(x); }
    std::string operator()(std::int64_t x) const { return std::to_string(x); }
    std::string operator()(float x) const { return std::to_string(x); }
    std::string operator()(double x) const { return std::to_string(x); }
    std::string operator()(const JRef& x) const {
      return x.id == heap::kNoObject ? "null" : name_of(m, x.id);
    }
    std::string operator()(const JEnum& x) const { return x.name; }
    std::string operator()(const std::string& x) const { return "\"" + x + "\""; }
  };
  return std::visit(V{m}, v);
}

class Call {
 public:
  Call(NioRecorder& r, ObjectId self, std::span<const JValue> args)
      : r_(r), args_(args), self_(bind(r, self)) {}

  JValue run(std::string_view sig);  // sig: "put(byte[],int,int)" ...
  void write_back(std::string* changes);
  std::string bytes_text(bool zh) const;
  Bound& self() { return *self_; }

 private:
  int i(std::size_t k) const { return static_cast<int>(integral(args_[k])); }
  ByteStore& array(std::size_t k);  // k: the byte[] argument (null: JDK 17's helpful NPE text for sig_)
  ByteBuffer buffer(std::size_t k);
  void checks_before_null_argument() const;
  JValue ret_this() const { return JRef{self_->id}; }

  NioRecorder& r_;
  std::span<const JValue> args_;
  std::string_view sig_;
  std::unique_ptr<Bound> self_;
  std::deque<std::unique_ptr<Bound>> others_;
  std::deque<HeapArrayStore> arrays_;
};

// What the JDK checks before it touches a null array or buffer argument: the read-only buffers' bulk puts
// (HeapByteBufferR, DirectByteBufferR) throw ReadOnlyBufferException, and the absolute bulk calls check
// index and length against limit() first.
void Call::checks_before_null_argument() const {
  const bool bulk_put = sig_ == "put(byte[],int,int)" || sig_ == "put(int,byte[],int,int)" ||
                        sig_ == "put(ByteBuffer)" || sig_ == "put(int,ByteBuffer,int,int)";
  if (bulk_put && self_->state.read_only) throw_read_only();
  if (args_.size() == 4) check_from_index_size(i(0), i(3), self_->state.limit);
}

ByteStore& Call::array(std::size_t k) {
  const JRef* ref = std::get_if<JRef>(&args_[k]);
  if (ref == nullptr) throw std::invalid_argument("call_buffer_method: a byte[] argument must be a JRef");
  // get(dst...) and put(src...) read the array's length first (checkFromIndexSize).
  if (ref->id == heap::kNoObject) checks_before_null_argument();
  if (ref->id == heap::kNoObject)
    npe(std::string("Cannot read the array length because \"") + (sig_.rfind("get", 0) == 0 ? "dst" : "src") +
        "\" is null");
  return arrays_.emplace_back(r_, ref->id);
}

ByteBuffer Call::buffer(std::size_t k) {
  const JRef* ref = std::get_if<JRef>(&args_[k]);
  if (ref == nullptr) throw std::invalid_argument("call_buffer_method: a ByteBuffer argument must be a JRef");
  if (ref->id == heap::kNoObject) {  // the first call ByteBuffer's code makes on its argument
    checks_before_null_argument();
    const bool put = sig_.rfind("put", 0) == 0;
    npe(std::string("Cannot invoke \"java.nio.ByteBuffer.") +
        (sig_ == "put(int,ByteBuffer,int,int)" ? "limit" : "position") + "()\" because \"" +
        (put ? "src" : "that") + "\" is null");
  }
  if (ref->id == self_->id) return self_->handle();  // same state object: `src == this` is detected
  if (!is_byte_buffer(r_.machine(), ref->id))
    throw std::invalid_argument("call_buffer_method: argument is not a ByteBuffer");
  for (auto& o : others_)
    if (o->id == ref->id) return o->handle();
  others_.push_back(bind(r_, ref->id));
  return others_.back()->handle();
}

JValue Call::run(std::string_view sig) {
  sig_ = sig;
  ByteBuffer b = self_->handle();
  const std::size_t n = args_.size();
  auto need = [&](std::size_t k) {
    if (n != k)
      throw std::invalid_argument("call_buffer_method: " + std::string(sig) + " takes " + std::to_string(k) +
                                  " argument(s)");
  };
  const auto open = sig.find('(');
  const std::string name(sig.substr(0, open));
  const std::string params(sig.substr(open + 1, sig.size() - open - 2));
  need(params.empty() ? 0 : static_cast<std::size_t>(std::count(params.begin(), params.end(), ',') + 1));

  if (sig == "flip()") return b.flip(), ret_this();
  if (sig == "clear()") return b.clear(), ret_this();
  if (sig == "rewind()") return b.rewind(), ret_this();
  if (sig == "mark()") return b.mark(), ret_this();
  if (sig == "reset()") return b.reset(), ret_this();
  if (sig == "compact()") return b.compact(), ret_this();
  if (sig == "position()") return std::int32_t{b.position()};
  if (sig == "position(int)") return b.position(i(0)), ret_this();
  if (sig == "limit()") return std::int32_t{b.limit()};
  if (sig == "limit(int)") return b.limit(i(0)), ret_this();
  if (sig == "capacity()") return std::int32_t{b.capacity()};
  if (sig == "remaining()") return std::int32_t{b.remaining()};
  if (sig == "hasRemaining()") return b.has_remaining();
  if (sig == "isDirect()") return b.is_direct();
  if (sig == "isReadOnly()") return b.is_read_only();
  if (sig == "hasArray()") return b.has_array();
  if (sig == "array()") return b.array(), JValue{JRef{read_ref(r_.machine(), self_->id, off::hb)}};
  if (sig == "arrayOffset()") return std::int32_t{b.array_offset()};
  if (sig == "toString()") return b.to_string();
  if (sig == "order()") return JEnum{"ByteOrder." + std::string(to_string(b.order()))};
  if (sig == "order(ByteOrder)") {
    const JEnum* e = std::get_if<JEnum>(&args_[0]);
    if (e == nullptr) throw std::invalid_argument("order(ByteOrder) needs a JEnum");
    if (e->name != "ByteOrder.BIG_ENDIAN" && e->name != "ByteOrder.LITTLE_ENDIAN")
      npe();  // order(null) is an NPE in the JDK
    return b.order(e->name == "ByteOrder.BIG_ENDIAN" ? ByteOrder::BigEndian : ByteOrder::LittleEndian),
           ret_this();
  }
  if (sig == "hashCode()") return std::int32_t{b.hash_code()};
  if (sig == "equals(Object)") {
    const JRef* ref = std::get_if<JRef>(&args_[0]);
    if (ref == nullptr || ref->id == heap::kNoObject || !is_byte_buffer(r_.machine(), ref->id)) return false;
    ByteBuffer o = buffer(0);
    return b.equals(o);
  }
  if (sig == "compareTo(ByteBuffer)") {
    ByteBuffer o = buffer(0);
    return std::int32_t{b.compare_to(o)};
  }
  if (sig == "mismatch(ByteBuffer)") {
    ByteBuffer o = buffer(0);
    return std::int32_t{b.mismatch(o)};
  }
  if (sig == "get()") return b.get();
  if (sig == "get(int)") return b.get(i(0));
  if (sig == "get(byte[])") return b.get(array(0)), ret_this();
  if (sig == "get(byte[],int,int)") return b.get(array(0), i(1), i(2)), ret_this();
  if (sig == "get(int,byte[])") return b.get(i(0), array(1)), ret_this();
  if (sig == "get(int,byte[],int,int)") return b.get(i(0), array(1), i(2), i(3)), ret_this();
  if (sig == "put(byte)") return b.put(static_cast<std::int8_t>(integral(args_[0]))), ret_this();
  if (sig == "put(int,byte)") return b.put(i(0), static_cast<std::int8_t>(integral(args_[1]))), ret_this();
  if (sig == "put(byte[])") return b.put(array(0)), ret_this();
  if (sig == "put(byte[],int,int)") return b.put(array(0), i(1), i(2)), ret_this();
  if (sig == "put(int,byte[])") return b.put(i(0), array(1)), ret_this();
  if (sig == "put(int,byte[],int,int)") return b.put(i(0), array(1), i(2), i(3)), ret_this();
  if (sig == "put(ByteBuffer)") {
    ByteBuffer src = buffer(0);
    return b.put(src), ret_this();
  }
  if (sig == "put(int,ByteBuffer,int,int)") {
    ByteBuffer src = buffer(1);
    return b.put(i(0), src, i(2), i(3)), ret_this();
  }
  const bool absolute = n >= 1 && params.rfind("int", 0) == 0 && name.rfind("get", 0) == 0;
  if (name == "getShort") return absolute ? b.get_short(i(0)) : b.get_short();
  if (name == "getChar") return absolute ? b.get_char(i(0)) : b.get_char();
  if (name == "getInt") return absolute ? b.get_int(i(0)) : b.get_int();
  if (name == "getLong") return absolute ? b.get_long(i(0)) : b.get_long();
  if (name == "getFloat") return absolute ? b.get_float(i(0)) : b.get_float();
  if (name == "getDouble") return absolute ? b.get_double(i(0)) : b.get_double();
  const bool put_at = n == 2;
  const JValue& v = args_[n - 1];
  if (name == "putShort") {
    const auto x = static_cast<std::int16_t>(integral(v));
    return (put_at ? b.put_short(i(0), x) : b.put_short(x)), ret_this();
  }
  if (name == "putChar") {
    const auto x = static_cast<char16_t>(integral(v));
    return (put_at ? b.put_char(i(0), x) : b.put_char(x)), ret_this();
  }
  if (name == "putInt") {
    const auto x = static_cast<std::int32_t>(integral(v));
    return (put_at ? b.put_int(i(0), x) : b.put_int(x)), ret_this();
  }
  if (name == "putLong") {
    const std::int64_t x = integral(v);
    return (put_at ? b.put_long(i(0), x) : b.put_long(x)), ret_this();
  }
  if (name == "putFloat") {
    const auto x = std::holds_alternative<float>(v) ? std::get<float>(v) : static_cast<float>(floating(v));
    return (put_at ? b.put_float(i(0), x) : b.put_float(x)), ret_this();
  }
  if (name == "putDouble") {
    const double x = floating(v);
    return (put_at ? b.put_double(i(0), x) : b.put_double(x)), ret_this();
  }
  throw std::invalid_argument("call_buffer_method: unsupported method " + std::string(sig));
}

void Call::write_back(std::string* changes) {
  *changes = store_state(r_, self_->id, self_->before, self_->state);
  for (auto& o : others_) {
    const std::string c = store_state(r_, o->id, o->before, o->state);
    if (!c.empty()) *changes += (changes->empty() ? "" : "; ") + name_of(r_.machine(), o->id) + ": " + c;
  }
}

std::string Call::bytes_text(bool zh) const {
  std::string out;
  auto add = [&](const Touched& t, const std::string& where) {
    const bool mapped = t.space == heap::SpaceId::kernel;  // a MappedByteBuffer: page-cache pages
    const std::string place = t.space == heap::SpaceId::native ? (zh ? "本地内存" : "native memory")
                              : mapped ? (zh ? "映射的页缓存页" : "the mapped page-cache page")
                                       : (zh ? where : "the " + where);
    if (t.written > 0)
      out += zh ? "；向" + place + " " + hex(t.first) + " 写入 " + std::to_string(t.written) + " 字节" +
                      (mapped ? "（CPU 存储，没有系统调用：该页变脏）" : "")
                : "; " + text::bytes(t.written) + " written to " + place + " at " + hex(t.first) +
                      (mapped ? " (a CPU store, no system call: the page is now dirty)" : "");
    else if (t.read > 0)
      out += zh ? "；从" + place + " " + hex(t.first) + " 读取 " + std::to_string(t.read) + " 字节"
                : "; " + text::bytes(t.read) + " read from " + place + " at " + hex(t.first);
  };
  add(*self_->touched, "byte[]");
  for (const auto& o : others_) add(*o->touched, "byte[]");
  for (const auto& a : arrays_) add(a.touched(), "byte[] argument");
  return out;
}

std::string internals_for(const BufferState& s, std::string_view sig) {
  const std::string cls = s.is_direct() ? "java.nio.DirectByteBuffer" : "java.nio.HeapByteBuffer";
  const std::string name(sig.substr(0, sig.find('(')));
  static constexpr std::string_view state_methods[] = {"flip",      "clear",       "rewind", "mark",
                                                       "reset",     "position",    "limit",  "capacity",
                                                       "remaining", "hasRemaining"};
  for (std::string_view n : state_methods)
    if (name == n) return "java.nio.Buffer." + name;
  const bool bulk = sig.find("[]") != std::string_view::npos ||
                    sig.find("ByteBuffer") != std::string_view::npos || name == "compact";
  if (bulk)
    return cls + "." + std::string(sig) +
           (s.is_direct()
                ? " -> SCOPED_MEMORY_ACCESS.copyMemory (Unsafe.copyMemory; up to 6 bytes: a byte loop)"
                : " -> System.arraycopy");
  if (name.rfind("get", 0) == 0 || name.rfind("put", 0) == 0)
    return cls + "." + std::string(sig) +
           (s.is_direct() ? " -> SCOPED_MEMORY_ACCESS at address + index; Reference.reachabilityFence(this)"
                          : " -> SCOPED_MEMORY_ACCESS on (hb, address + index): array-relative, safe if the "
                            "GC moves hb");
  return cls + "." + std::string(sig);
}

}  // namespace

bool supports_buffer_method(std::string_view signature) {
  if (signature == "asIntBuffer()" || signature == "asLongBuffer()") return true;
  return std::find(kSignatures.begin(), kSignatures.end(), signature) != kSignatures.end();
}

JValue call_buffer_method(NioRecorder& r, ObjectId buffer, std::string_view signature,
                          std::span<const JValue> args) {
  const NioMachine& m = r.machine();
  if (is_typed_view(m, buffer)) return call_view_method(r, buffer, signature, args);
  if (signature == "asIntBuffer()" || signature == "asLongBuffer()")
    return JRef{
        as_typed_view(r, buffer, signature == "asIntBuffer()" ? ViewElement::Int : ViewElement::Long)};
  if (!is_byte_buffer(m, buffer))
    throw std::invalid_argument("call_buffer_method: object #" + std::to_string(buffer) +
                                " is not a ByteBuffer");
  if (!supports_buffer_method(signature))
    throw std::invalid_argument("call_buffer_method: " + std::string(signature) + " is not simulated");
  const std::string who = name_of(m, buffer);

  const bool view = signature == "slice()" || signature == "slice(int,int)" || signature == "duplicate()" ||
                    signature == "asReadOnlyBuffer()";
  if (view) {
    BufferState s = load_state(m, buffer);
    VectorByteStore none;
    ByteBuffer b(s, none);
    BufferState v;
    std::string call(signature);
    try {
      if (signature == "slice(int,int)") {
        if (args.size() != 2) throw std::invalid_argument("slice(int,int) takes 2 arguments");
        const int index = static_cast<int>(integral(args[0])), length = static_cast<int>(integral(args[1]));
        call = "slice(" + std::to_string(index) + ", " + std::to_string(length) + ")";
        v = b.slice(index, length);
      } else {
        v = signature == "slice()"       ? b.slice()
            : signature == "duplicate()" ? b.duplicate()
                                         : b.as_read_only();
      }
    } catch (const JavaException& e) {
      r.begin_step(StepKind::buffer_op);
      r.narrate(who + "." + call + " throws " + e.throwable.to_string(),
                who + "." + call + " 抛出 " + e.throwable.to_string(), internals_for(s, signature));
      r.end_step();
      throw;
    }
    return JRef{new_view_object(r, buffer, v, call)};
  }

  Call call(r, buffer, args);
  r.begin_step(StepKind::buffer_op);
  r.touch(buffer);
  const BufferState before = call.self().before;
  JValue result;
  std::string changes;
  try {
    result = call.run(signature);
  } catch (const JavaException& e) {
    call.write_back(&changes);  // the JDK's operations are atomic on failure; nothing should have changed
    r.narrate(who + "." + std::string(signature) + " throws " + e.throwable.to_string() +
                  (changes.empty() ? "" : " (" + changes + ")") + ".",
              who + "." + std::string(signature) + " 抛出 " + e.throwable.to_string() + "。",
              internals_for(before, signature));
    r.end_step();
    throw;
  } catch (...) {
    r.end_step();
    throw;
  }
  call.write_back(&changes);
  if (r.recording()) {
    const std::string res =
        std::holds_alternative<std::monostate>(result) ||
                (std::holds_alternative<JRef>(result) && std::get<JRef>(result).id == buffer)
            ? std::string()
            : " returns " + value_text(m, result);
    const std::string res_zh = res.empty() ? std::string() : "，返回 " + value_text(m, result);
    r.narrate(who + "." + std::string(signature) + res + (changes.empty() ? "" : ": " + changes) +
                  call.bytes_text(false) + ".",
              who + "." + std::string(signature) + res_zh + (changes.empty() ? "" : "：" + changes) +
                  call.bytes_text(true) + "。",
              internals_for(before, signature));
  }
  r.end_step();
  return result;
}

}  // namespace heapviz::nio
