// A stand-in owner of direct buffers with JDK 17 Bits accounting (until the machine provides the real one).
#include "heapviz/io/stand_in_direct_buffers.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "heapviz/heap/java_throwable.hpp"

namespace heapviz::io {

StandInDirectBuffers::StandInDirectBuffers(std::int64_t max_direct_memory)
    : memory_(std::uint64_t{1} << 30), max_(max_direct_memory) {}

BufferId StandInDirectBuffers::allocate_direct(int capacity) {
  Entry e;
  e.state = nio::allocate_direct(capacity);  // "capacity < 0" before any reservation
  const std::int64_t size = std::max<std::int64_t>(1, capacity);
  // Bits.tryReserveMemory: the limit is on the total capacity, not on the reserved size.
  if (capacity > max_ - pool_.total_capacity) {
    throw JavaException{{"java.lang.OutOfMemoryError", "Cannot reserve " + std::to_string(size) +
                                                           " bytes of direct buffer memory (allocated: " +
                                                           std::to_string(pool_.memory_used) +
                                                           ", limit: " + std::to_string(max_) + ")"}};
  }
  pool_.count += 1;
  pool_.memory_used += size;
  pool_.total_capacity += capacity;
  try {
    e.base = nio::unsafe_allocate_memory(memory_, size);
  } catch (...) {
    pool_.count -= 1;
    pool_.memory_used -= size;
    pool_.total_capacity -= capacity;
    throw;
  }
  nio::unsafe_set_memory(memory_, e.base, nio::align_to_heap_word_size(size), std::byte{0});
  e.size = size;
  const BufferId id = next_id_++;
  e.root = id;
  e.store = std::make_shared<nio::NativeByteStore>(memory_, e.base, capacity);
  entries_[id] = std::move(e);
  return id;
}

void StandInDirectBuffers::free(BufferId id) {
  Entry& e = entries_.at(id);
  if (e.root != id) throw std::logic_error("free of a view: views have no cleaner");
  if (!e.live) return;  // Cleaner.clean runs at most once
  nio::unsafe_free_memory(memory_, e.base);
  pool_.count -= 1;
  pool_.memory_used -= e.size;
  pool_.total_capacity -= e.state.capacity;
  e.live = false;
}

IoBuffer StandInDirectBuffers::buffer(BufferId id) {
  Entry& e = entries_.at(id);
  const Entry& root = entries_.at(e.root);
  if (!root.live) throw std::logic_error("use of a freed direct buffer");
  return IoBuffer{id, &e.state, e.store.get(), root.base};
}

BufferId StandInDirectBuffers::add_view(BufferId of, const nio::BufferState& state) {
  const Entry& parent = entries_.at(of);
  Entry e;
  e.state = state;
  e.root = parent.root;
  e.store = parent.store;
  const BufferId id = next_id_++;
  entries_[id] = std::move(e);
  return id;
}

bool StandInDirectBuffers::is_live(BufferId id) const {
  const auto it = entries_.find(id);
  return it != entries_.end() && entries_.at(it->second.root).live;
}

}  // namespace heapviz::io
