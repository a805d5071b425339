// IntBuffer/LongBuffer views through the interpreter: the checker types them as javac does, and what
// the subset does not have yet is said to be so.
#include <doctest/doctest.h>

#include "interp_test_util.hpp"

using interp_test::first_error;
using interp_test::out;

TEST_CASE(
    "interp views: asIntBuffer/asLongBuffer are typed IntBuffer/LongBuffer, puts write the ByteBuffer") {
  CHECK(out("ByteBuffer b = ByteBuffer.allocate(8);\n"
            "IntBuffer i = b.asIntBuffer();\n"
            "i.put(1).put(-1);\n"
            "LongBuffer l = b.asLongBuffer();\n"
            "System.out.println(b.get(3) + \" \" + b.get(7) + \" \" + l.get(0) + \" \" + i);\n") ==
        "1 -1 8589934591 java.nio.ByteBufferAsIntBufferB[pos=2 lim=2 cap=2]\n");
  CHECK(out("var v = ByteBuffer.allocateDirect(16).asLongBuffer();\n"
            "long x = v.put(3L).flip().get();\n"
            "System.out.println(x + \" \" + v.capacity() + \" \" + v.isDirect());\n") == "3 2 true\n");
}

TEST_CASE("interp views: wrong argument types are rejected as javac rejects them") {
  // IntBuffer.put(long) does not exist: javac says no suitable method.
  CHECK(first_error("IntBuffer i = ByteBuffer.allocate(8).asIntBuffer(); i.put(1L);")
            .find("no suitable method") != std::string::npos);
  // ByteBuffer is not an IntBuffer.
  CHECK(!first_error("IntBuffer i = ByteBuffer.allocate(8);").empty());
  // A valid bulk call heapviz does not simulate yet.
  CHECK(first_error("IntBuffer i = ByteBuffer.allocate(8).asIntBuffer(); i.get(new int[2]);")
            .find("does not simulate yet") != std::string::npos);
}
