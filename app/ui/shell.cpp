#include "ui/shell.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "heapviz/version.hpp"

namespace heapviz::app {
namespace {

void draw_menu_bar(AppState& s) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::BeginMenu("Open lesson")) {
      for (std::size_t i = 0; i < s.lessons.size(); ++i) {
        const std::string label = s.lessons[i].id + "  " + s.title_of(s.lessons[i]);
        if (ImGui::MenuItem(label.c_str(), nullptr, s.selected == static_cast<int>(i)))
          s.select(static_cast<int>(i));
      }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) s.quit_requested = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("English", nullptr, s.lang == "en")) s.lang = "en";
    if (ImGui::MenuItem("简体中文", nullptr, s.lang == "zh")) s.lang = "zh";
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextUnformatted(("heapviz " + std::string(version())).c_str());
    ImGui::TextUnformatted(("Models " + std::string(modelled_jdk())).c_str());
    if (!s.renderer.empty()) ImGui::TextUnformatted(("Renderer: " + s.renderer).c_str());
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void draw_lesson_list(AppState& s) {
  ImGui::TextDisabled("LESSONS (%zu)", s.lessons.size());
  ImGui::Separator();
  if (s.lessons.empty()) {
    ImGui::TextWrapped("No lessons found in %s. Set HEAPVIZ_ASSETS to the folder holding scenarios/.",
                       (assets_dir() / "scenarios").string().c_str());
    return;
  }
  for (std::size_t i = 0; i < s.lessons.size(); ++i) {
    const auto& e = s.lessons[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string number = e.id.substr(0, e.id.find('-'));
    const std::string label = number + "  " + s.title_of(e);
    if (ImGui::Selectable(label.c_str(), s.selected == static_cast<int>(i))) s.select(static_cast<int>(i));
    ImGui::PopID();
  }
}

void draw_source(const AppState& s, const FontSet& fonts) {
  const LessonEntry* e = s.current();
  if (!e) {
    ImGui::TextUnformatted("No lesson selected.");
    return;
  }
  ImGui::TextUnformatted(s.title_of(*e).c_str());
  ImGui::TextDisabled("%s", e->path.string().c_str());
  ImGui::Separator();
  if (!s.source_error.empty()) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", s.source_error.c_str());
    return;
  }
  ImGui::BeginChild("source", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushFont(fonts.mono);
  int line_no = 1;
  std::size_t start = 0;
  while (start <= s.source.size()) {
    std::size_t end = s.source.find('\n', start);
    if (end == std::string::npos) end = s.source.size();
    if (start == end && end == s.source.size()) break;
    char num[16];
    std::snprintf(num, sizeof num, "%3d  ", line_no++);
    ImGui::TextDisabled("%s", num);
    ImGui::SameLine(0, 0);
    const std::string line = s.source.substr(start, end - start);
    const bool directive = line.rfind("//@", 0) == 0;
    const bool comment = !directive && line.rfind("//", 0) == 0;
    if (directive) ImGui::TextColored(ImVec4(0.55f, 0.25f, 0.6f, 1), "%s", line.c_str());
    else if (comment) ImGui::TextColored(ImVec4(0.3f, 0.5f, 0.3f, 1), "%s", line.c_str());
    else ImGui::TextUnformatted(line.c_str());
    start = end + 1;
  }
  ImGui::PopFont();
  ImGui::EndChild();
}

void draw_status_bar(const AppState& s, float height) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - height));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.86f, 0.88f, 0.92f, 1));
  ImGui::Begin("##status", nullptr, flags);
  ImGui::Text("heapviz %s  |  models %s  |  %zu lessons", std::string(version()).c_str(),
              std::string(modelled_jdk()).c_str(), s.lessons.size());
  if (const LessonEntry* e = s.current()) {
    ImGui::SameLine();
    ImGui::Text("|  lesson %s", e->id.c_str());
  }
  if (!s.font_notice.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.7f, 0.35f, 0, 1), "|  %s", s.font_notice.c_str());
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

}  // namespace

void draw_shell(AppState& s, const FontSet& fonts) {
  draw_menu_bar(s);
  const float status_h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - status_h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##main", nullptr, flags);
  const float list_w = ImGui::GetContentRegionAvail().x * 0.3f;
  ImGui::BeginChild("lessons", ImVec2(list_w, 0), true);
  draw_lesson_list(s);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("lesson", ImVec2(0, 0), true);
  draw_source(s, fonts);
  ImGui::EndChild();
  ImGui::End();
  draw_status_bar(s, status_h);
}

}  // namespace heapviz::app
