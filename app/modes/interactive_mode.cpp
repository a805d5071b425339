#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <iostream>

#include "modes/modes.hpp"
#include "platform/gl_window.hpp"
#include "ui/shell.hpp"

namespace heapviz::app {

int run_interactive(const Options& o) {
  AppState state;
  state.lang = o.lang;
  if (auto err = state.load(o.lesson); !err.empty()) {
    std::cerr << "heapviz: " << err << "\n";
    return 2;
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
  while (!glfwWindowShouldClose(window) && !state.quit_requested) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q)) state.quit_requested = true;
    if (state.session.loaded()) state.session.playback().advance(ImGui::GetIO().DeltaTime);
    draw_shell(state, gui->fonts());
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.94f, 0.94f, 0.95f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
  }
  return 0;
}

}  // namespace heapviz::app
