#include <doctest/doctest.h>

#include "heapviz/lang/directives.hpp"
#include "heapviz/lang/lesson.hpp"

using namespace heapviz::lang;

TEST_CASE("directives: every key of the table is read") {
  const char* src =
      "//@ title: Where the bytes live\n"
      "//@ title.zh: 字节住在哪里\n"
      "//@ jvm: -XX:+UseSerialGC -Xmx64m\n"
      "//@ jvm: -XX:MaxDirectMemorySize=1m\n"
      "//@ hypothetical: os-reads-heap\n"
      "//@ expect-exit: 1\n"
      "int a = 1;\n"
      "  //@ caption: A heap buffer is an object plus a byte[].\n"
      "  //@ caption.zh: 堆缓冲区是一个对象加一个 byte[]。\n"
      "\n"
      "  // an ordinary comment\n"
      "  ByteBuffer heap = ByteBuffer.allocate(512);\n"
      "//@ pause\n"
      "System.gc();\n"
      "//@ pause: after gc\n"
      "if (a > 0) {\n"
      "  //@ caption: inside\n"
      "  a++;\n"
      "}\n";
  const Lesson lesson = parse_lesson(src, "l.java");
  INFO(lesson.format_diagnostics());
  REQUIRE(lesson.ok());
  const LessonDirectives& d = lesson.directives;
  CHECK(d.title == "Where the bytes live");
  CHECK(d.title_zh == "字节住在哪里");
  CHECK(d.jvm_flags == "-XX:+UseSerialGC -Xmx64m -XX:MaxDirectMemorySize=1m");
  CHECK(d.jvm_tokens ==
        std::vector<std::string>{"-XX:+UseSerialGC", "-Xmx64m", "-XX:MaxDirectMemorySize=1m"});
  CHECK(d.hypotheticals == std::vector<std::string>{"os-reads-heap"});
  CHECK(d.expect_exit == 1);
  REQUIRE(d.captions.size() == 2);
  CHECK(d.captions[0].line == 12);
  CHECK(d.captions[0].text == "A heap buffer is an object plus a byte[].");
  CHECK(d.captions[0].text_zh == "堆缓冲区是一个对象加一个 byte[]。");
  CHECK(d.captions[1].line == 18);
  CHECK(d.caption_at(12) == &d.captions[0]);
  CHECK(d.caption_at(7) == nullptr);
  REQUIRE(d.pauses.size() == 2);
  CHECK(d.pauses[0].line == 14);
  CHECK(d.pauses[0].label.empty());
  CHECK(d.pauses[1].line == 16);
  CHECK(d.pauses[1].label == "after gc");
  CHECK(d.all.size() == 11);
  CHECK(d.all[6].target_line == 12);
  CHECK(d.all[6].value_span == SourceSpan{8, 16, 8, 57});
}

TEST_CASE("directives: unknown keys are errors with their position") {
  const DirectiveParseResult r = parse_directives("int a;\n   //@ captoin: typo\n");
  REQUIRE(r.diagnostics.size() == 1);
  const Diagnostic& d = r.diagnostics[0];
  CHECK(d.kind == DiagnosticKind::Directive);
  CHECK(d.severity == Severity::Error);
  CHECK(d.span == SourceSpan{2, 8, 2, 15});
  CHECK(d.message.rfind("unknown directive 'captoin'; the known ones are title, title.zh, caption", 0) == 0);
  const Lesson lesson = parse_lesson("int a;\n   //@ captoin: typo\n", "l.java");
  CHECK_FALSE(lesson.ok());
  CHECK(lesson.format_diagnostics() ==
        "l.java:2:8: error: unknown directive 'captoin'; the known ones are title, title.zh, caption, "
        "caption.zh, "
        "pause, jvm, hypothetical, expect-exit\n"
        "   //@ captoin: typo\n"
        "       ^\n");
}

TEST_CASE("directives: malformed directives") {
  auto first = [](const char* src) {
    const DirectiveParseResult r = parse_directives(src);
    return r.diagnostics.empty() ? std::string() : r.diagnostics[0].message;
  };
  CHECK(first("//@ title") == "the directive 'title' needs a value after ':' (the lesson's title)");
  CHECK(first("//@ title:   ") == "the directive 'title' needs a value after ':' (the lesson's title)");
  CHECK(first("//@ title: a\n//@ title: b") == "the directive 'title' may appear only once");
  CHECK(first("//@ title = a") == "expected ':' after the directive key 'title'");
  CHECK(first("//@") == "this '//@' directive has no key; write for example '//@ title: My lesson'");
  CHECK(first("int x; //@ pause") == "a '//@' directive must be alone on its own line, not after code");
  CHECK(first("//@ expect-exit: yes") == "'expect-exit' needs an exit status from 0 to 255, such as 1");
  CHECK(first("//@ jvm: Xmx64m") == "'Xmx64m' is not a JVM flag; flags start with '-', as in -Xmx64m");
  CHECK(first("//@ hypothetical: two words") ==
        "a hypothetical mode's name is one word, such as os-reads-heap");
  CHECK(first("//@ pause") == "");
  CHECK(first("/*@ title: not a directive */") == "");
  CHECK(first("String s = \"//@ nope\";") == "");
}

TEST_CASE("directives: unknown JVM flags are warnings, simulated ones are silent") {
  const DirectiveParseResult r =
      parse_directives("//@ jvm: -Xmx64m -XX:+PrintGC -Dsun.nio.PageAlignDirectMemory=true\n");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].severity == Severity::Warning);
  CHECK(r.diagnostics[0].message ==
        "the JVM flag '-XX:+PrintGC' is passed to java, but the simulator ignores it");
  CHECK(is_simulated_jvm_flag("-Djdk.nio.maxCachedBufferSize=1024"));
  CHECK(is_simulated_jvm_flag("-XX:+DisableExplicitGC"));
  CHECK(is_simulated_jvm_flag("-XX:MarkSweepDeadRatio=0"));
  CHECK(is_simulated_jvm_flag("-Xmn2m"));  // read: one space, explained in a note by run_lesson
  CHECK_FALSE(is_simulated_jvm_flag("-Xmx"));
  CHECK(split_jvm_flags("  -Xmx1m\t -Xms1m ") == std::vector<std::string>{"-Xmx1m", "-Xms1m"});
}

TEST_CASE("directives: a caption or pause with no statement after it is an error") {
  const Lesson lesson = parse_lesson("int a = 1;\n//@ caption: dangling\n", "l.java");
  REQUIRE_FALSE(lesson.ok());
  CHECK(lesson.diagnostics[0].message ==
        "'caption' applies to the next statement, but no statement follows it");
  CHECK(lesson.diagnostics[0].span.line == 2);
}

TEST_CASE("directives: the table drives lookup") {
  CHECK(find_directive_spec("pause")->value_required == false);
  CHECK(find_directive_spec("caption")->attaches_to_statement);
  CHECK(find_directive_spec("nope") == nullptr);
  CHECK(directive_table().size() == 8);
}

TEST_CASE("directives: whole-class lessons attach captions inside main") {
  const Lesson lesson = parse_lesson(
      "//@ title: T\npublic class Main {\n  public static void main(String[] args) {\n    //@ caption: c\n"
      "    int x = 1;\n  }\n}\n");
  REQUIRE(lesson.ok());
  REQUIRE(lesson.directives.captions.size() == 1);
  CHECK(lesson.directives.captions[0].line == 5);
}

TEST_CASE("directives: a caption or pause before `try {` belongs to the first statement inside it") {
  // `try` runs no step of its own: attached to its line, lesson 09's caption was never shown.
  const char* src =
      "int a = 1;\n"
      "//@ pause: the big array\n"
      "//@ caption: does it fit?\n"
      "try {\n"
      "  byte[] big = new byte[16];\n"
      "} catch (OutOfMemoryError e) {\n"
      "  a = 2;\n"
      "}\n";
  const Lesson lesson = parse_lesson(src, "t.java");
  INFO(lesson.format_diagnostics());
  REQUIRE(lesson.ok());
  const LessonDirectives& d = lesson.directives;
  REQUIRE(d.captions.size() == 1);
  CHECK(d.captions[0].line == 5);
  CHECK(d.caption_at(4) == nullptr);
  REQUIRE(d.pauses.size() == 1);
  CHECK(d.pauses[0].line == 5);
}
