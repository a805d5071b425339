#include <doctest/doctest.h>

#include <algorithm>

#include "process.hpp"

TEST_CASE("--version and --help print text and exit 0") {
  const auto v = run_heapviz("--version", false);
  CHECK(v.exit_code == 0);
  CHECK(v.output.find("heapviz 0.") != std::string::npos);
  const auto h = run_heapviz("--help", false);
  CHECK(h.exit_code == 0);
  CHECK(h.output.find("screenshot") != std::string::npos);
  CHECK(h.output.find("xvfb-run") != std::string::npos);
}

TEST_CASE("an unknown option prints a one-line error plus usage and exits 2") {
  const auto r = run_heapviz("--no-such-option", false);
  CHECK(r.exit_code == 2);
  CHECK(r.output.rfind("heapviz: error: ", 0) == 0);
  CHECK(r.output.find("usage: heapviz") != std::string::npos);
}

TEST_CASE("bad screenshot arguments are usage errors, not crashes") {
  CHECK(run_heapviz("screenshot", false).exit_code == 2);                           // --out missing
  CHECK(run_heapviz("screenshot --out x.png --size 10x10", false).exit_code == 2);  // too small
  CHECK(run_heapviz("screenshot --out x.png --size banana", false).exit_code == 2);
  CHECK(run_heapviz("screenshot no-such-lesson --out x.png", false).exit_code == 2);
}

TEST_CASE("a language or collector heapviz does not know is a usage error naming the known ones") {
  const auto lang = run_heapviz("screenshot 05 --out x.png --lang fr", false);
  CHECK(lang.exit_code == 2);
  CHECK(lang.output.rfind("heapviz: error: --lang: unknown language 'fr' (heapviz knows: en, zh)\n", 0) == 0);
  const auto collector = run_heapviz("record 05 --out x.mp4 --collector mark_sweep", false);
  CHECK(collector.exit_code == 2);
  CHECK(collector.output.rfind("heapviz: error: --collector: unknown collector 'mark_sweep' (heapviz knows: "
                               "mark-compact, mark-sweep)\n",
                               0) == 0);
}

TEST_CASE("without a display the app says so in one line, names the alternatives, exits non-zero") {
  const auto r = run_heapviz("", false);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("no display") != std::string::npos);
  CHECK(r.output.find("xvfb-run") != std::string::npos);
  CHECK(r.output.find("screenshot") != std::string::npos);
  CHECK(std::count(r.output.begin(), r.output.end(), '\n') == 1);
}

TEST_CASE("'heapviz lessons' lists the bundled lessons with titles") {
  const auto r = run_heapviz("lessons", false);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("01-allocate-vs-direct  Where the bytes live") != std::string::npos);
}

TEST_CASE("a negative step says what is allowed, not a huge number") {
  for (const char* args : {"screenshot 01 --out /tmp/x.png --step -1", "record 01 --out /tmp/x --from -1",
                           "record 01 --out /tmp/x --to -1"}) {
    CAPTURE(args);
    const auto r = run_heapviz(args, false);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("whole number from 0 up") != std::string::npos);
    CHECK(r.output.find("308") == std::string::npos);  // CLI11's 1.79769e+308
    CHECK(r.output.size() < 800);
  }
}

TEST_CASE("steps and objects out of range are usage errors (exit 2) before any window opens") {
  const auto to = run_heapviz("record 01 --out /tmp/heapviz_to_test --to 99999", false);
  CHECK(to.exit_code == 2);
  CHECK(to.output.find("--to 99999 is out of range") != std::string::npos);
  const auto sel = run_heapviz("screenshot 01 --out /tmp/x.png --step 5 --select 999999", false);
  CHECK(sel.exit_code == 2);
  CHECK(sel.output.find("--select 999999") != std::string::npos);
}

TEST_CASE("an unwritable output says so and exits 1, as the README says, in every mode") {
  const auto rec = run_heapviz("record 01 --out /proc/heapviz_no/x.mp4", false);
  CHECK(rec.exit_code == 1);
  CHECK(rec.output.find("cannot write /proc/heapviz_no/x.mp4") != std::string::npos);
  CHECK(rec.output.find("ffmpeg") == std::string::npos);
  const auto file = run_heapviz("record 01 --out /etc/passwd/x.gif", false);  // a file, not a folder
  CHECK(file.exit_code == 1);
  CHECK(file.output.find("cannot write /etc/passwd/x.gif") != std::string::npos);
  CHECK(file.output.find("cannot run ffmpeg") == std::string::npos);
  const auto java = run_heapviz("java 01 --out /proc/heapviz_no", false);
  CHECK(java.exit_code == 1);
  CHECK(java.output.find("cannot write into /proc/heapviz_no") != std::string::npos);
  const auto trace = run_heapviz("run 01 --trace=json /proc/heapviz_no/t.json", false);
  CHECK(trace.exit_code == 1);
  CHECK(trace.output.find("cannot write the trace") != std::string::npos);
}

TEST_CASE("errors in --jvm and --hypothetical name the command-line argument, not a line of the lesson") {
  const auto jvm = run_heapviz("run 01 --jvm -Xmxfoo", false);
  CHECK(jvm.exit_code == 2);
  CHECK(jvm.output.find("--jvm: Invalid maximum heap size: -Xmxfoo") != std::string::npos);
  CHECK(jvm.output.find("//@ jvm") == std::string::npos);  // the lesson's line is not shown
  CHECK(jvm.output.find("\n^") == std::string::npos);
  const auto hyp = run_heapviz("run 01 --hypothetical os-reads-heap", false);
  CHECK(hyp.exit_code == 2);
  CHECK(hyp.output.find("(command-line argument --hypothetical)") != std::string::npos);
  CHECK(hyp.output.find("//@ title") == std::string::npos);  // no line of the lesson, no caret
  CHECK(hyp.output.find("\n^") == std::string::npos);
}
