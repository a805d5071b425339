#pragma once
// Drawing a copy between address spaces: the source and destination ranges outlined, and the bytes
// travelling along a curve between them while the step tweens in.
#include <imgui.h>

namespace heapviz::app {

/// Where one copy's ranges are on screen. `*_off` is -1 when the range lies left of its lane's visible
/// window, +1 right of it, 0 when visible (then the rectangle is clamped to the lane).
struct FlightEnds {
  ImVec2 src0, src1;
  ImVec2 dst0, dst1;
  int src_off = 0, dst_off = 0;
  bool same_lane = false;  ///< kernel -> kernel (sendfile): the path arcs above the lane
  float label_min_x = -1e9f, label_max_x = 1e9f;  ///< the byte-count label stays inside these
};

/// A range's outline; a range outside the visible window gets an edge marker pointing out instead.
void draw_range_outline(ImDrawList* dl, ImVec2 a, ImVec2 b, int off, ImU32 colour, float thickness);

/// The copy's path and label. `t` in [0, 1): the step is tweening in, a highlighted chip the size of
/// the source range travels along the path (eased) and shrinks or grows to the destination's size,
/// carrying `label`. `t` < 0: the step is done (paused); the path is a thin arrow with `label` at its
/// middle, so a still frame shows what moved.
void draw_byte_flight(ImDrawList* dl, const FlightEnds& f, float t, const char* label, ImU32 colour);

}  // namespace heapviz::app
