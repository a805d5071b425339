#include "record/png_folder_sink.hpp"

#include <cstdio>
#include <filesystem>

#include "platform/png_file.hpp"

namespace heapviz::app {
namespace fs = std::filesystem;

PngFolderSink::~PngFolderSink() {
  if (!done_) abort();
}

std::string PngFolderSink::open(int width, int height, int /*fps*/) {
  width_ = width;
  height_ = height;
  std::error_code ec;
  fs::path final_dir(dir_);
  if (final_dir.filename().empty()) final_dir = final_dir.parent_path();  // "frames/" -> "frames"
  dir_ = final_dir.string();
  if (fs::exists(final_dir, ec) && !fs::is_empty(final_dir, ec))
    return "output folder " + dir_ + " exists and is not empty; choose a new name";
  const fs::path parent = final_dir.has_parent_path() ? final_dir.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, ec))
    return "cannot create " + dir_ + ": folder " + parent.string() + " does not exist";
  partial_ = dir_ + ".partial";
  fs::remove_all(partial_, ec);
  if (!fs::create_directory(partial_, ec)) return "cannot create " + partial_ + ": " + ec.message();
  return {};
}

std::string PngFolderSink::write(const std::vector<std::uint8_t>& rgba) {
  char name[32];
  std::snprintf(name, sizeof name, "frame_%05d.png", ++count_);
  return write_png((fs::path(partial_) / name).string(), width_, height_, rgba);
}

std::string PngFolderSink::finish() {
  std::error_code ec;
  fs::remove(dir_, ec);  // an empty folder of that name may exist
  fs::rename(partial_, dir_, ec);
  if (ec) return "cannot rename " + partial_ + " to " + dir_ + ": " + ec.message();
  done_ = true;
  return {};
}

void PngFolderSink::abort() {
  std::error_code ec;
  if (!partial_.empty()) fs::remove_all(partial_, ec);
  done_ = true;
}

}  // namespace heapviz::app
