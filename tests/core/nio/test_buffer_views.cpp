// ByteBuffer views: slice, slice(i, n), duplicate, asReadOnlyBuffer share the root's bytes.
#include <doctest/doctest.h>

#include "nio_test_support.hpp"

using namespace nio_test;
using heapviz::nio::ByteOrder;

TEST_CASE("slice covers the remaining bytes of the parent without a mark at offset + position") {
  Buf root = heap(16);
  root.b().position(4).limit(12).mark();
  Buf s = root.view(root.b().slice());
  CHECK(s.state.to_string() == "java.nio.HeapByteBuffer[pos=0 lim=8 cap=8]");
  CHECK(s.state.offset == 4);
  CHECK(s.state.mark == -1);
  CHECK(s.b().array_offset() == 4);
  VectorByteStore three = array({1, 2, 3});
  s.b().put(three);
  CHECK(root.bytes()[4] == 1);
  CHECK(root.bytes()[6] == 3);
  // A slice of a slice adds the offsets; slice(i, n) ignores the position.
  s.b().position(1);
  Buf ss = s.view(s.b().slice(1, 2));
  CHECK(ss.state.offset == 5);
  CHECK(ss.b().get(0) == 2);
  s.b().position(3);
  Buf rel = s.view(s.b().slice());
  CHECK(rel.state.offset == 7);
}

TEST_CASE("slice(index length) checks against the limit") {
  Buf root = direct(16);
  CHECK(thrown([&] { root.b().slice(10, 10); }) ==
        "java.lang.IndexOutOfBoundsException: Range [10, 10 + 10) out of bounds for length 16");
  root.b().limit(8);
  CHECK(thrown([&] { root.b().slice(8, 1); }) ==
        "java.lang.IndexOutOfBoundsException: Range [8, 8 + 1) out of bounds for length 8");
  const BufferState empty = root.b().slice(8, 0);
  CHECK(empty.capacity == 0);
  CHECK(empty.offset == 8);
}

TEST_CASE("duplicate and asReadOnlyBuffer keep mark and position and limit and offset") {
  for (Buf root : {heap(16), direct(16)}) {
    root.b().position(3).mark().position(5);
    const BufferState dup = root.b().duplicate();
    const BufferState ro = root.b().as_read_only();
    CHECK(dup.mark == 3);
    CHECK(dup.position == 5);
    CHECK_FALSE(dup.read_only);
    CHECK(ro.mark == 3);
    CHECK(ro.read_only);
    Buf r = root.view(ro);
    r.b().reset();
    CHECK(r.state.position == 3);
    CHECK(root.state.position == 5);  // the views' indexes are their own
    root.b().put(15, std::int8_t{7});
    CHECK(r.b().get(15) == 7);  // the bytes are shared
  }
}

TEST_CASE("views of read-only buffers stay read-only") {
  Buf root = heap(8);
  Buf ro = root.view(root.b().as_read_only());
  CHECK(ro.b().duplicate().read_only);
  CHECK(ro.b().slice().read_only);
  CHECK(ro.b().slice(1, 2).read_only);
  CHECK(ro.b().as_read_only().class_name() == "java.nio.HeapByteBufferR");
}

TEST_CASE("every view starts big-endian whatever the parent's order") {
  Buf root = direct(8);
  root.b().order(ByteOrder::LittleEndian);
  CHECK(root.b().slice().big_endian);
  CHECK(root.b().duplicate().big_endian);
  CHECK(root.b().as_read_only().big_endian);
  CHECK(root.b().slice(0, 4).order() == ByteOrder::BigEndian);
}

TEST_CASE("a wrapped array's slice reports its array offset") {
  const BufferState w = heapviz::nio::wrap(10, 2, 5);
  VectorByteStore arr(10);
  BufferState state = w;
  ByteBuffer b(state, arr);
  const BufferState s = b.slice();
  CHECK(s.capacity == 5);
  CHECK(s.offset == 2);
}

TEST_CASE("Buffer.address is the root base plus the view's offset") {
  Buf root = direct(64);
  root.b().position(10);
  const BufferState s = root.b().slice();
  CHECK(s.address_field(0x7f3a00000010) == 0x7f3a0000001a);  // direct: an absolute native address
  Buf h = heap(64);
  h.b().position(10);
  CHECK(h.b().slice().address_field(16) == 26);  // heap: relative to the byte[] (base offset 16)
}
