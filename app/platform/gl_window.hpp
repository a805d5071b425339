#pragma once
#include <memory>
#include <string>

#include "platform/fonts.hpp"

struct GLFWwindow;

namespace heapviz::app {

/// How to open the GUI: a visible window for people, or a hidden one whose context renders offscreen.
struct GuiConfig {
  bool visible = true;
  int width = 1600;
  int height = 900;
  float ui_scale = 0;          ///< 0: the monitor's content scale (visible) or 1 (hidden)
  bool persist_layout = true;  ///< save ImGui window layout in ~/.config/heapviz/imgui.ini
};

/// GLFW + OpenGL 3.3 core (loaded by glad) + Dear ImGui, opened together and closed together.
class GuiSession {
 public:
  /// Returns nullptr and a one-line reason in `error` when there is no display or no GL 3.3 context.
  static std::unique_ptr<GuiSession> open(const GuiConfig& config, std::string& error);
  ~GuiSession();
  GuiSession(const GuiSession&) = delete;
  GuiSession& operator=(const GuiSession&) = delete;

  GLFWwindow* window() const { return window_; }
  float ui_scale() const { return ui_scale_; }
  const FontSet& fonts() const { return fonts_; }
  /// "Mesa llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5 (Core Profile) Mesa 22.3.6" and the like.
  const std::string& renderer() const { return renderer_; }

 private:
  GuiSession() = default;
  GLFWwindow* window_ = nullptr;
  bool imgui_glfw_ = false;
  float ui_scale_ = 1;
  FontSet fonts_;
  std::string renderer_;
  std::string ini_path_;
};

}  // namespace heapviz::app
