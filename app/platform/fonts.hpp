#pragma once
#include <string>

struct ImFont;

namespace heapviz::app {

/// The fonts the UI draws with. Missing system fonts fall back to ImGui's built-in font, with a notice.
struct FontSet {
  ImFont* ui = nullptr;    ///< proportional text (DejaVu Sans, with Chinese glyphs merged when available)
  ImFont* mono = nullptr;  ///< code and hex (DejaVu Sans Mono)
  bool has_chinese = false;
  std::string notice;  ///< "" when every font was found; otherwise what is missing and which package has it
};

/// Loads the fonts into ImGui's atlas at `size_px` pixels. Call before the renderer builds the atlas.
FontSet load_fonts(float size_px);

}  // namespace heapviz::app
