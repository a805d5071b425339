#pragma once
// Shared setup for the heap tests: a machine, its trace and a recorder.
#include <memory>
#include <string>

#include "heapviz/engine/machine.hpp"
#include "heapviz/engine/trace.hpp"
#include "heapviz/heap/heap_ops.hpp"

namespace heapviz::test {

struct HeapFixture {
  explicit HeapFixture(const std::string& flags, TraceOptions opts = {})
      : machine(settings_from(flags)), trace(machine, opts), rec(machine, &trace) {}

  static Settings settings_from(const std::string& flags) {
    auto parsed = heap::parse_jvm_flags(flags);
    if (!parsed.ok()) throw SettingsError(parsed.error);
    Settings s;
    s.heap = parsed.settings;
    return s;
  }
  heap::KlassId node() {  // static class Node { Node next; int v; }
    return machine.klasses->register_class(
        "Node", {{"next", heap::FieldType::reference, "Node"}, {"v", heap::FieldType::int_, ""}});
  }
  std::uint64_t addr(heap::ObjectId id) const { return machine.heap.record(id).addr; }

  Machine machine;
  Trace trace;
  Recorder rec;
};

}  // namespace heapviz::test
