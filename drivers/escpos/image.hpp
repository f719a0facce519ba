// Pictures for the printer: a 1-bit bitmap, PNG loading, scaling, Floyd-Steinberg dithering, and the
// raster command (GS v 0) cut into bands small enough for one USB transfer.
#pragma once

#include "pos/core/result.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace waserda::drivers {

// 1 bit per dot, rows packed MSB first (the layout GS v 0 sends); a set bit prints black.
struct Bitmap {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> bits;

    Bitmap() = default;
    Bitmap(int w, int h) : width(w), height(h), bits(static_cast<size_t>(stride_for(w)) * h, 0) {}
    static int stride_for(int w) { return (w + 7) / 8; }
    int stride() const { return stride_for(width); }
    bool get(int x, int y) const { return bits[y * stride() + x / 8] & (0x80 >> (x % 8)); }
    void set(int x, int y, bool black = true) {
        uint8_t& b = bits[y * stride() + x / 8];
        if (black) b |= (0x80 >> (x % 8)); else b &= ~(0x80 >> (x % 8));
    }
    bool empty() const { return width == 0 || height == 0; }
};

// 8-bit grey, 0 = black, 255 = white.
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;
};

// Decodes a PNG (or any format stb_image reads) to grey; transparent parts count as paper (white).
core::Result<GrayImage> load_gray_image(const std::string& path);
core::Result<GrayImage> decode_gray_image(std::span<const uint8_t> file_bytes);
// Area-averaged resize to the given width, keeping the aspect ratio.
GrayImage scale_to_width(const GrayImage& img, int width);
// Floyd-Steinberg error diffusion to 1 bit: grey areas keep their tone as dot density.
Bitmap dither(const GrayImage& img);
// load + scale (only down, never up, when max_width is smaller) + dither: the shop's logo.
core::Result<Bitmap> load_logo(const std::string& path, int max_width);

// A USB bulk transfer of the print queue carries at most this much; one GS v 0 band stays within it.
inline constexpr size_t kMaxCommandBytes = 16 * 1024;
// GS v 0 commands for the bitmap, each band (header + data) at most max_command bytes.
std::vector<uint8_t> raster_bands(const Bitmap& bmp, size_t max_command = kMaxCommandBytes);

// Writes grey pixels as a PNG file.
core::Status write_png(const std::string& path, const GrayImage& img);

}  // namespace waserda::drivers
