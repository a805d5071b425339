// `heapviz run` and `heapviz java`: exit codes, what goes to stdout and stderr, the step budget, traces,
// and files that javac compiles.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "process.hpp"

namespace fs = std::filesystem;

namespace {

// A lesson file in the test output folder.
std::string lesson_file(const std::string& name, const std::string& body) {
  const fs::path dir = fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << body;
  return p.string();
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs heapviz without a display, stderr going to a file (a subshell keeps it apart from the
// captured stdout); returns {exit, stdout, stderr}.
struct Split {
  int exit_code;
  std::string out, err;
};
Split run_split(const std::string& args) {
  const fs::path err = fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode" / "stderr.txt";
  const ProcessResult r = run_command("( env -u DISPLAY -u WAYLAND_DISPLAY '" + std::string(HEAPVIZ_BINARY) +
                                      "' " + args + " 2> '" + err.string() + "' )");
  return Split{r.exit_code, r.output, read(err)};
}

}  // namespace

TEST_CASE("heapviz run: prints exactly the program's System.out and exits 0") {
  const auto f = lesson_file(
      "hello.java",
      "int a = 20;\nSystem.out.println(\"a + 1 = \" + (a + 1));\nSystem.err.println(\"to stderr\");\n");
  const Split r = run_split("run '" + f + "'");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "a + 1 = 21\n");
  CHECK(r.err == "to stderr\n");
}

TEST_CASE("heapviz run: an uncaught exception prints Java's line on stderr and exits 1") {
  const auto f =
      lesson_file("uncaught.java", "System.out.println(\"before\");\nint[] a = new int[1];\na[1] = 2;\n");
  const Split r = run_split("run '" + f + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "before\n");
  CHECK(r.err.rfind("Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: Index 1 out of "
                    "bounds for length 1\n",
                    0) == 0);
}

TEST_CASE("heapviz run: a lesson error prints file:line:col with a caret and exits 2") {
  const auto f = lesson_file("typo.java", "int x = \"a\";\n");
  const Split r = run_split("run '" + f + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("typo.java:1:9: error: incompatible types: String cannot be converted to int\nint x = "
                   "\"a\";\n        ^\n") != std::string::npos);
  CHECK(run_heapviz("run no-such-lesson-anywhere", false).exit_code == 2);
}

TEST_CASE("heapviz run: --max-steps stops a runaway program with a clear message, exit 2") {
  const auto f = lesson_file("forever.java", "int i = 0;\nwhile (true) {\n    i++;\n}\n");
  const Split r = run_split("run '" + f + "' --max-steps 500");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("stopped after 500 steps") != std::string::npos);
  CHECK(run_heapviz("run '" + f + "' --max-steps 0", false).exit_code == 2);  // usage error
}

TEST_CASE("heapviz run: --trace writes one line per step to stderr, --trace=json FILE writes JSON") {
  const auto f = lesson_file("trace.java", "Object o = new Object();\no = null;\nSystem.gc();\n");
  const Split r = run_split("run '" + f + "' --trace");
  CHECK(r.exit_code == 0);
  CHECK(r.err.rfind("1 alloc ", 0) == 0);  // numbered as the window numbers steps
  CHECK(r.err.find(" root_set o = null") != std::string::npos);
  CHECK(r.err.find(" gc_start ") != std::string::npos);
  const fs::path json = fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode" / "trace.json";
  fs::remove(json);
  const Split j = run_split("run '" + f + "' --trace=json '" + json.string() + "'");
  CHECK(j.exit_code == 0);
  const std::string text = read(json);
  CHECK(text.find("\"steps\"") != std::string::npos);
  CHECK(text.find("\"kind\": \"alloc\"") != std::string::npos);
  CHECK(run_heapviz("run '" + f + "' --trace=json", false).exit_code == 2);  // FILE missing
}

TEST_CASE("heapviz run: --trace=json gives each copy step its source and destination space and address") {
  const auto f =
      lesson_file("copies.java",
                  "FileChannel ch = FileChannel.open(Path.of(\"c.bin\"), StandardOpenOption.CREATE, "
                  "StandardOpenOption.WRITE);\n"
                  "ByteBuffer buf = "
                  "ByteBuffer.allocate(8);\nbuf.putLong(42);\nbuf.flip();\nch.write(buf);\nch.close();\n");
  const fs::path json = fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode" / "copies.json";
  fs::remove(json);
  REQUIRE(run_split("run '" + f + "' --trace=json '" + json.string() + "'").exit_code == 0);
  const std::string text = read(json);
  CHECK(text.find("\"ranges\"") != std::string::npos);
  // heap -> native (the bounce copy), then native -> kernel (write), 8 bytes each.
  const auto heap_to_native = text.find("\"from_space\": \"java-heap\"");
  CHECK(heap_to_native != std::string::npos);
  CHECK(text.find("\"to_space\": \"native\"") != std::string::npos);
  CHECK(text.find("\"from_space\": \"native\"") != std::string::npos);
  CHECK(text.find("\"to_space\": \"kernel\"") != std::string::npos);
  CHECK(text.find("\"to\": \"0xffff888100000000\"") != std::string::npos);  // the first page-cache page
  CHECK(text.find("The channel state changes.") == std::string::npos);
}

TEST_CASE("heapviz java: writes Main.java and Heapviz.java that javac compiles") {
  const auto f =
      lesson_file("forjdk.java", "class Node { Node next; }\nNode n = new Node();\nHeapviz.pools();\n");
  const fs::path out = fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode" / "jdk";
  fs::remove_all(out);
  const auto r = run_heapviz("java '" + f + "' --out '" + out.string() + "'", false);
  CHECK(r.exit_code == 0);
  REQUIRE(fs::exists(out / "Main.java"));
  REQUIRE(fs::exists(out / "Heapviz.java"));
  const auto javac = run_command("cd '" + out.string() + "' && javac Main.java Heapviz.java && java Main");
  CHECK(javac.exit_code == 0);
  CHECK(javac.output == "direct: count=0 used=0 capacity=0\nmapped: count=0 used=0 capacity=0\n");
  CHECK(run_heapviz("java '" + f + "'", false).exit_code == 2);  // --out missing
}

TEST_CASE("heapviz java: the java.lang.management programs compile and print what heapviz run prints") {
  for (const char* name : {"mxbean_pools", "mxbean_gc_counts", "list_foreach_slots"}) {
    CAPTURE(name);
    const fs::path f =
        fs::path(HEAPVIZ_TEST_SOURCE_DIR) / "tests" / "jdk" / "programs" / (std::string(name) + ".java");
    std::ifstream in(f);
    std::string line, flags;
    while (std::getline(in, line))
      if (line.rfind("//@ jvm: ", 0) == 0) flags = line.substr(9);
    REQUIRE(!flags.empty());
    const Split run = run_split("run '" + f.string() + "'");
    REQUIRE(run.exit_code == 0);
    const fs::path out = fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode" / "jdk_management" / name;
    fs::remove_all(out);
    REQUIRE(run_heapviz("java '" + f.string() + "' --out '" + out.string() + "'", false).exit_code == 0);
    const auto java =
        run_command("cd '" + out.string() + "' && javac Main.java Heapviz.java && java " + flags + " Main");
    CHECK(java.exit_code == 0);
    CHECK(java.output == run.out);
  }
}

TEST_CASE("heapviz run: --hypothetical switches on a mode the lesson declares, others are errors (exit 2)") {
  const Split plain = run_split("run 06");
  REQUIRE(plain.exit_code == 0);
  CHECK(plain.out == "writing 4096 bytes of a heap buffer to race.bin\nwrote 4096 bytes, 0 of them wrong\n");
  const Split race = run_split("run 06 --hypothetical os-reads-heap --trace");
  CHECK(race.exit_code == 0);
  CHECK(race.out.rfind("writing 4096 bytes of a heap buffer to race.bin\nwrote 4096 bytes, ", 0) == 0);
  CHECK(race.out.find(" 0 of them wrong") == std::string::npos);
  CHECK(race.err.find(" syscall HYPOTHETICAL, not what the JDK does: Chunk 3 of 4: ") != std::string::npos);
  CHECK(
      race.err.find(" gc_start HYPOTHETICAL, not what the JDK does: GC(0) Pause Full (Allocation Failure)") !=
      std::string::npos);
  const Split pin = run_split("run 06 --hypothetical pin-heap-array --trace");
  CHECK(pin.exit_code == 0);
  CHECK(pin.out == plain.out);
  CHECK(pin.err.find(" gc_locker_stall ") != std::string::npos);
  CHECK(pin.err.find("Pause Full (GCLocker Initiated GC)") != std::string::npos);

  const Split unknown = run_split("run 06 --hypothetical no-such-mode");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find("error: unknown hypothetical mode 'no-such-mode' (heapviz knows: os-reads-heap, "
                         "pin-heap-array, non-moving-sweep)") != std::string::npos);
  const Split undeclared = run_split("run 03 --hypothetical os-reads-heap");
  CHECK(undeclared.exit_code == 2);
  CHECK(undeclared.out.empty());
  CHECK(undeclared.err.find("error: this lesson does not offer the hypothetical mode 'os-reads-heap'") !=
        std::string::npos);
  CHECK(run_split("run 06 --hypothetical").exit_code == 2);  // the name is missing: a usage error
}

TEST_CASE("heapviz java: accepts every bundled lesson that heapviz run accepts") {
  int lessons = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios")) {
    if (entry.path().extension() != ".java") continue;
    ++lessons;
    const std::string f = entry.path().string();
    CAPTURE(f);
    const Split run = run_split("run '" + f + "'");
    REQUIRE(run.exit_code <= 1);  // ran (an uncaught exception is a lesson's right)
    const fs::path out = fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode" / "jdk_all" / entry.path().stem();
    fs::remove_all(out);
    CHECK(run_heapviz("java '" + f + "' --out '" + out.string() + "'", false).exit_code == 0);
    CHECK(fs::exists(out / "Heapviz.java"));
  }
  CHECK(lessons >= 11);
}

TEST_CASE("heapviz java: unicode identifiers and unicode escapes give what javac compiles and java prints") {
  struct Case {
    std::string file, body, main_file, main_class;
  };
  const Case cases[] = {
      {"unicode_body.java",
       "class 节点 { 节点 下一个; int 值; }\n节点 n = new 节点();\nn.值 = 3; // \\u000a n.值 = n.值 + 1;\n"
       "int \\u0061bc = n.值;\nSystem.out.println(abc + \" \" + (n.下一个 == null));\n",
       "Main.java", "Main"},
      {"unicode_class.java",
       "public class 主类 {\n  static class 节点 { 节点 下一个; }\n  public static void main(String[] args) "
       "{\n"
       "    节点 n = new 节点();\n    System.out.println(n.下一个 == null);\n  }\n}\n",
       "主类.java", "主类"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    const auto f = lesson_file(c.file, c.body);
    const Split run = run_split("run '" + f + "'");
    REQUIRE(run.exit_code == 0);
    const fs::path out =
        fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode" / "jdk_unicode" / fs::path(c.file).stem();
    fs::remove_all(out);
    REQUIRE(run_heapviz("java '" + f + "' --out '" + out.string() + "'", false).exit_code == 0);
    REQUIRE(fs::exists(out / fs::path(c.main_file)));
    const auto java = run_command("cd '" + out.string() + "' && javac -encoding UTF-8 '" + c.main_file +
                                  "' Heapviz.java && java '" + c.main_class + "'");
    CHECK(java.exit_code == 0);
    CHECK(java.output == run.out);
  }
}

TEST_CASE(
    "heapviz java: StringBuilder, 2-D arrays and switch expressions compile and print what run prints") {
  const auto f = lesson_file(
      "builder_grid_switch.java",
      "StringBuilder sb = new StringBuilder();\nint[][] grid = new int[2][3];\ngrid[1][2] = 5;\n"
      "int[][] ragged = {{1}, {2, 3}};\nfor (int[] row : ragged) sb.append(row.length).append(',');\n"
      "String kind = switch (grid[1][2]) {\n  case 5 -> \"five\";\n  default -> { yield \"other\"; }\n};\n"
      "int n = switch (kind) { case \"five\": yield 50; default: yield 0; };\n"
      "System.out.println(sb.append(kind).append(n) + \" \" + sb.capacity() + \" \" + grid[1].length);\n");
  const Split run = run_split("run '" + f + "'");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out == "1,2,five50 16 3\n");
  const fs::path out = fs::path(HEAPVIZ_TEST_OUT_DIR) / "run_mode" / "jdk_builder_grid_switch";
  fs::remove_all(out);
  REQUIRE(run_heapviz("java '" + f + "' --out '" + out.string() + "'", false).exit_code == 0);
  const auto java = run_command("cd '" + out.string() + "' && javac Main.java Heapviz.java && java Main");
  CHECK(java.exit_code == 0);
  CHECK(java.output == run.out);
}
