// Calls and object creation: System, Heapviz, String, Integer, Math, exceptions, threads, ByteBuffers.
#include <algorithm>
#include <limits>

#include "heapviz/engine/machine.hpp"
#include "heapviz/heap/heap_ops.hpp"
#include "heapviz/io/io_spaces.hpp"
#include "interp_buffers.hpp"
#include "interp_format.hpp"
#include "interp_io.hpp"
#include "interp_runtime.hpp"

namespace heapviz::lang::interp {
namespace {

JValue to_jvalue(const Value& v) {
  return std::visit(
      [](const auto& x) -> JValue {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, HostRef>)
          return std::monostate{};
        else
          return x;
      },
      v);
}
Value from_jvalue(const JValue& v) {
  return std::visit([](const auto& x) -> Value { return x; }, v);
}
// The method as a helpful NullPointerException names it: "java.nio.ByteBuffer.flip()".
std::string method_text(const Type& recv, const std::string& sig) {
  return qualified_class_name(recv) + "." + sig;
}

// What FileChannelImpl throws before IOUtil touches a buffer: ensureOpen(), then the mode check of a
// read or write (`write` unset: none). A null buffer meets these first; nullopt when the channel is fine.
std::optional<std::string> channel_refusal(const Machine& m, std::uint32_t channel,
                                           std::optional<bool> write) {
  const io::FileChannel& c = m.io->channels.at(channel);
  if (!c.is_open()) return "java.nio.channels.ClosedChannelException";
  if (write && *write && !c.writable()) return "java.nio.channels.NonWritableChannelException";
  if (write && !*write && !c.readable()) return "java.nio.channels.NonReadableChannelException";
  return std::nullopt;
}

}  // namespace

Value Runtime::eval_call(const MethodCall& c) {
  const ExprInfo& info = a_.info(c);
  const std::size_t mark = temps_.size();
  Value recv;
  if (c.target) {
    recv = eval(*c.target);
    hold(recv);
  }
  std::vector<Value> args;
  for (const auto& a : c.args) {
    args.push_back(eval(*a));
    hold(args.back());
  }
  Value result = eval_static_or_host_call(c, info, recv, args);
  release(mark);
  return result;
}

Value Runtime::eval_static_or_host_call(const MethodCall& c, const ExprInfo& info, Value recv,
                                        std::vector<Value>& args) {
  const Type recv_type = c.target ? a_.info(*c.target).type : Type::error();
  auto null_check = [&](const std::string& sig) {
    if (is_null(recv)) throw_npe("Cannot invoke \"" + method_text(recv_type, sig) + "\"", c.target.get());
  };
  auto host = [&]() -> HostObject& { return hosts_.at(std::get<HostRef>(recv).index); };
  if (info.op >= Op::sb_append && info.op <= Op::sb_delete_char_at)
    return string_builder_call(c, info, recv, args);
  switch (info.op) {
    case Op::println:
    case Op::print: {
      const bool to_err = a_.info(*c.target).op == Op::system_err;
      std::string text = args.empty() ? "" : to_text(args[0]);
      if (info.op == Op::println) text += "\n";
      print(to_err, text);
      return std::monostate{};
    }
    case Op::system_gc:
      protect_temps();
      system_gc(r_);
      return std::monostate{};
    case Op::system_exit:
      throw ExitRequest{static_cast<std::int32_t>(as_long(args[0]))};
    case Op::heapviz_pools:
      print(false, pools_text(r_.machine()));
      return std::monostate{};
    case Op::heapviz_gc: {
      protect_temps();
      const std::uint64_t gcs_before = r_.machine().heap.counter(heap::HeapCounter::gc_count);
      gc_and_clean(r_);
      mx_after_heapviz_gc(gcs_before);
      return std::monostate{};
    }
    case Op::management:
      return eval_management(c, info, recv, args);
    case Op::bb_allocate:
      protect_temps();
      return JRef{buffer_allocate(r_, static_cast<std::int32_t>(as_long(args[0])))};
    case Op::bb_allocate_direct:
      protect_temps();
      return JRef{buffer_allocate_direct(r_, static_cast<std::int32_t>(as_long(args[0])))};
    case Op::bb_wrap: {
      // JDK 17's helpful message names wrap(array)'s parameter, or HeapByteBuffer(buf, off, len)'s.
      if (is_null(args[0]))
        throw_java("java.lang.NullPointerException", std::string("Cannot read the array length because \"") +
                                                         (args.size() == 3 ? "buf" : "array") + "\" is null");
      protect_temps();
      std::optional<std::pair<std::int32_t, std::int32_t>> range;
      if (args.size() == 3)
        range = std::make_pair(static_cast<std::int32_t>(as_long(args[1])),
                               static_cast<std::int32_t>(as_long(args[2])));
      return JRef{buffer_wrap(r_, ref_of(args[0]), range)};
    }
    case Op::buffer_method: {
      null_check(info.signature);
      std::vector<JValue> jargs;
      for (const Value& a : args) jargs.push_back(to_jvalue(a));
      protect_temps();  // views (slice, duplicate) allocate
      return coerce(from_jvalue(buffer_call(r_, ref_of(recv), info.signature, jargs)), info.type);
    }
    case Op::mapped_method:
      null_check(info.signature);
      return coerce(from_jvalue(mapped_call(r_, ref_of(recv), info.signature)), info.type);
    case Op::string_length:
      null_check("length()");
      return utf16_length(std::get<std::string>(recv));
    case Op::string_is_empty:
      null_check("isEmpty()");
      return std::get<std::string>(recv).empty();
    case Op::string_char_at: {
      null_check("charAt(int)");
      const std::string& s = std::get<std::string>(recv);
      const auto i = static_cast<std::int32_t>(as_long(args[0]));
      const std::int32_t n = utf16_length(s);
      if (i < 0 || i >= n)
        throw_java("java.lang.StringIndexOutOfBoundsException",
                   "String index out of range: " + std::to_string(i));
      return utf16_at(s, i);
    }
    case Op::string_equals: {
      null_check("equals(Object)");
      const std::string* o = std::get_if<std::string>(&args[0]);
      return o && *o == std::get<std::string>(recv);
    }
    case Op::string_value_of:
      if (c.target && a_.info(*c.target).type.is_string()) {
        null_check("toString()");
        return recv;
      }
      return to_text(args[0]);
    case Op::string_get_bytes: {
      null_check("getBytes()");
      const std::string& s = std::get<std::string>(recv);
      protect_temps();
      const heap::ObjectId arr =
          heap::new_array(r_, heap::builtin::kByteArray, static_cast<std::uint32_t>(s.size()));
      const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
      heap::store_bytes(r_, arr, 0, bytes);
      return JRef{arr};
    }
    case Op::to_hex_int:
      return to_hex(static_cast<std::uint32_t>(as_long(args[0])));
    case Op::to_hex_long:
      return to_hex(static_cast<std::uint64_t>(as_long(args[0])));
    case Op::math_max:
    case Op::math_min: {
      const std::int64_t x = as_long(args[0]), y = as_long(args[1]);
      return convert_prim(info.op == Op::math_max ? std::max(x, y) : std::min(x, y), info.type.prim);
    }
    case Op::math_abs: {
      const std::int64_t x = as_long(args[0]);
      return convert_prim(static_cast<std::int64_t>(x < 0 ? 0ull - static_cast<std::uint64_t>(x)
                                                          : static_cast<std::uint64_t>(x)),
                          info.type.prim);
    }
    case Op::throwable_get_message: {
      null_check("getMessage()");
      const auto& m = host().throwable.message;
      return m ? Value{*m} : Value{JRef{}};
    }
    case Op::throwable_to_string:
      null_check("toString()");
      return host().throwable.to_string();
    case Op::throwable_get_class: {
      null_check("getClass()");
      return new_host(
          HostObject{HostObject::Kind::class_object, {}, host().throwable.class_name, nullptr, {}, false, 0});
    }
    case Op::class_get_name:
      null_check("getName()");
      return host().name;
    case Op::class_get_simple_name: {
      null_check("getSimpleName()");
      const std::string& n = host().name;
      return n.substr(n.rfind('.') + 1);
    }
    case Op::runtime_get:
      return new_host(HostObject{HostObject::Kind::runtime, {}, "Runtime", nullptr, {}, false, 0});
    case Op::runtime_max_memory:
      null_check("maxMemory()");
      return static_cast<std::int64_t>(heap::runtime_max_memory(r_.machine().heap_settings));
    case Op::thread_current: {
      return new_host(HostObject{HostObject::Kind::thread, {}, frames_.back().thread, nullptr, {}, true, 0});
    }
    case Op::thread_get_name:
      null_check("getName()");
      return host().name;
    case Op::thread_join:
      null_check("join()");
      return std::monostate{};  // it ran to completion at start()
    case Op::thread_start: {
      null_check("start()");
      HostObject& th = host();
      if (th.started || !th.body) throw_java("java.lang.IllegalThreadStateException", std::nullopt);
      th.started = true;
      protect_temps();
      run_thread(th);
      return std::monostate{};
    }
    case Op::path_of: {
      if (is_null(args[0])) throw_java("java.lang.NullPointerException", std::nullopt);
      return new_host(
          HostObject{HostObject::Kind::path, {}, std::get<std::string>(args[0]), nullptr, {}, false, 0});
    }
    case Op::channel_open: {
      if (is_null(args[0])) throw_java("java.lang.NullPointerException", std::nullopt);
      std::vector<std::string> options;
      for (std::size_t i = 1; i < args.size(); ++i) {
        if (is_null(args[i])) throw_java("java.lang.NullPointerException", std::nullopt);
        const std::string& n = std::get<JEnum>(args[i]).name;
        options.push_back(n.substr(n.rfind('.') + 1));
      }
      const std::string path = hosts_.at(std::get<HostRef>(args[0]).index).name;
      protect_temps();
      const std::uint32_t id = channel_open(r_, frames_.back().thread, path, options);
      return new_host(HostObject{HostObject::Kind::channel, {}, path, nullptr, {}, false, id});
    }
    case Op::channel_write:
    case Op::channel_read: {
      const bool write = info.op == Op::channel_write;
      null_check(write              ? "write(java.nio.ByteBuffer)"
                 : args.size() == 2 ? "read(java.nio.ByteBuffer, long)"
                                    : "read(java.nio.ByteBuffer)");
      // IOUtil.write calls src.position(), IOUtil.read dst.isReadOnly(); read(dst, position) checks null
      // itself.
      if (is_null(args[0]) && args.size() == 1)
        if (const auto refusal = channel_refusal(r_.machine(), host().channel, write))
          throw_java(*refusal, std::nullopt);
      if (is_null(args[0]))
        throw_java("java.lang.NullPointerException",
                   write ? std::optional<std::string>(
                               "Cannot invoke \"java.nio.ByteBuffer.position()\" because \"src\" is null")
                   : args.size() == 1
                       ? std::optional<std::string>(
                             "Cannot invoke \"java.nio.ByteBuffer.isReadOnly()\" because \"dst\" is null")
                       : std::nullopt);
      const std::uint32_t ch = host().channel;
      protect_temps();  // temporary direct buffers allocate
      if (write) {
        // Lesson 06's modes: a heap buffer's byte[] address goes to the kernel (not what FileChannel.write
        // does).
        if (const auto mode = heap_write_mode(opts_.hypotheticals)) {
          const std::size_t printed = out_.size();
          if (const auto n =
                  channel_write_heap_address(r_, frames_.back().thread, ch, ref_of(args[0]), *mode)) {
            if (!out_before_hypothetical_) out_before_hypothetical_ = printed;
            return *n;
          }
        }
        return channel_write(r_, frames_.back().thread, ch, ref_of(args[0]));
      }
      std::optional<std::int64_t> pos;
      if (args.size() == 2) pos = as_long(args[1]);
      return channel_read(r_, frames_.back().thread, ch, ref_of(args[0]), pos);
    }
    case Op::channel_is_open: {
      null_check("isOpen()");
      const auto& channels = r_.machine().io->channels;
      const auto it = channels.find(host().channel);
      return it != channels.end() && it->second.is_open();  // a field read: no system call, no step
    }
    case Op::channel_size:
      null_check("size()");
      return channel_size(r_, frames_.back().thread, host().channel);
    case Op::channel_position:
      null_check("position()");
      return channel_position(r_, frames_.back().thread, host().channel);
    case Op::channel_force:
      null_check("force(boolean)");
      channel_force(r_, frames_.back().thread, host().channel, std::get<bool>(args[0]));
      return std::monostate{};
    case Op::channel_transfer_to: {
      null_check("transferTo(long, long, java.nio.channels.WritableByteChannel)");
      if (is_null(args[2])) {
        if (const auto refusal = channel_refusal(r_.machine(), host().channel, std::nullopt))
          throw_java(*refusal, std::nullopt);
        throw_java(
            "java.lang.NullPointerException",
            "Cannot invoke \"java.nio.channels.WritableByteChannel.isOpen()\" because \"target\" is null");
      }
      const std::uint32_t target = hosts_.at(std::get<HostRef>(args[2]).index).channel;
      protect_temps();
      return channel_transfer_to(r_, frames_.back().thread, host().channel, as_long(args[0]),
                                 as_long(args[1]), target);
    }
    case Op::channel_map: {
      null_check("map(java.nio.channels.FileChannel$MapMode, long, long)");
      const std::int64_t size = as_long(args[2]);
      // FileChannelImpl.map: the size check comes first, then Objects.requireNonNull(mode, "Mode is null").
      if (is_null(args[0]) && size <= std::numeric_limits<std::int32_t>::max())
        throw_java("java.lang.NullPointerException", "Mode is null");
      const std::string mode = is_null(args[0]) ? "READ_ONLY" : std::get<JEnum>(args[0]).name;
      protect_temps();
      return JRef{channel_map(r_, frames_.back().thread, host().channel, mode.substr(mode.rfind('.') + 1),
                              as_long(args[1]), size)};
    }
    case Op::channel_write_at: {
      null_check("write(java.nio.ByteBuffer, long)");
      if (is_null(args[0])) throw_java("java.lang.NullPointerException", std::nullopt);
      const std::uint32_t ch = host().channel;
      protect_temps();
      return channel_write_at(r_, frames_.back().thread, ch, ref_of(args[0]), as_long(args[1]));
    }
    case Op::channel_write_gather:
    case Op::channel_read_scatter: {
      const bool write = info.op == Op::channel_write_gather;
      null_check(std::string(write ? "write" : "read") +
                 (args.size() == 3 ? "(java.nio.ByteBuffer[], int, int)" : "(java.nio.ByteBuffer[])"));
      if (is_null(args[0]))
        throw_java("java.lang.NullPointerException", std::string("Cannot read the array length because \"") +
                                                         (write ? "srcs" : "dsts") + "\" is null");
      const heap::ObjectId array = ref_of(args[0]);
      const Machine& m = r_.machine();
      const std::int64_t n = m.heap.array_length(m.heap.record(array).addr);
      const std::int64_t offset = args.size() == 3 ? as_long(args[1]) : 0,
                         length = args.size() == 3 ? as_long(args[2]) : n;
      if ((offset | length) < 0 ||
          length > n - offset)  // Objects.checkFromIndexSize(offset, length, srcs.length)
        throw_java("java.lang.IndexOutOfBoundsException",
                   "Range [" + std::to_string(offset) + ", " + std::to_string(offset) + " + " +
                       std::to_string(length) + ") out of bounds for length " + std::to_string(n));
      std::vector<heap::ObjectId> buffers;
      for (std::int64_t i = offset; i < offset + length; ++i) {
        const heap::ObjectId b = heap::load_element(m, array, static_cast<std::uint32_t>(i));
        if (b ==
            heap::kNoObject) {  // IOUtil.write acquires each buffer's scope; IOUtil.read asks isReadOnly()
          if (const auto refusal = channel_refusal(m, host().channel, write))
            throw_java(*refusal, std::nullopt);
          throw_java("java.lang.NullPointerException",
                     write ? "Cannot invoke \"java.nio.Buffer.scope()\" because \"buffer\" is null"
                           : "Cannot invoke \"java.nio.ByteBuffer.isReadOnly()\" because \"buf\" is null");
        }
        buffers.push_back(b);
      }
      const std::uint32_t ch = host().channel;
      protect_temps();
      return write ? channel_write_gather(r_, frames_.back().thread, ch, buffers)
                   : channel_read_scatter(r_, frames_.back().thread, ch, buffers);
    }
    case Op::channel_truncate:
      null_check("truncate(long)");
      channel_truncate(r_, frames_.back().thread, host().channel, as_long(args[0]));
      return recv;
    case Op::channel_set_position:
      null_check("position(long)");
      channel_set_position(r_, frames_.back().thread, host().channel, as_long(args[0]));
      return recv;
    case Op::channel_close:
      null_check("close()");
      channel_close(r_, frames_.back().thread, host().channel);
      return std::monostate{};
    default:
      break;
  }
  return std::monostate{};
}

Value Runtime::eval_new_object(const NewObject& n) {
  const ExprInfo& info = a_.info(n);
  switch (info.op) {
    case Op::new_object:
      protect_temps();
      return JRef{heap::new_instance(r_, heap::builtin::kObject)};
    case Op::new_user:
      return new_user_object(*info.cls);
    case Op::sb_new:
      return new_string_builder(n);
    case Op::new_throwable: {
      std::optional<std::string> msg;
      if (!n.args.empty()) {
        const Value v = eval(*n.args[0]);
        if (const std::string* s = std::get_if<std::string>(&v)) msg = *s;
        if (const auto* index = std::get_if<std::int32_t>(&v))  // ArrayIndexOutOfBoundsException(int)
          msg = "Array index out of range: " + std::to_string(*index);
        if (const HostRef* cause = std::get_if<HostRef>(&v))
          msg = hosts_.at(cause->index).throwable.to_string();
      }
      return new_host(HostObject{
          HostObject::Kind::throwable, JavaThrowable{info.type.cls, msg}, {}, nullptr, {}, false, 0});
    }
    case Op::new_thread: {
      HostObject th;
      th.kind = HostObject::Kind::thread;
      th.name = "Thread-" + std::to_string(threads_started_++);
      th.body = &n.args[0]->cast<Lambda>();
      // Effectively final locals the lambda may read: a copy of every visible local.
      for (const auto& pair : frames_.back().captured) th.captured.push_back(pair);
      for (const auto& block : frames_.back().blocks)
        for (const Local& l : block) th.captured.emplace_back(l.name, l.value);
      return new_host(std::move(th));
    }
    default:
      return JRef{};
  }
}

}  // namespace heapviz::lang::interp
