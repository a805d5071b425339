#pragma once
#include <string>
#include <vector>

#include "heapviz/lang/diagnostic.hpp"
#include "ui/ui_text.hpp"

struct ImFont;

namespace heapviz::app {

/// The lesson's source: line numbers, syntax colouring (from the core's lexer), the current step's
/// line highlighted, and errors shown at their line. An Edit toggle turns it into a text editor;
/// Ctrl+Enter asks for a re-run (the caller re-parses; the previous trace stays until the new one is valid).
class CodePanel {
 public:
  /// Replaces the text (e.g. a new lesson was opened).
  void set_source(const std::string& text);
  const std::string& source() const { return text_; }
  /// Draws the panel. `current_line` (1-based, 0 = none) is highlighted and scrolled into view when it
  /// changes.
  void draw(ImFont* mono, int current_line, const std::vector<lang::Diagnostic>& diagnostics, Locale loc);
  /// Read-only presentation: no Edit/Run controls, no scrollbars.
  void draw_readonly(ImFont* mono, int current_line);
  /// True once after the user pressed Ctrl+Enter (or the Run button) in edit mode.
  bool take_rerun_request();

 private:
  void rebuild_colours();
  void draw_lines(int current_line, const std::vector<lang::Diagnostic>& diagnostics, int window_flags);
  std::string text_;
  std::vector<unsigned> colour_;  // one colour per byte of text_
  std::vector<std::size_t> line_starts_;
  bool editing_ = false;
  bool rerun_ = false;
  int last_line_ = -1;
  std::vector<char> edit_buffer_;
};

}  // namespace heapviz::app
