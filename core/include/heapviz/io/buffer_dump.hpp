#pragma once
// A ByteBuffer's bytes with its position, limit and mark, for the inspector's marked hex dump, and a
// hex dump of any address space.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "heapviz/heap/address_space.hpp"
#include "heapviz/io/io_machine.hpp"

namespace heapviz::nio {

/// Bytes [first, first + bytes.size()) of a buffer's window (element 0 = index 0) and its marks.
struct BufferDump {
  heap::ObjectId buffer = heap::kNoObject;  ///< the ByteBuffer
  bool direct = false;
  heap::SpaceId space = heap::SpaceId::java_heap;  ///< where the bytes are: the byte[] or native memory
  std::uint64_t address = 0;  ///< address of element 0 (hb's element `offset`, or Buffer.address)
  int position = 0, limit = 0, capacity = 0;
  int mark = -1;  ///< -1: no mark
  int first = 0;  ///< index of bytes[0]
  std::vector<std::uint8_t> bytes;
  /// False when a direct buffer's address is in no native chunk (e.g. a mapping of page-cache pages):
  /// then `bytes` is empty rather than made-up zeros.
  bool bytes_known = true;
};

/// The bytes of the buffer's whole capacity window [0, capacity), as a cleared duplicate would read them
/// (from the byte[], the native block or, for a mapped buffer, the page-cache pages). No step.
std::vector<std::byte> buffer_window(const io::IoMachine& m, heap::ObjectId buffer);

/// The ByteBuffer an inspector shows for object `id`: `id` itself when it is a ByteBuffer, the first
/// live heap ByteBuffer (lowest id) whose `hb` is `id` when it is a byte[], else kNoObject.
heap::ObjectId buffer_for(const io::IoMachine& m, heap::ObjectId id);

/// Up to `count` bytes of buffer `buffer`'s window from index `first` (clamped to the capacity), read
/// from the byte[] or the native memory at its address; nullopt when `buffer` is not a live ByteBuffer.
std::optional<BufferDump> buffer_dump(const io::IoMachine& m, heap::ObjectId buffer, int first, int count);

/// Hex dump lines "0x7f3a00000010: 68 65 6c ..." (16 per line) of [addr, addr + len) in any space:
/// the Java heap, native memory (never-touched bytes read 0), the kernel's page-cache pages (by their
/// kernel addresses) or the device (files laid out as the view lays them). Bytes outside read "..".
std::vector<std::string> hex_dump(const io::IoMachine& m, heap::SpaceId space, std::uint64_t addr,
                                  std::uint64_t len);

}  // namespace heapviz::nio
