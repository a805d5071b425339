#pragma once
#include <cstdint>
#include <string>
#include <vector>

/// A PNG decoded for inspection (RGBA8, top row first).
struct PngImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;
  bool ok() const { return width > 0 && height > 0; }
  /// Number of distinct RGB colours in the rectangle [x0,x1) x [y0,y1).
  std::size_t distinct_colours(int x0, int y0, int x1, int y1) const;
  /// Number of pixels in the rectangle darker than `luma` (0..255): text and lines.
  std::size_t dark_pixels(int x0, int y0, int x1, int y1, int luma) const;
  /// Number of pixels in the rectangle of exactly this RGB colour.
  std::size_t pixels_of(int x0, int y0, int x1, int y1, std::uint8_t r, std::uint8_t g, std::uint8_t b) const;
};

PngImage load_png(const std::string& path);

/// Fraction (0..1) of the pixels in [x0,x1) x [y0,y1) whose RGB is exactly (r, g, b); 0 for an empty
/// rectangle.
double fraction_of_colour(const PngImage& img, int x0, int y0, int x1, int y1, std::uint8_t r, std::uint8_t g,
                          std::uint8_t b);
