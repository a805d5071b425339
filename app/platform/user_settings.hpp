#pragma once
#include <string>

#include "heapviz/heap/heap_settings.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

/// Choices kept between runs of the window (not used by offscreen renders, which must not depend on them).
struct UserSettings {
  Locale locale = Locale::en;
  heap::Collector collector = heap::Collector::mark_compact;
  std::string last_lesson;  ///< id or path
  float speed = 1.0f;
  bool auto_pause = true;
};

/// ~/.config/heapviz/settings.json (or $XDG_CONFIG_HOME/heapviz/...); "" when there is no home.
std::string settings_path();
/// Reads the settings; a missing or unreadable file gives the defaults (and `warning` says why, if broken).
UserSettings load_user_settings(std::string& warning);
/// Writes the settings (to a temporary file, then renamed). Returns "" or a reason.
std::string save_user_settings(const UserSettings& s);

}  // namespace heapviz::app
