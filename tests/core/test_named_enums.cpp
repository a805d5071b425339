// Names that the command line, lessons and settings files spell: one spelling each, printed and parsed
// by one pair of functions in the core.
#include <doctest/doctest.h>

#include "heapviz/heap/heap_settings.hpp"
#include "heapviz/lang/hypotheticals.hpp"

using heapviz::heap::Collector;
using heapviz::lang::Hypothetical;

TEST_CASE("collector names: to_string and parse_collector round-trip, a bad name says what is known") {
  for (Collector c : heapviz::heap::kCollectors) {
    CAPTURE(to_string(c));
    REQUIRE(heapviz::heap::parse_collector(to_string(c)).has_value());
    CHECK(*heapviz::heap::parse_collector(to_string(c)) == c);
  }
  CHECK(to_string(Collector::mark_compact) == "mark-compact");
  CHECK(to_string(Collector::mark_sweep) == "mark-sweep");
  CHECK(heapviz::heap::collector_label(Collector::mark_compact) == "mark-compact (Serial)");
  CHECK(heapviz::heap::collector_label(Collector::mark_sweep) == "mark-sweep (CMS-style)");
  // Other spellings are not names: the underscore form the settings file once used, a label, case.
  for (const char* bad : {"mark_sweep", "mark-compact (Serial)", "Mark-Sweep", "", "cms"}) {
    CAPTURE(bad);
    CHECK_FALSE(heapviz::heap::parse_collector(bad).has_value());
  }
  CHECK(heapviz::heap::unknown_collector_error("cms") ==
        "unknown collector 'cms' (heapviz knows: mark-compact, mark-sweep)");
}

TEST_CASE("hypothetical mode names: to_string and parse_hypothetical round-trip over every mode") {
  int n = 0;
  for (const heapviz::lang::HypotheticalMode& m : heapviz::lang::hypothetical_modes()) {
    CAPTURE(m.name());
    ++n;
    REQUIRE(heapviz::lang::parse_hypothetical(m.name()).has_value());
    CHECK(*heapviz::lang::parse_hypothetical(m.name()) == m.mode);
    CHECK(heapviz::lang::find_hypothetical(m.name()) == &m);
    CHECK_FALSE(m.en.empty());
    CHECK_FALSE(m.zh.empty());
  }
  CHECK(n == 3);
  CHECK(to_string(Hypothetical::os_reads_heap) == "os-reads-heap");
  CHECK(to_string(Hypothetical::pin_heap_array) == "pin-heap-array");
  CHECK(to_string(Hypothetical::non_moving_sweep) == "non-moving-sweep");
  CHECK(heapviz::lang::known_hypotheticals({"pin-heap-array", "nope", "non-moving-sweep"}) ==
        std::vector<Hypothetical>{Hypothetical::pin_heap_array, Hypothetical::non_moving_sweep});
  CHECK(heapviz::lang::names_hypothetical({"non-moving-sweep"}, Hypothetical::non_moving_sweep));
  CHECK_FALSE(heapviz::lang::names_hypothetical({"os-reads-heap"}, Hypothetical::non_moving_sweep));
}

TEST_CASE("a bad hypothetical mode name is refused with the list of known ones") {
  for (const char* bad : {"os_reads_heap", "OS-READS-HEAP", "", "mark-sweep"}) {
    CAPTURE(bad);
    CHECK_FALSE(heapviz::lang::parse_hypothetical(bad).has_value());
  }
  const std::string msg = heapviz::lang::unknown_hypothetical_error("no-such-mode");
  CHECK(msg ==
        "unknown hypothetical mode 'no-such-mode' (heapviz knows: os-reads-heap, pin-heap-array, "
        "non-moving-sweep)");
  CHECK(heapviz::lang::check_hypotheticals({"os-reads-heap"}, {"no-such-mode"}) == msg);
  CHECK(heapviz::lang::check_hypotheticals({"os-reads-heap", "pin-heap-array"},
                                           {"os-reads-heap", "pin-heap-array"}) ==
        "os-reads-heap and pin-heap-array tell the same write two different ways: switch on one of them");
}
