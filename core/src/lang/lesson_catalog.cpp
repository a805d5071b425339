#include "heapviz/lang/lesson_catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>

#include "heapviz/lang/directives.hpp"

namespace heapviz {
namespace fs = std::filesystem;

namespace {

// The titles come from the lesson front end's own directive parser, so the catalog and the lesson
// agree on what a title is (a malformed directive elsewhere in the file does not hide the title).
LessonEntry read_entry(const fs::path& file) {
  LessonEntry e;
  e.id = file.stem().string();
  std::error_code ec;
  e.path = fs::absolute(file, ec);
  if (ec) e.path = file;
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const lang::Directive& d : lang::parse_directives(text).directives) {
    if (d.kind == lang::DirectiveKind::Title && e.title.empty()) e.title = d.value;
    if (d.kind == lang::DirectiveKind::TitleZh && e.title_zh.empty()) e.title_zh = d.value;
  }
  return e;
}

}  // namespace

fs::path assets_dir() {
  if (const char* env = std::getenv("HEAPVIZ_ASSETS"); env && *env) return fs::path(env);
  return fs::path(HEAPVIZ_DEFAULT_ASSETS_DIR);
}

std::vector<LessonEntry> list_lessons(const fs::path& dir) {
  std::vector<LessonEntry> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".java" && it->is_regular_file(ec)) out.push_back(read_entry(it->path()));
  }
  std::sort(out.begin(), out.end(), [](const LessonEntry& a, const LessonEntry& b) { return a.id < b.id; });
  return out;
}

std::vector<LessonEntry> list_lessons() { return list_lessons(assets_dir() / "scenarios"); }

std::optional<LessonEntry> find_lesson(const std::string& name) {
  if (name.empty()) return std::nullopt;
  std::error_code ec;
  if (fs::path p(name); p.extension() == ".java" && fs::is_regular_file(p, ec)) return read_entry(p);
  const bool numeric = std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
  for (const auto& e : list_lessons()) {
    if (e.id == name) return e;
    if (numeric && name.size() <= 3) {
      const auto dash = e.id.find('-');
      if (dash != std::string::npos && std::atoi(e.id.substr(0, dash).c_str()) == std::atoi(name.c_str()))
        return e;
    }
  }
  return std::nullopt;
}

std::optional<std::string> read_lesson_source(const LessonEntry& lesson) {
  std::ifstream in(lesson.path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return text;
}

}  // namespace heapviz
