// heapviz record: renders a lesson offscreen, frame by frame, into PNG frames, a GIF or an MP4.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "modes/modes.hpp"
#include "modes/offscreen_frame.hpp"
#include "platform/gl_window.hpp"
#include "platform/offscreen_target.hpp"
#include "record/frame_script.hpp"
#include "record/frame_sink.hpp"
#include "render/address_axis.hpp"
#include "ui/presentation.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void on_interrupt(int) { g_interrupted = 1; }

// Progress: frames, elapsed, estimate of what is left. On a terminal one line is rewritten in place;
// into a log (CI, pipes) a line is printed every 10 %.
void print_progress(std::size_t done, std::size_t total, double elapsed, bool final_line) {
  static int last_decile = -1;
  const bool tty = isatty(2);
  const int decile = total ? static_cast<int>(10 * done / total) : 10;
  if (!tty && !final_line && decile == last_decile) return;
  last_decile = decile;
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  const double left = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  std::fprintf(stderr, "%srecording: frame %zu/%zu (%3.0f%%), %.1f s elapsed, about %.0f s left%s",
               tty ? "\r" : "", done, total,
               total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0, elapsed, left,
               tty ? "   " : "\n");
  std::fflush(stderr);
}

std::uint64_t output_size(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  std::uint64_t total = 0;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    total += it->file_size(ec);
  return total;
}

}  // namespace

int run_record(const Options& o) {
  AppState state;
  state.locale = o.locale.value_or(Locale::en);
  state.collector = o.collector.value_or(heap::Collector::mark_compact);
  state.hypotheticals =
      o.hypotheticals;  // as screenshot: the lesson must declare each (else run_notice, exit 2)
  if (auto err = state.load(o.lesson); !err.empty()) {
    std::cerr << "heapviz: " << err << "\n";
    return 2;
  }
  if (!state.session.loaded()) {
    std::cerr << "heapviz: nothing to record: "
              << (state.run_notice.empty() ? "the lesson produced no steps" : state.run_notice) << "\n";
    return 2;
  }
  const std::size_t steps = state.session.playback().size();
  if (static_cast<std::size_t>(o.from) > steps) {
    std::cerr << "heapviz: --from " << o.from << " is out of range: this lesson has steps 0.." << steps
              << "\n";
    return 2;
  }
  if (o.to >= 0 && static_cast<std::size_t>(o.to) > steps) {
    std::cerr << "heapviz: --to " << o.to << " is out of range: this lesson has steps 0.." << steps << "\n";
    return 2;
  }
  std::string error;
  auto sink = make_frame_sink(o.out, error);
  if (!sink) {
    std::cerr << "heapviz: " << error << "\n";
    return 1;
  }
  GuiConfig config;
  config.visible = false;
  config.persist_layout = false;
  config.ui_scale = o.ui_scale > 0 ? o.ui_scale : 1.25f * static_cast<float>(o.height) / 720.0f;
  auto gui = GuiSession::open(config, error);
  if (!gui) {
    std::cerr << "heapviz: " << error << ". Recording still needs an X display for its GL context: run it as "
              << "xvfb-run -a heapviz record ...\n";
    return 1;
  }
  OffscreenTarget target(o.width, o.height);
  if (!target.ok()) {
    std::cerr << "heapviz: " << target.error() << "\n";
    return 1;
  }
  if (auto err = sink->open(o.width, o.height, o.fps); !err.empty()) {
    std::cerr << "heapviz: " << err << "\n";
    return 1;
  }

  FrameScript::Config sc;
  sc.fps = o.fps;
  sc.speed = o.speed;
  sc.from = static_cast<std::size_t>(o.from);
  sc.to = o.to < 0 ? steps : static_cast<std::size_t>(o.to);
  sc.title_seconds = o.title_card ? 2.5f : 0.0f;
  FrameScript script(state.session.playback(), sc);
  const PresentationOptions po{o.step_counter, o.timeline};

  g_interrupted = 0;
  auto previous_int = std::signal(SIGINT, on_interrupt);
  auto previous_term = std::signal(SIGTERM, on_interrupt);
  std::signal(SIGPIPE, SIG_IGN);  // a dying ffmpeg must give an error, not kill us
  const auto start = std::chrono::steady_clock::now();
  auto last_print = start;
  const float dt = 1.0f / static_cast<float>(o.fps);
  std::size_t done = 0;
  std::string failure;
  while (script.next()) {
    if (g_interrupted) break;
    state.session.playback() = script.playback();
    render_offscreen_frame(target, dt, [&] {
      if (script.title())
        draw_title_card(state);
      else
        draw_presentation(state, gui->fonts(), po);
    });
    if (auto err = sink->write(target.read_rgba()); !err.empty()) {
      failure = err;
      break;
    }
    ++done;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_print > std::chrono::milliseconds(250)) {
      print_progress(done, script.total_frames(), std::chrono::duration<double>(now - start).count(), false);
      last_print = now;
    }
  }
  std::signal(SIGINT, previous_int);
  std::signal(SIGTERM, previous_term);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_progress(done, script.total_frames(), elapsed, true);
  if (isatty(2)) std::fprintf(stderr, "\n");
  if (g_interrupted || !failure.empty()) {
    sink->abort();
    std::cerr << "heapviz: " << (g_interrupted ? "recording interrupted" : failure)
              << "; nothing was written to " << o.out << "\n";
    return g_interrupted ? 130 : 1;
  }
  if (auto err = sink->finish(); !err.empty()) {
    std::cerr << "heapviz: " << err << "\n";
    return 1;
  }
  std::printf(
      "heapviz: wrote %s: %zu frames, %.1f s at %d fps, %dx%d, %s (rendered in %.1f s, %.1f frames/s)\n",
      o.out.c_str(), done, static_cast<double>(done) / o.fps, o.fps, o.width, o.height,
      human_bytes(output_size(o.out)).c_str(), elapsed,
      elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0);
  return 0;
}

}  // namespace heapviz::app
