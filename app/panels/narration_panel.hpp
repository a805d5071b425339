#pragma once
#include "heapviz/lang/lesson.hpp"
#include "heapviz/step.hpp"

namespace heapviz::app {

/// The current step in words: the concept sentence (English or 简体中文) and the JDK-internals line.
/// `step` is null before the first step.
/// `caption` is the lesson's own caption for the step's line (nullptr if none).
void draw_narration(const Step* step, std::size_t index, const lang::Caption* caption, const char* lang);

}  // namespace heapviz::app
