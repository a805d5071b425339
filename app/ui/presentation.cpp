#include "ui/presentation.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "heapviz/engine/version.hpp"
#include "panels/narration_panel.hpp"
#include "panels/timeline_panel.hpp"
#include "render/drawn_facts.hpp"
#include "render/palette.hpp"
#include "ui/hypothetical_ui.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

constexpr float kInternalsScale = 0.85f;  // the JDK code path, quieter and smaller than the narration

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar;

void begin_full_window(const char* id) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin(id, nullptr, kFixed);
}

void draw_strip(const AppState& s) {
  const Playback& p = s.session.playback();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 0.5f;
  dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), kLaneBg);
  if (p.size() > 0) {
    for (std::size_t k = 0; k < p.size(); ++k) {
      const int c = static_cast<int>(p.kind_at(k)) - 1;
      if (c < 0) continue;
      const float x = a.x + (static_cast<float>(k) + 0.5f) / static_cast<float>(p.size()) * w;
      dl->AddRectFilled(ImVec2(x - 1, a.y), ImVec2(x + 1, a.y + h),
                        marker_categories()[static_cast<std::size_t>(c)].colour);
    }
    const float pos = (static_cast<float>(p.position()) + p.tween()) / static_cast<float>(p.size());
    const float cx = a.x + pos * w;
    dl->AddRectFilled(ImVec2(a.x, a.y + h - 3), ImVec2(cx, a.y + h), kHighlight);
    dl->AddLine(ImVec2(cx, a.y - 2), ImVec2(cx, a.y + h + 2), kInk, 2);
  }
  ImGui::Dummy(ImVec2(w, h + 2));
}

}  // namespace

void draw_title_card(const AppState& s) {
  begin_full_window("##title-card");
  const LessonEntry* e = s.current();
  const std::string first = e ? s.title_of(*e) : "heapviz";
  const std::string second = e ? (s.locale == Locale::zh ? e->title : e->title_zh) : "";
  const ImVec2 size = ImGui::GetWindowSize();
  ImGui::SetWindowFontScale(1.6f);
  const float w1 = ImGui::CalcTextSize(first.c_str()).x;
  ImGui::SetCursorPos(ImVec2(std::max(20.0f, (size.x - w1) / 2), size.y * 0.38f));
  ImGui::TextUnformatted(first.c_str());
  ImGui::SetWindowFontScale(1.0f);
  if (!second.empty() && second != first) {
    const float w2 = ImGui::CalcTextSize(second.c_str()).x;
    ImGui::SetCursorPos(
        ImVec2(std::max(20.0f, (size.x - w2) / 2), size.y * 0.38f + ImGui::GetFontSize() * 2.4f));
    ImGui::TextDisabled("%s", second.c_str());
  }
  const std::string footer = "heapviz " + std::string(version()) + "  ·  " + std::string(modelled_jdk());
  const float w3 = ImGui::CalcTextSize(footer.c_str()).x;
  ImGui::SetCursorPos(ImVec2((size.x - w3) / 2, size.y * 0.85f));
  ImGui::TextDisabled("%s", footer.c_str());
  ImGui::End();
}

void draw_presentation(AppState& s, const FontSet& fonts, const PresentationOptions& o) {
  const Locale loc = s.locale;
  if (s.session.loaded())
    s.session.update(s.map.lane_width(), s.map.wants_occupancy(heap::SpaceId::java_heap),
                     s.map.heap_view_options());
  begin_full_window("##presentation");
  const ImGuiStyle& style = ImGui::GetStyle();

  // Title bar.
  const LessonEntry* e = s.current();
  ImGui::TextUnformatted(e ? s.title_of(*e).c_str() : "heapviz");
  if (o.step_counter && s.session.loaded()) {
    char counter[64];
    std::snprintf(counter, sizeof counter, tr(loc, UiText::presentation_step_counter),
                  s.session.playback().position(), s.session.playback().size());
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(counter).x - style.WindowPadding.x * 2);
    ImGui::TextDisabled("%s", counter);
  }
  ImGui::Separator();

  const Step* step = s.session.loaded() ? s.session.current_step() : nullptr;
  const lang::Caption* caption =
      step && s.lesson ? s.lesson->directives.caption_at(static_cast<int>(step->pos.line)) : nullptr;
  const std::string caption_text = caption ? pick(loc, caption->text, caption->text_zh) : "";
  const std::string narration =
      step ? pick(loc, step->text.en, step->text.zh) : tr(loc, UiText::caption_before_first_step);
  const std::string internals = step && !step->text.internals.empty() ? "JDK: " + step->text.internals : "";
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  // The caption bar grows with its text (a long caption used to push the "JDK: ..." line out of it),
  // up to 40% of the height; the internals line is in a smaller font.
  const float text_w = avail.x - style.WindowPadding.x * 2 - style.ScrollbarSize;
  auto text_h = [&](const std::string& t, float scale) {
    return t.empty() ? 0.0f
                     : ImGui::CalcTextSize(t.c_str(), nullptr, false, text_w / scale).y * scale +
                           style.ItemSpacing.y;
  };
  const float needed = text_h(caption_text, 1) + text_h(narration, 1) + text_h(internals, kInternalsScale) +
                       style.WindowPadding.y * 2;
  const float caption_h = std::clamp(needed, ImGui::GetFontSize() * 4.2f, avail.y * 0.4f);
  const float strip_h = o.timeline ? ImGui::GetFontSize() * 0.5f + style.ItemSpacing.y + 4 : 0;
  const float body_h = avail.y - caption_h - strip_h - style.ItemSpacing.y * 2;

  ImGui::BeginChild("p-code", ImVec2(avail.x * 0.30f, body_h), true, ImGuiWindowFlags_NoScrollbar);
  s.code.draw_readonly(fonts.mono, step ? static_cast<int>(step->pos.line) : 0);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("p-map", ImVec2(0, body_h), true, ImGuiWindowFlags_NoScrollbar);
  if (s.session.loaded()) {
    draw_hypothetical_banner(s.hypotheticals, s.locale);
    draw_simulation_notes_inline(s.shown_notes(), s.locale, ImGui::ColorConvertU32ToFloat4(kMutedInk));
    s.map.draw(s.map_input());
  } else if (!s.run_notice.empty()) {
    ImGui::TextWrapped("%s", s.run_notice.c_str());
  }
  ImGui::EndChild();

  // Caption bar: the step's narration, and the JDK code path in a quieter colour.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.13f, 0.15f, 0.2f, 1));
  ImGui::BeginChild("p-caption", ImVec2(0, caption_h), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushTextWrapPos(0);
  if (step) note_step(static_cast<long>(s.session.current_step_index()));
  if (!caption_text.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.45f, 1), "%s", caption_text.c_str());
    note_narration(caption_text);
  }
  ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", narration.c_str());
  if (step) note_narration(narration);
  if (!internals.empty()) {
    ImGui::SetWindowFontScale(kInternalsScale);
    ImGui::TextColored(ImVec4(0.7f, 0.75f, 0.85f, 1), "%s", internals.c_str());
    ImGui::SetWindowFontScale(1.0f);
    note_narration(step->text.internals);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (o.timeline) draw_strip(s);
  ImGui::End();
}

}  // namespace heapviz::app
