#include "heapviz/heap/invariants.hpp"

#include <algorithm>
#include <vector>

#include "gc_common.hpp"

namespace heapviz::heap {

using detail::hex;

namespace {

std::vector<ObjectId> live_sorted(const JavaHeap& h) {
  std::vector<ObjectId> ids;
  for (ObjectId id = 1; id < h.objects.size(); ++id)
    if (h.objects.at(id).state == ObjectState::live) ids.push_back(id);
  std::sort(ids.begin(), ids.end(),
            [&](ObjectId a, ObjectId b) { return h.objects.at(a).addr < h.objects.at(b).addr; });
  return ids;
}

template <class F>
void for_each_ref_field(const JavaHeap& h, const Klass& k, std::uint64_t addr, F&& f) {
  if (k.kind == KlassKind::instance) {
    for (const FieldInfo& fi : k.fields)
      if (fi.type == FieldType::reference) f(addr + fi.offset);
  } else if (k.kind == KlassKind::object_array) {
    const std::uint32_t n = h.array_length(addr);
    for (std::uint32_t i = 0; i < n; ++i) f(addr + layout::kArrayHeader + std::uint64_t{i} * 4);
  }
}

}  // namespace

std::vector<std::string> check_invariants(const HeapMachine& m) {
  std::vector<std::string> errs;
  auto err = [&](std::string s) {
    if (errs.size() < 20) errs.push_back(std::move(s));
  };
  const JavaHeap& h = m.heap;
  const KlassTable& kt = *m.klasses;
  const std::vector<ObjectId> ids = live_sorted(h);
  std::uint64_t used = 0;
  std::uint64_t prev_end = h.bottom();
  ObjectId prev = kNoObject;
  for (ObjectId id : ids) {
    const ObjectRecord& r = h.objects.at(id);
    used += r.size;
    if (!h.space.contains(r.addr, r.size) || r.addr % 8 != 0 || r.size % 8 != 0 ||
        r.size < layout::kMinObjectSize) {
      err("object #" + std::to_string(id) + " has a bad place " + hex(r.addr) + "+" + std::to_string(r.size));
      continue;
    }
    if (r.addr < prev_end)
      err("objects #" + std::to_string(prev) + " and #" + std::to_string(id) + " overlap at " + hex(r.addr));
    prev_end = r.addr + r.size;
    prev = id;
    if (h.object_at(r.addr) != id)
      err("start map at " + hex(r.addr) + " does not name object #" + std::to_string(id));
    if (h.narrow_klass(r.addr) != kt.at(r.klass).narrow_klass)
      err("object #" + std::to_string(id) + " has a wrong klass word");
    else if (object_size_at(h, kt, r.addr) != r.size)
      err("object #" + std::to_string(id) + " header size differs from its record");
    if (m.heap_settings.collector == Collector::mark_compact && r.addr + r.size > h.top)
      err("object #" + std::to_string(id) + " lies above top " + hex(h.top));
    if (h.phase == GcPhase::none && h.mark_word(r.addr) != layout::kMarkUnlocked)
      err("object #" + std::to_string(id) + " keeps a GC mark word " + hex(h.mark_word(r.addr)) +
          " outside a GC");
  }
  if (used != h.used)
    err("used bytes " + std::to_string(h.used) + " != sum of live sizes " + std::to_string(used));
  if (ids.size() != h.live_objects)
    err("live object count " + std::to_string(h.live_objects) + " != " + std::to_string(ids.size()));

  // References point at live object starts (not while phases 3-4 rewrite them to future addresses).
  if (h.phase != GcPhase::adjust && h.phase != GcPhase::move) {
    auto check_ref = [&](std::uint32_t v, const std::string& where) {
      if (v == 0) return;
      const ObjectId t = h.object_at(narrow_oop::decode(v));
      if (!h.is_live(t)) err(where + " holds " + hex(v) + ", which is not a live object's start");
    };
    for (const Root& root : m.roots.slots)
      if (root.active) check_ref(root.value, "root '" + root.name + "'");
    for (ObjectId id : ids) {
      const ObjectRecord& r = h.objects.at(id);
      if (r.flags & (ObjectRecord::kFiller | ObjectRecord::kGarbage))
        continue;  // garbage may point at garbage that died first
      for_each_ref_field(h, kt.at(r.klass), r.addr, [&](std::uint64_t slot) {
        check_ref(h.space.read_u32(slot),
                  "object #" + std::to_string(id) + " at +" + std::to_string(slot - r.addr));
      });
    }
  }

  // Free chunks lie inside the heap and do not overlap objects or each other.
  std::uint64_t chunk_end = h.bottom();
  for (const auto& [a, s] : h.free_chunks) {
    if (!h.space.contains(a, s) || s == 0)
      err("free chunk " + hex(a) + "+" + std::to_string(s) + " is outside the heap");
    if (a < chunk_end) err("free chunks overlap at " + hex(a));
    chunk_end = a + s;
    auto it = std::lower_bound(ids.begin(), ids.end(), a, [&](ObjectId id, std::uint64_t x) {
      const ObjectRecord& r = h.objects.at(id);
      return r.addr + r.size <= x;
    });
    if (it != ids.end() && h.objects.at(*it).addr < a + s)
      err("free chunk " + hex(a) + " overlaps object #" + std::to_string(*it));
  }
  return errs;
}

std::vector<std::string> check_compaction(const HeapMachine& before, const HeapMachine& after) {
  std::vector<std::string> errs;
  auto err = [&](std::string s) {
    if (errs.size() < 20) errs.push_back(std::move(s));
  };
  const JavaHeap& a = after.heap;
  const JavaHeap& b = before.heap;
  const std::vector<ObjectId> ids = live_sorted(a);
  // Contiguous from the bottom (dead wood is a filler object, so it counts as an object here).
  std::uint64_t expect = a.bottom();
  for (ObjectId id : ids) {
    const ObjectRecord& r = a.objects.at(id);
    if (r.addr != expect)
      err("after compaction object #" + std::to_string(id) + " is at " + hex(r.addr) + ", expected " +
          hex(expect));
    expect = r.addr + r.size;
  }
  if (expect != a.top) err("top " + hex(a.top) + " is not the end of the last live object " + hex(expect));
  // Sizes conserved, contents unchanged (references translated through the ids).
  std::uint64_t survivors = 0, fillers = 0;
  for (ObjectId id : ids) {
    const ObjectRecord& r = a.objects.at(id);
    if (id >= b.objects.size() || b.objects.at(id).state != ObjectState::live) {
      if (r.flags & ObjectRecord::kFiller) {
        fillers += r.size;
      } else {
        err("object #" + std::to_string(id) + " is live after the GC but was not before");
      }
      continue;
    }
    const ObjectRecord& old = b.objects.at(id);
    survivors += old.size;
    if (old.size != r.size || old.klass != r.klass) {
      err("object #" + std::to_string(id) + " changed size or class");
      continue;
    }
    std::vector<std::uint8_t> x(r.size), y(r.size);
    b.space.read(old.addr, x.data(), r.size);
    a.space.read(r.addr, y.data(), r.size);
    const Klass& k = after.klasses->at(r.klass);
    for_each_ref_field(a, k, r.addr, [&](std::uint64_t slot) {
      const std::uint64_t off = slot - r.addr;
      std::uint32_t ov;
      std::memcpy(&ov, x.data() + off, 4);
      if (ov != 0) {
        const ObjectId target = b.object_at(narrow_oop::decode(ov));
        std::uint32_t nv = 0;
        if (a.is_live(target)) nv = narrow_oop::encode(a.objects.at(target).addr);
        std::memcpy(x.data() + off, &nv, 4);  // what the field must hold now
      }
    });
    std::uint64_t mark = layout::kMarkUnlocked;
    std::memcpy(x.data(), &mark, 8);
    if (x != y)
      err("contents of object #" + std::to_string(id) + " changed in the move " + hex(old.addr) + " -> " +
          hex(r.addr));
  }
  if (survivors + fillers != a.used)
    err("live bytes not conserved: survivors " + std::to_string(survivors) + " + fillers " +
        std::to_string(fillers) + " != used " + std::to_string(a.used));
  return errs;
}

}  // namespace heapviz::heap
