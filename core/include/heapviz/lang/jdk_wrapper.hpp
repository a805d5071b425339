#pragma once
#include <string>

#include "heapviz/lang/lesson.hpp"

namespace heapviz::lang {

/// The imports a bare lesson body may rely on, in one line.
inline constexpr const char* kBareBodyImports =
    "import java.nio.*; import java.nio.channels.*; import java.nio.file.*; import java.io.*; "
    "import java.util.*; import java.lang.management.*; ";

/// A Java source file for the real JDK that runs the same program as a lesson.
struct JdkSource {
  std::string file_name;   ///< "Main.java", or "<PublicClass>.java" for a whole-class lesson
  std::string main_class;  ///< the class to pass to `java`
  std::string text;        ///< the file's contents
};

/// Turns a lesson into a file javac compiles, keeping every line number of the lesson:
/// - a bare body gets `kBareBodyImports` and `public class Main { public static void main(String[]
///   args) throws Exception {` in front of its first line (so only line 1's columns shift) and
///   `\n} }\n` after its last line; local classes in the body stay local classes;
/// - a whole class is copied unchanged, and the file is named after its public class (or after
///   the class with `main` when none is public), so nothing needs renaming.
/// `lesson` must have parsed without errors.
JdkSource wrap_for_jdk(const Lesson& lesson);

}  // namespace heapviz::lang
