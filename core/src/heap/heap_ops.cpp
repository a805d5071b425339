#include "heapviz/heap/heap_ops.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "gc_common.hpp"
#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/java_throwable.hpp"

namespace heapviz::heap {

using detail::hex;

namespace {
// The longest array HotSpot allocates on 64-bit (longer ones: "Requested array size exceeds VM limit").
constexpr std::uint64_t kMaxArrayLength = 0x7fffffffull - 2;

const Klass& live_klass(const HeapMachine& m, ObjectId id) {
  if (!m.heap.is_live(id))
    throw std::invalid_argument("object #" + std::to_string(id) + " is not a live object");
  return m.klasses->at(m.heap.record(id).klass);
}

// Where an object of `size` bytes would go, without changing anything: the bump pointer
// (mark-compact) or the first free chunk that fits, leaving either nothing or a usable chunk.
std::optional<std::uint64_t> find_space(const JavaHeap& h, const HeapSettings& s, std::uint64_t size) {
  if (s.collector == Collector::mark_compact) {
    if (size <= h.end() - h.top) return h.top;
    return std::nullopt;
  }
  for (const auto& [addr, len] : h.free_chunks)
    if (len == size || len >= size + layout::kMinObjectSize) return addr;
  return std::nullopt;
}

std::uint64_t total_free(const JavaHeap& h, const HeapSettings& s) {
  if (s.collector == Collector::mark_compact) return h.end() - h.top;
  std::uint64_t n = 0;
  for (const auto& [a, len] : h.free_chunks) n += len;
  return n;
}

std::uint64_t largest_free_chunk(const JavaHeap& h, const HeapSettings& s) {
  if (s.collector == Collector::mark_compact) return h.end() - h.top;
  std::uint64_t n = 0;
  for (const auto& [a, len] : h.free_chunks) n = std::max(n, len);
  return n;
}

[[noreturn]] void throw_oom(HeapRecorder& r, const std::string& what, std::uint64_t size) {
  const HeapMachine& m = r.machine();
  const bool fragmented = total_free(m.heap, m.heap_settings) >= size;
  r.begin_step(StepKind::oom);
  if (r.recording()) {
    const std::string head =
        "java.lang.OutOfMemoryError: Java heap space. " + what + " needs " + text::bytes(size);
    const std::string head_zh =
        "java.lang.OutOfMemoryError: Java heap space。" + what + " 需要 " + std::to_string(size) + " 字节";
    std::string en = head + " and the heap cannot provide them even after a full GC.";
    std::string zh = head_zh + "，完整 GC 之后堆仍然放不下。";
    if (fragmented) {
      // Short enough for the presentation layout's caption bar at 720p.
      const std::string free = std::to_string(total_free(m.heap, m.heap_settings));
      const std::uint64_t largest_bytes = largest_free_chunk(m.heap, m.heap_settings);
      const std::string largest = std::to_string(largest_bytes);
      en = head + "; after the full GC " + free + " bytes are free, but the largest free chunk is only " +
           text::bytes(static_cast<std::int64_t>(largest_bytes)) +
           ". This is fragmentation: the free space lies in holes between live objects. (Real CMS "
           "would now "
           "fall back to a compacting full GC.)";
      zh = head_zh + "；完整 GC 之后空闲 " + free + " 字节，但最大的连续空闲块只有 " + largest +
           " 字节：空闲空间是夹在存活对象之间的空洞。这就是碎片。（真实的 CMS 此时会退回到整理式的 Full "
           "GC。）";
    }
    r.narrate(std::move(en), std::move(zh),
              "MemAllocator::allocate -> MemAllocator::Allocation::check_out_of_memory");
  }
  r.end_step();
  throw JavaException{JavaThrowable{"java.lang.OutOfMemoryError", "Java heap space"}};
}

ObjectId allocate(HeapRecorder& r, KlassId k, std::uint64_t length /* ~0: instance */) {
  const HeapMachine& m = r.machine();
  const Klass& kl = m.klasses->at(k);
  const bool is_array = length != ~std::uint64_t{0};
  if (is_array != kl.is_array())
    throw std::invalid_argument("allocate: " + kl.name +
                                (is_array ? " is not an array class" : " is an array class"));
  // HotSpot refuses an array longer than max_jint - 2 before it looks for space (no GC): with a 16-byte
  // header such a length could not be addressed in words (arrayOopDesc::max_array_length).
  if (is_array && length > kMaxArrayLength) {
    r.begin_step(StepKind::oom);
    if (r.recording())
      r.narrate("new " + kl.name.substr(0, kl.name.size() - 2) + "[" + std::to_string(length) +
                    "]: longer than the VM allows (Integer.MAX_VALUE - 2), so OutOfMemoryError: Requested "
                    "array size exceeds VM limit, without a GC.",
                "new " + kl.name.substr(0, kl.name.size() - 2) + "[" + std::to_string(length) +
                    "]：超过虚拟机允许的长度（Integer.MAX_VALUE - 2），直接抛出 OutOfMemoryError: Requested "
                    "array size exceeds VM limit，不做 GC。",
                "TypeArrayKlass::allocate_common -> check_array_allocation_length");
    r.end_step();
    throw JavaException{JavaThrowable{"java.lang.OutOfMemoryError", "Requested array size exceeds VM limit"}};
  }
  const std::uint64_t size = is_array ? layout::array_size(length, kl.elem_size) : kl.instance_size;
  std::string what;  // only built when narrated
  if (r.recording())
    what = is_array ? "new " + kl.name.substr(0, kl.name.size() - 2) + "[" + std::to_string(length) + "]"
                    : "new " + kl.name + "()";
  std::optional<std::uint64_t> addr = find_space(m.heap, m.heap_settings, size);
  if (!addr) {
    r.begin_step(StepKind::alloc_failed);
    if (r.recording())
      r.narrate(what + " needs " + text::bytes(size) + " but only " +
                    std::to_string(total_free(m.heap, m.heap_settings)) + " are free" +
                    (m.heap_settings.collector == Collector::mark_sweep ? " (in pieces)" : "") +
                    ": the allocation fails and triggers a full GC.",
                what + " 需要 " + std::to_string(size) + " 字节，空闲只有 " +
                    std::to_string(total_free(m.heap, m.heap_settings)) +
                    " 字节：分配失败，触发一次完整 GC。",
                "MemAllocator::allocate -> GenCollectedHeap::satisfy_failed_allocation");
    r.end_step();
    collect(r, GcCause::allocation_failure);
    addr = find_space(m.heap, m.heap_settings, size);
    if (!addr && m.heap_settings.collector == Collector::mark_compact) {
      // GenCollectedHeap::satisfy_failed_allocation: "try every trick in the book" -- one more full
      // GC with MarkSweepAlwaysCompactCount=1, so dead wood cannot stand in the way.
      r.begin_step(StepKind::alloc_failed);
      if (r.recording())
        r.narrate(what +
                      " still does not fit. Before giving up, HotSpot runs one more full GC that compacts "
                      "everything "
                      "(no dead wood).",
                  what + " 仍然放不下。放弃之前，HotSpot 再做一次完全整理的 Full GC（不留死木）。",
                  "GenCollectedHeap::satisfy_failed_allocation (MarkSweepAlwaysCompactCount=1, "
                  "clear_all_soft_refs)");
      r.end_step();
      collect(r, GcCause::allocation_failure, /*last_ditch=*/true);
      addr = find_space(m.heap, m.heap_settings, size);
    }
    if (!addr) throw_oom(r, what, size);
  }
  const ObjectId id = m.heap.next_id();
  r.begin_step(StepKind::alloc);
  r.apply(Effect{EffectKind::object_alloc, SpaceId::java_heap, k, id, *addr, size, length});
  if (m.heap_settings.collector == Collector::mark_compact) {
    r.apply(Effect{EffectKind::heap_top, SpaceId::java_heap, 0, 0, *addr + size, 0, 0});
  } else {
    const std::uint64_t chunk = m.heap.free_chunks.at(*addr);
    r.apply(Effect{EffectKind::free_chunk, SpaceId::java_heap, 0, 0, *addr, 0, 0});
    if (chunk > size)
      r.apply(Effect{EffectKind::free_chunk, SpaceId::java_heap, 0, 0, *addr + size, chunk - size, 0});
  }
  r.add_counter(HeapCounter::objects_allocated, 1);
  r.add_counter(HeapCounter::bytes_allocated, static_cast<std::int64_t>(size));
  if (r.recording()) {
    r.touch(id);
    r.touch_range(ByteRange{SpaceId::java_heap, *addr, *addr, size});
    const std::string d = describe(m, id);
    const bool bump = m.heap_settings.collector == Collector::mark_compact;
    r.narrate(what + " -> " + d + ": " + text::bytes(size) + " at " + hex(*addr) +
                  (bump ? " (bump pointer: top moves up)" : " (taken from a free chunk)") +
                  ". Header: mark word 0x1, narrow klass " + hex(kl.narrow_klass) +
                  (is_array ? ", length " + std::to_string(length) : "") + "; fields zeroed.",
              what + " -> " + d + "：在 " + hex(*addr) + " 分配 " + std::to_string(size) + " 字节" +
                  (bump ? "（指针碰撞：top 上移）" : "（从空闲块中切出）") +
                  "。对象头：mark word 0x1，压缩类指针 " + hex(kl.narrow_klass) +
                  (is_array ? "，长度 " + std::to_string(length) : "") + "；字段清零。",
              bump ? "MemAllocator::allocate -> ContiguousSpace::par_allocate (bump pointer)"
                   : "CompactibleFreeListSpace::allocate (CMS free list, JDK <= 13)");
  }
  r.end_step();
  return id;
}

std::uint64_t field_addr(const HeapMachine& m, ObjectId obj, std::string_view field, const FieldInfo** out) {
  const Klass& k = live_klass(m, obj);
  const FieldInfo* f = k.field(field);
  if (f == nullptr) throw std::invalid_argument(k.name + " has no field " + std::string(field));
  *out = f;
  return m.heap.record(obj).addr + f->offset;
}

std::uint64_t element_addr(const HeapMachine& m, ObjectId array, std::uint32_t index,
                           std::uint32_t want_elem) {
  const Klass& k = live_klass(m, array);
  if (!k.is_array()) throw std::invalid_argument(k.name + " is not an array");
  if (want_elem != 0 && k.elem_size != want_elem)
    throw std::invalid_argument(k.name + " has the wrong element type");
  const std::uint64_t addr = m.heap.record(array).addr;
  const std::uint32_t len = m.heap.array_length(addr);
  if (index >= len)
    throw JavaException{
        JavaThrowable{"java.lang.ArrayIndexOutOfBoundsException",
                      "Index " + std::to_string(index) + " out of bounds for length " + std::to_string(len)}};
  return addr + layout::kArrayHeader + std::uint64_t{index} * k.elem_size;
}

std::uint32_t narrow_of(const HeapMachine& m, ObjectId value) {
  if (value == kNoObject) return 0;
  if (!m.heap.is_live(value))
    throw std::invalid_argument("object #" + std::to_string(value) + " is not a live object");
  return narrow_oop::encode(m.heap.record(value).addr);
}

template <class WhereFn>
void ref_store_step(HeapRecorder& r, ObjectId obj, std::uint64_t slot, ObjectId value, WhereFn where_fn) {
  const HeapMachine& m = r.machine();
  const std::uint32_t v = narrow_of(m, value);
  r.begin_step(StepKind::field_store);
  r.write_u32(SpaceId::java_heap, slot, v);
  if (r.recording()) {
    r.touch(obj);
    if (value != kNoObject) r.touch(value);
    r.touch_range(ByteRange{SpaceId::java_heap, slot, slot, 4});
    const std::string where = where_fn();
    const std::string target = value == kNoObject ? std::string("null") : describe(m, value);
    r.narrate(where + " = " + target + ": the 4 bytes at " + hex(slot) + " now hold " + hex(v) +
                  (value == kNoObject
                       ? " (null)."
                       : " (a compressed reference: with this heap below 4 GiB it is the address itself)."),
              where + " = " + target + "：" + hex(slot) + " 处的 4 个字节现在是 " + hex(v) +
                  (value == kNoObject ? "（null）。" : "（压缩引用：堆在 4 GiB 以下时，它就是地址本身）。"),
              "oopDesc::obj_field_put / HeapAccess<>::oop_store_at (CompressedOops::encode)");
  }
  r.end_step();
}

}  // namespace

ObjectId new_instance(HeapRecorder& r, KlassId k) { return allocate(r, k, ~std::uint64_t{0}); }

ObjectId new_array(HeapRecorder& r, KlassId array_klass, std::uint32_t length) {
  return allocate(r, array_klass, length);
}

void store_ref(HeapRecorder& r, ObjectId obj, std::string_view field, ObjectId value) {
  const FieldInfo* f = nullptr;
  const std::uint64_t slot = field_addr(r.machine(), obj, field, &f);
  if (f->type != FieldType::reference)
    throw std::invalid_argument(std::string(field) + " is not a reference field");
  ref_store_step(r, obj, slot, value, [&] { return describe(r.machine(), obj) + "." + std::string(field); });
}

void store_element(HeapRecorder& r, ObjectId array, std::uint32_t index, ObjectId value) {
  const HeapMachine& m = r.machine();
  if (live_klass(m, array).kind != KlassKind::object_array)
    throw std::invalid_argument("store_element needs an Object[]");
  const std::uint64_t slot = element_addr(m, array, index, 4);
  ref_store_step(r, array, slot, value,
                 [&] { return describe(m, array) + "[" + std::to_string(index) + "]"; });
}

void store_prim(HeapRecorder& r, ObjectId obj, std::string_view field, std::int64_t value) {
  const FieldInfo* f = nullptr;
  const std::uint64_t slot = field_addr(r.machine(), obj, field, &f);
  if (f->type == FieldType::reference)
    throw std::invalid_argument(std::string(field) + " is a reference field");
  const std::uint32_t size = field_size(f->type);
  std::uint8_t bytes[8];
  std::memcpy(bytes, &value, 8);
  r.begin_step(StepKind::field_store);
  r.write_bytes(SpaceId::java_heap, slot, std::span<const std::uint8_t>(bytes, size));
  if (r.recording()) {
    r.touch(obj);
    r.touch_range(ByteRange{SpaceId::java_heap, slot, slot, size});
    const std::string where = describe(r.machine(), obj) + "." + std::string(field);
    r.narrate(where + " = " + std::to_string(value) + ": " + text::bytes(size) + " written at " + hex(slot) +
                  " (little-endian).",
              where + " = " + std::to_string(value) + "：在 " + hex(slot) + " 写入 " + std::to_string(size) +
                  " 个字节（小端序）。",
              "oopDesc::" + std::string(field_type_name(f->type)) + "_field_put");
  }
  r.end_step();
}

void store_bytes(HeapRecorder& r, ObjectId array, std::uint32_t index, std::span<const std::uint8_t> bytes) {
  const HeapMachine& m = r.machine();
  if (bytes.empty()) return;
  if (live_klass(m, array).elem_size != 1) throw std::invalid_argument("store_bytes needs a byte[]");
  const std::uint64_t first = element_addr(m, array, index, 1);
  element_addr(m, array, static_cast<std::uint32_t>(index + bytes.size() - 1),
               1);  // bounds check of the last byte
  r.begin_step(StepKind::field_store);
  r.write_bytes(SpaceId::java_heap, first, bytes);
  if (r.recording()) {
    r.touch(array);
    r.touch_range(ByteRange{SpaceId::java_heap, first, first, bytes.size()});
    r.narrate(text::bytes(bytes.size()) + " written into " + describe(m, array) + " at index " +
                  std::to_string(index) + " (" + hex(first) + ").",
              "向 " + describe(m, array) + " 下标 " + std::to_string(index) + " 处（" + hex(first) +
                  "）写入 " + std::to_string(bytes.size()) + " 个字节。",
              "arraycopy / typeArrayOop::byte_at_put");
  }
  r.end_step();
}

void store_prim_element(HeapRecorder& r, ObjectId array, std::uint32_t index, std::int64_t value) {
  const HeapMachine& m = r.machine();
  const Klass& k = live_klass(m, array);
  if (k.kind != KlassKind::type_array)
    throw std::invalid_argument("store_prim_element needs a primitive array");
  const std::uint64_t slot = element_addr(m, array, index, 0);
  std::uint8_t bytes[8];
  std::memcpy(bytes, &value, 8);
  r.begin_step(StepKind::field_store);
  r.write_bytes(SpaceId::java_heap, slot, std::span<const std::uint8_t>(bytes, k.elem_size));
  if (r.recording()) {
    r.touch(array);
    r.touch_range(ByteRange{SpaceId::java_heap, slot, slot, k.elem_size});
    const std::string where = describe(m, array) + "[" + std::to_string(index) + "]";
    r.narrate(where + " = " + std::to_string(value) + ": " + std::to_string(k.elem_size) +
                  " byte(s) written at " + hex(slot) + ".",
              where + " = " + std::to_string(value) + "：在 " + hex(slot) + " 写入 " +
                  std::to_string(k.elem_size) + " 个字节。",
              "typeArrayOop::" + std::string(field_type_name(k.elem_type)) + "_at_put");
  }
  r.end_step();
}

std::int64_t load_prim_element(const HeapMachine& m, ObjectId array, std::uint32_t index) {
  const Klass& k = live_klass(m, array);
  if (k.kind != KlassKind::type_array)
    throw std::invalid_argument("load_prim_element needs a primitive array");
  const std::uint64_t slot = element_addr(m, array, index, 0);
  switch (k.elem_size) {
    case 1:
      return static_cast<std::int8_t>(m.heap.space.read_u8(slot));
    case 2: {
      std::uint16_t v;
      m.heap.space.read(slot, &v, 2);
      return v;  // char[] (the only 2-byte array class here) is unsigned
    }
    case 4:
      return static_cast<std::int32_t>(m.heap.space.read_u32(slot));
    default:
      return static_cast<std::int64_t>(m.heap.space.read_u64(slot));
  }
}

ObjectId object_of_ref(const HeapMachine& m, std::uint32_t narrow) {
  if (narrow == 0) return kNoObject;
  return m.heap.object_at(narrow_oop::decode(narrow));
}

ObjectId load_ref(const HeapMachine& m, ObjectId obj, std::string_view field) {
  const FieldInfo* f = nullptr;
  const std::uint64_t slot = field_addr(m, obj, field, &f);
  if (f->type != FieldType::reference)
    throw std::invalid_argument(std::string(field) + " is not a reference field");
  return object_of_ref(m, m.heap.space.read_u32(slot));
}

ObjectId load_element(const HeapMachine& m, ObjectId array, std::uint32_t index) {
  if (live_klass(m, array).kind != KlassKind::object_array)
    throw std::invalid_argument("load_element needs an Object[]");
  return object_of_ref(m, m.heap.space.read_u32(element_addr(m, array, index, 4)));
}

std::int64_t load_prim(const HeapMachine& m, ObjectId obj, std::string_view field) {
  const FieldInfo* f = nullptr;
  const std::uint64_t slot = field_addr(m, obj, field, &f);
  switch (f->type) {
    case FieldType::boolean_:
      return m.heap.space.read_u8(slot);
    case FieldType::byte_:
      return static_cast<std::int8_t>(m.heap.space.read_u8(slot));
    case FieldType::char_: {
      std::uint16_t v;
      m.heap.space.read(slot, &v, 2);
      return v;
    }
    case FieldType::short_: {
      std::int16_t v;
      m.heap.space.read(slot, &v, 2);
      return v;
    }
    case FieldType::int_:
    case FieldType::float_:
      return static_cast<std::int32_t>(m.heap.space.read_u32(slot));
    case FieldType::long_:
    case FieldType::double_:
      return static_cast<std::int64_t>(m.heap.space.read_u64(slot));
    case FieldType::reference:
      break;
  }
  throw std::invalid_argument(std::string(field) + " is a reference field");
}

std::uint32_t set_root(HeapRecorder& r, RootKind kind, std::string_view scope, std::string_view name,
                       ObjectId value) {
  const HeapMachine& m = r.machine();
  const std::uint32_t v = narrow_of(m, value);
  r.begin_step(StepKind::root_set);
  std::optional<std::uint32_t> slot = m.roots.find(kind, scope, name);
  if (!slot) {
    slot = m.roots.slot_for_new(kind, scope, name);
    std::string both = std::string(scope) + '\0' + std::string(name);
    r.apply(Effect{EffectKind::root_define, SpaceId::java_heap, static_cast<std::uint16_t>(kind), *slot, 0,
                   both.size(), 0},
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(both.data()), both.size()));
  }
  const std::uint32_t old = m.roots.slots[*slot].value;
  r.apply(Effect{EffectKind::root_set, SpaceId::java_heap, 0, *slot, v, 0, 0});
  if (r.recording()) {
    if (value != kNoObject) r.touch(value);
    const ObjectId old_id = object_of_ref(m, old);
    if (old_id != kNoObject && old_id != value) r.touch(old_id);
    const std::string k(root_kind_name(kind));
    if (value == kNoObject)
      r.narrate(std::string(name) + " = null: the " + k + " root no longer references " +
                    (old_id ? describe(m, old_id) : std::string("anything")) +
                    (old_id ? "; if nothing else does, the next GC will find it dead." : "."),
                std::string(name) + " = null：这个根不再引用" +
                    (old_id ? " " + describe(m, old_id) + "；若再无其他引用，下次 GC 会判定它已死。"
                            : "任何对象。"),
                kind == RootKind::local ? "interpreter: astore (local variable slot in the frame)"
                                        : "putstatic / VM root");
    else
      r.narrate(std::string(name) + " = " + describe(m, value) + ": a " + k + " root (" + std::string(scope) +
                    ") now holds " + hex(v) + ".",
                std::string(name) + " = " + describe(m, value) + "：根（" + std::string(scope) +
                    "）现在保存 " + hex(v) + "。",
                kind == RootKind::local ? "interpreter: astore (local variable slot in the frame)"
                                        : "putstatic / VM root");
  }
  r.end_step();
  return *slot;
}

void drop_frame(HeapRecorder& r, std::string_view scope) {
  const HeapMachine& m = r.machine();
  std::vector<std::uint32_t> slots;
  for (std::uint32_t i = 0; i < m.roots.slots.size(); ++i)
    if (m.roots.slots[i].active && m.roots.slots[i].kind == RootKind::local &&
        m.roots.slots[i].scope == scope)
      slots.push_back(i);
  if (slots.empty()) return;
  r.begin_step(StepKind::root_drop);
  for (std::uint32_t i : slots)
    r.apply(Effect{EffectKind::root_deactivate, SpaceId::java_heap, 0, i, 0, 0, 0});
  r.narrate(
      "The frame " + std::string(scope) + " returns: its " + std::to_string(slots.size()) +
          " local(s) are no longer roots.",
      "栈帧 " + std::string(scope) + " 返回：它的 " + std::to_string(slots.size()) + " 个局部变量不再是根。",
      "frame pop (the locals vanish with the frame)");
  r.end_step();
}

ObjectId root_value(const HeapMachine& m, RootKind kind, std::string_view scope, std::string_view name) {
  const auto slot = m.roots.find(kind, scope, name);
  if (!slot) return kNoObject;
  return object_of_ref(m, m.roots.slots[*slot].value);
}

std::string describe(const HeapMachine& m, ObjectId id) {
  if (id == kNoObject || id >= m.heap.objects.size()) return "#" + std::to_string(id);
  const ObjectRecord& rec = m.heap.record(id);
  const Klass& k = m.klasses->at(rec.klass);
  std::string name = k.name;
  if (const auto dot = name.rfind('.'); dot != std::string::npos && !k.is_array())
    name = name.substr(dot + 1);
  if (k.is_array() && rec.state == ObjectState::live) {
    // The length goes in the first brackets, as Java writes it: "int[3][]" for the outer array of rows.
    const std::size_t open = name.find('[');
    name = name.substr(0, open) + "[" + std::to_string(m.heap.array_length(rec.addr)) + "]" +
           name.substr(open + 2);
  }
  if (rec.flags & ObjectRecord::kFiller) name = "filler " + name;
  return name + "#" + std::to_string(id);
}

}  // namespace heapviz::heap
