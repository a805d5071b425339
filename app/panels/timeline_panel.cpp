#include "panels/timeline_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/drawn_facts.hpp"
#include "render/palette.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

const std::vector<MarkerCategory>& marker_categories() {
  // Indexed by heapviz::StepCategory.
  static const std::vector<MarkerCategory> k = {
      {UiText::category_gc, IM_COL32(0xD5, 0x5E, 0x00, 255)},
      {UiText::category_allocation, IM_COL32(0x00, 0x9E, 0x73, 255)},
      {UiText::category_bounce_copy, IM_COL32(0xE6, 0x9F, 0x00, 255)},
      {UiText::category_syscall, IM_COL32(0x00, 0x72, 0xB2, 255)},
      {UiText::category_native_free, IM_COL32(0x56, 0xB4, 0xE9, 255)},
      {UiText::category_cleaner, IM_COL32(0xCC, 0x79, 0xA7, 255)},
      {UiText::category_exception, IM_COL32(0xB0, 0x00, 0x20, 255)},
      {UiText::category_program, IM_COL32(0x8C, 0x8C, 0x8C, 255)},
  };
  static_assert(kStepCategoryCount == 8, "one marker per StepCategory");
  return k;
}

int marker_category_of(StepKind kind) { return static_cast<int>(step_category(kind)); }

void TimelinePanel::handle_keys(Playback& p) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) p.step_by(-1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) p.step_by(+1);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) p.step_by(-5);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) p.step_by(+5);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))) p.toggle();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) p.seek(0);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End))) p.seek(p.size());
}

void TimelinePanel::draw(Playback& p, Locale loc) {
  const std::size_t n = p.size();
  if (ImGui::Button("|<")) p.seek(0);
  ImGui::SameLine();
  if (ImGui::Button("-5")) p.step_by(-5);
  ImGui::SameLine();
  if (ImGui::Button("-1")) p.step_by(-1);
  ImGui::SameLine();
  if (ImGui::Button(p.playing() ? (tr(loc, UiText::timeline_pause)) : (tr(loc, UiText::timeline_play)),
                    ImVec2(ImGui::GetFontSize() * 4, 0)))
    p.toggle();
  ImGui::SameLine();
  if (ImGui::Button("+1")) p.step_by(+1);
  ImGui::SameLine();
  if (ImGui::Button("+5")) p.step_by(+5);
  ImGui::SameLine();
  if (ImGui::Button(">|")) p.seek(n);
  ImGui::SameLine();
  ImGui::Text(tr(loc, UiText::timeline_step_k_of_n), p.position(), n);
  note_timeline(p.position(), n);
  ImGui::SameLine();
  float speed = p.speed();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::SliderFloat("##speed", &speed, 0.1f, 10.0f, tr(loc, UiText::timeline_speed),
                         ImGuiSliderFlags_Logarithmic))
    p.set_speed(speed);
  ImGui::SameLine();
  bool auto_pause = p.auto_pause();
  if (ImGui::Checkbox(tr(loc, UiText::timeline_stop_at_pauses), &auto_pause)) p.set_auto_pause(auto_pause);

  // Scrubber.
  int pos = static_cast<int>(p.position());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderInt("##scrub", &pos, 0, static_cast<int>(n), "")) p.seek(static_cast<std::size_t>(pos));

  // Marker strip: one tick per marked step, coloured by category.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 0.9f;
  dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), kLaneBg);
  const auto& cats = marker_categories();
  if (n > 0) {
    std::vector<float> last_x(cats.size(), -10.0f);
    for (std::size_t k = 0; k < n; ++k) {
      const int c = static_cast<int>(p.kind_at(k)) - 1;
      if (c < 0) continue;
      const float x = a.x + (static_cast<float>(k) + 0.5f) / static_cast<float>(n) * w;
      if (x - last_x[static_cast<std::size_t>(c)] < 2) continue;  // one tick per pixel is enough
      last_x[static_cast<std::size_t>(c)] = x;
      const float row = static_cast<float>(c) / static_cast<float>(cats.size());
      dl->AddRectFilled(ImVec2(x - 1, a.y + row * h),
                        ImVec2(x + 1, a.y + row * h + h / static_cast<float>(cats.size()) + 1),
                        cats[static_cast<std::size_t>(c)].colour);
    }
    const float cx = a.x + static_cast<float>(p.position()) / static_cast<float>(n) * w;
    dl->AddLine(ImVec2(cx, a.y - 2), ImVec2(cx, a.y + h + 2), kInk, 2);
  }
  ImGui::Dummy(ImVec2(w, h + 2));

  // Jump to the next / previous event of a category.
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  if (ImGui::BeginCombo("##jump", tr(loc, cats[static_cast<std::size_t>(jump_category_)].name))) {
    for (std::size_t i = 0; i < cats.size(); ++i)
      if (ImGui::Selectable(tr(loc, cats[i].name), static_cast<int>(i) == jump_category_))
        jump_category_ = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(loc, UiText::timeline_previous)))
    p.seek_previous_of_kind(static_cast<std::uint16_t>(jump_category_ + 1));
  ImGui::SameLine();
  if (ImGui::Button(tr(loc, UiText::timeline_next)))
    p.seek_next_of_kind(static_cast<std::uint16_t>(jump_category_ + 1));
  ImGui::SameLine();
  for (std::size_t i = 0; i < cats.size(); ++i) {
    ImGui::SameLine();
    ImGui::ColorButton(tr(Locale::en, cats[i].name), ImGui::ColorConvertU32ToFloat4(cats[i].colour),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(h * 0.7f, h * 0.7f));
    ImGui::SameLine(0, 3);
    ImGui::TextUnformatted(tr(loc, cats[i].name));
  }
}

}  // namespace heapviz::app
