#include "heapviz/engine/machine.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace heapviz {

using namespace heap;

Machine::Machine(const Settings& s) : IoMachine(s.heap, s.nio, s.io) {}

namespace {

// The io state for a change in place. Published states (io_history) and states shared with a checkpoint
// or another copy of the machine never change, so a shared state is copied first (its pages stay shared
// until written). A state nothing else holds was made here, not const, so the cast is sound.
io::IoSpaces& writable_io(Machine& m) {
  if (m.io.use_count() != 1) m.io = std::make_shared<io::IoSpaces>(*m.io);
  return const_cast<io::IoSpaces&>(*m.io);
}

}  // namespace

void apply_effect(Machine& m, const Effect& e, std::span<const std::uint8_t> payload) {
  JavaHeap& h = m.heap;
  switch (e.kind) {
    case EffectKind::write_bytes:
    case EffectKind::mapped_store: {
      std::uint8_t buf[8];
      std::memcpy(buf, &e.c, 8);
      const std::uint8_t* src = e.b <= 8 ? buf : payload.data() + e.c;
      if (e.kind == EffectKind::mapped_store) {
        writable_io(m).kernel.mapped_write(
            e.a, std::span<const std::byte>(reinterpret_cast<const std::byte*>(src), e.b));
      } else if (e.space == SpaceId::native) {
        m.native.write(e.a, std::span<const std::byte>(reinterpret_cast<const std::byte*>(src), e.b));
      } else {
        h.space.write(e.a, src, e.b);
      }
      break;
    }
    case EffectKind::object_alloc: {
      if (h.objects.size() <= e.id) h.objects.resize(e.id + 1);
      ObjectRecord& r = h.objects.mut(e.id);
      r = ObjectRecord{e.a, static_cast<std::uint32_t>(e.b), static_cast<KlassId>(e.small & 0x7fff),
                       ObjectState::live,
                       static_cast<std::uint8_t>((e.small & 0x8000) ? ObjectRecord::kFiller : 0)};
      h.space.zero(e.a, e.b);
      h.space.write_u64(e.a, layout::kMarkUnlocked);
      h.space.write_u32(e.a + layout::kKlassOffset, m.klasses->at(r.klass).narrow_klass);
      if (e.c != ~std::uint64_t{0})
        h.space.write_u32(e.a + layout::kArrayLengthOffset, static_cast<std::uint32_t>(e.c));
      h.set_start(e.a, e.id);
      h.used += e.b;
      h.live_objects += 1;
      if (r.flags & ObjectRecord::kFiller) h.filler_objects += 1;
      break;
    }
    case EffectKind::object_move:
      h.apply_move(e.id, e.a, e.b);
      break;
    case EffectKind::object_kill:
      h.apply_kill(e.id);
      break;
    case EffectKind::heap_top:
      h.top = e.a;
      break;
    case EffectKind::free_chunk:
      if (e.b == 0) {
        h.free_chunks.erase(e.a);
      } else {
        h.free_chunks[e.a] = e.b;
      }
      break;
    case EffectKind::root_define: {
      if (m.roots.slots.size() <= e.id) m.roots.slots.resize(e.id + 1);
      const char* p = reinterpret_cast<const char*>(payload.data() + e.c);
      const std::string_view both(p, e.b);
      const auto nul = both.find('\0');
      m.roots.slots[e.id] = Root{static_cast<RootKind>(e.small & 0xff),
                                 std::string(both.substr(0, nul)),
                                 std::string(both.substr(nul + 1)),
                                 0,
                                 true,
                                 static_cast<std::int32_t>(e.a) - 1,
                                 (e.small & kRootDefineStale) != 0};
      break;
    }
    case EffectKind::root_set:
      m.roots.slots.at(e.id).value = static_cast<std::uint32_t>(e.a);
      break;
    case EffectKind::root_deactivate:
      m.roots.slots.at(e.id).active = false;
      break;
    case EffectKind::counter_add:
      h.counters.at(e.small) += e.a;
      break;
    case EffectKind::gc_phase:
      h.phase = static_cast<GcPhase>(e.small);
      break;
    case EffectKind::pending_reference:
      h.pending_references.push_back(e.id);
      break;
    case EffectKind::object_flags:
      h.objects.mut(e.id).flags |= static_cast<std::uint8_t>(e.small);
      break;
    case EffectKind::io_state:
      m.io = m.io_history->states.at(e.a);
      break;
    case EffectKind::pending_clear:
      h.pending_references.clear();
      break;
    case EffectKind::native_malloc:
      if (m.native.malloc(e.a) != e.b)
        throw std::logic_error("native_malloc replay returned another address");
      break;
    case EffectKind::native_free:
      m.native.free(e.a);
      break;
    case EffectKind::native_fill: {
      const std::vector<std::byte> fill(e.b, static_cast<std::byte>(e.small));
      m.native.write(e.a, fill);
      break;
    }
    case EffectKind::bits_add: {
      auto add = [&](auto& pool) {
        pool.count += static_cast<std::int64_t>(e.a);
        if constexpr (requires { pool.reserved_memory; }) {
          pool.reserved_memory += static_cast<std::int64_t>(e.b);
        } else {
          pool.memory_used += static_cast<std::int64_t>(e.b);
        }
        pool.total_capacity += static_cast<std::int64_t>(e.c);
      };
      if (e.small == static_cast<std::uint16_t>(nio::PoolId::mapped)) {
        add(m.mapped);
      } else {
        add(m.bits);
      }
      break;
    }
    case EffectKind::bits_limit:
      m.bits.max_memory = static_cast<std::int64_t>(e.a);
      m.bits.memory_limit_set = true;
      break;
    case EffectKind::clock_advance:
      m.clock_ms += e.a;
      break;
    case EffectKind::pending_take: {
      auto& p = h.pending_references;
      if (auto it = std::find(p.begin(), p.end(), e.id); it != p.end()) p.erase(it);
      break;
    }
  }
}

}  // namespace heapviz
