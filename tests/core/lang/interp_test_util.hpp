#pragma once
// Helpers for the interpreter tests: run a bare lesson body and look at what it printed and did.
#include <string>

#include "heapviz/lang/lesson_run.hpp"

namespace interp_test {

/// Runs `body` (a bare lesson body) with a recorded trace.
inline heapviz::LessonRunResult run(const std::string& body,
                                    std::uint64_t max_steps = heapviz::lang::kDefaultMaxSteps) {
  heapviz::LessonRunOptions o;
  o.max_steps = max_steps;
  o.verify_after_gc = true;  // every GC in these tests is checked (VerifyAfterGC)
  return heapviz::run_lesson(body, "t.java", o);
}

/// What `body` prints to System.out ("ERROR: <diagnostics>" if it did not run).
inline std::string out(const std::string& body) {
  const auto r = run(body);
  return r.ok ? r.out : "ERROR: " + r.diagnostics;
}

/// The first diagnostic's message, or "" when the lesson checks.
inline std::string first_error(const std::string& body) {
  const auto r = run(body);
  return r.diagnostic_list.empty() ? "" : r.diagnostic_list.front().message;
}

}  // namespace interp_test
