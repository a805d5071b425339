#pragma once
// Lesson 06's heap-address write on the memory map (memory_map_race.cpp).
#include "heapviz/engine/view.hpp"
#include "heapviz/heap/step.hpp"

namespace heapviz::app {

/// True when `r` is a copy out of the Java heap that the view's heap-address write says was read from
/// where the array no longer was (the kernel reading the old address after the GC moved the array).
bool stale_heap_read(const View& view, const ByteRange& r);

}  // namespace heapviz::app
