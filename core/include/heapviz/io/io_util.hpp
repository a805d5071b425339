#pragma once
#include <cstdint>
#include <span>

#include "heapviz/io/io_context.hpp"

/// JDK 17 sun.nio.ch.IOUtil over the simulated kernel: how a ByteBuffer reaches a system call.
/// Every function appends its sub-steps to ctx.events in the JDK's order and mutates the buffers'
/// state exactly as the JDK does (also when it throws). Results are the raw IOUtil results: bytes, or
/// -1 (IOStatus.EOF) for a read at end of file; the channel normalizes them.
namespace heapviz::io::io_util {

inline constexpr int kIovMax = 1024;  ///< IOUtil.IOV_MAX on Linux

/// IOUtil.write(fd, src, position): a direct src goes straight to write/pwrite64(address + pos, rem);
/// a heap src bounces: temporary buffer, copy rem bytes, flip, src.position(pos), syscall,
/// src.position(pos + n), offerFirst. `position` -1 means "at the fd's offset" (write), else pwrite64.
int write(IoContext& ctx, Fd fd, IoBuffer src, std::int64_t position = -1);

/// IOUtil.read(fd, dst, position): IllegalArgumentException("Read-only buffer") first; a direct dst is
/// read into at address + pos; a heap dst reads into a temporary buffer, flips it and puts it into dst.
int read(IoContext& ctx, Fd fd, IoBuffer dst, std::int64_t position = -1);

/// Gathering IOUtil.write(fd, bufs): one shadow temporary per heap buffer with remaining > 0 (the user
/// buffer's position is restored after the copy), at most IOV_MAX buffers, one writev; then positions
/// advance in order by what was written and shadows go back with offerLast.
std::int64_t write(IoContext& ctx, Fd fd, std::span<IoBuffer> srcs);

/// Scattering IOUtil.read(fd, bufs): a read-only buffer throws when the loop reaches it (shadows taken
/// so far are returned); one readv; then bytes are put into the heap buffers in order; offerLast.
std::int64_t read(IoContext& ctx, Fd fd, std::span<IoBuffer> dsts);

}  // namespace heapviz::io::io_util
