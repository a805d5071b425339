#include <doctest/doctest.h>

#include "heapviz/engine/demo_scenarios.hpp"
#include "heapviz/engine/view.hpp"

TEST_CASE("the built-in heap demo collects its garbage under both collectors") {
  for (auto c : {heapviz::heap::Collector::mark_compact, heapviz::heap::Collector::mark_sweep}) {
    const auto trace = heapviz::run_heap_demo(c);
    REQUIRE(trace->size() > 10);
    const heapviz::View before_gc = heapviz::make_view(trace->state_at(0));
    const heapviz::View end = heapviz::make_view(trace->state_at(trace->size()));
    std::size_t live = 0;
    for (const auto& b : end.blocks)
      if (b.id != 0) ++live;
    // keep, head, table and table[1] survive: 4 objects.
    CHECK(live == 4);
    CHECK(before_gc.blocks.size() <= 1);
    // Every step names a line of the demo source.
    for (const auto& s : trace->steps()) CHECK(s.pos.line >= 2);
  }
  CHECK(heapviz::run_heap_demo(heapviz::heap::Collector::mark_compact)->hash() ==
        heapviz::run_heap_demo(heapviz::heap::Collector::mark_compact)->hash());
}
