// The JDK as oracle for whole lessons: every bundled lesson and every program in tests/jdk/programs
// runs on heapviz (run_lesson) and on the real JDK 17 (wrapped like `heapviz java`, compiled with
// Heapviz.java, run with the lesson's //@ jvm: flags in a scratch folder as cwd). Standard output and the
// exit status must be identical.
//
// Hypothetical lessons: heapviz first runs them with every hypothetical mode off, which is what the JDK does,
// and the whole output is compared. Then once per mode the lesson declares (`//@ hypothetical: NAME`, modes
// heapviz knows): the output is compared only up to where the mode first made the run differ from the JDK
// (LessonRunResult::out_before_hypothetical); a mode that never acted must match the JDK's whole output.
//
// Blocked lessons: lessons_blocked.txt lists "<file name> <reason>" for lessons whose features are not
// simulated yet. A blocked lesson must still differ (or fail to run) on heapviz; if it starts to match,
// the test FAILS so that the list is updated. Missing java/javac, or a JDK other than 17, is a FAILURE.
//
// usage: heapviz_lessons_oracle JAVA JAVAC HEAPVIZ_JAVA_DIR WORK_DIR BLOCKED_LIST FILE.java...
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "heapviz/lang/hypotheticals.hpp"
#include "heapviz/lang/jdk_wrapper.hpp"
#include "heapviz/lang/lesson_run.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int shell(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return rc == -1 ? -1 : WEXITSTATUS(rc);
}

// The first line where two outputs differ, for the report.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ha = static_cast<bool>(std::getline(sa, la)), hb = static_cast<bool>(std::getline(sb, lb));
    if (!ha && !hb) return "outputs differ only in the final newline";
    if (la != lb || ha != hb)
      return "line " + std::to_string(line) + ":\n      JDK:     " + (ha ? la : "<end>") +
             "\n      heapviz: " + (hb ? lb : "<end>");
  }
}

std::map<std::string, std::string> read_blocked(const fs::path& p) {
  std::map<std::string, std::string> out;
  std::istringstream in(read_file(p));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto sp = line.find(' ');
    out[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(sp + 1);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 7) {
    std::cerr
        << "usage: heapviz_lessons_oracle JAVA JAVAC HEAPVIZ_JAVA_DIR WORK_DIR BLOCKED_LIST FILE.java...\n";
    return 2;
  }
  const std::string java = argv[1], javac = argv[2];
  const fs::path helper = fs::path(argv[3]) / "Heapviz.java";
  const fs::path work = argv[4];
  if (java.empty() || java.find("NOTFOUND") != std::string::npos ||
      javac.find("NOTFOUND") != std::string::npos) {
    std::cerr
        << "FAIL: java/javac not found; the JDK 17 oracle is required (install openjdk-17-jdk-headless)\n";
    return 1;
  }
  fs::create_directories(work);
  if (shell(quote(java) + " -version 2> " + quote((work / "version.txt").string())) != 0 ||
      read_file(work / "version.txt").find("\"17") == std::string::npos) {
    std::cerr << "FAIL: the oracle must be JDK 17; java -version says:\n" << read_file(work / "version.txt");
    return 1;
  }
  const auto blocked = read_blocked(argv[5]);
  int failures = 0, matched = 0, still_blocked = 0;
  for (int i = 6; i < argc; ++i) {
    const fs::path file = argv[i];
    const std::string name = file.filename().string();
    const std::string source = read_file(file);
    const fs::path dir = work / file.stem();
    fs::remove_all(dir);
    fs::create_directories(dir);

    heapviz::LessonRunOptions opts;
    opts.record_trace = false;
    opts.verify_after_gc = true;
    const heapviz::LessonRunResult sim = heapviz::run_lesson(source, name, opts);

    const heapviz::lang::JdkSource src = heapviz::lang::wrap_for_jdk(*sim.lesson);
    std::ofstream(dir / src.file_name, std::ios::binary) << src.text;
    fs::copy_file(helper, dir / "Heapviz.java", fs::copy_options::overwrite_existing);
    const std::string cd = "cd " + quote(dir.string()) + " && ";
    if (shell(cd + quote(javac) + " -nowarn " + quote(src.file_name) + " Heapviz.java > javac.txt 2>&1") !=
        0) {
      std::cout << "FAIL " << name << ": javac rejects it:\n" << read_file(dir / "javac.txt");
      ++failures;
      continue;
    }
    const int jdk_exit = shell(cd + quote(java) + " " + sim.lesson->directives.jvm_flags + " " +
                               src.main_class + " > jdk.out 2> jdk.err");
    const std::string jdk_out = read_file(dir / "jdk.out");
    std::ofstream(dir / "heapviz.out", std::ios::binary) << sim.out;

    std::string problem;
    if (!sim.ok)
      problem = "heapviz did not run it:\n" + sim.diagnostics;
    else if (jdk_out != sim.out)
      problem = "stdout differs at " + first_difference(jdk_out, sim.out);
    else if (jdk_exit != sim.exit_code)
      problem = "exit status differs: JDK " + std::to_string(jdk_exit) + ", heapviz " +
                std::to_string(sim.exit_code);

    const auto b = blocked.find(name);
    if (b != blocked.end()) {
      if (problem.empty()) {
        std::cout << "FAIL " << name << ": listed as blocked (" << b->second
                  << ") but now matches the JDK byte for byte: remove it from lessons_blocked.txt\n";
        ++failures;
      } else {
        std::cout << "BLOCKED " << name << " (" << b->second << ")\n";
        ++still_blocked;
      }
      continue;
    }
    if (problem.empty()) {
      std::cout << "MATCH " << name << " (" << jdk_out.size() << " bytes of stdout, exit " << jdk_exit
                << ")\n";
      ++matched;
    } else {
      std::cout << "FAIL " << name << ": " << problem << "\n";
      ++failures;
    }
    for (const std::string& mode : sim.lesson->directives.hypotheticals) {
      if (!heapviz::lang::find_hypothetical(mode)) continue;
      heapviz::LessonRunOptions hopts = opts;
      hopts.hypotheticals = {mode};
      const heapviz::LessonRunResult hyp = heapviz::run_lesson(source, name, hopts);
      std::string hproblem;
      std::size_t compared = jdk_out.size();
      if (!hyp.ok) {
        hproblem = "heapviz did not run it:\n" + hyp.diagnostics;
      } else if (hyp.out_before_hypothetical) {
        compared = *hyp.out_before_hypothetical;
        if (compared > jdk_out.size() || hyp.out.compare(0, compared, jdk_out, 0, compared) != 0)
          hproblem = "stdout before the hypothetical part differs at " +
                     first_difference(jdk_out.substr(0, compared), hyp.out.substr(0, compared));
      } else if (jdk_out != hyp.out) {
        hproblem = "the mode never acted, yet stdout differs at " + first_difference(jdk_out, hyp.out);
      }
      if (hproblem.empty()) {
        std::cout << "MATCH " << name << " --hypothetical " << mode << " (first " << compared
                  << " bytes of stdout"
                  << (hyp.out_before_hypothetical ? ", up to the hypothetical part" : "") << ")\n";
        ++matched;
      } else {
        std::cout << "FAIL " << name << " --hypothetical " << mode << ": " << hproblem << "\n";
        ++failures;
      }
    }
  }
  std::cout << matched << " match the JDK, " << still_blocked << " blocked, " << failures << " failed\n";
  return failures == 0 ? 0 : 1;
}
