#pragma once
#include "heapviz/step.hpp"

namespace heapviz::app {

/// The current step in words: the concept sentence (English or 简体中文) and the JDK-internals line.
/// `step` is null before the first step.
void draw_narration(const Step* step, std::size_t index, const char* lang);

}  // namespace heapviz::app
