#include <cstdint>
#include <string>

#include "heapviz/engine/demo_scenarios.hpp"
#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/heap_ops.hpp"

namespace heapviz {
namespace {

// The Java this demo performs, line by line (line numbers are used as source positions below).
constexpr const char* kHeapDemoSource =
    "//@ title: The heap demo: allocate, drop, collect\n"           // 1
    "class Node { Node next; int v; }\n"                            // 2
    "byte[] keep = new byte[512];\n"                                // 3
    "byte[] junk = new byte[1024];\n"                               // 4
    "Node head = new Node();\n"                                     // 5
    "head.next = new Node();\n"                                     // 6
    "head.next.next = new Node();\n"                                // 7
    "Object[] table = new Object[4];\n"                             // 8
    "table[0] = new byte[256];\n"                                   // 9
    "table[1] = new byte[128];\n"                                   // 10
    "junk = null;          // garbage: nothing refers to it now\n"  // 11
    "head.next = null;     // two nodes become garbage\n"           // 12
    "table[0] = null;      // one more array becomes garbage\n"     // 13
    "System.gc();          // a full GC reclaims them\n";           // 14

}  // namespace

const std::vector<DemoScenario>& demo_scenarios() {
  static const std::vector<DemoScenario> k = {
      {"heap-demo", "The heap demo: allocate, drop, collect", "堆演示：分配、丢弃、回收", kHeapDemoSource},
  };
  return k;
}

std::unique_ptr<Trace> run_heap_demo(heap::Collector collector) {
  using namespace heap;
  Settings settings;
  settings.heap.max_heap = 8 * 1024;  // small, so that every object is visible at full zoom
  settings.heap.collector = collector;
  Machine machine(settings);
  auto trace = std::make_unique<Trace>(machine);
  Recorder r(machine, trace.get());
  auto at = [&](std::uint32_t line) { r.set_source_pos(SourcePos{line, 1}); };
  const std::string frame = "main/main";

  at(2);
  const KlassId node = machine.klasses->register_class(
      "Node", {{"next", FieldType::reference, "Node"}, {"v", FieldType::int_, ""}});
  const KlassId bytes = machine.klasses->array_of(FieldType::byte_);
  const KlassId objects = machine.klasses->array_of(FieldType::reference);
  at(3);
  set_local(r, frame, "keep", new_array(r, bytes, 512));
  at(4);
  set_local(r, frame, "junk", new_array(r, bytes, 1024));
  at(5);
  const ObjectId head = new_instance(r, node);
  set_local(r, frame, "head", head);
  at(6);
  const ObjectId second = new_instance(r, node);
  store_ref(r, head, "next", second);
  at(7);
  store_ref(r, second, "next", new_instance(r, node));
  at(8);
  const ObjectId table = new_array(r, objects, 4);
  set_local(r, frame, "table", table);
  at(9);
  store_element(r, table, 0, new_array(r, bytes, 256));
  at(10);
  store_element(r, table, 1, new_array(r, bytes, 128));
  at(11);
  set_local(r, frame, "junk", kNoObject);
  at(12);
  store_ref(r, head, "next", kNoObject);
  at(13);
  store_element(r, table, 0, kNoObject);
  at(14);
  collect(r, GcCause::system_gc);
  return trace;
}

}  // namespace heapviz
