#pragma once
#include <string>
#include <vector>

#include "heapviz/lesson_catalog.hpp"

namespace heapviz::app {

/// What the GUI shows and remembers between frames. Facts come from the core; this only holds choices.
struct AppState {
  std::vector<LessonEntry> lessons;
  int selected = -1;           ///< index into lessons, -1 when none
  std::string source;          ///< the selected lesson's text, read through the core
  std::string source_error;    ///< why the source could not be read, if it could not
  std::string lang = "en";     ///< narration language: "en" or "zh"
  long step = 0;
  std::string font_notice;     ///< a missing-font notice for the status bar
  std::string renderer;        ///< GL renderer, for the About box
  bool quit_requested = false;

  /// Loads the catalog and selects `lesson` (id, number or path; "" = default). Returns "" or an error.
  std::string load(const std::string& lesson);
  /// Selects lessons[index] and reads its source.
  void select(int index);
  const LessonEntry* current() const;
  /// The title in the chosen language (falls back to English, then the id).
  std::string title_of(const LessonEntry& e) const;
};

}  // namespace heapviz::app
