#include "drivers/virtual/glyphs.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>
#include <vector>

// stb_truetype compiled here, once, with static linkage (ImGui carries its own copy).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>
#pragma GCC diagnostic pop

namespace waserda::drivers {

namespace {

struct Font {
    std::vector<uint8_t> data;
    stbtt_fontinfo info{};
    bool ok = false;
    int ascent = 0, descent = 0, advance = 0;  // font units; advance of 'M'

    explicit Font(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) return;
        data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (data.empty() || !stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)))
            return;
        int line_gap = 0, lsb = 0;
        stbtt_GetFontVMetrics(&info, &ascent, &descent, &line_gap);
        stbtt_GetCodepointHMetrics(&info, 'M', &advance, &lsb);
        ok = advance > 0 && ascent > descent;
    }
};

struct Glyph {
    int w = 0, h = 0, dx = 0, dy = 0;  // bitmap size and its offset in the cell
    std::vector<uint8_t> coverage;
    bool box = false;                  // no font has it: draw an outline
};

}  // namespace

struct GlyphRenderer::Impl {
    Font mono, bold, sans;
    std::map<std::tuple<char32_t, bool, int, int>, Glyph> cache;

    explicit Impl(const std::string& dir)
        : mono(dir + "/DejaVuSansMono.ttf"), bold(dir + "/DejaVuSansMono-Bold.ttf"), sans(dir + "/DejaVuSans.ttf") {}

    Glyph make(char32_t cp, bool want_bold, int w, int h) {
        Glyph g;
        Font* font = want_bold && bold.ok ? &bold : &mono;
        if (!font->ok || !stbtt_FindGlyphIndex(&font->info, static_cast<int>(cp))) {
            font = sans.ok && stbtt_FindGlyphIndex(&sans.info, static_cast<int>(cp)) ? &sans : nullptr;
        }
        if (!font) {
            g.box = cp != ' ';
            return g;
        }
        // The monospace advance fills the cell width; ascent to descent fills its height, the way
        // a printer's bitmap font fills its 12x24 cell.
        const Font& ref = mono.ok ? mono : *font;
        float sx = float(w) / float(ref.advance);
        float sy = float(h) / float(ref.ascent - ref.descent);
        int x0, y0, x1, y1;
        stbtt_GetCodepointBitmapBox(&font->info, static_cast<int>(cp), sx, sy, &x0, &y0, &x1, &y1);
        g.w = x1 - x0;
        g.h = y1 - y0;
        if (g.w <= 0 || g.h <= 0) return g;
        g.coverage.assign(static_cast<size_t>(g.w) * g.h, 0);
        stbtt_MakeCodepointBitmap(&font->info, g.coverage.data(), g.w, g.h, g.w, sx, sy, static_cast<int>(cp));
        int baseline = static_cast<int>(float(ref.ascent) * sy + 0.5f);
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&font->info, static_cast<int>(cp), &adv, &lsb);
        // A glyph from the proportional fallback is centred in the cell.
        g.dx = font == &sans ? (w - g.w) / 2 : x0;
        g.dy = baseline + y0;
        return g;
    }
};

GlyphRenderer::GlyphRenderer(const std::string& font_dir) : impl_(std::make_unique<Impl>(font_dir)) {}
GlyphRenderer::~GlyphRenderer() = default;

bool GlyphRenderer::has_fonts() const { return impl_->mono.ok; }

void GlyphRenderer::draw(GrayImage& img, char32_t cp, int x, int y, int w, int h, bool bold, bool inverted) {
    auto key = std::make_tuple(cp, bold, w, h);
    auto it = impl_->cache.find(key);
    if (it == impl_->cache.end()) it = impl_->cache.emplace(key, impl_->make(cp, bold, w, h)).first;
    const Glyph& g = it->second;
    auto plot = [&](int px, int py, int cov) {
        if (px < 0 || py < 0 || px >= img.width || py >= img.height || cov <= 0) return;
        uint8_t& p = img.pixels[static_cast<size_t>(py) * img.width + px];
        p = inverted ? std::max<uint8_t>(p, static_cast<uint8_t>(cov)) : std::min<uint8_t>(p, static_cast<uint8_t>(255 - cov));
    };
    if (g.box) {
        int bx0 = x + w / 6, bx1 = x + w - 1 - w / 6, by0 = y + h / 6, by1 = y + h - 1 - h / 8;
        for (int xx = bx0; xx <= bx1; ++xx) { plot(xx, by0, 255); plot(xx, by1, 255); }
        for (int yy = by0; yy <= by1; ++yy) { plot(bx0, yy, 255); plot(bx1, yy, 255); }
        return;
    }
    for (int gy = 0; gy < g.h; ++gy)
        for (int gx = 0; gx < g.w; ++gx) {
            int cov = g.coverage[static_cast<size_t>(gy) * g.w + gx];
            // Thermal dots are black or not: sharpen the anti-aliasing a little.
            cov = std::clamp((cov - 40) * 255 / 170, 0, 255);
            plot(x + g.dx + gx, y + g.dy + gy, cov);
        }
}

}  // namespace waserda::drivers
