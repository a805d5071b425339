// The memory map's copies between address spaces: a step's byte ranges whose source and destination
// differ (heap -> native, native -> page cache, page cache -> device, page cache -> page cache).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "panels/memory_map_panel.hpp"
#include "panels/memory_map_race.hpp"
#include "render/address_axis.hpp"
#include "render/byte_flight.hpp"
#include "render/drawn_facts.hpp"
#include "render/palette.hpp"
#include "render/shapes.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

namespace {

constexpr std::size_t kMaxFlights = 8;  // a scattered copy draws its first pieces; the label has the total

/// A copy the map animates. Same-space ranges are moves the blocks already show (GC) or plain writes;
/// only the kernel copies inside itself (sendfile).
bool is_flight(const ByteRange& r) {
  return r.crosses_spaces() ||
         (r.space == heap::SpaceId::kernel && r.to_space == heap::SpaceId::kernel && r.from != r.to);
}

}  // namespace

void MemoryMapPanel::draw_transfers(ImDrawList* dl, const Step& step, const View& after, float tween,
                                    ImVec2 clip0, ImVec2 clip1, Locale loc) const {
  std::uint64_t total = 0;
  for (const ByteRange& r : step.ranges)
    if (is_flight(r)) total += r.length;
  if (total == 0) return;

  // A range's rectangle on its lane (clamped to the visible window), or false when the lane is not drawn.
  auto place = [&](heap::SpaceId space, std::uint64_t addr, std::uint64_t len, ImVec2& a, ImVec2& b,
                   int& off) {
    const auto it = lanes_.find(space);
    if (it == lanes_.end() || it->second.band_y1 <= it->second.band_y0) return false;
    const LaneState& ls = it->second;
    const float lx0 = ls.axis.to_x(addr), lx1 = std::max(lx0 + 4, ls.axis.to_x(addr + len));
    off = lx1 < clip0.x ? -1 : lx0 > clip1.x ? 1 : 0;
    a = ImVec2(std::clamp(lx0, clip0.x, clip1.x - 4), ls.band_y0 + 2);
    b = ImVec2(std::clamp(lx1, a.x + 4, clip1.x), ls.band_y1 - 2);
    return true;
  };

  const std::string label = human_bytes(total);
  const bool playing = tween > 0;
  dl->PushClipRect(ImVec2(clip0.x - 10, clip0.y), ImVec2(clip1.x + 10, clip1.y), true);
  std::size_t drawn = 0;
  for (const ByteRange& r : step.ranges) {
    if (!is_flight(r) || drawn == kMaxFlights) continue;
    FlightEnds f;
    if (!place(r.space, r.from, r.length, f.src0, f.src1, f.src_off)) continue;
    if (!place(r.to_space, r.to, r.length, f.dst0, f.dst1, f.dst_off)) continue;
    f.same_lane = r.space == r.to_space;
    f.label_min_x = clip0.x;
    f.label_max_x = clip1.x;
    // A copy the kernel read from where the array no longer is: warning colour, and the label says so.
    const bool stale = stale_heap_read(after, r);
    const ImU32 colour = stale ? kWrongBytes : kStepBytes;
    const std::string text = drawn != 0 ? ""
                             : stale    ? label + (tr(loc, UiText::transfer_from_old_address_suffix))
                                        : label;
    draw_range_outline(dl, f.src0, f.src1, f.src_off, with_alpha(colour, 0.8f), 2.0f);
    if (!playing || tween > 0.5f) draw_range_outline(dl, f.dst0, f.dst1, f.dst_off, colour, 3.0f);
    draw_byte_flight(dl, f, playing ? tween : -1.0f, text.c_str(), colour);
    if (stale)
      note_mark({"stale_read", r.space, r.from, r.length, text, f.src0.x, f.src0.y, f.src1.x, f.src1.y});
    ++drawn;
  }
  dl->PopClipRect();
}

void MemoryMapPanel::draw_freed(ImDrawList* dl, const Step& step, float tween, ImVec2 clip0, ImVec2 clip1,
                                Locale loc) const {
  if (step.kind != StepKind::native_free) return;
  const auto it = lanes_.find(heap::SpaceId::native);
  if (it == lanes_.end()) return;
  const LaneState& ls = it->second;
  const float alpha = tween > 0 ? tween : 1.0f;  // while playing, it appears as the block itself fades out
  dl->PushClipRect(clip0, clip1, true);
  for (const ByteRange& r : step.ranges) {
    if (r.space != heap::SpaceId::native || r.length == 0) continue;
    const float bx0 = std::max(clip0.x, ls.axis.to_x(r.from)),
                bx1 = std::min(clip1.x, std::max(bx0 + 4, ls.axis.to_x(r.from + r.length)));
    if (bx1 <= bx0) continue;
    const ImVec2 a(bx0, ls.band_y0 + 4), b(bx1, ls.band_y1 - 4);
    draw_block(dl, a, b, with_alpha(IM_COL32(200, 200, 205, 255), 0.5f * alpha),
               with_alpha(kStepBytes, alpha), Pattern::hatched);
    dl->AddRect(a, b, with_alpha(kStepBytes, alpha), 0, 0, 2.0f);
    const std::string text = (tr(loc, UiText::transfer_freed_prefix)) + human_bytes(r.length);
    draw_label(dl, a, b, with_alpha(kInk, alpha), text.c_str());
  }
  dl->PopClipRect();
}

}  // namespace heapviz::app
