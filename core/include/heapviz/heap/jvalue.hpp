#pragma once
#include <cstdint>
#include <string>
#include <variant>

#include "heapviz/heap/java_heap.hpp"

namespace heapviz {

/// A reference to a Java object on the simulated heap (id 0 = null).
struct JRef {
  heap::ObjectId id = heap::kNoObject;
  bool operator==(const JRef&) const = default;
};

/// The value of an enum constant the simulated JDK understands, by its qualified constant name,
/// e.g. "ByteOrder.LITTLE_ENDIAN", "StandardOpenOption.WRITE", "FileChannel.MapMode.READ_WRITE".
struct JEnum {
  std::string name;
  bool operator==(const JEnum&) const = default;
};

/// A Java value crossing the boundary between the interpreter and the simulated JDK classes.
/// `std::monostate` is void; `std::string` is a java.lang.String (Strings are not drawn on the heap:
/// a documented simplification).
using JValue = std::variant<std::monostate, bool, std::int8_t, std::int16_t, char16_t, std::int32_t,
                            std::int64_t, float, double, JRef, JEnum, std::string>;

}  // namespace heapviz
