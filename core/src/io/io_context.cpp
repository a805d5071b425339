// IoContext helpers and the English descriptions of I/O sub-steps.
#include "heapviz/io/io_context.hpp"

#include <sstream>

#include "heapviz/heap/java_throwable.hpp"

namespace heapviz::io {

void IoContext::syscall(const SyscallRecord& call, BufferId buffer) {
  account(counters, call);
  IoEvent e;
  e.kind = IoEventKind::syscall;
  e.thread = thread;
  e.buffer = buffer;
  e.bytes = call.result;
  e.call = call;
  emit(e);
}

void IoContext::position(BufferId buffer, const char* field, int old_value, int new_value) {
  IoEvent e;
  e.kind = IoEventKind::position;
  e.thread = thread;
  e.buffer = buffer;
  e.old_value = old_value;
  e.new_value = new_value;
  e.detail = field;
  emit(e);
}

void IoContext::raise(const std::string& class_name, const std::optional<std::string>& message) {
  JavaThrowable t{class_name, message};
  IoEvent e;
  e.kind = IoEventKind::exception;
  e.thread = thread;
  e.detail = t.to_string();
  emit(e);
  throw JavaException{std::move(t)};
}

std::string io_event_kind_name(IoEventKind k) {
  switch (k) {
    case IoEventKind::temp_buffer_reuse:
      return "temp_buffer_reuse";
    case IoEventKind::temp_buffer_allocate:
      return "temp_buffer_allocate";
    case IoEventKind::temp_buffer_free:
      return "temp_buffer_free";
    case IoEventKind::temp_buffer_offer:
      return "temp_buffer_offer";
    case IoEventKind::bounce_copy:
      return "bounce_copy";
    case IoEventKind::position:
      return "position";
    case IoEventKind::syscall:
      return "syscall";
    case IoEventKind::mmap:
      return "mmap";
    case IoEventKind::munmap:
      return "munmap";
    case IoEventKind::exception:
      return "exception";
  }
  return "?";
}

std::string IoEvent::describe() const {
  // An ostringstream, not operator+ chains: g++ 12 gives a false -Wrestrict on those.
  std::ostringstream o;
  o << thread << ": ";
  switch (kind) {
    case IoEventKind::temp_buffer_reuse:
      o << "reuse cached temporary buffer #" << buffer << " (capacity " << bytes << ") " << detail;
      break;
    case IoEventKind::temp_buffer_allocate:
      o << "allocate temporary direct buffer #" << buffer << " of " << bytes << " bytes (" << detail << ")";
      break;
    case IoEventKind::temp_buffer_free:
      o << "free temporary buffer #" << buffer << " (capacity " << bytes << "): " << detail;
      break;
    case IoEventKind::temp_buffer_offer:
      o << detail << " temporary buffer #" << buffer << " (capacity " << bytes << ")";
      break;
    case IoEventKind::bounce_copy:
      o << "bounce copy " << bytes << (to_heap ? " bytes native -> heap" : " bytes heap -> native");
      break;
    case IoEventKind::position:
      o << "buffer #" << buffer << " " << detail << " " << old_value << " -> " << new_value;
      break;
    case IoEventKind::syscall:
    case IoEventKind::mmap:
    case IoEventKind::munmap:
      o << (call ? call->name : std::string("?")) << " = " << (call ? call->result : 0);
      if (call && !call->ok()) o << " " << errno_name(call->error);
      break;
    case IoEventKind::exception:
      o << "throw " << detail;
      break;
  }
  return o.str();
}

}  // namespace heapviz::io
