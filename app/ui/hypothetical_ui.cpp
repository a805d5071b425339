// Hypothetical modes in the GUI (see hypothetical_ui.hpp).
#include "ui/hypothetical_ui.hpp"

#include <imgui.h>

#include "render/palette.hpp"
#include "ui/app_state.hpp"

namespace heapviz::app {

void draw_hypothetical_menu(AppState& s) {
  if (!s.lesson || s.lesson->directives.hypotheticals.empty()) return;
  const bool zh = s.lang == "zh";
  ImGui::Separator();
  ImGui::TextDisabled("%s", zh ? "假设情形（JDK 并不这样做）" : "Hypothetical (not what the JDK does)");
  for (const std::string& mode : s.lesson->directives.hypotheticals) {
    const bool on = s.hypothetical_on(mode);
    if (ImGui::MenuItem(mode.c_str(), nullptr, on)) s.set_hypothetical(mode, !on);
  }
}

void draw_hypothetical_banner(const std::vector<std::string>& modes, bool zh) {
  if (modes.empty()) return;
  std::string text = zh ? "假设情形——JDK 并不这样做：" : "HYPOTHETICAL — not what the JDK does: ";
  for (std::size_t i = 0; i < modes.size(); ++i) text += (i ? ", " : "") + modes[i];
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = ImGui::GetTextLineHeight() + 10;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), kHighlight, 4);  // vermillion: the palette's warning colour
  dl->AddText(ImVec2(p.x + 10, p.y + 5), IM_COL32(255, 255, 255, 255), text.c_str());
  ImGui::Dummy(ImVec2(w, h + 4));
}

}  // namespace heapviz::app
