// DirectByteBuffer on the machine: the constructor's steps in JDK order, accounting, page alignment,
// allocateDirect(0), native exhaustion, and the DBB moving while its native memory stays.
#include <doctest/doctest.h>

#include "nio_machine_fixture.hpp"

using namespace nio_machine_test;

TEST_CASE("allocateDirect: the constructor's steps in JDK 17 order") {
  NioFixture f;
  const std::size_t from = f.trace.size();
  const heap::ObjectId b = f.keep("buf", nio::allocate_direct(f.rec, 512));
  CHECK(f.kinds_since(from) == std::vector<std::string>{"alloc", "buffer_op", "bits_reserve", "native_alloc",
                                                        "native_zero", "alloc", "field_store", "alloc",
                                                        "cleaner_create", "root_set"});
  CHECK(f.trace.step(from + 3).text.internals.find("Unsafe.allocateMemory") != std::string::npos);
  CHECK(f.trace.step(from + 8).text.internals.find("Cleaner.create") != std::string::npos);
  CHECK(!f.trace.step(from + 2).text.zh.empty());
  // The objects: DBB 64, Deallocator 32, Cleaner 40 bytes; the DBB's fields.
  const heap::ObjectId cleaner = heap::load_ref(f.machine, b, "cleaner");
  REQUIRE(cleaner != heap::kNoObject);
  const heap::ObjectId dealloc = heap::load_ref(f.machine, cleaner, "thunk");
  CHECK(f.machine.heap.record(b).size == 64);
  CHECK(f.machine.heap.record(cleaner).size == 40);
  CHECK(f.machine.heap.record(dealloc).size == 32);
  CHECK(heap::load_ref(f.machine, b, "att") == heap::kNoObject);
  CHECK(heap::load_prim(f.machine, b, "mark") == -1);
  CHECK(heap::load_prim(f.machine, b, "capacity") == 512);
  CHECK(heap::load_prim(f.machine, b, "limit") == 512);
  CHECK(heap::load_prim(f.machine, b, "bigEndian") == 1);
  const auto base = static_cast<std::uint64_t>(f.address_field(b));
  CHECK(f.machine.native.find(base) != nullptr);
  CHECK(f.machine.native.find(base)->requested == 512);
  CHECK(heap::load_prim(f.machine, dealloc, "address") == static_cast<std::int64_t>(base));
  CHECK(heap::load_prim(f.machine, dealloc, "size") == 512);
  CHECK(heap::load_prim(f.machine, dealloc, "capacity") == 512);
  // The Cleaner: referent = the buffer, first in Cleaner's static list (a system root), not a strong edge.
  CHECK(heap::load_ref(f.machine, cleaner, "referent") == b);
  CHECK(heap::root_value(f.machine, heap::RootKind::system, "jdk.internal.ref.Cleaner", "first") == cleaner);
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 512, 512});
  CHECK(f.machine.bits.memory_limit_set);
  // The constructor's temporary roots are gone.
  for (const heap::Root& r : f.machine.roots.slots)
    if (r.scope == "main/DirectByteBuffer.<init>") CHECK_FALSE(r.active);
}

TEST_CASE("allocateDirect with page alignment: used = cap + 4096, address page-aligned") {
  NioFixture f("-Xmx8m -XX:+UseSerialGC -Dsun.nio.PageAlignDirectMemory=true");
  const std::size_t from = f.trace.size();
  const heap::ObjectId b = f.keep("buf", nio::allocate_direct(f.rec, 1000));
  CHECK(f.kinds_since(from) == std::vector<std::string>{"alloc", "buffer_op", "bits_reserve", "native_alloc",
                                                        "native_zero", "address_align", "alloc",
                                                        "field_store", "alloc", "cleaner_create",
                                                        "root_set"});
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 1000 + 4096, 1000});
  const auto address = static_cast<std::uint64_t>(f.address_field(b));
  CHECK(address % 4096 == 0);
  const heap::ObjectId dealloc = heap::load_ref(f.machine, heap::load_ref(f.machine, b, "cleaner"), "thunk");
  const auto base = static_cast<std::uint64_t>(heap::load_prim(f.machine, dealloc, "address"));
  CHECK(base <= address);
  CHECK(address - base < 4096);
  CHECK(f.machine.native.find(base)->requested == 5096);  // align8(1000 + 4096)
  // The bytes go where address points.
  f.call(b, "put(int,byte)", {std::int32_t{0}, std::int8_t{42}});
  std::byte x{};
  f.machine.native.read(address, std::span<std::byte>(&x, 1));
  CHECK(std::to_integer<int>(x) == 42);
}

TEST_CASE("allocateDirect(0) reserves 1 byte, allocateDirect(-1) throws before reserving") {
  NioFixture f;
  const heap::ObjectId b = f.keep("buf", nio::allocate_direct(f.rec, 0));
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 1, 0});
  CHECK(f.machine.native.find(static_cast<std::uint64_t>(f.address_field(b)))->requested ==
        8);  // rounded to 8
  CHECK(thrown([&] { nio::allocate_direct(f.rec, -1); }) ==
        "java.lang.IllegalArgumentException: capacity < 0: (-1 < 0)");
  CHECK(nio::direct_pool(f.machine) == nio::PoolFigures{1, 1, 0});
  CHECK(thrown([&] { nio::allocate(f.rec, -5); }) ==
        "java.lang.IllegalArgumentException: capacity < 0: (-5 < 0)");
}

TEST_CASE("native memory exhausted: Unable to allocate, and the reservation is given back") {
  Settings s = settings_from("-Xmx8m -XX:+UseSerialGC");
  s.nio.native_capacity = 4096;
  Machine m(s);
  Trace t(m);
  Recorder r(m, &t);
  CHECK(thrown([&] { nio::allocate_direct(r, 5000); }) ==
        "java.lang.OutOfMemoryError: Unable to allocate 5000 bytes");
  CHECK(nio::direct_pool(m) == nio::PoolFigures{0, 0, 0});
  CHECK(t.step(t.size() - 3).kind == StepKind::direct_oom);
  CHECK(t.step(t.size() - 2).kind == StepKind::bits_unreserve);
  CHECK(t.step(t.size() - 1).kind == StepKind::root_drop);
  CHECK(m.native.allocated_count() == 0);
}

TEST_CASE("a compacting GC moves the DirectByteBuffer object, not its native block or address") {
  NioFixture f("-Xmx8m -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0");  // no dead wood: everything slides
  const heap::ObjectId garbage = f.keep("garbage", f.byte_array(std::vector<std::uint8_t>(1000, 7)));
  const heap::ObjectId b = f.keep("buf", nio::allocate_direct(f.rec, 64));
  f.call(b, "put(byte[])", {JRef{f.keep("src", f.byte_array({1, 2, 3, 4}))}});
  (void)garbage;
  f.drop("garbage");
  f.drop("src");
  const std::uint64_t before = f.addr(b);
  const std::int64_t address = f.address_field(b);
  const std::vector<nio::NativeBlock> blocks = f.machine.native.blocks();
  nio::system_gc(f.rec);
  CHECK(f.addr(b) < before);                   // the object slid down
  CHECK(f.address_field(b) == address);        // the field is a plain long: unchanged
  CHECK(f.machine.native.blocks() == blocks);  // native memory never moves
  CHECK(f.machine.heap.pending_references.empty());
  CHECK(std::get<std::int8_t>(f.call(b, "get(int)", {std::int32_t{2}})) == 3);
  CHECK(nio::direct_pool(f.machine).count == 1);
}
