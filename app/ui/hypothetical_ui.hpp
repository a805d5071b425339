#pragma once
// The what-if modes a lesson declares (//@ hypothetical: ...): a checkbox each in the Simulation menu,
// and a banner over the memory map while one is on, so nobody mistakes it for what the JDK does.
#include <string>
#include <vector>

#include "ui/ui_text.hpp"

namespace heapviz::app {

struct AppState;

/// Simulation menu entries: one checkbox per hypothetical mode of the loaded lesson (nothing if none).
void draw_hypothetical_menu(AppState& s);
/// "HYPOTHETICAL — not what the JDK does" with the modes that are on; nothing when `modes` is empty.
void draw_hypothetical_banner(const std::vector<std::string>& modes, Locale loc);

}  // namespace heapviz::app
