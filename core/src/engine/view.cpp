#include "heapviz/engine/view.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "heapviz/engine/io_view.hpp"
#include "heapviz/engine/nio_view.hpp"
#include "heapviz/heap/heap_ops.hpp"

namespace heapviz {

using namespace heap;

namespace {
/// "0xfc000010"
std::string hex_text(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}
}  // namespace

std::string_view block_state_name(BlockState s) {
  switch (s) {
    case BlockState::live:
      return "live";
    case BlockState::marked:
      return "marked";
    case BlockState::forwarded:
      return "forwarded";
    case BlockState::unmarked:
      return "unmarked";
    case BlockState::filler:
      return "filler";
    case BlockState::free:
      return "free";
  }
  return "?";
}

namespace {

// The live objects overlapping [from, to) in address order, at most `keep` of them (the lowest addresses),
// and how many there are in all. One pass with a bounded max-heap: a 1M-object heap cut to a few thousand
// blocks neither sorts nor stores a million entries (ids mostly grow with addresses, so once the heap is
// full almost every later object is one comparison).
std::vector<ObjectId> live_by_address(const JavaHeap& h, std::uint64_t from, std::uint64_t to,
                                      std::size_t keep, std::size_t& total) {
  std::vector<std::pair<std::uint64_t, ObjectId>> best;
  total = 0;
  for (ObjectId id = 1; id < h.objects.size(); ++id) {
    const ObjectRecord& r = h.objects.at(id);
    if (r.state != ObjectState::live || r.addr >= to || r.addr + r.size <= from) continue;
    ++total;
    if (best.size() < keep) {
      best.emplace_back(r.addr, id);
      std::push_heap(best.begin(), best.end());
    } else if (keep > 0 && r.addr < best.front().first) {
      std::pop_heap(best.begin(), best.end());
      best.back() = {r.addr, id};
      std::push_heap(best.begin(), best.end());
    }
  }
  std::sort_heap(best.begin(), best.end());
  std::vector<ObjectId> ids(best.size());
  for (std::size_t i = 0; i < best.size(); ++i) ids[i] = best[i].second;
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
  const bool bump = m.heap_settings.collector == Collector::mark_compact;
  v.regions.push_back(RegionView{"Java heap", SpaceId::java_heap,
                                 bump ? RegionKind::single : RegionKind::free_list, h.bottom(),
                                 h.space.size(), h.used, bump ? h.top : h.end()});

  // Mid-GC (phases 2-4) a reference may already hold its object's forwarding address; during
  // phase 3 that address is the one to follow, even if another object still starts there.
  // (forwarding address, id), sorted: a vector rather than a hash map, as a 1M-object GC forwards 500k
  // objects and sliding compaction keeps them in order (no sort needed). The last id wins for a repeated
  // address. Built on first use (phase 3 always needs it; phases 2 and 4 only for an address no object starts
  // at).
  std::vector<std::pair<std::uint64_t, ObjectId>> by_forwardee;
  const bool forwarding =
      h.phase == GcPhase::forward || h.phase == GcPhase::adjust || h.phase == GcPhase::move;
  bool indexed = false;
  auto forwarded_to = [&](std::uint64_t a) -> ObjectId {
    if (!forwarding) return kNoObject;
    if (!indexed) {
      indexed = true;
      for (ObjectId id = 1; id < h.objects.size(); ++id) {
        const ObjectRecord& rec = h.objects.at(id);
        std::uint64_t fwd = 0;
        if (rec.state == ObjectState::live && state_of(h, rec, &fwd) == BlockState::forwarded)
          by_forwardee.emplace_back(fwd, id);
      }
      if (!std::is_sorted(by_forwardee.begin(), by_forwardee.end()))
        std::sort(by_forwardee.begin(), by_forwardee.end());
    }
    auto it = std::upper_bound(by_forwardee.begin(), by_forwardee.end(), std::make_pair(a, ~ObjectId{0}));
    if (it == by_forwardee.begin() || (--it)->first != a) return kNoObject;
    return it->second;
  };
  const bool adjusting = h.phase == GcPhase::adjust;
  auto resolve = [&](std::uint32_t narrow) -> ObjectId {
    const std::uint64_t a = narrow_oop::decode(narrow);
    if (adjusting)
      if (const ObjectId fw = forwarded_to(a); fw != kNoObject) return fw;
    if (ObjectId t = h.object_at(a); t != kNoObject) return t;
    return adjusting ? kNoObject : forwarded_to(a);
  };

  // Roots, and the labels they give to objects.
  std::unordered_map<ObjectId, std::string> labels;
  for (std::uint32_t i = 0; i < m.roots.slots.size(); ++i) {
    const Root& r = m.roots.slots[i];
    if (!r.active) continue;
    const ObjectId t = resolve(r.value);
    v.roots.push_back(RootView{i, std::string(root_kind_name(r.kind)), r.scope, r.name, t,
                               narrow_oop::decode(r.value), r.jvm_slot, r.stale});
    if (t != kNoObject) {
      auto& l = labels[t];
      l += (l.empty() ? "" : ", ") + r.name;
    }
  }

  const bool windowed = opts.window_end > opts.window_begin;
  const std::uint64_t win_from = windowed ? std::max(opts.window_begin, h.bottom()) : h.bottom();
  const std::uint64_t win_to = windowed ? std::min(opts.window_end, h.end()) : h.end();
  std::size_t in_window = 0;
  const std::vector<ObjectId> ids = live_by_address(h, win_from, win_to, opts.max_blocks, in_window);
  v.truncated = in_window > opts.max_blocks;
  std::uint64_t cursor = win_from;
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
  if (!v.truncated) add_free(cursor, win_to);

  for (const RootView& r : v.roots) {
    if (r.addr == 0) continue;
    const Root& root = m.roots.slots[r.slot];
    v.arrows.push_back(
        ArrowView{kNoObject, static_cast<std::int32_t>(r.slot), 0, root.name, resolve(root.value), r.addr});
  }
  for (const BlockView& b : v.blocks) {
    if (b.id == kNoObject || b.state == BlockState::filler) continue;
    const Klass& k = m.klasses->at(h.objects.at(b.id).klass);
    auto add = [&](std::uint64_t slot, std::string field) {
      const std::uint32_t val = h.space.read_u32(slot);
      if (val == 0) return;
      v.arrows.push_back(ArrowView{b.id, -1, static_cast<std::uint32_t>(slot - b.addr), std::move(field),
                                   resolve(val), narrow_oop::decode(val)});
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
  counter(v, "max_memory", "Runtime.maxMemory()", "Runtime.maxMemory()", runtime_max_memory(m.heap_settings));
  counter(v, "live_objects", "Live objects", "存活对象数", h.live_objects - h.filler_objects);
  counter(v, "free_bytes", "Free (bytes)", "空闲（字节）", free_total);
  counter(v, "largest_free", "Largest free chunk (bytes)", "最大空闲块（字节）", largest);
  counter(v, "free_chunks", "Free chunks", "空闲块数",
          bump ? (h.top < h.end() ? 1 : 0) : h.free_chunks.size());
  counter(v, "gc_count", "Full GCs", "Full GC 次数", h.counter(HeapCounter::gc_count));
  counter(v, "objects_moved", "Objects moved", "移动的对象数", h.counter(HeapCounter::objects_moved));
  counter(v, "bytes_moved", "Bytes moved", "移动的字节数", h.counter(HeapCounter::bytes_moved));
  counter(v, "objects_freed", "Objects reclaimed", "回收的对象数", h.counter(HeapCounter::objects_freed));
  counter(v, "bytes_freed", "Bytes reclaimed", "回收的字节数", h.counter(HeapCounter::bytes_freed));
  counter(v, "dead_wood_bytes", "Dead wood (bytes)", "死木（字节）", h.counter(HeapCounter::dead_wood_bytes));
  counter(v, "objects_allocated", "Objects allocated", "分配的对象数",
          h.counter(HeapCounter::objects_allocated));
  counter(v, "references_pending", "References pending", "待处理引用数", h.pending_references.size());
  io::append_io_view(m, v);  // kernel, device and I/O counters
  nio::add_nio_view(m, v);   // native memory region, blocks, address arrows, buffer pools
  return v;
}

std::vector<OccupancyBucket> occupancy(const Machine& m, SpaceId space, std::size_t buckets) {
  return occupancy(m, space, buckets, m.heap.bottom(), m.heap.bottom() + m.heap.space.size());
}

std::vector<OccupancyBucket> occupancy(const Machine& m, SpaceId space, std::size_t buckets,
                                       std::uint64_t begin, std::uint64_t end) {
  std::vector<OccupancyBucket> out;
  const JavaHeap& h = m.heap;
  begin = std::max(begin, h.bottom());
  end = std::min(end, h.bottom() + h.space.size());
  if (space != SpaceId::java_heap || buckets == 0 || end <= begin) return out;
  const std::uint64_t base = begin, size = end - begin;
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
    std::uint64_t a = std::max(rec.addr, base);
    const std::uint64_t e = std::min(rec.addr + rec.size, base + size);
    if (a >= e) continue;
    for (std::size_t b = bucket_of(a); a < e && b < buckets; ++b) {
      const std::uint64_t take = std::min(e, out[b].end) - a;
      if (rec.flags & ObjectRecord::kFiller)
        out[b].filler += take;
      else if (rec.flags & ObjectRecord::kGarbage)
        out[b].garbage += take;
      else
        out[b].live += take;
      a += take;
    }
  }
  for (auto& b : out) b.free = (b.end - b.begin) - b.live - b.filler - b.garbage;
  return out;
}

std::vector<FieldView> object_fields(const Machine& m, ObjectId id, std::size_t max_elements) {
  std::vector<FieldView> out;
  const JavaHeap& h = m.heap;
  if (!h.is_live(id)) return out;
  const ObjectRecord& rec = h.record(id);
  const Klass& k = m.klasses->at(rec.klass);
  const std::uint64_t a = rec.addr;
  out.push_back(FieldView{"mark word", "header", 0, 8, hex_text(h.mark_word(a)), kNoObject});
  out.push_back(
      FieldView{"klass", "header", 8, 4, hex_text(h.narrow_klass(a)) + " (" + k.name + ")", kNoObject});
  auto value_of = [&](FieldType t, std::uint64_t at, FieldView& f) {
    switch (t) {
      case FieldType::reference: {
        const std::uint32_t v = h.space.read_u32(at);
        f.ref = object_of_ref(m, v);
        f.value = v == 0 ? "null" : hex_text(v) + (f.ref ? " (" + describe(m, f.ref) + ")" : "");
        break;
      }
      case FieldType::boolean_:
        f.value = h.space.read_u8(at) ? "true" : "false";
        break;
      case FieldType::byte_:
        f.value = std::to_string(static_cast<std::int8_t>(h.space.read_u8(at)));
        break;
      case FieldType::char_:
      case FieldType::short_: {
        std::int16_t v;
        h.space.read(at, &v, 2);
        f.value = t == FieldType::char_ ? std::to_string(static_cast<std::uint16_t>(v)) : std::to_string(v);
        break;
      }
      case FieldType::int_:
        f.value = std::to_string(static_cast<std::int32_t>(h.space.read_u32(at)));
        break;
      case FieldType::float_: {
        float v;
        h.space.read(at, &v, 4);
        f.value = std::to_string(v);
        break;
      }
      case FieldType::long_:
        f.value = std::to_string(static_cast<std::int64_t>(h.space.read_u64(at)));
        break;
      case FieldType::double_: {
        double v;
        h.space.read(at, &v, 8);
        f.value = std::to_string(v);
        break;
      }
    }
  };
  if (!k.is_array()) {
    for (const FieldInfo& fi : k.fields) {
      FieldView f{fi.name,
                  fi.type == FieldType::reference ? (fi.ref_type.empty() ? "Object" : fi.ref_type)
                                                  : std::string(field_type_name(fi.type)),
                  fi.offset,
                  field_size(fi.type),
                  "",
                  kNoObject};
      value_of(fi.type, a + fi.offset, f);
      out.push_back(std::move(f));
    }
    return out;
  }
  const std::uint32_t len = h.array_length(a);
  out.push_back(FieldView{"length", "int", layout::kArrayLengthOffset, 4, std::to_string(len), kNoObject});
  const std::string elem =
      k.elem_type == FieldType::reference ? "Object" : std::string(field_type_name(k.elem_type));
  for (std::uint32_t i = 0; i < len && i < max_elements; ++i) {
    const std::uint32_t off = layout::kArrayHeader + i * k.elem_size;
    FieldView f{"[" + std::to_string(i) + "]", elem, off, k.elem_size, "", kNoObject};
    value_of(k.elem_type, a + off, f);
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> hex_dump(const Machine& m, std::uint64_t addr, std::uint64_t len) {
  std::vector<std::string> lines;
  const AddressSpace& s = m.heap.space;
  for (std::uint64_t a = addr; a < addr + len; a += 16) {
    std::string line = hex_text(a) + ":";
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
