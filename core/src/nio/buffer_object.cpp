#include "heapviz/nio/buffer_object.hpp"

#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "heapviz/nio/nio_machine.hpp"

namespace heapviz::nio::detail {

using heap::ObjectId;
using heap::SpaceId;

namespace {
heap::KlassId read_only_klass(const NioMachine& m, const char* name, const char* super) {
  // Classes are only ever added to the shared table, so registering from a const Machine is safe.
  if (auto k = m.klasses->find(name)) return *k;
  return m.klasses->register_class(name, {}, super);
}
std::uint64_t addr_of(const NioMachine& m, ObjectId obj) { return m.heap.record(obj).addr; }
}  // namespace

heap::KlassId heap_read_only_klass(const NioMachine& m) {
  return read_only_klass(m, "java.nio.HeapByteBufferR", "java.nio.HeapByteBuffer");
}
heap::KlassId direct_read_only_klass(const NioMachine& m) {
  return read_only_klass(m, "java.nio.DirectByteBufferR", "java.nio.DirectByteBuffer");
}
bool is_direct_klass(const NioMachine& m, heap::KlassId k) {
  return k == heap::builtin::kDirectByteBuffer || m.klasses->at(k).name == "java.nio.DirectByteBufferR";
}
bool is_heap_buffer_klass(const NioMachine& m, heap::KlassId k) {
  return k == heap::builtin::kHeapByteBuffer || m.klasses->at(k).name == "java.nio.HeapByteBufferR";
}

std::int32_t read_i32(const NioMachine& m, ObjectId obj, std::uint32_t offset) {
  return static_cast<std::int32_t>(m.heap.space.read_u32(addr_of(m, obj) + offset));
}
std::int64_t read_i64(const NioMachine& m, ObjectId obj, std::uint32_t offset) {
  return static_cast<std::int64_t>(m.heap.space.read_u64(addr_of(m, obj) + offset));
}
bool read_bool(const NioMachine& m, ObjectId obj, std::uint32_t offset) {
  return m.heap.space.read_u8(addr_of(m, obj) + offset) != 0;
}
ObjectId read_ref(const NioMachine& m, ObjectId obj, std::uint32_t offset) {
  return heap::object_of_ref(m, m.heap.space.read_u32(addr_of(m, obj) + offset));
}

void write_i32(NioRecorder& r, ObjectId obj, std::uint32_t offset, std::int32_t v) {
  r.write_u32(SpaceId::java_heap, addr_of(r.machine(), obj) + offset, static_cast<std::uint32_t>(v));
}
void write_i64(NioRecorder& r, ObjectId obj, std::uint32_t offset, std::int64_t v) {
  r.write_u64(SpaceId::java_heap, addr_of(r.machine(), obj) + offset, static_cast<std::uint64_t>(v));
}
void write_bool(NioRecorder& r, ObjectId obj, std::uint32_t offset, bool v) {
  const std::uint8_t b = v ? 1 : 0;
  r.write_bytes(SpaceId::java_heap, addr_of(r.machine(), obj) + offset, std::span<const std::uint8_t>(&b, 1));
}
void write_ref(NioRecorder& r, ObjectId obj, std::uint32_t offset, ObjectId v) {
  const NioMachine& m = r.machine();
  const std::uint32_t narrow = v == heap::kNoObject ? 0 : heap::narrow_oop::encode(addr_of(m, v));
  r.write_u32(SpaceId::java_heap, addr_of(m, obj) + offset, narrow);
}

std::int64_t integral_arg(const JValue& v, const char* caller) {
  if (auto p = std::get_if<std::int32_t>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto p = std::get_if<std::int16_t>(&v)) return *p;
  if (auto p = std::get_if<std::int8_t>(&v)) return *p;
  if (auto p = std::get_if<char16_t>(&v)) return *p;
  throw std::invalid_argument(std::string(caller) + ": an integral argument was expected");
}

ObjectId direct_root(const NioMachine& m, ObjectId buffer) {
  const ObjectId att = read_ref(m, buffer, off::att);
  return att != heap::kNoObject ? att : buffer;
}

BufferState load_state(const NioMachine& m, ObjectId buffer) {
  const heap::KlassId k = m.heap.record(buffer).klass;
  BufferState s;
  s.mark = read_i32(m, buffer, off::mark);
  s.position = read_i32(m, buffer, off::position);
  s.limit = read_i32(m, buffer, off::limit);
  s.capacity = read_i32(m, buffer, off::capacity);
  s.read_only = read_bool(m, buffer, off::is_read_only);
  s.big_endian = read_bool(m, buffer, off::big_endian);
  s.native_byte_order = read_bool(m, buffer, off::native_byte_order);
  if (is_direct_klass(m, k)) {
    s.kind = BufferKind::Direct;
    const ObjectId root = direct_root(m, buffer);
    s.offset = static_cast<int>(read_i64(m, buffer, off::address) - read_i64(m, root, off::address));
  } else {
    s.kind = BufferKind::Heap;
    s.offset = read_i32(m, buffer, off::offset);
  }
  return s;
}

namespace {
std::string change(const char* name, long long a, long long b) {
  return std::string(name) + " " + std::to_string(a) + " \u2192 " + std::to_string(b);
}
}  // namespace

std::string store_state(NioRecorder& r, ObjectId buffer, const BufferState& before,
                        const BufferState& after) {
  std::string what;
  auto note = [&](std::string s) { what += (what.empty() ? "" : ", ") + s; };
  if (before.mark != after.mark) {
    write_i32(r, buffer, off::mark, after.mark);
    note(change("mark", before.mark, after.mark));
  }
  if (before.position != after.position) {
    write_i32(r, buffer, off::position, after.position);
    note(change("position", before.position, after.position));
  }
  if (before.limit != after.limit) {
    write_i32(r, buffer, off::limit, after.limit);
    note(change("limit", before.limit, after.limit));
  }
  if (before.big_endian != after.big_endian) {
    write_bool(r, buffer, off::big_endian, after.big_endian);
    note(std::string("bigEndian ") + (after.big_endian ? "true" : "false"));
  }
  if (before.native_byte_order != after.native_byte_order) {
    write_bool(r, buffer, off::native_byte_order, after.native_byte_order);
    note(std::string("nativeByteOrder ") + (after.native_byte_order ? "true" : "false"));
  }
  return what;
}

void init_fields(NioRecorder& r, ObjectId buffer, const BufferState& s, ObjectId hb_or_att,
                 std::int64_t root_address) {
  write_i32(r, buffer, off::mark, s.mark);
  write_i32(r, buffer, off::position, s.position);
  write_i32(r, buffer, off::limit, s.limit);
  write_i32(r, buffer, off::capacity, s.capacity);
  write_bool(r, buffer, off::is_read_only, s.read_only);
  write_bool(r, buffer, off::big_endian, s.big_endian);
  write_bool(r, buffer, off::native_byte_order, s.native_byte_order);
  if (s.is_direct()) {
    write_i64(r, buffer, off::address, root_address + s.offset);
    write_ref(r, buffer, off::att, hb_or_att);
  } else {
    write_i64(r, buffer, off::address, kArrayBaseOffset + s.offset);
    write_i32(r, buffer, off::offset, s.offset);
    write_ref(r, buffer, off::hb, hb_or_att);
  }
}

// ---------------------------------------------------------------- stores

HeapArrayStore::HeapArrayStore(NioRecorder& r, ObjectId array) : r_(r), array_(array) {
  const NioMachine& m = r.machine();
  if (!m.heap.is_live(array) || m.heap.record(array).klass != heap::builtin::kByteArray)
    throw std::invalid_argument("object #" + std::to_string(array) + " is not a live byte[]");
}

std::int64_t HeapArrayStore::size() const {
  const NioMachine& m = r_.machine();
  return m.heap.array_length(m.heap.record(array_).addr);
}

std::uint64_t HeapArrayStore::element(std::int64_t index) const {
  return r_.machine().heap.record(array_).addr + heap::layout::kArrayHeader +
         static_cast<std::uint64_t>(index);
}

void HeapArrayStore::read(std::int64_t index, std::span<std::byte> out) {
  if (out.empty()) return;
  r_.machine().heap.space.read(element(index), out.data(), out.size());
  if (touched_.read + touched_.written == 0) touched_.first = element(index);
  touched_.read += out.size();
}

void HeapArrayStore::write(std::int64_t index, std::span<const std::byte> in) {
  if (in.empty()) return;
  const std::uint64_t a = element(index);
  r_.write_bytes(SpaceId::java_heap, a,
                 std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(in.data()), in.size()));
  if (r_.recording()) r_.touch_range(ByteRange{SpaceId::java_heap, a, a, in.size()});
  if (touched_.written == 0) touched_.first = a;
  touched_.written += in.size();
}

void RecordedNativeStore::read(std::int64_t index, std::span<std::byte> out) {
  if (out.empty()) return;
  r_.machine().native.read(address_ + static_cast<std::uint64_t>(index), out);
  if (touched_.read + touched_.written == 0) touched_.first = address_ + static_cast<std::uint64_t>(index);
  touched_.read += out.size();
}

void RecordedNativeStore::write(std::int64_t index, std::span<const std::byte> in) {
  if (in.empty()) return;
  const std::uint64_t a = address_ + static_cast<std::uint64_t>(index);
  r_.write_bytes(SpaceId::native, a,
                 std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(in.data()), in.size()));
  if (r_.recording()) r_.touch_range(ByteRange{SpaceId::native, a, a, in.size()});
  if (touched_.written == 0) touched_.first = a;
  touched_.written += in.size();
}

// ---------------------------------------------------------------- roots inside a step

namespace {
void set_root_in_step(NioRecorder& r, heap::RootKind kind, std::string_view scope, std::string_view name,
                      ObjectId id) {
  const NioMachine& m = r.machine();
  std::optional<std::uint32_t> slot = m.roots.find(kind, scope, name);
  if (!slot) {
    slot = m.roots.slot_for_new(kind, scope, name);
    std::string both = std::string(scope) + '\0' + std::string(name);
    r.apply(Effect{EffectKind::root_define, SpaceId::java_heap, static_cast<std::uint16_t>(kind), *slot, 0,
                   both.size(), 0},
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(both.data()), both.size()));
  }
  const std::uint32_t v = id == heap::kNoObject ? 0 : heap::narrow_oop::encode(addr_of(m, id));
  r.apply(Effect{EffectKind::root_set, SpaceId::java_heap, 0, *slot, v, 0, 0});
}
}  // namespace

void hold(NioRecorder& r, std::string_view scope, std::string_view name, ObjectId id) {
  set_root_in_step(r, heap::RootKind::local, scope, name, id);
}

void release(NioRecorder& r, std::string_view scope) {
  const NioMachine& m = r.machine();
  for (std::uint32_t i = 0; i < m.roots.slots.size(); ++i) {
    const heap::Root& root = m.roots.slots[i];
    if (root.active && root.kind == heap::RootKind::local && root.scope == scope)
      r.apply(Effect{EffectKind::root_deactivate, SpaceId::java_heap, 0, i, 0, 0, 0});
  }
}

void set_system_root(NioRecorder& r, std::string_view scope, std::string_view name, ObjectId id) {
  set_root_in_step(r, heap::RootKind::system, scope, name, id);
}

void link_new_cleaner(NioRecorder& r, ObjectId cleaner, ObjectId referent, ObjectId thunk) {
  const NioMachine& m = r.machine();
  const auto first_slot = m.roots.find(heap::RootKind::system, kCleanerScope, "first");
  const ObjectId first =
      first_slot ? heap::object_of_ref(m, m.roots.slots[*first_slot].value) : heap::kNoObject;
  write_ref(r, cleaner, off::cleaner_referent, referent);
  write_ref(r, cleaner, off::cleaner_thunk, thunk);
  if (first != heap::kNoObject) {
    write_ref(r, cleaner, off::cleaner_next, first);
    write_ref(r, first, off::cleaner_prev, cleaner);
  }
  set_system_root(r, kCleanerScope, "first", cleaner);
  write_ref(r, referent, off::cleaner, cleaner);
}

heap::ObjectId mapped_fd(const NioMachine& m, heap::ObjectId buffer) {
  if (!m.heap.is_live(buffer) || !is_direct_klass(m, m.heap.record(buffer).klass)) return heap::kNoObject;
  return read_ref(m, direct_root(m, buffer), off::fd);
}

}  // namespace heapviz::nio::detail
