// `java LESSON --out DIR`: the lesson as Main.java plus Heapviz.java, for javac and java.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "headless/headless_modes.hpp"
#include "heapviz/lang/jdk_wrapper.hpp"

namespace heapviz::headless {

int java_mode(const HeadlessOptions& o) {
  const auto loaded = load_lesson_or_report(o.lesson, o.program);
  if (!loaded) return 2;
  const lang::Lesson lesson = lang::parse_lesson(loaded->second, loaded->first.path.filename().string());
  if (!lesson.ok()) {
    std::cerr << lesson.format_diagnostics();
    return 2;
  }
  const lang::JdkSource src = lang::wrap_for_jdk(lesson);
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  const fs::path helper = assets_dir() / "java" / "Heapviz.java";
  std::ofstream(fs::path(o.out_dir) / src.file_name, std::ios::binary) << src.text;
  fs::copy_file(helper, fs::path(o.out_dir) / "Heapviz.java", fs::copy_options::overwrite_existing, ec);
  if (ec || !fs::exists(fs::path(o.out_dir) / src.file_name)) {
    std::cerr << o.program << ": cannot write into " << o.out_dir
              << (ec ? ": " + ec.message() : std::string()) << "\n";
    return 1;
  }
  std::cout << "wrote " << (fs::path(o.out_dir) / src.file_name).string() << " and "
            << (fs::path(o.out_dir) / "Heapviz.java").string() << "\n"
            << "run: cd " << o.out_dir << " && javac " << src.file_name << " Heapviz.java && java "
            << lesson.directives.jvm_flags << (lesson.directives.jvm_flags.empty() ? "" : " ")
            << src.main_class << "\n";
  return 0;
}

}  // namespace heapviz::headless
