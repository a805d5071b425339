#include "panels/narration_panel.hpp"

#include <imgui.h>

#include <string>

#include "panels/timeline_panel.hpp"
#include "render/drawn_facts.hpp"
#include "render/palette.hpp"

namespace heapviz::app {

void draw_narration(const Step* step, std::size_t index, const lang::Caption* caption, const char* lang) {
  const bool zh = std::string_view(lang) == "zh";
  if (!step) {
    ImGui::TextWrapped("%s", zh ? "还没有执行任何步骤。按“播放”或 → 开始。"
                                : "Nothing has run yet. Press Play or the Right key to start.");
    return;
  }
  note_step(static_cast<long>(index));
  const std::string kind(step_kind_name(step->kind));
  const int cat = marker_category_of(step->kind);
  const ImU32 tag = cat >= 0 ? marker_categories()[static_cast<std::size_t>(cat)].colour : kMutedInk;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(tag));
  if (step->pos.line > 0)
    ImGui::Text("%s %zu · %s · %s %u", zh ? "步骤" : "step", index + 1, kind.c_str(), zh ? "第" : "line",
                step->pos.line);
  else
    ImGui::Text("%s %zu · %s", zh ? "步骤" : "step", index + 1, kind.c_str());
  ImGui::PopStyleColor();
  const std::string& text = zh && !step->text.zh.empty() ? step->text.zh : step->text.en;
  ImGui::PushTextWrapPos(0);
  if (caption) {
    const std::string& c = zh && !caption->text_zh.empty() ? caption->text_zh : caption->text;
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
  if (step->events > 1)
    ImGui::TextDisabled(zh ? "（本步合并了 %u 个细小事件）" : "(this step groups %u small events)",
                        step->events);
  ImGui::PopTextWrapPos();
}

std::string simulation_notes_heading(std::size_t n, bool zh) {
  return (zh ? "模拟说明（" + std::to_string(n) + "）" : "Simulation notes (" + std::to_string(n) + ")");
}

void draw_simulation_notes(const std::vector<std::string>& notes, const char* lang) {
  if (notes.empty()) return;
  const bool zh = std::string_view(lang) == "zh";
  const std::string heading = simulation_notes_heading(notes.size(), zh);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kMutedInk));
  ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  const bool open = ImGui::TreeNodeEx((heading + "###sim-notes").c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
  ImGui::PopStyleColor();
  note_sim_note(heading);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s",
                      zh ? "heapviz 在这次运行中做了简化的地方" : "Where this run of heapviz simplifies");
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

void draw_simulation_notes_inline(const std::vector<std::string>& notes, const char* lang, ImVec4 colour) {
  if (notes.empty()) return;
  const std::string heading = simulation_notes_heading(notes.size(), std::string_view(lang) == "zh");
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
