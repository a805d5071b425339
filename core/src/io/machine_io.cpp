// The io classes on the Machine: a working copy of IoSpaces, one trace step per sub-step.
#include "heapviz/io/machine_io.hpp"

#include <algorithm>
#include <memory>

#include "heapviz/heap/java_throwable.hpp"
#include "heapviz/io/io_ranges.hpp"
#include "heapviz/io/io_util.hpp"

namespace heapviz::io::on_machine {

namespace {

/// The file behind `fd` ("" when the fd is not open or is a pipe/socket).
std::string fd_file_name(const KernelSpace& k, Fd fd) {
  const OpenFile* of = k.fd(fd);
  if (!of || of->kind != OpenFile::Kind::file) return "";
  const KernelFile* f = k.file(of->file);
  return f ? f->name : "";
}

/// The file a call read or wrote, for its narration: sendfile's source, the new fd of openat, the file
/// written back, or the file behind the call's fd.
std::string file_name(const KernelSpace& k, const SyscallRecord& c) {
  if (c.name == "sendfile") return fd_file_name(k, c.in_fd);
  if (c.name == "openat") return c.ok() ? fd_file_name(k, static_cast<Fd>(c.result)) : "";
  if (c.name == "writeback" || c.name == "fsync" || c.name == "fdatasync") {
    const KernelFile* f = k.file(c.file);
    return f ? f->name : "";
  }
  return fd_file_name(k, c.fd);
}

class Session;

/// Closes the session's open step before the buffer owner records steps of its own (allocateDirect,
/// Cleaner.clean, a GC they cause): steps do not nest, and those come before the next sub-step.
class StepClosingHost final : public DirectBufferHost {
 public:
  StepClosingHost(Session& s, DirectBufferHost& inner) : s_(s), inner_(inner) {}
  BufferId allocate_direct(int capacity) override;
  void free(BufferId id) override;
  IoBuffer buffer(BufferId id) override { return inner_.buffer(id); }
  std::vector<BufferId> sync_fields() override { return inner_.sync_fields(); }
  std::vector<std::uint32_t> objects_of(BufferId id) override { return inner_.objects_of(id); }
  std::string name_of(BufferId id) override { return inner_.name_of(id); }
  void attach_kernel(KernelSpace* kernel) override { inner_.attach_kernel(kernel); }

 private:
  Session& s_;
  DirectBufferHost& inner_;
};

/// One I/O call on the machine: works on a copy of the io state. Each event opens a step that holds
/// everything until the next sub-step boundary (the bytes it copies, the buffer fields it changes), so
/// a copy and its effects are one step; a position moved by that copy is folded into the same step.
class Session {
 public:
  Session(IoRecorder& r, DirectBufferHost& host, const std::string& thread)
      : r_(r),
        host_(*this, host),
        work_(*r.machine().io),
        ctx_{work_.kernel, work_.temporaries, host_, work_.counters, events_, work_.statics, thread, {}, {}},
        outer_(innermost()) {
    ctx_.on_event = [this](const IoEvent& e) { on_event(e); };
    ctx_.on_boundary = [this] { close(); };
    host.attach_kernel(&work_.kernel);  // mapped buffers read and write this call's page cache
    innermost() = this;
  }
  ~Session() {
    ctx_.buffers.attach_kernel(nullptr);
    innermost() = outer_;
  }

  /// The I/O call in progress on this thread of the simulator (nullptr: none). A GC inside a call (Bits
  /// waiting for direct memory) may run the Reference Handler, whose munmap must change that call's
  /// working copy of the kernel, or the call's next publish would bring the mapping back.
  static Session*& innermost() {
    thread_local Session* s = nullptr;
    return s;
  }
  const IoRecorder& recorder() const { return r_; }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  IoContext& ctx() { return ctx_; }
  IoSpaces& work() { return work_; }
  DirectBufferHost& host() { return host_; }

  /// Ends the open step: buffer fields and the io state as they are now, then the narration.
  void close() {
    if (!open_) return;
    open_ = false;
    for (const BufferId id : host_.sync_fields()) touch_once(id);
    publish();
    r_.narrate(text_.en, text_.zh, text_.internals);
    r_.end_step();
  }

  /// Closes the open step; publishes state changes that came with no event (a fallback, e.g. a flag).
  void finish() {
    close();
    if (work_ == *r_.machine().io) return;
    r_.begin_step(StepKind::note);
    r_.narrate("The channel state changes.", "通道状态改变。", "sun.nio.ch.FileChannelImpl");
    publish();
    r_.end_step();
  }

 private:
  /// A position the copy of the open step moved (IOUtil's put/advance after a copy or a syscall).
  bool folds(const IoEvent& e) const {
    return open_ && e.kind == IoEventKind::position && e.detail == "position" && e.new_value > e.old_value &&
           (kind_ == StepKind::bounce_copy || kind_ == StepKind::syscall || kind_ == StepKind::sendfile);
  }

  /// An event opens a step that holds everything until the next boundary (io_util marks one before each
  /// sub-step changes anything). A position moved by the open step's copy is folded into it.
  void on_event(const IoEvent& e) {
    if (folds(e)) {
      const Narration more = narrate_folded_position(e, host_.name_of(e.buffer));
      text_.en += more.en;
      text_.zh += more.zh;
      touch_once(e.buffer);
      return;
    }
    close();
    const NarrationFacts facts = facts_of(e);
    if (r_.step_open()) {  // inside someone else's step: publish there, no step of our own
      publish();
      return;
    }
    kind_ = step_kind_of(e);
    r_.begin_step(kind_);
    touched_.clear();
    for (const BufferId id : {e.buffer, e.other})
      if (id != 0)
        for (const std::uint32_t o : host_.objects_of(id)) touch_once(o);
    for (const ByteRange& br : facts.ranges) r_.touch_range(br);
    text_ = narrate(e, facts);
    open_ = true;
  }

  void touch_once(std::uint32_t id) {
    if (std::find(touched_.begin(), touched_.end(), id) != touched_.end()) return;
    touched_.push_back(id);
    r_.touch(id);
  }

  NarrationFacts facts_of(const IoEvent& e) {
    NarrationFacts f;
    if (e.buffer != 0) f.buffer = host_.name_of(e.buffer);
    if (e.other != 0) f.other = host_.name_of(e.other);
    if (e.kind == IoEventKind::bounce_copy && e.bytes > 0) {
      const heap::SpaceId heap = heap::SpaceId::java_heap, native = heap::SpaceId::native;
      f.ranges.push_back(ByteRange{e.to_heap ? native : heap, e.from_address, e.to_address,
                                   static_cast<std::uint64_t>(e.bytes), e.to_heap ? heap : native});
    }
    if (e.kind == IoEventKind::syscall && e.call) {
      f.ranges = syscall_ranges(work_.kernel, *e.call);
      f.file = file_name(work_.kernel, *e.call);
      if (e.call->name == "sendfile") f.target = fd_file_name(work_.kernel, e.call->fd);
    }
    return f;
  }

  void publish() { publish_io_state(r_, work_); }

  IoRecorder& r_;
  StepClosingHost host_;
  IoSpaces work_;
  std::vector<IoEvent> events_;
  IoContext ctx_;
  bool open_ = false;
  StepKind kind_ = StepKind::note;
  Narration text_;
  std::vector<std::uint32_t> touched_;  ///< objects the open step names already
  Session* outer_;
};

BufferId StepClosingHost::allocate_direct(int capacity) {
  s_.close();
  return inner_.allocate_direct(capacity);
}

void StepClosingHost::free(BufferId id) {
  s_.close();
  inner_.free(id);
}

/// Runs `f(session)`; closes the open step and publishes what is left also when it throws.
template <class F>
auto run(IoRecorder& r, DirectBufferHost& host, const std::string& thread, F&& f) {
  Session s(r, host, thread);
  try {
    if constexpr (std::is_void_v<decltype(f(s))>) {
      f(s);
      s.finish();
    } else {
      auto result = f(s);
      s.finish();
      return result;
    }
  } catch (const JavaException&) {
    s.finish();
    throw;
  } catch (...) {
    s.close();  // a simulator error: at least leave no step open
    throw;
  }
}

FileChannel& channel_of(Session& s, std::uint32_t id) { return s.work().channels.at(id); }

}  // namespace

std::uint32_t open(IoRecorder& r, DirectBufferHost& host, const std::string& thread, const std::string& path,
                   OpenOptions options) {
  return run(r, host, thread, [&](Session& s) {
    FileChannel ch = FileChannel::open(s.ctx(), path, options);
    const std::uint32_t id = s.work().next_channel++;
    s.work().channels[id] = ch;
    return id;
  });
}

int write(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
          IoBuffer src, std::optional<std::int64_t> position) {
  return run(r, host, thread, [&](Session& s) {
    FileChannel& ch = channel_of(s, channel);
    return position ? ch.write(s.ctx(), src, *position) : ch.write(s.ctx(), src);
  });
}

int read(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
         IoBuffer dst, std::optional<std::int64_t> position) {
  return run(r, host, thread, [&](Session& s) {
    FileChannel& ch = channel_of(s, channel);
    return position ? ch.read(s.ctx(), dst, *position) : ch.read(s.ctx(), dst);
  });
}

std::int64_t write(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
                   std::span<IoBuffer> srcs) {
  return run(r, host, thread, [&](Session& s) { return channel_of(s, channel).write(s.ctx(), srcs); });
}

std::int64_t read(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
                  std::span<IoBuffer> dsts) {
  return run(r, host, thread, [&](Session& s) { return channel_of(s, channel).read(s.ctx(), dsts); });
}

std::int64_t transfer_to(IoRecorder& r, DirectBufferHost& host, const std::string& thread,
                         std::uint32_t channel, std::int64_t position, std::int64_t count,
                         std::uint32_t target) {
  return run(r, host, thread, [&](Session& s) {
    const TransferTarget t = channel_of(s, target).as_target();
    return channel_of(s, channel).transfer_to(s.ctx(), position, count, t);
  });
}

MappedBuffer map(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
                 MapMode mode, std::int64_t position, std::int64_t size) {
  return run(r, host, thread,
             [&](Session& s) { return channel_of(s, channel).map(s.ctx(), mode, position, size); });
}

void unmap(IoRecorder& r, DirectBufferHost& host, const std::string& thread, MappedBuffer& buffer) {
  if (Session* outer = Session::innermost(); outer != nullptr && &outer->recorder() == &r) {
    const std::string caller =
        outer->ctx().thread;  // the munmap is the Reference Handler's, inside the caller's call
    outer->ctx().thread = thread;
    FileChannel::unmap(outer->ctx(), buffer);  // throws nothing: munmap has no Java exception
    outer->close();  // the munmap step ends here: the Reference Handler's next step follows it
    outer->ctx().thread = caller;
    return;
  }
  run(r, host, thread, [&](Session& s) { FileChannel::unmap(s.ctx(), buffer); });
}

void force(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
           bool meta_data) {
  run(r, host, thread, [&](Session& s) { channel_of(s, channel).force(s.ctx(), meta_data); });
}

std::int64_t position(IoRecorder& r, DirectBufferHost& host, const std::string& thread,
                      std::uint32_t channel) {
  return run(r, host, thread, [&](Session& s) { return channel_of(s, channel).position(s.ctx()); });
}

void set_position(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
                  std::int64_t p) {
  run(r, host, thread, [&](Session& s) { channel_of(s, channel).position(s.ctx(), p); });
}

std::int64_t size(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel) {
  return run(r, host, thread, [&](Session& s) { return channel_of(s, channel).size(s.ctx()); });
}

void truncate(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel,
              std::int64_t new_size) {
  run(r, host, thread, [&](Session& s) { channel_of(s, channel).truncate(s.ctx(), new_size); });
}

void close(IoRecorder& r, DirectBufferHost& host, const std::string& thread, std::uint32_t channel) {
  run(r, host, thread, [&](Session& s) { channel_of(s, channel).close(s.ctx()); });
}

void writeback(IoRecorder& r) {
  IoSpaces state = *r.machine().io;
  std::vector<FileId> ids;
  for (const auto& [id, f] : state.kernel.files()) ids.push_back(id);
  for (const FileId id : ids) {
    const KernelSpace before = state.kernel;
    const SyscallRecord call = state.kernel.writeback(id);
    if (state.kernel == before) continue;  // nothing dirty and the disk already has the size
    account(state.counters, call);
    IoEvent e;
    e.kind = IoEventKind::syscall;
    e.thread = "kworker/flush";
    e.bytes = call.kernel_to_device;
    e.call = call;
    r.begin_step(StepKind::writeback);
    NarrationFacts facts;
    facts.ranges = syscall_ranges(state.kernel, call);
    facts.file = file_name(state.kernel, call);
    for (const ByteRange& br : facts.ranges) r.touch_range(br);
    const Narration n = narrate(e, facts);
    r.narrate(n.en, n.zh, n.internals);
    publish_io_state(r, state);
    r.end_step();
  }
}

void publish_io_state(IoRecorder& r, const IoSpaces& state) {
  auto& states = r.machine().io_history->states;
  states.push_back(std::make_shared<const IoSpaces>(state));
  Effect e;
  e.kind = EffectKind::io_state;
  e.a = states.size() - 1;
  r.apply(e);
}

void thread_exit(IoRecorder& r, DirectBufferHost& host, const std::string& thread) {
  run(r, host, thread, [&](Session& s) { s.work().temporaries.thread_terminated(s.ctx(), thread); });
}

}  // namespace heapviz::io::on_machine
