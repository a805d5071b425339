#pragma once
// The Java heap's part of the simulated machine. The engine's Machine derives from it (through the nio
// and io parts) and adds native memory, the kernel and the device, so code of this layer reads and
// changes a Machine through this part only.
#include <memory>
#include <stdexcept>

#include "heapviz/heap/address_space.hpp"
#include "heapviz/heap/heap_settings.hpp"
#include "heapviz/heap/java_heap.hpp"
#include "heapviz/heap/klass.hpp"
#include "heapviz/heap/roots.hpp"

namespace heapviz {

/// Thrown when settings are unusable (e.g. -Xmx0); what() is an English sentence for the user.
struct SettingsError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

}  // namespace heapviz

namespace heapviz::heap {

/// Class table, Java heap and roots: copyable (cheaply: heap bytes are copy-on-write pages).
struct HeapMachine {
  /// An empty heap at the base the settings give; throws SettingsError if `s` is invalid.
  explicit HeapMachine(const HeapSettings& s);

  HeapSettings heap_settings;
  /// Class table, shared by all copies: classes are only ever added, so sharing is safe and a
  /// checkpoint taken before a registration still decodes every object it holds.
  std::shared_ptr<KlassTable> klasses;
  JavaHeap heap;
  RootSet roots;

  /// The byte space `id`, or nullptr if this machine has none (only the Java heap so far).
  AddressSpace* space(SpaceId id) { return id == SpaceId::java_heap ? &heap.space : nullptr; }
  const AddressSpace* space(SpaceId id) const { return id == SpaceId::java_heap ? &heap.space : nullptr; }
};

}  // namespace heapviz::heap
