#include "heapviz/engine/step_category.hpp"

namespace heapviz {

StepCategory step_category(StepKind k) {
  switch (k) {
    case StepKind::gc_start:
    case StepKind::gc_phase:
    case StepKind::mark:
    case StepKind::forward:
    case StepKind::dead_wood:
    case StepKind::dead_range:
    case StepKind::adjust:
    case StepKind::move:
    case StepKind::sweep:
    case StepKind::gc_end:
    case StepKind::alloc_failed:  // the failed allocation that starts a GC
    case StepKind::jni_critical:
    case StepKind::gc_locker_stall:
      return StepCategory::gc;
    case StepKind::alloc:
    case StepKind::bits_reserve:
    case StepKind::native_alloc:
    case StepKind::native_zero:
    case StepKind::address_align:
    case StepKind::temp_buffer_get:
      return StepCategory::allocation;
    case StepKind::bounce_copy:
      return StepCategory::bounce_copy;
    case StepKind::syscall:
    case StepKind::writeback:
    case StepKind::mmap:
    case StepKind::munmap:
    case StepKind::sendfile:
      return StepCategory::syscall;
    case StepKind::native_free:
    case StepKind::bits_unreserve:
    case StepKind::temp_buffer_free:
      return StepCategory::native_free;
    case StepKind::reference_pending:
    case StepKind::cleaner_create:
    case StepKind::reference_handler:
      return StepCategory::cleaner;
    case StepKind::oom:
    case StepKind::io_exception:
    case StepKind::direct_oom:
    case StepKind::bits_retry:  // the failing reservation's retries, on the way to an OutOfMemoryError
      return StepCategory::exception;
    case StepKind::note:
    case StepKind::class_load:
    case StepKind::field_store:
    case StepKind::root_set:
    case StepKind::root_drop:
    case StepKind::temp_buffer_offer:
    case StepKind::io_position:
    case StepKind::buffer_op:
      return StepCategory::program;
  }
  return StepCategory::program;  // not reached: the switch names every kind
}

std::string_view step_category_name(StepCategory c) {
  switch (c) {
    case StepCategory::gc:
      return "gc";
    case StepCategory::allocation:
      return "allocation";
    case StepCategory::bounce_copy:
      return "bounce_copy";
    case StepCategory::syscall:
      return "syscall";
    case StepCategory::native_free:
      return "native_free";
    case StepCategory::cleaner:
      return "cleaner";
    case StepCategory::exception:
      return "exception";
    case StepCategory::program:
      return "program";
  }
  return "?";
}

}  // namespace heapviz
