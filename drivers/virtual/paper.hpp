// The virtual printer's paper roll: lays out what the interpreter sends (characters into lines,
// images, barcodes, QR codes, cuts) as a growing grey picture and as lines of UTF-8 text.
#pragma once

#include "drivers/escpos/image.hpp"
#include "drivers/virtual/barcode_patterns.hpp"
#include "drivers/virtual/glyphs.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waserda::drivers {

struct CellStyle {
    bool font_b = false;
    bool bold = false;
    bool invert = false;
    int underline = 0;   // dots
    int wmul = 1;
    int hmul = 1;
};

// Where a line goes; taken when its first character arrives, as printers do.
struct LineFormat {
    int left = 0;            // left margin, dots
    int width = 0;           // printable width from the margin, dots
    int align = 0;           // 0 left, 1 centre, 2 right
    int line_spacing = 30;   // dots from one line to the next
};

struct HriOptions {
    int position = 0;        // 0 none, 1 above, 2 below, 3 both
    bool font_b = false;
};

class Paper {
public:
    Paper(int width, const std::string& font_dir);

    int width() const { return width_; }
    bool line_empty() const { return items_.empty(); }
    int line_x() const { return x_; }

    // [SECTION] The line buffer
    void put_char(char32_t cp, const CellStyle& s, int char_spacing, const LineFormat& f);
    // A user-defined character (ESC &): columns of dots, drawn in the cell.
    void put_user_glyph(const Bitmap& g, const CellStyle& s, int char_spacing, const LineFormat& f);
    // ESC * bit image: part of the line, scaled by the density of its mode.
    void put_inline_image(const Bitmap& b, int xscale, int yscale, const LineFormat& f);
    void tab(const std::vector<int>& stops, const CellStyle& s, const LineFormat& f);
    void move_to(int x, const LineFormat& f);
    // Prints the line buffer and feeds feed_dots (the line spacing, or the line's height if taller).
    // keep_gap: a line feed, where a line taller than the spacing keeps the gap below it.
    void print_line(int feed_dots, const LineFormat& f, bool keep_gap = true);
    void feed(int dots);

    // [SECTION] Blocks: printed at once, on their own lines
    void image(const Bitmap& b, int xscale, int yscale, const LineFormat& f, bool text_marker = true);
    void barcode(Symbology sym, const std::string& data, int module, int height, const HriOptions& hri,
                 const LineFormat& f);
    void qr(const std::string& data, int module, int level, const LineFormat& f);
    // A symbol we cannot draw (PDF417, DataMatrix...): an outlined box and its marker.
    void placeholder(const std::string& name, const std::string& data, const LineFormat& f);
    void cut(bool partial);
    void marker(const std::string& text);   // a text-only line: [DRAWER], [BEEP]

    void finish();
    GrayImage picture() const;
    const std::vector<std::string>& text_lines() const { return text_; }

private:
    struct Item {
        enum Kind { Char, UserGlyph, Image } kind = Char;
        char32_t cp = 0;
        CellStyle style;
        int x = 0, w = 0, h = 0;  // w: advance, h: cell height
        int cell_w = 0;
        int bitmap = -1;          // index into bitmaps_
        int xscale = 1, yscale = 1;
    };

    void begin_item(const LineFormat& f);
    void ensure_height(int h);
    void fill(int x, int y, int w, int h, uint8_t v);
    void blit(const Bitmap& b, int x, int y, int xscale, int yscale);
    void draw_text_at(const std::string& utf8, int x, int y, bool font_b);
    int align_offset(int used, const LineFormat& f) const;
    void push_text(std::string line);

    int width_;
    GlyphRenderer glyphs_;
    GrayImage page_;
    int y_ = 8;               // top of the next line; a little paper above the first one
    int x_ = 0;               // next position in the line, from the line's left margin
    std::vector<Item> items_;
    std::vector<Bitmap> bitmaps_;
    LineFormat line_fmt_;
    std::vector<std::string> text_;
    bool after_block_ = false;       // the next empty line feed ends a block: no blank text line
    int bit_image_line_ = -1;        // text line of the [IMAGE] that ESC * bands extend
    int bit_image_w_ = 0, bit_image_h_ = 0;
};

}  // namespace waserda::drivers
