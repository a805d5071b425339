#include "panels/inspector_bytes.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "heapviz/io/buffer_dump.hpp"
#include "render/address_axis.hpp"
#include "render/drawn_facts.hpp"
#include "render/palette.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

namespace {
constexpr std::uint64_t kMaxDumped = 512;  // 32 lines: a page is 4096 bytes; the wrong bytes are shown first
}  // namespace

void draw_bytes_inspector(const Machine& m, const View& view, const SelectedBytes& sel, ImFont* mono,
                          Locale loc) {
  const bool page = sel.space == heap::SpaceId::kernel;
  ImGui::TextUnformatted(page ? (tr(loc, UiText::inspector_page_cache_page))
                              : (tr(loc, UiText::inspector_device_bytes)));
  if (!sel.label.empty()) ImGui::TextUnformatted(sel.label.c_str());
  ImGui::Text("%s %s   %s %s", tr(loc, UiText::address), hex_address(sel.addr).c_str(), tr(loc, UiText::size),
              human_bytes(sel.size).c_str());

  // Wrong bytes in this range (core facts), and where the dump starts: at the first wrong line if any.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> wrong;
  if (view.heap_address_write)
    wrong = io::wrong_kernel_bytes(*view.heap_address_write, sel.addr, page ? sel.size : 0);
  std::uint64_t wrong_total = 0;
  for (const auto& [a, n] : wrong) wrong_total += n;
  std::uint64_t start = sel.addr;
  if (!wrong.empty() && sel.size > kMaxDumped)
    start = std::max(sel.addr, (wrong.front().first - 32) & ~std::uint64_t{15});
  const std::uint64_t shown = std::min(kMaxDumped, sel.addr + sel.size - start);
  if (wrong_total > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWrongBytes);
    ImGui::TextWrapped(tr(loc, UiText::inspector_wrong_bytes), static_cast<unsigned long long>(wrong_total));
    ImGui::PopStyleColor();
  }
  note_mark({"inspector_bytes", sel.space, sel.addr, sel.size, std::to_string(wrong_total), 0, 0, 0, 0});
  ImGui::Separator();
  auto is_wrong = [&](std::uint64_t a) {
    return std::any_of(wrong.begin(), wrong.end(),
                       [&](const auto& w) { return a >= w.first && a < w.first + w.second; });
  };
  ImGui::PushFont(mono);
  const std::vector<std::string> lines = nio::hex_dump(m, sel.space, start, shown);
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const std::string& line = lines[li];
    const std::uint64_t line_addr = start + 16 * li;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos || wrong.empty()) {
      ImGui::TextUnformatted(line.c_str());
      continue;
    }
    // Byte by byte, so the wrong ones can take the warning colour.
    ImGui::TextUnformatted(line.c_str(), line.c_str() + colon + 1);
    for (std::size_t i = 0; colon + 1 + 3 * i + 3 <= line.size(); ++i) {
      ImGui::SameLine(0, 0);
      const char* tok = line.c_str() + colon + 1 + 3 * i;
      if (is_wrong(line_addr + i))
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kWrongBytes), "%.3s", tok);
      else
        ImGui::TextUnformatted(tok, tok + 3);
    }
  }
  ImGui::PopFont();
  if (shown < sel.size)
    ImGui::TextDisabled(tr(loc, UiText::inspector_bytes_shown_of), static_cast<unsigned long long>(shown),
                        static_cast<unsigned long long>(sel.size));
}

}  // namespace heapviz::app
