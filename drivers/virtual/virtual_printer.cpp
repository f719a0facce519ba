#include "drivers/virtual/virtual_printer.hpp"

#include "drivers/escpos/code_pages.hpp"
#include "drivers/virtual/paper.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace waserda::drivers {

// [SECTION] Index
// - state and reset (ESC @)
// - step(): one command or character; 0 when the command is not complete yet
// - ESC, GS, FS, DLE commands; GS ( k two-dimensional codes; GS ( L / GS 8 L graphics
// - public API

namespace {

constexpr uint8_t LF = 0x0A, CR = 0x0D, HT = 0x09, FF = 0x0C, ESC = 0x1B, GS = 0x1D, FS = 0x1C, DLE = 0x10;

int u16(const uint8_t* p) { return p[0] | (p[1] << 8); }

// GS 8 L carries a 4-byte length; printers hold a few megabytes of graphics at most.
constexpr size_t kMaxGraphicsBytes = 16u << 20;

// Column format (ESC *, GS *, FS q): each column top to bottom, bytes_per_column bytes, MSB on top.
Bitmap from_columns(const uint8_t* d, int columns, int bytes_per_column) {
    Bitmap b(columns, bytes_per_column * 8);
    for (int c = 0; c < columns; ++c)
        for (int k = 0; k < bytes_per_column; ++k) {
            uint8_t v = d[c * bytes_per_column + k];
            for (int bit = 0; bit < 8; ++bit)
                if (v & (0x80 >> bit)) b.set(c, k * 8 + bit);
        }
    return b;
}

// Row format (GS v 0, GS ( L): rows of (width + 7) / 8 bytes.
Bitmap from_rows(const uint8_t* d, int width, int height) {
    Bitmap b(width, height);
    std::copy(d, d + static_cast<size_t>(b.stride()) * height, b.bits.begin());
    return b;
}

std::optional<Symbology> function_a_symbology(int m) {
    switch (m) {
        case 0: return Symbology::UpcA;
        case 1: return Symbology::UpcE;
        case 2: return Symbology::Ean13;
        case 3: return Symbology::Ean8;
        case 4: return Symbology::Code39;
        case 5: return Symbology::Itf;
        case 6: return Symbology::Codabar;
        default: return std::nullopt;
    }
}

std::optional<Symbology> function_b_symbology(int m) {
    if (m >= 65 && m <= 71) return function_a_symbology(m - 65);
    if (m == 72) return Symbology::Code93;
    if (m == 73) return Symbology::Code128;
    if (m == 74) return Symbology::Gs1_128;
    return std::nullopt;
}

const char* two_d_name(int cn) {
    switch (cn) {
        case 48: return "PDF417";
        case 49: return "QR";
        case 50: return "MAXICODE";
        case 51: return "DATABAR";
        case 52: return "COMPOSITE";
        case 53: return "AZTEC";
        case 54: return "DATAMATRIX";
        default: return "2D";
    }
}

}  // namespace

std::string default_font_dir() {
    if (const char* env = std::getenv("WASERDA_ASSETS"); env && *env) return std::string(env) + "/fonts";
#ifdef WASERDA_ASSETS_DIR
    return std::string(WASERDA_ASSETS_DIR) + "/fonts";
#else
    return "assets/fonts";
#endif
}

// [SECTION] State

struct VirtualPrinter::Impl {
    VirtualPrinterOptions opt;
    Paper paper;
    std::vector<uint8_t> pending;

    CellStyle style;
    bool double_strike = false;
    int align = 0;
    int line_spacing = 30;
    int char_spacing = 0;
    int left_margin = 0;
    int print_width = 0;
    const CodePageTable* table = nullptr;
    bool user_chars = false;
    std::map<uint8_t, Bitmap> user_glyphs;
    std::vector<int> tabs;

    int barcode_height = 162;
    int barcode_module = 3;
    HriOptions hri;
    int qr_module = 3;
    int qr_level = 0;
    std::map<int, std::string> stored_2d;   // symbol data by GS ( k cn

    Bitmap graphics;                        // GS ( L fn 112: the print buffer's graphics
    int graphics_x = 1, graphics_y = 1;
    std::map<int, Bitmap> keyed_graphics;   // NV and download graphics by key code
    Bitmap downloaded;                      // GS *
    std::vector<Bitmap> nv_images;          // FS q

    int cuts = 0;
    int pulses = 0;

    explicit Impl(VirtualPrinterOptions o)
        : opt(std::move(o)), paper(opt.paper_dots, opt.font_dir.empty() ? default_font_dir() : opt.font_dir) {
        reset();
    }

    LineFormat fmt() const {
        LineFormat f;
        f.left = std::min(left_margin, opt.paper_dots - 1);
        f.width = std::max(1, std::min(print_width, opt.paper_dots - f.left));
        f.align = align;
        f.line_spacing = line_spacing;
        return f;
    }

    int char_advance() const { return (style.font_b ? 9 : 12) * style.wmul + char_spacing * style.wmul; }

    void default_tabs() {
        tabs.clear();
        for (int x = 8 * 12; x < opt.paper_dots; x += 8 * 12) tabs.push_back(x);
    }

    void reset() {
        // A printer would drop an unfinished line on ESC @; a preview keeps it.
        if (!paper.line_empty()) paper.print_line(line_spacing, fmt());
        style = {};
        double_strike = false;
        align = 0;
        line_spacing = 30;
        char_spacing = 0;
        left_margin = 0;
        print_width = opt.paper_dots;
        table = find_code_page("CP437");
        user_chars = false;
        user_glyphs.clear();
        default_tabs();
        barcode_height = 162;
        barcode_module = 3;
        hri = {};
    }

    void character(uint8_t b) {
        CellStyle s = style;
        s.bold = style.bold || double_strike;
        if (user_chars) {
            auto it = user_glyphs.find(b);
            if (it != user_glyphs.end()) {
                paper.put_user_glyph(it->second, s, char_spacing, fmt());
                return;
            }
        }
        char32_t cp = b < 0x80 ? char32_t(b) : (table ? decode_byte(*table, b) : char32_t(0xFFFD));
        paper.put_char(cp, s, char_spacing, fmt());
    }

    void print_lines(int n) {
        if (n <= 0) return;
        for (int i = 0; i < n; ++i) paper.print_line(line_spacing, fmt());
    }

    void cut(bool partial, int feed_dots) {
        if (!paper.line_empty()) paper.print_line(line_spacing, fmt());
        paper.feed(feed_dots);
        paper.cut(partial);
        ++cuts;
    }

    void pulse() {
        paper.marker("[DRAWER]");
        ++pulses;
    }

    size_t step(const uint8_t* p, size_t n);
    size_t esc(const uint8_t* p, size_t n);
    size_t gs(const uint8_t* p, size_t n);
    size_t fs(const uint8_t* p, size_t n);
    size_t dle(const uint8_t* p, size_t n);
    void two_d(const uint8_t* d, size_t len);
    void graphics_command(const uint8_t* d, size_t len);
    size_t user_defined(const uint8_t* p, size_t n);
};

// [SECTION] step

size_t VirtualPrinter::Impl::step(const uint8_t* p, size_t n) {
    const uint8_t c = p[0];
    if (c >= 0x20 && c != 0x7F) {
        character(c);
        return 1;
    }
    switch (c) {
        case LF: paper.print_line(line_spacing, fmt()); return 1;
        case HT: paper.tab(tabs, style, fmt()); return 1;
        case FF:
            if (!paper.line_empty()) paper.print_line(line_spacing, fmt());
            return 1;
        case CR: return 1;  // USB printers ignore CR unless told otherwise; LF prints
        case ESC: return esc(p, n);
        case GS: return gs(p, n);
        case FS: return fs(p, n);
        case DLE: return dle(p, n);
        default: return 1;  // other control bytes do nothing
    }
}

#define NEED(k)                  \
    do {                         \
        if (n < size_t(k)) return 0; \
    } while (0)

// [SECTION] ESC

size_t VirtualPrinter::Impl::esc(const uint8_t* p, size_t n) {
    NEED(2);
    switch (p[1]) {
        case ' ': NEED(3); char_spacing = p[2]; return 3;
        case '!':
            NEED(3);
            style.font_b = p[2] & 0x01;
            style.bold = p[2] & 0x08;
            style.hmul = (p[2] & 0x10) ? 2 : 1;
            style.wmul = (p[2] & 0x20) ? 2 : 1;
            style.underline = (p[2] & 0x80) ? 1 : 0;
            return 3;
        case '$': NEED(4); paper.move_to(u16(p + 2), fmt()); return 4;
        case '%': NEED(3); user_chars = p[2] & 1; return 3;
        case '&': return user_defined(p, n);
        case '(': {
            NEED(5);
            size_t len = static_cast<size_t>(u16(p + 3));
            NEED(5 + len);
            if (p[2] == 'A') paper.marker("[BEEP]");  // the TM buzzer
            return 5 + len;
        }
        case '*': {
            NEED(5);
            const int m = p[2], cols = u16(p + 3);
            const int bytes_per_col = (m == 32 || m == 33) ? 3 : 1;
            const size_t k = static_cast<size_t>(cols) * bytes_per_col;
            NEED(5 + k);
            // 8-dot modes are half the vertical density, single-density modes half the horizontal.
            const int xscale = (m == 0 || m == 32) ? 2 : 1, yscale = bytes_per_col == 1 ? 2 : 1;
            paper.put_inline_image(from_columns(p + 5, cols, bytes_per_col), xscale, yscale, fmt());
            return 5 + k;
        }
        case '-': NEED(3); style.underline = (p[2] == 1 || p[2] == '1') ? 1 : (p[2] == 2 || p[2] == '2') ? 2 : 0; return 3;
        case '2': line_spacing = 30; return 2;
        case '3': NEED(3); line_spacing = p[2]; return 3;
        case '?': NEED(3); user_glyphs.erase(p[2]); return 3;
        case '@': reset(); return 2;
        case 'D': {
            // Tab stops: up to 32 columns ending with NUL, in widths of the current font.
            size_t i = 2;
            std::vector<int> stops;
            while (i < n && p[i] != 0 && i < 2 + 32) stops.push_back(p[i++] * char_advance());
            if (i >= n) return 0;
            tabs = stops;
            return p[i] == 0 ? i + 1 : i;
        }
        case 'E': NEED(3); style.bold = p[2] & 1; return 3;
        case 'G': NEED(3); double_strike = p[2] & 1; return 3;
        case 'J':
            NEED(3);
            if (paper.line_empty()) paper.feed(p[2]);
            else paper.print_line(p[2], fmt(), false);
            return 3;
        case 'M': NEED(3); style.font_b = (p[2] == 1 || p[2] == '1'); return 3;
        case '\\': {
            NEED(4);
            int16_t rel = static_cast<int16_t>(u16(p + 2));
            paper.move_to(paper.line_x() + rel, fmt());
            return 4;
        }
        case 'a': NEED(3); align = std::clamp(p[2] >= '0' ? p[2] - '0' : p[2], 0, 2); return 3;
        case 'd': NEED(3); print_lines(p[2]); return 3;
        case 'i': cut(false, 0); return 2;
        case 'm': cut(true, 0); return 2;
        case 'p': NEED(5); pulse(); return 5;
        case 't': NEED(3); table = find_code_page(epson_code_page_name(p[2])); return 3;
        case 'B': NEED(4); paper.marker("[BEEP]"); return 4;
        case 'W': NEED(10); return 10;
        case 'c': NEED(4); return 4;
        // One parameter byte, nothing to draw: peripheral, international set, rotation, upside
        // down, reverse feeds, colour, panel keys, status.
        case '=': case 'K': case 'R': case 'T': case 'U': case 'V': case 'e': case 'r': case 'u':
        case '{': case 'k': case 'x':
            NEED(3);
            return 3;
        default: return 2;  // ESC FF, ESC L, ESC S, ESC <, ESC v... and unknown ones
    }
}

size_t VirtualPrinter::Impl::user_defined(const uint8_t* p, size_t n) {
    NEED(5);
    const int y = p[2], c1 = p[3], c2 = p[4];
    size_t pos = 5;
    std::vector<std::pair<uint8_t, Bitmap>> defined;
    for (int c = c1; c <= c2 && c1 <= c2; ++c) {
        NEED(pos + 1);
        const int x = p[pos];
        const size_t k = static_cast<size_t>(x) * y;
        NEED(pos + 1 + k);
        defined.emplace_back(static_cast<uint8_t>(c), from_columns(p + pos + 1, x, y));
        pos += 1 + k;
    }
    for (auto& [c, g] : defined) user_glyphs[c] = std::move(g);
    return pos;
}

// [SECTION] GS

size_t VirtualPrinter::Impl::gs(const uint8_t* p, size_t n) {
    NEED(2);
    switch (p[1]) {
        case '!':
            NEED(3);
            style.wmul = std::min(8, ((p[2] >> 4) & 0x07) + 1);
            style.hmul = std::min(8, (p[2] & 0x07) + 1);
            return 3;
        case '(': {
            NEED(5);
            const size_t len = static_cast<size_t>(u16(p + 3));
            NEED(5 + len);
            if (p[2] == 'k' && len >= 2) two_d(p + 5, len);
            else if (p[2] == 'L' && len >= 2) graphics_command(p + 5, len);
            return 5 + len;
        }
        case '8': {
            NEED(7);
            const size_t len = static_cast<size_t>(p[3]) | (size_t(p[4]) << 8) | (size_t(p[5]) << 16) |
                               (size_t(p[6]) << 24);
            if (len > kMaxGraphicsBytes) return 7;  // beyond any printer's memory: not graphics
            NEED(7 + len);
            if (p[2] == 'L' && len >= 2) graphics_command(p + 7, len);
            return 7 + len;
        }
        case '*': {
            NEED(4);
            const size_t k = size_t(p[2]) * p[3] * 8;
            NEED(4 + k);
            downloaded = from_columns(p + 4, p[2] * 8, p[3]);
            return 4 + k;
        }
        case '/': NEED(3); paper.image(downloaded, (p[2] & 1) ? 2 : 1, (p[2] & 2) ? 2 : 1, fmt()); return 3;
        case 'B': NEED(3); style.invert = p[2] & 1; return 3;
        case 'C':
            NEED(3);
            if (p[2] == '0' || p[2] == '2') { NEED(5); return 5; }
            if (p[2] == '1') { NEED(9); return 9; }
            return 3;
        case 'H': NEED(3); hri.position = (p[2] >= '0' ? p[2] - '0' : p[2]) & 3; return 3;
        case 'L': NEED(4); left_margin = u16(p + 2); return 4;
        case 'Q': {
            NEED(8);
            const size_t k = static_cast<size_t>(u16(p + 4)) * ((u16(p + 6) + 7) / 8);
            NEED(8 + k);
            return 8 + k;
        }
        case 'V': {
            NEED(3);
            const int m = p[2];
            const bool partial = m == 1 || m == '1' || m == 66 || m == 98 || m == 104;
            if (m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104) {
                NEED(4);
                cut(partial, (m == 65 || m == 66) ? p[3] : 0);
                return 4;
            }
            cut(partial, 0);
            return 3;
        }
        case 'W': NEED(4); print_width = u16(p + 2); return 4;
        case 'f': NEED(3); hri.font_b = p[2] & 1; return 3;
        case 'h': NEED(3); if (p[2] > 0) barcode_height = p[2]; return 3;
        case 'w': NEED(3); barcode_module = p[2]; return 3;
        case 'k': {
            NEED(3);
            const int m = p[2];
            if (m <= 6) {
                // Function A: data up to a NUL.
                size_t end = 3;
                while (end < n && p[end] != 0 && end < 3 + 255) ++end;
                if (end == 3 + 255) return 3;  // no NUL where one must be: not a barcode after all
                if (end >= n) return 0;
                if (auto sym = function_a_symbology(m))
                    paper.barcode(*sym, std::string(p + 3, p + end), barcode_module, barcode_height, hri, fmt());
                return end + 1;
            }
            NEED(4);
            const size_t len = p[3];
            NEED(4 + len);
            std::string data(p + 4, p + 4 + len);
            if (auto sym = function_b_symbology(m))
                paper.barcode(*sym, data, barcode_module, barcode_height, hri, fmt());
            else
                paper.marker("[BARCODE " + std::to_string(m) + "]");
            return 4 + len;
        }
        case 'v': {
            NEED(3);
            if (p[2] != '0') return 3;
            NEED(8);
            const int m = p[3], xbytes = u16(p + 4), rows = u16(p + 6);
            const size_t k = static_cast<size_t>(xbytes) * rows;
            NEED(8 + k);
            paper.image(from_rows(p + 8, xbytes * 8, rows), (m & 1) ? 2 : 1, (m & 2) ? 2 : 1, fmt());
            return 8 + k;
        }
        case '$': case 'P': case '\\': NEED(4); return 4;
        case '^': NEED(5); return 5;
        case 'z': NEED(5); return 5;
        case 'g': NEED(6); return 6;
        // One parameter byte: smoothing, ASB, printer id, status, rotation...
        case 'E': case 'I': case 'T': case 'a': case 'b': case 'j': case 'r':
            NEED(3);
            return 3;
        default: return 2;  // GS :, GS c and unknown ones
    }
}

// [SECTION] FS and DLE

size_t VirtualPrinter::Impl::fs(const uint8_t* p, size_t n) {
    NEED(2);
    switch (p[1]) {
        case '!': case '-': case 'C': case 'W': NEED(3); return 3;
        case 'S': NEED(4); return 4;
        case '2': NEED(76); return 76;  // a user-defined Kanji character
        case '(': {
            NEED(5);
            const size_t len = static_cast<size_t>(u16(p + 3));
            NEED(5 + len);
            return 5 + len;
        }
        case 'p': {
            NEED(4);
            const size_t i = p[2];
            if (i >= 1 && i <= nv_images.size())
                paper.image(nv_images[i - 1], (p[3] & 1) ? 2 : 1, (p[3] & 2) ? 2 : 1, fmt());
            return 4;
        }
        case 'q': {
            NEED(3);
            size_t pos = 3;
            std::vector<Bitmap> images;
            for (int i = 0; i < p[2]; ++i) {
                NEED(pos + 4);
                const int x = u16(p + pos), y = u16(p + pos + 2);
                const size_t k = static_cast<size_t>(x) * y * 8;
                NEED(pos + 4 + k);
                images.push_back(from_columns(p + pos + 4, x * 8, y));
                pos += 4 + k;
            }
            nv_images = std::move(images);
            return pos;
        }
        case 'g': {
            NEED(3);
            if (p[2] == '1') {
                NEED(10);
                const size_t len = static_cast<size_t>(u16(p + 8));
                NEED(10 + len);
                return 10 + len;
            }
            NEED(10);
            return 10;
        }
        default: return 2;  // FS &, FS . and unknown ones
    }
}

size_t VirtualPrinter::Impl::dle(const uint8_t* p, size_t n) {
    NEED(2);
    switch (p[1]) {
        case 0x04: case 0x05: NEED(3); return 3;  // real-time status and requests
        case 0x14:
            NEED(3);
            switch (p[2]) {
                case 1: NEED(5); pulse(); return 5;
                case 2: NEED(5); return 5;
                case 7: NEED(4); return 4;
                case 8: NEED(10); return 10;
                default: return 3;
            }
        default: return 1;  // a lone DLE
    }
}

// [SECTION] GS ( k: two-dimensional codes

void VirtualPrinter::Impl::two_d(const uint8_t* d, size_t len) {
    const int cn = d[0], fn = d[1];
    if (cn == 49) {  // QR Code
        if (fn == 'C' && len >= 3) qr_module = d[2];
        if (fn == 'E' && len >= 3) qr_level = std::clamp(d[2] - 48, 0, 3);
    }
    if (fn == 'P' && len >= 3) {
        stored_2d[cn] = std::string(d + 3, d + len);
    } else if (fn == 'Q') {
        const std::string& data = stored_2d[cn];
        if (cn == 49) paper.qr(data, qr_module, qr_level, fmt());
        else paper.placeholder(two_d_name(cn), data, fmt());
    }
}

// [SECTION] GS ( L / GS 8 L: graphics

void VirtualPrinter::Impl::graphics_command(const uint8_t* d, size_t len) {
    const int fn = d[1];
    // x at d[at], y at d[at + 2], the first colour plane's dots from d[data_at]: that plane is
    // what we print.
    auto raster_define = [&](size_t at, size_t data_at, bool columns) -> std::optional<Bitmap> {
        if (len < data_at) return std::nullopt;
        const int x = u16(d + at), y = u16(d + at + 2);
        const size_t k = columns ? static_cast<size_t>(x) * ((y + 7) / 8) : static_cast<size_t>((x + 7) / 8) * y;
        if (len < data_at + k || x == 0 || y == 0) return std::nullopt;
        if (!columns) return from_rows(d + data_at, x, y);
        Bitmap b = from_columns(d + data_at, x, (y + 7) / 8);
        b.height = y;
        b.bits.resize(static_cast<size_t>(b.stride()) * y);
        return b;
    };
    switch (fn) {
        case 2: case '2':  // print the graphics in the print buffer
            paper.image(graphics, graphics_x, graphics_y, fmt());
            break;
        case 'p': case 'q': {  // m fn a bx by c xL xH yL yH d...
            if (len < 6) return;
            if (auto b = raster_define(6, 10, fn == 'q')) {
                graphics = std::move(*b);
                graphics_x = d[3] == 2 ? 2 : 1;
                graphics_y = d[4] == 2 ? 2 : 1;
            }
            break;
        }
        case 'C': case 'D': case 'S': case 'T': {  // m fn a kc1 kc2 b xL xH yL yH c d...
            if (len < 6) return;
            if (auto b = raster_define(6, 11, fn == 'D' || fn == 'T')) keyed_graphics[(d[3] << 8) | d[4]] = std::move(*b);
            break;
        }
        case 'E': case 'U': {  // m fn kc1 kc2 x y
            if (len < 6) return;
            auto it = keyed_graphics.find((d[2] << 8) | d[3]);
            if (it != keyed_graphics.end()) paper.image(it->second, d[4] == 2 ? 2 : 1, d[5] == 2 ? 2 : 1, fmt());
            break;
        }
        default: break;  // capacities, key lists, deleting, density: nothing to print
    }
}

#undef NEED

// [SECTION] Public API

VirtualPrinter::VirtualPrinter(VirtualPrinterOptions opt) : impl_(std::make_unique<Impl>(std::move(opt))) {}
VirtualPrinter::~VirtualPrinter() = default;

void VirtualPrinter::feed(std::span<const uint8_t> bytes) {
    auto& buf = impl_->pending;
    buf.insert(buf.end(), bytes.begin(), bytes.end());
    size_t pos = 0;
    while (pos < buf.size()) {
        size_t used = impl_->step(buf.data() + pos, buf.size() - pos);
        if (used == 0) break;  // the rest of this command is still to come
        pos += used;
    }
    buf.erase(buf.begin(), buf.begin() + static_cast<long>(pos));
}

void VirtualPrinter::finish() {
    impl_->pending.clear();  // a command cut short at the end of the job is dropped, as a printer does
    impl_->paper.finish();
}

const std::vector<std::string>& VirtualPrinter::lines() const { return impl_->paper.text_lines(); }

std::string VirtualPrinter::text() const {
    std::string out;
    for (const auto& l : lines()) {
        out += l;
        out += '\n';
    }
    return out;
}

GrayImage VirtualPrinter::picture() const { return impl_->paper.picture(); }

core::Status VirtualPrinter::write_png(const std::string& path) const {
    return drivers::write_png(path, picture());
}

int VirtualPrinter::cuts() const { return impl_->cuts; }
int VirtualPrinter::drawer_pulses() const { return impl_->pulses; }

Rendering render_escpos(std::span<const uint8_t> bytes, int paper_dots) {
    VirtualPrinterOptions opt;
    opt.paper_dots = paper_dots;
    VirtualPrinter vp(opt);
    vp.feed(bytes);
    vp.finish();
    return {vp.text(), vp.picture()};
}

}  // namespace waserda::drivers
