#include <doctest/doctest.h>

#include <random>
#include <sstream>

#include "heap_fixture.hpp"
#include "heapviz/engine/view.hpp"
#include "heapviz/heap/collector.hpp"
#include "heapviz/heap/invariants.hpp"
#include "heapviz/heap/java_throwable.hpp"

using namespace heapviz;
using namespace heapviz::heap;
using test::HeapFixture;

namespace {

// A random program: allocations, stores, drops and GCs, driven by a seeded generator.
// Returns the machine states before and after each mark-compact GC (for check_compaction).
void random_program(HeapFixture& f, std::uint32_t seed, int ops,
                    std::vector<std::pair<std::size_t, std::size_t>>* gcs = nullptr) {
  std::mt19937 rng(seed);
  const KlassId node = f.node();
  std::vector<ObjectId> live;  // candidates (may have died)
  auto pick = [&]() -> ObjectId {
    if (live.empty()) return kNoObject;
    const ObjectId id = live[rng() % live.size()];
    return f.machine.heap.is_live(id) ? id : kNoObject;
  };
  for (int i = 0; i < ops; ++i) {
    f.rec.set_source_pos({static_cast<std::uint32_t>(i + 1), 1});
    try {
      switch (rng() % 10) {
        case 0:
        case 1:
        case 2: {
          const ObjectId o = new_instance(f.rec, node);
          live.push_back(o);
          if (rng() % 2)
            set_local(f.rec, "main/main", "v" + std::to_string(rng() % 6), o);
          else if (ObjectId p = pick();
                   p != kNoObject && f.machine.klasses->at(f.machine.heap.record(p).klass).name == "Node")
            store_ref(f.rec, p, "next", o);
          break;
        }
        case 3: {
          const ObjectId a =
              new_array(f.rec, rng() % 2 ? builtin::kByteArray : builtin::kObjectArray, rng() % 40);
          live.push_back(a);
          set_local(f.rec, "main/main", "v" + std::to_string(rng() % 6), a);
          break;
        }
        case 4:
        case 5: {
          const ObjectId p = pick(), q = pick();
          if (p == kNoObject) break;
          const Klass& k = f.machine.klasses->at(f.machine.heap.record(p).klass);
          if (k.name == "Node") {
            store_ref(f.rec, p, "next", q);
            store_prim(f.rec, p, "v", static_cast<std::int64_t>(rng()));
          } else if (k.kind == KlassKind::object_array && f.machine.heap.array_length(f.addr(p)) > 0) {
            store_element(f.rec, p,
                          static_cast<std::uint32_t>(rng() % f.machine.heap.array_length(f.addr(p))), q);
          }
          break;
        }
        case 6:
        case 7:
          set_local(f.rec, "main/main", "v" + std::to_string(rng() % 6), kNoObject);
          break;
        case 8:
          set_root(f.rec, RootKind::static_field, "Main", "s" + std::to_string(rng() % 2), pick());
          break;
        case 9: {
          const std::size_t before = f.trace.size();
          collect(f.rec, GcCause::system_gc);
          if (gcs) gcs->emplace_back(before, f.trace.size());
          break;
        }
      }
    } catch (const JavaException& e) {
      CHECK(e.throwable.to_string() == "java.lang.OutOfMemoryError: Java heap space");
      set_local(f.rec, "main/main", "v0", kNoObject);
    }
  }
}

}  // namespace

TEST_CASE("randomized programs keep every invariant after every step, under both collectors") {
  for (const char* flags :
       {"-Xmx4k -XX:+UseSerialGC", "-Xmx4k -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0",
        "-Xmx4k -XX:+UseConcMarkSweepGC", "-Xmx2k -XX:+UseSerialGC -XX:MarkSweepDeadRatio=20"}) {
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
      CAPTURE(flags);
      CAPTURE(seed);
      TraceOptions opts;
      opts.per_event_steps = 8;  // exercise batching too
      opts.batch_size = 5;
      opts.checkpoint_every = 16;
      opts.min_checkpoint_work = 0;
      HeapFixture f(flags, opts);
      std::vector<std::pair<std::size_t, std::size_t>> gcs;
      random_program(f, seed, 300, &gcs);
      TracePlayer player(f.trace);
      for (std::size_t k = 0; k <= f.trace.size(); ++k) {
        player.seek(k);
        const auto errs = check_invariants(player.state());
        if (!errs.empty()) {
          CAPTURE(k);
          CHECK(errs.front() == "");
          break;
        }
      }
      CHECK(player.state() == f.machine);
      if (f.machine.heap_settings.collector == Collector::mark_compact) {
        for (const auto& [from, to] : gcs) {
          const auto errs = check_compaction(f.trace.state_at(from), f.trace.state_at(to));
          CHECK(errs.empty());
          if (!errs.empty()) break;
        }
      }
    }
  }
}

TEST_CASE("state_at(k) equals the state reached by running forward, for random k, both directions") {
  TraceOptions opts;
  opts.checkpoint_every = 10;
  opts.min_checkpoint_work = 0;
  opts.per_event_steps = 4;
  opts.batch_size = 3;
  HeapFixture f("-Xmx8k", opts);
  // Record the forward states as we go by replaying the trace step by step from the start.
  random_program(f, 42, 400);
  REQUIRE(f.trace.size() > 200);
  std::vector<Machine> forward;
  Machine m = f.trace.state_at(0);
  forward.push_back(m);
  for (std::size_t k = 0; k < f.trace.size(); ++k) {
    f.trace.replay(m, k, k + 1);
    forward.push_back(m);
  }
  CHECK(forward.back() == f.machine);
  std::mt19937 rng(7);
  TracePlayer player(f.trace);
  std::uint64_t worst = 0;
  for (int i = 0; i < 200; ++i) {
    const std::size_t k = rng() % (f.trace.size() + 1);
    CHECK(f.trace.state_at(k) == forward[k]);
    player.seek(k);
    CHECK(player.state() == forward[k]);
    worst = std::max(worst, player.last_seek_effects());
  }
  // Stepping back costs no more than replaying from a checkpoint; stepping forward by one is one step.
  std::uint64_t max_gap = 0;
  for (std::size_t k = 0; k < f.trace.size(); ++k) {
    std::uint64_t from_cp = 0;
    for (std::size_t j = f.trace.checkpoint_before(k); j < k; ++j) from_cp += f.trace.step(j).effect_count;
    max_gap = std::max(max_gap, from_cp);
  }
  for (std::size_t k = f.trace.size(); k-- > 1;) {
    player.seek(k);
    player.seek(k - 1);
    CHECK(player.last_seek_effects() <= max_gap);
    player.seek(k);
    CHECK(player.last_seek_effects() <= f.trace.step(k - 1).effect_count);  // 0 when k is a checkpoint
  }
  CHECK(worst <= max_gap + 1'000);
}

TEST_CASE("same inputs, same trace, byte for byte") {
  auto run = [](const char* flags) {
    HeapFixture f(flags);
    random_program(f, 2024, 250);
    std::ostringstream dump;
    f.trace.dump(dump);
    return std::make_pair(f.trace.hash(), dump.str());
  };
  const auto a = run("-Xmx4k");
  const auto b = run("-Xmx4k");
  CHECK(a.first == b.first);
  CHECK(a.second == b.second);
  CHECK(a.second.size() > 10'000);
  CHECK(run("-Xmx4k -XX:MarkSweepDeadRatio=0").first != a.first);
  CHECK(run("-Xmx4k -XX:+UseConcMarkSweepGC").first != a.first);
}

TEST_CASE("steps carry kind, objects, ranges, source position and narration in both languages") {
  HeapFixture f("-Xmx1m");
  f.rec.set_source_pos({3, 9});
  const ObjectId o = new_instance(f.rec, builtin::kObject);
  const Step& s = f.trace.step(0);
  CHECK(s.kind == StepKind::alloc);
  CHECK(s.pos == SourcePos{3, 9});
  CHECK(s.objects == std::vector<std::uint32_t>{o});
  REQUIRE(s.ranges.size() == 1);
  CHECK(s.ranges[0].from == f.machine.heap.bottom());
  CHECK(s.ranges[0].length == 16);
  CHECK(s.text.en.find("16 bytes at 0x") != std::string::npos);
  CHECK_FALSE(s.text.zh.empty());
  CHECK(s.text.internals.find("MemAllocator") != std::string::npos);
  for (const Step& st : f.trace.steps()) CHECK_FALSE(st.text.en.empty());
}

TEST_CASE("recording off: effects apply, nothing is kept") {
  Machine m{HeapFixture::settings_from("-Xmx1m -XX:MarkSweepDeadRatio=0")};
  Recorder rec(m, nullptr);
  const ObjectId a = new_instance(rec, builtin::kObject);
  new_instance(rec, builtin::kObject);
  set_local(rec, "t", "a", a);
  collect(rec, GcCause::system_gc);
  CHECK(m.heap.live_objects == 1);
  CHECK(check_invariants(m).empty());
}

TEST_CASE("view: blocks, arrows, roots, counters and occupancy") {
  HeapFixture f("-Xmx64m -XX:MarkSweepDeadRatio=0");
  const KlassId node = f.node();
  const ObjectId a = new_instance(f.rec, node);
  const ObjectId b = new_instance(f.rec, node);
  new_array(f.rec, builtin::kByteArray, 100);
  store_ref(f.rec, a, "next", b);
  set_local(f.rec, "main/main", "head", a);
  View v = make_view(f.machine);
  REQUIRE(v.blocks.size() == 4);  // a, b, byte[], free tail
  CHECK(v.blocks[0].id == a);
  CHECK(v.blocks[0].label == "head");
  CHECK(v.blocks[0].type == "Node");
  CHECK(v.blocks[2].type == "byte[]");
  CHECK(v.blocks[2].array_length == 100);
  CHECK(v.blocks[3].state == BlockState::free);
  REQUIRE(v.arrows.size() == 2);
  CHECK(v.arrows[0].from == kNoObject);
  CHECK(v.arrows[0].to == a);
  CHECK(v.arrows[1].from == a);
  CHECK(v.arrows[1].field == "next");
  CHECK(v.arrows[1].offset == 16);
  CHECK(v.arrows[1].to == b);
  CHECK(v.roots.size() == 1);
  const auto occ = occupancy(f.machine, SpaceId::java_heap, 1000);
  REQUIRE(occ.size() == 1000);
  CHECK(occ[0].live == 24 + 24 + 120);
  std::uint64_t total = 0;
  for (const auto& b2 : occ) total += b2.live + b2.free + b2.filler + b2.garbage;
  CHECK(total == 64u << 20);
  // After marking, unreachable objects show as unmarked garbage.
  collect(f.rec, GcCause::system_gc);
  bool saw_garbage = false;
  for (std::size_t k = 0; k < f.trace.size(); ++k)
    if (f.trace.step(k).kind == StepKind::gc_phase && f.trace.step(k).text.en.rfind("Phase 2", 0) == 0) {
      const View mid = make_view(f.trace.state_at(k));
      for (const auto& blk : mid.blocks)
        saw_garbage |= blk.type == "byte[]" && blk.state == BlockState::unmarked;
      const auto o = occupancy(f.trace.state_at(k), SpaceId::java_heap, 10);
      CHECK(o[0].garbage == 120);
    }
  CHECK(saw_garbage);
  ViewOptions window;
  window.window_begin = f.machine.heap.bottom() + 24;
  window.window_end = f.machine.heap.bottom() + 48;
  const View w = make_view(f.machine, window);
  REQUIRE_FALSE(w.blocks.empty());
  CHECK(w.blocks[0].addr == f.machine.heap.bottom() + 24);
  ViewOptions tiny;
  tiny.max_blocks = 1;
  CHECK(make_view(f.machine, tiny).truncated);
  const auto fields = object_fields(f.machine, a);
  REQUIRE(fields.size() == 4);  // mark word, klass, v, next
  CHECK(fields[0].value == "0x1");
  CHECK(fields[2].name == "v");
  CHECK(fields[2].value == "0");
  CHECK(fields[3].name == "next");
  CHECK(fields[3].ref == b);
  CHECK(fields[3].value.find("Node#") != std::string::npos);
  CHECK(object_fields(f.machine, 9999).empty());
  const auto dump = hex_dump(f.machine, f.machine.heap.bottom(), 16);
  REQUIRE(dump.size() == 1);
  CHECK(dump[0].rfind("0xfc000000: 01 00 00 00 00 00 00 00", 0) == 0);
}

TEST_CASE("checkpoints stay few and cheap for a big heap with small steps") {
  HeapFixture f("-Xmx1g");
  const KlassId node = f.node();
  ObjectId prev = kNoObject;
  for (int i = 0; i < 600; ++i) {
    const ObjectId n = new_instance(f.rec, node);
    store_ref(f.rec, n, "next", prev);
    set_local(f.rec, "main/main", "head", n);
    prev = n;
  }
  CHECK(f.trace.size() == 1800);
  CHECK(f.trace.checkpoint_count() <= 4);     // replay work, not step count, decides
  CHECK(f.trace.memory_bytes() < 64u << 20);  // page tables are shared, untouched pages cost nothing
  const Machine mid = f.trace.state_at(900);
  CHECK(mid.heap.live_objects == 300);
  CHECK(check_invariants(mid).empty());
}

TEST_CASE("many random programs end in a consistent state that replays exactly") {
  for (const char* flags : {"-Xmx2k", "-Xmx3k -XX:MarkSweepDeadRatio=0 -XX:MarkSweepAlwaysCompactCount=1",
                            "-Xmx2k -XX:+UseConcMarkSweepGC",
                            "-Xmx6k -XX:MarkSweepDeadRatio=50 -XX:MarkSweepAlwaysCompactCount=3"}) {
    for (std::uint32_t seed = 100; seed < 140; ++seed) {
      CAPTURE(flags);
      CAPTURE(seed);
      HeapFixture f(flags);
      random_program(f, seed, 200);
      const auto errs = check_invariants(f.machine);
      CHECK(errs.empty());
      if (!errs.empty()) CHECK(errs.front() == "");
      CHECK(f.trace.state_at(f.trace.size()) == f.machine);
    }
  }
}
