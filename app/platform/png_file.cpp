#include "platform/png_file.hpp"

#include <stb_image_write.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace heapviz::app {

std::string write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    return "cannot write " + path + ": folder " + dir.string() + " does not exist";
  const std::string tmp = path + ".tmp";
  stbi_write_png_compression_level = 3;  // a little larger than the default 8, several times faster
  if (!stbi_write_png(tmp.c_str(), width, height, 4, rgba.data(), width * 4)) {
    std::remove(tmp.c_str());
    return "cannot write " + path + ": " + std::strerror(errno);
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return "cannot write " + path + ": " + ec.message();
  }
  return {};
}

}  // namespace heapviz::app
