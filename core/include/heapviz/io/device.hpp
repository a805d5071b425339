#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace heapviz::io {

/// Below the kernel: each file's contents on disk (only what writeback/fsync put there) and, for each
/// socket, everything its peer has received. Real bytes, so a lesson can show what really arrived.
struct Device {
  std::map<std::uint32_t, std::vector<std::byte>> files;     ///< by FileId: the on-disk bytes
  std::map<std::uint32_t, std::vector<std::byte>> received;  ///< by StreamId: bytes the socket peer got
  bool operator==(const Device&) const = default;
};

}  // namespace heapviz::io
