// sun.nio.ch.FileChannelImpl (JDK 17): open, read/write, position, size, truncate, force, close.
#include "heapviz/io/file_channel.hpp"

#include <algorithm>
#include <cctype>

#include "heapviz/io/io_util.hpp"

namespace heapviz::io {

bool OpenOptions::add(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "READ")
    read = true;
  else if (upper == "WRITE")
    write = true;
  else if (upper == "APPEND")
    append = true;
  else if (upper == "CREATE")
    create = true;
  else if (upper == "CREATE_NEW")
    create_new = true;
  else if (upper == "TRUNCATE_EXISTING")
    truncate_existing = true;
  else
    return false;
  return true;
}

namespace {
std::int64_t normalize(std::int64_t n) { return n; }  // IOStatus.normalize: UNAVAILABLE never escapes io_util
}  // namespace

FileChannel FileChannel::open(IoContext& ctx, const std::string& path, OpenOptions o) {
  if (!o.read && !o.write) (o.append ? o.write : o.read) = true;
  if (o.read && o.append)
    ctx.raise("java.lang.IllegalArgumentException", std::string("READ + APPEND not allowed"));
  if (o.append && o.truncate_existing)
    ctx.raise("java.lang.IllegalArgumentException", std::string("APPEND + TRUNCATE_EXISTING not allowed"));
  OpenFlags f;
  f.read = o.read;
  f.write = o.write;
  if (o.write) {
    f.truncate = o.truncate_existing;
    f.append = o.append;
    f.create = o.create || o.create_new;
    f.exclusive = o.create_new;
  }
  ctx.boundary();
  const SyscallRecord call = ctx.kernel.open(path, f);
  ctx.syscall(call);
  if (call.error == Errno::ENOENT_) ctx.raise("java.nio.file.NoSuchFileException", path);
  if (call.error == Errno::EEXIST_) ctx.raise("java.nio.file.FileAlreadyExistsException", path);
  FileChannel ch;
  ch.fd_ = static_cast<Fd>(call.result);
  ch.path_ = path;
  ch.readable_ = o.read;
  ch.writable_ = o.write;
  ch.append_ = o.append;
  ch.open_ = true;
  return ch;
}

void FileChannel::ensure_open(IoContext& ctx) const {
  if (!open_) ctx.raise("java.nio.channels.ClosedChannelException", std::nullopt);
}
void FileChannel::ensure_writable(IoContext& ctx) const {
  if (!writable_) ctx.raise("java.nio.channels.NonWritableChannelException", std::nullopt);
}
void FileChannel::ensure_readable(IoContext& ctx) const {
  if (!readable_) ctx.raise("java.nio.channels.NonReadableChannelException", std::nullopt);
}

int FileChannel::write(IoContext& ctx, IoBuffer src) {
  ensure_open(ctx);
  ensure_writable(ctx);
  return static_cast<int>(normalize(io_util::write(ctx, fd_, src, -1)));
}

int FileChannel::write(IoContext& ctx, IoBuffer src, std::int64_t position) {
  if (position < 0) ctx.raise("java.lang.IllegalArgumentException", std::string("Negative position"));
  ensure_open(ctx);
  ensure_writable(ctx);
  return static_cast<int>(normalize(io_util::write(ctx, fd_, src, position)));
}

std::int64_t FileChannel::write(IoContext& ctx, std::span<IoBuffer> srcs) {
  ensure_open(ctx);
  ensure_writable(ctx);
  return normalize(io_util::write(ctx, fd_, srcs));
}

int FileChannel::read(IoContext& ctx, IoBuffer dst) {
  ensure_open(ctx);
  ensure_readable(ctx);
  return static_cast<int>(normalize(io_util::read(ctx, fd_, dst, -1)));
}

int FileChannel::read(IoContext& ctx, IoBuffer dst, std::int64_t position) {
  if (position < 0) ctx.raise("java.lang.IllegalArgumentException", std::string("Negative position"));
  ensure_open(ctx);
  ensure_readable(ctx);
  return static_cast<int>(normalize(io_util::read(ctx, fd_, dst, position)));
}

std::int64_t FileChannel::read(IoContext& ctx, std::span<IoBuffer> dsts) {
  ensure_open(ctx);
  ensure_readable(ctx);
  return normalize(io_util::read(ctx, fd_, dsts));
}

std::int64_t FileChannel::position(IoContext& ctx) {
  ensure_open(ctx);
  if (append_) return size(ctx);
  return ctx.kernel.offset_of(fd_);
}

void FileChannel::position(IoContext& ctx, std::int64_t new_position) {
  ensure_open(ctx);
  if (new_position < 0) ctx.raise("java.lang.IllegalArgumentException", std::nullopt);
  ctx.boundary();
  ctx.syscall(ctx.kernel.lseek_set(fd_, new_position));
}

std::int64_t FileChannel::size(IoContext& ctx) {
  ensure_open(ctx);
  ctx.boundary();
  const SyscallRecord call = ctx.kernel.fstat_size(fd_);
  ctx.syscall(call);
  return call.result;
}

void FileChannel::truncate(IoContext& ctx, std::int64_t new_size) {
  ensure_open(ctx);
  if (new_size < 0) ctx.raise("java.lang.IllegalArgumentException", std::string("Negative size"));
  ensure_writable(ctx);
  const std::int64_t current = size(ctx);
  std::int64_t p = ctx.kernel.offset_of(fd_);
  ctx.boundary();
  if (new_size < current) ctx.syscall(ctx.kernel.ftruncate(fd_, new_size));
  ctx.boundary();
  if (p > new_size) p = new_size;
  ctx.syscall(ctx.kernel.lseek_set(fd_, p));
}

void FileChannel::force(IoContext& ctx, bool meta_data) {
  ensure_open(ctx);
  ctx.boundary();
  SyscallRecord call = ctx.kernel.fsync(fd_);
  if (!meta_data) call.name = "fdatasync";
  ctx.syscall(call);
}

void FileChannel::close(IoContext& ctx) {
  if (!open_) return;
  open_ = false;
  ctx.boundary();
  ctx.syscall(ctx.kernel.close(fd_));
}

}  // namespace heapviz::io
