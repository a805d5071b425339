#include <doctest/doctest.h>

#include "heapviz/lang/parser.hpp"
#include "lang_test_util.hpp"

using lang_test::body;
using namespace heapviz::lang;

TEST_CASE("statements: local variables of every lesson type") {
  CHECK(body("int a = 1, b = 2;") == "(block (local int (a 1) (b 2)))");
  CHECK(body("long n = 10L; byte x = (byte) 7; boolean ok = true;") ==
        "(block (local long (n 10L)) (local byte (x (cast byte 7))) (local boolean (ok true)))");
  CHECK(body("String s = \"hi\";") == "(block (local String (s \"hi\")))");
  CHECK(body("var buf = ByteBuffer.allocate(8);") ==
        "(block (local var (buf (call ByteBuffer allocate 8))))");
  CHECK(body("byte[] a = new byte[4];") == "(block (local byte[] (a (new-array byte[] 4))))");
  CHECK(body("byte[] a = {1, 2, 3};") == "(block (local byte[] (a ({} 1 2 3))))");
  CHECK(body("int a[] = {1};") == "(block (local int (a[] ({} 1))))");
  CHECK(body("Object[] objs = new Object[2];") == "(block (local Object[] (objs (new-array Object[] 2))))");
  CHECK(body("final Object o = new Object();") == "(block (local final Object (o (new Object))))");
  CHECK(body("FileChannel ch;") == "(block (local FileChannel (ch)))");
  CHECK(body("List<ByteBuffer> list = new ArrayList<>();") ==
        "(block (local List<ByteBuffer> (list (new ArrayList<>))))");
  CHECK(body("Map<String, List<byte[]>> m = null;") == "(block (local Map<String, List<byte[]>> (m null)))");
  CHECK(body("java.nio.ByteBuffer b = null;") == "(block (local java.nio.ByteBuffer (b null)))");
}

TEST_CASE("statements: expression statements") {
  CHECK(body("System.gc();") == "(block (expr (call System gc)))");
  CHECK(body("x = 3; x++; --x; new Object(); a[0] = 1;") ==
        "(block (expr (= x 3)) (expr (post++ x)) (expr (-- x)) (expr (new Object)) (expr (= ([] a 0) 1)))");
  CHECK(body("buf.put((byte) 1).put((byte) 2);") ==
        "(block (expr (call (call buf put (cast byte 1)) put (cast byte 2))))");
}

TEST_CASE("statements: control flow") {
  CHECK(body("if (a) x = 1; else if (b) x = 2; else { x = 3; }") ==
        "(block (if a (expr (= x 1)) (if b (expr (= x 2)) (block (expr (= x 3))))))");
  CHECK(body("while (i < 3) i++;") == "(block (while (< i 3) (expr (post++ i))))");
  CHECK(body("do { i--; } while (i > 0);") == "(block (do (block (expr (post-- i))) (> i 0)))");
  CHECK(body("for (int i = 0; i < n; i++) sum += i;") ==
        "(block (for ((local int (i 0))) (< i n) ((post++ i)) (expr (+= sum i))))");
  CHECK(body("for (;;) break;") == "(block (for () null () (break)))");
  CHECK(body("for (i = 0, j = 1; i < j; i++, j--) {}") ==
        "(block (for ((expr (= i 0)) (expr (= j 1))) (< i j) ((post++ i) (post-- j)) (block)))");
  CHECK(body("for (byte b : bytes) System.out.println(b);") ==
        "(block (foreach byte b bytes (expr (call (. System out) println b))))");
  CHECK(body("for (final var o : objs) continue;") == "(block (foreach var o objs (continue)))");
  CHECK(body("{ int a = 1; { a++; } } ;") ==
        "(block (block (local int (a 1)) (block (expr (post++ a)))) (empty))");
  CHECK(body("return;") == "(block (return))");
}

TEST_CASE("statements: try, catch, finally, throw") {
  CHECK(body("try { f(); } catch (RuntimeException e) { System.out.println(e); }") ==
        "(block (try (block (expr (call null f))) (catch RuntimeException e (block (expr (call (. System "
        "out) println e))))))");
  CHECK(
      body("try { f(); } catch (BufferOverflowException | BufferUnderflowException e) {} finally { g(); }") ==
      "(block (try (block (expr (call null f))) (catch BufferOverflowException|BufferUnderflowException e "
      "(block)) "
      "(finally (block (expr (call null g))))))");
  CHECK(body("try (FileChannel ch = FileChannel.open(p)) { ch.size(); }") ==
        "(block (try (local FileChannel (ch (call FileChannel open p))) (block (expr (call ch size)))))");
  CHECK(body("throw new IllegalStateException(\"no\");") ==
        "(block (throw (new IllegalStateException \"no\")))");
  CHECK(body("try { f(); }") == "ERROR: a 'try' needs at least one 'catch' or a 'finally'");
}

TEST_CASE("statements: threads with lambdas") {
  CHECK(body("Thread t = new Thread(() -> { ByteBuffer b = ByteBuffer.allocate(4); "
             "});\nt.start();\nt.join();") ==
        "(block (local Thread (t (new Thread (lambda () (block (local ByteBuffer (b (call ByteBuffer "
        "allocate 4)))))))) "
        "(expr (call t start)) (expr (call t join)))");
  CHECK(body("Runnable r = () -> System.gc();") ==
        "(block (local Runnable (r (lambda () (call System gc)))))");
}

TEST_CASE("statements: spans are exact") {
  auto r = parse_program("int a = 1;\n  ByteBuffer b =\n    ByteBuffer.allocate(16);\n");
  REQUIRE(r.ok());
  const auto& stmts = r.program.main_method->body->statements;
  REQUIRE(stmts.size() == 2);
  CHECK(stmts[0]->span == SourceSpan{1, 1, 1, 11});
  CHECK(stmts[1]->span == SourceSpan{2, 3, 3, 29});
  const auto& decl = stmts[1]->cast<LocalVar>();
  CHECK(decl.declarators[0].name_span == SourceSpan{2, 14, 2, 15});
  const auto& call = decl.declarators[0].init->cast<MethodCall>();
  CHECK(call.name_span == SourceSpan{3, 16, 3, 24});
  CHECK(call.span == SourceSpan{3, 5, 3, 28});
  CHECK(call.args[0]->span == SourceSpan{3, 25, 3, 27});
}

TEST_CASE("statements: syntax errors are precise") {
  auto missing = lang_test::first_error("int a = 1;\nByteBuffer b = ByteBuffer.allocate(16)\nb.flip();");
  CHECK(missing.message == "expected ';' after the statement");
  CHECK(missing.span.line == 2);
  CHECK(missing.span.col == 39);
  CHECK(missing.kind == DiagnosticKind::Syntax);
  CHECK(body("a + b;") ==
        "ERROR: this expression is not a statement in Java; only assignments, ++/--, method calls and 'new' "
        "can stand alone");
  CHECK(body("if (a) {") == "ERROR: this '{' is never closed: expected '}' before the end of the file");
  CHECK(body("}") == "ERROR: this '}' has no matching '{'");
  CHECK(body("else x();") == "ERROR: this 'else' has no 'if' before it");
  CHECK(body("catch (Exception e) {}") == "ERROR: this 'catch' has no 'try' before it");
  CHECK(body("var x;") == "ERROR: a 'var' variable needs an initial value");
  CHECK(body("var a = 1, b = 2;") == "ERROR: 'var' is not allowed in a declaration of several variables");
  CHECK(body("int x = {1};").find("needs an array type") != std::string::npos);
  CHECK(body("import java.util.*;\nint x = 1;").find("already imports") != std::string::npos);
  CHECK(body("void f() {}").find("a method cannot be declared among statements") == 7);
  CHECK(body("static int f() { return 1; }").find("a method cannot be declared among statements") == 7);
  CHECK(body("int f(int x) { return x; }").find("a method cannot be declared among statements") == 7);
  CHECK(body("static int x = 1;") ==
        "ERROR: modifiers like 'static' or 'public' are not allowed on statements or local variables");
  CHECK(body("public void f() {}").find("a method cannot be declared among statements") == 7);
  CHECK(body("final int x = 1; final var y = 2;") ==
        "(block (local final int (x 1)) (local final var (y 2)))");
  CHECK(body("int[] a = int[3];") == "ERROR: to create an array, write new int[...]");
  CHECK(body("break;") == "ERROR: break outside switch or loop");
  CHECK(body("while (true) { run(() -> { continue; }); }") ==
        "ERROR: 'continue' can only be used inside a loop");
  CHECK(body("while (true) { if (a) { break; } }") == "(block (while true (block (if a (block (break))))))");
  CHECK(body("for (int i = 0; i < 3; i + 1) {}").find("for loop update") != std::string::npos);
}

TEST_CASE("statements: an empty lesson is an empty main") {
  auto r = parse_program("// nothing yet\n");
  REQUIRE(r.ok());
  CHECK(r.program.bare_body);
  CHECK(r.program.main_method->body->statements.empty());
}
