#include "heapviz/lang/jdk_wrapper.hpp"

namespace heapviz::lang {

JdkSource wrap_for_jdk(const Lesson& lesson) {
  JdkSource out;
  const Program& prog = lesson.program;
  // javac rejects a byte-order mark ("illegal character: '\ufeff'"); the lexer skips it.
  std::string_view source = lesson.source;
  if (source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  if (!prog.bare_body) {
    // A whole class runs as written; the file must be named after its public class.
    const ClassDecl* named = prog.main_class;
    for (const auto& cls : prog.classes) {
      if (cls->modifiers.is_public) named = cls.get();
    }
    out.file_name = (named ? named->name : std::string("Main")) + ".java";
    out.main_class = prog.main_class ? prog.main_class->name : "Main";
    if (!prog.package_name.empty()) out.main_class = prog.package_name + "." + out.main_class;
    out.text = std::string(source);
    return out;
  }
  // Everything is put in front of line 1 so that javac's line numbers are the lesson's.
  out.file_name = "Main.java";
  out.main_class = "Main";
  out.text.reserve(source.size() + 256);
  out.text += kBareBodyImports;
  out.text += "public class Main { public static void main(String[] args) throws Exception { ";
  out.text += source;
  // A last line comment without a newline would swallow the closing braces.
  out.text += "\n} }\n";
  return out;
}

}  // namespace heapviz::lang
