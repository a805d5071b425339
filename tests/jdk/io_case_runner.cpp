// The simulator side of the I/O differential test. It drives the standalone io classes with the
// stand-in direct buffers (StandInDirectBuffers: JDK 17 Bits accounting), not the machine.
#include "io_case_runner.hpp"

#include <cstdio>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/io/file_channel.hpp"
#include "heapviz/io/mapped_byte_store.hpp"
#include "heapviz/io/stand_in_direct_buffers.hpp"
#include "heapviz/nio/byte_buffer.hpp"

namespace heapviz::jdk_test {

using namespace heapviz::io;

IoFlags parse_io_flags(const std::string& line) {
  IoFlags f;
  std::istringstream in(line.substr(line.rfind("#!", 0) == 0 ? 2 : 0));
  for (std::string w; in >> w;) {
    const std::string cached = "-Djdk.nio.maxCachedBufferSize=";
    const std::string direct = "-XX:MaxDirectMemorySize=";
    if (w.rfind(cached, 0) == 0) {
      f.has_max_cached_buffer_size = true;
      f.max_cached_buffer_size = w.substr(cached.size());
    } else if (w.rfind(direct, 0) == 0) {
      std::string v = w.substr(direct.size());
      long long mult = 1;
      const char last = static_cast<char>(std::tolower(static_cast<unsigned char>(v.back())));
      if (last == 'k') mult = 1024;
      if (last == 'm') mult = 1024 * 1024;
      if (last == 'g') mult = 1024LL * 1024 * 1024;
      if (mult != 1) v.pop_back();
      f.max_direct_memory = std::stoll(v) * mult;
    }
  }
  return f;
}

namespace {

/// One Java ByteBuffer of a case: a heap buffer, a direct buffer (or view) in the stand-in, or a
/// mapped buffer (or view).
struct UserBuffer {
  enum class Kind { heap, direct, mapped } kind = Kind::heap;
  BufferId id = 0;                        // heap: 100000 + k; direct: the stand-in's id
  nio::BufferState state;                 // heap and mapped
  std::shared_ptr<nio::ByteStore> store;  // heap and mapped (shared with views)
  std::shared_ptr<MappedBuffer> mapping;  // mapped: the root's mapping (for free = unmap)
  bool is_root = true;
};

class CaseRun {
 public:
  explicit CaseRun(const IoFlags& flags)
      : buffers_(flags.max_direct_memory),
        temporaries_(parse_max_cached_buffer_size(
            flags.has_max_cached_buffer_size ? std::optional<std::string_view>(flags.max_cached_buffer_size)
                                             : std::nullopt)),
        ctx_{kernel_, temporaries_, buffers_, counters_, events_, statics_, "main", {}, {}} {}

  /// Runs one operation on the Java thread `thread` (the case's own thread is "main").
  std::string apply_on(const std::string& thread, const std::vector<std::string>& w) {
    ctx_.thread = thread;
    try {
      std::string r = apply(w);
      ctx_.thread = "main";
      return r;
    } catch (...) {
      ctx_.thread = "main";
      throw;
    }
  }
  std::string apply(const std::vector<std::string>& w);
  std::string pools() const;
  std::string contents() const;

 private:
  IoBuffer io(std::size_t k);
  UserBuffer& buf(const std::string& s);
  FileChannel& chan(const std::string& s);
  std::string state(std::size_t k);
  std::string state_of(const nio::BufferState& s) const;
  std::size_t index(const std::string& s, std::size_t size) const;
  std::string new_buffer(UserBuffer b);

  KernelSpace kernel_;
  StandInDirectBuffers buffers_;
  TemporaryBuffers temporaries_;
  IoCounters counters_;
  std::vector<IoEvent> events_;
  ChannelStatics statics_;
  IoContext ctx_;
  std::vector<UserBuffer> bufs_;
  std::vector<FileChannel> chans_;
  std::vector<std::string> files_;
};

std::size_t CaseRun::index(const std::string& s, std::size_t size) const {
  const long k = std::stol(s.substr(1));
  if (k < 0 || static_cast<std::size_t>(k) >= size)
    throw JavaException{{"java.lang.IndexOutOfBoundsException",
                         "Index " + std::to_string(k) + " out of bounds for length " + std::to_string(size)}};
  return static_cast<std::size_t>(k);
}

UserBuffer& CaseRun::buf(const std::string& s) { return bufs_[index(s, bufs_.size())]; }
FileChannel& CaseRun::chan(const std::string& s) { return chans_[index(s, chans_.size())]; }

IoBuffer CaseRun::io(std::size_t k) {
  UserBuffer& b = bufs_[k];
  if (b.kind == UserBuffer::Kind::direct) return buffers_.buffer(b.id);
  const std::uint64_t address = b.kind == UserBuffer::Kind::mapped ? b.mapping->address : 0;
  return IoBuffer{b.id, &b.state, b.store.get(), address};
}

std::string CaseRun::state_of(const nio::BufferState& s) const {
  return "pos=" + std::to_string(s.position) + " lim=" + std::to_string(s.limit) +
         " cap=" + std::to_string(s.capacity);
}

std::string CaseRun::state(std::size_t k) { return state_of(*io(k).state); }

std::string CaseRun::new_buffer(UserBuffer b) {
  bufs_.push_back(std::move(b));
  std::string name = "b";  // not "b" + to_string(...): g++ 12 gives a false -Wrestrict on that
  name += std::to_string(bufs_.size() - 1);
  return name;
}

std::string hex2(int v) {
  char s[3];
  std::snprintf(s, sizeof s, "%02x", v & 0xff);
  return s;
}

std::string CaseRun::apply(const std::vector<std::string>& w) {
  const std::string& verb = w.at(0);
  const auto num = [&](std::size_t i) { return std::stoll(w.at(i)); };
  if (verb == "heap" || verb == "direct") {
    const int cap = static_cast<int>(num(1));
    UserBuffer b;
    if (verb == "heap") {
      b.state = nio::allocate(cap);
      b.id = 100000 + static_cast<BufferId>(bufs_.size());
      b.store = std::make_shared<nio::VectorByteStore>(static_cast<std::size_t>(cap));
    } else {
      b.kind = UserBuffer::Kind::direct;
      b.id = buffers_.allocate_direct(cap);
    }
    const int k = static_cast<int>(bufs_.size());
    std::vector<std::byte> fill(static_cast<std::size_t>(cap));
    for (int i = 0; i < cap; ++i) fill[static_cast<std::size_t>(i)] = static_cast<std::byte>(i + 1 + 16 * k);
    bufs_.push_back(b);
    IoBuffer io_b = io(bufs_.size() - 1);
    io_b.root->write(0, fill);
    return "b" + std::to_string(k);
  }
  if (verb == "ro") {
    const std::size_t k = index(w.at(1), bufs_.size());
    UserBuffer v = bufs_[k];
    IoBuffer src = io(k);
    const nio::BufferState s = nio::ByteBuffer(*src.state, *src.root).as_read_only();
    v.is_root = false;
    if (v.kind == UserBuffer::Kind::direct)
      v.id = buffers_.add_view(v.id, s);
    else
      v.state = s;
    return new_buffer(v);
  }
  if (verb == "pos" || verb == "lim" || verb == "flip" || verb == "clear" || verb == "state" ||
      verb == "get" || verb == "put") {
    const std::size_t k = index(w.at(1), bufs_.size());
    IoBuffer b = io(k);
    nio::ByteBuffer bb(*b.state, *b.root);
    if (verb == "pos") bb.position(static_cast<int>(num(2)));
    if (verb == "lim") bb.limit(static_cast<int>(num(2)));
    if (verb == "flip") bb.flip();
    if (verb == "clear") bb.clear();
    if (verb == "get") return std::to_string(bb.get(static_cast<int>(num(2))));
    if (verb == "put") {
      bb.put(static_cast<int>(num(2)), static_cast<std::int8_t>(num(3)));
      return "ok";
    }
    return state(k);
  }
  if (verb == "free") {
    UserBuffer& b = buf(w.at(1));
    if (b.kind == UserBuffer::Kind::heap)
      throw JavaException{{"java.lang.IllegalArgumentException", std::string("buffer is non-direct")}};
    if (!b.is_root)
      throw JavaException{{"java.lang.IllegalArgumentException", std::string("duplicate or slice")}};
    if (b.kind == UserBuffer::Kind::direct)
      buffers_.free(b.id);
    else
      FileChannel::unmap(ctx_, *b.mapping);
    return "ok";
  }
  if (verb == "open") {
    OpenOptions o;
    for (std::size_t i = 2; i < w.size(); ++i) o.add(w[i]);
    bool known = false;
    for (const auto& f : files_) known = known || f == w.at(1);
    if (!known) files_.push_back(w.at(1));
    chans_.push_back(FileChannel::open(ctx_, w.at(1), o));
    return "c" + std::to_string(chans_.size() - 1);
  }
  if (verb == "write" || verb == "read") {
    FileChannel& c = chan(w.at(1));
    const std::size_t k = index(w.at(2), bufs_.size());
    const bool at = w.size() > 3;
    int n = 0;
    if (verb == "write")
      n = at ? c.write(ctx_, io(k), num(4)) : c.write(ctx_, io(k));
    else
      n = at ? c.read(ctx_, io(k), num(4)) : c.read(ctx_, io(k));
    std::string out = std::to_string(n) + " " + state(k);
    if (verb == "read") {
      IoBuffer b = io(k);
      const int shown = std::min(8, b.state->capacity);
      std::vector<std::byte> head(static_cast<std::size_t>(shown));
      b.root->read(b.state->offset, head);
      out += " [";
      for (std::byte x : head) out += hex2(std::to_integer<int>(x));
      out += "]";
    }
    return out;
  }
  if (verb == "gwrite" || verb == "sread") {
    FileChannel& c = chan(w.at(1));
    std::vector<std::size_t> ks;
    std::vector<IoBuffer> list;
    for (std::size_t i = 2; i < w.size(); ++i) ks.push_back(index(w[i], bufs_.size()));
    for (std::size_t k : ks) list.push_back(io(k));
    const std::int64_t n = verb == "gwrite" ? c.write(ctx_, list) : c.read(ctx_, list);
    std::string out = std::to_string(n);
    for (std::size_t k : ks) out += " [" + state(k) + "]";
    return out;
  }
  if (verb == "transfer") {
    FileChannel& c = chan(w.at(1));
    const TransferTarget t = chan(w.at(4)).as_target();
    return std::to_string(c.transfer_to(ctx_, num(2), num(3), t));
  }
  if (verb == "cpos") {
    if (w.size() > 2) {
      chan(w.at(1)).position(ctx_, num(2));
      return "ok";
    }
    return std::to_string(chan(w.at(1)).position(ctx_));
  }
  if (verb == "size") return std::to_string(chan(w.at(1)).size(ctx_));
  if (verb == "truncate") {
    chan(w.at(1)).truncate(ctx_, num(2));
    return "ok";
  }
  if (verb == "force") {
    chan(w.at(1)).force(ctx_, true);
    return "ok";
  }
  if (verb == "close") {
    chan(w.at(1)).close(ctx_);
    return "ok";
  }
  if (verb == "map") {
    const MapMode mode = w.at(2) == "ro"   ? MapMode::read_only
                         : w.at(2) == "rw" ? MapMode::read_write
                                           : MapMode::private_copy;
    FileChannel& c = chan(w.at(1));
    UserBuffer b;
    b.kind = UserBuffer::Kind::mapped;
    b.mapping = std::make_shared<MappedBuffer>(c.map(ctx_, mode, num(3), num(4)));
    b.state = b.mapping->state;
    b.id = 200000 + static_cast<BufferId>(bufs_.size());
    b.store = std::make_shared<MappedByteStore>(kernel_, b.mapping->address, b.state.capacity);
    const std::string name = new_buffer(b);
    return name + " " + state(bufs_.size() - 1) + " ro=" + (b.state.read_only ? "true" : "false");
  }
  if (verb == "exit") {
    temporaries_.thread_terminated(ctx_, w.at(1));
    return "ok";
  }
  throw std::runtime_error("unknown verb " + verb);
}

std::string CaseRun::pools() const {
  const DirectPoolCounters& d = buffers_.pool();
  const MappedPoolCounters& m = statics_.mapped;
  return "direct=" + std::to_string(d.count) + "/" + std::to_string(d.memory_used) + "/" +
         std::to_string(d.total_capacity) + " mapped=" + std::to_string(m.count) + "/" +
         std::to_string(m.memory_used) + "/" + std::to_string(m.total_capacity);
}

std::string CaseRun::contents() const {
  std::string s;
  for (const std::string& name : files_) {
    const KernelFile* f = kernel_.file_named(name);
    if (!f) continue;
    const std::vector<std::byte> b = kernel_.file_contents(f->id);
    std::uint32_t h = 0x811c9dc5u;
    for (std::byte x : b) {
      h ^= std::to_integer<std::uint32_t>(x);
      h *= 0x01000193u;
    }
    char hash[9];
    std::snprintf(hash, sizeof hash, "%08x", h);
    if (!s.empty()) s += ' ';
    s += name + "=" + std::to_string(b.size()) + ":" + hash + ":";
    for (std::size_t i = 0; i < std::min<std::size_t>(16, b.size()); ++i)
      s += hex2(std::to_integer<int>(b[i]));
  }
  return s;
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  const auto b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string x; in >> x;) out.push_back(x);
  return out;
}

}  // namespace

std::string run_io_case_file(const std::string& text) {
  std::istringstream in(text);
  std::ostringstream out;
  IoFlags flags;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const std::string t = trim(line);
    if (t.rfind("#!", 0) == 0) flags = parse_io_flags(t);
    if (t.empty() || t[0] == '#') continue;
    std::vector<std::string> ops;
    std::istringstream parts(t);
    for (std::string op; std::getline(parts, op, '|');) ops.push_back(trim(op));
    out << "case " << line_no << ": " << ops.at(0) << "\n";
    CaseRun run(flags);
    for (const std::string& op : ops) {
      std::vector<std::string> w = words(op);
      std::string thread = "main";
      if (!w.empty() && w[0] == "on") {
        thread = w.at(1);
        w.erase(w.begin(), w.begin() + 2);
      }
      std::string result;
      try {
        result = run.apply_on(thread, w);
      } catch (const JavaException& e) {
        result = "!" + e.throwable.class_name + ": " + e.throwable.message.value_or("null");
      }
      out << "  " << op << " => " << result << " | " << run.pools() << " | " << run.contents() << "\n";
    }
  }
  return out.str();
}

}  // namespace heapviz::jdk_test
