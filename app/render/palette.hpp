#pragma once
#include <imgui.h>

#include <string_view>

#include "render/shapes.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

/// How one kind of block looks: an Okabe-Ito colour (distinguishable with common colour-vision
/// deficiencies) plus a pattern as a second cue, and the legend text.
struct BlockStyle {
  ImU32 fill;
  Pattern pattern;
  UiText legend;
};

/// Style for a heap block by its type name and state ("unmarked", "filler", ...), or a native/kernel block.
BlockStyle style_for(std::string_view type, std::string_view state);
/// The styles shown in the legend, in order.
const BlockStyle* legend_styles(int* count);

/// Black or white, whichever reads better on `fill`.
inline ImU32 text_colour_on(ImU32 fill) {
  const unsigned r = fill & 0xFF, g = (fill >> 8) & 0xFF, b = (fill >> 16) & 0xFF;
  return (r * 299 + g * 587 + b * 114) / 1000 < 120 ? IM_COL32(255, 255, 255, 255)
                                                    : IM_COL32(20, 20, 30, 255);
}

inline constexpr ImU32 kInk = IM_COL32(30, 30, 40, 255);
inline constexpr ImU32 kMutedInk = IM_COL32(110, 110, 120, 255);
inline constexpr ImU32 kLaneBg = IM_COL32(250, 250, 252, 255);
inline constexpr ImU32 kLaneBorder = IM_COL32(170, 175, 185, 255);
inline constexpr ImU32 kArrow = IM_COL32(60, 60, 70, 200);
inline constexpr ImU32 kHighlight = IM_COL32(213, 94, 0, 255);
/// Bytes that went wrong: a copy read from where the array no longer is, wrong bytes in the page cache
/// (Okabe-Ito vermillion; only the heap lane's selection outline shares it).
inline constexpr ImU32 kWrongBytes = IM_COL32(213, 94, 0, 255);
/// The bytes a step moves or frees (Okabe-Ito reddish purple, darkened to read on every block colour);
/// distinct from kHighlight, which marks the selected object.
inline constexpr ImU32 kStepBytes = IM_COL32(170, 68, 130, 255);

}  // namespace heapviz::app
