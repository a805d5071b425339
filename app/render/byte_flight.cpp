// Bytes travelling between lanes (see byte_flight.hpp).
#include "render/byte_flight.hpp"

#include <algorithm>
#include <cmath>

#include "render/palette.hpp"
#include "render/shapes.hpp"

namespace heapviz::app {

namespace {

ImVec2 centre(ImVec2 a, ImVec2 b) { return ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2); }

ImVec2 bezier(const ImVec2 p[4], float t) {
  const float u = 1 - t;
  const float a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  return ImVec2(a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x,
                a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y);
}

/// Control points: leave the source through the edge facing the destination, arrive the same way.
void path_of(const FlightEnds& f, ImVec2 p[4]) {
  const ImVec2 sc = centre(f.src0, f.src1), dc = centre(f.dst0, f.dst1);
  if (f.same_lane) {  // an arc over the lane
    p[0] = ImVec2(sc.x, f.src0.y);
    p[3] = ImVec2(dc.x, f.dst0.y);
    const float lift = 34;
    p[1] = ImVec2(p[0].x, p[0].y - lift);
    p[2] = ImVec2(p[3].x, p[3].y - lift);
    return;
  }
  const bool down = dc.y > sc.y;
  p[0] = ImVec2(sc.x, down ? f.src1.y : f.src0.y);
  p[3] = ImVec2(dc.x, down ? f.dst0.y : f.dst1.y);
  const float bend = std::max(30.0f, std::fabs(p[3].y - p[0].y) * 0.45f) * (down ? 1.0f : -1.0f);
  p[1] = ImVec2(p[0].x, p[0].y + bend);
  p[2] = ImVec2(p[3].x, p[3].y - bend);
}

void arrow_head(ImDrawList* dl, ImVec2 tip, ImVec2 from, ImU32 colour, float size) {
  float dx = tip.x - from.x, dy = tip.y - from.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return;
  dx /= len;
  dy /= len;
  dl->AddTriangleFilled(
      tip, ImVec2(tip.x - dx * size - dy * size * 0.6f, tip.y - dy * size + dx * size * 0.6f),
      ImVec2(tip.x - dx * size + dy * size * 0.6f, tip.y - dy * size - dx * size * 0.6f), colour);
}

/// A label on a white pill so it reads over blocks and arrows.
void pill(ImDrawList* dl, ImVec2 at, ImU32 colour, const char* text, const FlightEnds& f) {
  if (!text || !*text) return;
  const ImVec2 ts = ImGui::CalcTextSize(text);
  at.x = std::clamp(at.x, f.label_min_x + ts.x / 2 + 6,
                    std::max(f.label_min_x + ts.x / 2 + 6, f.label_max_x - ts.x / 2 - 6));
  const ImVec2 a(at.x - ts.x / 2 - 5, at.y - ts.y / 2 - 2), b(at.x + ts.x / 2 + 5, at.y + ts.y / 2 + 2);
  dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 235), 4);
  dl->AddRect(a, b, colour, 4, 0, 1.5f);
  dl->AddText(ImVec2(a.x + 5, a.y + 2), kInk, text);
}

}  // namespace

void draw_range_outline(ImDrawList* dl, ImVec2 a, ImVec2 b, int off, ImU32 colour, float thickness) {
  if (off == 0) {
    dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), colour, 0, 0, thickness);
    return;
  }
  // Off the visible window: a triangle at the lane's edge pointing to where the range is.
  const float x = off < 0 ? a.x : b.x, ym = (a.y + b.y) / 2, s = 8;
  const float dir = off < 0 ? -1.0f : 1.0f;
  dl->AddTriangleFilled(ImVec2(x + dir * s, ym), ImVec2(x, ym - s), ImVec2(x, ym + s), colour);
}

void draw_byte_flight(ImDrawList* dl, const FlightEnds& f, float t, const char* label, ImU32 colour) {
  ImVec2 p[4];
  path_of(f, p);
  if (t < 0) {  // done: the path stays as a thin arrow
    dl->AddBezierCubic(p[0], p[1], p[2], p[3], with_alpha(colour, 0.75f), 2.0f);
    arrow_head(dl, p[3], bezier(p, 0.9f), colour, 9);
    pill(dl, bezier(p, 0.5f), colour, label, f);
    return;
  }
  const float e = ease(std::clamp(t, 0.0f, 1.0f));
  dl->AddBezierCubic(p[0], p[1], p[2], p[3], with_alpha(colour, 0.35f), 1.5f);
  const ImVec2 at = bezier(p, e);
  // At least a thumb-sized chip: a 24-byte copy on a 4 KiB-wide lane must still be seen on a projector.
  const float sw = std::max(18.0f, f.src1.x - f.src0.x), dw = std::max(18.0f, f.dst1.x - f.dst0.x);
  const float w = std::min(lerp(sw, dw, e), 240.0f), h = 14;
  const ImVec2 a(at.x - w / 2, at.y - h / 2), b(at.x + w / 2, at.y + h / 2);
  dl->AddRectFilled(a, b, with_alpha(colour, 0.85f), 2);
  dl->AddRect(a, b, kInk, 2, 0, 1.0f);
  pill(dl, ImVec2(at.x, b.y + ImGui::GetFontSize() * 0.5f + 6), colour, label, f);
}

}  // namespace heapviz::app
