#include "heapviz/heap/heap_machine.hpp"

#include <string>

namespace heapviz::heap {

HeapMachine::HeapMachine(const HeapSettings& s) : heap_settings(s), klasses(std::make_shared<KlassTable>()) {
  if (std::string err = validate(s); !err.empty()) throw SettingsError(err);
  const std::uint64_t base = heap_base(s);
  heap.space = AddressSpace(SpaceId::java_heap, base, s.max_heap);
  heap.start_ids.resize(s.max_heap / 8);
  heap.objects.resize(1);  // id 0 is "no object"
  heap.top = base;
  if (s.collector == Collector::mark_sweep) heap.free_chunks[base] = s.max_heap;
}

}  // namespace heapviz::heap
