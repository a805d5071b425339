#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace heapviz::io {

/// Bytes shared between copies until one of them writes (copy-on-write), so a snapshot of the kernel
/// (one per trace step on the machine) costs pointers, not file contents. Single-threaded use only.
class SharedBytes {
 public:
  SharedBytes() : p_(std::make_shared<std::vector<std::byte>>()) {}
  SharedBytes(std::vector<std::byte> bytes)  // NOLINT: implicit, a SharedBytes is used like its vector
      : p_(std::make_shared<std::vector<std::byte>>(std::move(bytes))) {}
  const std::vector<std::byte>& get() const { return *p_; }
  /// The bytes for writing: copied first if another snapshot shares them.
  std::vector<std::byte>& mut() {
    if (p_.use_count() > 1) p_ = std::make_shared<std::vector<std::byte>>(*p_);
    return *p_;
  }
  std::size_t size() const { return p_->size(); }
  std::vector<std::byte>::const_iterator begin() const { return p_->begin(); }
  std::vector<std::byte>::const_iterator end() const { return p_->end(); }
  bool operator==(const SharedBytes& o) const { return p_ == o.p_ || *p_ == *o.p_; }
  friend bool operator==(const SharedBytes& a, const std::vector<std::byte>& b) { return a.get() == b; }

 private:
  std::shared_ptr<std::vector<std::byte>> p_;
};

/// Below the kernel: each file's contents on disk (only what writeback/fsync put there) and, for each
/// socket, everything its peer has received. Real bytes, so a lesson can show what really arrived.
struct Device {
  std::map<std::uint32_t, SharedBytes> files;                ///< by FileId: the on-disk bytes
  std::map<std::uint32_t, std::vector<std::byte>> received;  ///< by StreamId: bytes the socket peer got
  bool operator==(const Device&) const = default;
};

}  // namespace heapviz::io
