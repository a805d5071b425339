// IntBuffer/LongBuffer views (ByteBuffer.asIntBuffer / asLongBuffer) on the machine: JDK 17 classes,
// 56-byte objects with the measured field offsets, bytes written through the view land in the
// ByteBuffer's store, and a direct view's att keeps the DirectByteBuffer (and its native memory) alive.
#include <doctest/doctest.h>

#include "heapviz/nio/typed_views.hpp"
#include "nio_machine_fixture.hpp"

using namespace nio_machine_test;

namespace {
std::string class_of(const Machine& m, heap::ObjectId id) {
  return m.klasses->at(m.heap.record(id).klass).name;
}
std::uint32_t offset_of(const Machine& m, heap::ObjectId id, const char* field) {
  const heap::FieldInfo* f = m.klasses->at(m.heap.record(id).klass).field(field);
  REQUIRE(f != nullptr);
  return f->offset;
}
}  // namespace

TEST_CASE("asIntBuffer on a heap buffer: ByteBufferAsIntBufferB, 56 bytes, fields where JDK 17 has them") {
  NioFixture f;
  const heap::ObjectId b = f.keep("buf", nio::allocate(f.rec, 16));
  f.call(b, "position(int)", {std::int32_t{4}});
  const heap::ObjectId v = f.keep("ints", std::get<JRef>(f.call(b, "asIntBuffer()")).id);
  CHECK(class_of(f.machine, v) == "java.nio.ByteBufferAsIntBufferB");
  CHECK(f.machine.heap.record(v).size == 56);
  // Unsafe.objectFieldOffset on JDK 17.0.15: mark@12 address@16 position@24 limit@28 capacity@32
  // segment@36 offset@40 isReadOnly@44 hb@48 bb@52.
  CHECK(offset_of(f.machine, v, "mark") == 12);
  CHECK(offset_of(f.machine, v, "address") == 16);
  CHECK(offset_of(f.machine, v, "position") == 24);
  CHECK(offset_of(f.machine, v, "capacity") == 32);
  CHECK(offset_of(f.machine, v, "segment") == 36);
  CHECK(offset_of(f.machine, v, "offset") == 40);
  CHECK(offset_of(f.machine, v, "isReadOnly") == 44);
  CHECK(offset_of(f.machine, v, "hb") == 48);
  CHECK(offset_of(f.machine, v, "bb") == 52);
  CHECK(heap::load_ref(f.machine, v, "bb") == b);
  CHECK(heap::load_prim(f.machine, v, "address") == 16 + 4);  // address + position, array-relative
  CHECK(std::get<std::int32_t>(f.call(v, "capacity()")) == 3);
  CHECK(std::get<std::string>(f.call(v, "toString()")) ==
        "java.nio.ByteBufferAsIntBufferB[pos=0 lim=3 cap=3]");
  // A put writes 4 big-endian bytes into the byte[], at the view's element 0 = byte 4.
  f.call(v, "put(int)", {std::int32_t{0x01020304}});
  CHECK(std::get<std::int8_t>(f.call(b, "get(int)", {std::int32_t{4}})) == 1);
  CHECK(std::get<std::int8_t>(f.call(b, "get(int)", {std::int32_t{7}})) == 4);
  CHECK(std::get<std::int32_t>(f.call(v, "position()")) == 1);
  CHECK(std::get<std::int32_t>(f.call(v, "get(int)", {std::int32_t{0}})) == 0x01020304);
  CHECK(std::get<JEnum>(f.call(v, "order()")).name == "ByteOrder.BIG_ENDIAN");
  CHECK_FALSE(std::get<bool>(f.call(v, "hasArray()")));
  CHECK(thrown([&] { f.call(v, "get(int)", {std::int32_t{3}}); }) ==
        "java.lang.IndexOutOfBoundsException: null");
  CHECK(thrown([&] { f.call(v, "array()"); }) == "java.lang.UnsupportedOperationException: null");
  CHECK(thrown([&] { f.call(v, "position(int)", {std::int32_t{4}}); }) ==
        "java.lang.IllegalArgumentException: newPosition > limit: (4 > 3)");
  f.call(v, "put(int)", {std::int32_t{2}});
  f.call(v, "put(int)", {std::int32_t{3}});
  CHECK(thrown([&] { f.call(v, "put(int)", {std::int32_t{4}}); }) ==
        "java.nio.BufferOverflowException: null");
  f.call(v, "flip()");
  CHECK(std::get<std::int32_t>(f.call(v, "limit()")) == 3);
  // The view's Buffer state is in its own fields, not the ByteBuffer's.
  CHECK(heap::load_prim(f.machine, b, "position") == 4);
}

TEST_CASE("little-endian and read-only heap views: ByteBufferAsLongBufferL, ByteBufferAsIntBufferRB") {
  NioFixture f;
  const heap::ObjectId b = f.keep("buf", nio::allocate(f.rec, 16));
  f.call(b, "order(ByteOrder)", {JEnum{"ByteOrder.LITTLE_ENDIAN"}});
  const heap::ObjectId l = f.keep("longs", std::get<JRef>(f.call(b, "asLongBuffer()")).id);
  CHECK(class_of(f.machine, l) == "java.nio.ByteBufferAsLongBufferL");
  f.call(l, "put(int,long)", {std::int32_t{1}, std::int64_t{0x0102030405060708}});
  CHECK(std::get<std::int8_t>(f.call(b, "get(int)", {std::int32_t{8}})) == 8);  // least significant first
  CHECK(std::get<JEnum>(f.call(l, "order()")).name == "ByteOrder.LITTLE_ENDIAN");
  const heap::ObjectId ro = f.keep("ro", std::get<JRef>(f.call(b, "asReadOnlyBuffer()")).id);
  const heap::ObjectId ri = f.keep("ri", std::get<JRef>(f.call(ro, "asIntBuffer()")).id);
  // asReadOnlyBuffer() does not copy the byte order (JDK 17: the read-only buffer is BIG_ENDIAN).
  CHECK(class_of(f.machine, ri) == "java.nio.ByteBufferAsIntBufferRB");
  CHECK(thrown([&] { f.call(ri, "put(int)", {std::int32_t{1}}); }) ==
        "java.nio.ReadOnlyBufferException: null");
  CHECK(std::get<std::int32_t>(f.call(ri, "get(int)", {std::int32_t{3}})) ==
        0x04030201);  // java prints 67305985
}

TEST_CASE("a direct view's att keeps the DirectByteBuffer alive through a GC, dropping the view frees it") {
  NioFixture f;
  const heap::ObjectId d = f.keep("direct", nio::allocate_direct(f.rec, 512));
  const heap::ObjectId v = f.keep("longs", std::get<JRef>(f.call(d, "asLongBuffer()")).id);
  CHECK(class_of(f.machine, v) == "java.nio.DirectLongBufferS");  // big-endian on little-endian x86
  CHECK(f.machine.heap.record(v).size == 56);
  CHECK(offset_of(f.machine, v, "att") == 52);
  CHECK(heap::load_ref(f.machine, v, "att") == d);
  CHECK(heap::load_prim(f.machine, v, "address") == f.address_field(d));
  f.drop("direct");
  nio::system_gc(f.rec);
  nio::run_reference_handler(f.rec);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 512, 512});
  f.call(v, "put(int,long)", {std::int32_t{63}, std::int64_t{-1}});
  CHECK(std::get<std::int64_t>(f.call(v, "get(int)", {std::int32_t{63}})) == -1);
  // A slice of the view: att is still the root DirectByteBuffer (db.attachment()).
  f.call(v, "position(int)", {std::int32_t{2}});
  const heap::ObjectId s = f.keep("slice", std::get<JRef>(f.call(v, "slice()")).id);
  CHECK(heap::load_ref(f.machine, s, "att") == heap::load_ref(f.machine, v, "att"));
  CHECK(heap::load_prim(f.machine, s, "address") == heap::load_prim(f.machine, v, "address") + 16);
  CHECK(std::get<std::int32_t>(f.call(s, "capacity()")) == 62);
  f.drop("longs");
  nio::system_gc(f.rec);
  nio::run_reference_handler(f.rec);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 512, 512});  // the slice still holds it
  f.drop("slice");
  nio::system_gc(f.rec);
  nio::run_reference_handler(f.rec);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{0, 0, 0});
}

TEST_CASE("a little-endian direct view is DirectIntBufferU and reads native-order bytes") {
  NioFixture f;
  const heap::ObjectId d = f.keep("direct", nio::allocate_direct(f.rec, 8));
  f.call(d, "order(ByteOrder)", {JEnum{"ByteOrder.LITTLE_ENDIAN"}});
  f.call(d, "putInt(int,int)", {std::int32_t{4}, std::int32_t{-5}});
  const heap::ObjectId v = f.keep("ints", std::get<JRef>(f.call(d, "asIntBuffer()")).id);
  CHECK(class_of(f.machine, v) == "java.nio.DirectIntBufferU");
  CHECK(std::get<std::int32_t>(f.call(v, "get(int)", {std::int32_t{1}})) == -5);
  CHECK(std::get<bool>(f.call(v, "isDirect()")));
  CHECK(nio::supports_view_method(nio::ViewElement::Int, "put(int,int)"));
  CHECK_FALSE(nio::supports_view_method(nio::ViewElement::Int, "put(long)"));
  CHECK_THROWS_AS(f.call(v, "put(long)", {std::int64_t{1}}), std::invalid_argument);
}
