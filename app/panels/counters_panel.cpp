#include "panels/counters_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "render/address_axis.hpp"
#include "render/drawn_facts.hpp"
#include "render/palette.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

void draw_counters(const View& view, const std::vector<CounterSeries>& series, float position_fraction,
                   Locale loc) {
  if (!ImGui::BeginTable("counters", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(tr(loc, UiText::counters_column_counter), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr(loc, UiText::counters_column_value), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn(tr(loc, UiText::counters_column_over_time), ImGuiTableColumnFlags_WidthStretch,
                          1.5f);
  for (const CounterView& c : view.counters) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(pick(loc, c.en, c.zh).c_str());
    ImGui::TableNextColumn();
    const bool bytes = c.key.find("bytes") != std::string::npos || c.key.find("used") != std::string::npos ||
                       c.key.find("capacity") != std::string::npos;
    const std::string value =
        bytes && c.value >= 1024 ? human_bytes(static_cast<std::uint64_t>(c.value)) : std::to_string(c.value);
    ImGui::TextUnformatted(value.c_str());
    note_counter(c.key, value);
    ImGui::TableNextColumn();
    const auto it =
        std::find_if(series.begin(), series.end(), [&](const CounterSeries& s) { return s.key == c.key; });
    if (it != series.end() && !it->values.empty()) {
      const ImVec2 a = ImGui::GetCursorScreenPos();
      const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize();
      ImGui::PlotLines(("##" + c.key).c_str(), it->values.data(), static_cast<int>(it->values.size()), 0,
                       nullptr, FLT_MAX, FLT_MAX, ImVec2(w, h));
      const float x = a.x + std::clamp(position_fraction, 0.0f, 1.0f) * w;
      ImGui::GetWindowDrawList()->AddLine(ImVec2(x, a.y), ImVec2(x, a.y + h), kHighlight, 2);
    }
  }
  ImGui::EndTable();
}

}  // namespace heapviz::app
