#include "drivers/virtual/paper.hpp"

#include "drivers/escpos/code_pages.hpp"

#include <qrencode.h>

#include <algorithm>
#include <cstdio>

namespace waserda::drivers {

// [SECTION] Index
// - helpers: marker text, cell sizes
// - the line buffer: put_char, put_user_glyph, put_inline_image, tab, print_line
// - blocks: image, barcode, qr, placeholder, cut, marker
// - drawing primitives

namespace {

constexpr int kFontA_W = 12, kFontA_H = 24, kFontB_W = 9, kFontB_H = 17;
constexpr uint8_t kInk = 0, kPaper = 255;

int cell_w(bool font_b) { return font_b ? kFontB_W : kFontA_W; }
int cell_h(bool font_b) { return font_b ? kFontB_H : kFontA_H; }

// Data of a code as text: valid UTF-8 stays, anything else is written \xNN.
std::string marker_text(std::string_view bytes) {
    std::string out;
    char buf[8];
    for (size_t i = 0; i < bytes.size();) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7F) { out.push_back(static_cast<char>(c)); ++i; continue; }
        if (c >= 0x80) {
            size_t j = i;
            char32_t cp = next_code_point(bytes, j);
            if (cp != 0xFFFD && cp >= 0xA0) {
                out.append(bytes.substr(i, j - i));
                i = j;
                continue;
            }
        }
        std::snprintf(buf, sizeof buf, "\\x%02X", c);
        out += buf;
        ++i;
    }
    return out;
}

// Wide element of the two-width codes for a narrow module of n dots (the ratio printers use).
int wide_for(int narrow) {
    static const int wide[] = {0, 3, 5, 8, 10, 13, 15};
    return wide[std::clamp(narrow, 1, 6)];
}

}  // namespace

Paper::Paper(int width, const std::string& font_dir) : width_(width), glyphs_(font_dir) {
    page_.width = width;
    page_.height = 0;
    ensure_height(1024);
}

// [SECTION] The line buffer

void Paper::begin_item(const LineFormat& f) {
    if (items_.empty()) line_fmt_ = f;
}

void Paper::put_char(char32_t cp, const CellStyle& s, int char_spacing, const LineFormat& f) {
    int w = cell_w(s.font_b) * s.wmul, h = cell_h(s.font_b) * s.hmul;
    int adv = w + char_spacing * s.wmul;
    const LineFormat& lf = items_.empty() ? f : line_fmt_;
    if (x_ > 0 && x_ + w > lf.width) print_line(f.line_spacing, f);  // the printer wraps the line
    begin_item(f);
    Item it;
    it.kind = Item::Char;
    it.cp = cp;
    it.style = s;
    it.x = x_;
    it.w = adv;
    it.h = h;
    it.cell_w = w;
    items_.push_back(it);
    x_ += adv;
}

void Paper::put_user_glyph(const Bitmap& g, const CellStyle& s, int char_spacing, const LineFormat& f) {
    int w = g.width * s.wmul, h = std::max(g.height, cell_h(s.font_b)) * s.hmul;
    const LineFormat& lf = items_.empty() ? f : line_fmt_;
    if (x_ > 0 && x_ + w > lf.width) print_line(f.line_spacing, f);
    begin_item(f);
    Item it;
    it.kind = Item::UserGlyph;
    it.cp = 0xFFFD;
    it.style = s;
    it.x = x_;
    it.w = w + char_spacing * s.wmul;
    it.h = h;
    it.cell_w = w;
    it.bitmap = static_cast<int>(bitmaps_.size());
    it.xscale = s.wmul;
    it.yscale = s.hmul;
    bitmaps_.push_back(g);
    items_.push_back(it);
    x_ += it.w;
}

void Paper::put_inline_image(const Bitmap& b, int xscale, int yscale, const LineFormat& f) {
    begin_item(f);
    Item it;
    it.kind = Item::Image;
    it.x = x_;
    it.w = b.width * xscale;
    it.h = b.height * yscale;
    it.cell_w = it.w;
    it.bitmap = static_cast<int>(bitmaps_.size());
    it.xscale = xscale;
    it.yscale = yscale;
    bitmaps_.push_back(b);
    items_.push_back(it);
    x_ += it.w;
}

void Paper::tab(const std::vector<int>& stops, const CellStyle&, const LineFormat& f) {
    for (int stop : stops) {
        if (stop > x_) {
            if (stop >= (items_.empty() ? f : line_fmt_).width) return;
            begin_item(f);
            x_ = stop;
            return;
        }
    }
}

void Paper::move_to(int x, const LineFormat& f) {
    begin_item(f);
    x_ = std::clamp(x, 0, (items_.empty() ? f : line_fmt_).width);
}

int Paper::align_offset(int used, const LineFormat& f) const {
    if (f.align == 1) return std::max(0, (f.width - used) / 2);
    if (f.align == 2) return std::max(0, f.width - used);
    return 0;
}

void Paper::print_line(int feed_dots, const LineFormat& /*f*/, bool keep_gap) {
    if (items_.empty()) {
        if (x_ == 0) {
            if (!after_block_) push_text("");
        }
        after_block_ = false;
        x_ = 0;
        feed(feed_dots);
        return;
    }
    int height = 0, used = 0;
    bool only_images = true;
    for (const auto& it : items_) {
        height = std::max(height, it.h);
        used = std::max(used, it.x + it.w);
        only_images = only_images && it.kind == Item::Image;
    }
    const int left = line_fmt_.left + align_offset(used, line_fmt_);
    const int bottom = y_ + height;
    ensure_height(bottom + 1);

    std::string text;
    int prev_end = 0;
    for (const auto& it : items_) {
        const int x = left + it.x;
        if (it.kind == Item::Image) {
            blit(bitmaps_[it.bitmap], x, bottom - it.h, it.xscale, it.yscale);
            continue;
        }
        const int top = bottom - it.h;
        if (it.style.invert) fill(x, top, it.w, it.h, kInk);
        if (it.kind == Item::Char) {
            glyphs_.draw(page_, it.cp, x, top, it.cell_w, it.h, it.style.bold, it.style.invert);
        } else {
            const Bitmap& g = bitmaps_[it.bitmap];
            for (int gy = 0; gy < g.height; ++gy)
                for (int gx = 0; gx < g.width; ++gx)
                    if (g.get(gx, gy))
                        fill(x + gx * it.xscale, bottom - g.height * it.yscale + gy * it.yscale, it.xscale,
                             it.yscale, it.style.invert ? kPaper : kInk);
        }
        if (it.style.underline > 0 && !it.style.invert)
            fill(x, bottom - it.style.underline, it.w, it.style.underline, kInk);
        // Text: a gap (tab, absolute position) becomes spaces of this character's width.
        int unit = std::max(1, it.cell_w);
        if (text.empty() && prev_end == 0) {
            text.append(static_cast<size_t>((left + it.x + kFontA_W / 2) / kFontA_W), ' ');
        } else if (it.x - prev_end >= unit / 2) {
            text.append(static_cast<size_t>((it.x - prev_end + unit / 2) / unit), ' ');
        }
        append_utf8(text, it.cp);
        prev_end = it.x + it.w;
    }

    int advance = std::max(feed_dots, height);
    if (keep_gap && height > kFontA_H && feed_dots > kFontA_H) advance = height + feed_dots - kFontA_H;
    if (only_images) {
        // Column-format images come as one band per line: one marker for the whole picture.
        const int w = used;
        if (bit_image_line_ >= 0 && bit_image_line_ == static_cast<int>(text_.size()) - 1) {
            bit_image_w_ = std::max(bit_image_w_, w);
            bit_image_h_ += advance;
        } else {
            bit_image_w_ = w;
            bit_image_h_ = height;
            text_.emplace_back();
            bit_image_line_ = static_cast<int>(text_.size()) - 1;
        }
        text_[bit_image_line_] = "[IMAGE " + std::to_string(bit_image_w_) + "x" + std::to_string(bit_image_h_) + "]";
        after_block_ = true;
    } else {
        while (!text.empty() && text.back() == ' ') text.pop_back();
        push_text(std::move(text));
        after_block_ = false;
    }
    items_.clear();
    bitmaps_.clear();
    x_ = 0;
    y_ += advance;
}

void Paper::feed(int dots) {
    if (dots <= 0) return;
    y_ += dots;
    ensure_height(y_ + 1);
}

// [SECTION] Blocks

void Paper::image(const Bitmap& b, int xscale, int yscale, const LineFormat& f, bool text_marker) {
    if (!items_.empty()) print_line(f.line_spacing, f);
    if (b.empty()) return;
    const int w = b.width * xscale, h = b.height * yscale;
    blit(b, f.left + align_offset(w, f), y_, xscale, yscale);
    y_ += h;
    if (text_marker) push_text("[IMAGE " + std::to_string(w) + "x" + std::to_string(h) + "]");
    after_block_ = true;
}

void Paper::barcode(Symbology sym, const std::string& data, int module, int height, const HriOptions& hri,
                    const LineFormat& f) {
    if (!items_.empty()) print_line(f.line_spacing, f);
    auto pat = bar_pattern(sym, data);
    std::string marker = "[" + std::string(symbology_name(sym)) + " " + marker_text(pat ? pat->text : data) + "]";
    if (!pat) {
        // The printer would refuse it: nothing on paper, but say what was asked.
        push_text(marker);
        after_block_ = true;
        return;
    }
    int narrow = std::clamp(module, 1, 6);
    auto total_width = [&](int n) {
        int sum = 0;
        for (uint8_t r : pat->runs) sum += pat->two_widths ? (r == 2 ? wide_for(n) : n) : r * n;
        return sum;
    };
    // Too wide for the paper: a printer would print nothing; a preview is more useful narrower.
    while (narrow > 1 && total_width(narrow) > f.width) --narrow;
    const int total = total_width(narrow);
    const int x0 = f.left + align_offset(total, f);
    const int ch = cell_h(hri.font_b), cw = cell_w(hri.font_b);
    const int text_x = x0 + (total - cw * static_cast<int>(pat->text.size())) / 2;
    if (hri.position & 1) {
        ensure_height(y_ + ch + 4);
        draw_text_at(pat->text, text_x, y_, hri.font_b);
        y_ += ch + 4;
    }
    int x = x0;
    bool bar = true;
    for (uint8_t r : pat->runs) {
        int w = pat->two_widths ? (r == 2 ? wide_for(narrow) : narrow) : r * narrow;
        if (bar) fill(x, y_, w, height, kInk);
        x += w;
        bar = !bar;
    }
    y_ += height;
    if (hri.position & 2) {
        ensure_height(y_ + ch + 4);
        draw_text_at(pat->text, text_x, y_ + 4, hri.font_b);
        y_ += ch + 4;
    }
    ensure_height(y_ + 1);
    push_text(marker);
    after_block_ = true;
}

void Paper::qr(const std::string& data, int module, int level, const LineFormat& f) {
    if (!items_.empty()) print_line(f.line_spacing, f);
    static constexpr QRecLevel levels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
    QRcode* code = data.empty() ? nullptr
                                : QRcode_encodeData(static_cast<int>(data.size()),
                                                    reinterpret_cast<const unsigned char*>(data.data()), 0,
                                                    levels[std::clamp(level, 0, 3)]);
    if (!code) {
        placeholder("QR", data, f);
        return;
    }
    int m = std::clamp(module, 1, 16);
    while (m > 1 && code->width * m > f.width) --m;
    const int size = code->width * m;
    const int x0 = f.left + align_offset(size, f);
    ensure_height(y_ + size + 1);
    for (int r = 0; r < code->width; ++r)
        for (int c = 0; c < code->width; ++c)
            if (code->data[r * code->width + c] & 1) fill(x0 + c * m, y_ + r * m, m, m, kInk);
    QRcode_free(code);
    y_ += size;
    push_text("[QR " + marker_text(data) + "]");
    after_block_ = true;
}

void Paper::placeholder(const std::string& name, const std::string& data, const LineFormat& f) {
    if (!items_.empty()) print_line(f.line_spacing, f);
    const int w = std::min(f.width, 240), h = 72;
    const int x0 = f.left + align_offset(w, f);
    ensure_height(y_ + h + 1);
    fill(x0, y_, w, 2, kInk);
    fill(x0, y_ + h - 2, w, 2, kInk);
    fill(x0, y_, 2, h, kInk);
    fill(x0 + w - 2, y_, 2, h, kInk);
    // The symbol's name and, in the small font, the start of what it holds.
    draw_text_at(name, x0 + (w - kFontA_W * static_cast<int>(name.size())) / 2, y_ + 10, false);
    std::string shown = marker_text(data);
    const size_t fit = static_cast<size_t>((w - 8) / kFontB_W);
    if (shown.size() > fit) shown = shown.substr(0, fit - 3) + "...";
    draw_text_at(shown, x0 + (w - kFontB_W * static_cast<int>(shown.size())) / 2, y_ + 10 + kFontA_H + 6, true);
    y_ += h;
    push_text("[" + name + " " + marker_text(data) + "]");
    after_block_ = true;
}

void Paper::cut(bool partial) {
    if (!items_.empty()) print_line(30, line_fmt_);
    // A dashed line where the knife went, with a little paper either side.
    y_ += 6;
    ensure_height(y_ + 12);
    const int dash = partial ? 3 : 8, gap = partial ? 5 : 5;
    for (int x = 0; x < width_; x += dash + gap) fill(x, y_, std::min(dash, width_ - x), 1, 128);
    y_ += 12;
    push_text(partial ? "[PARTIAL CUT]" : "[CUT]");
    after_block_ = true;
}

void Paper::marker(const std::string& text) {
    push_text(text);
    after_block_ = true;
}

void Paper::finish() {
    if (!items_.empty()) print_line(30, line_fmt_);
}

GrayImage Paper::picture() const {
    GrayImage out;
    out.width = width_;
    out.height = std::min(page_.height, y_ + 16);
    out.pixels.assign(page_.pixels.begin(), page_.pixels.begin() + static_cast<long>(out.height) * width_);
    return out;
}

void Paper::push_text(std::string line) {
    text_.push_back(std::move(line));
    bit_image_line_ = -1;
}

// [SECTION] Drawing primitives

void Paper::ensure_height(int h) {
    if (h <= page_.height) return;
    int nh = std::max({h, page_.height * 2, 1024});
    page_.pixels.resize(static_cast<size_t>(nh) * width_, kPaper);
    page_.height = nh;
}

void Paper::fill(int x, int y, int w, int h, uint8_t v) {
    int x0 = std::max(0, x), x1 = std::min(width_, x + w);
    int y0 = std::max(0, y), y1 = y + h;
    if (x0 >= x1 || y0 >= y1) return;
    ensure_height(y1);
    for (int yy = y0; yy < y1; ++yy)
        std::fill(page_.pixels.begin() + static_cast<long>(yy) * width_ + x0,
                  page_.pixels.begin() + static_cast<long>(yy) * width_ + x1, v);
}

void Paper::blit(const Bitmap& b, int x, int y, int xscale, int yscale) {
    ensure_height(y + b.height * yscale + 1);
    for (int by = 0; by < b.height; ++by)
        for (int bx = 0; bx < b.width; ++bx)
            if (b.get(bx, by)) fill(x + bx * xscale, y + by * yscale, xscale, yscale, kInk);
}

void Paper::draw_text_at(const std::string& utf8, int x, int y, bool font_b) {
    const int w = cell_w(font_b), h = cell_h(font_b);
    ensure_height(y + h + 1);
    for (size_t i = 0; i < utf8.size();) {
        char32_t cp = next_code_point(utf8, i);
        glyphs_.draw(page_, cp, x, y, w, h, false, false);
        x += w;
    }
}

}  // namespace waserda::drivers
