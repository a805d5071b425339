// JDK 17 sun.nio.ch.IOUtil: direct buffers go to the syscall, heap buffers bounce through temporaries.
#include "heapviz/io/io_util.hpp"

#include <vector>

#include "heapviz/nio/byte_buffer.hpp"

namespace heapviz::io::io_util {

namespace {

int remaining_of(const IoBuffer& b) { return b.state->remaining(); }

/// A position change that is a sub-step of its own (IOUtil's src.position(pos), Buffer.position).
void set_position(IoContext& ctx, IoBuffer& b, int p) {
  ctx.boundary();
  const int old = b.state->position;
  nio::ByteBuffer(*b.state, *b.root).position(p);
  ctx.position(b.id, "position", old, p);
}

/// A position advance that belongs to the copy just made (the buffers a syscall or a put moved).
void advance(IoContext& ctx, IoBuffer& b, int p) {
  const int old = b.state->position;
  nio::ByteBuffer(*b.state, *b.root).position(p);
  ctx.position(b.id, "position", old, p);
}

/// The syscall failed with an errno that FileDispatcherImpl turns into an IOException.
[[noreturn]] void throw_io_error(IoContext& ctx, const SyscallRecord& call) {
  const char* text = "Input/output error";
  switch (call.error) {
    case Errno::EBADF_:
      text = "Bad file descriptor";
      break;
    case Errno::EINVAL_:
      text = "Invalid argument";
      break;
    case Errno::ESPIPE_:
      text = "Illegal seek";
      break;
    case Errno::EPIPE_:
      text = "Broken pipe";
      break;
    default:
      break;
  }
  ctx.raise("java.io.IOException", std::string(text));
}

namespace {
/// One bounce copy `from` [pos, lim) -> `to` via to.put(from), between a heap buffer and the temporary
/// direct buffer; records the copy. The event comes first: the machine turns each event into a step
/// that holds everything until the next event (the bytes too).
void bounce(IoContext& ctx, IoBuffer& from, IoBuffer& to, bool to_heap) {
  ctx.boundary();
  IoBuffer& heap = to_heap ? to : from;
  IoBuffer& temporary = to_heap ? from : to;
  const int n = remaining_of(from);
  const int from_pos = from.state->position;
  const int to_pos = to.state->position;
  const auto heap_address = [&](int pos) {
    return heap.root_address + static_cast<std::uint64_t>(heap.state->offset + pos);
  };
  IoEvent e;
  e.kind = IoEventKind::bounce_copy;
  e.thread = ctx.thread;
  e.buffer = temporary.id;
  e.other = heap.id;
  e.bytes = n;
  e.to_heap = to_heap;
  e.from_address = to_heap ? temporary.address_of(from_pos) : heap_address(from_pos);
  e.to_address = to_heap ? heap_address(to_pos) : temporary.address_of(to_pos);
  e.detail = to_heap ? "Unsafe.copyMemory native -> heap (ByteBuffer.put)"
                     : "Unsafe.copyMemory heap -> native (ByteBuffer.put)";
  (to_heap ? ctx.counters.bounce_native_to_heap : ctx.counters.bounce_heap_to_native) +=
      static_cast<std::uint64_t>(n);
  ctx.emit(e);
  nio::ByteBuffer dst(*to.state, *to.root);
  nio::ByteBuffer src(*from.state, *from.root);
  dst.put(src);
  ctx.position(from.id, "position", from_pos, from.state->position);
  ctx.position(to.id, "position", to_pos, to.state->position);
}
}  // namespace

/// heap src [pos, lim) -> temporary bb via bb.put(src).
void bounce_to_native(IoContext& ctx, IoBuffer& src, IoBuffer& bb) { bounce(ctx, src, bb, false); }

/// temporary bb [pos, lim) -> heap dst via dst.put(bb).
void bounce_to_heap(IoContext& ctx, IoBuffer& bb, IoBuffer& dst) { bounce(ctx, bb, dst, true); }

void flip(IoContext& ctx, IoBuffer& b) {
  ctx.boundary();
  const int old_pos = b.state->position;
  nio::ByteBuffer(*b.state, *b.root).flip();
  ctx.position(b.id, "flip (limit = position, position = 0)", old_pos, 0);
}

std::vector<std::byte> bytes_of(IoBuffer& b, int pos, int n) {
  std::vector<std::byte> out(static_cast<std::size_t>(n));
  b.root->read(b.state->offset + pos, out);
  return out;
}

/// IOUtil.writeFromNativeBuffer.
int write_from_native(IoContext& ctx, Fd fd, IoBuffer& bb, std::int64_t position) {
  const int pos = bb.state->position;
  const int rem = remaining_of(bb);
  if (rem == 0) return 0;
  const std::vector<std::byte> data = bytes_of(bb, pos, rem);
  ctx.boundary();
  const SyscallRecord call = position != -1 ? ctx.kernel.pwrite(fd, bb.address_of(pos), data, position)
                                            : ctx.kernel.write(fd, bb.address_of(pos), data);
  ctx.syscall(call, bb.id);
  if (!call.ok()) throw_io_error(ctx, call);
  const int written = static_cast<int>(call.result);
  if (written > 0) advance(ctx, bb, pos + written);
  return written;
}

/// IOUtil.readIntoNativeBuffer; 0 bytes from a file is end of file (IOStatus.EOF = -1).
int read_into_native(IoContext& ctx, Fd fd, IoBuffer& bb, std::int64_t position) {
  const int pos = bb.state->position;
  const int rem = remaining_of(bb);
  if (rem == 0) return 0;
  std::vector<std::byte> data(static_cast<std::size_t>(rem));
  ctx.boundary();
  const SyscallRecord call = position != -1 ? ctx.kernel.pread(fd, bb.address_of(pos), data, position)
                                            : ctx.kernel.read(fd, bb.address_of(pos), data);
  ctx.syscall(call, bb.id);
  if (!call.ok()) throw_io_error(ctx, call);
  const int n = static_cast<int>(call.result);
  if (n == 0) return call.would_block ? 0 : -1;  // an empty pipe would block: IOS_UNAVAILABLE -> 0
  bb.root->write(bb.state->offset + pos, std::span<const std::byte>(data).first(static_cast<std::size_t>(n)));
  advance(ctx, bb, pos + n);
  return n;
}

}  // namespace

int write(IoContext& ctx, Fd fd, IoBuffer src, std::int64_t position) {
  if (src.is_direct()) return write_from_native(ctx, fd, src, position);
  const int pos = src.state->position;
  const int rem = remaining_of(src);
  IoBuffer bb = ctx.buffers.buffer(ctx.temporaries.get(ctx, rem));
  try {
    bounce_to_native(ctx, src, bb);
    flip(ctx, bb);
    set_position(ctx, src, pos);  // do not update src until we see how many bytes were written
    const int n = write_from_native(ctx, fd, bb, position);
    if (n > 0) advance(ctx, src, pos + n);
    ctx.temporaries.offer_first(ctx, bb.id);
    return n;
  } catch (...) {
    ctx.temporaries.offer_first(ctx, bb.id);  // the JDK's finally
    throw;
  }
}

int read(IoContext& ctx, Fd fd, IoBuffer dst, std::int64_t position) {
  if (dst.state->read_only) ctx.raise("java.lang.IllegalArgumentException", std::string("Read-only buffer"));
  if (dst.is_direct()) return read_into_native(ctx, fd, dst, position);
  const int rem = remaining_of(dst);
  IoBuffer bb = ctx.buffers.buffer(ctx.temporaries.get(ctx, rem));
  try {
    const int n = read_into_native(ctx, fd, bb, position);
    flip(ctx, bb);
    if (n > 0) bounce_to_heap(ctx, bb, dst);
    ctx.temporaries.offer_first(ctx, bb.id);
    return n;
  } catch (...) {
    ctx.temporaries.offer_first(ctx, bb.id);
    throw;
  }
}

namespace {

/// One iovec entry of IOVecWrapper: the user buffer, its position and remaining, and its shadow.
struct IoVecEntry {
  IoBuffer* buffer = nullptr;
  int position = 0;
  int remaining = 0;
  std::optional<BufferId> shadow;
};

void return_shadows(IoContext& ctx, std::vector<IoVecEntry>& vec) {
  for (IoVecEntry& v : vec)
    if (v.shadow) ctx.temporaries.offer_last(ctx, *v.shadow);
  vec.clear();
}

}  // namespace

std::int64_t write(IoContext& ctx, Fd fd, std::span<IoBuffer> srcs) {
  std::vector<IoVecEntry> vec;
  try {
    std::vector<UserRange> iov;
    std::vector<std::byte> data;
    for (std::size_t i = 0; i < srcs.size() && static_cast<int>(vec.size()) < kIovMax; ++i) {
      IoBuffer& buf = srcs[i];
      const int pos = buf.state->position;
      const int rem = remaining_of(buf);
      if (rem == 0) continue;
      IoVecEntry v{&buf, pos, rem, std::nullopt};
      IoBuffer target = buf;
      int target_pos = pos;
      if (!buf.is_direct()) {
        IoBuffer shadow = ctx.buffers.buffer(ctx.temporaries.get(ctx, rem));
        v.shadow = shadow.id;
        vec.push_back(v);  // registered before the copy, so an exception returns it
        bounce_to_native(ctx, buf, shadow);
        flip(ctx, shadow);
        set_position(ctx, buf, pos);  // temporarily restore the user buffer's position
        target = shadow;
        target_pos = shadow.state->position;
      } else {
        vec.push_back(v);
      }
      iov.push_back({target.address_of(target_pos), rem});
      const std::vector<std::byte> part = bytes_of(target, target_pos, rem);
      data.insert(data.end(), part.begin(), part.end());
    }
    if (vec.empty()) return 0;
    ctx.boundary();
    const SyscallRecord call = ctx.kernel.writev(fd, iov, data);
    ctx.syscall(call);
    if (!call.ok()) throw_io_error(ctx, call);
    std::int64_t left = call.result;
    for (IoVecEntry& v : vec) {
      if (left > 0) {
        const int n = left > v.remaining ? v.remaining : static_cast<int>(left);
        // The first advance belongs to the writev step; later ones follow an offer: steps of their own.
        if (&v == &vec.front())
          advance(ctx, *v.buffer, v.position + n);
        else
          set_position(ctx, *v.buffer, v.position + n);
        left -= n;
      }
      if (v.shadow) ctx.temporaries.offer_last(ctx, *v.shadow);
      v.shadow.reset();
    }
    return call.result;
  } catch (...) {
    return_shadows(ctx, vec);
    throw;
  }
}

std::int64_t read(IoContext& ctx, Fd fd, std::span<IoBuffer> dsts) {
  std::vector<IoVecEntry> vec;
  try {
    std::vector<UserRange> iov;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < dsts.size() && static_cast<int>(vec.size()) < kIovMax; ++i) {
      IoBuffer& buf = dsts[i];
      if (buf.state->read_only)
        ctx.raise("java.lang.IllegalArgumentException", std::string("Read-only buffer"));
      const int pos = buf.state->position;
      const int rem = remaining_of(buf);
      if (rem == 0) continue;
      IoVecEntry v{&buf, pos, rem, std::nullopt};
      if (!buf.is_direct()) {
        IoBuffer shadow = ctx.buffers.buffer(ctx.temporaries.get(ctx, rem));
        v.shadow = shadow.id;
        iov.push_back({shadow.address_of(shadow.state->position), rem});
      } else {
        iov.push_back({buf.address_of(pos), rem});
      }
      vec.push_back(v);
      total += rem;
    }
    if (vec.empty()) return 0;
    std::vector<std::byte> data(static_cast<std::size_t>(total));
    ctx.boundary();
    const SyscallRecord call = ctx.kernel.readv(fd, iov, data);
    ctx.syscall(call);
    if (!call.ok()) throw_io_error(ctx, call);
    if (call.result == 0) {
      return_shadows(ctx, vec);
      return call.would_block ? 0 : -1;  // end of file
    }
    std::int64_t left = call.result;
    std::size_t at = 0;
    for (IoVecEntry& v : vec) {
      if (left > 0) {
        const int n = left > v.remaining ? v.remaining : static_cast<int>(left);
        const std::span<const std::byte> part =
            std::span<const std::byte>(data).subspan(at, static_cast<std::size_t>(n));
        if (!v.shadow) {
          v.buffer->root->write(v.buffer->state->offset + v.position, part);
          advance(ctx, *v.buffer, v.position + n);
        } else {
          IoBuffer shadow = ctx.buffers.buffer(*v.shadow);
          const int spos = shadow.state->position;
          shadow.root->write(shadow.state->offset + spos, part);  // the kernel filled the shadow
          ctx.boundary();
          const int old_limit = shadow.state->limit;
          shadow.state->limit = spos + n;  // shadow.limit(shadow.position() + n)
          ctx.position(shadow.id, "limit", old_limit, spos + n);
          bounce_to_heap(ctx, shadow, *v.buffer);
        }
        left -= n;
        at += static_cast<std::size_t>(n);
      }
      if (v.shadow) ctx.temporaries.offer_last(ctx, *v.shadow);
      v.shadow.reset();
    }
    return call.result;
  } catch (...) {
    return_shadows(ctx, vec);
    throw;
  }
}

}  // namespace heapviz::io::io_util
