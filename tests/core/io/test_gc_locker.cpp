// GCLocker: a GC requested inside a JNI critical region is deferred to the last thread out.
#include <doctest/doctest.h>

#include <algorithm>

#include "heapviz/io/gc_locker.hpp"

using heapviz::io::GcLocker;

TEST_CASE("gc locker - the GC waits for the last thread to leave and runs as GCLocker Initiated GC") {
  GcLocker g;
  CHECK(g.request_gc("Allocation Failure"));  // nobody inside: the GC runs now
  CHECK(g.enter_critical("writer") == GcLocker::Enter::entered);
  CHECK(g.enter_critical("writer") == GcLocker::Enter::nested);
  CHECK(g.enter_critical("other") == GcLocker::Enter::entered);
  CHECK(g.jni_lock_count() == 2);
  CHECK_FALSE(g.request_gc("Allocation Failure"));  // deferred
  CHECK(g.needs_gc());
  CHECK(g.stall_allocation("allocator"));
  CHECK(g.enter_critical("late") == GcLocker::Enter::blocked);
  CHECK_FALSE(g.exit_critical("writer").left);  // still one level deep
  const GcLocker::Exit first = g.exit_critical("writer");
  CHECK(first.left);
  CHECK_FALSE(first.gc_ran);
  const GcLocker::Exit last = g.exit_critical("other");
  CHECK(last.gc_ran);
  CHECK(last.resumed == std::vector<std::string>{"allocator", "late"});
  CHECK_FALSE(g.needs_gc());
  CHECK(g.gcs() == std::vector<std::string>{"Allocation Failure", "GCLocker Initiated GC"});
  CHECK(g.depth("late") == 1);  // the blocked entrant got in after the GC
  CHECK(g.jni_lock_count() == 1);
  const auto& log = g.log();
  CHECK(std::find(log.begin(), log.end(), "Setting _needs_gc.") != log.end());
  CHECK(std::find(log.begin(), log.end(), "Performing GC after exiting critical section.") != log.end());
  CHECK(std::find(log.begin(), log.end(), "Allocation failed. Thread stalled by JNI critical section.") !=
        log.end());
}

TEST_CASE("gc locker - without a pending GC nothing stalls") {
  GcLocker g;
  CHECK_FALSE(g.stall_allocation("t"));
  CHECK(g.enter_critical("t") == GcLocker::Enter::entered);
  CHECK_FALSE(g.exit_critical("t").gc_ran);
  CHECK(g.gcs().empty());
}
