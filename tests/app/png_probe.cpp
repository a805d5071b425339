#include "png_probe.hpp"

#include <stb_image.h>

#include <algorithm>
#include <unordered_set>

PngImage load_png(const std::string& path) {
  PngImage img;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &img.width, &img.height, &channels, 4);
  if (!data) {
    img.width = img.height = 0;
    return img;
  }
  img.rgba.assign(data, data + static_cast<std::size_t>(img.width) * img.height * 4);
  stbi_image_free(data);
  return img;
}

std::size_t PngImage::distinct_colours(int x0, int y0, int x1, int y1) const {
  std::unordered_set<std::uint32_t> seen;
  for (int y = std::max(0, y0); y < std::min(height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(width, x1); ++x) {
      const std::uint8_t* p = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
      seen.insert(static_cast<std::uint32_t>(p[0]) << 16 | static_cast<std::uint32_t>(p[1]) << 8 | p[2]);
    }
  return seen.size();
}

std::size_t PngImage::pixels_of(int x0, int y0, int x1, int y1, std::uint8_t r, std::uint8_t g,
                                std::uint8_t b) const {
  std::size_t n = 0;
  for (int y = std::max(0, y0); y < std::min(height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(width, x1); ++x) {
      const std::uint8_t* p = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
      if (p[0] == r && p[1] == g && p[2] == b) ++n;
    }
  return n;
}

std::size_t PngImage::dark_pixels(int x0, int y0, int x1, int y1, int luma) const {
  std::size_t n = 0;
  for (int y = std::max(0, y0); y < std::min(height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(width, x1); ++x) {
      const std::uint8_t* p = &rgba[(static_cast<std::size_t>(y) * width + x) * 4];
      if ((p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000 < luma) ++n;
    }
  return n;
}

double fraction_of_colour(const PngImage& img, int x0, int y0, int x1, int y1, std::uint8_t r, std::uint8_t g,
                          std::uint8_t b) {
  std::size_t n = 0, hit = 0;
  for (int y = std::max(0, y0); y < std::min(img.height, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) {
      const std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
      ++n;
      hit += p[0] == r && p[1] == g && p[2] == b;
    }
  return n == 0 ? 0.0 : static_cast<double>(hit) / static_cast<double>(n);
}
