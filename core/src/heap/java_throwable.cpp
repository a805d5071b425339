#include "heapviz/heap/java_throwable.hpp"

#include <array>
#include <utility>

namespace heapviz {
namespace {

// Class -> direct superclass, for the throwables that the simulated JDK paths can raise (JDK 17).
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kHierarchy{{
    {"java.lang.Throwable", ""},
    {"java.lang.Exception", "java.lang.Throwable"},
    {"java.lang.Error", "java.lang.Throwable"},
    {"java.lang.VirtualMachineError", "java.lang.Error"},
    {"java.lang.OutOfMemoryError", "java.lang.VirtualMachineError"},
    {"java.lang.RuntimeException", "java.lang.Exception"},
    {"java.lang.InterruptedException", "java.lang.Exception"},
    {"java.io.IOException", "java.lang.Exception"},
    {"java.nio.channels.ClosedChannelException", "java.io.IOException"},
    {"java.nio.file.FileSystemException", "java.io.IOException"},
    {"java.nio.file.NoSuchFileException", "java.nio.file.FileSystemException"},
    {"java.lang.IllegalArgumentException", "java.lang.RuntimeException"},
    {"java.lang.IllegalStateException", "java.lang.RuntimeException"},
    {"java.lang.IndexOutOfBoundsException", "java.lang.RuntimeException"},
    {"java.lang.ArrayIndexOutOfBoundsException", "java.lang.IndexOutOfBoundsException"},
    {"java.lang.UnsupportedOperationException", "java.lang.RuntimeException"},
    {"java.lang.NullPointerException", "java.lang.RuntimeException"},
    {"java.lang.ArithmeticException", "java.lang.RuntimeException"},
    {"java.lang.NegativeArraySizeException", "java.lang.RuntimeException"},
    {"java.lang.ClassCastException", "java.lang.RuntimeException"},
    {"java.nio.BufferOverflowException", "java.lang.RuntimeException"},
    {"java.nio.BufferUnderflowException", "java.lang.RuntimeException"},
    {"java.nio.InvalidMarkException", "java.lang.IllegalStateException"},
    {"java.nio.ReadOnlyBufferException", "java.lang.UnsupportedOperationException"},
    {"java.nio.channels.NonWritableChannelException", "java.lang.IllegalStateException"},
    {"java.nio.channels.NonReadableChannelException", "java.lang.IllegalStateException"},
    {"java.lang.IllegalMonitorStateException", "java.lang.RuntimeException"},
    {"java.io.UncheckedIOException", "java.lang.RuntimeException"},  // lessons wrap IOException in lambdas
    {"java.lang.StringIndexOutOfBoundsException", "java.lang.IndexOutOfBoundsException"},  // String.charAt
    {"java.lang.IllegalThreadStateException", "java.lang.IllegalArgumentException"},  // Thread.start twice
}};

}  // namespace

std::string JavaThrowable::to_string() const { return message ? class_name + ": " + *message : class_name; }

std::string_view throwable_superclass(std::string_view class_name) {
  for (const auto& [cls, super] : kHierarchy)
    if (cls == class_name) return super;
  return "";
}

bool is_known_throwable(std::string_view class_name) {
  for (const auto& entry : kHierarchy)
    if (entry.first == class_name) return true;
  return false;
}

std::string_view qualify_throwable(std::string_view name) {
  for (const auto& entry : kHierarchy) {
    const std::string_view cls = entry.first;
    if (cls == name) return cls;
    const auto dot = cls.rfind('.');
    if (cls.substr(dot + 1) == name) return cls;
  }
  return "";
}

bool JavaThrowable::is_instance_of(std::string_view super_class) const {
  // Walk up the known chain; the depth is bounded by the table size.
  std::string_view cls = class_name;
  for (std::size_t i = 0; i <= kHierarchy.size() && !cls.empty(); ++i) {
    if (cls == super_class) return true;
    cls = throwable_superclass(cls);
  }
  return false;
}

}  // namespace heapviz
