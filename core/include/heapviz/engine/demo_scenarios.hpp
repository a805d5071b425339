#pragma once
#include <memory>
#include <string>
#include <vector>

#include "heapviz/engine/trace.hpp"
#include "heapviz/heap/heap_settings.hpp"

namespace heapviz {

/// Built-in scenarios written in C++ against the core API, shared by the app, tests and benchmarks
/// (the way Box2D shares its samples). They exercise the heap and its collectors without a lesson.
struct DemoScenario {
  std::string id;  ///< "heap-demo"
  std::string title;
  std::string title_zh;
  std::string source;  ///< Java that does the same, shown in the code panel; its lines match the steps
};

/// The list of built-in scenarios.
const std::vector<DemoScenario>& demo_scenarios();

/// Runs the built-in heap demo: a few objects, a linked list, arrays, dropped references, then
/// System.gc() with `collector`. Every step carries the line of `demo_scenarios()[0].source`.
std::unique_ptr<Trace> run_heap_demo(heap::Collector collector);

}  // namespace heapviz
