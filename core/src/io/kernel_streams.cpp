// KernelSpace: pipes and sockets (bounded byte queues in the kernel; a socket's peer is on the device side).
#include <algorithm>

#include "heapviz/io/kernel_space.hpp"

namespace heapviz::io {

namespace {
Fd lowest_free(const std::map<Fd, OpenFile>& fds, Fd from) {
  Fd fd = from;
  while (fds.count(fd)) ++fd;
  return fd;
}
}  // namespace

SyscallRecord KernelSpace::pipe() {
  StreamBuffer s;
  s.id = next_stream_++;
  s.kind = StreamBuffer::Kind::pipe;
  s.capacity = kPipeCapacity;
  s.kernel_address = kStreamBase + (s.id - 1) * 0x40000;
  streams_[s.id] = s;
  OpenFile r;
  r.kind = OpenFile::Kind::pipe_read;
  r.stream = s.id;
  r.readable = true;
  OpenFile w = r;
  w.kind = OpenFile::Kind::pipe_write;
  w.readable = false;
  w.writable = true;
  const Fd rfd = lowest_free(fds_, kFirstFd);
  fds_[rfd] = r;
  const Fd wfd = lowest_free(fds_, rfd + 1);
  fds_[wfd] = w;
  SyscallRecord rec;
  rec.name = "pipe2";
  rec.fd = rfd;
  rec.result = rfd;
  return rec;
}

SyscallRecord KernelSpace::socket() {
  StreamBuffer s;
  s.id = next_stream_++;
  s.kind = StreamBuffer::Kind::socket;
  s.capacity = kSocketSendBuffer;
  s.kernel_address = kStreamBase + (s.id - 1) * 0x40000;
  streams_[s.id] = s;
  device_.received[s.id];
  OpenFile of;
  of.kind = OpenFile::Kind::socket;
  of.stream = s.id;
  of.readable = true;
  of.writable = true;
  const Fd fd = lowest_free(fds_, kFirstFd);
  fds_[fd] = of;
  SyscallRecord rec;
  rec.name = "socket";
  rec.fd = fd;
  rec.result = fd;
  return rec;
}

SyscallRecord KernelSpace::peer_receive(Fd socket_fd, std::int64_t max) {
  OpenFile* of = find_fd(socket_fd);
  if (!of || of->kind != OpenFile::Kind::socket) return fail("peer_receive", socket_fd, Errno::EBADF_);
  StreamBuffer& s = stream_ref(of->stream);
  const std::int64_t n = std::min(max, static_cast<std::int64_t>(s.bytes.size()));
  auto& got = device_.received[s.id];
  got.insert(got.end(), s.bytes.begin(), s.bytes.begin() + n);
  s.bytes.erase(s.bytes.begin(), s.bytes.begin() + n);
  SyscallRecord rec;
  rec.name = "peer_receive";  // not a syscall of this process: the NIC sends, the peer reads
  rec.fd = socket_fd;
  rec.result = n;
  rec.kernel_to_device = n;
  return rec;
}

void KernelSpace::peer_send(Fd socket_fd, std::span<const std::byte> data) {
  OpenFile* of = find_fd(socket_fd);
  if (!of || of->kind != OpenFile::Kind::socket) return;
  StreamBuffer& s = stream_ref(of->stream);
  s.from_peer.insert(s.from_peer.end(), data.begin(), data.end());
}

}  // namespace heapviz::io
