#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace heapviz {

/// One lesson file as the catalog sees it: its path and the titles from its `//@ title:` directives.
struct LessonEntry {
  std::string id;              ///< file stem, e.g. "01-allocate-vs-direct"
  std::filesystem::path path;  ///< absolute path of the .java file
  std::string title;           ///< English title ("" if the file has none)
  std::string title_zh;        ///< Simplified Chinese title ("" if none)
};

/// The folder holding `scenarios/` and `java/`: $HEAPVIZ_ASSETS if set, else the source tree's assets/.
std::filesystem::path assets_dir();

/// Lessons in `dir` (default: assets_dir()/scenarios), sorted by file name, so "NN-" prefixes order them.
/// A missing folder gives an empty list, never an exception.
std::vector<LessonEntry> list_lessons(const std::filesystem::path& dir);
std::vector<LessonEntry> list_lessons();

/// Finds a lesson by id ("01-allocate-vs-direct"), by number ("1", "01"), or by a path to a .java file.
std::optional<LessonEntry> find_lesson(const std::string& name_or_path);

/// The lesson's source text, or nullopt if the file cannot be read.
std::optional<std::string> read_lesson_source(const LessonEntry& lesson);

}  // namespace heapviz
