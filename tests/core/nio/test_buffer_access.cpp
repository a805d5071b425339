// ByteBuffer byte access: single, bulk (byte[] and ByteBuffer sources), compact, typed access.
#include <doctest/doctest.h>

#include "nio_test_support.hpp"

using namespace nio_test;
using heapviz::nio::ByteOrder;

TEST_CASE("relative get and put move the position and underflow or overflow with null messages") {
  for (Buf buf : {heap(4), direct(4)}) {
    ByteBuffer b = buf.b();
    b.put(std::int8_t{1}).put(std::int8_t{-2});
    CHECK(buf.bytes() == std::vector<int>{1, 0xfe, 0, 0});
    b.flip();
    CHECK(b.get() == 1);
    CHECK(b.get() == -2);
    CHECK(thrown([&] { b.get(); }) == "java.nio.BufferUnderflowException: null");
    CHECK(b.position() == 2);
    b.clear().position(4);
    CHECK(thrown([&] { b.put(std::int8_t{9}); }) == "java.nio.BufferOverflowException: null");
    CHECK(b.position() == 4);
  }
}

TEST_CASE("single puts write until the overflow but a bulk put that overflows writes nothing") {
  Buf single = heap(16);
  single.b().limit(8);
  CHECK(thrown([&] {
          for (int v = 0x11; v <= 0x19; ++v) single.b().put(static_cast<std::int8_t>(v));
        }) == "java.nio.BufferOverflowException: null");
  CHECK(single.state.position == 8);
  CHECK(single.bytes()[7] == 0x18);

  Buf bulk = heap(16);
  bulk.b().limit(8);
  VectorByteStore nine = array({0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19});
  CHECK(thrown([&] { bulk.b().put(nine); }) == "java.nio.BufferOverflowException: null");
  CHECK(bulk.state.position == 0);
  CHECK(bulk.bytes() == std::vector<int>(16, 0));
}

TEST_CASE("absolute get and put check the index against the limit and keep the position") {
  Buf buf = direct(8);
  ByteBuffer b = buf.b();
  b.put(7, std::int8_t{5});
  CHECK(b.get(7) == 5);
  CHECK(b.position() == 0);
  b.limit(4);
  CHECK(thrown([&] { b.get(4); }) == "java.lang.IndexOutOfBoundsException: null");
  CHECK(thrown([&] { b.put(-1, std::int8_t{1}); }) == "java.lang.IndexOutOfBoundsException: null");
}

TEST_CASE("bulk get into an array checks the array range first and then underflow atomically") {
  Buf buf = heap(8);
  ByteBuffer b = buf.b();
  VectorByteStore src = array({1, 2, 3, 4, 5, 6, 7, 8});
  b.put(src).flip();
  VectorByteStore dst(4);
  CHECK(thrown([&] { b.get(dst, 3, 2); }) ==
        "java.lang.IndexOutOfBoundsException: Range [3, 3 + 2) out of bounds for length 4");
  CHECK(thrown([&] { b.get(dst, -1, 2); }) ==
        "java.lang.IndexOutOfBoundsException: Range [-1, -1 + 2) out of bounds for length 4");
  b.position(6);
  CHECK(thrown([&] { b.get(dst, 0, 3); }) == "java.nio.BufferUnderflowException: null");
  CHECK(b.position() == 6);
  CHECK(dst.bytes() == std::vector<std::byte>(4));
  b.get(dst, 1, 2);
  CHECK(std::to_integer<int>(dst.bytes()[1]) == 7);
  CHECK(b.position() == 8);
}

TEST_CASE("absolute bulk get/put check the buffer range before the array range") {
  Buf buf = heap(8);
  ByteBuffer b = buf.b();
  VectorByteStore a(4);
  CHECK(thrown([&] { b.get(20, a, 5, 1); }) ==
        "java.lang.IndexOutOfBoundsException: Range [20, 20 + 1) out of bounds for length 8");
  CHECK(thrown([&] { b.get(2, a, 5, 1); }) ==
        "java.lang.IndexOutOfBoundsException: Range [5, 5 + 1) out of bounds for length 4");
  VectorByteStore three = array({9, 9, 9});
  CHECK(thrown([&] { b.put(6, three, 1, 3); }) ==
        "java.lang.IndexOutOfBoundsException: Range [6, 6 + 3) out of bounds for length 8");
  CHECK(thrown([&] { b.put(2, three, 1, 3); }) ==
        "java.lang.IndexOutOfBoundsException: Range [1, 1 + 3) out of bounds for length 3");
  b.put(2, three, 0, 3);
  CHECK(buf.bytes() == std::vector<int>{0, 0, 9, 9, 9, 0, 0, 0});
  CHECK(b.position() == 0);
  // The whole-array forms: put(int, byte[]) and get(int, byte[]).
  b.put(5, three);
  CHECK(buf.bytes() == std::vector<int>{0, 0, 9, 9, 9, 9, 9, 9});
  CHECK(thrown([&] { b.put(6, three); }) ==
        "java.lang.IndexOutOfBoundsException: Range [6, 6 + 3) out of bounds for length 8");
  VectorByteStore got(2);
  b.get(1, got);
  CHECK(std::to_integer<int>(got.bytes()[1]) == 9);
  CHECK(b.position() == 0);
}

TEST_CASE("read-only buffers refuse every write before any bounds check") {
  for (Buf root : {heap(8), direct(8)}) {
    Buf ro = root.view(root.b().as_read_only());
    ByteBuffer b = ro.b();
    VectorByteStore two = array({1, 2});
    const std::string robe = "java.nio.ReadOnlyBufferException: null";
    CHECK(thrown([&] { b.put(std::int8_t{1}); }) == robe);
    CHECK(thrown([&] { b.put(20, std::int8_t{1}); }) == robe);
    CHECK(thrown([&] { b.put(two, 5, 2); }) == robe);
    CHECK(thrown([&] { b.put(20, two, 5, 5); }) == robe);
    CHECK(thrown([&] { b.put_int(20, 1); }) == robe);
    CHECK(thrown([&] { b.put_long(1); }) == robe);
    CHECK(thrown([&] { b.compact(); }) == robe);
    CHECK(ro.state == root.b().as_read_only());
    CHECK(root.bytes() == std::vector<int>(8, 0));
  }
}

TEST_CASE("put(ByteBuffer) checks identity then read-only-ness then room as the JDK does") {
  Buf h = heap(8);
  Buf d = direct(8);
  CHECK(thrown([&] {
          ByteBuffer b = h.b();
          b.put(b);
        }) == "java.lang.IllegalArgumentException: The source buffer is this buffer");
  // HeapByteBufferR overrides put(ByteBuffer) and throws at once; DirectByteBufferR does not.
  Buf hr = h.view(h.b().as_read_only());
  Buf dr = d.view(d.b().as_read_only());
  CHECK(thrown([&] {
          ByteBuffer b = hr.b();
          b.put(b);
        }) == "java.nio.ReadOnlyBufferException: null");
  CHECK(thrown([&] {
          ByteBuffer b = dr.b();
          b.put(b);
        }) == "java.lang.IllegalArgumentException: The source buffer is this buffer");
  CHECK(thrown([&] {
          ByteBuffer s = h.b();
          dr.b().put(s);
        }) == "java.nio.ReadOnlyBufferException: null");

  Buf small = heap(2);
  CHECK(thrown([&] {
          ByteBuffer s = d.b();
          small.b().put(s);
        }) == "java.nio.BufferOverflowException: null");
  CHECK(d.state.position == 0);
}

TEST_CASE("put(ByteBuffer) copies the remaining bytes and advances both positions") {
  Buf src = direct(8);
  VectorByteStore three = array({1, 2, 3});
  src.b().put(three).flip();
  Buf dst = heap(8);
  ByteBuffer s = src.b();
  dst.b().position(1);
  dst.b().put(s);
  CHECK(dst.bytes() == std::vector<int>{0, 1, 2, 3, 0, 0, 0, 0});
  CHECK(dst.state.position == 4);
  CHECK(src.state.position == 3);
}

TEST_CASE("absolute put(ByteBuffer) copies like memmove and leaves positions alone") {
  Buf buf = heap(8);
  VectorByteStore eight = array({1, 2, 3, 4, 5, 6, 7, 8});
  buf.b().put(eight);
  ByteBuffer self = buf.b();
  buf.b().put(2, self, 0, 4);
  CHECK(buf.bytes() == std::vector<int>{1, 2, 1, 2, 3, 4, 7, 8});
  CHECK(thrown([&] { buf.b().put(0, self, -1, 4); }) ==
        "java.lang.IndexOutOfBoundsException: Range [-1, -1 + 4) out of bounds for length 8");
  CHECK(buf.state.position == 8);
  // Direct read-only: the bounds come first, then ReadOnlyBufferException.
  Buf d = direct(8);
  Buf dr = d.view(d.b().as_read_only());
  ByteBuffer ds = d.b();
  CHECK(thrown([&] { dr.b().put(20, ds, 0, 50); }) ==
        "java.lang.IndexOutOfBoundsException: Range [20, 20 + 50) out of bounds for length 8");
  CHECK(thrown([&] { dr.b().put(0, ds, 0, 4); }) == "java.nio.ReadOnlyBufferException: null");
}

TEST_CASE("compact moves the remaining bytes to the start and discards the mark") {
  for (Buf buf : {heap(16), direct(16)}) {
    ByteBuffer b = buf.b();
    VectorByteStore five = array({1, 2, 3, 4, 5});
    b.put(five).flip();
    b.get();
    b.get();
    b.mark();
    b.compact();
    CHECK(buf.bytes()[0] == 3);
    CHECK(buf.bytes()[4] == 5);  // bytes past the copy keep their old values
    CHECK(buf.bytes()[3] == 4);
    CHECK(buf.state.position == 3);
    CHECK(buf.state.limit == 16);
    CHECK(buf.state.mark == -1);
  }
}

TEST_CASE("typed access follows the byte order and checks the whole width") {
  Buf buf = direct(16);
  ByteBuffer b = buf.b();
  b.put_int(0x01020304).put_short(0x0506).put_char(u'\x0708').put_long(0x090a0b0c0d0e0f10);
  CHECK(buf.bytes() == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  CHECK(b.get_int(0) == 0x01020304);
  b.order(ByteOrder::LittleEndian);
  CHECK(b.get_int(0) == 0x04030201);
  CHECK(b.get_short(4) == 0x0605);
  CHECK(b.get_char(6) == u'\x0807');
  CHECK(b.get_long(8) == 0x100f0e0d0c0b0a09);
  b.put_int(0, 0x0a0b0c0d);
  CHECK(buf.bytes()[0] == 0x0d);
  CHECK(thrown([&] { b.get_int(13); }) == "java.lang.IndexOutOfBoundsException: null");
  CHECK(thrown([&] { b.put_long(9, 1); }) == "java.lang.IndexOutOfBoundsException: null");
  CHECK(thrown([&] { b.get_short(-1); }) == "java.lang.IndexOutOfBoundsException: null");
  b.position(14);
  CHECK(thrown([&] { b.get_int(); }) == "java.nio.BufferUnderflowException: null");
  CHECK(thrown([&] { b.put_int(1); }) == "java.nio.BufferOverflowException: null");
  CHECK(b.position() == 14);
  CHECK(buf.bytes()[14] == 15);  // a typed put that overflows writes nothing
}

TEST_CASE("float and double are stored as their IEEE bits") {
  Buf buf = heap(8);
  ByteBuffer b = buf.b();
  b.put_float(1.0f);
  CHECK(buf.bytes() == std::vector<int>{0x3f, 0x80, 0, 0, 0, 0, 0, 0});
  b.put_double(0, 3.141592653589793);
  CHECK(b.get_double(0) == 3.141592653589793);
  CHECK(buf.bytes()[0] == 0x40);
  CHECK(b.get_float(0) == std::bit_cast<float>(0x400921fbU));
}

TEST_CASE("hashCode equals compareTo and mismatch look at the remaining bytes") {
  Buf a = heap(4);
  Buf c = direct(4);
  VectorByteStore ab = array({1, 2});
  VectorByteStore abc = array({1, 2, 3});
  a.b().put(ab).flip();
  c.b().put(abc).flip();
  ByteBuffer ca = c.b();
  ByteBuffer aa = a.b();
  CHECK(a.b().compare_to(ca) == -1);
  CHECK(a.b().mismatch(ca) == 2);
  CHECK_FALSE(a.b().equals(ca));
  c.b().limit(2);
  CHECK(a.b().equals(ca));
  CHECK(c.b().mismatch(aa) == -1);
  CHECK(a.b().hash_code() == 1024);  // (31 + 2) * 31 + 1

  Buf neg = heap(1);
  Buf pos = heap(1);
  neg.b().put(std::int8_t{-1}).flip();
  pos.b().put(std::int8_t{1}).flip();
  ByteBuffer p = pos.b();
  CHECK(neg.b().compare_to(p) == -2);  // Byte.compare is a signed difference
}
