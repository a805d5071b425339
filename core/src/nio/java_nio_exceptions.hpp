#pragma once
// Private helpers that raise the JDK's exceptions for the nio area, with the JDK 17 messages.
#include <optional>
#include <string>
#include <string_view>

namespace heapviz::nio::detail {

/// Throws JavaException{class_name, message}.
[[noreturn]] void throw_java(std::string_view class_name, std::optional<std::string> message = std::nullopt);

/// Objects.checkFromIndexSize(from, size, length): IndexOutOfBoundsException
/// "Range [from, from + size) out of bounds for length length".
void check_from_index_size(long long from, long long size, long long length);

[[noreturn]] void throw_read_only();            ///< java.nio.ReadOnlyBufferException, null message
[[noreturn]] void throw_overflow();             ///< java.nio.BufferOverflowException, null message
[[noreturn]] void throw_underflow();            ///< java.nio.BufferUnderflowException, null message
[[noreturn]] void throw_index_out_of_bounds();  ///< java.lang.IndexOutOfBoundsException, null message
[[noreturn]] void throw_unsupported();          ///< java.lang.UnsupportedOperationException, null message
[[noreturn]] void throw_illegal_argument(std::string message);

}  // namespace heapviz::nio::detail
