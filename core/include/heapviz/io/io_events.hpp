#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "heapviz/io/direct_buffer_host.hpp"
#include "heapviz/io/kernel_space.hpp"

namespace heapviz::io {

/// The kinds of sub-step an I/O operation is made of; each becomes one trace step.
enum class IoEventKind : unsigned char {
  temp_buffer_reuse,     ///< Util.getTemporaryDirectBuffer found a big enough buffer in the thread's cache
  temp_buffer_allocate,  ///< ... or allocated a new direct buffer (Bits + malloc)
  temp_buffer_free,      ///< a temporary buffer's cleaner ran (see `detail` for why)
  temp_buffer_offer,     ///< a temporary buffer went back to the cache (offerFirst / offerLast)
  bounce_copy,           ///< heap <-> temporary direct buffer copy (Unsafe.copyMemory)
  position,              ///< a buffer's position or limit changed (`detail`: "position", "limit", "flip")
  syscall,               ///< a system call (see `call`)
  mmap,                  ///< a file region was mapped into the process (`call` holds the mmap)
  munmap,                ///< a mapping was removed
  exception,             ///< a Java exception is thrown (`detail` = "class: message")
};
/// "temp_buffer_reuse", "bounce_copy", ...
std::string io_event_kind_name(IoEventKind k);

/// One sub-step, with the plain data a recorded effect needs.
struct IoEvent {
  IoEventKind kind = IoEventKind::syscall;
  std::string thread;              ///< the Java thread doing it
  BufferId buffer = 0;             ///< the temporary or user buffer concerned
  BufferId other = 0;              ///< bounce copy: the heap buffer (buffer is the temporary); 0 otherwise
  std::int64_t bytes = 0;          ///< bytes copied / capacity of a temporary buffer
  std::uint64_t from_address = 0;  ///< bounce copy: source (heap array element address or native)
  std::uint64_t to_address = 0;    ///< bounce copy: destination
  bool to_heap = false;            ///< bounce copy direction: native -> heap (a read)
  int old_value = 0;               ///< position/limit before
  int new_value = 0;               ///< position/limit after
  std::string detail;              ///< reason or field name (see IoEventKind)
  std::optional<SyscallRecord> call;
  /// One English sentence, for tests and logs (the machine writes the narration itself).
  std::string describe() const;
};

}  // namespace heapviz::io
