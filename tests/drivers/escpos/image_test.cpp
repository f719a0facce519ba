#include "drivers/escpos/image.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

using namespace waserda::drivers;

namespace {

GrayImage flat(int w, int h, uint8_t v) { return GrayImage{w, h, std::vector<uint8_t>(static_cast<size_t>(w) * h, v)}; }

int black_dots(const Bitmap& b) {
    int n = 0;
    for (int y = 0; y < b.height; ++y)
        for (int x = 0; x < b.width; ++x) n += b.get(x, y);
    return n;
}

std::filesystem::path fresh_dir() {
    auto dir = std::filesystem::temp_directory_path() /
               ("escpos-image-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace

TEST(ImageDither, KeepsWhiteWhiteAndBlackBlack) {
    EXPECT_EQ(black_dots(dither(flat(64, 16, 255))), 0);
    EXPECT_EQ(black_dots(dither(flat(64, 16, 0))), 64 * 16);
}

TEST(ImageDither, RendersMidGreyAsHalfTheDots) {
    Bitmap b = dither(flat(100, 100, 128));
    int n = black_dots(b);
    EXPECT_GT(n, 4500);
    EXPECT_LT(n, 5500);
}

TEST(ImageDither, DotDensityFollowsTheTone) {
    // A quarter grey (64) prints about three quarters of the dots.
    int n = black_dots(dither(flat(100, 100, 64)));
    EXPECT_GT(n, 7000);
    EXPECT_LT(n, 8000);
}

TEST(ImageDither, SpreadsErrorSoAGradientIsNotAHardEdge) {
    GrayImage ramp{256, 8, {}};
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 256; ++x) ramp.pixels.push_back(static_cast<uint8_t>(x));
    Bitmap b = dither(ramp);
    // Dark end mostly black, light end mostly white, and the middle mixed.
    auto density = [&](int x0) {
        int n = 0;
        for (int y = 0; y < 8; ++y)
            for (int x = x0; x < x0 + 32; ++x) n += b.get(x, y);
        return n / (8.0 * 32);
    };
    EXPECT_GT(density(0), 0.85);
    EXPECT_LT(density(224), 0.15);
    EXPECT_GT(density(112), 0.3);
    EXPECT_LT(density(112), 0.7);
}

TEST(ImageScale, AveragesAreasWhenShrinking) {
    GrayImage img = flat(100, 50, 255);
    for (int y = 0; y < 50; ++y)
        for (int x = 0; x < 50; ++x) img.pixels[y * 100 + x] = 0;  // left half black
    GrayImage s = scale_to_width(img, 10);
    EXPECT_EQ(s.width, 10);
    EXPECT_EQ(s.height, 5);
    EXPECT_EQ(s.pixels[0], 0);
    EXPECT_EQ(s.pixels[9], 255);
}

TEST(ImageLoad, ReadsAPngBackAndMakesALogoNoWiderThanAsked) {
    auto dir = fresh_dir();
    GrayImage img = flat(200, 40, 255);
    for (int x = 0; x < 200; ++x) img.pixels[20 * 200 + x] = 0;  // one black line
    std::string path = (dir / "logo.png").string();
    ASSERT_TRUE(write_png(path, img).ok());
    auto loaded = load_gray_image(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->width, 200);
    EXPECT_EQ(loaded->pixels[20 * 200 + 5], 0);
    EXPECT_EQ(loaded->pixels[5], 255);
    auto logo = load_logo(path, 100);
    ASSERT_TRUE(logo.ok());
    EXPECT_EQ(logo->width, 100);
    EXPECT_EQ(logo->height, 20);
    auto small = load_logo(path, 384);  // never enlarged
    ASSERT_TRUE(small.ok());
    EXPECT_EQ(small->width, 200);
    std::filesystem::remove_all(dir);
}

TEST(ImageLoad, ReportsMissingAndBrokenFiles) {
    EXPECT_FALSE(load_gray_image("/nonexistent/logo.png").ok());
    std::vector<uint8_t> junk = {1, 2, 3, 4, 5};
    EXPECT_FALSE(decode_gray_image(junk).ok());
}

TEST(ImageRaster, CutsBigImagesIntoBandsOfAtMost16KiB) {
    Bitmap big(576, 500);
    for (int y = 0; y < 500; ++y) big.set(y % 576, y);
    auto bytes = raster_bands(big);
    // 72 bytes a row, (16384 - 8) / 72 = 227 rows a band: 227 + 227 + 46.
    size_t pos = 0;
    std::vector<int> rows;
    while (pos < bytes.size()) {
        ASSERT_EQ(bytes[pos], 0x1D);
        ASSERT_EQ(bytes[pos + 1], 'v');
        ASSERT_EQ(bytes[pos + 2], '0');
        int xb = bytes[pos + 4] | (bytes[pos + 5] << 8), r = bytes[pos + 6] | (bytes[pos + 7] << 8);
        EXPECT_EQ(xb, 72);
        size_t len = 8 + static_cast<size_t>(xb) * r;
        EXPECT_LE(len, kMaxCommandBytes);
        rows.push_back(r);
        pos += len;
    }
    EXPECT_EQ(pos, bytes.size());
    EXPECT_EQ(rows, (std::vector<int>{227, 227, 46}));
}
