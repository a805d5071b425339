#pragma once
#include <functional>

#include "platform/offscreen_target.hpp"

namespace heapviz::app {

/// Runs one ImGui frame of `draw` at the target's size with a fixed time step `dt` (no wall clock,
/// no input) and renders it into `target`. The same `draw` code serves the window.
void render_offscreen_frame(const OffscreenTarget& target, float dt, const std::function<void()>& draw);

}  // namespace heapviz::app
