// HeapByteBuffer on the machine: a 56-byte object plus its byte[]; fields in heap bytes; the array may
// move; views share it; call_buffer_method results, exceptions and narration.
#include <doctest/doctest.h>

#include "nio_machine_fixture.hpp"

using namespace nio_machine_test;

TEST_CASE("allocate: a 56-byte HeapByteBuffer and its byte[], fields at the JDK offsets") {
  NioFixture f;
  const heap::ObjectId b = f.keep("buf", nio::allocate(f.rec, 16));
  CHECK(f.machine.heap.record(b).size == 56);
  const heap::ObjectId hb = heap::load_ref(f.machine, b, "hb");
  CHECK(f.machine.heap.record(hb).size == 32);  // align8(16 + 16)
  CHECK(heap::load_prim(f.machine, b, "address") == 16);
  CHECK(heap::load_prim(f.machine, b, "mark") == -1);
  CHECK(heap::load_prim(f.machine, b, "capacity") == 16);
  CHECK(nio::is_byte_buffer(f.machine, b));
  CHECK_FALSE(nio::is_byte_buffer(f.machine, hb));
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{0, 0, 0});
}

TEST_CASE("call_buffer_method: state in fields, bytes in the byte[], one buffer_op step each") {
  NioFixture f;
  const heap::ObjectId b = f.keep("buf", nio::allocate(f.rec, 8));
  const heap::ObjectId src = f.keep("src", f.byte_array({1, 2, 3, 4, 5}));
  const std::size_t from = f.trace.size();
  CHECK(std::get<JRef>(f.call(b, "put(byte[])", {JRef{src}})) == JRef{b});
  CHECK(f.kinds_since(from) == std::vector<std::string>{"buffer_op"});
  const Step& s = f.trace.step(from);
  CHECK(s.text.en.find("position 0 \u2192 5") != std::string::npos);
  CHECK(s.text.en.find("5 bytes written to the byte[]") != std::string::npos);
  CHECK(s.text.internals.find("System.arraycopy") != std::string::npos);
  CHECK(heap::load_prim(f.machine, b, "position") == 5);
  CHECK(std::get<JRef>(f.call(b, "flip()")) == JRef{b});
  CHECK(std::get<std::int32_t>(f.call(b, "getInt()")) == 0x01020304);
  CHECK(std::get<std::int32_t>(f.call(b, "remaining()")) == 1);
  CHECK(std::get<std::string>(f.call(b, "toString()")) == "java.nio.HeapByteBuffer[pos=4 lim=5 cap=8]");
  CHECK(std::get<JEnum>(f.call(b, "order()")).name == "ByteOrder.BIG_ENDIAN");
  f.call(b, "order(ByteOrder)", {JEnum{"ByteOrder.LITTLE_ENDIAN"}});
  CHECK(heap::load_prim(f.machine, b, "bigEndian") == 0);
  CHECK(heap::load_prim(f.machine, b, "nativeByteOrder") == 1);
  CHECK(std::get<JRef>(f.call(b, "array()")).id == heap::load_ref(f.machine, b, "hb"));
  // Exceptions: the JDK's class and message, narrated in a step, state unchanged.
  const std::size_t before = f.trace.size();
  CHECK(thrown([&] { f.call(b, "put(byte[])", {JRef{src}}); }) == "java.nio.BufferOverflowException: null");
  CHECK(f.trace.size() == before + 1);
  CHECK(f.trace.step(before).text.en.find("BufferOverflowException") != std::string::npos);
  CHECK(heap::load_prim(f.machine, b, "position") == 4);
  CHECK(thrown([&] { f.call(b, "position(int)", {std::int32_t{9}}); }) ==
        "java.lang.IllegalArgumentException: newPosition > limit: (9 > 5)");
  CHECK(thrown([&] { f.call(b, "reset()"); }) == "java.nio.InvalidMarkException: null");
  CHECK(thrown([&] { f.call(b, "put(byte[])", {JRef{}}); }) ==  // JDK 17's helpful message
        "java.lang.NullPointerException: Cannot read the array length because \"src\" is null");
  CHECK(thrown([&] {
          f.call(b, "slice(int,int)", {std::int32_t{2}, std::int32_t{9}});
        }) == "java.lang.IndexOutOfBoundsException: Range [2, 2 + 9) out of bounds for length 5");
  CHECK(nio::supports_buffer_method("putLong(int,long)"));
  CHECK(nio::supports_buffer_method("asIntBuffer()"));  // a view object: test_typed_views.cpp
  CHECK_FALSE(nio::supports_buffer_method("asCharBuffer()"));
  CHECK_THROWS_AS(f.call(b, "asCharBuffer()"), std::invalid_argument);
}

TEST_CASE("views share the byte[], read-only views are HeapByteBufferR, wrap uses the given array") {
  NioFixture f;
  const heap::ObjectId arr = f.keep("arr", f.byte_array({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  const heap::ObjectId w = f.keep("w", nio::wrap(f.rec, arr, std::make_pair(2, 5)));
  CHECK(heap::load_ref(f.machine, w, "hb") == arr);
  CHECK(std::get<std::string>(f.call(w, "toString()")) == "java.nio.HeapByteBuffer[pos=2 lim=7 cap=10]");
  const heap::ObjectId s = f.keep("s", std::get<JRef>(f.call(w, "slice()")).id);
  CHECK(heap::load_ref(f.machine, s, "hb") == arr);
  CHECK(heap::load_prim(f.machine, s, "offset") == 2);
  CHECK(heap::load_prim(f.machine, s, "address") == 18);
  CHECK(std::get<std::int32_t>(f.call(s, "arrayOffset()")) == 2);
  f.call(s, "put(int,byte)", {std::int32_t{0}, std::int8_t{0x55}});
  CHECK(std::get<std::int8_t>(f.call(w, "get(int)", {std::int32_t{2}})) == 0x55);
  const heap::ObjectId ro = f.keep("ro", std::get<JRef>(f.call(s, "asReadOnlyBuffer()")).id);
  CHECK(f.machine.klasses->at(f.machine.heap.record(ro).klass).name == "java.nio.HeapByteBufferR");
  CHECK(f.machine.heap.record(ro).size == 56);
  CHECK(std::get<std::string>(f.call(ro, "toString()")) == "java.nio.HeapByteBufferR[pos=0 lim=5 cap=5]");
  CHECK(thrown([&] { f.call(ro, "put(byte)", {std::int8_t{1}}); }) ==
        "java.nio.ReadOnlyBufferException: null");
  CHECK(thrown([&] { f.call(ro, "array()"); }) == "java.nio.ReadOnlyBufferException: null");
  CHECK(thrown([&] { nio::wrap(f.rec, arr, std::make_pair(5, 6)); }) ==
        "java.lang.IndexOutOfBoundsException: null");
}

TEST_CASE("a heap buffer survives its byte[] moving: address is array-relative") {
  NioFixture f("-Xmx8m -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0");  // no dead wood: everything slides
  f.keep("garbage", f.byte_array(std::vector<std::uint8_t>(500, 9)));
  const heap::ObjectId b = f.keep("buf", nio::allocate(f.rec, 16));
  f.call(b, "put(byte[])", {JRef{f.keep("src", f.byte_array({10, 20, 30}))}});
  f.drop("garbage");
  f.drop("src");
  const heap::ObjectId hb = heap::load_ref(f.machine, b, "hb");
  const std::uint64_t hb_before = f.addr(hb);
  const std::vector<std::byte> window = nio::buffer_window(f.machine, b);
  nio::system_gc(f.rec);
  CHECK(f.addr(hb) < hb_before);                          // the array moved ...
  CHECK(heap::load_ref(f.machine, b, "hb") == hb);        // ... hb was adjusted by the GC ...
  CHECK(heap::load_prim(f.machine, b, "address") == 16);  // ... and address did not need to change
  CHECK(nio::buffer_window(f.machine, b) == window);
  CHECK(std::get<std::int8_t>(f.call(b, "get(int)", {std::int32_t{1}})) == 20);
  f.call(b, "put(byte)", {std::int8_t{40}});
  CHECK(std::get<std::int8_t>(f.call(b, "get(int)", {std::int32_t{3}})) == 40);
}
