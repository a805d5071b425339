#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "heapviz/heap/address_space.hpp"

namespace heapviz {

/// What a step does, for filters and timeline markers. Add new kinds at the end (values are
/// written into trace dumps by name, so renumbering does not change hashes, renaming does).
enum class StepKind : std::uint16_t {
  note,               ///< narration only, no state change
  class_load,         ///< a class was registered
  alloc,              ///< an object was allocated (bump pointer or free list)
  field_store,        ///< a field or array element was written
  root_set,           ///< a root (local, static, system) now holds a reference or null
  root_drop,          ///< a frame was popped: its locals are no longer roots
  gc_start,           ///< a full GC begins (cause in the narration)
  gc_phase,           ///< a collector phase begins ("Phase 1: Mark live objects" ...)
  mark,               ///< objects marked live
  reference_pending,  ///< a Reference whose referent died was cleared and put on the pending list
  forward,            ///< forwarding addresses computed (phase 2)
  dead_wood,          ///< dead space kept in place as a filler object (MarkSweepDeadRatio)
  dead_range,         ///< dead objects found; their space will be reused
  adjust,             ///< references (roots or fields) rewritten to forwarding addresses (phase 3)
  move,               ///< objects moved to their new addresses (phase 4)
  sweep,              ///< dead objects returned to the free list (mark-sweep)
  gc_end,             ///< a full GC ends
  oom,                ///< java.lang.OutOfMemoryError thrown
  alloc_failed,       ///< an allocation did not fit (a GC follows)
  // I/O
  bounce_copy,        ///< heap buffer <-> temporary direct buffer copy (IOUtil)
  syscall,            ///< a system call: write, pread64, writev, openat, fsync, ... (kernel copies)
  writeback,          ///< dirty page-cache pages written to the device (flusher or fsync)
  temp_buffer_get,    ///< Util.getTemporaryDirectBuffer: reused from the thread's cache or allocated
  temp_buffer_offer,  ///< a temporary buffer goes back to the thread's cache
  temp_buffer_free,   ///< a temporary buffer is freed (evicted, too large, cache full, thread exit)
  mmap,               ///< FileChannel.map: page-cache pages mapped into the process
  munmap,             ///< a mapping is removed (its Cleaner ran)
  sendfile,           ///< transferTo: kernel -> kernel copy, no user copy
  io_position,        ///< a buffer's position/limit moved during an I/O call
  io_exception,       ///< an I/O call throws a Java exception
  // --- java.nio buffers, native memory, Bits, Cleaner ---
  bits_reserve,       ///< Bits.reserveMemory(size, cap) succeeded: count, reserved, capacity grow
  native_alloc,       ///< Unsafe.allocateMemory: malloc in native memory
  native_zero,        ///< Unsafe.setMemory(base, size, 0)
  address_align,      ///< page alignment: address = base rounded up to a page
  cleaner_create,     ///< Cleaner.create(this, new Deallocator(base, size, cap)) linked into Cleaner's list
  buffer_op,          ///< a ByteBuffer method ran: fields and bytes changed (or read)
  reference_handler,  ///< the Reference Handler took a pending Reference (a Cleaner runs its Deallocator)
  native_free,        ///< Unsafe.freeMemory(base): the native block is freed
  bits_unreserve,     ///< Bits.unreserveMemory(size, cap)
  bits_retry,  ///< Bits.reserveMemory failed: wait for reference processing / System.gc() / sleep and retry
  direct_oom,  ///< OutOfMemoryError: Cannot reserve ... bytes of direct buffer memory (or Unable to allocate)
  // --- hypothetical modes of lesson 06: heap arrays handed to the kernel ---
  jni_critical,  ///< a thread enters or leaves a JNI critical region (GetPrimitiveArrayCritical / Release...)
  gc_locker_stall,  ///< a GC is requested while GCLocker is active: deferred; the allocating thread waits
};
std::string_view step_kind_name(StepKind k);

/// A position in the lesson source (1-based); 0:0 when no source statement caused the step.
struct SourcePos {
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  bool operator==(const SourcePos&) const = default;
};

/// A byte range a step touches: `length` bytes at `from` in `space` (the source) and `to` in
/// `to_space` (the destination). Nothing moves when to == from and to_space == space; a copy between
/// address spaces (heap -> native, native -> kernel page cache, kernel -> device, ...) names both.
struct ByteRange {
  heap::SpaceId space = heap::SpaceId::java_heap;
  std::uint64_t from = 0;
  std::uint64_t to = 0;
  std::uint64_t length = 0;
  heap::SpaceId to_space = space;  ///< destination space; defaults to the source space
  bool crosses_spaces() const { return to_space != space; }
  bool operator==(const ByteRange&) const = default;
};

/// Narration of a step: a concept sentence in English and Simplified Chinese, and a line naming
/// the HotSpot/JDK code path (e.g. "GenMarkSweep::mark_sweep_phase1 / MarkSweep::follow_stack").
struct Narration {
  std::string en;
  std::string zh;
  std::string internals;
};

/// One change of the machine, or a batch of many tiny changes of the same kind (`events` > 1).
struct Step {
  StepKind kind = StepKind::note;
  SourcePos pos;                       ///< the statement that caused it
  std::vector<std::uint32_t> objects;  ///< ids of the objects touched (heap::ObjectId)
  std::vector<ByteRange> ranges;       ///< byte ranges touched (batches: one range covering all sources;
                                       ///< its `to` is the lowest destination)
  Narration text;
  std::uint32_t events = 1;        ///< primitive events folded into this step (batching)
  std::uint64_t first_effect = 0;  ///< index of its first effect in the trace
  std::uint32_t effect_count = 0;
};

}  // namespace heapviz
