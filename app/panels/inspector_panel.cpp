#include "panels/inspector_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "render/address_axis.hpp"

namespace heapviz::app {

void draw_inspector(const Machine& m, const View& view, heap::ObjectId selected, ImFont* mono, const char* lang) {
  const bool zh = std::string_view(lang) == "zh";
  const auto it = std::find_if(view.blocks.begin(), view.blocks.end(),
                               [&](const BlockView& b) { return b.id == selected && selected != heap::kNoObject; });
  if (it == view.blocks.end()) {
    ImGui::TextWrapped("%s", zh ? "点击内存图中的对象，在这里查看它的字段和字节。" : "Click an object in the memory map to see its bytes here.");
    return;
  }
  const BlockView& b = *it;
  ImGui::Text("%s #%u", b.type.c_str(), b.id);
  if (!b.label.empty()) ImGui::Text("%s %s", zh ? "被引用于" : "held by", b.label.c_str());
  ImGui::Text("%s %s   %s %s", zh ? "地址" : "address", hex_address(b.addr).c_str(), zh ? "大小" : "size", human_bytes(b.size).c_str());
  ImGui::Text("%s %s", zh ? "状态" : "state", std::string(block_state_name(b.state)).c_str());
  if (b.state == BlockState::forwarded) ImGui::Text("%s %s", zh ? "转发地址" : "forwarding to", hex_address(b.forward_to).c_str());
  if (b.array_length) ImGui::Text("length %u", b.array_length);
  ImGui::Separator();
  // Bytes as they are now: header (mark word, narrow klass[, length]) first.
  const std::uint64_t shown = std::min<std::uint64_t>(b.size, 256);
  ImGui::PushFont(mono);
  for (const std::string& line : hex_dump(m, b.addr, shown)) ImGui::TextUnformatted(line.c_str());
  ImGui::PopFont();
  if (shown < b.size) ImGui::TextDisabled(zh ? "（只显示前 %llu 字节）" : "(first %llu bytes shown)", static_cast<unsigned long long>(shown));
}

}  // namespace heapviz::app
