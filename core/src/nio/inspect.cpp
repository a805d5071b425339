// inspect_fields: an object's fields, decoded from its bytes, for the GUI inspector.
#include "heapviz/nio/inspect.hpp"

#include <cstring>
#include <stdexcept>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/heap/object_layout.hpp"
#include "heapviz/nio/buffer_object.hpp"

namespace heapviz {

using heap::ObjectId;

namespace {

std::string value_of(const nio::NioMachine& m, ObjectId id, const heap::Klass& k, const heap::FieldInfo& f) {
  const std::uint64_t a = m.heap.record(id).addr + f.offset;
  const heap::AddressSpace& s = m.heap.space;
  switch (f.type) {
    case heap::FieldType::boolean_:
      return s.read_u8(a) ? "true" : "false";
    case heap::FieldType::byte_:
      return std::to_string(static_cast<std::int8_t>(s.read_u8(a)));
    case heap::FieldType::char_:
    case heap::FieldType::short_: {
      std::int16_t v;
      s.read(a, &v, 2);
      return f.type == heap::FieldType::char_ ? std::to_string(static_cast<std::uint16_t>(v))
                                              : std::to_string(v);
    }
    case heap::FieldType::int_:
      return std::to_string(static_cast<std::int32_t>(s.read_u32(a)));
    case heap::FieldType::float_: {
      const std::uint32_t bits = s.read_u32(a);
      float v;
      std::memcpy(&v, &bits, 4);
      return std::to_string(v);
    }
    case heap::FieldType::double_: {
      const std::uint64_t bits = s.read_u64(a);
      double v;
      std::memcpy(&v, &bits, 8);
      return std::to_string(v);
    }
    case heap::FieldType::long_: {
      const auto v = static_cast<std::int64_t>(s.read_u64(a));
      if (f.name != "address") return std::to_string(v);
      const bool direct = k.name.rfind("java.nio.DirectByteBuffer", 0) == 0;  // also Deallocator
      if (k.name == "java.nio.HeapByteBuffer" || k.name == "java.nio.HeapByteBufferR")
        return std::to_string(v) + " (array-relative: element 0 of hb is 16 bytes into the array)";
      if (k.name == "sun.nio.ch.FileChannelImpl$Unmapper" ||
          k.name == "sun.nio.ch.FileChannelImpl$DefaultUnmapper")
        return v == 0 ? "0 (unmapped)"
                      : nio::detail::hex(static_cast<std::uint64_t>(v)) + " (the mapping, for munmap)";
      if (direct && k.name != "java.nio.DirectByteBuffer$Deallocator" &&
          nio::detail::mapped_fd(m, id) != heap::kNoObject)
        return v == 0 ? "0"
                      : nio::detail::hex(static_cast<std::uint64_t>(v)) +
                            " (mapped: page-cache pages of the file)";
      if (direct) return v == 0 ? "0" : nio::detail::hex(static_cast<std::uint64_t>(v)) + " (native)";
      return std::to_string(v);
    }
    case heap::FieldType::reference: {
      const std::uint32_t narrow = s.read_u32(a);
      if (narrow == 0) return "null";
      const ObjectId t = heap::object_of_ref(m, narrow);
      const std::string where = nio::detail::hex(heap::narrow_oop::decode(narrow));
      return t == heap::kNoObject ? where + " (no object starts there)" : heap::describe(m, t) + " @" + where;
    }
  }
  return "?";
}

}  // namespace

std::vector<FieldValue> inspect_fields(const nio::NioMachine& m, ObjectId id) {
  if (!m.heap.is_live(id))
    throw std::invalid_argument("inspect_fields: object #" + std::to_string(id) + " is not live");
  const heap::Klass& k = m.klasses->at(m.heap.record(id).klass);
  std::vector<FieldValue> out;
  if (k.is_array()) {
    out.push_back(FieldValue{"length", "int", heap::layout::kArrayLengthOffset,
                             std::to_string(m.heap.array_length(m.heap.record(id).addr)), ""});
    return out;
  }
  for (const heap::FieldInfo& f : k.fields) {
    std::string type = f.type == heap::FieldType::reference && !f.ref_type.empty()
                           ? f.ref_type
                           : std::string(heap::field_type_name(f.type));
    out.push_back(FieldValue{f.name, std::move(type), f.offset, value_of(m, id, k, f), f.declared_in});
  }
  return out;
}

}  // namespace heapviz
