#include "drivers/escpos/encoder.hpp"

#include "pos/core/i18n.hpp"

#include <qrencode.h>

#include <algorithm>
#include <cassert>
#include <cctype>

namespace waserda::drivers {

namespace {

constexpr uint8_t ESC = 0x1B, GS = 0x1D, LF = 0x0A;

uint8_t clamp_byte(int v, int lo, int hi) { return static_cast<uint8_t>(std::clamp(v, lo, hi)); }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

core::Error invalid_barcode(std::string_view kind, std::string_view data) {
    return core::make_error(core::ErrorCode::Invalid,
                            core::tr("Data {} tidak bisa dicetak sebagai barcode {}.", std::string(data),
                                     std::string(kind)));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string code128_payload(std::string_view data) {
    // Code set B for text; runs of four or more digits in set C, two digits a symbol, which keeps
    // a sale number like T01-20261122-0007 narrow enough for 58 mm paper.
    std::string out;
    char set = 0;
    auto switch_to = [&](char s) {
        if (set == s) return;
        out += '{';
        out += s;
        set = s;
    };
    size_t i = 0;
    while (i < data.size()) {
        size_t run = 0;
        while (i + run < data.size() && is_digit(data[i + run])) ++run;
        if (run >= 4) {
            if (run % 2) {  // an odd digit goes in set B first
                switch_to('B');
                out += data[i++];
                --run;
            }
            switch_to('C');
            for (size_t k = 0; k < run; k += 2)
                out += static_cast<char>((data[i + k] - '0') * 10 + (data[i + k + 1] - '0'));
            i += run;
            continue;
        }
        switch_to('B');
        size_t end = i + std::max<size_t>(run, 1);
        for (; i < end; ++i) {
            if (data[i] == '{') out += '{';  // '{' itself is written twice
            out += data[i];
        }
    }
    return out;
}

int code128_modules(std::string_view payload) {
    // Start, each symbol value or code switch, check: 11 modules each; stop: 13.
    int symbols = 0;
    for (size_t i = 0; i < payload.size(); ++i) {
        if (payload[i] == '{' && i + 1 < payload.size()) ++i;
        ++symbols;
    }
    return (symbols + 1) * 11 + 13;
}

int ean_check_digit(std::string_view digits) {
    // Weights 3,1,3,... from the rightmost digit (the one next to the check digit).
    int sum = 0;
    for (size_t i = 0; i < digits.size(); ++i) {
        int d = digits[digits.size() - 1 - i] - '0';
        sum += (i % 2 == 0) ? d * 3 : d;
    }
    return (10 - sum % 10) % 10;
}

core::Result<std::string> barcode_payload(BarcodeType type, std::string_view data) {
    auto fixed_length = [&](std::string_view kind, size_t n) -> core::Result<std::string> {
        if (!all_digits(data) || (data.size() != n - 1 && data.size() != n)) return invalid_barcode(kind, data);
        if (data.size() == n && ean_check_digit(data.substr(0, n - 1)) != data.back() - '0')
            return invalid_barcode(kind, data);
        return std::string(data);
    };
    switch (type) {
        case BarcodeType::Ean13: return fixed_length("EAN-13", 13);
        case BarcodeType::Ean8: return fixed_length("EAN-8", 8);
        case BarcodeType::UpcA: return fixed_length("UPC-A", 12);
        case BarcodeType::Code39: {
            std::string out;
            for (char c : data) {
                char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                if (!(std::isdigit(static_cast<unsigned char>(u)) || (u >= 'A' && u <= 'Z') ||
                      std::string_view(" $%+-./").find(u) != std::string_view::npos))
                    return invalid_barcode("CODE39", data);
                out.push_back(u);
            }
            if (out.empty()) return invalid_barcode("CODE39", data);
            return out;
        }
        case BarcodeType::Itf:
            if (!all_digits(data) || data.size() % 2 != 0) return invalid_barcode("ITF", data);
            return std::string(data);
        case BarcodeType::Code128: {
            for (char c : data)
                if (c < 0x20 || c > 0x7E) return invalid_barcode("CODE128", data);
            std::string out = code128_payload(data);
            if (data.empty() || out.size() > 255) return invalid_barcode("CODE128", data);
            return out;
        }
    }
    return invalid_barcode("?", data);
}

EscposEncoder::EscposEncoder(const PrinterProfile& profile)
    : profile_(profile), table_(find_code_page(profile.code_page)) {
    if (!table_) table_ = find_code_page("CP437");
    assert(table_);
    out_.reserve(2048);
}

EscposEncoder& EscposEncoder::initialize() {
    put({ESC, '@'});
    width_ = height_ = 1;
    font_ = Font::A;
    table_ = find_code_page(profile_.code_page);
    if (!table_) table_ = find_code_page("CP437");
    put({ESC, 't', clamp_byte(profile_.code_page_number(), 0, 255)});
    return *this;
}

std::string EscposEncoder::encode(std::string_view utf8) const {
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        char32_t cp = next_code_point(utf8, i);
        if (cp == '\n') { out.push_back('\n'); continue; }
        if (cp < 0x20 || cp == 0x7F) continue;  // a stray control byte would start a command
        if (auto b = encode_code_point(*table_, cp)) { out.push_back(static_cast<char>(*b)); continue; }
        if (auto t = transliterate(cp)) { out.append(*t); continue; }
        out.push_back('?');
    }
    return out;
}

EscposEncoder& EscposEncoder::text(std::string_view utf8) {
    std::string bytes = encode(utf8);
    out_.insert(out_.end(), bytes.begin(), bytes.end());
    return *this;
}

EscposEncoder& EscposEncoder::line(std::string_view utf8) {
    text(utf8);
    put(LF);
    return *this;
}

EscposEncoder& EscposEncoder::bold(bool on) { put({ESC, 'E', uint8_t(on ? 1 : 0)}); return *this; }

EscposEncoder& EscposEncoder::underline(int dots) {
    put({ESC, '-', clamp_byte(dots, 0, 2)});
    return *this;
}

EscposEncoder& EscposEncoder::size(int width, int height) {
    width_ = std::clamp(width, 1, 8);
    height_ = std::clamp(height, 1, 8);
    put({GS, '!', static_cast<uint8_t>(((width_ - 1) << 4) | (height_ - 1))});
    return *this;
}

EscposEncoder& EscposEncoder::invert(bool on) { put({GS, 'B', uint8_t(on ? 1 : 0)}); return *this; }

EscposEncoder& EscposEncoder::align(Align a) {
    put({ESC, 'a', static_cast<uint8_t>(a == Align::Left ? 0 : a == Align::Center ? 1 : 2)});
    return *this;
}

EscposEncoder& EscposEncoder::font(Font f) {
    font_ = f;
    put({ESC, 'M', uint8_t(f == Font::B ? 1 : 0)});
    return *this;
}

EscposEncoder& EscposEncoder::feed(int lines) {
    if (lines <= 0) return *this;
    if (lines == 1) put(LF);
    else put({ESC, 'd', clamp_byte(lines, 0, 255)});
    return *this;
}

bool EscposEncoder::code_page(std::string_view name) {
    auto it = profile_.code_pages.find(std::string(name));
    const CodePageTable* t = find_code_page(name);
    if (it == profile_.code_pages.end() || !t) return false;
    table_ = t;
    put({ESC, 't', clamp_byte(it->second, 0, 255)});
    return true;
}

int EscposEncoder::columns() const {
    return std::max(1, profile_.columns(font_ == Font::B) / width_);
}

EscposEncoder& EscposEncoder::two_columns(std::string_view left, std::string_view right, char fill) {
    const size_t cols = static_cast<size_t>(columns());
    std::string l = encode(left), r = encode(right);
    std::replace(l.begin(), l.end(), '\n', ' ');
    std::replace(r.begin(), r.end(), '\n', ' ');
    if (r.size() > cols) r.resize(cols);

    // Word-wrap the left part, keeping its indent on every line; its last line is the one that
    // may take the right part.
    const size_t indent = std::min(l.find_first_not_of(' ') == std::string::npos ? l.size() : l.find_first_not_of(' '),
                                   cols / 2);
    const std::string pad(indent, ' ');
    const size_t width = cols - indent;
    std::vector<std::string> lines;
    std::string cur;
    size_t i = indent;
    while (i < l.size()) {
        size_t sp = l.find(' ', i);
        std::string word = l.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
        i = sp == std::string::npos ? l.size() : sp + 1;
        while (word.size() > width) {  // a word longer than the line is cut
            if (!cur.empty()) { lines.push_back(pad + cur); cur.clear(); }
            lines.push_back(pad + word.substr(0, width));
            word.erase(0, width);
        }
        if (word.empty()) continue;
        if (cur.empty()) cur = word;
        else if (cur.size() + 1 + word.size() <= width) cur += " " + word;
        else { lines.push_back(pad + cur); cur = word; }
    }
    lines.push_back(pad + cur);

    std::string last = lines.back();
    lines.pop_back();
    for (const auto& ln : lines) {
        out_.insert(out_.end(), ln.begin(), ln.end());
        put(LF);
    }
    if (!r.empty() && last.size() + 1 + r.size() > cols) {
        out_.insert(out_.end(), last.begin(), last.end());
        put(LF);
        last.clear();
    }
    size_t gap = cols - last.size() - r.size();
    std::string filler(gap, ' ');
    if (fill != ' ' && gap >= 3 && last.size() > indent) filler = " " + std::string(gap - 2, fill) + " ";
    std::string ln = last + filler + r;
    out_.insert(out_.end(), ln.begin(), ln.end());
    put(LF);
    return *this;
}

EscposEncoder& EscposEncoder::rule(char c) {
    out_.insert(out_.end(), static_cast<size_t>(columns()), static_cast<uint8_t>(c));
    put(LF);
    return *this;
}

core::Status EscposEncoder::barcode(BarcodeType type, std::string_view data, const BarcodeOptions& opt) {
    auto payload = barcode_payload(type, data);
    if (!payload) return payload.error();
    uint8_t m = 0;
    switch (type) {
        case BarcodeType::UpcA: m = 65; break;
        case BarcodeType::Ean13: m = 67; break;
        case BarcodeType::Ean8: m = 68; break;
        case BarcodeType::Code39: m = 69; break;
        case BarcodeType::Itf: m = 70; break;
        case BarcodeType::Code128: m = 73; break;
    }
    put({GS, 'H', static_cast<uint8_t>(opt.hri)});
    put({GS, 'h', clamp_byte(opt.height, 1, 255)});
    put({GS, 'w', clamp_byte(opt.module_width, 2, 6)});
    put({GS, 'k', m, static_cast<uint8_t>(payload->size())});
    out_.insert(out_.end(), payload->begin(), payload->end());
    return core::ok_status();
}

core::Status EscposEncoder::qr(std::string_view data, const QrOptions& opt) {
    if (data.empty() || data.size() > 7089)
        return core::make_error(core::ErrorCode::Invalid, core::tr("Data kode QR kosong atau terlalu panjang."));
    const int module = std::clamp(opt.module_size, 1, 16);
    if (!profile_.qr) {
        static constexpr QRecLevel levels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
        QRcode* code = QRcode_encodeData(static_cast<int>(data.size()),
                                         reinterpret_cast<const unsigned char*>(data.data()), 0,
                                         levels[static_cast<int>(opt.level)]);
        if (!code)
            return core::make_error(core::ErrorCode::Invalid, core::tr("Data kode QR kosong atau terlalu panjang."));
        int px = code->width * module;
        if (px > profile_.dots) {  // shrink the modules until the symbol fits the paper
            int m = std::max(1, profile_.dots / code->width);
            px = code->width * m;
        }
        int mod = px / code->width;
        Bitmap bmp(px, px);
        for (int y = 0; y < px; ++y)
            for (int x = 0; x < px; ++x)
                if (code->data[(y / mod) * code->width + (x / mod)] & 1) bmp.set(x, y);
        QRcode_free(code);
        image(bmp);
        return core::ok_status();
    }
    const size_t store_len = data.size() + 3;
    put({GS, '(', 'k', 4, 0, '1', 'A', '2', 0});
    put({GS, '(', 'k', 3, 0, '1', 'C', static_cast<uint8_t>(module)});
    put({GS, '(', 'k', 3, 0, '1', 'E', static_cast<uint8_t>('0' + static_cast<int>(opt.level))});
    put({GS, '(', 'k', static_cast<uint8_t>(store_len & 0xFF), static_cast<uint8_t>(store_len >> 8), '1', 'P', '0'});
    out_.insert(out_.end(), data.begin(), data.end());
    put({GS, '(', 'k', 3, 0, '1', 'Q', '0'});
    return core::ok_status();
}

EscposEncoder& EscposEncoder::image(const Bitmap& bmp) {
    if (!profile_.graphics || bmp.empty()) return *this;
    auto bands = raster_bands(bmp);
    out_.insert(out_.end(), bands.begin(), bands.end());
    return *this;
}

EscposEncoder& EscposEncoder::cut(CutKind kind) {
    feed(profile_.cut_feed_lines);
    if (!profile_.cut) return *this;
    bool partial = kind == CutKind::Partial && profile_.partial_cut;
    put({GS, 'V', uint8_t(partial ? 1 : 0)});
    return *this;
}

EscposEncoder& EscposEncoder::pulse_drawer(int pin, int on_ms, int off_ms) {
    if (!profile_.drawer) return *this;
    put({ESC, 'p', uint8_t(pin == 1 ? 1 : 0), clamp_byte(on_ms / 2, 1, 255), clamp_byte(off_ms / 2, 1, 255)});
    return *this;
}

EscposEncoder& EscposEncoder::beep(int times, int duration_50ms) {
    if (!profile_.buzzer) return *this;
    put({ESC, 'B', clamp_byte(times, 1, 9), clamp_byte(duration_50ms, 1, 9)});
    return *this;
}

EscposEncoder& EscposEncoder::raw(std::initializer_list<uint8_t> bytes) {
    out_.insert(out_.end(), bytes);
    return *this;
}

EscposEncoder& EscposEncoder::raw(const std::vector<uint8_t>& bytes) {
    out_.insert(out_.end(), bytes.begin(), bytes.end());
    return *this;
}

}  // namespace waserda::drivers
