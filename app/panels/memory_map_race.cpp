// Lesson 06's heap-address write on the memory map: where the kernel reads in the heap lane (the address
// it was given) and where the array is now, the wrong bytes in the page cache, and in pin mode the pinned
// array and the waiting GC. Every fact comes from View::heap_address_write.
#include "panels/memory_map_race.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "panels/memory_map_panel.hpp"
#include "render/drawn_facts.hpp"
#include "render/palette.hpp"
#include "render/shapes.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

namespace {

constexpr ImU32 kArrayNow = IM_COL32(0, 114, 178, 255);  // Okabe-Ito blue: the array itself
constexpr ImU32 kPinned = IM_COL32(0, 158, 115, 255);    // Okabe-Ito bluish green: safe, held in place

/// A dashed rectangle (ImGui has none): the place the kernel reads, which is not an object.
void dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
  const float dash = 6, gap = 4;
  auto line = [&](ImVec2 p, ImVec2 q) {
    const float len = std::hypot(q.x - p.x, q.y - p.y);
    if (len <= 0) return;
    const ImVec2 d((q.x - p.x) / len, (q.y - p.y) / len);
    for (float s = 0; s < len; s += dash + gap) {
      const float e = std::min(len, s + dash);
      dl->AddLine(ImVec2(p.x + d.x * s, p.y + d.y * s), ImVec2(p.x + d.x * e, p.y + d.y * e), colour,
                  thickness);
    }
  };
  line(a, ImVec2(b.x, a.y));
  line(ImVec2(b.x, a.y), b);
  line(b, ImVec2(a.x, b.y));
  line(ImVec2(a.x, b.y), a);
}

/// A label on a white pill with a coloured border, its left edge near `x` (kept inside [min_x, max_x]),
/// its top at `y`; returns the pill's rectangle.
std::pair<ImVec2, ImVec2> pill_label(ImDrawList* dl, float x, float y, float min_x, float max_x, ImU32 colour,
                                     const std::string& text, float alpha) {
  const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
  const float w = ts.x + 10;
  const float left = std::clamp(x, min_x, std::max(min_x, max_x - w));
  const ImVec2 a(left, y), b(left + w, y + ts.y + 4);
  dl->AddRectFilled(a, b, with_alpha(IM_COL32(255, 255, 255, 255), 0.92f * alpha), 3);
  dl->AddRect(a, b, with_alpha(colour, alpha), 3, 0, 1.5f);
  dl->AddText(ImVec2(a.x + 5, a.y + 2), with_alpha(kInk, alpha), text.c_str());
  return {a, b};
}

}  // namespace

bool stale_heap_read(const View& view, const ByteRange& r) {
  if (!view.heap_address_write || r.space != heap::SpaceId::java_heap ||
      r.to_space == heap::SpaceId::java_heap)
    return false;
  const io::HeapWriteChunk* c = io::chunk_read_at(*view.heap_address_write, r.from);
  return c && c->stale;
}

void MemoryMapPanel::draw_heap_write(ImDrawList* dl, const View& before, const View& after, float tween,
                                     ImVec2 clip0, ImVec2 clip1, Locale loc) const {
  if (!after.heap_address_write) return;
  const io::HeapAddressWrite& w = *after.heap_address_write;
  const bool pin = w.mode == io::HeapWriteMode::pin_heap_array;
  const float row = ImGui::GetFontSize() + 6;
  dl->PushClipRect(ImVec2(clip0.x - 10, clip0.y), ImVec2(clip1.x + 10, clip1.y), true);

  // Heap lane: the address the kernel was given, and the array where it is now.
  const auto heap_lane = lanes_.find(heap::SpaceId::java_heap);
  if (heap_lane != lanes_.end() && !heap_lane->second.aggregated) {
    const LaneState& ls = heap_lane->second;
    const std::uint64_t len = static_cast<std::uint64_t>(std::max<std::int64_t>(1, w.length));
    auto span = [&](std::uint64_t addr, float y0, float y1) {
      const float a = std::clamp(ls.axis.to_x(addr), clip0.x, clip1.x - 4);
      return std::pair<ImVec2, ImVec2>{
          ImVec2(a, y0), ImVec2(std::clamp(std::max(a + 4, ls.axis.to_x(addr + len)), a + 4, clip1.x), y1)};
    };
    const bool moved = w.array_now != w.address_given;
    // The array's place slides while the GC step tweens: draw where it is at this moment of the tween.
    const std::uint64_t was_now =
        before.heap_address_write ? before.heap_address_write->array_now : w.array_now;
    const float t = std::clamp(tween > 0 ? tween : 1.0f, 0.0f, 1.0f);
    if (moved) {
      auto [a, b] = span(w.array_now, ls.band_y0 + 2, ls.band_y1 - 2);
      if (was_now != w.array_now) {
        const auto [oa, ob] = span(was_now, ls.band_y0 + 2, ls.band_y1 - 2);
        a.x = lerp(oa.x, a.x, t);
        b.x = lerp(ob.x, b.x, t);
      }
      dl->AddRect(a, b, kArrayNow, 0, 0, 3.0f);
      const std::string text =
          pin ? (tr(loc, UiText::race_array_now_here_after_write)) : (tr(loc, UiText::race_array_now_here));
      const auto [la, lb] = pill_label(dl, a.x, ls.band_y0 - row, clip0.x, clip1.x, kArrayNow, text, 1.0f);
      dl->AddLine(ImVec2(std::clamp(a.x + 4, la.x, lb.x), lb.y), ImVec2(a.x + 4, a.y), kArrayNow, 1.5f);
      note_mark({"array_now", heap::SpaceId::java_heap, w.array_now, len, text, a.x, a.y, b.x, b.y});
    }
    // Where the kernel reads: dashed, vermillion once the array has gone from there during the copy.
    const bool kernel_misled = moved && !pin;
    const ImU32 colour = kernel_misled ? kWrongBytes : kInk;
    const auto [a, b] = span(w.address_given, ls.band_y0 - 1, ls.band_y1 + 1);
    dashed_rect(dl, a, b, colour, 2.5f);
    std::string text;
    if (kernel_misled)
      text = tr(loc, UiText::race_kernel_reads_old_address);
    else if (moved)
      text = tr(loc, UiText::race_kernel_read_pinned);
    else
      text =
          w.finished ? (tr(loc, UiText::race_kernel_read_here)) : (tr(loc, UiText::race_kernel_reads_here));
    // Below the lane, under its address ticks (the next lane's headroom, where only copies pass): the
    // headroom above holds the roots' arrows and "the array is now here".
    const float label_y = ls.band_y1 + ImGui::GetFontSize() + 5;
    const auto [la, lb] = pill_label(dl, b.x - 10, label_y, clip0.x, clip1.x, colour, text, 1.0f);
    dl->AddLine(ImVec2(std::clamp(b.x - 4, la.x, lb.x), la.y), ImVec2(b.x - 4, b.y), colour, 1.5f);
    note_mark(
        {"kernel_reads_here", heap::SpaceId::java_heap, w.address_given, len, text, a.x, a.y, b.x, b.y});

    // Pin mode: the array held in place while the critical region is active, and the GC that waits.
    if (pin && w.in_critical) {
      const std::string pinned = tr(loc, UiText::race_pinned);
      const auto [pa, pb] = span(w.array_now, ls.band_y0 - 2, ls.band_y0 + 2);
      dl->AddRectFilled(pa, pb, kPinned);
      const auto [qa, qb] = pill_label(dl, pa.x, ls.band_y0 - row, clip0.x, clip1.x, kPinned, pinned, 1.0f);
      note_mark({"pinned", heap::SpaceId::java_heap, w.array_now, len, pinned, pa.x, pa.y, pb.x, pb.y});
      if (w.gc_waiting) {
        const std::string waiting = tr(loc, UiText::race_gc_waiting);
        const auto [ga, gb] =
            pill_label(dl, qb.x + 8, ls.band_y0 - row, clip0.x, clip1.x, kInk, waiting, 1.0f);
        note_mark(
            {"gc_waiting", heap::SpaceId::java_heap, w.array_now, len, waiting, ga.x, ga.y, gb.x, gb.y});
      }
    }
  }

  // Kernel lane: the wrong bytes where the page cache holds them, ticked and counted.
  const auto kernel_lane = lanes_.find(heap::SpaceId::kernel);
  if (kernel_lane != lanes_.end() && !w.wrong_cached.empty()) {
    const LaneState& ls = kernel_lane->second;
    // A mark that appears in this step fades in with the copy that made it.
    const std::int64_t before_wrong = before.heap_address_write ? before.heap_address_write->wrong_bytes : 0;
    const float alpha = tween > 0 && before_wrong != w.wrong_bytes ? std::max(0.2f, tween) : 1.0f;
    float first_x = clip1.x, last_x = clip0.x;
    std::uint64_t lo = ~0ull, hi = 0;
    for (const io::CachedBytes& c : w.wrong_cached) {
      const float a = std::clamp(ls.axis.to_x(c.kernel_address), clip0.x, clip1.x - 3);
      const float b =
          std::clamp(std::max(a + 3, ls.axis.to_x(c.kernel_address + static_cast<std::uint64_t>(c.length))),
                     a + 3, clip1.x);
      // A solid strip along the top and bottom of the band and ticks across it: red hatch over the page.
      dl->AddRectFilled(ImVec2(a, ls.band_y0 + 1), ImVec2(b, ls.band_y0 + 7), with_alpha(kWrongBytes, alpha));
      dl->AddRectFilled(ImVec2(a, ls.band_y1 - 7), ImVec2(b, ls.band_y1 - 1), with_alpha(kWrongBytes, alpha));
      for (float x = a; x <= b; x += 5)
        dl->AddLine(ImVec2(x, ls.band_y0 + 7), ImVec2(x, ls.band_y1 - 7), with_alpha(kWrongBytes, alpha),
                    2.0f);
      first_x = std::min(first_x, a);
      last_x = std::max(last_x, b);
      lo = std::min(lo, c.kernel_address);
      hi = std::max(hi, c.kernel_address + static_cast<std::uint64_t>(c.length));
    }
    const std::string text = std::to_string(w.wrong_bytes) + (tr(loc, UiText::race_bytes_wrong_suffix));
    pill_label(dl, first_x, ls.band_y0 - row, clip0.x, clip1.x, kWrongBytes, text, alpha);
    note_mark(
        {"wrong_bytes", heap::SpaceId::kernel, lo, hi - lo, text, first_x, ls.band_y0, last_x, ls.band_y1});
  }
  dl->PopClipRect();
}

}  // namespace heapviz::app
