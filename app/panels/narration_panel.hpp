#pragma once
#include <imgui.h>

#include <string>
#include <vector>

#include "heapviz/heap/step.hpp"
#include "heapviz/lang/lesson.hpp"
#include "heapviz/heap/step.hpp"
#include "ui/ui_text.hpp"

namespace heapviz::app {

/// The current step in words: the concept sentence (English or 简体中文) and the JDK-internals line.
/// `step` is null before the first step.
/// `caption` is the lesson's own caption for the step's line (nullptr if none).
void draw_narration(const Step* step, std::size_t index, const lang::Caption* caption, Locale loc);

/// "Simulation notes (n)": where this run simplifies (the run's notes), as a line that expands; open at
/// first so a teacher sees them.
void draw_simulation_notes(const std::vector<std::string>& notes, Locale loc);
/// The notes for the presentation layout: a heading and the notes, wrapped, in `colour`.
void draw_simulation_notes_inline(const std::vector<std::string>& notes, Locale loc, ImVec4 colour);
/// "Simulation notes (n)" / "模拟说明（n）".
std::string simulation_notes_heading(std::size_t n, Locale loc);

}  // namespace heapviz::app
