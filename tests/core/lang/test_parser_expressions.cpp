#include <doctest/doctest.h>

#include "lang_test_util.hpp"

using lang_test::expr;

TEST_CASE("expressions: literals and names") {
  CHECK(expr("42") == "42");
  CHECK(expr("10L") == "10L");
  CHECK(expr("-2147483648") == "-2147483648");
  CHECK(expr("-9223372036854775808L") == "-9223372036854775808L");
  CHECK(expr("0xFFFFFFFF") == "-1");
  CHECK(expr("2147483648").find("int number too large") != std::string::npos);
  CHECK(expr("'A'") == "'65'");
  CHECK(expr("\"hi\"") == "\"hi\"");
  CHECK(expr("true") == "true");
  CHECK(expr("null") == "null");
  CHECK(expr("1.5") == "1.5");
  CHECK(expr("x") == "x");
}

TEST_CASE("expressions: Java precedence and associativity") {
  CHECK(expr("a + b * c") == "(+ a (* b c))");
  CHECK(expr("a - b - c") == "(- (- a b) c)");
  CHECK(expr("(a + b) * c") == "(* (+ a b) c)");
  CHECK(expr("a || b && c") == "(|| a (&& b c))");
  CHECK(expr("a | b ^ c & d") == "(| a (^ b (& c d)))");
  CHECK(expr("a == b < c") == "(== a (< b c))");
  CHECK(expr("a < b == c > d") == "(== (< a b) (> c d))");
  CHECK(expr("a << 2 + 1") == "(<< a (+ 2 1))");
  CHECK(expr("a >> 2") == "(>> a 2)");
  CHECK(expr("a >>> 2") == "(>>> a 2)");
  CHECK(expr("a >= b") == "(>= a b)");
  CHECK(expr("a > b") == "(> a b)");
  CHECK(expr("a % b / c") == "(/ (% a b) c)");
  CHECK(expr("-a * b") == "(* (- a) b)");
  CHECK(expr("!a && b") == "(&& (! a) b)");
  CHECK(expr("~a") == "(~ a)");
  CHECK(expr("a = b = c") == "(= a (= b c))");
  CHECK(expr("a += b * 2") == "(+= a (* b 2))");
  CHECK(expr("a >>= 1") == "(>>= a 1)");
  CHECK(expr("a >>>= 1") == "(>>>= a 1)");
  CHECK(expr("a <<= 1") == "(<<= a 1)");
  CHECK(expr("a ? b : c ? d : e") == "(? a b (? c d e))");
  CHECK(expr("x = a > b ? a : b") == "(= x (? (> a b) a b))");
  CHECK(expr("\"n=\" + 1 + 2") == "(+ (+ \"n=\" 1) 2)");
  CHECK(expr("o instanceof ByteBuffer && b") == "(&& (instanceof o ByteBuffer) b)");
}

TEST_CASE("expressions: increments, casts and unary") {
  CHECK(expr("i++") == "(post++ i)");
  CHECK(expr("--i") == "(-- i)");
  CHECK(expr("a[i]++") == "(post++ ([] a i))");
  CHECK(expr("(byte) 7") == "(cast byte 7)");
  CHECK(expr("(int) -x") == "(cast int (- x))");
  CHECK(expr("(byte) (a + 1)") == "(cast byte (+ a 1))");
  CHECK(expr("(ByteBuffer) obj") == "(cast ByteBuffer obj)");
  CHECK(expr("(long) a * b") == "(* (cast long a) b)");
  CHECK(expr("(a) + b") == "(+ a b)");
  CHECK(expr("(byte[]) o") == "(cast byte[] o)");
  CHECK(expr("1++").find("needs a variable") != std::string::npos);
  CHECK(expr("(a + b) = 3").find("left side") != std::string::npos);
}

TEST_CASE("expressions: calls, fields, chains and static calls") {
  CHECK(expr("ByteBuffer.allocate(16)") == "(call ByteBuffer allocate 16)");
  CHECK(expr("ByteBuffer.allocate(16).put((byte) 1).flip()") ==
        "(call (call (call ByteBuffer allocate 16) put (cast byte 1)) flip)");
  CHECK(expr("System.out.println(\"x\" + b)") == "(call (. System out) println (+ \"x\" b))");
  CHECK(expr("StandardOpenOption.WRITE") == "(. StandardOpenOption WRITE)");
  CHECK(expr("ByteOrder.LITTLE_ENDIAN") == "(. ByteOrder LITTLE_ENDIAN)");
  CHECK(expr("a.length") == "(. a length)");
  CHECK(expr("\"text\".getBytes()") == "(call \"text\" getBytes)");
  CHECK(expr("e.getClass().getName()") == "(call (call e getClass) getName)");
  CHECK(expr("FileChannel.open(Path.of(\"f\"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)") ==
        "(call FileChannel open (call Path of \"f\") (. StandardOpenOption CREATE) (. StandardOpenOption "
        "WRITE))");
  CHECK(expr("ch.read(buf, 0L)") == "(call ch read buf 0L)");
  CHECK(expr("helper(1, 2)") == "(call null helper 1 2)");
  CHECK(expr("grid[i][j]") == "([] ([] grid i) j)");
  CHECK(expr("this.next") == "(. this next)");
}

TEST_CASE("expressions: new objects and arrays") {
  CHECK(expr("new Object()") == "(new Object)");
  CHECK(expr("new byte[n]") == "(new-array byte[] n)");
  CHECK(expr("new Object[4]") == "(new-array Object[] 4)");
  CHECK(expr("new byte[]{1, 2, 3}") == "(new-array byte[] ({} 1 2 3))");
  CHECK(expr("new int[][]{{1}, {2, 3},}") == "(new-array int[][] ({} ({} 1) ({} 2 3)))");
  CHECK(expr("new int[2][3]") == "(new-array int[][] 2 3)");
  CHECK(expr("new int[2][]") == "(new-array int[][] 2)");
  CHECK(expr("new ArrayList<>()") == "(new ArrayList<>)");
  CHECK(expr("new HashMap<String, List<ByteBuffer>>()") == "(new HashMap<String, List<ByteBuffer>>)");
  CHECK(expr("new Node(null, 3)") == "(new Node null 3)");
  CHECK(expr("(new int[3])[0]") == "([] (new-array int[] 3) 0)");
  CHECK(expr("new int[3][0]") == "(new-array int[][] 3 0)");
  CHECK(expr("new byte[]").find("needs a size") != std::string::npos);
  CHECK(expr("new byte[2]{1, 2}").find("both a size and an initializer") != std::string::npos);
  CHECK(expr("new int()").find("primitive") != std::string::npos);
}

TEST_CASE("expressions: lambdas") {
  CHECK(expr("new Thread(() -> System.out.println(1))") ==
        "(new Thread (lambda () (call (. System out) println 1)))");
  CHECK(expr("new Thread(() -> { x++; })") == "(new Thread (lambda () (block (expr (post++ x)))))");
  CHECK(expr("f((a, b) -> a + b)") == "(call null f (lambda (a b) (+ a b)))");
  CHECK(expr("f(x -> x)") == "(call null f (lambda (x) x))");
  CHECK(expr("f((int x) -> x)") == "(call null f (lambda (x) x))");
}

TEST_CASE("expressions: syntax errors say what was expected") {
  CHECK(expr("a +") == "ERROR: expected an expression, but the file ends here");
  CHECK(expr("f(1, 2") == "ERROR: expected ')' to close the argument list");
  CHECK(expr("a b") == "ERROR: expected the end of the expression, but found the name 'b'");
  CHECK(expr("int").find("cast like (int) x") != std::string::npos);
  CHECK(expr(")") == "ERROR: expected an expression, but found ')'");
}
