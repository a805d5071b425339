#pragma once
// Helpers for the io unit tests: a whole I/O world (kernel, stand-in direct buffers, caches, counters)
// and heap buffers owned by the test.
#include <memory>
#include <string>
#include <vector>

#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/io/file_channel.hpp"
#include "heapviz/io/stand_in_direct_buffers.hpp"
#include "heapviz/nio/byte_buffer.hpp"

namespace io_test {

using namespace heapviz::io;

/// Runs `f`; returns "class: message" of the Java throwable it raised, or "none".
template <class F>
std::string thrown(F&& f) {
  try {
    f();
  } catch (const heapviz::JavaException& e) {
    return e.throwable.class_name + ": " + e.throwable.message.value_or("null");
  }
  return "none";
}

inline std::vector<std::byte> bytes(std::initializer_list<int> v) {
  std::vector<std::byte> out;
  for (int x : v) out.push_back(static_cast<std::byte>(x));
  return out;
}

inline std::vector<std::byte> pattern(std::size_t n, int seed = 1) {
  std::vector<std::byte> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::byte>((static_cast<int>(i) + seed) & 0xff);
  return out;
}

/// A heap buffer owned by the test (state + byte[] store).
struct HeapBuf {
  heapviz::nio::BufferState state;
  std::shared_ptr<heapviz::nio::VectorByteStore> store;
  BufferId id = 0;
  IoBuffer io() { return IoBuffer{id, &state, store.get(), 0x1000}; }
};

/// Everything an I/O call needs, with an IoContext bound to it.
struct World {
  explicit World(std::int64_t max_direct = std::int64_t{1} << 40,
                 std::int64_t max_cached = std::numeric_limits<std::int64_t>::max())
      : buffers(max_direct), temporaries(max_cached) {}
  KernelSpace kernel;
  StandInDirectBuffers buffers;
  TemporaryBuffers temporaries;
  IoCounters counters;
  std::vector<IoEvent> events;
  ChannelStatics statics;
  IoContext ctx{kernel, temporaries, buffers, counters, events, statics, "main", {}, {}};
  BufferId next_heap_id = 100000;

  HeapBuf heap(std::vector<std::byte> contents) {
    HeapBuf b;
    b.state = heapviz::nio::allocate(static_cast<int>(contents.size()));
    b.store = std::make_shared<heapviz::nio::VectorByteStore>(std::move(contents));
    b.id = next_heap_id++;
    return b;
  }
  BufferId direct(const std::vector<std::byte>& contents) {
    const BufferId id = buffers.allocate_direct(static_cast<int>(contents.size()));
    buffers.buffer(id).root->write(0, contents);
    return id;
  }
  FileChannel open(const std::string& name, std::initializer_list<const char*> options) {
    OpenOptions o;
    for (const char* x : options) o.add(x);
    return FileChannel::open(ctx, name, o);
  }
  std::vector<std::byte> file(const std::string& name) const {
    return kernel.file_contents(kernel.file_named(name)->id);
  }
  /// The kinds of the recorded events, for order checks.
  std::vector<std::string> kinds() const {
    std::vector<std::string> k;
    for (const IoEvent& e : events) k.push_back(io_event_kind_name(e.kind));
    return k;
  }
};

}  // namespace io_test
