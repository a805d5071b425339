// ByteBuffer index state machine: allocation, position/limit/mark/reset/flip/clear/rewind, toString.
#include <doctest/doctest.h>

#include "nio_test_support.hpp"

using namespace nio_test;
using heapviz::nio::ByteOrder;

TEST_CASE("allocate and allocateDirect start at pos 0 and lim = cap without a mark and big-endian") {
  for (Buf buf : {heap(16), direct(16)}) {
    const BufferState& s = buf.state;
    CHECK(s.position == 0);
    CHECK(s.limit == 16);
    CHECK(s.capacity == 16);
    CHECK(s.mark == -1);
    CHECK(s.big_endian);
    CHECK_FALSE(s.native_byte_order);  // x86_64 is little-endian
    CHECK(buf.b().order() == ByteOrder::BigEndian);
  }
  CHECK(heap(16).state.to_string() == "java.nio.HeapByteBuffer[pos=0 lim=16 cap=16]");
  CHECK(direct(16).state.to_string() == "java.nio.DirectByteBuffer[pos=0 lim=16 cap=16]");
}

TEST_CASE("a negative capacity throws before anything is allocated") {
  CHECK(thrown([] { heapviz::nio::allocate(-1); }) ==
        "java.lang.IllegalArgumentException: capacity < 0: (-1 < 0)");
  CHECK(thrown([] { heapviz::nio::allocate_direct(-7); }) ==
        "java.lang.IllegalArgumentException: capacity < 0: (-7 < 0)");
}

TEST_CASE("position(int) checks the limit then the sign and leaves the state unchanged on failure") {
  Buf buf = heap(16);
  ByteBuffer b = buf.b();
  CHECK(thrown([&] { b.position(20); }) ==
        "java.lang.IllegalArgumentException: newPosition > limit: (20 > 16)");
  CHECK(thrown([&] { b.position(-1); }) == "java.lang.IllegalArgumentException: newPosition < 0: (-1 < 0)");
  CHECK(buf.state == heap(16).state);
  b.limit(8);
  CHECK(thrown([&] { b.position(9); }) == "java.lang.IllegalArgumentException: newPosition > limit: (9 > 8)");
  b.position(8);
  CHECK(b.remaining() == 0);
  CHECK_FALSE(b.has_remaining());
}

TEST_CASE("limit(int) checks the capacity and clamps the position and discards a mark above it") {
  Buf buf = direct(16);
  ByteBuffer b = buf.b();
  CHECK(thrown([&] { b.limit(20); }) == "java.lang.IllegalArgumentException: newLimit > capacity: (20 > 16)");
  CHECK(thrown([&] { b.limit(-1); }) == "java.lang.IllegalArgumentException: newLimit < 0: (-1 < 0)");
  b.position(10).mark();
  CHECK(buf.state.mark == 10);
  b.limit(8);
  CHECK(buf.state.position == 8);
  CHECK(buf.state.mark == -1);
  CHECK(thrown([&] { b.reset(); }) == "java.nio.InvalidMarkException: null");
}

TEST_CASE("mark survives a limit equal to it and a position at it but not one below") {
  Buf buf = heap(16);
  ByteBuffer b = buf.b();
  b.position(4).mark().position(4).limit(4);
  CHECK(buf.state.mark == 4);
  b.reset();
  b.position(2);
  CHECK(buf.state.mark == -1);
}

TEST_CASE("reset returns to the mark and flip and clear and rewind discard it") {
  Buf buf = heap(16);
  ByteBuffer b = buf.b();
  CHECK(thrown([&] { b.reset(); }) == "java.nio.InvalidMarkException: null");
  b.position(5).mark().position(9).reset();
  CHECK(b.position() == 5);

  b.position(4).mark().flip();
  CHECK(buf.state.limit == 4);
  CHECK(buf.state.position == 0);
  CHECK(buf.state.mark == -1);

  b.position(2).mark().clear();
  CHECK(buf.state.limit == 16);
  CHECK(buf.state.mark == -1);

  b.position(3).mark().rewind();
  CHECK(buf.state.position == 0);
  CHECK(buf.state.limit == 16);
  CHECK(buf.state.mark == -1);
}

TEST_CASE("order(ByteOrder) sets bigEndian and nativeByteOrder") {
  Buf buf = direct(8);
  buf.b().order(ByteOrder::LittleEndian);
  CHECK_FALSE(buf.state.big_endian);
  CHECK(buf.state.native_byte_order);
  CHECK(heapviz::nio::to_string(buf.b().order()) == "LITTLE_ENDIAN");
  buf.b().order(ByteOrder::BigEndian);
  CHECK(buf.state.big_endian);
  CHECK_FALSE(buf.state.native_byte_order);
}

TEST_CASE("wrap sets position and limit from the range and rethrows bad ranges as a bare IOOBE") {
  const BufferState s = heapviz::nio::wrap(10, 2, 5);
  CHECK(s.position == 2);
  CHECK(s.limit == 7);
  CHECK(s.capacity == 10);
  CHECK(s.offset == 0);
  CHECK(heapviz::nio::wrap(4).to_string() == "java.nio.HeapByteBuffer[pos=0 lim=4 cap=4]");
  CHECK(heapviz::nio::wrap(4, 4, 0).to_string() == "java.nio.HeapByteBuffer[pos=4 lim=4 cap=4]");
  for (auto [off, len] : {std::pair{-1, 2}, {5, -10}, {5, 6}, {11, 0}, {1, 2147483647}})
    CHECK(thrown([&] { heapviz::nio::wrap(10, off, len); }) == "java.lang.IndexOutOfBoundsException: null");
}

TEST_CASE("class names and array access by kind and read-only-ness") {
  Buf h = heap(8);
  Buf d = direct(8);
  Buf hr = h.view(h.b().as_read_only());
  Buf dr = d.view(d.b().as_read_only());
  CHECK(hr.state.class_name() == "java.nio.HeapByteBufferR");
  CHECK(dr.state.class_name() == "java.nio.DirectByteBufferR");
  CHECK(h.b().has_array());
  CHECK(&h.b().array() == h.root.get());
  CHECK(h.b().array_offset() == 0);
  CHECK_FALSE(hr.b().has_array());
  CHECK_FALSE(d.b().has_array());
  CHECK(thrown([&] { hr.b().array(); }) == "java.nio.ReadOnlyBufferException: null");
  CHECK(thrown([&] { hr.b().array_offset(); }) == "java.nio.ReadOnlyBufferException: null");
  CHECK(thrown([&] { d.b().array(); }) == "java.lang.UnsupportedOperationException: null");
  // hb == null is checked before isReadOnly.
  CHECK(thrown([&] { dr.b().array_offset(); }) == "java.lang.UnsupportedOperationException: null");
}
