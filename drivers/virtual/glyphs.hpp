// Draws characters for the virtual printer from TrueType fonts (DejaVu Sans Mono, regular and
// bold, with DejaVu Sans for what the monospace font lacks), scaled to fill a printer's cell.
#pragma once

#include "drivers/escpos/image.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace waserda::drivers {

class GlyphRenderer {
public:
    // Fonts are read from font_dir; missing fonts leave boxes in place of letters.
    explicit GlyphRenderer(const std::string& font_dir);
    ~GlyphRenderer();
    GlyphRenderer(const GlyphRenderer&) = delete;
    GlyphRenderer& operator=(const GlyphRenderer&) = delete;

    bool has_fonts() const;
    // Draws cp in the cell (x, y, w, h) of img: black ink on paper, or paper-coloured ink when
    // inverted (the caller has blackened the cell).
    void draw(GrayImage& img, char32_t cp, int x, int y, int w, int h, bool bold, bool inverted);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace waserda::drivers
