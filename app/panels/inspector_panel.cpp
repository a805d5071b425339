#include "panels/inspector_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "heapviz/io/buffer_dump.hpp"
#include "heapviz/nio/inspect.hpp"
#include "panels/buffer_hex_view.hpp"
#include "render/address_axis.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

namespace {
/// A ByteBuffer, or a byte[] a heap buffer wraps: its window with position and limit marked (the
/// native memory at `address` for a direct buffer). False when `id` is neither.
bool draw_buffer_bytes(const Machine& m, heap::ObjectId id, ImFont* mono, Locale loc) {
  const heap::ObjectId buffer = nio::buffer_for(m, id);
  if (buffer == heap::kNoObject) return false;
  const auto state = nio::buffer_dump(m, buffer, 0, 0);
  if (!state) return false;
  const auto dump = nio::buffer_dump(m, buffer, buffer_dump_first(state->position), kBufferDumpBytes);
  if (!dump) return false;
  if (buffer != id) ImGui::TextDisabled(tr(loc, UiText::inspector_wrapped_by_buffer), buffer);
  draw_buffer_hex(*dump, mono, loc);
  return true;
}
}  // namespace

void draw_inspector(const Machine& m, const View& view, heap::ObjectId selected, ImFont* mono, Locale loc) {
  const auto it = std::find_if(view.blocks.begin(), view.blocks.end(), [&](const BlockView& b) {
    return b.id == selected && selected != heap::kNoObject;
  });
  if (it == view.blocks.end()) {
    ImGui::TextWrapped("%s", tr(loc, UiText::inspector_empty));
    return;
  }
  const BlockView& b = *it;
  ImGui::Text("%s #%u", b.type.c_str(), b.id);
  if (!b.label.empty()) ImGui::Text("%s %s", tr(loc, UiText::held_by), b.label.c_str());
  ImGui::Text("%s %s   %s %s   %s %s", tr(loc, UiText::address), hex_address(b.addr).c_str(),
              tr(loc, UiText::size), human_bytes(b.size).c_str(), tr(loc, UiText::state),
              std::string(block_state_name(b.state)).c_str());
  // A buffer's bytes with position and limit first: what a teacher points at during I/O steps.
  const bool buffer_shown = draw_buffer_bytes(m, b.id, mono, loc);
  if (buffer_shown) ImGui::Separator();
  if (b.state == BlockState::forwarded)
    ImGui::Text("%s %s", tr(loc, UiText::forwarding_to), hex_address(b.forward_to).c_str());
  if (b.array_length) ImGui::Text("length %u", b.array_length);
  // Fields as the JDK declares them, read by the core from the object's bytes at this step.
  if (ImGui::BeginTable("fields", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    std::vector<FieldValue> fields;
    try {
      fields = inspect_fields(m, b.id);
    } catch (const std::invalid_argument&) {  // not a live object at this step (e.g. mid-GC filler)
    }
    for (const FieldValue& f : fields) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("@%u", f.offset);
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", f.type.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(f.declared_in.empty() ? f.name.c_str() : (f.declared_in + "." + f.name).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(f.value.c_str());
    }
    ImGui::EndTable();
  }
  if (buffer_shown) return;
  ImGui::Separator();
  // Bytes as they are now: header (mark word, narrow klass[, length]) first.
  const std::uint64_t shown = std::min<std::uint64_t>(b.size, 256);
  ImGui::PushFont(mono);
  for (const std::string& line : hex_dump(m, b.addr, shown)) ImGui::TextUnformatted(line.c_str());
  ImGui::PopFont();
  if (shown < b.size)
    ImGui::TextDisabled(tr(loc, UiText::inspector_first_bytes_shown), static_cast<unsigned long long>(shown));
}

}  // namespace heapviz::app
