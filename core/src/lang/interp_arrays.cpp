// Arrays whose elements are references (Node[], ByteBuffer[], the outer array of an int[][]): their
// classes by JVM name, and multianewarray, which allocates every row as an array object of its own.
#include <algorithm>

#include "heapviz/heap/heap_ops.hpp"
#include "interp_runtime.hpp"

namespace heapviz::lang::interp {
namespace {

char descriptor_of(Prim p) {
  switch (p) {
    case Prim::boolean_:
      return 'Z';
    case Prim::byte_:
      return 'B';
    case Prim::short_:
      return 'S';
    case Prim::char_:
      return 'C';
    case Prim::int_:
      return 'I';
    case Prim::long_:
      return 'J';
    case Prim::float_:
      return 'F';
    case Prim::double_:
      return 'D';
    case Prim::none:
      break;
  }
  return 'V';
}

}  // namespace

// Primitive arrays keep the built-in classes; Object[] too. Any other array of references gets a class
// of its own name ("int[][]", JVM name "[[I"; "ByteBuffer[]", "[Ljava/nio/ByteBuffer;"), as in the JVM.
heap::KlassId Runtime::array_klass(const Type& array_type) {
  const Type elem = array_type.element();
  heap::KlassTable& table = *r_.machine().klasses;
  if (elem.is_prim()) return table.array_of(field_type_of(elem));
  if (elem.is_class("Object")) return heap::builtin::kObjectArray;
  std::string base;
  if (array_type.kind == Type::Kind::prim) {
    base = std::string(1, descriptor_of(array_type.prim));
  } else {
    std::string name = qualified_class_name(Type::ref(array_type.cls));
    if (name == "String" || name == "Object") name = "java.lang." + name;
    for (const UserClass& uc : a_.classes)
      if (uc.name == array_type.cls) name = uc.binary_name;
    std::replace(name.begin(), name.end(), '.', '/');
    base = "L" + name + ";";
  }
  return table.object_array_of(array_type.java_name(),
                               std::string(static_cast<std::size_t>(array_type.dims), '[') + base);
}

// HotSpot's ObjArrayKlass::multi_allocate: the outer array first, then each row (recursively), stored
// as it is made. A negative size throws when its level is reached, so `new int[2][-1]` leaves the outer
// array behind as garbage; below a zero-length level nothing is allocated but the sizes are still checked.
Value Runtime::new_multi_array(const Type& array_type, const std::vector<std::int64_t>& lengths,
                               std::size_t level) {
  const std::int64_t len = lengths[level];
  if (len < 0) throw_java("java.lang.NegativeArraySizeException", std::to_string(len));
  protect_temps();
  const Value arr = JRef{heap::new_array(r_, array_klass(array_type), static_cast<std::uint32_t>(len))};
  if (level + 1 == lengths.size()) return arr;
  if (len == 0) {
    for (std::size_t i = level + 1; i < lengths.size(); ++i)
      if (lengths[i] < 0) throw_java("java.lang.NegativeArraySizeException", std::to_string(lengths[i]));
    return arr;
  }
  const std::size_t mark = temps_.size();
  hold(arr);
  const Type row_type = array_type.element();
  for (std::int64_t i = 0; i < len; ++i) {
    const Value row = new_multi_array(row_type, lengths, level + 1);
    const heap::ObjectId outer = ref_of(arr);
    heap::store_element(r_, outer, static_cast<std::uint32_t>(i), ref_of(row));
  }
  release(mark);
  return arr;
}

}  // namespace heapviz::lang::interp
