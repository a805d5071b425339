#pragma once
#include <vector>

#include "heapviz/engine/trace_session.hpp"
#include "heapviz/engine/view.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

/// The counters of the current view as a table, with a small plot per counter over the whole trace
/// (`series`, may be empty) and the current position marked (`position_fraction` in [0, 1]).
void draw_counters(const View& view, const std::vector<CounterSeries>& series, float position_fraction,
                   Locale loc);

}  // namespace heapviz::app
