// java.lang.management in the interpreter: what the checker reports (and that javac rejects the same
// programs), what runs, and that the beans stay off the heap. The printed values are compared with
// java 17 by the oracle programs tests/jdk/programs/mxbean_*.java and list_foreach_slots.java.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "heapviz/lang/jdk_wrapper.hpp"
#include "heapviz/lang/lesson.hpp"
#include "interp_test_util.hpp"

namespace fs = std::filesystem;
using interp_test::first_error;

namespace {

// javac's verdict on the lesson as `heapviz java` writes it: true if it compiles.
bool javac_compiles(const std::string& source) {
  const heapviz::lang::Lesson lesson = heapviz::lang::parse_lesson(source, "t.java");
  REQUIRE(lesson.ok());
  const heapviz::lang::JdkSource src = heapviz::lang::wrap_for_jdk(lesson);
  const fs::path dir = fs::temp_directory_path() / ("heapviz-mx-javac-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / src.file_name, std::ios::binary) << src.text;
  const std::string cmd = "cd '" + dir.string() + "' && javac -nowarn " + src.file_name + " > javac.txt 2>&1";
  const bool ok = std::system(cmd.c_str()) == 0;
  fs::remove_all(dir);
  return ok;
}

const char* const kPools = "ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)";

std::string whole_class(const std::string& imports, const std::string& body) {
  return imports + "\npublic class M { public static void main(String[] args) {\n" + body + "\n} }\n";
}

}  // namespace

TEST_CASE("management: the checker reports what javac reports, and javac rejects the same programs") {
  REQUIRE_MESSAGE(std::system("javac -version > /dev/null 2>&1") == 0, "javac 17 is required");
  const std::string pools = std::string("var pools = ") + kPools + ";\n";
  const std::pair<std::string, std::string> cases[] = {
      {"var a = ManagementFactory.getPlatformMXBeans(String.class);",
       "no suitable method found for getPlatformMXBeans(Class<String>)"},
      {pools + "int x = pools.get(0);", "incompatible types: BufferPoolMXBean cannot be converted to int"},
      {pools + "for (String s : pools) { }",
       "incompatible types: BufferPoolMXBean cannot be converted to String"},
      {pools + "long c = pools.get(0).getCollectionCount();",
       "cannot find symbol: method getCollectionCount() in interface BufferPoolMXBean"},
      {pools + "var b = pools.get(0L);", "incompatible types: possible lossy conversion from long to int"},
      {std::string("List<GarbageCollectorMXBean> g = ") + kPools + ";",
       "incompatible types: List<BufferPoolMXBean> cannot be converted to List<GarbageCollectorMXBean>"},
      {pools + "pools.size(1);",
       "method size() cannot be applied to the given types: expected 0 arguments, found 1"},
      {"Object o = Nothing.class;", "cannot find symbol: class Nothing"},
      {"List<BufferPoolMXBean> p = null; String.class = null;", ""},  // the parser's error: see below
      // Whole classes see only what they import.
      {whole_class("import java.lang.management.ManagementFactory;",
                   std::string("for (BufferPoolMXBean p : ") + kPools + ") { }"),
       "cannot find symbol: class BufferPoolMXBean"},
      {whole_class("import java.lang.management.*;",
                   std::string("List<BufferPoolMXBean> p = ") + kPools + ";"),
       "cannot find symbol: class List"},
      {whole_class("import java.util.List;",
                   "System.out.println(ManagementFactory.getGarbageCollectorMXBeans());"),
       "cannot find symbol: variable ManagementFactory"},
      {whole_class("import java.util.List;\nimport java.lang.management.ManagementFactory;",
                   "List<GarbageCollectorMXBean> g = ManagementFactory.getGarbageCollectorMXBeans();"),
       "cannot find symbol: class GarbageCollectorMXBean"},
  };
  for (const auto& [source, message] : cases) {
    INFO(source);
    const auto r = interp_test::run(source);
    REQUIRE(!r.diagnostic_list.empty());
    CHECK(r.exit_code == 2);
    CHECK(r.diagnostic_list.front().kind != heapviz::lang::DiagnosticKind::Unsupported);
    if (!message.empty()) CHECK(r.diagnostic_list.front().message == message);
    if (heapviz::lang::parse_lesson(source, "t.java").ok()) CHECK_FALSE(javac_compiles(source));
  }
  // What the corrected programs look like compiles, and runs with single-type imports too.
  CHECK(javac_compiles(whole_class("import java.util.List;\nimport java.lang.management.*;",
                                   std::string("List<BufferPoolMXBean> p = ") + kPools + ";")));
  const std::string singles = whole_class(
      "import java.lang.management.BufferPoolMXBean;\nimport java.lang.management.ManagementFactory;\n"
      "import java.util.List;",
      std::string("List<BufferPoolMXBean> p = ") + kPools + ";\nSystem.out.println(p.get(2).getName());");
  CHECK(javac_compiles(singles));
  CHECK(interp_test::out(singles) == "mapped - 'non-volatile memory'\n");
}

TEST_CASE("management: valid Java heapviz does not simulate is said to be so") {
  const std::string tail = " is valid Java that heapviz does not simulate yet";
  const char* const snippets[] = {
      "List<String> l = null;",
      "var m = ManagementFactory.getPlatformMXBeans(MemoryMXBean.class);",
      "var m = ManagementFactory.getMemoryMXBean();",
      "class Node { }\nObject o = Node.class;",
      "BufferPoolMXBean[] a = null;",
      "var n = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).get(0).getObjectName();",
      "var l = ManagementFactory.getGarbageCollectorMXBeans(); l.iterator();",
      "Object o = ManagementFactory.getGarbageCollectorMXBeans(); boolean b = o instanceof "
      "GarbageCollectorMXBean;",
      "Object o = ManagementFactory.getGarbageCollectorMXBeans().get(0); var b = (BufferPoolMXBean) o;",
  };
  for (const char* s : snippets) {
    INFO(s);
    const auto r = interp_test::run(s);
    REQUIRE(!r.diagnostic_list.empty());
    CHECK(r.diagnostic_list.front().kind == heapviz::lang::DiagnosticKind::Unsupported);
    CHECK(r.diagnostic_list.front().message.find(tail) != std::string::npos);
  }
}

TEST_CASE("management: the beans read the simulated pools and collections and are not on the heap") {
  const auto r = interp_test::run(
      "var gcs = ManagementFactory.getGarbageCollectorMXBeans();\n"
      "var pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);\n"
      "ByteBuffer d = ByteBuffer.allocateDirect(700);\n"
      "System.out.println(pools.get(1).getName() + \" \" + pools.get(1).getCount() + \" \" + "
      "pools.get(1).getMemoryUsed());\n"
      "d = null;\n"
      "Heapviz.gc();\n"
      "for (var g : gcs) System.out.println(g.getName() + \" \" + g.getCollectionCount() + \" \" + "
      "g.getCollectionTime());\n"
      "System.out.println(pools.get(1).getCount());");
  REQUIRE(r.exit_code == 0);
  // Heapviz.gc() is two System.gc() calls on the JDK: heapviz runs one and counts both.
  CHECK(r.out == "direct 1 700\nCopy 0 0\nMarkSweepCompact 2 2\n0\n");
  REQUIRE(r.trace);
  bool said_not_drawn = false, said_young = false, said_two = false;
  for (const auto& step : r.trace->steps()) {
    if (step.pos.line <= 2) CHECK(step.kind != heapviz::StepKind::alloc);  // nothing on the heap
    said_not_drawn = said_not_drawn || step.text.en.find("does not draw them") != std::string::npos;
    said_young = said_young || step.text.en.find("no young generation") != std::string::npos;
    said_two = said_two || step.text.en.find("counts two") != std::string::npos;
  }
  CHECK(said_not_drawn);
  CHECK(said_young);
  CHECK(said_two);
  // Without the beans, Heapviz.gc() says nothing about counting.
  const auto plain = interp_test::run("Heapviz.gc();");
  for (const auto& step : plain.trace->steps()) CHECK(step.text.en.find("counts two") == std::string::npos);
}

TEST_CASE("management: class literals name the JDK's classes") {
  CHECK(interp_test::out(
            "System.out.println(ByteBuffer.class.getName() + \" \" + "
            "FileChannel.MapMode.class.getName() + \" \" + FileChannel.MapMode.class.getSimpleName());") ==
        "java.nio.ByteBuffer java.nio.channels.FileChannel$MapMode MapMode\n");
  CHECK(interp_test::out("System.out.println(String.class == java.lang.String.class);") == "true\n");
}
