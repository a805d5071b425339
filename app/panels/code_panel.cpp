#include "panels/code_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "heapviz/lang/lexer.hpp"
#include "render/palette.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

constexpr ImU32 kKeyword = IM_COL32(0x00, 0x50, 0x9E, 255);
constexpr ImU32 kString = IM_COL32(0x8A, 0x4B, 0x00, 255);
constexpr ImU32 kNumber = IM_COL32(0x00, 0x7A, 0x5A, 255);
constexpr ImU32 kComment = IM_COL32(0x4D, 0x7A, 0x3A, 255);
constexpr ImU32 kDirective = IM_COL32(0x8E, 0x3E, 0x91, 255);
constexpr ImU32 kType = IM_COL32(0x1E, 0x5F, 0x74, 255);

// Byte offset of (line, col) where col counts code points, as the lexer's spans do.
std::size_t offset_of(const std::string& s, const std::vector<std::size_t>& starts, int line, int col) {
  if (line < 1 || static_cast<std::size_t>(line) > starts.size()) return s.size();
  std::size_t i = starts[static_cast<std::size_t>(line - 1)];
  for (int c = 1; c < col && i < s.size() && s[i] != '\n'; ++c) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;  // skip continuation bytes
  }
  return i;
}

}  // namespace

void CodePanel::set_source(const std::string& text) {
  if (text == text_ && !colour_.empty()) return;
  text_ = text;
  rebuild_colours();
  last_line_ = -1;
}

void CodePanel::rebuild_colours() {
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  colour_.assign(text_.size(), kInk);
  const lang::LexResult lexed = lang::lex(text_);
  auto paint = [&](const lang::SourceSpan& sp, ImU32 c) {
    const std::size_t a = offset_of(text_, line_starts_, sp.line, sp.col);
    const std::size_t b = offset_of(text_, line_starts_, sp.end_line, sp.end_col);
    for (std::size_t i = a; i < std::min(b, colour_.size()); ++i) colour_[i] = c;
  };
  for (const lang::Token& t : lexed.tokens) {
    switch (t.kind) {
      case lang::TokenKind::Keyword:
        paint(t.span, kKeyword);
        break;
      case lang::TokenKind::StringLiteral:
      case lang::TokenKind::CharLiteral:
        paint(t.span, kString);
        break;
      case lang::TokenKind::IntLiteral:
      case lang::TokenKind::LongLiteral:
      case lang::TokenKind::FloatLiteral:
      case lang::TokenKind::DoubleLiteral:
        paint(t.span, kNumber);
        break;
      case lang::TokenKind::Identifier:
        if (!t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z')
          paint(t.span, kType);  // by Java naming habit
        break;
      default:
        break;
    }
  }
  for (const lang::Comment& c : lexed.comments)
    paint(c.span, c.text.rfind("//@", 0) == 0 ? kDirective : kComment);
}

bool CodePanel::take_rerun_request() {
  const bool r = rerun_;
  rerun_ = false;
  return r;
}

void CodePanel::draw(ImFont* mono, int current_line, const std::vector<lang::Diagnostic>& diagnostics,
                     Locale loc) {
  if (ImGui::Checkbox(tr(loc, UiText::code_edit), &editing_) && editing_) {
    edit_buffer_.assign(text_.begin(), text_.end());
    edit_buffer_.resize(text_.size() + 64 * 1024, '\0');
  }
  if (editing_) {
    ImGui::SameLine();
    if (ImGui::Button(tr(loc, UiText::code_run))) rerun_ = true;
  }
  for (const lang::Diagnostic& d : diagnostics) {
    if (d.severity != lang::Severity::Error) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.05f, 0.05f, 1));
    ImGui::TextWrapped("%s %d:%d: %s", tr(loc, UiText::code_error), d.span.line, d.span.col,
                       d.message.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PushFont(mono);
  if (editing_) {
    if (edit_buffer_.size() < std::strlen(edit_buffer_.data()) + 1024)
      edit_buffer_.resize(edit_buffer_.size() * 2, '\0');
    ImGui::InputTextMultiline("##edit", edit_buffer_.data(), edit_buffer_.size(), ImVec2(-1, -1),
                              ImGuiInputTextFlags_AllowTabInput);
    if (ImGui::IsItemActive() && ImGui::GetIO().KeyCtrl &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
      rerun_ = true;
    if (rerun_) {
      text_.assign(edit_buffer_.data());
      rebuild_colours();
    }
    ImGui::PopFont();
    return;
  }
  draw_lines(current_line, diagnostics, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PopFont();
}

void CodePanel::draw_readonly(ImFont* mono, int current_line) {
  ImGui::PushFont(mono);
  draw_lines(current_line, {}, ImGuiWindowFlags_NoScrollbar);
  ImGui::PopFont();
}

void CodePanel::draw_lines(int current_line, const std::vector<lang::Diagnostic>& diagnostics,
                           int window_flags) {
  ImGui::BeginChild("code", ImVec2(0, 0), false, window_flags);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  for (std::size_t ln = 0; ln < line_starts_.size(); ++ln) {
    const std::size_t a = line_starts_[ln];
    std::size_t b = ln + 1 < line_starts_.size() ? line_starts_[ln + 1] - 1 : text_.size();
    if (b > a && text_[b - 1] == '\r') --b;
    if (a >= text_.size() && ln + 1 == line_starts_.size()) break;
    const int line_no = static_cast<int>(ln) + 1;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool has_error =
        std::any_of(diagnostics.begin(), diagnostics.end(), [&](const lang::Diagnostic& d) {
          return d.severity == lang::Severity::Error && d.span.line == line_no;
        });
    if (line_no == current_line)
      dl->AddRectFilled(p, ImVec2(p.x + ImGui::GetContentRegionAvail().x + 2000, p.y + line_h),
                        IM_COL32(255, 214, 102, 160));
    if (has_error) dl->AddRectFilled(p, ImVec2(p.x + 4, p.y + line_h), IM_COL32(200, 20, 20, 255));
    ImGui::TextDisabled("%3d ", line_no);
    std::size_t i = a;
    while (i < b) {
      std::size_t j = i;
      while (j < b && colour_[j] == colour_[i]) ++j;
      ImGui::SameLine(0, 0);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour_[i]));
      ImGui::TextUnformatted(text_.data() + i, text_.data() + j);
      ImGui::PopStyleColor();
      i = j;
    }
    if (line_no == current_line && current_line != last_line_) {
      ImGui::SetScrollHereY(0.35f);
      last_line_ = current_line;
    }
  }
  ImGui::EndChild();
}

}  // namespace heapviz::app
