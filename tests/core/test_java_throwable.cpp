#include <doctest/doctest.h>

#include "heapviz/heap/java_throwable.hpp"

using heapviz::JavaThrowable;

TEST_CASE("Throwable.toString prints the message only when it is not null") {
  CHECK(JavaThrowable{"java.nio.BufferOverflowException", std::nullopt}.to_string() ==
        "java.nio.BufferOverflowException");
  CHECK(JavaThrowable{"java.lang.IllegalArgumentException", "newLimit > capacity: (20 > 16)"}.to_string() ==
        "java.lang.IllegalArgumentException: newLimit > capacity: (20 > 16)");
}

TEST_CASE("the exception hierarchy follows the JDK") {
  const JavaThrowable overflow{"java.nio.BufferOverflowException", std::nullopt};
  CHECK(overflow.is_instance_of("java.lang.RuntimeException"));
  CHECK(overflow.is_instance_of("java.lang.Throwable"));
  CHECK_FALSE(overflow.is_instance_of("java.lang.Error"));
  const JavaThrowable ro{"java.nio.ReadOnlyBufferException", std::nullopt};
  CHECK(ro.is_instance_of("java.lang.UnsupportedOperationException"));
  CHECK(JavaThrowable{"java.nio.InvalidMarkException", {}}.is_instance_of("java.lang.IllegalStateException"));
  const JavaThrowable oom{"java.lang.OutOfMemoryError", "Java heap space"};
  CHECK(oom.is_instance_of("java.lang.Error"));
  CHECK_FALSE(oom.is_instance_of("java.lang.Exception"));
  CHECK(heapviz::qualify_throwable("BufferUnderflowException") == "java.nio.BufferUnderflowException");
  CHECK(heapviz::qualify_throwable("NoSuchThing").empty());
  CHECK_FALSE(heapviz::is_known_throwable("java.lang.Foo"));
}
