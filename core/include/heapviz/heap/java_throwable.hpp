#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace heapviz {

/// A Java exception or error as the simulator raises it: the JDK's class name and message.
/// `message` is empty (std::nullopt) where the JDK's getMessage() returns null.
struct JavaThrowable {
  std::string class_name;              ///< fully qualified, e.g. "java.nio.BufferOverflowException"
  std::optional<std::string> message;  ///< exactly the JDK's text, or nullopt for null

  /// Throwable.toString(): "class" or "class: message".
  std::string to_string() const;
  /// True if this throwable is an instance of `super_class` (fully qualified), by the JDK hierarchy.
  bool is_instance_of(std::string_view super_class) const;
  bool operator==(const JavaThrowable&) const = default;
};

/// The direct superclass of a known throwable class ("" for java.lang.Throwable or an unknown class).
std::string_view throwable_superclass(std::string_view class_name);

/// True if `class_name` is a throwable class the simulator knows.
bool is_known_throwable(std::string_view class_name);

/// Resolves a simple name a lesson may write ("BufferOverflowException") to its qualified name, or "".
std::string_view qualify_throwable(std::string_view simple_or_qualified);

/// Thrown inside the core to unwind simulated Java code; carries the JavaThrowable.
struct JavaException {
  JavaThrowable throwable;
};

}  // namespace heapviz
