#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "heapviz/io/io_context.hpp"
#include "heapviz/nio/buffer_state.hpp"

namespace heapviz::io {

/// java.nio.file.StandardOpenOption values FileChannel.open understands.
struct OpenOptions {
  bool read = false;
  bool write = false;
  bool append = false;
  bool create = false;
  bool create_new = false;
  bool truncate_existing = false;
  /// Parses "READ", "WRITE", "APPEND", "CREATE", "CREATE_NEW", "TRUNCATE_EXISTING" (case-insensitive);
  /// returns false on an unknown name.
  bool add(std::string_view name);
};

/// FileChannel.MapMode.
enum class MapMode : unsigned char { read_only, read_write, private_copy };

/// A MappedByteBuffer made by FileChannel.map: a direct buffer whose bytes are page-cache pages.
/// `size` 0 gives a 0-capacity buffer with address 0 and no mapping (not counted in the pool).
struct MappedBuffer {
  nio::BufferState state;         ///< direct; read-only for READ_ONLY
  std::uint64_t address = 0;      ///< Buffer.address = map address + pagePosition
  std::uint64_t map_address = 0;  ///< what mmap returned (0: no mapping)
  std::int64_t map_size = 0;      ///< size + pagePosition
  int page_position = 0;          ///< position % allocationGranularity (4096)
  bool unmapped = false;          ///< the Unmapper (its Cleaner) has run
};

/// What transferTo writes into: a FileChannel or a pipe/socket (a SelChImpl).
struct TransferTarget {
  Fd fd = -1;
  bool open = true;
  bool is_file_channel = false;
  bool writable = true;  ///< FileChannelImpl.writable (files only)
};

/// sun.nio.ch.FileChannelImpl (JDK 17) over the simulated kernel: state (fd, readable, writable,
/// append, open) and the checks of each method in the JDK's order. Data transfer goes through io_util.
class FileChannel {
 public:
  /// FileChannel.open(path, options) via UnixChannelFactory: neither READ nor WRITE -> READ (or WRITE
  /// with APPEND); "READ + APPEND not allowed", "APPEND + TRUNCATE_EXISTING not allowed"; CREATE,
  /// CREATE_NEW and TRUNCATE_EXISTING only apply when writing; NoSuchFileException(path),
  /// FileAlreadyExistsException(path).
  static FileChannel open(IoContext& ctx, const std::string& path, OpenOptions options);

  /// write(src): ClosedChannelException, NonWritableChannelException, then IOUtil.write at the position.
  int write(IoContext& ctx, IoBuffer src);
  /// write(src, position): IllegalArgumentException("Negative position") first; pwrite64.
  int write(IoContext& ctx, IoBuffer src, std::int64_t position);
  /// write(srcs): gathering (writev).
  std::int64_t write(IoContext& ctx, std::span<IoBuffer> srcs);
  /// read(dst): ClosedChannelException, NonReadableChannelException, then IOUtil.read; -1 at EOF.
  int read(IoContext& ctx, IoBuffer dst);
  /// read(dst, position): IllegalArgumentException("Negative position") first; pread64; -1 at EOF.
  int read(IoContext& ctx, IoBuffer dst, std::int64_t position);
  /// read(dsts): scattering (readv).
  std::int64_t read(IoContext& ctx, std::span<IoBuffer> dsts);

  /// position(): the fd offset, or the size for an APPEND channel.
  std::int64_t position(IoContext& ctx);
  /// position(p): IllegalArgumentException (null message) for p < 0; lseek.
  void position(IoContext& ctx, std::int64_t new_position);
  std::int64_t size(IoContext& ctx);
  /// truncate(size): "Negative size", NonWritableChannelException; shrinks only; clamps the position.
  void truncate(IoContext& ctx, std::int64_t size);
  /// force(metaData): fsync (or fdatasync): the file's dirty pages reach the device now.
  void force(IoContext& ctx, bool meta_data);
  /// transferTo(position, count, target): the JDK's checks in order, then sendfile (kernel -> kernel, no
  /// user copy, no pool change); an O_APPEND file target makes sendfile fail with EINVAL, so the JDK
  /// maps 8 MiB read-only chunks and writes them (transferToTrustedChannel).
  std::int64_t transfer_to(IoContext& ctx, std::int64_t position, std::int64_t count, TransferTarget target);
  /// map(mode, position, size): checks, extension of a short file, pagePosition, mmap, and the
  /// `mapped` pool accounting (count, capacity += size, memoryUsed += size + pagePosition).
  MappedBuffer map(IoContext& ctx, MapMode mode, std::int64_t position, std::int64_t size);
  /// The Unmapper a mapped buffer's Cleaner runs after GC (or Unsafe.invokeCleaner): munmap, and the
  /// pool counters go down. A second call does nothing.
  static void unmap(IoContext& ctx, MappedBuffer& buffer);
  /// close(): the fd is closed; later calls throw ClosedChannelException. Closing twice is a no-op.
  void close(IoContext& ctx);

  bool is_open() const { return open_; }
  Fd fd() const { return fd_; }
  bool readable() const { return readable_; }
  bool writable() const { return writable_; }
  bool append() const { return append_; }
  const std::string& path() const { return path_; }
  TransferTarget as_target() const { return {fd_, open_, true, writable_}; }
  bool operator==(const FileChannel&) const = default;

 private:
  void ensure_open(IoContext& ctx) const;
  void ensure_writable(IoContext& ctx) const;
  void ensure_readable(IoContext& ctx) const;
  std::int64_t transfer_mapped(IoContext& ctx, std::int64_t position, std::int64_t count,
                               TransferTarget target);

  Fd fd_ = -1;
  std::string path_;
  bool readable_ = false;
  bool writable_ = false;
  bool append_ = false;
  bool open_ = false;
};

}  // namespace heapviz::io
