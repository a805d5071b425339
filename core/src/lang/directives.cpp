#include "heapviz/lang/directives.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace heapviz::lang {

const std::vector<DirectiveSpec>& directive_table() {
  // key, kind, value required, attaches to next statement, repeatable, summary
  static const std::vector<DirectiveSpec> kTable = {
      {"title", DirectiveKind::Title, true, false, false, "the lesson's title"},
      {"title.zh", DirectiveKind::TitleZh, true, false, false, "the lesson's title in Chinese"},
      {"caption", DirectiveKind::Caption, true, true, true, "a caption shown when the next statement runs"},
      {"caption.zh", DirectiveKind::CaptionZh, true, true, true,
       "the Chinese caption for the next statement"},
      {"pause", DirectiveKind::Pause, false, true, true, "pause before the next statement (optional label)"},
      {"jvm", DirectiveKind::Jvm, true, false, true, "JVM flags for java and the simulator, e.g. -Xmx64m"},
      {"hypothetical", DirectiveKind::Hypothetical, true, false, true, "a what-if mode the lesson offers"},
      {"expect-exit", DirectiveKind::ExpectExit, true, false, false, "the exit status the lesson ends with"},
  };
  return kTable;
}

const DirectiveSpec* find_directive_spec(std::string_view key) {
  for (const DirectiveSpec& s : directive_table()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::vector<std::string> split_jvm_flags(std::string_view flags) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < flags.size()) {
    while (i < flags.size() && (flags[i] == ' ' || flags[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < flags.size() && flags[i] != ' ' && flags[i] != '\t') ++i;
    if (i > start) out.emplace_back(flags.substr(start, i - start));
  }
  return out;
}

bool is_simulated_jvm_flag(std::string_view flag) {
  static constexpr std::string_view kPrefixes[] = {
      "-Xmx", "-Xms", "-XX:MaxDirectMemorySize=", "-XX:MarkSweepDeadRatio=",
      "-Dsun.nio.PageAlignDirectMemory=", "-Djdk.nio.maxCachedBufferSize=",
      // Generation sizes: read (one space; run_lesson explains that in a note), so not "ignored".
      "-Xmn", "-XX:NewSize=", "-XX:MaxNewSize=", "-XX:NewRatio=", "-XX:SurvivorRatio="};
  static constexpr std::string_view kExact[] = {"-XX:+UseSerialGC", "-XX:+DisableExplicitGC",
                                                "-XX:-DisableExplicitGC"};
  for (std::string_view p : kPrefixes) {
    if (flag.size() > p.size() && flag.substr(0, p.size()) == p) return true;
  }
  return std::find(std::begin(kExact), std::end(kExact), flag) != std::end(kExact);
}

namespace {

constexpr std::string_view kMarker = "//@";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Columns in a comment are code points; the key and value are ASCII-located, so count bytes that
// start a code point.
int columns(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string known_keys() {
  std::string s;
  for (const DirectiveSpec& spec : directive_table()) {
    if (!s.empty()) s += ", ";
    s += spec.key;
  }
  return s;
}

}  // namespace

DirectiveParseResult parse_directives(const std::vector<Comment>& comments) {
  DirectiveParseResult out;
  auto error = [&](SourceSpan span, std::string msg) {
    out.diagnostics.push_back(Diagnostic{Severity::Error, DiagnosticKind::Directive, span, std::move(msg)});
  };
  auto warning = [&](SourceSpan span, std::string msg) {
    out.diagnostics.push_back(Diagnostic{Severity::Warning, DiagnosticKind::Directive, span, std::move(msg)});
  };
  std::set<DirectiveKind> seen_once;  // one-off keys already read
  for (const Comment& c : comments) {
    if (!c.is_line || c.text.compare(0, kMarker.size(), kMarker) != 0) continue;
    const int line = c.span.line;
    const int base_col = c.span.col;
    if (!c.starts_line) {
      error(c.span, "a '//@' directive must be alone on its own line, not after code");
      continue;
    }
    const std::string_view body(c.text.data() + kMarker.size(), c.text.size() - kMarker.size());
    const std::size_t key_start = body.find_first_not_of(" \t");
    if (key_start == std::string_view::npos) {
      error(c.span, "this '//@' directive has no key; write for example '//@ title: My lesson'");
      continue;
    }
    std::size_t key_end = key_start;
    while (key_end < body.size() && body[key_end] != ':' && body[key_end] != ' ' && body[key_end] != '\t')
      ++key_end;
    const std::string_view key = body.substr(key_start, key_end - key_start);
    const int key_col = base_col + static_cast<int>(kMarker.size()) + columns(body.substr(0, key_start));
    const SourceSpan key_span{line, key_col, line, key_col + columns(key)};
    const DirectiveSpec* spec = find_directive_spec(key);
    if (!spec) {
      error(key_span, "unknown directive '" + std::string(key) + "'; the known ones are " + known_keys());
      continue;
    }
    // After the key: optional spaces, then ':' and the value (required unless the key allows none).
    std::size_t rest = body.find_first_not_of(" \t", key_end);
    std::string_view value;
    int value_col = key_span.end_col;
    if (rest != std::string_view::npos) {
      if (body[rest] != ':') {
        error(SourceSpan{line, key_span.end_col, line, key_span.end_col + 1},
              "expected ':' after the directive key '" + std::string(key) + "'");
        continue;
      }
      const std::size_t raw_value = rest + 1;
      const std::size_t value_start = body.find_first_not_of(" \t", raw_value);
      if (value_start != std::string_view::npos) {
        value = trim(body.substr(value_start));
        value_col = base_col + static_cast<int>(kMarker.size()) + columns(body.substr(0, value_start));
      }
    }
    const SourceSpan value_span{line, value_col, line, value_col + columns(value)};
    if (spec->value_required && value.empty()) {
      error(key_span, "the directive '" + std::string(key) + "' needs a value after ':' (" +
                          std::string(spec->summary) + ")");
      continue;
    }
    if (!spec->repeatable) {
      if (!seen_once.insert(spec->kind).second) {
        error(key_span, "the directive '" + std::string(key) + "' may appear only once");
        continue;
      }
    }
    if (spec->kind == DirectiveKind::ExpectExit) {
      int code = -1;
      const auto res = std::from_chars(value.data(), value.data() + value.size(), code);
      if (res.ec != std::errc() || res.ptr != value.data() + value.size() || code < 0 || code > 255) {
        error(value_span, "'expect-exit' needs an exit status from 0 to 255, such as 1");
        continue;
      }
    }
    if (spec->kind == DirectiveKind::Jvm) {
      bool ok = true;
      for (const std::string& flag : split_jvm_flags(value)) {
        if (flag.empty() || flag[0] != '-') {
          error(value_span, "'" + flag + "' is not a JVM flag; flags start with '-', as in -Xmx64m");
          ok = false;
          break;
        }
        if (!is_simulated_jvm_flag(flag)) {
          warning(value_span, "the JVM flag '" + flag + "' is passed to java, but the simulator ignores it");
        }
      }
      if (!ok) continue;
    }
    if (spec->kind == DirectiveKind::Hypothetical && value.find_first_of(" \t") != std::string_view::npos) {
      error(value_span, "a hypothetical mode's name is one word, such as os-reads-heap");
      continue;
    }
    Directive d;
    d.kind = spec->kind;
    d.key = std::string(key);
    d.value = std::string(value);
    d.span = c.span;
    d.value_span = value_span;
    out.directives.push_back(std::move(d));
  }
  return out;
}

DirectiveParseResult parse_directives(std::string_view source) {
  return parse_directives(lex(source).comments);
}

}  // namespace heapviz::lang
