#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace heapviz::app {

/// Writes RGBA8 pixels (top row first) as a PNG. Writes to a temporary name and renames it into place,
/// so an interrupted or failed write never leaves a half-written file under `path`.
/// Returns "" on success, or a one-line reason.
std::string write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba);

}  // namespace heapviz::app
