#include "modes/offscreen_frame.hpp"

#include <glad/gl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace heapviz::app {

void render_offscreen_frame(const OffscreenTarget& target, float dt, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(target.width()), static_cast<float>(target.height()));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = dt;
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  draw();
  ImGui::Render();
  target.bind();
  glClearColor(0.94f, 0.94f, 0.95f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace heapviz::app
