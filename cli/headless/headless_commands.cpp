// The headless subcommands' options and checks, shared by heapviz and heapviz-cli.
#include <CLI/CLI.hpp>
#include <iostream>

#include "headless/headless_modes.hpp"
#include "heapviz/lang/hypotheticals.hpp"

namespace heapviz::headless {

HeadlessCommands::HeadlessCommands(CLI::App& app, HeadlessOptions& o) : o_(o) {
  lessons_ = app.add_subcommand("lessons", "List the bundled lessons with their titles");
  run_ = app.add_subcommand("run", "Run a lesson on the simulated JVM and print what the program prints");
  run_->add_option("lesson", o.lesson, "Lesson: number, id or a .java path")->required();
  run_->add_option("trace-file", o.trace_file, "File for --trace=json");
  jvm_ = run_->add_option("--jvm", o.jvm, "JVM flags replacing the lesson's //@ jvm: line, e.g. \"-Xmx32m\"");
  run_->add_option("--trace", o.trace,
                   "Write the step trace: to stderr (--trace), or as JSON (--trace=json FILE)")
      ->expected(0, 1)
      ->default_str("text")
      ->check(CLI::IsMember({"text", "json"}));
  using lang::Hypothetical;
  run_->add_option("--hypothetical", o.hypotheticals,
                   "Switch on a hypothetical mode the lesson declares (//@ hypothetical: NAME), e.g. " +
                       std::string(to_string(Hypothetical::os_reads_heap)) + " or " +
                       std::string(to_string(Hypothetical::pin_heap_array)))
      ->expected(1)
      ->take_all();
  run_->add_option("--max-steps", o.max_steps,
                   "Stop after N steps (statements and loop iterations); default 10000000")
      ->check(CLI::Range(1ull, 1'000'000'000'000ull));

  java_ = app.add_subcommand("java", "Write Main.java and Heapviz.java for javac/java (the real JDK 17)");
  java_->add_option("lesson", o.lesson, "Lesson: number, id or a .java path")->required();
  java_->add_option("--out", o.out_dir, "Folder to write the files into")->required();
}

void HeadlessCommands::finish() const {
  if (run_->parsed() && o_.trace == "json" && o_.trace_file.empty())
    throw CLI::ValidationError("--trace=json needs a FILE after the lesson: " + o_.program +
                               " run LESSON --trace=json FILE");
  if (run_->parsed() && o_.trace != "json" && !o_.trace_file.empty())
    throw CLI::ValidationError("unexpected argument '" + o_.trace_file +
                               "' (a trace file goes with --trace=json)");
  o_.jvm_given = jvm_->count() > 0;
  if (lessons_->parsed()) o_.command = Command::lessons;
  if (run_->parsed()) o_.command = Command::run;
  if (java_->parsed()) o_.command = Command::java;
}

std::string headless_usage(const std::string& p) {
  return p + " lessons | " + p +
         " run LESSON [--jvm FLAGS] [--hypothetical NAME] [--trace | --trace=json FILE] [--max-steps N] | " +
         p + " java LESSON --out DIR";
}

int report_parse_error(const CLI::App& app, const CLI::ParseError& e, const std::string& program,
                       const std::string& usage) {
  if (e.get_exit_code() == 0) {  // --help or --version
    app.exit(e);
    return 0;
  }
  std::cerr << program << ": error: " << e.what() << "\n"
            << usage << "\nRun '" << program << " --help' for details.\n";
  return 2;
}

int run_command(const HeadlessOptions& o) {
  switch (o.command) {
    case Command::lessons:
      return list_lessons_mode(o);
    case Command::run:
      return run_lesson_mode(o);
    case Command::java:
      return java_mode(o);
    case Command::none:
      break;
  }
  std::cerr << o.program << ": internal error: no headless command chosen\n";
  return 3;
}

int list_lessons_mode(const HeadlessOptions& o) {
  const auto lessons = list_lessons();
  if (lessons.empty()) {
    std::cerr << o.program << ": no lessons found in " << (assets_dir() / "scenarios").string() << "\n";
    return 1;
  }
  for (const auto& e : lessons) std::cout << e.id << "  " << e.title << "\n";
  return 0;
}

}  // namespace heapviz::headless
