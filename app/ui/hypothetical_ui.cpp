// Hypothetical modes in the GUI (see hypothetical_ui.hpp).
#include "ui/hypothetical_ui.hpp"

#include <imgui.h>

#include "render/palette.hpp"
#include "ui/app_state.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

void draw_hypothetical_menu(AppState& s) {
  if (!s.lesson || s.lesson->directives.hypotheticals.empty()) return;
  const Locale loc = s.locale;
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr(loc, UiText::hypothetical_menu_heading));
  for (const std::string& mode : s.lesson->directives.hypotheticals) {
    const bool on = s.hypothetical_on(mode);
    if (ImGui::MenuItem(mode.c_str(), nullptr, on)) s.set_hypothetical(mode, !on);
  }
}

void draw_hypothetical_banner(const std::vector<std::string>& modes, Locale loc) {
  if (modes.empty()) return;
  std::string text = tr(loc, UiText::hypothetical_banner);
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
