// The Cleaner protocol's invariant, checked after every GC when the heap settings ask for verification.
#include "heapviz/nio/buffer_invariants.hpp"

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/nio/buffer_object.hpp"

namespace heapviz::nio {

using namespace detail;
using heap::ObjectId;

namespace {

// True when the block holding [address, address + bytes) is allocated and holds all of it.
bool inside_allocated(const NativeMemory& native, std::uint64_t address, std::uint64_t bytes) {
  const NativeBlock* b = native.chunk_containing(address);
  return b != nullptr && b->allocated && address >= b->address &&
         address + bytes <= b->address + b->requested;
}

}  // namespace

std::vector<std::string> check_direct_buffers(const NioMachine& m) {
  std::vector<std::string> errs;
  const heap::JavaHeap& h = m.heap;
  for (ObjectId id = 1; id < h.objects.size() && errs.size() < 20; ++id) {
    const heap::ObjectRecord& rec = h.objects.at(id);
    if (rec.state != heap::ObjectState::live || (rec.flags & heap::ObjectRecord::kGarbage)) continue;
    if (rec.klass == heap::builtin::kDeallocator) {
      const auto base = static_cast<std::uint64_t>(read_i64(m, id, off::dealloc_address));
      if (base != 0 && m.native.find(base) == nullptr)
        errs.push_back(heap::describe(m, id) + " has not run but its block " + hex(base) +
                       " is not allocated");
      continue;
    }
    if (!is_direct_klass(m, rec.klass)) continue;
    const ObjectId root = direct_root(m, id);
    if (!h.is_live(root) || read_ref(m, root, off::fd) != heap::kNoObject) continue;  // mapped: not malloc'd
    const ObjectId cleaner = read_ref(m, root, off::cleaner);
    if (cleaner == heap::kNoObject || read_ref(m, cleaner, off::cleaner_next) == cleaner)
      continue;  // freed on purpose (clean() ran): a use after free is the program's own doing
    const auto address = static_cast<std::uint64_t>(read_i64(m, id, off::address));
    const auto capacity = static_cast<std::uint64_t>(read_i32(m, id, off::capacity));
    if (capacity != 0 && !inside_allocated(m.native, address, capacity))
      errs.push_back(heap::describe(m, id) + " is live and its Cleaner has not run, but its " +
                     text::bytes(capacity) + " at " + hex(address) + " are not inside an allocated block");
  }
  return errs;
}

}  // namespace heapviz::nio
