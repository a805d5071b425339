#include "render/shapes.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace heapviz::app {

void draw_block(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, ImU32 border, Pattern pattern) {
  const float w = b.x - a.x;
  if (pattern == Pattern::outlined) {
    dl->AddRectFilled(a, b, with_alpha(fill, 0.25f));
  } else {
    dl->AddRectFilled(a, b, fill);
  }
  if (pattern == Pattern::hatched && w > 4) {
    // Diagonal lines every 6 px, clipped to the block.
    dl->PushClipRect(a, b, true);
    const float h = b.y - a.y;
    for (float x = a.x - h; x < b.x; x += 6)
      dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), IM_COL32(255, 255, 255, 140), 1.0f);
    dl->PopClipRect();
  } else if (pattern == Pattern::dotted && w > 4) {
    dl->PushClipRect(a, b, true);
    for (float y = a.y + 3; y < b.y; y += 6)
      for (float x = a.x + 3; x < b.x; x += 6)
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 1.5f, y + 1.5f), IM_COL32(255, 255, 255, 170));
    dl->PopClipRect();
  }
  if (w >= 3) dl->AddRect(a, b, border, 0, 0, pattern == Pattern::outlined ? 2.0f : 1.0f);
}

void draw_edge_marker(ImDrawList* dl, ImVec2 at, int dir, ImU32 colour) {
  const float s = 6, d = static_cast<float>(dir);
  dl->AddTriangleFilled(ImVec2(at.x + d * s, at.y), ImVec2(at.x - d * s * 0.2f, at.y - s),
                        ImVec2(at.x - d * s * 0.2f, at.y + s), colour);
}

void draw_arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 colour, float thickness, float lift) {
  const ImVec2 c1(from.x, from.y - lift);
  const ImVec2 c2(to.x, to.y - lift);
  dl->AddBezierCubic(from, c1, c2, to, colour, thickness);
  // Head along the curve's end tangent (c2 -> to).
  float dx = to.x - c2.x, dy = to.y - c2.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) {
    dx = 0;
    dy = 1;
  } else {
    dx /= len;
    dy /= len;
  }
  const float s = 4 + 2 * thickness;
  const ImVec2 left(to.x - dx * s - dy * s * 0.6f, to.y - dy * s + dx * s * 0.6f);
  const ImVec2 right(to.x - dx * s + dy * s * 0.6f, to.y - dy * s - dx * s * 0.6f);
  dl->AddTriangleFilled(to, left, right, colour);
}

void draw_label(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, const char* text) {
  const float font_h = ImGui::GetFontSize();
  if (b.x - a.x < font_h * 0.6f || b.y - a.y < font_h * 0.8f) return;
  const ImVec2 pos(a.x + 3, a.y + std::max(0.0f, (b.y - a.y - font_h) * 0.5f));
  const ImVec4 clip(a.x + 1, a.y, b.x - 1, b.y);
  dl->AddText(nullptr, 0.0f, pos, colour, text, text + std::strlen(text), 0.0f, &clip);
}

}  // namespace heapviz::app
