#include "heapviz/view.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "gc_common.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/io/io_view.hpp"

namespace heapviz {

using namespace heap;

std::string_view block_state_name(BlockState s) {
  switch (s) {
    case BlockState::live: return "live";
    case BlockState::marked: return "marked";
    case BlockState::forwarded: return "forwarded";
    case BlockState::unmarked: return "unmarked";
    case BlockState::filler: return "filler";
    case BlockState::free: return "free";
  }
  return "?";
}

namespace {

std::vector<ObjectId> live_by_address(const JavaHeap& h) {
  std::vector<ObjectId> ids;
  for (ObjectId id = 1; id < h.objects.size(); ++id)
    if (h.objects.at(id).state == ObjectState::live) ids.push_back(id);
  std::sort(ids.begin(), ids.end(), [&](ObjectId a, ObjectId b) { return h.objects.at(a).addr < h.objects.at(b).addr; });
  return ids;
}

BlockState state_of(const JavaHeap& h, const ObjectRecord& rec, std::uint64_t* forward_to) {
  if (rec.flags & ObjectRecord::kFiller) return BlockState::filler;
  if (rec.flags & ObjectRecord::kGarbage) return BlockState::unmarked;
  const std::uint64_t mw = h.mark_word(rec.addr);
  if (layout::mark_is_marked(mw)) {
    *forward_to = layout::mark_forwardee(mw);
    return *forward_to != 0 ? BlockState::forwarded : BlockState::marked;
  }
  return BlockState::live;
}

void counter(View& v, const char* key, const char* en, const char* zh, std::uint64_t value) {
  v.counters.push_back(CounterView{key, en, zh, static_cast<std::int64_t>(value)});
}

}  // namespace

View make_view(const Machine& m, const ViewOptions& opts) {
  const JavaHeap& h = m.heap;
  View v;
  v.gc_phase = std::string(gc_phase_name(h.phase));
  const bool bump = m.settings.heap.collector == Collector::mark_compact;
  v.regions.push_back(RegionView{"Java heap", SpaceId::java_heap, bump ? RegionKind::single : RegionKind::free_list, h.bottom(),
                                 h.space.size(), h.used, bump ? h.top : h.end()});

  // Mid-GC (phases 2-4) a reference may already hold its object's forwarding address; during
  // phase 3 that address is the one to follow, even if another object still starts there.
  const std::vector<ObjectId> ids = live_by_address(h);
  std::unordered_map<std::uint64_t, ObjectId> by_forwardee;
  for (ObjectId id : ids) {
    std::uint64_t fwd = 0;
    if (state_of(h, h.objects.at(id), &fwd) == BlockState::forwarded) by_forwardee[fwd] = id;
  }
  const bool adjusting = h.phase == GcPhase::adjust;
  auto resolve = [&](std::uint32_t narrow) -> ObjectId {
    const std::uint64_t a = narrow_oop::decode(narrow);
    const auto fw = by_forwardee.find(a);
    if (adjusting && fw != by_forwardee.end()) return fw->second;
    if (ObjectId t = h.object_at(a); t != kNoObject) return t;
    return fw != by_forwardee.end() ? fw->second : kNoObject;
  };

  // Roots, and the labels they give to objects.
  std::unordered_map<ObjectId, std::string> labels;
  for (std::uint32_t i = 0; i < m.roots.slots.size(); ++i) {
    const Root& r = m.roots.slots[i];
    if (!r.active) continue;
    const ObjectId t = resolve(r.value);
    v.roots.push_back(RootView{i, std::string(root_kind_name(r.kind)), r.scope, r.name, t, narrow_oop::decode(r.value)});
    if (t != kNoObject) {
      auto& l = labels[t];
      l += (l.empty() ? "" : ", ") + r.name;
    }
  }

  v.truncated = ids.size() > opts.max_blocks;
  std::uint64_t cursor = h.bottom();
  auto add_free = [&](std::uint64_t from, std::uint64_t to) {
    if (to > from && v.blocks.size() < opts.max_blocks * 2) {
      BlockView b;
      b.addr = from;
      b.size = to - from;
      b.state = BlockState::free;
      v.blocks.push_back(b);
    }
  };
  std::size_t shown = 0;
  for (ObjectId id : ids) {
    const ObjectRecord& rec = h.objects.at(id);
    if (shown >= opts.max_blocks) break;
    ++shown;
    add_free(cursor, rec.addr);
    const Klass& k = m.klasses->at(rec.klass);
    BlockView b;
    b.id = id;
    b.type = k.name;
    if (auto it = labels.find(id); it != labels.end()) b.label = it->second;
    b.addr = rec.addr;
    b.size = rec.size;
    b.state = state_of(h, rec, &b.forward_to);
    if (k.is_array()) b.array_length = h.array_length(rec.addr);
    v.blocks.push_back(std::move(b));
    cursor = std::max(cursor, rec.addr + rec.size);
  }
  if (!v.truncated) add_free(cursor, h.end());

  for (const RootView& r : v.roots) {
    if (r.addr == 0) continue;
    const Root& root = m.roots.slots[r.slot];
    v.arrows.push_back(ArrowView{kNoObject, static_cast<std::int32_t>(r.slot), 0, root.name, resolve(root.value), r.addr});
  }
  for (const BlockView& b : v.blocks) {
    if (b.id == kNoObject || b.state == BlockState::filler) continue;
    const Klass& k = m.klasses->at(h.objects.at(b.id).klass);
    auto add = [&](std::uint64_t slot, std::string field) {
      const std::uint32_t val = h.space.read_u32(slot);
      if (val == 0) return;
      v.arrows.push_back(ArrowView{b.id, -1, static_cast<std::uint32_t>(slot - b.addr), std::move(field), resolve(val), narrow_oop::decode(val)});
    };
    if (k.kind == KlassKind::instance) {
      for (const FieldInfo& f : k.fields)
        if (f.type == FieldType::reference) add(b.addr + f.offset, f.name);
    } else if (k.kind == KlassKind::object_array) {
      for (std::uint32_t i = 0; i < b.array_length && v.arrows.size() < opts.max_blocks * 4; ++i)
        add(b.addr + layout::kArrayHeader + std::uint64_t{i} * 4, "[" + std::to_string(i) + "]");
    }
  }

  std::uint64_t free_total = 0, largest = 0;
  if (bump) {
    free_total = largest = h.end() - h.top;
  } else {
    for (const auto& [a, s] : h.free_chunks) {
      free_total += s;
      largest = std::max(largest, s);
    }
  }
  counter(v, "heap_used", "Heap used (bytes)", "堆已用（字节）", h.used);
  counter(v, "heap_capacity", "Heap capacity (bytes)", "堆容量（字节）", h.space.size());
  counter(v, "max_memory", "Runtime.maxMemory()", "Runtime.maxMemory()", runtime_max_memory(m.settings.heap));
  counter(v, "live_objects", "Live objects", "存活对象数", h.live_objects);
  counter(v, "free_bytes", "Free (bytes)", "空闲（字节）", free_total);
  counter(v, "largest_free", "Largest free chunk (bytes)", "最大空闲块（字节）", largest);
  counter(v, "free_chunks", "Free chunks", "空闲块数", bump ? (h.top < h.end() ? 1 : 0) : h.free_chunks.size());
  counter(v, "gc_count", "Full GCs", "Full GC 次数", h.counter(HeapCounter::gc_count));
  counter(v, "objects_moved", "Objects moved", "移动的对象数", h.counter(HeapCounter::objects_moved));
  counter(v, "bytes_moved", "Bytes moved", "移动的字节数", h.counter(HeapCounter::bytes_moved));
  counter(v, "objects_freed", "Objects reclaimed", "回收的对象数", h.counter(HeapCounter::objects_freed));
  counter(v, "bytes_freed", "Bytes reclaimed", "回收的字节数", h.counter(HeapCounter::bytes_freed));
  counter(v, "dead_wood_bytes", "Dead wood (bytes)", "死木（字节）", h.counter(HeapCounter::dead_wood_bytes));
  counter(v, "objects_allocated", "Objects allocated", "分配的对象数", h.counter(HeapCounter::objects_allocated));
  counter(v, "references_pending", "References pending", "待处理引用数", h.pending_references.size());
  io::append_io_view(m, v);  // kernel, device and I/O counters (issue 5)
  return v;
}

std::vector<OccupancyBucket> occupancy(const Machine& m, SpaceId space, std::size_t buckets) {
  std::vector<OccupancyBucket> out;
  if (space != SpaceId::java_heap || buckets == 0) return out;
  const JavaHeap& h = m.heap;
  const std::uint64_t base = h.bottom(), size = h.space.size();
  const std::uint64_t width = (size + buckets - 1) / buckets;  // every bucket but the last has this width
  out.resize(buckets);
  for (std::size_t i = 0; i < buckets; ++i) {
    out[i].begin = std::min(base + size, base + width * i);
    out[i].end = std::min(base + size, base + width * (i + 1));
  }
  auto bucket_of = [&](std::uint64_t addr) { return static_cast<std::size_t>((addr - base) / width); };
  for (ObjectId id = 1; id < h.objects.size(); ++id) {
    const ObjectRecord& rec = h.objects.at(id);
    if (rec.state != ObjectState::live) continue;
    std::uint64_t a = rec.addr;
    const std::uint64_t e = rec.addr + rec.size;
    for (std::size_t b = bucket_of(a); a < e && b < buckets; ++b) {
      const std::uint64_t take = std::min(e, out[b].end) - a;
      if (rec.flags & ObjectRecord::kFiller) out[b].filler += take;
      else if (rec.flags & ObjectRecord::kGarbage) out[b].garbage += take;
      else out[b].live += take;
      a += take;
    }
  }
  for (auto& b : out) b.free = (b.end - b.begin) - b.live - b.filler - b.garbage;
  return out;
}

std::vector<std::string> hex_dump(const Machine& m, std::uint64_t addr, std::uint64_t len) {
  std::vector<std::string> lines;
  const AddressSpace& s = m.heap.space;
  for (std::uint64_t a = addr; a < addr + len; a += 16) {
    std::string line = detail::hex(a) + ":";
    for (std::uint64_t i = a; i < std::min(a + 16, addr + len); ++i) {
      char buf[4];
      std::snprintf(buf, sizeof buf, " %02x", s.contains(i) ? s.read_u8(i) : 0);
      line += buf;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace heapviz
