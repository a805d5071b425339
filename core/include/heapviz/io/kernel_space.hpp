#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "heapviz/io/device.hpp"
#include "heapviz/io/io_counters.hpp"

namespace heapviz::io {

using Fd = int;
using FileId = std::uint32_t;
using StreamId = std::uint32_t;

inline constexpr std::int64_t kPageSize = 4096;            ///< x86_64 Linux page (and allocation granularity)
inline constexpr std::int64_t kPipeCapacity = 65536;       ///< Linux default pipe buffer (16 pages)
inline constexpr std::int64_t kSocketSendBuffer = 212992;  ///< net.core.wmem_default on common kernels

/// Linux errno values the simulated kernel returns (as -errno in SyscallRecord::result).
enum class Errno : int {
  none = 0,
  ENOENT_ = 2,
  EBADF_ = 9,
  EAGAIN_ = 11,
  EEXIST_ = 17,
  EINVAL_ = 22,
  ESPIPE_ = 29,
  EPIPE_ = 32
};
/// "ENOENT", "EBADF", ... ("" for none).
std::string errno_name(Errno e);

/// open(2) flags that matter here.
struct OpenFlags {
  bool read = false;       ///< O_RDONLY / O_RDWR
  bool write = false;      ///< O_WRONLY / O_RDWR
  bool append = false;     ///< O_APPEND: every write goes to the end of the file
  bool create = false;     ///< O_CREAT
  bool exclusive = false;  ///< O_EXCL (with O_CREAT): fail with EEXIST if the file exists
  bool truncate = false;   ///< O_TRUNC
};

/// One 4 KiB page of the page cache: real bytes, a dirty flag, and a kernel virtual address
/// (direct-map style, 0xffff888...) that the view can draw.
struct CachedPage {
  std::int64_t index = 0;  ///< page number in the file (file offset / 4096)
  std::uint64_t kernel_address = 0;
  bool dirty = false;
  SharedBytes bytes;  ///< always kPageSize bytes (copy-on-write between snapshots)
  bool operator==(const CachedPage&) const = default;
};

/// An inode: name, size and its cached pages. What is on disk lives in Device.
struct KernelFile {
  FileId id = 0;
  std::string name;
  std::int64_t size = 0;
  std::map<std::int64_t, CachedPage> pages;  ///< by page index; absent = not cached
  std::optional<std::int64_t>
      short_write_limit;  ///< lesson knob: each write/pwrite stores at most this many bytes
  bool operator==(const KernelFile&) const = default;
};

/// A pipe or a socket's send queue: a bounded byte queue in the kernel.
struct StreamBuffer {
  enum class Kind : unsigned char { pipe, socket };
  StreamId id = 0;
  Kind kind = Kind::pipe;
  std::deque<std::byte> bytes;
  std::int64_t capacity = kPipeCapacity;
  std::uint64_t kernel_address = 0;
  std::deque<std::byte> from_peer;  ///< socket only: bytes the peer sent, waiting to be read
  bool operator==(const StreamBuffer&) const = default;
};

/// An open file description reached through an fd.
struct OpenFile {
  enum class Kind : unsigned char { file, pipe_read, pipe_write, socket };
  Kind kind = Kind::file;
  FileId file = 0;      ///< Kind::file
  StreamId stream = 0;  ///< pipes and sockets
  std::int64_t offset = 0;
  bool readable = false;
  bool writable = false;
  bool append = false;
  bool operator==(const OpenFile&) const = default;
};

/// A mapping of page-cache pages into the process (MAP_SHARED, or MAP_PRIVATE with copied pages).
struct Mapping {
  std::uint64_t address = 0;  ///< user address (page aligned)
  FileId file = 0;
  std::int64_t file_offset = 0;  ///< page aligned
  std::int64_t length = 0;       ///< bytes asked for (the mapping covers whole pages)
  bool writable = false;
  bool private_copy = false;  ///< MAP_PRIVATE: writes go to private pages, never to the file
  std::map<std::int64_t, std::vector<std::byte>> private_pages;  ///< copied-on-write pages (by page index)
  bool operator==(const Mapping&) const = default;
};

/// One user memory range a vectored call uses.
struct UserRange {
  std::uint64_t address = 0;
  std::int64_t length = 0;
};

/// What one system call did, so a step can describe it and the counters can add it up.
struct SyscallRecord {
  std::string name;  ///< "write", "pwrite64", "writev", "read", "pread64", "readv", "sendfile", ...
  Fd fd = -1;
  std::int64_t result = 0;  ///< bytes, a new fd, an address, or -errno
  Errno error = Errno::none;
  std::int64_t file_offset = -1;            ///< where in the file it read/wrote (-1: not a file)
  std::vector<std::int64_t> pages_touched;  ///< page indexes read or written
  std::vector<std::int64_t> pages_dirtied;  ///< pages that became dirty
  std::vector<std::int64_t> pages_filled;   ///< pages read from the device first (cache misses)
  std::vector<std::int64_t> pages_written_back;
  std::int64_t user_to_kernel = 0;
  std::int64_t kernel_to_user = 0;
  std::int64_t kernel_to_kernel = 0;
  std::int64_t kernel_to_device = 0;
  std::int64_t device_to_kernel = 0;
  bool would_block = false;  ///< a pipe/socket was full or empty: a blocking call would wait here
  // Where the bytes were, so a step can name its byte ranges (io_ranges.hpp):
  std::vector<UserRange> user;   ///< user memory the call read or wrote (the bytes it moved, in order)
  Fd in_fd = -1;                 ///< sendfile: the source fd (fd is the target)
  std::int64_t out_offset = -1;  ///< sendfile: where in the target file the bytes went
  FileId file = 0;               ///< writeback/fsync: the file whose pages went to the device
  bool ok() const { return error == Errno::none; }
};

/// Adds a call's bytes and its name to the counters.
void account(IoCounters& counters, const SyscallRecord& call);

/// The kernel's part of the story: files with their page cache, fds, pipes and sockets, and
/// mappings, plus the Device below it. A plain copyable value; every operation is a method taking
/// plain data and returning a SyscallRecord, so each can become one recorded effect.
/// Semantics follow Linux: a write goes to the page cache and dirties pages; the device changes only
/// on writeback()/fsync(); read() at EOF returns 0; O_APPEND writes at the end.
class KernelSpace {
 public:
  static constexpr std::uint64_t kPageCacheBase = 0xffff888100000000;  ///< first page frame's address
  static constexpr std::uint64_t kStreamBase = 0xffff888200000000;     ///< pipe/socket buffers
  static constexpr std::uint64_t kMmapBase = 0x7f5000000000;           ///< first mapping address
  static constexpr Fd kFirstFd = 3;

  // --- files and fds ---
  /// open(name, flags): a new fd, or -ENOENT / -EEXIST.
  SyscallRecord open(const std::string& name, OpenFlags flags);
  SyscallRecord close(Fd fd);
  /// lseek(fd, offset, SEEK_SET).
  SyscallRecord lseek_set(Fd fd, std::int64_t offset);
  /// The fd's current offset (lseek(fd, 0, SEEK_CUR)); -1 if the fd is not open.
  std::int64_t offset_of(Fd fd) const;
  /// fstat(fd).st_size.
  SyscallRecord fstat_size(Fd fd);
  /// ftruncate(fd, length): shrinking drops cached pages past the end and zeroes the tail of the last
  /// page; growing makes a hole that reads as zeros.
  SyscallRecord ftruncate(Fd fd, std::int64_t length);

  // --- data ---
  /// write(fd, buf, n) with `data` read from user memory at `user_address`.
  SyscallRecord write(Fd fd, std::uint64_t user_address, std::span<const std::byte> data);
  /// pwrite64(fd, buf, n, offset): the fd offset does not move.
  SyscallRecord pwrite(Fd fd, std::uint64_t user_address, std::span<const std::byte> data,
                       std::int64_t offset);
  /// writev(fd, iov, n): the ranges' bytes, concatenated, as `data`.
  SyscallRecord writev(Fd fd, const std::vector<UserRange>& iov, std::span<const std::byte> data);
  /// read(fd, buf, n): fills the start of `out`; result = bytes read (0 at EOF).
  SyscallRecord read(Fd fd, std::uint64_t user_address, std::span<std::byte> out);
  SyscallRecord pread(Fd fd, std::uint64_t user_address, std::span<std::byte> out, std::int64_t offset);
  /// readv(fd, iov, n): `out` is the ranges concatenated.
  SyscallRecord readv(Fd fd, const std::vector<UserRange>& iov, std::span<std::byte> out);
  /// sendfile64(out_fd, in_fd, &offset, count): page cache -> page cache / stream, no user copy;
  /// the in fd's offset does not move, the out fd's does. EINVAL for an O_APPEND file target.
  SyscallRecord sendfile(Fd out_fd, Fd in_fd, std::int64_t offset, std::int64_t count);

  // --- writeback ---
  /// fsync(fd): writes the file's dirty pages to the device now and records its size there.
  SyscallRecord fsync(Fd fd);
  /// The flusher thread's writeback of one file (a later, separate event in the story).
  SyscallRecord writeback(FileId file);
  /// Writeback of every file with dirty pages.
  std::vector<SyscallRecord> writeback_all();

  // --- mmap ---
  /// mmap(NULL, length, prot, MAP_SHARED|MAP_PRIVATE, fd, offset): offset must be page aligned,
  /// the fd readable (and writable for a shared writable mapping). Result: the address.
  SyscallRecord mmap(Fd fd, std::int64_t offset, std::int64_t length, bool writable, bool private_copy);
  SyscallRecord munmap(std::uint64_t address);
  /// A load through a mapping: page faults fill pages from the device. Outside any mapping throws
  /// std::out_of_range (a SIGSEGV in real life: a simulator bug here).
  SyscallRecord mapped_read(std::uint64_t address, std::span<std::byte> out);
  /// A store through a mapping: dirties the page-cache page (shared) or a private copy. Throws like
  /// check_mapped_store, before changing anything.
  SyscallRecord mapped_write(std::uint64_t address, std::span<const std::byte> in);
  /// Throws std::out_of_range (a SIGSEGV in real life) unless [address, address + length) lies in one
  /// writable mapping: a caller recording a store checks first, so that its effect always replays.
  void check_mapped_store(std::uint64_t address, std::int64_t length) const;
  /// msync(address, length, MS_SYNC) (MappedByteBuffer.force): the dirty page-cache pages of a shared
  /// mapping in [address, address + length) reach the device now (with the file's size), like fsync but
  /// for that range only. `address` must be page aligned; misaligned or outside every mapping: EINVAL.
  /// A private mapping's copies never reach the file.
  SyscallRecord msync(std::uint64_t address, std::int64_t length);
  /// mincore over [address, address + length): true when every page is resident (in the page cache, or
  /// a private copy). False for a range outside every mapping.
  bool resident(std::uint64_t address, std::int64_t length) const;

  // --- pipes and sockets ---
  /// pipe(): result = read fd; the write fd is result + 1.
  SyscallRecord pipe();
  /// A connected socket whose other end is a peer on the device side.
  SyscallRecord socket();
  /// The peer takes up to `max` bytes from the socket's send queue (kernel -> device).
  SyscallRecord peer_receive(Fd socket_fd, std::int64_t max);
  /// The peer sends bytes; they wait in the socket's receive queue.
  void peer_send(Fd socket_fd, std::span<const std::byte> data);

  // --- lesson knobs and inspection ---
  /// Makes every later write/pwrite to this file store at most `limit` bytes (a short write).
  void set_short_write_limit(FileId file, std::optional<std::int64_t> limit);
  const OpenFile* fd(Fd fd) const;
  const KernelFile* file(FileId id) const;
  const KernelFile* file_named(const std::string& name) const;
  const StreamBuffer* stream(StreamId id) const;
  const Mapping* mapping_at(std::uint64_t address) const;
  const std::map<Fd, OpenFile>& fds() const { return fds_; }
  const std::map<FileId, KernelFile>& files() const { return files_; }
  const std::map<std::uint64_t, Mapping>& mappings() const { return mappings_; }
  /// The file as a process would read it now: page cache over device, zeros in holes, `size` bytes.
  std::vector<std::byte> file_contents(FileId id) const;
  const Device& device() const { return device_; }
  /// Creates a file directly on the device (an existing file before the lesson starts).
  FileId create_on_device(const std::string& name, std::span<const std::byte> contents);

  bool operator==(const KernelSpace&) const = default;

 private:
  OpenFile* find_fd(Fd fd);
  KernelFile& file_ref(FileId id);
  StreamBuffer& stream_ref(StreamId id);
  CachedPage& page(KernelFile& f, std::int64_t index, SyscallRecord& rec, bool whole_page_overwrite);
  void read_file(KernelFile& f, std::int64_t offset, std::span<std::byte> out, SyscallRecord& rec);
  void write_file(KernelFile& f, std::int64_t offset, std::span<const std::byte> data, SyscallRecord& rec);
  SyscallRecord write_at(Fd fd, std::string name, std::span<const std::byte> data,
                         std::optional<std::int64_t> position);
  SyscallRecord read_at(Fd fd, std::string name, std::span<std::byte> out,
                        std::optional<std::int64_t> position);
  std::int64_t write_stream(StreamBuffer& s, std::span<const std::byte> data, SyscallRecord& rec);
  std::int64_t read_stream(StreamBuffer& s, std::span<std::byte> out, bool from_peer, SyscallRecord& rec);
  void writeback_into(KernelFile& f, SyscallRecord& rec);
  const Mapping* mapping_containing(std::uint64_t address, std::int64_t length) const;
  static SyscallRecord fail(std::string name, Fd fd, Errno e);

  std::map<FileId, KernelFile> files_;
  std::map<Fd, OpenFile> fds_;
  std::map<StreamId, StreamBuffer> streams_;
  std::map<std::uint64_t, Mapping> mappings_;
  Device device_;
  FileId next_file_ = 1;
  StreamId next_stream_ = 1;
  std::uint64_t next_frame_ = 0;
  std::uint64_t next_mmap_ = kMmapBase;
};

}  // namespace heapviz::io
