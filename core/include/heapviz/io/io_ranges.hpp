#pragma once
// Where the bytes of an I/O step were and where they went, as ByteRanges with both address spaces,
// at the addresses the view draws (page-cache pages at their kernel addresses, files on the device
// laid end to end in file-id order as io_view lays them).
#include <cstdint>
#include <vector>

#include "heapviz/heap/step.hpp"
#include "heapviz/io/kernel_space.hpp"

namespace heapviz::io {

/// Where file `file`'s byte `offset` is drawn on the device lane (state after the step).
std::uint64_t device_address(const KernelSpace& kernel, FileId file, std::int64_t offset);
/// The first address of file `file` on the device lane (what io_view uses for its "disk:" region).
std::uint64_t device_base(const KernelSpace& kernel, FileId file);

/// Where file `file`'s bytes [offset, offset + n) sit in the page cache, one range per page piece
/// (space and to_space kernel, from == to); pages not cached are left out.
std::vector<ByteRange> page_cache_ranges(const KernelSpace& kernel, FileId file, std::int64_t offset,
                                         std::int64_t n);

/// The copies a system call made, one range per contiguous piece (page-cache pages need not be
/// adjacent): user memory (native) <-> page cache, page cache -> page cache (sendfile), page cache ->
/// device (writeback, fsync), device -> page cache (pages filled on a miss). `after` is the kernel
/// after the call. Calls that moved no bytes give no ranges.
std::vector<ByteRange> syscall_ranges(const KernelSpace& after, const SyscallRecord& call);

}  // namespace heapviz::io
