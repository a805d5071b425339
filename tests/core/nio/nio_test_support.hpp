#pragma once
// Helpers for the nio unit tests: a buffer that owns its state and storage, and exception capture.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/nio/byte_buffer.hpp"

namespace nio_test {

using heapviz::nio::BufferState;
using heapviz::nio::ByteBuffer;
using heapviz::nio::VectorByteStore;

/// Runs `f`; returns the Java throwable it raised as "class: message" ("class: null"), or "none".
template <class F>
std::string thrown(F&& f) {
  try {
    f();
  } catch (const heapviz::JavaException& e) {
    return e.throwable.class_name + ": " + e.throwable.message.value_or("null");
  }
  return "none";
}

/// A test-owned buffer: its state plus a shared root store (views share the root).
struct Buf {
  BufferState state;
  std::shared_ptr<VectorByteStore> root;

  ByteBuffer b() { return ByteBuffer(state, *root); }
  Buf view(BufferState s) const { return Buf{s, root}; }
  /// The bytes of the root store, as ints for readable CHECKs.
  std::vector<int> bytes() const {
    std::vector<int> v;
    for (std::byte x : root->bytes()) v.push_back(std::to_integer<int>(x));
    return v;
  }
};

inline Buf heap(int capacity) {
  const BufferState s = heapviz::nio::allocate(capacity);
  return Buf{s, std::make_shared<VectorByteStore>(static_cast<std::size_t>(capacity))};
}

inline Buf direct(int capacity) {
  const BufferState s = heapviz::nio::allocate_direct(capacity);
  return Buf{s, std::make_shared<VectorByteStore>(static_cast<std::size_t>(capacity))};
}

/// A Java byte[] with the given elements.
inline VectorByteStore array(std::initializer_list<int> values) {
  std::vector<std::byte> v;
  for (int x : values) v.push_back(static_cast<std::byte>(x));
  return VectorByteStore(std::move(v));
}

}  // namespace nio_test
