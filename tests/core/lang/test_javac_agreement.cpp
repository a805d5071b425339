// The front end agrees with the real javac: what heapviz accepts compiles, what it calls "valid Java
// that heapviz does not simulate yet" compiles too, and what it rejects as an error javac rejects.
// Each group is one javac run over many small files, to keep the test fast.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "heapviz/lang/jdk_wrapper.hpp"
#include "heapviz/lang/lesson.hpp"

using namespace heapviz::lang;
namespace fs = std::filesystem;

namespace {

enum class Expect { Accepted, Unsupported, Rejected };

struct Batch {
  fs::path dir;
  std::vector<std::string> files;  // one per snippet, in order
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Checks heapviz's verdict on every snippet and writes each as its own Java file.
Batch prepare(const std::string& group, const std::vector<std::string>& snippets, Expect expect) {
  Batch batch;
  batch.dir = fs::temp_directory_path() / ("heapviz-javac-" + group + "-" + std::to_string(::getpid()));
  fs::remove_all(batch.dir);
  fs::create_directories(batch.dir / "classes");
  for (std::size_t i = 0; i < snippets.size(); ++i) {
    const Lesson lesson = parse_lesson(snippets[i], "snippet.java");
    const std::string cls = "S" + std::to_string(i);
    std::string text;
    switch (expect) {
      case Expect::Accepted:
        CHECK_MESSAGE(lesson.ok(), snippets[i], "\n", lesson.format_diagnostics());
        break;
      case Expect::Unsupported:
        CHECK_MESSAGE(
            (!lesson.diagnostics.empty() && lesson.diagnostics[0].kind == DiagnosticKind::Unsupported),
            snippets[i], "\n", lesson.format_diagnostics());
        break;
      case Expect::Rejected:
        CHECK_MESSAGE((!lesson.ok() && lesson.diagnostics[0].kind != DiagnosticKind::Unsupported),
                      snippets[i], "\n", lesson.format_diagnostics());
        break;
    }
    if (snippets[i].find("public class " + cls + " ") != std::string::npos) {
      text = snippets[i];  // a whole class, already named for its file
    } else {
      text = kBareBodyImports;
      text += "public class " + cls + " { public static void main(String[] args) throws Exception { ";
      text += snippets[i];
      text += "\n} }\n";
    }
    std::ofstream(batch.dir / (cls + ".java"), std::ios::binary) << text;
    batch.files.push_back(cls + ".java");
  }
  return batch;
}

// Runs javac on the whole batch; returns its exit status and output.
std::pair<int, std::string> javac(const Batch& batch) {
  std::string cmd =
      "cd '" + batch.dir.string() + "' && javac -encoding UTF-8 -nowarn -Xmaxerrs 1000 -d classes";
  for (const std::string& f : batch.files) cmd += " " + f;
  cmd += " > javac.txt 2>&1";
  const int status = std::system(cmd.c_str());
  std::string out = slurp(batch.dir / "javac.txt");
  fs::remove_all(batch.dir);
  return {status, out};
}

void require_javac() {
  REQUIRE_MESSAGE(std::system("javac -version > /dev/null 2>&1") == 0,
                  "javac was not found on PATH: install a JDK 17 (Debian: openjdk-17-jdk-headless)");
}

void check_all_rejected(const std::string& group, const std::vector<std::string>& snippets) {
  const Batch batch = prepare(group, snippets, Expect::Rejected);
  const auto [status, out] = javac(batch);
  CHECK(status != 0);
  for (std::size_t i = 0; i < batch.files.size(); ++i) {
    CHECK_MESSAGE(out.find(batch.files[i] + ":") != std::string::npos, "javac accepted: ", snippets[i], "\n",
                  out);
  }
}

}  // namespace

TEST_CASE("javac agreement: what heapviz accepts compiles") {
  require_javac();
  const std::vector<std::string> snippets = {
      "int a = 1, b = 2; long n = 10L; byte x = (byte) 7; boolean ok = a < b; String s = \"hi\" + a;\n"
      "var v = ByteBuffer.allocate(8); byte[] arr = {1, 2, 3}; int c[] = new int[2]; Object[] objs = new "
      "Object[2];\n"
      "final Object o = new Object(); List<ByteBuffer> list = new ArrayList<>(); Map<String, List<byte[]>> m "
      "= new HashMap<>();\n"
      "java.nio.ByteBuffer q = null; char ch = '\\u4e2d'; int h = 0x1F + 0b101 + 017 + 1_000;\n"
      "long big = -9223372036854775808L; int small = -2147483648; int[][] grid = new int[2][]; double d = "
      "1.5e3; float f = 2f;",
      "int a = 5, b = 3; int r = a + b * 2 - (a - b) / 2 % 3; r += a << 2; r >>= 1; r >>>= 1; r ^= ~a;\n"
      "boolean t = a > b && !(a == b) || a >= b ^ a <= b; int m = a > b ? a : b; r = (int) 3L; Object o = "
      "\"x\";\n"
      "if (o instanceof String) r++; (r) = 4; r--; --r; ++r; int[] arr = new int[3]; arr[0]++; arr[r % 3] = "
      "arr.length;\n"
      "int len = new int[3].length; String str = (String) o; int neg = -a; boolean nb = !t; long sh = 1L << "
      "40 >> 2 >>> 1;",
      "int i = 0; if (i > 0) i = 1; else if (i < 0) i = 2; else { i = 3; }\n"
      "while (i < 10) i++; do { i--; } while (i > 0); for (int k = 0; k < 3; k++) { if (k == 1) continue; if "
      "(k == 2) break; }\n"
      "for (int p = 0, q = 1; p < q; p++, q--) {} for (byte x : new byte[]{1, 2}) { } ; { int inner = 1; }\n"
      "for (;;) { break; } if (args.length > 5) return;",
      "try { ByteBuffer.allocate(1).putInt(5); } catch (BufferOverflowException | BufferUnderflowException "
      "e) {\n"
      "  System.out.println(e.getClass().getName() + \": \" + e.getMessage() + e);\n"
      "} finally { System.gc(); }\n"
      "try { throw new IllegalStateException(\"no\"); } catch (RuntimeException e) { System.out.print(e); }",
      "Thread t = new Thread(() -> { ByteBuffer b = ByteBuffer.allocateDirect(8); }); t.start(); t.join();\n"
      "Runnable r = () -> System.gc(); new Thread(r).start();",
      "class Node { Node next; byte[] data = new byte[16]; Node(Node n) { this.next = n; } int size() { "
      "return data.length; } }\n"
      "final class Box { Object v; }\nNode head = new Node(null); head.next = new Node(head); Box b = new "
      "Box(); b.v = head;\n"
      "System.out.println(head.size() + \" \" + \"text\".getBytes().length);",
      "Path p = Files.createTempFile(\"heapviz\", \".bin\");\n"
      "try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.READ)) {\n"
      "  ByteBuffer buf = ByteBuffer.allocateDirect(16); "
      "buf.order(ByteOrder.LITTLE_ENDIAN).putInt(42).flip();\n"
      "  ch.write(buf); buf.clear(); ch.read(buf, 0L); ch.force(true); ch.position(0); ch.transferTo(0, "
      "ch.size(), ch);\n"
      "  MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4);\n"
      "}\nFiles.delete(p);",
      "Object c = String.class; Object k = java.nio.ByteBuffer.class; String n = "
      "BufferPoolMXBean.class.getName();\n"
      "List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);\n"
      "for (BufferPoolMXBean p : pools) System.out.println(p.getName() + p.getCount() + p.getMemoryUsed());\n"
      "var gcs = ManagementFactory.getGarbageCollectorMXBeans(); long collections = "
      "gcs.get(0).getCollectionCount();",
      "import java.nio.*;\npublic class S8 {\n  static class Node { Node next; }\n  static int count = 0;\n"
      "  static Node grow(Node h) { Node n = new Node(); n.next = h; count++; return n; }\n"
      "  public static void main(String... args) throws Exception { Node h = null; for (int i = 0; i < 3; "
      "i++) h = grow(h); }\n}\n",
      "int x = 1; int y = switch (x) { case 1: yield 2; default: yield 3; };",
      "int x = 1; int y = switch (x) { default -> 1; };",
      "int x = 1; int y = switch (x) { case 1, 2 -> { int z = x; yield z; } default -> 0; };",
  };
  const Batch batch = prepare("accepted", snippets, Expect::Accepted);
  const auto [status, out] = javac(batch);
  CHECK_MESSAGE(status == 0, out);
}

TEST_CASE("javac agreement: what heapviz does not simulate yet is valid Java") {
  require_javac();
  const std::vector<std::string> snippets = {
      "Object o2 = new Object(); synchronized (o2) { int z = 0; }",
      "Object o = new Object(); synchronized (o) { }",
      "outer: for (;;) { break outer; }",
      "interface Shape {}\nint x = 1;",
      "enum Color { RED }\nint x = 1;",
      "record P(int x) {}\nP p = new P(1);",
      "@SuppressWarnings(\"unused\") int a = 1;",
      "assert 1 > 0;",
      "Runnable r = System::gc;",
      "Object o = new Object() { };",
      "Runnable r2 = System::gc;",
      "Class<?> c = int.class;",
      "Object c = void.class;",
      "Object c = String[].class;",
      "String s = \"\"\"\n  hi\n  \"\"\";",
      "class Box<T> { T v; }\nBox<String> b = new Box<>();",
      "class A implements Runnable { public void run() {} }\nnew A().run();",
      "double d = 0x1p3;",
      "public class S18 { class Inner {} public static void main(String[] a) {} }",
      "public class S19 { static <T> T id(T t) { return t; } public static void main(String[] a) {} }",
      "public class S20 { static int x; static { x = 1; } public static void main(String[] a) {} }",
      "public class S21 { synchronized static void f() {} public static void main(String[] a) {} }",
      "public class S22 { interface I {} public static void main(String[] a) {} }",
  };
  const Batch batch = prepare("unsupported", snippets, Expect::Unsupported);
  const auto [status, out] = javac(batch);
  CHECK_MESSAGE(status == 0, out);
}

TEST_CASE("javac agreement: what heapviz rejects, javac's parser rejects") {
  require_javac();
  check_all_rejected("syntax", {
                                   "int a = 1\nint b = 2;",
                                   "int a = 1; a + 1;",
                                   "static class Node { }",
                                   "public class Node { }\nint x = 1;",
                                   "else { }",
                                   "int x = 2147483648;",
                                   "String s = \"abc;",
                                   "char c = 'ab';",
                                   "byte[] b = new byte[];",
                                   "byte[] b = new byte[2]{1, 2};",
                                   "var a = 1, b = 2;",
                                   "catch (Exception e) { }",
                                   "void f() { }",
                                   "int i = 0; for (; i < 3; i + 1) { }",
                                   "import java.util.*;\nint x = 1;",
                                   "int x = 09;",
                                   "String s = \"\\q\";",
                                   "int x = 1\xEF\xBC\x9B",
                                   "try { }",
                                   "int x = (int);",
                                   "int y = 1; (y = 2);",
                                   "int x = 1 # 2;",
                               });
}

TEST_CASE("javac agreement: what heapviz rejects, javac's checks reject") {
  require_javac();
  check_all_rejected("checks", {
                                   "break;",
                                   "while (true) { Runnable r = () -> { continue; }; }",
                                   "var x;",
                                   "var x = {1};",
                                   "int x = {1};",
                                   "int y = 1; (y + 1) = 2;",
                                   "1++;",
                               });
}
