// The inspector's marked hex dump of a ByteBuffer (see buffer_hex_view.hpp).
#include "panels/buffer_hex_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "render/address_axis.hpp"
#include "render/palette.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

namespace {
constexpr ImU32 kRemainingBg = IM_COL32(255, 214, 153, 255);  // bytes in [position, limit)
constexpr ImU32 kPositionMark = IM_COL32(0, 114, 178, 255);   // Okabe-Ito blue
constexpr ImU32 kLimitMark = IM_COL32(213, 94, 0, 255);       // Okabe-Ito vermillion
constexpr ImU32 kMarkMark = IM_COL32(0, 158, 115, 255);       // Okabe-Ito green

void swatch(ImU32 colour, bool bar) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (bar)
    dl->AddRectFilled(ImVec2(p.x + 4, p.y), ImVec2(p.x + 7, p.y + h), colour);
  else
    dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + 12, p.y + h - 2), colour);
  ImGui::Dummy(ImVec2(14, h));
  ImGui::SameLine(0, 4);
}
}  // namespace

int buffer_dump_first(int position) { return position < 192 ? 0 : (position - 64) / 16 * 16; }

void draw_buffer_hex(const nio::BufferDump& d, ImFont* mono, Locale loc) {
  char legend[96];
  if (d.mark >= 0)
    std::snprintf(legend, sizeof legend, "pos=%d lim=%d cap=%d mark=%d", d.position, d.limit, d.capacity,
                  d.mark);
  else
    std::snprintf(legend, sizeof legend, "pos=%d lim=%d cap=%d", d.position, d.limit, d.capacity);
  ImGui::TextUnformatted(legend);
  const std::string where = d.direct
                                ? (tr(loc, UiText::buffer_bytes_in_native_at)) + hex_address(d.address)
                                : (tr(loc, UiText::buffer_bytes_in_heap_array_at)) + hex_address(d.address);
  ImGui::TextDisabled("%s %s", tr(loc, UiText::buffer_bytes_in), where.c_str());
  swatch(kPositionMark, true);
  ImGui::TextUnformatted(tr(loc, UiText::buffer_position));
  ImGui::SameLine(0, 12);
  swatch(kLimitMark, true);
  ImGui::TextUnformatted("limit");
  ImGui::SameLine(0, 12);
  swatch(kRemainingBg, false);
  ImGui::TextUnformatted(tr(loc, UiText::buffer_remaining));
  if (d.mark >= 0) {
    ImGui::SameLine(0, 12);
    swatch(kMarkMark, false);
    ImGui::TextUnformatted("mark");
  }

  if (!d.bytes_known) {
    ImGui::TextWrapped("%s", tr(loc, UiText::buffer_address_not_native));
    return;
  }
  ImGui::PushFont(mono);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float cw = ImGui::CalcTextSize("0").x, lh = ImGui::GetTextLineHeight();
  const int n = static_cast<int>(d.bytes.size());
  // 16 bytes a row when they fit in the panel, else 8 (the inspector is narrow in the default layout).
  const float addr_w = static_cast<float>(hex_address(d.address).size() + 1) * cw;
  const int per_row = ImGui::GetContentRegionAvail().x >= addr_w + 48 * cw ? 16 : 8;
  for (int row = 0; row < n; row += per_row) {
    const int index0 = d.first + row;
    const std::string addr = hex_address(d.address + static_cast<std::uint64_t>(index0)) + ":";
    std::string text = addr;
    for (int i = row; i < std::min(n, row + per_row); ++i) {
      char buf[4];
      std::snprintf(buf, sizeof buf, " %02x", d.bytes[static_cast<std::size_t>(i)]);
      text += buf;
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float bytes_x = p.x + static_cast<float>(addr.size()) * cw;
    auto cell_x = [&](int index) {
      return bytes_x + static_cast<float>((index - index0) * 3) * cw;
    };  // the space before a byte
    for (int i = row; i < std::min(n, row + per_row); ++i) {
      const int index = d.first + i;
      const float cx = cell_x(index);
      if (index >= d.position && index < d.limit)
        dl->AddRectFilled(ImVec2(cx + cw * 0.5f, p.y), ImVec2(cx + 3 * cw + cw * 0.5f, p.y + lh),
                          kRemainingBg);
      if (index == d.mark)
        dl->AddRectFilled(ImVec2(cx + cw, p.y + lh - 3), ImVec2(cx + 3 * cw, p.y + lh), kMarkMark);
    }
    ImGui::TextUnformatted(text.c_str());
    const int end = std::min(n, row + per_row) + d.first;  // one past the last index on this row
    auto bar = [&](int index, ImU32 colour,
                   float dx) {  // dx: position left, limit right, both seen when equal
      if (index < index0 || index > end || (index == end && index != d.first + n))
        return;  // a row end belongs to the next row
      const float x = cell_x(index) + cw * dx;
      dl->AddRectFilled(ImVec2(x, p.y - 1), ImVec2(x + 2.5f, p.y + lh + 1), colour);
    };
    bar(d.position, kPositionMark, 0.05f);
    bar(d.limit, kLimitMark, 0.55f);
  }
  ImGui::PopFont();
  if (d.first > 0 || d.first + n < d.capacity)
    ImGui::TextDisabled(tr(loc, UiText::buffer_bytes_range_shown), d.first, d.first + n - 1, d.capacity);
}

}  // namespace heapviz::app
