#pragma once
#include <imgui.h>

namespace heapviz::app {

/// How a block is drawn besides its colour, so kinds differ for colour-blind viewers too.
enum class Pattern { solid, hatched, dotted, outlined };

/// A filled rectangle with a pattern and a 1 px border (border skipped when narrower than 3 px).
void draw_block(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, ImU32 border, Pattern pattern);
/// A curved arrow from `from` to `to`, bulging upward by `lift` pixels, with a head at `to`.
void draw_arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 colour, float thickness, float lift);
/// A small filled triangle at a lane's edge pointing out (dir -1 left, +1 right): "the target is out
/// there", for an arrow whose target lies outside the visible window.
void draw_edge_marker(ImDrawList* dl, ImVec2 at, int dir, ImU32 colour);
/// Text clipped to [a, b] and vertically centred; draws nothing when not even one glyph fits.
void draw_label(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, const char* text);

/// Linear interpolation, and a smooth ease-in-out for tweens (t in [0, 1]).
inline float lerp(float a, float b, float t) { return a + (b - a) * t; }
inline float ease(float t) { return t * t * (3 - 2 * t); }
inline ImU32 with_alpha(ImU32 c, float alpha) {
  const unsigned a = static_cast<unsigned>(static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

}  // namespace heapviz::app
