#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

#include "heapviz/heap/effect.hpp"
#include "heapviz/heap/heap_machine.hpp"
#include "heapviz/heap/heap_settings.hpp"
#include "heapviz/io/io_spaces.hpp"
#include "heapviz/nio/native_memory.hpp"
#include "heapviz/nio/nio_state.hpp"

/// How the pieces fit (the interpreter and the GUI use these):
///
///   heapviz::Settings s;  s.heap = heap::parse_jvm_flags("-Xmx64m -XX:+UseSerialGC").settings;
///   heapviz::Machine m(s);                   // empty heap at 0xfc000000; throws SettingsError if bad
///   heapviz::Trace t(m);                     // keeps m's initial state as checkpoint 0
///   heapviz::Recorder r(m, &t);              // the write handle; Recorder(m, nullptr) records nothing
///   auto node = m.klasses->register_class("Node", {{"next", heap::FieldType::reference, "Node"},
///                                                  {"v", heap::FieldType::int_, ""}});
///   r.set_source_pos({3, 5});                // before each statement
///   auto a = heap::new_instance(r, node);    // may GC; throws JavaException (OutOfMemoryError)
///   heap::set_local(r, "main/main", "a", a); // roots by name; kNoObject for null
///   heap::store_ref(r, a, "next", a);
///   heap::collect(r, heap::GcCause::system_gc);
///   View v = make_view(t.state_at(k));       // any step k, forwards or backwards; or TracePlayer
///
/// Adding an area (issue 4/5): put its state in Machine (and in operator==), add EffectKind values
/// at the end with their case in apply_effect, and StepKind values for its steps. Mutate only via
/// Recorder::apply so that replay reproduces the state.
namespace heapviz {

/// Every settings group of the simulated machine (issue 4/5 add theirs here).
struct Settings {
  heap::HeapSettings heap;
  io::IoSettings io;
  nio::NioSettings nio;  ///< MaxDirectMemorySize, page alignment, DisableExplicitGC ... (issue 4)
  bool operator==(const Settings&) const = default;
};

/// The whole simulated state: copyable (cheaply: heap bytes are copy-on-write pages), comparable,
/// and mutated only by apply_effect so that a Trace can replay it. The Java heap's part (settings,
/// classes, heap, roots) is heap::HeapMachine; this adds native memory, Bits, the kernel and the device.
struct Machine : heap::HeapMachine {
  /// Builds an empty machine; throws SettingsError if `s` is invalid.
  explicit Machine(const Settings& s = {});

  io::IoSettings io_settings;
  nio::NioSettings nio_settings;  ///< MaxDirectMemorySize, page alignment, DisableExplicitGC ...
  /// Every settings group together (as the machine was built with).
  Settings settings() const { return Settings{heap_settings, io_settings, nio_settings}; }

  /// Kernel, device, temporary-buffer caches, I/O counters, channels (issue 5). Immutable snapshots:
  /// the effect `io_state` replaces the pointer with a state from `io_history`; `mapped_store` changes
  /// bytes in place, after copying the state if anything else (history, a checkpoint, a copy) shares it.
  std::shared_ptr<const io::IoSpaces> io;
  /// Every io state published so far, shared by all copies (append-only).
  std::shared_ptr<io::IoHistory> io_history;

  /// The C heap (SpaceId::native): DirectByteBuffer memory, never moved by a GC (bytes in
  /// copy-on-write pages, so checkpoints stay cheap).
  nio::NativeMemory native;
  nio::BitsState bits;         ///< java.nio.Bits: the "direct" pool and the MaxDirectMemorySize limit
  nio::PoolCounters mapped;    ///< the "mapped" pool (FileChannel.map; changed by the I/O side)
  std::uint64_t clock_ms = 0;  ///< simulated time (Thread.sleep in Bits.reserveMemory's back-off)

  bool operator==(const Machine& o) const {
    return settings() == o.settings() && heap == o.heap && roots == o.roots && *io == *o.io &&
           native == o.native && bits == o.bits && mapped == o.mapped && clock_ms == o.clock_ms;
  }
};

/// Applies one effect to `m`. `payload` is the byte pool that payload offsets refer to.
void apply_effect(Machine& m, const Effect& e, std::span<const std::uint8_t> payload);

}  // namespace heapviz
