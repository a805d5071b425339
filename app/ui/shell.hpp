#pragma once
#include "platform/fonts.hpp"
#include "ui/app_state.hpp"

namespace heapviz::app {

/// Draws one frame of the whole app: menu bar, lesson list, lesson source, status bar.
/// Call between ImGui::NewFrame() and ImGui::Render(); the same code serves the window and offscreen renders.
void draw_shell(AppState& state, const FontSet& fonts);

}  // namespace heapviz::app
