#pragma once

namespace heapviz::lang {

/// A region of lesson source text. Lines and columns are 1-based. Columns count Unicode code
/// points (a tab is one column, a Chinese character is one column). `end_line`/`end_col` point just
/// past the last character, so an empty span has `end == start`.
struct SourceSpan {
  int line = 1;
  int col = 1;
  int end_line = 1;
  int end_col = 1;

  /// The span from the start of `a` to the end of `b`.
  static SourceSpan cover(const SourceSpan& a, const SourceSpan& b) {
    return SourceSpan{a.line, a.col, b.end_line, b.end_col};
  }
  /// An empty span at the end of this one (where a missing token would go).
  SourceSpan end_point() const { return SourceSpan{end_line, end_col, end_line, end_col}; }
  bool operator==(const SourceSpan&) const = default;
};

}  // namespace heapviz::lang
