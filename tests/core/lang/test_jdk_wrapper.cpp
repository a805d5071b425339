#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "heapviz/lang/jdk_wrapper.hpp"
#include "heapviz/lang/lesson.hpp"

using namespace heapviz::lang;
namespace fs = std::filesystem;

namespace {

// Runs javac on the wrapped lesson in a fresh temp dir; returns javac's exit status and output.
struct JavacRun {
  int status = -1;
  std::string output;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool javac_available() { return std::system("javac -version > /dev/null 2>&1") == 0; }

JavacRun compile(const std::string& name, const std::string& lesson_source) {
  const Lesson lesson = parse_lesson(lesson_source, name + ".java");
  INFO(lesson.format_diagnostics());
  REQUIRE(lesson.ok());
  const JdkSource src = wrap_for_jdk(lesson);
  const fs::path dir =
      fs::temp_directory_path() / ("heapviz-lang-javac-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "classes");
  {
    std::ofstream out(dir / src.file_name, std::ios::binary);
    out << src.text;
  }
  const std::string cmd = "javac -encoding UTF-8 -Xlint:none -d '" + (dir / "classes").string() + "' '" +
                          (dir / src.file_name).string() + "' > '" + (dir / "javac.txt").string() + "' 2>&1";
  JavacRun run;
  run.status = std::system(cmd.c_str());
  run.output = read_file(dir / "javac.txt");
  if (run.status == 0) CHECK(fs::exists(dir / "classes" / (src.main_class + ".class")));
  fs::remove_all(dir);
  return run;
}

const char* kBareLesson =
    "//@ title: Where the bytes live\n"
    "//@ title.zh: 字节住在哪里\n"
    "//@ jvm: -XX:+UseSerialGC -Xmx64m\n"
    "class Node { Node next; byte[] data = new byte[16]; }\n"
    "Node head = new Node();\n"
    "head.next = new Node();\n"
    "ByteBuffer heap = ByteBuffer.allocate(512);\n"
    "ByteBuffer direct = ByteBuffer.allocateDirect(512);\n"
    "heap.put(\"hello\".getBytes()).put(new byte[]{1, 2, 3}).put((byte) 7);\n"
    "System.out.println(heap + \" \" + direct.isDirect());\n"
    "try {\n"
    "  ByteBuffer.allocate(1).putInt(5);\n"
    "} catch (BufferOverflowException | BufferUnderflowException e) {\n"
    "  System.out.println(e.getClass().getName() + \": \" + e.getMessage());\n"
    "} finally {\n"
    "  System.gc();\n"
    "}\n"
    "Thread t = new Thread(() -> { ByteBuffer b = ByteBuffer.allocateDirect(8); });\n"
    "t.start();\n"
    "t.join();\n"
    "List<ByteBuffer> list = new ArrayList<>();\n"
    "for (int i = 0; i < 3; i++) list.add(ByteBuffer.allocate(i + 1));\n"
    "for (byte b : new byte[]{1, 2}) { if (b > 1) break; }\n"
    "long total = 0L; int n = 0x1F; total += n << 2;\n"
    "Object[] objs = new Object[2];\n"
    "objs[0] = new Object();\n"
    "// a last line comment without a newline";

const char* kFileLesson =
    "Path p = Files.createTempFile(\"heapviz\", \".bin\");\n"
    "try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.READ)) {\n"
    "  ByteBuffer buf = ByteBuffer.allocateDirect(16);\n"
    "  buf.order(ByteOrder.LITTLE_ENDIAN).putInt(42).flip();\n"
    "  ch.write(buf);\n"
    "  buf.clear();\n"
    "  ch.read(buf, 0L);\n"
    "  ch.force(true);\n"
    "  System.out.println(ch.size() + \" \" + ch.position());\n"
    "  MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4);\n"
    "}\n"
    "Files.delete(p);\n";

const char* kWholeClass =
    "import java.nio.*;\n"
    "\n"
    "public class Graph {\n"
    "  static class Node { Node next; Node(Node n) { next = n; } }\n"
    "  static Node grow(Node head) { return new Node(head); }\n"
    "  public static void main(String[] args) throws Exception {\n"
    "    Node head = null;\n"
    "    for (int i = 0; i < 3; i++) head = grow(head);\n"
    "    System.out.println(ByteBuffer.allocate(4));\n"
    "  }\n"
    "}\n";

}  // namespace

TEST_CASE("jdk wrapper: a bare body keeps its line numbers") {
  const Lesson lesson = parse_lesson("int a = 1;\nSystem.out.println(a);\n");
  REQUIRE(lesson.ok());
  const JdkSource src = wrap_for_jdk(lesson);
  CHECK(src.file_name == "Main.java");
  CHECK(src.main_class == "Main");
  CHECK(src.text ==
        std::string(kBareBodyImports) +
            "public class Main { public static void main(String[] args) throws Exception { int a = 1;\n"
            "System.out.println(a);\n\n} }\n");
}

TEST_CASE("jdk wrapper: a whole class is copied and named after its public class") {
  const Lesson lesson = parse_lesson(kWholeClass);
  REQUIRE(lesson.ok());
  const JdkSource src = wrap_for_jdk(lesson);
  CHECK(src.file_name == "Graph.java");
  CHECK(src.main_class == "Graph");
  CHECK(src.text == kWholeClass);
}

TEST_CASE("jdk wrapper: javac compiles the wrapped lessons") {
  REQUIRE_MESSAGE(javac_available(),
                  "javac was not found on PATH: install a JDK 17 (Debian: openjdk-17-jdk-headless)");
  for (const auto& [name, src] : {std::pair<std::string, const char*>{"bare", kBareLesson},
                                  {"file", kFileLesson},
                                  {"whole", kWholeClass}}) {
    const JavacRun run = compile(name, src);
    CHECK_MESSAGE(run.status == 0, name, ": ", run.output);
  }
}

TEST_CASE("jdk wrapper: javac reports errors on the lesson's own line numbers") {
  REQUIRE_MESSAGE(javac_available(),
                  "javac was not found on PATH: install a JDK 17 (Debian: openjdk-17-jdk-headless)");
  // Parses fine (heapviz leaves type checks to later stages) but javac rejects line 3.
  const JavacRun run = compile("lines", "int a = 1;\nint b = 2;\nString s = a;\n");
  CHECK(run.status != 0);
  CHECK_MESSAGE(run.output.find("Main.java:3: error") != std::string::npos, run.output);
}

TEST_CASE("jdk wrapper: the bundled lessons parse") {
  const fs::path dir = fs::path(HEAPVIZ_TEST_ASSETS_DIR) / "scenarios";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".java") continue;
    const Lesson lesson = parse_lesson(read_file(entry.path()), entry.path().filename().string());
    CHECK_MESSAGE(lesson.ok(), lesson.format_diagnostics());
    CHECK_FALSE(lesson.directives.title.empty());
    ++count;
  }
  CHECK(count >= 1);
}

TEST_CASE("jdk wrapper: a byte-order mark is dropped (javac rejects it)") {
  const Lesson lesson = parse_lesson("\xEF\xBB\xBFint a = 1;\n");
  REQUIRE(lesson.ok());
  const JdkSource src = wrap_for_jdk(lesson);
  CHECK(src.text.find("\xEF\xBB\xBF") == std::string::npos);
  CHECK(src.text.find("{ int a = 1;\n") != std::string::npos);
}
