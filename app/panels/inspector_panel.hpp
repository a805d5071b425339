#pragma once
#include "heapviz/engine/view.hpp"
#include "ui/ui_text.hpp"

struct ImFont;

namespace heapviz::app {

/// Details of the block selected in the memory map: what the core's view says about it, and a hex
/// dump of its bytes as they are in the simulated memory at this step.
void draw_inspector(const Machine& m, const View& view, heap::ObjectId selected, ImFont* mono, Locale loc);

}  // namespace heapviz::app
