#include <doctest/doctest.h>

#include "heapviz/engine/machine.hpp"
#include "heapviz/heap/heap_settings.hpp"

using namespace heapviz::heap;

TEST_CASE("JVM flags parse into heap settings") {
  auto p = parse_jvm_flags(
      "-Xmx64m -Xms16m -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0 -XX:MarkSweepAlwaysCompactCount=2 -ea");
  REQUIRE(p.ok());
  CHECK(p.settings.max_heap == 64ull << 20);
  CHECK(p.settings.initial_heap == 16ull << 20);
  CHECK(p.settings.collector == Collector::mark_compact);
  CHECK(p.settings.dead_ratio == 0);
  CHECK(p.settings.always_compact_count == 2);
  CHECK(p.unknown == std::vector<std::string>{"-ea"});

  auto cms = parse_jvm_flags("-XX:+UseConcMarkSweepGC -Xmx1g");
  REQUIRE(cms.ok());
  CHECK(cms.settings.collector == Collector::mark_sweep);
  REQUIRE(cms.notes.size() == 1);
  CHECK(cms.notes[0].find("removed in JDK 14") != std::string::npos);
  REQUIRE(cms.notes_zh.size() == 1);  // the GUI's Chinese shows the same note
  CHECK(cms.notes_zh[0].find("JDK 14 移除") != std::string::npos);

  auto xms = parse_jvm_flags("-Xms128m");
  REQUIRE(xms.ok());
  CHECK(xms.settings.max_heap == 128ull << 20);  // -Xms alone raises the default -Xmx

  std::uint64_t v = 0;
  CHECK(parse_jvm_size("512K", v));
  CHECK(v == 524288);
  CHECK(parse_jvm_size("4096", v));
  CHECK(v == 4096);
  CHECK_FALSE(parse_jvm_size("12q", v));
  CHECK_FALSE(parse_jvm_size("m", v));
  CHECK_FALSE(parse_jvm_size("99999999999999999999", v));
}

TEST_CASE("bad settings give clear errors, never a crash") {
  CHECK(parse_jvm_flags("-Xmx0").error.find("Invalid maximum heap size") != std::string::npos);
  CHECK(parse_jvm_flags("-Xmxabc").error == "Invalid maximum heap size: -Xmxabc");
  CHECK(parse_jvm_flags("-Xmx64").error.find("Too small maximum heap") != std::string::npos);
  CHECK(parse_jvm_flags("-Xmx3g").error.find("larger than heapviz simulates") != std::string::npos);
  CHECK(parse_jvm_flags("-Xmx1001").error.find("multiple of 8") != std::string::npos);
  CHECK(parse_jvm_flags("-Xmx4194305").ok());  // the JDK rounds it up to 6 MiB
  CHECK(as_jdk_launches(parse_jvm_flags("-Xmx16m -Xms32m").settings).error ==
        "Initial heap size set to a larger value than the maximum heap size");
  CHECK(parse_jvm_flags("-XX:MarkSweepDeadRatio=x").error.find("MarkSweepDeadRatio") != std::string::npos);
  CHECK(parse_jvm_flags("-XX:MarkSweepDeadRatio=101").error.find("0..100") != std::string::npos);
  CHECK(parse_jvm_flags("-XX:MarkSweepAlwaysCompactCount=0").error.find("at least 1") != std::string::npos);
  heapviz::Settings s;
  s.heap.max_heap = 0;
  CHECK_THROWS_AS(heapviz::Machine{s}, heapviz::SettingsError);
}

TEST_CASE("heap placement and Runtime.maxMemory() as JDK 17 Serial reports them") {
  HeapSettings s;
  s.max_heap = 64ull << 20;
  CHECK(heap_base(s) == 0xfc000000);
  CHECK(runtime_max_memory(s) == 64880640);  // jdk-facts.md §1, EXP with -Xmx64m
  s.max_heap = 1ull << 30;
  CHECK(runtime_max_memory(s) ==
        (314560ull + 699072ull) * 1024);  // DefNew 314560K + Tenured 699072K (§4 log)
}

TEST_CASE(
    "young-generation flags are accepted with a one-space note, -Xmn sets Runtime.maxMemory() as JDK 17 "
    "does") {
  auto p = parse_jvm_flags("-XX:+UseSerialGC -Xmx64m -Xmn2m");
  REQUIRE(p.ok());
  CHECK(p.unknown.empty());
  REQUIRE(p.notes.size() == 1);
  CHECK(p.notes[0].find("one space") != std::string::npos);
  CHECK(p.notes[0].find("-Xmn2m") != std::string::npos);
  REQUIRE(p.notes_zh.size() == 1);
  CHECK(p.notes_zh[0].find("单一空间") != std::string::npos);
  CHECK(p.notes_zh[0].find("-Xmn2m") != std::string::npos);
  CHECK(p.settings.max_heap == 64ull << 20);  // the simulated heap is still all of -Xmx
  CHECK(p.settings.new_size == 2ull << 20);
  CHECK(p.settings.max_new_size == 2ull << 20);
  // java -XX:+UseSerialGC -Xmx64m -XmnN on JDK 17: maxMemory = Xmx - align_down(N / 10, 64K) (at least 64K).
  CHECK(runtime_max_memory(p.settings) == 66912256);
  CHECK(runtime_max_memory(parse_jvm_flags("-Xmx64m -Xmn1m").settings) == 67043328);
  CHECK(runtime_max_memory(parse_jvm_flags("-Xmx64m -Xmn20m").settings) == 65011712);
  CHECK(runtime_max_memory(parse_jvm_flags("-Xmx64m -Xmn32m").settings) == 63766528);
  CHECK(runtime_max_memory(parse_jvm_flags("-Xmx64m").settings) == 64880640);  // unchanged without -Xmn

  for (const char* f : {"-XX:NewSize=2m", "-XX:MaxNewSize=2m", "-XX:NewRatio=3", "-XX:SurvivorRatio=6"}) {
    auto q = parse_jvm_flags(std::string("-Xmx64m ") + f);
    REQUIRE(q.ok());
    CHECK(q.unknown.empty());
    REQUIRE(q.notes.size() == 1);
    CHECK(q.notes[0].find(f) != std::string::npos);
  }
  CHECK(parse_jvm_flags("-Xmnfoo").error ==
        "Invalid initial young generation size: -Xmnfoo");  // the JDK's words
  CHECK(parse_jvm_flags("-Xmn0").error == "Invalid initial young generation size: -Xmn0");
}

TEST_CASE("-Xmx is rounded up to the 2 MiB heap alignment before it sizes Runtime.maxMemory(), as JDK 17") {
  // java -XX:+UseSerialGC -XmxN printing Runtime.getRuntime().maxMemory() (OpenJDK 17.0.15).
  const std::pair<const char*, std::uint64_t> measured[] = {
      {"-Xmx2m", 2031616},
      {"-Xmx3m", 4063232},
      {"-Xmx5m", 6094848},
      {"-Xmx7m", 8126464},
      {"-Xmx33m", 34471936},
      {"-Xmx63m", 64880640},
      {"-Xmx65m", 66912256},
      {"-Xmx12345k", 14221312},
      {"-Xmx3000000", 4063232},
      {"-Xmx64m -Xmn63m", 60948480},
      {"-Xmx64m -XX:NewSize=40m", 62914560},
      {"-Xmx64m -XX:MaxNewSize=30m", 63963136},
      {"-Xmx64m -XX:NewRatio=3", 65470464},
      {"-Xmx64m -XX:SurvivorRatio=1", 59703296},
      {"-Xmx10m -XX:NewRatio=4 -XX:SurvivorRatio=3", 10092544},
  };
  for (const auto& [flags, max_memory] : measured) {
    CAPTURE(flags);
    const auto p = parse_jvm_flags(flags);
    REQUIRE(p.ok());
    CHECK(runtime_max_memory(p.settings) == max_memory);
  }
  const JdkLaunch l = as_jdk_launches(parse_jvm_flags("-Xmx63m").settings);
  CHECK(l.error == "");
  CHECK(l.settings.max_heap == 64ull << 20);  // MaxHeapSize=67108864 in -XX:+PrintFlagsFinal
  CHECK(heap_base(l.settings) == 0xfc000000);
}

TEST_CASE("a heap the JDK would not start with is refused with the JDK's words") {
  CHECK(as_jdk_launches(parse_jvm_flags("-Xmx1m").settings).error == "Too small maximum heap");
  CHECK(as_jdk_launches(parse_jvm_flags("-Xmx2047k").settings).error == "Too small maximum heap");
  CHECK(as_jdk_launches(parse_jvm_flags("-Xmx2m").settings).error == "");
  CHECK(as_jdk_launches(parse_jvm_flags("-Xmx64m -Xms512k").settings).error == "Too small initial heap");
  CHECK(as_jdk_launches(parse_jvm_flags("-Xmx64m -XX:NewRatio=0").settings).error ==
        "Invalid young gen ratio specified");
  CHECK_FALSE(parse_jvm_flags("-XX:SurvivorRatio=0").ok());  // out of the flag's range, as the JDK
}
