#pragma once
#include "platform/fonts.hpp"
#include "ui/app_state.hpp"

namespace heapviz::app {

/// What the presentation layout shows besides the memory map, code and caption.
struct PresentationOptions {
  bool step_counter = true;  ///< "step 12 / 45" in the title bar
  bool timeline = true;      ///< a thin strip with event markers and the current position
};

/// The layout for recordings and projection: large text, no menus or editing chrome; the memory map,
/// the code with its current line, and a caption bar with the step's narration.
void draw_presentation(AppState& state, const FontSet& fonts, const PresentationOptions& options);

/// A full-screen title card: the lesson's title (in the chosen language, with the other below).
void draw_title_card(const AppState& state);

}  // namespace heapviz::app
