#include "panels/memory_map_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <unordered_map>

#include "render/drawn_facts.hpp"
#include "render/palette.hpp"
#include "render/shapes.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

constexpr float kMinLabelColumn = 170;  // lane names and figures on the left (wider with the font)
// Lane heights come from the height the map has (all lanes visible without scrolling), between a
// readable minimum and a comfortable maximum, in font sizes so they follow the UI scale.
constexpr float kMinBand = 1.9f, kMaxBand = 3.6f;     // the lane itself
constexpr float kMinArrow = 1.25f, kMaxArrow = 3.0f;  // headroom for reference arrows above a lane
constexpr std::size_t kMaxBlocksDrawn = 3000;         // beyond this a lane draws occupancy (level of detail)
constexpr std::size_t kMaxArrowsDrawn = 400;

/// The heap lane's title says the simplification: heapviz has no generations.
const char* lane_title(heap::SpaceId s, Locale loc) {
  if (s == heap::SpaceId::java_heap) return tr(loc, UiText::lane_heap_one_space_title);
  return nullptr;
}

/// Why the heap lane is one space: what JDK 17 has and heapviz does not model.
void one_space_tooltip(Locale loc) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  ImGui::TextUnformatted(tr(loc, UiText::lane_heap_one_space_tooltip));
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

const char* lane_name(heap::SpaceId s, Locale loc) {
  switch (s) {
    case heap::SpaceId::java_heap:
      return tr(loc, UiText::lane_java_heap);
    case heap::SpaceId::native:
      return tr(loc, UiText::lane_native);
    case heap::SpaceId::kernel:
      return tr(loc, UiText::lane_kernel);
    case heap::SpaceId::device:
      return tr(loc, UiText::lane_device);
  }
  return "?";
}

struct LaneRange {
  std::uint64_t base = ~0ull, end = 0, used = 0;
};

/// A native block is inspected through the object whose field points into it (a DirectByteBuffer's
/// address): clicking the block selects that object.
heap::ObjectId owner_of(const View& v, const BlockView& block) {
  for (const ArrowView& a : v.arrows)
    if (a.to_space == block.space && a.from != heap::kNoObject && a.to_addr >= block.addr &&
        a.to_addr < block.addr + block.size)
      return a.from;
  return heap::kNoObject;
}

std::string short_type(const std::string& type) {
  const auto dot = type.rfind('.');
  return dot == std::string::npos ? type : type.substr(dot + 1);
}

// A rectangle outline of short dashes (ImGui draws only solid lines): the second cue of a stale root.
void draw_dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col) {
  constexpr float kDash = 4, kGap = 3;
  auto dashes = [&](ImVec2 p, ImVec2 q) {
    const float len = std::max(std::abs(q.x - p.x), std::abs(q.y - p.y));
    for (float t = 0; t < len; t += kDash + kGap) {
      const float e = std::min(t + kDash, len);
      const auto at = [&](float u) {
        return ImVec2(p.x + (q.x - p.x) * u / len, p.y + (q.y - p.y) * u / len);
      };
      dl->AddLine(at(t), at(e), col, 1.0f);
    }
  };
  dashes(a, ImVec2(b.x, a.y));
  dashes(ImVec2(b.x, a.y), b);
  dashes(b, ImVec2(a.x, b.y));
  dashes(ImVec2(a.x, b.y), a);
}

}  // namespace

MemoryMapPanel::LaneState& MemoryMapPanel::lane(heap::SpaceId space, std::uint64_t base, std::uint64_t size) {
  LaneState& l = lanes_[space];
  if (l.base != base || l.size != size) {
    l.axis.reset(base, size);
    l.base = base;
    l.size = size;
    const auto it = extents_.find(space);
    if (it != extents_.end() && it->second > base && it->second < base + size) {
      const std::uint64_t used = it->second - base;
      l.axis.show_range(base, used);  // [base, base + 1.5 x used]: room to see the heap grow
    }
  }
  return l;
}

ViewOptions MemoryMapPanel::heap_view_options() const {
  ViewOptions o;
  o.max_blocks = kMaxBlocksDrawn + 1;
  const auto it = lanes_.find(heap::SpaceId::java_heap);
  if (it != lanes_.end() && it->second.axis.view_length() > 0) {
    o.window_begin = it->second.axis.view_start();
    o.window_end = it->second.axis.view_start() + it->second.axis.view_length();
  }
  return o;
}

bool MemoryMapPanel::wants_occupancy(heap::SpaceId space) const {
  const auto it = lanes_.find(space);
  return it != lanes_.end() && it->second.aggregated;
}

void MemoryMapPanel::draw(const MemoryMapInput& in) {
  if (!in.after) {
    ImGui::TextDisabled("No simulation state to show.");
    return;
  }
  const Locale loc = in.locale;
  const View& after = *in.after;
  const View& before = in.before ? *in.before : after;
  const float t = ease(std::clamp(in.tween, 0.0f, 1.0f));

  // Lanes: one per address space present in the view, in space order.
  std::map<heap::SpaceId, LaneRange> ranges;
  for (const RegionView& r : after.regions) {
    LaneRange& lr = ranges[r.space];
    lr.base = std::min(lr.base, r.base);
    lr.end = std::max(lr.end, r.base + r.size);
    lr.used += r.used;
  }
  std::unordered_map<heap::ObjectId, const BlockView*> old_blocks;
  for (const BlockView& b : before.blocks)
    if (b.id != heap::kNoObject) old_blocks.emplace(b.id, &b);
  std::unordered_map<heap::ObjectId, const BlockView*> new_blocks;
  for (const BlockView& b : after.blocks)
    if (b.id != heap::kNoObject) new_blocks.emplace(b.id, &b);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
  const float label_column = std::max(kMinLabelColumn, ImGui::GetFontSize() * 10.5f);
  const float x0 = origin.x + label_column, x1 = origin.x + width - 8;
  lane_width_ = x1 - x0;
  float y = origin.y;
  const ImGuiIO& io = ImGui::GetIO();
  const float fs = ImGui::GetFontSize();
  {
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    note_map_area(wp.x, wp.y, wp.x + ws.x, wp.y + ws.y);
  }

  // Vertical layout: roots row, then per lane arrow room + band + tick row, then the legend. The band
  // and arrow room share what is left, so every lane fits; below the minimum the map scrolls.
  const float roots_row = ranges.count(heap::SpaceId::java_heap) ? fs + 14 : 0;
  const float tick_row = fs + 6;
  int n_styles = 0;
  const BlockStyle* legend = legend_styles(&n_styles);
  float legend_h = 6 + fs + 8;
  for (float lx = origin.x; const BlockStyle& st : std::span(legend, static_cast<std::size_t>(n_styles))) {
    const float w = 26 + ImGui::CalcTextSize(tr(loc, st.legend)).x + 14;
    if (lx + w > origin.x + width) {
      lx = origin.x;
      legend_h += fs + 8;
    }
    lx += w;
  }
  const float lanes_n = std::max<float>(1, static_cast<float>(ranges.size()));
  const float per_lane = (ImGui::GetContentRegionAvail().y - roots_row - legend_h - 4) / lanes_n - tick_row;
  const float band = std::clamp(per_lane * 0.6f, kMinBand * fs, kMaxBand * fs);
  const float arrow_room = std::clamp(per_lane - band, kMinArrow * fs, kMaxArrow * fs);

  // Where each block is drawn this frame, for arrows, roots and hit testing.
  struct Placed {
    float x0, x1, y0, y1;
    const BlockView* block;
  };
  std::unordered_map<heap::ObjectId, Placed> placed;
  const BlockView* hovered = nullptr;

  for (const auto& [space, range] : ranges) {
    LaneState& ls = lane(space, range.base, range.end - range.base);
    ls.axis.set_pixels(x0, x1);
    const bool heap_lane = space == heap::SpaceId::java_heap;
    if (heap_lane) y += roots_row;
    y += arrow_room;
    const float band_y0 = y, band_y1 = y + band;
    ls.band_y0 = band_y0;
    ls.band_y1 = band_y1;

    // Label column: name (the heap's says it is one space, with a tooltip), used / capacity; bottom-
    // aligned with the band, using the arrow room above it when the name wraps.
    const char* title = lane_title(space, loc) ? lane_title(space, loc) : lane_name(space, loc);
    const float wrap = label_column - 10;
    const float title_h = ImGui::CalcTextSize(title, nullptr, false, wrap).y;
    const float label_y = std::max(band_y0 - arrow_room + 2, std::min(band_y0, band_y1 - title_h - fs - 2));
    dl->AddText(nullptr, 0, ImVec2(origin.x, label_y), kInk, title, nullptr, wrap);
    const std::string figures = human_bytes(range.used) + " / " + human_bytes(range.end - range.base);
    dl->AddText(ImVec2(origin.x, label_y + title_h + 2), kMutedInk, figures.c_str());
    ImGui::SetCursorScreenPos(ImVec2(origin.x, label_y));
    ImGui::InvisibleButton((std::string("##title-") + lane_name(space, Locale::en)).c_str(),
                           ImVec2(wrap, std::max(1.0f, title_h + fs + 2)));
    if (heap_lane && ImGui::IsItemHovered()) one_space_tooltip(loc);

    // Zoom (wheel) and pan (drag) on the lane.
    ImGui::SetCursorScreenPos(ImVec2(x0, band_y0));
    ImGui::InvisibleButton(lane_name(space, Locale::en), ImVec2(x1 - x0, band));
    const bool lane_hovered = ImGui::IsItemHovered();
    if (lane_hovered && io.MouseWheel != 0) ls.axis.zoom_at(io.MousePos.x, std::pow(1.25, io.MouseWheel));
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f))
      ls.axis.pan_pixels(io.MouseDelta.x);
    if (lane_hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
      ls.axis.reset(range.base, range.end - range.base);

    dl->AddRectFilled(ImVec2(x0, band_y0), ImVec2(x1, band_y1), kLaneBg);
    dl->PushClipRect(ImVec2(x0, band_y0 - arrow_room), ImVec2(x1, band_y1 + 1), true);

    // Level of detail: count what is in view; too many blocks are drawn as an occupancy strip.
    // Heap objects narrower than a pixel cannot be seen one by one: when more of them are in view than the
    // lane has pixels to spare, the heap lane shows occupancy too.
    std::size_t in_view = 0, below_a_pixel = 0, given = 0;
    const double bytes_per_pixel = static_cast<double>(ls.axis.view_length()) / std::max(1.0f, x1 - x0);
    for (const BlockView& b : after.blocks)
      if (given += b.space == space; b.space == space && b.id != heap::kNoObject &&
                                     b.addr + b.size > ls.axis.view_start() &&
                                     b.addr < ls.axis.view_start() + ls.axis.view_length()) {
        ++in_view;
        below_a_pixel += static_cast<double>(b.size) < bytes_per_pixel;
      }
    ls.aggregated =
        (space == heap::SpaceId::java_heap && (after.truncated || below_a_pixel > (x1 - x0) / 4)) ||
        in_view > kMaxBlocksDrawn;
    std::string title_line = title;  // the facts log has the title on one line
    std::replace(title_line.begin(), title_line.end(), '\n', ' ');
    note_lane({space, lane_name(space, Locale::en), title_line, x0, band_y0, x1, band_y1, ls.aggregated,
               ls.axis.view_start(), ls.axis.view_length(), given});
    const std::vector<OccupancyBucket>* occ = nullptr;
    if (in.occupancy) {
      const auto it = in.occupancy->find(space);
      if (it != in.occupancy->end()) occ = &it->second;
    }
    if (ls.aggregated && occ) {
      for (const OccupancyBucket& bk : *occ) {
        const float bx0 = ls.axis.to_x(bk.begin), bx1 = std::max(bx0 + 1, ls.axis.to_x(bk.end));
        const double span = static_cast<double>(bk.end - bk.begin);
        float yy = band_y1;
        auto bar = [&](std::uint64_t bytes, BlockStyle st) {
          const float h = static_cast<float>(bytes / span) * band;
          if (h <= 0) return;
          dl->AddRectFilled(ImVec2(bx0, yy - h), ImVec2(bx1, yy), st.fill);
          yy -= h;
        };
        bar(bk.live, style_for("object", "live"));
        bar(bk.filler, style_for("", "filler"));
        bar(bk.garbage, style_for("", "unmarked"));
      }
      const std::string note = tr(loc, UiText::map_occupancy_note);
      dl->AddText(ImVec2(x0 + 4, band_y0 - ImGui::GetFontSize() - 2), kMutedInk, note.c_str());
    } else {
      // Ghosts of blocks that are leaving or moving, then blocks at their tweened positions.
      for (const BlockView& ob : before.blocks) {
        if (ob.space != space || ob.id == heap::kNoObject) continue;
        const auto it = new_blocks.find(ob.id);
        const bool gone = it == new_blocks.end();
        const bool moving = !gone && it->second->addr != ob.addr;
        if (!gone && !moving) continue;
        const float gx0 = ls.axis.to_x(ob.addr), gx1 = std::max(gx0 + 2, ls.axis.to_x(ob.addr + ob.size));
        BlockStyle st = style_for(ob.type, block_state_name(ob.state));
        const float alpha = gone ? 1 - t : 0.35f;
        draw_block(dl, ImVec2(gx0, band_y0 + 4), ImVec2(gx1, band_y1 - 4), with_alpha(st.fill, alpha * 0.6f),
                   with_alpha(kLaneBorder, alpha), gone ? st.pattern : Pattern::outlined);
        note_block({ob.id, ob.space, ob.addr, ob.size, "", gx0, band_y0 + 4, gx1, band_y1 - 4, true});
      }
      // Blocks that are not Java objects (malloc chunks, page-cache pages, disk bytes) never move; a chunk
      // that was in use before this step and is free after it fades out (the Deallocator freed it).
      std::map<std::uint64_t, const BlockView*> old_chunks;
      for (const BlockView& ob : before.blocks)
        if (ob.space == space && ob.id == heap::kNoObject && ob.state != BlockState::free)
          old_chunks[ob.addr] = &ob;
      for (const BlockView& b : after.blocks) {
        if (b.space != space || b.id != heap::kNoObject) continue;
        const auto was = old_chunks.find(b.addr);
        const bool freed_now = b.state == BlockState::free && was != old_chunks.end();
        if (b.state == BlockState::free && !freed_now) continue;
        const BlockView& shown = freed_now ? *was->second : b;
        const float bx0 = ls.axis.to_x(shown.addr),
                    bx1 = std::max(bx0 + 2, ls.axis.to_x(shown.addr + shown.size));
        if (bx1 < x0 || bx0 > x1) continue;
        const float alpha =
            freed_now ? 1 - t : (was == old_chunks.end() && b.addr != 0 ? std::max(0.15f, t) : 1.0f);
        const BlockStyle st = style_for(shown.type, "live");
        draw_block(dl, ImVec2(bx0, band_y0 + 4), ImVec2(bx1, band_y1 - 4), with_alpha(st.fill, alpha),
                   with_alpha(kInk, alpha), freed_now ? Pattern::hatched : st.pattern);
        const std::string& text = pick(loc, shown.label, shown.label_zh);
        draw_label(dl, ImVec2(bx0, band_y0 + 4), ImVec2(bx1, band_y1 - 4),
                   with_alpha(text_colour_on(st.fill), alpha), text.c_str());
        note_block(
            {0, shown.space, shown.addr, shown.size, text, bx0, band_y0 + 4, bx1, band_y1 - 4, freed_now});
        if (selected_bytes_ && selected_bytes_->space == shown.space && selected_bytes_->addr == shown.addr)
          dl->AddRect(ImVec2(bx0 - 2, band_y0 + 2), ImVec2(bx1 + 2, band_y1 - 2), IM_COL32(0, 114, 178, 255),
                      0, 0, 3);
        if (lane_hovered && io.MousePos.x >= bx0 && io.MousePos.x <= bx1) hovered = &b;
      }
      for (const BlockView& b : after.blocks) {
        if (b.space != space || b.id == heap::kNoObject) continue;
        const auto it = old_blocks.find(b.id);
        float bx0 = ls.axis.to_x(b.addr), bx1 = ls.axis.to_x(b.addr + b.size);
        float alpha = 1;
        if (it == old_blocks.end()) {
          alpha = std::max(0.15f, t);  // appearing
        } else if (it->second->addr != b.addr) {
          const float ox0 = ls.axis.to_x(it->second->addr);
          bx1 = lerp(ox0 + (bx1 - bx0), bx1, t);
          bx0 = lerp(ox0, bx0, t);
        }
        if (bx1 - bx0 < 2) bx1 = bx0 + 2;  // a readable minimum width
        if (bx1 < x0 || bx0 > x1) continue;
        const BlockStyle st = style_for(b.type, block_state_name(b.state));
        const float by0 = band_y0 + 4, by1 = band_y1 - 4;
        draw_block(dl, ImVec2(bx0, by0), ImVec2(bx1, by1), with_alpha(st.fill, alpha),
                   with_alpha(kInk, alpha), st.pattern);
        if (b.state == BlockState::marked || b.state == BlockState::forwarded)
          dl->AddRectFilled(ImVec2(bx0, by0 - 4), ImVec2(bx1, by0 - 1), kInk);  // the mark bit
        if (b.state == BlockState::forwarded && b.forward_to != b.addr) {
          const float fx = ls.axis.to_x(b.forward_to);
          dl->AddLine(ImVec2(bx0, by1), ImVec2(fx, band_y1 + 2), kHighlight, 1.5f);
          dl->AddCircleFilled(ImVec2(fx, band_y1 + 2), 3, kHighlight);
        }
        if (b.id == selected_)
          dl->AddRect(ImVec2(bx0 - 2, by0 - 2), ImVec2(bx1 + 2, by1 + 2), kHighlight, 0, 0, 3);
        std::string label = b.label.empty() ? short_type(b.type) : b.label + ": " + short_type(b.type);
        if (bx1 - bx0 > ImGui::CalcTextSize(label.c_str()).x + 6)
          label.append(" ").append(human_bytes(b.size));  // (not +: GCC 12 raises a false -Wrestrict)
        draw_label(dl, ImVec2(bx0, by0), ImVec2(bx1, by1), with_alpha(text_colour_on(st.fill), alpha),
                   label.c_str());
        note_block({b.id, b.space, b.addr, b.size, label, bx0, by0, bx1, by1, false});
        placed[b.id] = Placed{bx0, bx1, by0, by1, &b};
        if (lane_hovered && io.MousePos.x >= bx0 && io.MousePos.x <= bx1) hovered = &b;
      }
    }
    dl->PopClipRect();
    dl->AddRect(ImVec2(x0, band_y0), ImVec2(x1, band_y1), kLaneBorder);

    // Address ticks in hex under the lane.
    // One tick label per label width (at any UI scale), so hex addresses never overlap.
    const float tick_w = ImGui::CalcTextSize(hex_address(range.end).c_str()).x + 14;
    const int max_ticks = std::max(2, static_cast<int>((x1 - x0) / tick_w));
    float label_end = -1e9f;  // a label pulled left at the lane's end must not overlap the one before
    for (const auto& tick : ls.axis.ticks(max_ticks)) {
      if (tick.x < x0 - 1 || tick.x > x1 + 1) continue;
      dl->AddLine(ImVec2(tick.x, band_y1), ImVec2(tick.x, band_y1 + 4), kMutedInk);
      const float w = ImGui::CalcTextSize(tick.label.c_str()).x;
      const float lx = std::min(tick.x + 2, x1 - w);
      if (lx < label_end + 6) continue;
      dl->AddText(ImVec2(lx, band_y1 + 3), kMutedInk, tick.label.c_str());
      label_end = lx + w;
    }
    y = band_y1 + tick_row;
  }

  if (in.step) {
    draw_freed(dl, *in.step, in.tween, ImVec2(x0, origin.y), ImVec2(x1, y), loc);
    draw_transfers(dl, *in.step, after, in.tween, ImVec2(x0, origin.y), ImVec2(x1, y), loc);
  }
  draw_heap_write(dl, before, after, in.tween, ImVec2(x0, origin.y), ImVec2(x1, y), loc);

  // References between objects, as arrows above the lanes (skipped when too many to read). An arrow
  // ends at the address the field holds, not at the object: in phase 3 the stored addresses are
  // rewritten to forwarding addresses before phase 4 moves the objects there.
  const auto heap_lane = lanes_.find(heap::SpaceId::java_heap);
  std::map<std::pair<heap::ObjectId, std::uint32_t>, std::uint64_t> old_targets;
  for (const ArrowView& a : before.arrows)
    if (a.from != heap::kNoObject) old_targets[{a.from, a.offset}] = a.to_addr;
  // Arrows stay inside the map: a target outside the visible window gets an arrow to the lane's edge
  // and an edge marker pointing where it is.
  dl->PushClipRect(ImVec2(x0 - 1, origin.y), ImVec2(x1 + 1, y), true);
  auto clamp_target = [&](float& tx) {
    const int off = tx < x0 ? -1 : tx > x1 ? 1 : 0;
    if (off != 0) tx = off < 0 ? x0 + 8 : x1 - 8;
    return off;
  };
  if (heap_lane != lanes_.end() && after.arrows.size() <= kMaxArrowsDrawn) {
    const AddressAxis& axis = heap_lane->second.axis;
    for (const ArrowView& a : after.arrows) {
      if (a.from == heap::kNoObject) continue;
      const auto f = placed.find(a.from);
      if (f == placed.end()) continue;
      const BlockView& fb = *f->second.block;
      const float field_x = std::clamp(f->second.x0 + static_cast<float>(a.offset) /
                                                          std::max<float>(1.0f, static_cast<float>(fb.size)) *
                                                          (f->second.x1 - f->second.x0),
                                       f->second.x0, f->second.x1);
      float to_x = axis.to_x(a.to_addr);
      const auto old = old_targets.find({a.from, a.offset});
      if (old != old_targets.end() && old->second != a.to_addr) to_x = lerp(axis.to_x(old->second), to_x, t);
      const int off = clamp_target(to_x);
      const float dist = std::fabs(to_x - field_x);
      note_arrow({a.from, a.to, a.to_addr, a.to_space});
      const float lift = std::min(arrow_room - 6, 12 + dist * 0.15f);
      draw_arrow(dl, ImVec2(field_x, f->second.y0), ImVec2(to_x + 3, f->second.y0), kArrow, 1.5f, lift);
      if (off != 0) draw_edge_marker(dl, ImVec2(off < 0 ? x0 + 2 : x1 - 2, f->second.y0 - 4), off, kArrow);
    }
  }

  // References into other spaces (DirectByteBuffer.address -> its native block): from the object down to
  // the lane of that space, at the address the field holds.
  for (const ArrowView& a : after.arrows) {
    if (a.to_space == heap::SpaceId::java_heap || a.from == heap::kNoObject) continue;
    const auto f = placed.find(a.from);
    const auto target = lanes_.find(a.to_space);
    if (f == placed.end() || target == lanes_.end()) continue;
    const float fx = std::clamp(f->second.x0 + 6, f->second.x0, f->second.x1);
    float tx = target->second.axis.to_x(a.to_addr);
    const int off = clamp_target(tx);
    if (off != 0)
      draw_edge_marker(dl, ImVec2(off < 0 ? x0 + 2 : x1 - 2, target->second.band_y0 + 10), off,
                       IM_COL32(0, 114, 178, 230));
    const ImVec2 from(fx, f->second.y1), to(tx, target->second.band_y0 + 4);
    note_arrow({a.from, a.to, a.to_addr, a.to_space});
    dl->AddBezierCubic(from, ImVec2(from.x, from.y + 40), ImVec2(to.x, to.y - 40), to,
                       IM_COL32(0, 114, 178, 200), 2.0f);
    dl->AddTriangleFilled(to, ImVec2(to.x - 5, to.y - 9), ImVec2(to.x + 5, to.y - 9),
                          IM_COL32(0, 114, 178, 230));
  }

  dl->PopClipRect();

  // Roots: the local variables, as chips above the heap lane, each pointing at its object.
  if (ranges.count(heap::SpaceId::java_heap)) {
    float cx = x0;
    const float cy = origin.y + 2;
    dl->AddText(ImVec2(origin.x, cy + 4), kMutedInk, tr(loc, UiText::map_roots_row));
    for (const RootView& r : after.roots) {
      if (r.kind != "local") continue;
      // A null local reads "name = null" inside its chip; others point at their object. A stale slot
      // (its block ended, the interpreter still sees the reference) is a dashed, muted chip.
      std::string text = r.target == heap::kNoObject ? r.name + " = null" : r.name;
      if (r.stale)
        text = (tr(loc, UiText::map_stale_slot_prefix)) + std::to_string(r.jvm_slot) + " (" + text + ")";
      const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
      const ImVec2 a(cx, cy), b(cx + ts.x + 12, cy + ts.y + 6);
      const ImU32 ink = r.target == heap::kNoObject || r.stale ? kMutedInk : kInk;
      if (r.stale) {
        dl->AddRectFilled(a, b, IM_COL32(238, 238, 238, 255), 4);
        draw_dashed_rect(dl, a, b, kMutedInk);
      } else {
        dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255), 4);
        dl->AddRect(a, b, ink, 4);
      }
      dl->AddText(ImVec2(a.x + 6, a.y + 3), ink, text.c_str());
      note_root(r.name, r.target, r.stale);
      const auto it = placed.find(r.target);
      if (it != placed.end() && heap_lane != lanes_.end()) {
        const ImVec2 from((a.x + b.x) / 2, b.y);
        const ImVec2 to(std::clamp(heap_lane->second.axis.to_x(r.addr) + 4, x0 + 2, x1 - 2), it->second.y0);
        dl->AddBezierCubic(from, ImVec2(from.x, from.y + 30), ImVec2(to.x, to.y - 30), to,
                           IM_COL32(0, 114, 178, 170), 1.5f);
        dl->AddTriangleFilled(to, ImVec2(to.x - 4, to.y - 8), ImVec2(to.x + 4, to.y - 8),
                              IM_COL32(0, 114, 178, 220));
      }
      cx = b.x + 10;
    }
  }

  // Legend with the second (pattern) cue.
  y += 6;
  float lx = origin.x;
  for (int i = 0; i < n_styles; ++i) {
    const BlockStyle* styles = legend;
    const char* text = tr(loc, styles[i].legend);
    const float w = 26 + ImGui::CalcTextSize(text).x + 14;
    if (lx + w > origin.x + width) {
      lx = origin.x;
      y += ImGui::GetFontSize() + 8;
    }
    draw_block(dl, ImVec2(lx, y + 2), ImVec2(lx + 20, y + ImGui::GetFontSize()), styles[i].fill, kInk,
               styles[i].pattern);
    dl->AddText(ImVec2(lx + 26, y), kInk, text);
    lx += w;
  }
  y += ImGui::GetFontSize() + 8;

  if (hovered) {
    ImGui::BeginTooltip();
    if (hovered->id != heap::kNoObject) {
      ImGui::Text("%s #%u", hovered->type.c_str(), hovered->id);
      if (!hovered->label.empty()) ImGui::Text("%s %s", tr(loc, UiText::held_by), hovered->label.c_str());
    } else {  // a native chunk, page or file: its label says what it is
      ImGui::Text("%s", pick(loc, hovered->label, hovered->label_zh).c_str());
    }
    ImGui::Text("%s, %s", hex_address(hovered->addr).c_str(), human_bytes(hovered->size).c_str());
    ImGui::Text("%s", std::string(block_state_name(hovered->state)).c_str());
    ImGui::EndTooltip();
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
      // Page-cache pages and disk bytes have no object behind them: the inspector dumps their bytes.
      if (hovered->id == heap::kNoObject &&
          (hovered->space == heap::SpaceId::kernel || hovered->space == heap::SpaceId::device))
        select_bytes(
            {hovered->space, hovered->addr, hovered->size, pick(loc, hovered->label, hovered->label_zh)});
      else
        select(hovered->id != heap::kNoObject ? hovered->id : owner_of(after, *hovered));
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
  ImGui::Dummy(ImVec2(width, 1));
}

}  // namespace heapviz::app
