// The nio part of the View: native memory as a region of chunks, address arrows, buffer pools.
#include "heapviz/engine/nio_view.hpp"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/io/mapped_buffers.hpp"
#include "heapviz/nio/buffer_object.hpp"
#include "heapviz/nio/machine_buffers.hpp"

namespace heapviz::nio {

using namespace detail;
using heap::ObjectId;
using heap::SpaceId;

namespace {
void counter(View& v, const char* key, const char* en, const char* zh, std::int64_t value) {
  v.counters.push_back(CounterView{key, en, zh, value});
}
}  // namespace

void add_nio_view(const Machine& m, View& v) {
  const NativeMemory& nm = m.native;
  v.regions.push_back(RegionView{"Native memory (C heap)", SpaceId::native, RegionKind::free_list, nm.base(),
                                 nm.capacity(), nm.allocated_bytes(), nm.top()});

  // Who owns each native block: a DirectByteBuffer that allocated it (it has a Cleaner), or only a
  // Deallocator whose buffer the GC already collected (memory held until its Cleaner runs).
  // Owners are matched by native address (the buffer's `address` lies in the chunk the Deallocator
  // frees), not by following buffer -> Cleaner -> Deallocator: during a GC's phases 3 and 4 those
  // references already hold new addresses where the objects are not yet, and would resolve wrongly.
  const heap::JavaHeap& h = m.heap;
  // Classify each klass once (a few dozen), not each object by name: the scan below visits every object,
  // a million in a big lesson, for every view.
  std::vector<std::uint8_t> role(m.klasses->size(), 0);  // 1 Deallocator, 2 direct buffer
  for (std::size_t k = 0; k < role.size(); ++k) {
    const auto id = static_cast<heap::KlassId>(k);
    role[k] = id == heap::builtin::kDeallocator ? 1 : is_direct_klass(m, id) ? 2 : 0;
  }
  std::map<std::uint64_t, ObjectId> owners;  // buffer address -> the direct buffer that allocated it
  std::vector<std::pair<std::uint64_t, ObjectId>> deallocators;  // (malloc address, Deallocator)
  for (ObjectId id = 1; id < h.objects.size(); ++id) {
    if (!h.is_live(id)) continue;
    const heap::KlassId k = h.objects.get(id).klass;
    if (k >= role.size() || role[k] == 0) continue;
    if (k == heap::builtin::kDeallocator) {
      const auto base = static_cast<std::uint64_t>(read_i64(m, id, off::dealloc_address));
      if (base == 0) continue;
      deallocators.emplace_back(base, id);
      v.arrows.push_back(
          ArrowView{id, -1, off::dealloc_address, "address", heap::kNoObject, base, SpaceId::native});
    } else if (mapped_fd(m, id) != heap::kNoObject) {
      // A MappedByteBuffer points into the page cache (its address is a user address inside a mapping).
      if (const auto page = mapped_page_address(m, static_cast<std::uint64_t>(read_i64(m, id, off::address))))
        v.arrows.push_back(
            ArrowView{id, -1, off::address, "address", heap::kNoObject, *page, SpaceId::kernel});
    } else {
      const auto address = static_cast<std::uint64_t>(read_i64(m, id, off::address));
      if (address != 0)
        v.arrows.push_back(
            ArrowView{id, -1, off::address, "address", heap::kNoObject, address, SpaceId::native});
      // Only the buffer allocateDirect made has a Cleaner (slices and duplicates do not); the raw field
      // is enough to tell, whatever phase a GC is in.
      if (address != 0 && h.space.read_u32(h.record(id).addr + off::cleaner) != 0)
        owners.emplace(address, id);
    }
  }
  std::map<std::uint64_t, std::uint64_t> requested;  // malloc address -> bytes asked for
  for (const NativeBlock& b : nm.blocks())
    if (b.allocated) requested[b.address] = b.requested;
  std::map<std::uint64_t, std::pair<std::string, std::string>> labels;  // malloc address -> English, Chinese
  for (const auto& [base, dealloc] : deallocators) {
    const auto chunk = requested.find(base);
    const std::uint64_t end =
        base + (chunk != requested.end() ? std::max<std::uint64_t>(chunk->second, 1) : 1);
    const auto owner = owners.lower_bound(base);  // page-aligned buffers start inside their chunk
    if (owner != owners.end() && owner->first < end) {
      const ObjectId id = owner->second;
      const std::string cap = std::to_string(read_i32(m, id, off::capacity));
      const bool aligned = owner->first != base;
      labels[base] = {heap::describe(m, id) + " memory (cap " + cap + ")" +
                          (aligned ? ", page-aligned at " + hex(owner->first) : ""),
                      heap::describe(m, id) + " 的内存（容量 " + cap + "）" +
                          (aligned ? "，按页对齐于 " + hex(owner->first) : "")};
    } else if (!labels.count(base)) {
      const std::string cap = std::to_string(read_i32(m, dealloc, off::dealloc_capacity));
      labels[base] = {"memory of a collected DirectByteBuffer (cap " + cap + "), freed when its Cleaner runs",
                      "已被回收的 DirectByteBuffer 的内存（容量 " + cap + "），其 Cleaner 运行时释放"};
    }
  }

  for (const NativeBlock& b : nm.blocks()) {
    BlockView bv;
    bv.type = "native";
    bv.space = SpaceId::native;
    bv.addr = b.header_address();
    bv.size = b.chunk_size;
    bv.state = b.allocated ? BlockState::live : BlockState::free;
    if (b.allocated) {
      auto it = labels.find(b.address);
      bv.label = it != labels.end() ? it->second.first : "malloc(" + std::to_string(b.requested) + ")";
      bv.label_zh = it != labels.end() ? it->second.second : bv.label;
    }
    v.blocks.push_back(std::move(bv));
  }
  // The untouched top, once malloc was used (an unused C heap adds no block, so heap-only views stay as they
  // were).
  if (!nm.blocks().empty() && nm.top() < nm.base() + nm.capacity()) {
    BlockView top;
    top.type = "native";
    top.space = SpaceId::native;
    top.addr = nm.top();
    top.size = nm.base() + nm.capacity() - nm.top();
    top.state = BlockState::free;
    v.blocks.push_back(std::move(top));
  }

  const PoolFigures d = direct_pool(m), mp = mapped_pool(m);
  counter(v, "direct_count", "Direct buffers (count)", "直接缓冲区数", d.count);
  counter(v, "direct_used", "Direct memory used (bytes)", "直接内存已用（字节）", d.memory_used);
  counter(v, "direct_capacity", "Direct buffers total capacity (bytes)", "直接缓冲区总容量（字节）",
          d.total_capacity);
  counter(v, "direct_limit", "MaxDirectMemorySize limit (bytes)", "MaxDirectMemorySize 上限（字节）",
          m.bits.max_memory);
  counter(v, "mapped_count", "Mapped buffers (count)", "映射缓冲区数", mp.count);
  counter(v, "mapped_used", "Mapped memory used (bytes)", "映射内存已用（字节）", mp.memory_used);
  counter(v, "mapped_capacity", "Mapped buffers total capacity (bytes)", "映射缓冲区总容量（字节）",
          mp.total_capacity);
  counter(v, "native_allocated", "Native memory allocated (bytes, chunks)", "本地内存已分配（字节，含块头）",
          static_cast<std::int64_t>(nm.allocated_bytes()));
  counter(v, "native_blocks", "Native blocks allocated", "已分配本地块数",
          static_cast<std::int64_t>(nm.allocated_count()));
  counter(v, "clock_ms", "Simulated time (ms)", "模拟时间（毫秒）", static_cast<std::int64_t>(m.clock_ms));
}

}  // namespace heapviz::nio
