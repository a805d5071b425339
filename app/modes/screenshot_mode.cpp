#include <algorithm>
#include <fstream>
#include <iostream>

#include "modes/modes.hpp"
#include "modes/offscreen_frame.hpp"
#include "platform/gl_window.hpp"
#include "platform/offscreen_target.hpp"
#include "platform/png_file.hpp"
#include "render/drawn_facts.hpp"
#include "ui/presentation.hpp"
#include "ui/shell.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {
namespace {

// ImGui sizes windows over a few frames; render a few before capturing so the layout has settled.
constexpr int kSettleFrames = 4;

}  // namespace

int run_screenshot(const Options& o) {
  AppState state;
  state.locale = o.locale.value_or(Locale::en);
  state.hypotheticals = o.hypotheticals;
  if (auto err = state.load(o.lesson); !err.empty()) {
    std::cerr << "heapviz: " << err << "\n";
    return 2;
  }
  if (!state.hypotheticals.empty() && !state.session.loaded()) {  // e.g. a mode the lesson does not declare
    std::cerr << "heapviz: " << state.run_notice;
    return 2;
  }
  const long total_steps = state.session.loaded() ? static_cast<long>(state.session.playback().size()) : 0;
  if (o.step > total_steps) {
    std::cerr << "heapviz: --step " << o.step << " is out of range: this lesson has steps 0.." << total_steps
              << "\n";
    return 2;
  }
  if (state.session.loaded()) state.session.playback().seek(static_cast<std::size_t>(o.step));
  if (o.select != 0 && state.session.loaded()) {
    state.session.update(1000, false);  // the view of the step shown, to find the object
    const View& v = state.session.view_after();
    const bool found = v.truncated || std::any_of(v.blocks.begin(), v.blocks.end(),
                                                  [&](const BlockView& b) { return b.id == o.select; });
    if (!found) {
      std::cerr << "heapviz: --select " << o.select << ": no object with that id is in the heap at step "
                << o.step << " (ids are in the inspector and in heapviz run LESSON --trace)\n";
      return 2;
    }
  }
  state.map.select(o.select);
  if (!o.select_page.empty() && state.session.loaded()) {
    state.session.update(1000, false);  // the views of the step shown, to find its pages
    // The N-th page-cache page of the view, in address order (pages have no object id to name them by).
    std::vector<const BlockView*> pages;
    for (const BlockView& b : state.session.view_after().blocks)
      if (b.space == heap::SpaceId::kernel && b.id == heap::kNoObject && b.state != BlockState::free)
        pages.push_back(&b);
    std::sort(pages.begin(), pages.end(),
              [](const BlockView* a, const BlockView* b) { return a->addr < b->addr; });
    std::size_t n = 0;
    const bool number =
        std::all_of(o.select_page.begin(), o.select_page.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (number && o.select_page.size() < 10) n = std::stoul(o.select_page);
    if (!number || o.select_page.size() >= 10 || n >= pages.size()) {
      std::cerr << "heapviz: --select-page " << o.select_page << ": this step has " << pages.size()
                << " page-cache pages (0.." << (pages.empty() ? 0 : pages.size() - 1) << ")\n";
      return 2;
    }
    state.map.select_bytes({heap::SpaceId::kernel, pages[n]->addr, pages[n]->size, pages[n]->label});
  }
  std::string error;
  GuiConfig config;
  config.visible = false;
  config.persist_layout = false;
  // The presentation layout uses the recording's scale (record_mode.cpp), so it shows what a frame would.
  config.ui_scale = o.ui_scale > 0   ? o.ui_scale
                    : o.presentation ? 1.25f * static_cast<float>(o.height) / 720.0f
                                     : 1.0f;
  auto gui = GuiSession::open(config, error);
  if (!gui) {
    std::cerr << "heapviz: " << error << ". The screenshot mode still needs an X display for its GL context: "
              << "run it as xvfb-run -a heapviz screenshot ...\n";
    return 1;
  }
  state.font_notice = gui->fonts().notice;
  state.renderer = gui->renderer();
  OffscreenTarget target(o.width, o.height);
  if (!target.ok()) {
    std::cerr << "heapviz: " << target.error() << "\n";
    return 1;
  }
  DrawnFacts facts;  // filled during the last frame only, when --facts asks for it
  for (int frame = 0; frame < kSettleFrames; ++frame) {
    if (!o.facts.empty() && frame == kSettleFrames - 1) set_drawn_facts(&facts);
    render_offscreen_frame(target, 1.0f / 30.0f, [&] {
      if (o.presentation)
        draw_presentation(state, gui->fonts(), PresentationOptions{});
      else
        draw_shell(state, gui->fonts());
    });
  }
  set_drawn_facts(nullptr);
  if (!o.facts.empty()) {
    std::ofstream out(o.facts, std::ios::binary);
    out << facts.to_json() << "\n";
    if (!out) {
      std::cerr << "heapviz: cannot write " << o.facts << "\n";
      return 1;
    }
  }
  if (auto err = write_png(o.out, o.width, o.height, target.read_rgba()); !err.empty()) {
    std::cerr << "heapviz: " << err << "\n";
    return 1;
  }
  std::cout << "heapviz: wrote " << o.out << " (" << o.width << "x" << o.height << ")\n";
  return 0;
}

}  // namespace heapviz::app
