#pragma once
#include <string>
#include <vector>

#include "heapviz/engine/playback.hpp"
#include "heapviz/engine/step_category.hpp"
#include "heapviz/engine/trace.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

/// Playback controls and the timeline strip: step k of N, scrubbing, speed, markers per event kind,
/// jump to the next/previous event of a kind. Keyboard: Left/Right ±1, Down/Up ±5, Space, Home/End.
class TimelinePanel {
 public:
  /// Changes go to `playback` only; markers come from its entries' kinds.
  void draw(Playback& playback, Locale loc);
  /// Applies the playback keys when no text field has focus.
  static void handle_keys(Playback& playback);

 private:
  int jump_category_ = 0;
};

/// Event categories for timeline markers and "jump to", with their colours (ImU32) and names.
struct MarkerCategory {
  UiText name;
  unsigned colour;
};
const std::vector<MarkerCategory>& marker_categories();
/// The marker index of a step kind: its StepCategory (gc_phase -> GC). Every kind has one.
/// TimelineEntry::kind holds this index + 1 (0 = no marker), so Playback can jump by category.
int marker_category_of(StepKind kind);

}  // namespace heapviz::app
