// Names of the heap layer's enums, and the out-of-line parts of the root set and the Java heap.
#include "heapviz/heap/java_heap.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "heapviz/heap/address_space.hpp"
#include "heapviz/heap/roots.hpp"

namespace heapviz::heap {

std::string_view space_name(SpaceId id) {
  switch (id) {
    case SpaceId::java_heap:
      return "java-heap";
    case SpaceId::native:
      return "native";
    case SpaceId::kernel:
      return "kernel";
    case SpaceId::device:
      return "device";
  }
  return "?";
}

std::string_view heap_counter_name(HeapCounter c) {
  switch (c) {
    case HeapCounter::gc_count:
      return "gc_count";
    case HeapCounter::objects_allocated:
      return "objects_allocated";
    case HeapCounter::bytes_allocated:
      return "bytes_allocated";
    case HeapCounter::objects_moved:
      return "objects_moved";
    case HeapCounter::bytes_moved:
      return "bytes_moved";
    case HeapCounter::objects_freed:
      return "objects_freed";
    case HeapCounter::bytes_freed:
      return "bytes_freed";
    case HeapCounter::dead_wood_bytes:
      return "dead_wood_bytes";
    case HeapCounter::references_pending:
      return "references_pending";
    case HeapCounter::count_:
      break;
  }
  return "?";
}

std::string_view gc_phase_name(GcPhase p) {
  switch (p) {
    case GcPhase::none:
      return "none";
    case GcPhase::mark:
      return "mark";
    case GcPhase::forward:
      return "forward";
    case GcPhase::adjust:
      return "adjust";
    case GcPhase::move:
      return "move";
    case GcPhase::sweep:
      return "sweep";
  }
  return "?";
}

std::string_view root_kind_name(RootKind k) {
  switch (k) {
    case RootKind::local:
      return "local";
    case RootKind::static_field:
      return "static";
    case RootKind::system:
      return "system";
  }
  return "?";
}

std::optional<std::uint32_t> RootSet::find(RootKind kind, std::string_view scope,
                                           std::string_view name) const {
  for (std::size_t i = slots.size(); i-- > 0;) {
    const Root& r = slots[i];
    if (r.active && r.kind == kind && r.scope == scope && r.name == name)
      return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}

std::uint32_t RootSet::slot_for_new(RootKind kind, std::string_view scope, std::string_view name) const {
  for (std::size_t i = slots.size(); i-- > 0;) {
    const Root& r = slots[i];
    if (!r.active && r.kind == kind && r.scope == scope && r.name == name)
      return static_cast<std::uint32_t>(i);
  }
  return static_cast<std::uint32_t>(slots.size());
}

void JavaHeap::throw_bad_id(ObjectId id) { throw std::out_of_range("no object #" + std::to_string(id)); }

}  // namespace heapviz::heap
