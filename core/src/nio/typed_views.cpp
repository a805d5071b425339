// IntBuffer/LongBuffer views of ByteBuffers (see typed_views.hpp). The Buffer-level state methods
// (flip, position(int), mark, ...) run on nio::ByteBuffer over a copy of the view's fields: Buffer's code
// is the same for every element type; element reads and writes go to the ByteBuffer's bytes.
#include "heapviz/nio/typed_views.hpp"

#include <string>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/byte_buffer.hpp"
#include "heapviz/nio/machine_buffers.hpp"
#include "heapviz/nio/nio_machine.hpp"
#include "java_nio_exceptions.hpp"

namespace heapviz::nio {

using namespace detail;
using heap::ObjectId;

namespace {

constexpr std::string_view kPrefixHeap = "java.nio.ByteBufferAs";
constexpr std::string_view kPrefixDirect = "java.nio.Direct";

heap::KlassId ensure_class(const NioMachine& m, const std::string& name,
                           const std::vector<heap::FieldDecl>& f, std::string_view super) {
  // Classes are only ever added to the shared table, so registering from a const Machine is safe.
  if (auto k = m.klasses->find(name)) return *k;
  return m.klasses->register_class(name, f, super);
}

const char* element_name(ViewElement e) { return e == ViewElement::Int ? "Int" : "Long"; }
int width(ViewElement e) { return e == ViewElement::Int ? 4 : 8; }

/// The class of a view: ByteBufferAs{Int,Long}Buffer[R]{B,L} or Direct{Int,Long}Buffer[R]{S,U}
/// (S: swapped, i.e. not the native little-endian order).
heap::KlassId view_klass(const NioMachine& m, ViewElement e, bool direct, bool big_endian, bool read_only) {
  using heap::FieldType;
  ensure_class(m, "java.nio.Buffer",
               {{"mark", FieldType::int_, ""},
                {"position", FieldType::int_, ""},
                {"limit", FieldType::int_, ""},
                {"capacity", FieldType::int_, ""},
                {"address", FieldType::long_, ""},
                {"segment", FieldType::reference, "MemorySegmentProxy"}},
               "java.lang.Object");
  const std::string typed = std::string("java.nio.") + element_name(e) + "Buffer";
  ensure_class(m, typed,
               {{"hb", FieldType::reference, e == ViewElement::Int ? "int[]" : "long[]"},
                {"offset", FieldType::int_, ""},
                {"isReadOnly", FieldType::boolean_, ""}},
               "java.nio.Buffer");
  const std::string ro = read_only ? "R" : "";
  const std::string name =
      direct ? std::string(kPrefixDirect) + element_name(e) + "Buffer" + ro + (big_endian ? "S" : "U")
             : std::string(kPrefixHeap) + element_name(e) + "Buffer" + ro + (big_endian ? "B" : "L");
  return ensure_class(m, name,
                      {direct ? heap::FieldDecl{"att", FieldType::reference, "Object"}
                              : heap::FieldDecl{"bb", FieldType::reference, "ByteBuffer"}},
                      typed);
}

// A view's fields, loaded from its object.
struct View {
  ObjectId id = heap::kNoObject;
  ViewElement element = ViewElement::Int;
  bool direct = false, big_endian = true, read_only = false;
  BufferState state;  // mark, position, limit, capacity (in elements)
  std::int64_t address = 0;
  ObjectId base = heap::kNoObject;  // bb (heap) or att (direct root)
};

bool parse_class(std::string_view n, View* v) {
  bool direct = false;
  if (n.rfind(kPrefixHeap, 0) == 0) {
    n.remove_prefix(kPrefixHeap.size());
  } else if (n.rfind(kPrefixDirect, 0) == 0) {
    n.remove_prefix(kPrefixDirect.size());
    direct = true;
  } else {
    return false;
  }
  ViewElement e;
  if (n.rfind("IntBuffer", 0) == 0) {
    e = ViewElement::Int;
    n.remove_prefix(9);
  } else if (n.rfind("LongBuffer", 0) == 0) {
    e = ViewElement::Long;
    n.remove_prefix(10);
  } else {
    return false;
  }
  const bool ro = !n.empty() && n.front() == 'R';
  if (ro) n.remove_prefix(1);
  if (n.size() != 1) return false;
  const char order = n.front();
  if (direct ? order != 'S' && order != 'U' : order != 'B' && order != 'L') return false;
  if (v != nullptr) {
    v->element = e;
    v->direct = direct;
    v->read_only = ro;
    v->big_endian = order == 'S' || order == 'B';
  }
  return true;
}

View load(const NioMachine& m, ObjectId id) {
  View v;
  v.id = id;
  parse_class(m.klasses->at(m.heap.record(id).klass).name, &v);
  v.state.mark = read_i32(m, id, view_off::mark);
  v.state.position = read_i32(m, id, view_off::position);
  v.state.limit = read_i32(m, id, view_off::limit);
  v.state.capacity = read_i32(m, id, view_off::capacity);
  v.state.read_only = v.read_only;
  v.state.kind = v.direct ? BufferKind::Direct : BufferKind::Heap;
  v.address = read_i64(m, id, view_off::address);
  v.base = read_ref(m, id, view_off::bb_or_att);
  return v;
}

std::string class_name(const NioMachine& m, ObjectId id) {
  return m.klasses->at(m.heap.record(id).klass).name;
}

std::string state_text(const BufferState& s) {
  return "position " + std::to_string(s.position) + ", limit " + std::to_string(s.limit) + ", capacity " +
         std::to_string(s.capacity);
}

/// A new view object with `s` (mark, position, limit, capacity), `address` and `base` (bb or att); one
/// buffer_op step that writes its fields. `base` must be reachable (the caller holds it).
ObjectId new_view(NioRecorder& r, const View& shape, const BufferState& s, std::int64_t address,
                  const std::string& call, const std::string& source_name) {
  const NioMachine& m = r.machine();
  const heap::KlassId k = view_klass(m, shape.element, shape.direct, shape.big_endian, shape.read_only);
  const ObjectId self = heap::new_instance(r, k);
  r.begin_step(StepKind::buffer_op);
  write_i32(r, self, view_off::mark, s.mark);
  write_i32(r, self, view_off::position, s.position);
  write_i32(r, self, view_off::limit, s.limit);
  write_i32(r, self, view_off::capacity, s.capacity);
  write_i64(r, self, view_off::address, address);
  write_bool(r, self, view_off::is_read_only, shape.read_only);
  write_ref(r, self, view_off::bb_or_att, shape.base);
  if (r.recording()) {
    r.touch(self);
    r.touch(shape.base);
    const std::string v = name_of(m, self), base = name_of(m, shape.base);
    const std::string order = shape.big_endian ? "BIG_ENDIAN" : "LITTLE_ENDIAN";
    const int w = width(shape.element);
    if (shape.direct)
      r.narrate(v + " = " + source_name + "." + call + ": a " + class_name(m, self) + " of " +
                    std::to_string(s.capacity) + " " + (w == 4 ? "int" : "long") +
                    "s on the same native memory, "
                    "address = " +
                    hex(static_cast<std::uint64_t>(address)) + ", " + state_text(s) + ", " + order +
                    ". att = " + base +
                    ": while the view is reachable, so is the DirectByteBuffer, and its "
                    "Cleaner cannot run.",
                v + " = " + source_name + "." + call + "：同一块本地内存上的 " + class_name(m, self) +
                    "，address = " + hex(static_cast<std::uint64_t>(address)) + "，" + state_text(s) + "，" +
                    order + "。att = " + base +
                    "：只要视图可达，DirectByteBuffer 就可达，它的 Cleaner 不会运行。",
                "java.nio.DirectByteBuffer.as" + std::string(element_name(shape.element)) + "Buffer -> new " +
                    class_name(m, self) +
                    "(this, -1, 0, size, size, off, segment): att = "
                    "(db.attachment() == null ? db : db.attachment())");
    else
      r.narrate(
          v + " = " + source_name + "." + call + ": a " + class_name(m, self) + " of " +
              std::to_string(s.capacity) + " " + (w == 4 ? "int" : "long") + "s over the bytes of " + base +
              " (bb), address " + std::to_string(address) + " (array-relative), " + state_text(s) + ", " +
              order + ". It has no array of its own: every element is " + text::bytes(w) + " of the byte[].",
          v + " = " + source_name + "." + call + "：基于 " + base + "（bb）字节的 " + class_name(m, self) +
              "，address " + std::to_string(address) + "（相对数组），" + state_text(s) + "，" + order +
              "。它没有自己的数组：每个元素是 byte[] 中的 " + std::to_string(w) + " 个字节。",
          "java.nio.HeapByteBuffer.as" + std::string(element_name(shape.element)) + "Buffer -> new " +
              class_name(m, self) + "(this, -1, 0, size, size, address + pos, segment)");
  }
  r.end_step();
  return self;
}

// The bytes a view's elements live in, and where element 0 of the store is relative to `address`.
struct Storage {
  std::unique_ptr<ByteStore> store;
  const Touched* touched = nullptr;
  std::int64_t base_address = 0;  // the `address` value of store byte 0
};

Storage storage_of(NioRecorder& r, const View& v) {
  const NioMachine& m = r.machine();
  Storage s;
  if (v.direct) {
    const ObjectId root = v.base;
    const auto addr = static_cast<std::uint64_t>(read_i64(m, root, off::address));
    const std::int32_t cap = read_i32(m, root, off::capacity);
    s.base_address = static_cast<std::int64_t>(addr);
    if (mapped_fd(m, root) != heap::kNoObject) {
      auto st = r.mapped_store(addr, cap);
      s.touched = &st->touched();
      s.store = std::move(st);
    } else {
      auto st = std::make_unique<RecordedNativeStore>(r, addr, cap);
      s.touched = &st->touched();
      s.store = std::move(st);
    }
  } else {
    auto st = std::make_unique<HeapArrayStore>(r, read_ref(m, v.base, off::hb));
    s.touched = &st->touched();
    s.store = std::move(st);
    s.base_address = kArrayBaseOffset;
  }
  return s;
}

std::int64_t integral(const JValue& v) { return integral_arg(v, "call_view_method"); }

constexpr std::string_view kCommon[] = {
    "flip()",        "clear()",      "rewind()",   "mark()",     "reset()",       "position()",
    "position(int)", "limit()",      "limit(int)", "capacity()", "remaining()",   "hasRemaining()",
    "isDirect()",    "isReadOnly()", "hasArray()", "array()",    "arrayOffset()", "order()",
    "toString()",    "get()",        "get(int)",   "slice()",    "duplicate()",   "asReadOnlyBuffer()"};

class ViewCall {
 public:
  ViewCall(NioRecorder& r, ObjectId id) : r_(r), v_(load(r.machine(), id)), before_(v_.state) {}
  JValue run(std::string_view sig, std::span<const JValue> args);
  std::string write_back();
  std::string bytes_text() const {
    if (!storage_ || storage_->touched == nullptr) return "";
    const Touched& t = *storage_->touched;
    const std::string place =
        v_.direct ? "native memory" : "the byte[] " + name_of(r_.machine(), byte_array());
    if (t.written > 0) return "; " + text::bytes(t.written) + " written to " + place + " at " + hex(t.first);
    if (t.read > 0) return "; " + text::bytes(t.read) + " read from " + place + " at " + hex(t.first);
    return "";
  }
  const View& view() const { return v_; }

 private:
  ObjectId byte_array() const { return read_ref(r_.machine(), v_.base, off::hb); }
  Storage& storage() {
    if (!storage_) storage_ = storage_of(r_, v_);
    return *storage_;
  }
  std::int64_t byte_index(int i) {
    return v_.address - storage().base_address + static_cast<std::int64_t>(i) * width(v_.element);
  }
  JValue get_at(int i);
  void put_at(int i, std::int64_t x);
  JValue ret_this() const { return JRef{v_.id}; }

  NioRecorder& r_;
  View v_;
  BufferState before_;
  std::optional<Storage> storage_;
};

JValue ViewCall::get_at(int i) {
  const int w = width(v_.element);
  std::byte b[8];
  storage().store->read(byte_index(i), std::span<std::byte>(b, static_cast<std::size_t>(w)));
  std::uint64_t bits = 0;
  for (int k = 0; k < w; ++k) {
    const auto byte =
        static_cast<std::uint64_t>(std::to_integer<std::uint8_t>(b[v_.big_endian ? k : w - 1 - k]));
    bits = (bits << 8) | byte;
  }
  if (v_.element == ViewElement::Int) return static_cast<std::int32_t>(static_cast<std::uint32_t>(bits));
  return static_cast<std::int64_t>(bits);
}

void ViewCall::put_at(int i, std::int64_t x) {
  const int w = width(v_.element);
  std::byte b[8];
  auto bits = static_cast<std::uint64_t>(x);
  for (int k = 0; k < w; ++k) {
    const int slot = v_.big_endian ? w - 1 - k : k;
    b[slot] = static_cast<std::byte>(bits & 0xff);
    bits >>= 8;
  }
  storage().store->write(byte_index(i), std::span<const std::byte>(b, static_cast<std::size_t>(w)));
}

JValue ViewCall::run(std::string_view sig, std::span<const JValue> args) {
  VectorByteStore none;
  ByteBuffer b(v_.state, none);  // Buffer's state methods only: no bytes are touched through it
  BufferState& s = v_.state;
  auto arg = [&](std::size_t k) {
    if (k >= args.size())
      throw std::invalid_argument("call_view_method: " + std::string(sig) + ": too few arguments");
    return integral(args[k]);
  };
  if (sig == "flip()") return b.flip(), ret_this();
  if (sig == "clear()") return b.clear(), ret_this();
  if (sig == "rewind()") return b.rewind(), ret_this();
  if (sig == "mark()") return b.mark(), ret_this();
  if (sig == "reset()") return b.reset(), ret_this();
  if (sig == "position()") return std::int32_t{s.position};
  if (sig == "position(int)") return b.position(static_cast<int>(arg(0))), ret_this();
  if (sig == "limit()") return std::int32_t{s.limit};
  if (sig == "limit(int)") return b.limit(static_cast<int>(arg(0))), ret_this();
  if (sig == "capacity()") return std::int32_t{s.capacity};
  if (sig == "remaining()") return std::int32_t{s.remaining()};
  if (sig == "hasRemaining()") return s.position < s.limit;
  if (sig == "isDirect()") return v_.direct;
  if (sig == "isReadOnly()") return v_.read_only;
  if (sig == "hasArray()") return false;                                // hb is null in every view
  if (sig == "array()" || sig == "arrayOffset()") throw_unsupported();  // hb == null comes first
  if (sig == "order()") return JEnum{v_.big_endian ? "ByteOrder.BIG_ENDIAN" : "ByteOrder.LITTLE_ENDIAN"};
  if (sig == "toString()")
    return class_name(r_.machine(), v_.id) + "[pos=" + std::to_string(s.position) +
           " lim=" + std::to_string(s.limit) + " cap=" + std::to_string(s.capacity) + "]";
  if (sig == "get()") {
    if (s.position >= s.limit) throw_underflow();
    return get_at(s.position++);
  }
  if (sig == "get(int)") {
    const int i = static_cast<int>(arg(0));
    if (i < 0 || i >= s.limit) throw_index_out_of_bounds();
    return get_at(i);
  }
  const bool put_rel = sig == "put(int)" ? v_.element == ViewElement::Int : sig == "put(long)";
  const bool put_abs = sig == "put(int,int)" ? v_.element == ViewElement::Int : sig == "put(int,long)";
  if (put_rel) {
    if (v_.read_only) throw_read_only();
    if (s.position >= s.limit) throw_overflow();
    put_at(s.position++, arg(0));
    return ret_this();
  }
  if (put_abs) {
    if (v_.read_only) throw_read_only();
    const int i = static_cast<int>(arg(0));
    if (i < 0 || i >= s.limit) throw_index_out_of_bounds();
    put_at(i, arg(1));
    return ret_this();
  }
  throw std::invalid_argument("call_view_method: unsupported method " + std::string(sig));
}

std::string ViewCall::write_back() {
  std::string what;
  auto note = [&](const char* name, std::uint32_t offset, int a, int b) {
    if (a == b) return;
    write_i32(r_, v_.id, offset, b);
    what += (what.empty() ? "" : ", ") + std::string(name) + " " + std::to_string(a) + " \u2192 " +
            std::to_string(b);
  };
  note("mark", view_off::mark, before_.mark, v_.state.mark);
  note("position", view_off::position, before_.position, v_.state.position);
  note("limit", view_off::limit, before_.limit, v_.state.limit);
  before_ = v_.state;
  return what;
}

std::string value_text(const NioMachine& m, const JValue& v) {
  if (auto p = std::get_if<std::int32_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<bool>(&v)) return *p ? "true" : "false";
  if (auto p = std::get_if<std::string>(&v)) return "\"" + *p + "\"";
  if (auto p = std::get_if<JEnum>(&v)) return p->name;
  if (auto p = std::get_if<JRef>(&v)) return p->id == heap::kNoObject ? "null" : name_of(m, p->id);
  return "";
}

}  // namespace

bool is_typed_view(const NioMachine& m, ObjectId obj) {
  if (!m.heap.is_live(obj)) return false;
  return parse_class(m.klasses->at(m.heap.record(obj).klass).name, nullptr);
}

ViewElement view_element(const NioMachine& m, ObjectId view) { return load(m, view).element; }

bool supports_view_method(ViewElement element, std::string_view sig) {
  for (std::string_view s : kCommon)
    if (s == sig) return true;
  if (element == ViewElement::Int) return sig == "put(int)" || sig == "put(int,int)";
  return sig == "put(long)" || sig == "put(int,long)";
}

ObjectId as_typed_view(NioRecorder& r, ObjectId bb, ViewElement element) {
  const NioMachine& m = r.machine();
  if (!is_byte_buffer(m, bb)) throw std::invalid_argument("as_typed_view: not a ByteBuffer");
  const BufferState s = load_state(m, bb);
  View shape;
  shape.element = element;
  shape.direct = s.is_direct();
  shape.big_endian = s.big_endian;
  shape.read_only = s.read_only;
  shape.base = shape.direct ? direct_root(m, bb) : bb;
  const int size = s.remaining() / width(element);
  BufferState v;
  v.mark = -1;
  v.position = 0;
  v.limit = v.capacity = size;
  // HeapByteBuffer: address + pos (array-relative); DirectByteBuffer: ((Buffer) db).address + pos.
  const std::int64_t address = read_i64(m, bb, off::address) + s.position;
  const std::string call = std::string("as") + element_name(element) + "Buffer()";
  return new_view(r, shape, v, address, call, name_of(m, bb));
}

JValue call_view_method(NioRecorder& r, ObjectId view, std::string_view signature,
                        std::span<const JValue> args) {
  const NioMachine& m = r.machine();
  if (!is_typed_view(m, view))
    throw std::invalid_argument("call_view_method: not an IntBuffer/LongBuffer view");
  const std::string who = name_of(m, view);
  ViewCall call(r, view);
  const View& v = call.view();
  if (!supports_view_method(v.element, signature))
    throw std::invalid_argument("call_view_method: " + std::string(signature) + " is not simulated");
  const std::string internals = class_name(m, view) + "." + std::string(signature);
  if (signature == "slice()" || signature == "duplicate()" || signature == "asReadOnlyBuffer()") {
    const BufferState& s = v.state;
    View shape = v;
    BufferState n = s;
    std::int64_t address = v.address;
    if (signature == "slice()") {
      n.mark = -1;
      n.position = 0;
      n.limit = n.capacity = s.remaining();
      address = v.address + static_cast<std::int64_t>(s.position) * width(v.element);
    }
    if (signature == "asReadOnlyBuffer()") shape.read_only = true;
    return JRef{new_view(r, shape, n, address, std::string(signature), who)};
  }
  r.begin_step(StepKind::buffer_op);
  r.touch(view);
  JValue result;
  try {
    result = call.run(signature, args);
  } catch (const JavaException& e) {
    r.narrate(who + "." + std::string(signature) + " throws " + e.throwable.to_string() + ".",
              who + "." + std::string(signature) + " 抛出 " + e.throwable.to_string() + "。", internals);
    r.end_step();
    throw;
  } catch (...) {
    r.end_step();
    throw;
  }
  const std::string changes = call.write_back();
  if (r.recording()) {
    const bool self = std::holds_alternative<JRef>(result) && std::get<JRef>(result).id == view;
    const std::string res = self || std::holds_alternative<std::monostate>(result)
                                ? std::string()
                                : " returns " + value_text(m, result);
    r.narrate(who + "." + std::string(signature) + res + (changes.empty() ? "" : ": " + changes) +
                  call.bytes_text() + ".",
              who + "." + std::string(signature) + res + (changes.empty() ? "" : "：" + changes) + "。",
              internals);
  }
  r.end_step();
  return result;
}

}  // namespace heapviz::nio
