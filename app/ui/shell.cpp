#include "ui/shell.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "heapviz/engine/version.hpp"
#include "panels/counters_panel.hpp"
#include "panels/inspector_bytes.hpp"
#include "panels/inspector_panel.hpp"
#include "panels/narration_panel.hpp"
#include "render/palette.hpp"
#include "ui/hypothetical_ui.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

void draw_menu_bar(AppState& s) {
  if (!ImGui::BeginMainMenuBar()) return;
  bool open_popup = false;
  if (ImGui::BeginMenu(tr(s.locale, UiText::menu_file))) {
    if (ImGui::MenuItem(tr(s.locale, UiText::menu_open_java_file))) open_popup = true;
    ImGui::TextDisabled("%s", tr(s.locale, UiText::menu_or_drop_file));
    ImGui::Separator();
    if (ImGui::MenuItem(tr(s.locale, UiText::menu_quit), "Ctrl+Q")) s.quit_requested = true;
    ImGui::EndMenu();
  }
  if (open_popup) ImGui::OpenPopup("open-file");
  if (ImGui::BeginMenu(tr(s.locale, UiText::menu_lessons))) {
    for (std::size_t i = 0; i < s.lessons.size(); ++i) {
      const std::string label = s.lessons[i].id + "  " + s.title_of(s.lessons[i]);
      if (ImGui::MenuItem(label.c_str(), nullptr, s.selected == static_cast<int>(i))) {
        s.hypotheticals.clear();  // a what-if belongs to the lesson that declares it
        s.select(static_cast<int>(i));
      }
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(s.locale, UiText::menu_simulation))) {
    if (ImGui::MenuItem(tr(s.locale, UiText::menu_mark_compact), nullptr,
                        s.collector == heap::Collector::mark_compact)) {
      s.collector = heap::Collector::mark_compact;
      s.rerun();
    }
    if (ImGui::MenuItem(tr(s.locale, UiText::menu_mark_sweep), nullptr,
                        s.collector == heap::Collector::mark_sweep)) {
      s.collector = heap::Collector::mark_sweep;
      s.rerun();
    }
    draw_hypothetical_menu(s);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(s.locale, UiText::menu_view))) {
    for (Locale l : kLocales)
      if (ImGui::MenuItem(native_name(l), nullptr, s.locale == l)) s.locale = l;
    ImGui::Separator();
    if (ImGui::MenuItem(tr(s.locale, UiText::menu_presentation_layout), "F5", s.presentation))
      s.presentation = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(s.locale, UiText::menu_help))) {
    ImGui::TextUnformatted(("heapviz " + std::string(version())).c_str());
    ImGui::TextUnformatted(("Models " + std::string(modelled_jdk())).c_str());
    if (!s.renderer.empty()) ImGui::TextUnformatted(("Renderer: " + s.renderer).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(tr(s.locale, UiText::help_keys));
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
  if (ImGui::BeginPopup("open-file")) {
    static char path[1024] = "";
    ImGui::TextUnformatted(tr(s.locale, UiText::open_path_prompt));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    const bool enter = ImGui::InputText("##path", path, sizeof path, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::Button(tr(s.locale, UiText::open_button)) || enter) {
      s.pending_open = path;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void draw_status_bar(const AppState& s, float height) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - height));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.86f, 0.88f, 0.92f, 1));
  ImGui::Begin("##status", nullptr, flags);
  // The collector in use: the non-moving-sweep mode runs the mark-sweep whatever the menu says.
  const heap::Collector in_use =
      s.hypothetical_on(lang::Hypothetical::non_moving_sweep) ? heap::Collector::mark_sweep : s.collector;
  ImGui::Text("heapviz %s  |  %s %s  |  %s", std::string(version()).c_str(),
              tr(s.locale, UiText::status_models), std::string(modelled_jdk()).c_str(),
              heap::collector_label(in_use).c_str());
  if (const LessonEntry* e = s.current()) {
    ImGui::SameLine();
    ImGui::Text("|  %s", e->id.c_str());
  }
  if (!s.message.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "|  %s", s.message.c_str());
  }
  if (!s.font_notice.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.7f, 0.35f, 0, 1), "|  %s", s.font_notice.c_str());
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

void draw_title_row(AppState& s) {
  const LessonEntry* e = s.current();
  ImGui::TextUnformatted(e ? s.title_of(*e).c_str() : (tr(s.locale, UiText::no_lesson_selected)));
  if (s.current_is_builtin()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(s.locale, UiText::builtin_demo_note));
  }
}

void draw_memory_area(AppState& s) {
  if (!s.run_notice.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.6f, 0.2f, 0.0f, 1), "%s", s.run_notice.c_str());
    ImGui::PopTextWrapPos();
  }
  if (!s.session.loaded()) return;
  draw_hypothetical_banner(s.hypotheticals, s.locale);
  s.map.draw(s.map_input());
}

}  // namespace

void draw_shell(AppState& s, const FontSet& fonts) {
  draw_menu_bar(s);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float status_h = ImGui::GetFrameHeight() + style.WindowPadding.y * 2;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  if (s.session.loaded()) {
    TimelinePanel::handle_keys(s.session.playback());
    s.session.update(s.map.lane_width(), s.map.wants_occupancy(heap::SpaceId::java_heap),
                     s.map.heap_view_options());
  }
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - status_h));
  // No background: the frame is already cleared to (almost) the same grey, and on a software renderer
  // (llvmpipe) one full-screen blend less is about a millisecond per frame.
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoBackground;
  ImGui::Begin("##main", nullptr, flags);
  draw_title_row(s);
  const float timeline_h =
      ImGui::GetFrameHeightWithSpacing() * 3 + ImGui::GetFontSize() + style.WindowPadding.y * 2;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float body_h = avail.y - timeline_h - style.ItemSpacing.y;
  const float left_w = avail.x * 0.30f;

  // Left column: code above, narration below.
  ImGui::BeginChild("left", ImVec2(left_w, body_h), false);
  const float narration_h = std::max(ImGui::GetFontSize() * 8, body_h * 0.33f);
  ImGui::BeginChild("code", ImVec2(0, body_h - narration_h - style.ItemSpacing.y), true);
  const Step* step = s.session.loaded() ? s.session.current_step() : nullptr;
  s.code.draw(fonts.mono, step ? static_cast<int>(step->pos.line) : 0, s.diagnostics, s.locale);
  if (s.code.take_rerun_request()) s.rerun();
  ImGui::EndChild();
  ImGui::BeginChild("narration", ImVec2(0, 0), true);
  const lang::Caption* caption =
      step && s.lesson ? s.lesson->directives.caption_at(static_cast<int>(step->pos.line)) : nullptr;
  draw_simulation_notes(s.shown_notes(), s.locale);
  draw_narration(step, s.session.current_step_index(), caption, s.locale);
  if (!s.program_output.empty()) {
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(s.locale, UiText::program_output_heading));
    ImGui::PushFont(fonts.mono);
    ImGui::TextUnformatted(s.program_output.c_str());
    ImGui::PopFont();
  }
  ImGui::EndChild();
  ImGui::EndChild();
  ImGui::SameLine();

  // Right: the memory map, then counters.
  ImGui::BeginChild("right", ImVec2(0, body_h), false);
  const float counters_h = std::max(ImGui::GetFontSize() * 7, body_h * 0.28f);
  ImGui::BeginChild("map", ImVec2(0, body_h - counters_h - style.ItemSpacing.y), true);
  draw_memory_area(s);
  ImGui::EndChild();
  ImGui::BeginChild("counters", ImVec2(ImGui::GetContentRegionAvail().x * 0.55f, 0), true);
  if (s.session.loaded()) {
    const float frac = s.session.playback().size() == 0
                           ? 0
                           : static_cast<float>(s.session.playback().position()) /
                                 static_cast<float>(s.session.playback().size());
    draw_counters(s.session.view_after(), s.session.counter_series(), frac, s.locale);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("inspector", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  if (s.session.loaded() && s.map.selected_bytes())
    draw_bytes_inspector(s.session.state_after(), s.session.view_after(), *s.map.selected_bytes(), fonts.mono,
                         s.locale);
  else if (s.session.loaded())
    draw_inspector(s.session.state_after(), s.session.view_after(), s.map.selected(), fonts.mono, s.locale);
  ImGui::EndChild();
  ImGui::EndChild();

  // Bottom: the timeline.
  ImGui::BeginChild("timeline", ImVec2(0, 0), true);
  if (s.session.loaded())
    s.timeline.draw(s.session.playback(), s.locale);
  else
    ImGui::TextDisabled("%s", tr(s.locale, UiText::no_steps_to_play));
  ImGui::EndChild();
  ImGui::End();
  draw_status_bar(s, status_h);
}

}  // namespace heapviz::app
