#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "heapviz/lang/lesson_catalog.hpp"

namespace fs = std::filesystem;

TEST_CASE("the catalog lists lessons sorted, with titles from directives") {
  const fs::path dir = fs::temp_directory_path() / "heapviz_catalog_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "02-second.java") << "//@ title: Second\nint x = 1;\n";
  std::ofstream(dir / "01-first.java") << "// plain comment\n//@ title: First lesson\n//@ title.zh: 第一课\n";
  std::ofstream(dir / "notes.txt") << "not a lesson";
  const auto lessons = heapviz::list_lessons(dir);
  REQUIRE(lessons.size() == 2);
  CHECK(lessons[0].id == "01-first");
  CHECK(lessons[0].title == "First lesson");
  CHECK(lessons[0].title_zh == "第一课");
  CHECK(lessons[1].title == "Second");
  fs::remove_all(dir);
}

TEST_CASE("a missing lesson folder gives an empty list") {
  CHECK(heapviz::list_lessons("/nonexistent/heapviz/dir").empty());
}

TEST_CASE("the bundled lessons are found by id, number and path") {
  const auto all = heapviz::list_lessons(fs::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios");
  REQUIRE_FALSE(all.empty());
  for (const auto& e : all) CHECK_MESSAGE(!e.title.empty(), e.id << " has no //@ title");
  const auto by_id = heapviz::find_lesson(all.front().id);
  REQUIRE(by_id);
  CHECK(by_id->path == all.front().path);
  const auto by_number = heapviz::find_lesson("1");
  REQUIRE(by_number);
  CHECK(by_number->id == all.front().id);
  const auto by_path = heapviz::find_lesson(all.front().path.string());
  REQUIRE(by_path);
  CHECK(by_path->title == all.front().title);
  CHECK_FALSE(heapviz::find_lesson("no-such-lesson"));
  CHECK_FALSE(heapviz::find_lesson(""));
}

TEST_CASE("the catalog reads titles with the lesson parser's directive rules") {
  const fs::path dir = fs::temp_directory_path() / "heapviz_catalog_rules_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // CRLF line ends, a malformed directive before the title, a title-like line inside a block comment.
  std::ofstream(dir / "01-crlf.java", std::ios::binary)
      << "//@ nonsense: x\r\n//@ title: Windows lesson\r\nint x = 1;\r\n";
  std::ofstream(dir / "02-block.java") << "/*\n//@ title: not a title\n*/\n//@ title.zh: 标题\n";
  std::ofstream(dir / "03-after-code.java") << "int y = 2; //@ title: after code\n";
  const auto lessons = heapviz::list_lessons(dir);
  REQUIRE(lessons.size() == 3);
  CHECK(lessons[0].title == "Windows lesson");
  CHECK(lessons[1].title.empty());  // inside /* */ it is not a directive (a line-by-line reader took it)
  CHECK(lessons[1].title_zh == "标题");
  CHECK(lessons[2].title.empty());  // a directive must be alone on its line
  fs::remove_all(dir);
}
