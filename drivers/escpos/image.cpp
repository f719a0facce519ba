#include "drivers/escpos/image.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

// stb is compiled here, once, with static linkage: the UI links its own copies (ImGui bundles stb)
// and the two must not collide.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_NO_STDIO
#include <stb_image.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb_image_write.h>
#pragma GCC diagnostic pop

namespace waserda::drivers {

core::Result<GrayImage> decode_gray_image(std::span<const uint8_t> bytes) {
    int w = 0, h = 0, channels = 0;
    stbi_uc* rgba = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4);
    if (!rgba)
        return core::make_error(core::ErrorCode::Invalid, core::tr("Gambar tidak bisa dibaca: {}.",
                                                                   stbi_failure_reason()));
    GrayImage img{w, h, std::vector<uint8_t>(static_cast<size_t>(w) * h)};
    for (size_t i = 0; i < img.pixels.size(); ++i) {
        const stbi_uc* p = rgba + i * 4;
        // Rec. 601 luma, then composite over white paper.
        int luma = (299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000;
        int a = p[3];
        img.pixels[i] = static_cast<uint8_t>((luma * a + 255 * (255 - a)) / 255);
    }
    stbi_image_free(rgba);
    return img;
}

core::Result<GrayImage> load_gray_image(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return core::make_error(core::ErrorCode::NotFound, core::tr("File gambar {} tidak ditemukan.", path));
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return decode_gray_image(bytes);
}

GrayImage scale_to_width(const GrayImage& img, int width) {
    if (img.width == 0 || img.height == 0 || width <= 0) return {};
    if (width == img.width) return img;
    int height = std::max(1, static_cast<int>(std::lround(double(img.height) * width / img.width)));
    GrayImage out{width, height, std::vector<uint8_t>(static_cast<size_t>(width) * height)};
    double sx = double(img.width) / width, sy = double(img.height) / height;
    for (int y = 0; y < height; ++y) {
        // Each output pixel averages the source area it covers, weighting partly covered pixels.
        double y0 = y * sy, y1 = std::min<double>(img.height, (y + 1) * sy);
        for (int x = 0; x < width; ++x) {
            double x0 = x * sx, x1 = std::min<double>(img.width, (x + 1) * sx);
            double sum = 0, area = 0;
            for (int yy = int(y0); yy < int(std::ceil(y1)); ++yy) {
                double wy = std::min<double>(yy + 1, y1) - std::max<double>(yy, y0);
                if (sy < 1) wy = 1;  // enlarging: nearest source row
                for (int xx = int(x0); xx < int(std::ceil(x1)); ++xx) {
                    double wx = std::min<double>(xx + 1, x1) - std::max<double>(xx, x0);
                    if (sx < 1) wx = 1;
                    sum += wx * wy * img.pixels[static_cast<size_t>(yy) * img.width + xx];
                    area += wx * wy;
                }
            }
            out.pixels[static_cast<size_t>(y) * width + x] =
                static_cast<uint8_t>(std::clamp<long>(std::lround(area > 0 ? sum / area : 255), 0, 255));
        }
    }
    return out;
}

Bitmap dither(const GrayImage& img) {
    Bitmap bmp(img.width, img.height);
    // Two rows of accumulated error, in 1/16ths, with a spare cell at each end.
    std::vector<int> cur(img.width + 2, 0), next(img.width + 2, 0);
    for (int y = 0; y < img.height; ++y) {
        std::fill(next.begin(), next.end(), 0);
        for (int x = 0; x < img.width; ++x) {
            int v = img.pixels[static_cast<size_t>(y) * img.width + x] * 16 + cur[x + 1];
            int target = v < 128 * 16 ? 0 : 255 * 16;
            if (target == 0) bmp.set(x, y);
            int err = v - target;
            cur[x + 2] += err * 7 / 16;
            next[x] += err * 3 / 16;
            next[x + 1] += err * 5 / 16;
            next[x + 2] += err * 1 / 16;
        }
        std::swap(cur, next);
    }
    return bmp;
}

core::Result<Bitmap> load_logo(const std::string& path, int max_width) {
    auto img = load_gray_image(path);
    if (!img) return img.error();
    GrayImage g = std::move(*img);
    if (g.width > max_width) g = scale_to_width(g, max_width);
    return dither(g);
}

std::vector<uint8_t> raster_bands(const Bitmap& bmp, size_t max_command) {
    std::vector<uint8_t> out;
    if (bmp.empty()) return out;
    const size_t header = 8;
    const size_t stride = static_cast<size_t>(bmp.stride());
    assert(max_command > header + stride);
    const int rows_per_band = static_cast<int>((max_command - header) / stride);
    for (int y = 0; y < bmp.height; y += rows_per_band) {
        int rows = std::min(rows_per_band, bmp.height - y);
        const uint8_t cmd[header] = {0x1D, 0x76, 0x30, 0x00,
                                     static_cast<uint8_t>(stride & 0xFF), static_cast<uint8_t>(stride >> 8),
                                     static_cast<uint8_t>(rows & 0xFF), static_cast<uint8_t>(rows >> 8)};
        out.insert(out.end(), cmd, cmd + header);
        auto first = bmp.bits.begin() + static_cast<long>(y * stride);
        out.insert(out.end(), first, first + static_cast<long>(rows * stride));
    }
    return out;
}

core::Status write_png(const std::string& path, const GrayImage& img) {
    std::vector<uint8_t> png;
    auto sink = [](void* ctx, void* data, int size) {
        auto* v = static_cast<std::vector<uint8_t>*>(ctx);
        v->insert(v->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
    };
    if (img.width <= 0 || img.height <= 0 ||
        !stbi_write_png_to_func(sink, &png, img.width, img.height, 1, img.pixels.data(), img.width))
        return core::make_error(core::ErrorCode::Invalid, core::tr("Gambar PNG tidak bisa dibuat."));
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    if (!out)
        return core::make_error(core::ErrorCode::Storage, core::tr("File {} tidak bisa ditulis.", path));
    return core::ok_status();
}

}  // namespace waserda::drivers
