#include "heapviz/lang/lesson.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "heapviz/lang/lexer.hpp"
#include "heapviz/lang/parser.hpp"
#include "parser_impl.hpp"

namespace heapviz::lang {

const Caption* LessonDirectives::caption_at(int line) const {
  for (const Caption& c : captions) {
    if (c.line == line) return &c;
  }
  return nullptr;
}

const PausePoint* LessonDirectives::pause_at(int line) const {
  for (const PausePoint& p : pauses) {
    if (p.line == line) return &p;
  }
  return nullptr;
}

std::string Lesson::format_diagnostics() const {
  return lang::format_diagnostics(file_name, source, diagnostics);
}

namespace {

// Start lines of every statement in the program, sorted. Recursion is bounded by kMaxTreeDepth.
void collect_statement_lines(const Node& n, std::vector<int>& lines) {
  const bool is_statement = n.kind >= NodeKind::Block && n.kind <= NodeKind::Yield;
  // A block's own line is its '{'; the statements inside are what runs, so only they count. The same
  // for `try {`: it runs no step of its own, so a caption or pause before it belongs to its first
  // statement (lesson 09's caption before `try { byte[] big = ...` was never shown).
  if (is_statement && n.kind != NodeKind::Block && n.kind != NodeKind::Try) lines.push_back(n.span.line);
  for_each_child(n, [&](const Node& c) { collect_statement_lines(c, lines); });
}

void attach(Lesson& lesson) {
  std::vector<int> lines;
  for (const auto& cls : lesson.program.classes) collect_statement_lines(*cls, lines);
  std::sort(lines.begin(), lines.end());
  LessonDirectives& ld = lesson.directives;
  std::string_view sep;
  // Line -> index, so that a file of many thousands of captions stays linear.
  std::map<int, std::size_t> caption_index;
  std::set<int> pause_lines;
  for (Directive& d : ld.all) {
    const DirectiveSpec* spec = find_directive_spec(d.key);
    if (spec && spec->attaches_to_statement && lesson.program.main_method) {
      const auto it = std::upper_bound(lines.begin(), lines.end(), d.span.line);
      if (it == lines.end()) {
        lesson.diagnostics.push_back(
            Diagnostic{Severity::Error, DiagnosticKind::Directive, d.span,
                       "'" + d.key + "' applies to the next statement, but no statement follows it"});
        continue;
      }
      d.target_line = *it;
    }
    switch (d.kind) {
      case DirectiveKind::Title:
        ld.title = d.value;
        break;
      case DirectiveKind::TitleZh:
        ld.title_zh = d.value;
        break;
      case DirectiveKind::Caption:
      case DirectiveKind::CaptionZh: {
        if (d.target_line == 0) break;
        auto [it, inserted] = caption_index.emplace(d.target_line, ld.captions.size());
        if (inserted) ld.captions.push_back(Caption{d.target_line, {}, {}});
        Caption& caption = ld.captions[it->second];
        std::string& slot = d.kind == DirectiveKind::Caption ? caption.text : caption.text_zh;
        // Several caption lines before one statement form one caption.
        if (!slot.empty()) slot += ' ';
        slot += d.value;
        break;
      }
      case DirectiveKind::Pause:
        if (d.target_line != 0 && pause_lines.insert(d.target_line).second) {
          ld.pauses.push_back(PausePoint{d.target_line, d.value});
        }
        break;
      case DirectiveKind::Jvm:
        ld.jvm_flags += sep;
        ld.jvm_flags += d.value;
        sep = " ";
        for (std::string& f : split_jvm_flags(d.value)) ld.jvm_tokens.push_back(std::move(f));
        break;
      case DirectiveKind::Hypothetical:
        ld.hypotheticals.push_back(d.value);
        break;
      case DirectiveKind::ExpectExit:
        ld.expect_exit = std::stoi(d.value);
        break;
    }
  }
}

}  // namespace

Lesson parse_lesson(std::string_view source, std::string file_name) {
  Lesson lesson;
  lesson.file_name = std::move(file_name);
  lesson.source = std::string(source);
  LexResult lexed = lex(lesson.source);
  DirectiveParseResult dirs = parse_directives(lexed.comments);
  lesson.directives.all = std::move(dirs.directives);
  if (has_errors(lexed.diagnostics)) {
    lesson.diagnostics = std::move(lexed.diagnostics);
  } else {
    detail::Parser parser(lexed.tokens);
    lesson.program = parser.parse_program();
    lesson.diagnostics = std::move(parser.diagnostics);
  }
  for (Diagnostic& d : dirs.diagnostics) lesson.diagnostics.push_back(std::move(d));
  attach(lesson);
  std::stable_sort(lesson.diagnostics.begin(), lesson.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.span.line != b.span.line ? a.span.line < b.span.line : a.span.col < b.span.col;
                   });
  return lesson;
}

}  // namespace heapviz::lang
