#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

#include "heapviz/heap/effect.hpp"
#include "heapviz/heap/heap_machine.hpp"
#include "heapviz/heap/heap_settings.hpp"
#include "heapviz/io/io_machine.hpp"
#include "heapviz/io/io_spaces.hpp"
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
/// Adding state: put it in the machine part of the layer that owns it (heap::HeapMachine,
/// nio::NioMachine, io::IoMachine) and in operator== below, add EffectKind values at the end
/// (heap/effect.hpp) with their case in apply_effect, and StepKind values for its steps. Mutate only via
/// the recorder's apply so that replay reproduces the state. See ARCHITECTURE.md for the layers.
namespace heapviz {

/// Every settings group of the simulated machine (each layer's machine part keeps its own).
struct Settings {
  heap::HeapSettings heap;
  io::IoSettings io;
  nio::NioSettings nio;  ///< MaxDirectMemorySize, page alignment, DisableExplicitGC ...
  bool operator==(const Settings&) const = default;
};

/// The whole simulated state: copyable (cheaply: heap bytes are copy-on-write pages), comparable,
/// and mutated only by apply_effect so that a Trace can replay it. Its parts are the layers' machines:
/// heap::HeapMachine (settings, classes, heap, roots) <- nio::NioMachine (native memory, Bits, time)
/// <- io::IoMachine (kernel, device, channels); code of a layer sees only its part.
struct Machine : io::IoMachine {
  /// Builds an empty machine; throws SettingsError if `s` is invalid.
  explicit Machine(const Settings& s = {});

  /// Every settings group together (as the machine was built with).
  Settings settings() const { return Settings{heap_settings, io_settings, nio_settings}; }

  bool operator==(const Machine& o) const {
    return settings() == o.settings() && heap == o.heap && roots == o.roots && *io == *o.io &&
           native == o.native && bits == o.bits && mapped == o.mapped && clock_ms == o.clock_ms;
  }
};

/// Applies one effect to `m`. `payload` is the byte pool that payload offsets refer to.
void apply_effect(Machine& m, const Effect& e, std::span<const std::uint8_t> payload);

}  // namespace heapviz
