// FileChannelImpl.map / Unmapper and transferTo (JDK 17): mmap and sendfile, with the JDK's accounting.
#include <algorithm>
#include <limits>

#include "heapviz/io/file_channel.hpp"
#include "heapviz/io/io_util.hpp"
#include "heapviz/io/mapped_byte_store.hpp"

namespace heapviz::io {

MappedBuffer FileChannel::map(IoContext& ctx, MapMode mode, std::int64_t position, std::int64_t size) {
  constexpr std::int64_t kIntMax = std::numeric_limits<std::int32_t>::max();
  if (size > kIntMax)
    ctx.raise("java.lang.IllegalArgumentException", std::string("Size exceeds Integer.MAX_VALUE"));
  ensure_open(ctx);
  if (position < 0) ctx.raise("java.lang.IllegalArgumentException", std::string("Negative position"));
  if (size < 0) ctx.raise("java.lang.IllegalArgumentException", std::string("Negative size"));
  if (position > std::numeric_limits<std::int64_t>::max() - size)
    ctx.raise("java.lang.IllegalArgumentException", std::string("Position + size overflow"));
  if (mode != MapMode::read_only && !writable_)
    ctx.raise("java.nio.channels.NonWritableChannelException", std::nullopt);
  if (!readable_) ctx.raise("java.nio.channels.NonReadableChannelException", std::nullopt);

  const std::int64_t file_size = this->size(ctx);
  if (file_size < position + size) {
    if (!writable_)
      ctx.raise("java.io.IOException",
                std::string("Channel not open for writing - cannot extend file to required size"));
    ctx.boundary();
    ctx.syscall(ctx.kernel.ftruncate(fd_, position + size));  // nd.truncate grows the file
  }
  MappedBuffer m;
  m.state = nio::allocate_direct(0);
  m.state.read_only = mode == MapMode::read_only;
  if (size == 0) return m;  // no mmap, not counted

  m.page_position = static_cast<int>(position % kPageSize);
  const std::int64_t map_position = position - m.page_position;
  m.map_size = size + m.page_position;
  const SyscallRecord call = ctx.kernel.mmap(fd_, map_position, m.map_size, mode != MapMode::read_only,
                                             mode == MapMode::private_copy);
  account(ctx.counters, call);
  if (call.ok()) {
    // The Unmapper's constructor counts the mapping in the `mapped` pool (counted before the event is
    // published, so the mmap step shows the pool with it).
    ctx.statics.mapped.count += 1;
    ctx.statics.mapped.memory_used += m.map_size;
    ctx.statics.mapped.total_capacity += size;
  }
  IoEvent e;
  e.kind = IoEventKind::mmap;
  e.thread = ctx.thread;
  e.bytes = m.map_size;
  e.call = call;
  ctx.emit(e);
  if (!call.ok()) ctx.raise("java.io.IOException", std::string("Map failed"));
  m.map_address = static_cast<std::uint64_t>(call.result);
  m.address = m.map_address + static_cast<std::uint64_t>(m.page_position);
  m.state.capacity = static_cast<int>(size);
  m.state.limit = static_cast<int>(size);
  return m;
}

void FileChannel::unmap(IoContext& ctx, MappedBuffer& buffer) {
  if (buffer.unmapped || buffer.map_address == 0) return;
  buffer.unmapped = true;
  ctx.boundary();
  const SyscallRecord call = ctx.kernel.munmap(buffer.map_address);
  account(ctx.counters, call);
  ctx.statics.mapped.count -= 1;
  ctx.statics.mapped.memory_used -= buffer.map_size;
  ctx.statics.mapped.total_capacity -= buffer.state.capacity;
  IoEvent e;
  e.kind = IoEventKind::munmap;
  e.thread = ctx.thread;
  e.bytes = buffer.map_size;
  e.call = call;
  ctx.emit(e);
}

std::int64_t FileChannel::transfer_to(IoContext& ctx, std::int64_t position, std::int64_t count,
                                      TransferTarget target) {
  ensure_open(ctx);
  if (!target.open) ctx.raise("java.nio.channels.ClosedChannelException", std::nullopt);
  ensure_readable(ctx);
  if (target.is_file_channel && !target.writable)
    ctx.raise("java.nio.channels.NonWritableChannelException", std::nullopt);
  if (position < 0 || count < 0) ctx.raise("java.lang.IllegalArgumentException", std::nullopt);
  const std::int64_t sz = size(ctx);
  if (position > sz) return 0;
  std::int64_t icount = std::min<std::int64_t>(count, std::numeric_limits<std::int32_t>::max());
  if (sz - position < icount) icount = sz - position;

  // transferToDirectly: sendfile, unless an earlier EINVAL made the JDK give up on files for good.
  const bool direct_possible = ctx.statics.transfer_supported &&
                               (!target.is_file_channel || ctx.statics.file_supported) && target.fd != fd_;
  if (direct_possible) {
    ctx.boundary();
    const SyscallRecord call = ctx.kernel.sendfile(target.fd, fd_, position, icount);
    ctx.syscall(call);
    if (call.ok()) return call.result;
    if (call.error != Errno::EINVAL_) ctx.raise("java.io.IOException", std::string("Transfer failed"));
    if (target.is_file_channel) ctx.statics.file_supported = false;  // IOS_UNSUPPORTED_CASE, sticky
  }
  return transfer_mapped(ctx, position, icount, target);
}

std::int64_t FileChannel::transfer_mapped(IoContext& ctx, std::int64_t position, std::int64_t count,
                                          TransferTarget target) {
  constexpr std::int64_t kMappedTransferSize = 8L * 1024L * 1024L;
  std::int64_t remaining = count;
  while (remaining > 0) {
    const std::int64_t chunk = std::min(remaining, kMappedTransferSize);
    MappedBuffer dbb = map(ctx, MapMode::read_only, position, chunk);
    MappedByteStore store(ctx.kernel, dbb.address, chunk);
    IoBuffer b{0, &dbb.state, &store, dbb.address};
    int n = 0;
    try {
      n = io_util::write(ctx, target.fd, b, -1);  // target.write(dbb): a direct buffer, no bounce
    } catch (...) {
      unmap(ctx, dbb);
      throw;
    }
    unmap(ctx, dbb);
    remaining -= n;
    if (!target.is_file_channel || n == 0) break;  // a selectable target gets one attempt
    position += n;
  }
  return count - remaining;
}

}  // namespace heapviz::io
