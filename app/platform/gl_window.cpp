#include "platform/gl_window.hpp"

// glad before GLFW, so GLFW does not pull in the system GL header.
#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdlib>
#include <filesystem>

namespace heapviz::app {
namespace {

std::string g_last_glfw_error;

void on_glfw_error(int code, const char* text) {
  g_last_glfw_error = std::string(text ? text : "unknown") + " (GLFW error " + std::to_string(code) + ")";
}

std::string layout_file() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::filesystem::path dir;
  if (xdg && *xdg)
    dir = std::filesystem::path(xdg) / "heapviz";
  else if (home && *home)
    dir = std::filesystem::path(home) / ".config" / "heapviz";
  else
    return {};
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return ec ? std::string{} : (dir / "imgui.ini").string();
}

}  // namespace

std::unique_ptr<GuiSession> GuiSession::open(const GuiConfig& config, std::string& error) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    error = "no display found: " + g_last_glfw_error;
    return nullptr;
  }
  std::unique_ptr<GuiSession> s(new GuiSession());
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, config.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  const int w = config.visible ? config.width : 64;
  const int h = config.visible ? config.height : 64;
  s->window_ = glfwCreateWindow(w, h, "heapviz", nullptr, nullptr);
  if (!s->window_) {
    error = "could not create an OpenGL 3.3 core window: " + g_last_glfw_error;
    return nullptr;
  }
  glfwMakeContextCurrent(s->window_);
  glfwSwapInterval(1);
  if (gladLoadGL(glfwGetProcAddress) == 0) {
    error = "could not load OpenGL 3.3 functions (glad)";
    return nullptr;
  }
  s->renderer_ = std::string(reinterpret_cast<const char*>(glGetString(GL_RENDERER))) + ", OpenGL " +
                 reinterpret_cast<const char*>(glGetString(GL_VERSION));

  float scale = config.ui_scale;
  if (scale <= 0) {
    float sx = 1, sy = 1;
    if (config.visible) glfwGetWindowContentScale(s->window_, &sx, &sy);
    scale = sx > 0 ? sx : 1;
  }
  s->ui_scale_ = scale;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  if (config.persist_layout) {
    s->ini_path_ = layout_file();
    io.IniFilename = s->ini_path_.empty() ? nullptr : s->ini_path_.c_str();
  } else {
    io.IniFilename = nullptr;  // offscreen renders must not depend on, or change, a user's layout
  }
  ImGui::StyleColorsLight();
  ImGui::GetStyle().ScaleAllSizes(scale);
  s->fonts_ = load_fonts(17.0f * scale);
  if (config.visible) {
    ImGui_ImplGlfw_InitForOpenGL(s->window_, true);
    s->imgui_glfw_ = true;
  }
  ImGui_ImplOpenGL3_Init("#version 330 core");
  return s;
}

GuiSession::~GuiSession() {
  if (ImGui::GetCurrentContext()) {
    ImGui_ImplOpenGL3_Shutdown();
    if (imgui_glfw_) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

}  // namespace heapviz::app
