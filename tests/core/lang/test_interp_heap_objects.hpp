#pragma once
// Helpers for interpreter tests that look at the objects a run left on the heap.
#include <string>
#include <vector>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/engine/machine.hpp"

namespace interp_test {

/// The live objects of class `name` ("java.lang.StringBuilder", "byte[]", "int[][]"), by id.
inline std::vector<heapviz::heap::ObjectId> objects_of(const heapviz::Machine& m, const std::string& name) {
  std::vector<heapviz::heap::ObjectId> out;
  for (heapviz::heap::ObjectId id = 1; id < m.heap.next_id(); ++id)
    if (m.heap.is_live(id) && !(m.heap.record(id).flags & heapviz::heap::ObjectRecord::kFiller) &&
        m.klasses->at(m.heap.record(id).klass).name == name)
      out.push_back(id);
  return out;
}

/// The size in bytes of a live object, as its header says.
inline std::uint64_t size_of(const heapviz::Machine& m, heapviz::heap::ObjectId id) {
  return heapviz::heap::object_size_at(m.heap, *m.klasses, m.heap.record(id).addr);
}

}  // namespace interp_test
