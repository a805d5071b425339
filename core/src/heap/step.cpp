// The names of step and effect kinds, as trace dumps write them (renaming one changes trace hashes).
#include "heapviz/heap/step.hpp"

#include "heapviz/heap/effect.hpp"

namespace heapviz {

std::string_view step_kind_name(StepKind k) {
  switch (k) {
    case StepKind::note:
      return "note";
    case StepKind::class_load:
      return "class_load";
    case StepKind::alloc:
      return "alloc";
    case StepKind::field_store:
      return "field_store";
    case StepKind::root_set:
      return "root_set";
    case StepKind::root_drop:
      return "root_drop";
    case StepKind::gc_start:
      return "gc_start";
    case StepKind::gc_phase:
      return "gc_phase";
    case StepKind::mark:
      return "mark";
    case StepKind::reference_pending:
      return "reference_pending";
    case StepKind::forward:
      return "forward";
    case StepKind::dead_wood:
      return "dead_wood";
    case StepKind::dead_range:
      return "dead_range";
    case StepKind::adjust:
      return "adjust";
    case StepKind::move:
      return "move";
    case StepKind::sweep:
      return "sweep";
    case StepKind::gc_end:
      return "gc_end";
    case StepKind::oom:
      return "oom";
    case StepKind::alloc_failed:
      return "alloc_failed";
    case StepKind::bounce_copy:
      return "bounce_copy";
    case StepKind::syscall:
      return "syscall";
    case StepKind::writeback:
      return "writeback";
    case StepKind::temp_buffer_get:
      return "temp_buffer_get";
    case StepKind::temp_buffer_offer:
      return "temp_buffer_offer";
    case StepKind::temp_buffer_free:
      return "temp_buffer_free";
    case StepKind::mmap:
      return "mmap";
    case StepKind::munmap:
      return "munmap";
    case StepKind::sendfile:
      return "sendfile";
    case StepKind::io_position:
      return "io_position";
    case StepKind::io_exception:
      return "io_exception";
    case StepKind::bits_reserve:
      return "bits_reserve";
    case StepKind::native_alloc:
      return "native_alloc";
    case StepKind::native_zero:
      return "native_zero";
    case StepKind::address_align:
      return "address_align";
    case StepKind::cleaner_create:
      return "cleaner_create";
    case StepKind::buffer_op:
      return "buffer_op";
    case StepKind::reference_handler:
      return "reference_handler";
    case StepKind::native_free:
      return "native_free";
    case StepKind::bits_unreserve:
      return "bits_unreserve";
    case StepKind::bits_retry:
      return "bits_retry";
    case StepKind::direct_oom:
      return "direct_oom";
    case StepKind::jni_critical:
      return "jni_critical";
    case StepKind::gc_locker_stall:
      return "gc_locker_stall";
  }
  return "?";
}

std::string_view effect_kind_name(EffectKind k) {
  switch (k) {
    case EffectKind::write_bytes:
      return "write";
    case EffectKind::object_alloc:
      return "alloc";
    case EffectKind::object_move:
      return "move";
    case EffectKind::object_kill:
      return "kill";
    case EffectKind::heap_top:
      return "top";
    case EffectKind::free_chunk:
      return "free_chunk";
    case EffectKind::root_define:
      return "root_define";
    case EffectKind::root_set:
      return "root_set";
    case EffectKind::root_deactivate:
      return "root_deactivate";
    case EffectKind::counter_add:
      return "counter";
    case EffectKind::gc_phase:
      return "gc_phase";
    case EffectKind::pending_reference:
      return "pending_ref";
    case EffectKind::object_flags:
      return "flags";
    case EffectKind::io_state:
      return "io_state";
    case EffectKind::pending_clear:
      return "pending_clear";
    case EffectKind::native_malloc:
      return "native_malloc";
    case EffectKind::native_free:
      return "native_free";
    case EffectKind::native_fill:
      return "native_fill";
    case EffectKind::bits_add:
      return "bits_add";
    case EffectKind::bits_limit:
      return "bits_limit";
    case EffectKind::clock_advance:
      return "clock";
    case EffectKind::pending_take:
      return "pending_take";
    case EffectKind::mapped_store:
      return "mapped_store";
  }
  return "?";
}

}  // namespace heapviz
