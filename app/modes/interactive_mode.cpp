#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "modes/modes.hpp"
#include "platform/gl_window.hpp"
#include "platform/user_settings.hpp"
#include "ui/presentation.hpp"
#include "ui/shell.hpp"

namespace heapviz::app {

int run_interactive(const Options& o) {
  AppState state;
  std::string settings_warning;
  UserSettings settings = load_user_settings(settings_warning);
  state.locale = o.locale.value_or(settings.locale);
  state.collector = settings.collector;
  // A lesson named on the command line wins; otherwise reopen the last one (silently falling back).
  if (auto err = state.load(o.lesson.empty() ? settings.last_lesson : o.lesson); !err.empty()) {
    if (!o.lesson.empty()) {
      std::cerr << "heapviz: " << err << "\n";
      return 2;
    }
    state.load("");
  }
  state.session.playback().set_speed(settings.speed);
  state.session.playback().set_auto_pause(settings.auto_pause);
  if (o.speed_given) state.session.playback().set_speed(o.speed);
  if (o.play_from >= 0 && state.session.loaded()) {  // benchmarks: play from there, through pause points
    state.session.playback().set_auto_pause(false);
    state.session.playback().seek(static_cast<std::size_t>(o.play_from));
    state.session.playback().play();
  }
  state.message = settings_warning;
  // The frame-time log (benchmarks) is opened before the window, so a bad path fails at once.
  std::ofstream frame_log;
  if (!o.frame_log.empty()) {
    frame_log.open(o.frame_log);
    if (!frame_log) {
      std::cerr << "heapviz: cannot write " << o.frame_log << "\n";
      return 1;
    }
    frame_log << "# frame total_ms core_update_ms ui_ms gl_ms step tween vertices\n";
  }
  std::string error;
  GuiConfig config;
  config.ui_scale = o.ui_scale;
  auto gui = GuiSession::open(config, error);
  if (!gui) {
    std::cerr << "heapviz: " << error
              << ". Run it under a virtual display (xvfb-run -a heapviz), or render to a file with "
                 "'heapviz screenshot --out shot.png' (also under xvfb-run).\n";
    return 1;
  }
  state.font_notice = gui->fonts().notice;
  state.renderer = gui->renderer();
  GLFWwindow* window = gui->window();
  // Files dropped on the window are opened as lessons.
  glfwSetWindowUserPointer(window, &state);
  glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
    if (count > 0) static_cast<AppState*>(glfwGetWindowUserPointer(w))->pending_open = paths[0];
  });
  // Frame-time log (benchmarks): no vsync, so the times are the work, not the monitor's rate.
  if (frame_log.is_open()) glfwSwapInterval(0);
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  long frames = 0;
  while (!glfwWindowShouldClose(window) && !state.quit_requested) {
    if (o.quit_after_frames > 0 && ++frames > o.quit_after_frames) break;
    const Clock::time_point frame_start = Clock::now();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q)) state.quit_requested = true;
    if (!state.pending_open.empty()) {
      state.hypotheticals.clear();  // a what-if belongs to the lesson that declares it
      const std::string err = state.load(state.pending_open);
      state.message = err.empty() ? "" : err;
      state.pending_open.clear();
    }
    if (state.session.loaded()) state.session.playback().advance(ImGui::GetIO().DeltaTime);
    if (ImGui::IsKeyPressed(GLFW_KEY_F5)) state.presentation = !state.presentation;
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) state.presentation = false;
    if (state.presentation) {
      if (state.session.loaded()) TimelinePanel::handle_keys(state.session.playback());
      draw_presentation(state, gui->fonts(), PresentationOptions{});
    } else {
      draw_shell(state, gui->fonts());
    }
    const Clock::time_point ui_end = Clock::now();
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.94f, 0.94f, 0.95f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    if (frame_log.is_open()) {
      glFinish();  // llvmpipe renders on swap: count it in this frame
      const Clock::time_point end = Clock::now();
      frame_log << frames << ' ' << ms(frame_start, end) << ' ' << state.session.last_update_ms() << ' '
                << ms(frame_start, ui_end) << ' ' << ms(ui_end, end) << ' '
                << state.session.playback().position() << ' ' << state.session.tween() << ' '
                << ImGui::GetDrawData()->TotalVtxCount << '\n';
    }
  }
  settings.locale = state.locale;
  settings.collector = state.collector;
  if (const LessonEntry* e = state.current())
    settings.last_lesson = e->path.empty() ? e->id : e->path.string();
  settings.speed = state.session.playback().speed();
  settings.auto_pause = state.session.playback().auto_pause();
  if (auto err = save_user_settings(settings); !err.empty())
    std::cerr << "heapviz: settings not saved: " << err << "\n";
  return 0;
}

}  // namespace heapviz::app
