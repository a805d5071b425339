#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "heapviz/heap/java_heap.hpp"
#include "heapviz/nio/nio_machine.hpp"

namespace heapviz {

/// One field of an object as an inspector shows it.
struct FieldValue {
  std::string name;  ///< "position", "hb", "length" (arrays)
  std::string type;  ///< declared type: "int", "long", "boolean", "byte[]", "Object", "Cleaner" ...
  std::uint32_t offset = 0;
  std::string value;        ///< "5", "true", "null", "byte[16]#3 @0xfc000040", "0x7f3a00000010 (native)"
  std::string declared_in;  ///< "Buffer", "ByteBuffer", "DirectByteBuffer" ... ("" for an array's length)
};

/// The fields of a live object, by offset, with values read from its bytes. Buffers show every JDK
/// field (mark, address, position, limit, capacity, segment, offset, isReadOnly, bigEndian,
/// nativeByteOrder, hb; direct: isSync, fd, att, cleaner), with address explained (array-relative for
/// heap buffers, a native address for direct ones); a Deallocator its address, size and capacity; an
/// array its length. Throws std::invalid_argument for an id that is not a live object.
std::vector<FieldValue> inspect_fields(const nio::NioMachine& m, heap::ObjectId id);

}  // namespace heapviz
