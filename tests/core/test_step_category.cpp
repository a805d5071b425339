#include <doctest/doctest.h>

#include <set>
#include <string>

#include "heapviz/engine/step_category.hpp"

using namespace heapviz;

TEST_CASE("every step kind has a typed timeline category") {
  std::set<std::string> categories;
  for (std::size_t k = 0; k < kStepKindCount; ++k) {
    const StepKind kind = static_cast<StepKind>(k);
    CAPTURE(step_kind_name(kind));
    CHECK(step_kind_name(kind) != "?");  // a real kind
    const StepCategory c = step_category(kind);
    CHECK(static_cast<std::size_t>(c) < kStepCategoryCount);
    CHECK(step_category_name(c) != "?");
    categories.insert(std::string(step_category_name(c)));
  }
  // kLastStepKind is the last one: the value after it names no kind.
  CHECK(step_kind_name(static_cast<StepKind>(kStepKindCount)) == "?");
  CHECK(categories.size() == kStepCategoryCount);  // and every category is used
  // The kinds a name match used to miss.
  CHECK(step_category(StepKind::cleaner_create) == StepCategory::cleaner);
  CHECK(step_category(StepKind::direct_oom) == StepCategory::exception);
  CHECK(step_category(StepKind::io_exception) == StepCategory::exception);
  CHECK(step_category(StepKind::munmap) == StepCategory::syscall);
  CHECK(step_category(StepKind::gc_phase) == StepCategory::gc);
  CHECK(step_category(StepKind::note) == StepCategory::program);
}
