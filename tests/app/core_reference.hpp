#pragma once
// The core's own view of a lesson's steps, built in the test process (not by the app), to compare with
// what the app says it drew (heapviz screenshot --facts).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "heapviz/engine/trace.hpp"
#include "heapviz/engine/view.hpp"
#include "heapviz/lang/lesson.hpp"

struct CoreLesson {
  std::filesystem::path path;
  std::unique_ptr<heapviz::Trace> trace;
  std::unique_ptr<heapviz::lang::Lesson> lesson;
  std::string error;  ///< why there is no trace, or ""
  /// make_view of the state after the first `position` steps, with the options the app uses.
  heapviz::View view_at(std::size_t position) const;
  /// Index of the first step of `kind`, or -1.
  long first_of(heapviz::StepKind kind) const;
};

/// Runs a lesson file the way the app does (its own //@ jvm: flags, mark-compact, recorded trace), with
/// the hypothetical modes named (as --hypothetical NAME does).
CoreLesson run_core_lesson(const std::filesystem::path& file,
                           const std::vector<std::string>& hypotheticals = {});

/// The built-in heap demo (`heapviz heap-demo`), mark-compact, as the app runs it.
CoreLesson run_core_heap_demo();

/// The bundled lessons: assets/scenarios/*.java, sorted by name.
std::vector<std::filesystem::path> bundled_lessons();
