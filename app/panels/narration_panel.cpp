#include "panels/narration_panel.hpp"

#include <imgui.h>

#include <string>

#include "panels/timeline_panel.hpp"
#include "render/drawn_facts.hpp"
#include "render/palette.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

void draw_narration(const Step* step, std::size_t index, const lang::Caption* caption, Locale loc) {
  if (!step) {
    ImGui::TextWrapped("%s", tr(loc, UiText::narration_before_start));
    return;
  }
  note_step(static_cast<long>(index));
  const std::string kind(step_kind_name(step->kind));
  const int cat = marker_category_of(step->kind);
  const ImU32 tag = cat >= 0 ? marker_categories()[static_cast<std::size_t>(cat)].colour : kMutedInk;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(tag));
  if (step->pos.line > 0)
    ImGui::Text("%s %zu · %s · %s %u", tr(loc, UiText::narration_step), index + 1, kind.c_str(),
                tr(loc, UiText::narration_line), step->pos.line);
  else
    ImGui::Text("%s %zu · %s", tr(loc, UiText::narration_step), index + 1, kind.c_str());
  ImGui::PopStyleColor();
  const std::string& text = pick(loc, step->text.en, step->text.zh);
  ImGui::PushTextWrapPos(0);
  if (caption) {
    const std::string& c = pick(loc, caption->text, caption->text_zh);
    if (!c.empty()) ImGui::TextColored(ImVec4(0.05f, 0.3f, 0.55f, 1), "%s", c.c_str());
    note_narration(c);
  }
  ImGui::TextUnformatted(text.c_str());
  note_narration(text);
  if (!step->text.internals.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedInk));
    ImGui::TextUnformatted(("JDK: " + step->text.internals).c_str());
    note_narration(step->text.internals);
    ImGui::PopStyleColor();
  }
  if (step->events > 1) ImGui::TextDisabled(tr(loc, UiText::narration_step_groups), step->events);
  ImGui::PopTextWrapPos();
}

std::string simulation_notes_heading(std::size_t n, Locale loc) {
  char text[96];
  std::snprintf(text, sizeof text, tr(loc, UiText::simulation_notes_heading), n);
  return text;
}

void draw_simulation_notes(const std::vector<std::string>& notes, Locale loc) {
  if (notes.empty()) return;
  const std::string heading = simulation_notes_heading(notes.size(), loc);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedInk));
  ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  const bool open = ImGui::TreeNodeEx((heading + "###sim-notes").c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
  ImGui::PopStyleColor();
  note_sim_note(heading);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(loc, UiText::simulation_notes_tooltip));
  if (!open) return;
  ImGui::PushTextWrapPos(0);
  for (const std::string& n : notes) {
    ImGui::Bullet();
    ImGui::TextUnformatted(n.c_str());
    note_sim_note(n);
  }
  ImGui::PopTextWrapPos();
  ImGui::TreePop();
  ImGui::Separator();
}

void draw_simulation_notes_inline(const std::vector<std::string>& notes, Locale loc, ImVec4 colour) {
  if (notes.empty()) return;
  const std::string heading = simulation_notes_heading(notes.size(), loc);
  note_sim_note(heading);
  ImGui::PushTextWrapPos(0);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  for (std::size_t i = 0; i < notes.size(); ++i) {
    ImGui::TextUnformatted((i == 0 ? heading + ": " + notes[i] : notes[i]).c_str());
    note_sim_note(notes[i]);
  }
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

}  // namespace heapviz::app
