#include "java_nio_exceptions.hpp"

#include "heapviz/heap/java_throwable.hpp"

namespace heapviz::nio::detail {

void throw_java(std::string_view class_name, std::optional<std::string> message) {
  throw JavaException{JavaThrowable{std::string(class_name), std::move(message)}};
}

void check_from_index_size(long long from, long long size, long long length) {
  // The JDK tests (length | from | size) < 0 || size > length - from, on ints.
  if (from < 0 || size < 0 || length < 0 || size > length - from) {
    const std::string f = std::to_string(from);
    throw_java("java.lang.IndexOutOfBoundsException",
               "Range [" + f + ", " + f + " + " + std::to_string(size) + ") out of bounds for length " +
                   std::to_string(length));
  }
}

void throw_read_only() { throw_java("java.nio.ReadOnlyBufferException"); }
void throw_overflow() { throw_java("java.nio.BufferOverflowException"); }
void throw_underflow() { throw_java("java.nio.BufferUnderflowException"); }
void throw_index_out_of_bounds() { throw_java("java.lang.IndexOutOfBoundsException"); }
void throw_unsupported() { throw_java("java.lang.UnsupportedOperationException"); }
void throw_illegal_argument(std::string message) {
  throw_java("java.lang.IllegalArgumentException", std::move(message));
}

}  // namespace heapviz::nio::detail
