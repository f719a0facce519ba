#include "drivers/escpos/code_pages.hpp"

#include <algorithm>
#include <cctype>

namespace waserda::drivers {

const CodePageTable* find_code_page(std::string_view name) {
    for (int i = 0; i < detail::kCodePageTableCount; ++i) {
        std::string_view n = detail::kCodePageTables[i].name;
        if (n.size() == name.size() &&
            std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
                return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
            }))
            return &detail::kCodePageTables[i];
    }
    return nullptr;
}

std::string_view epson_code_page_name(int n) {
    switch (n) {
        case 0: return "CP437";
        case 1: return "KATAKANA";
        case 2: return "CP850";
        case 3: return "CP860";
        case 4: return "CP863";
        case 5: return "CP865";
        case 13: return "CP857";
        case 14: return "CP737";
        case 15: return "ISO8859-7";
        case 16: return "WPC1252";
        case 17: return "CP866";
        case 18: return "CP852";
        case 19: return "CP858";
        // Epson's Thai tables differ from TIS-620 in places, but share its letters.
        case 20: case 21: case 26: return "TIS620";
        case 32: return "CP720";
        case 33: return "CP775";
        case 34: return "CP855";
        case 35: return "CP861";
        case 36: return "CP862";
        case 37: return "CP864";
        case 38: return "CP869";
        case 39: return "ISO8859-2";
        case 40: return "ISO8859-15";
        case 44: return "CP1125";
        case 45: return "WPC1250";
        case 46: return "WPC1251";
        case 47: return "WPC1253";
        case 48: return "WPC1254";
        case 49: return "WPC1255";
        case 50: return "WPC1256";
        case 51: return "WPC1257";
        case 52: return "WPC1258";
        case 53: return "KZ1048";
        default: return {};
    }
}

char32_t next_code_point(std::string_view s, size_t& i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) { ++i; return c; }
    int extra = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
    else { ++i; return 0xFFFD; }
    if (i + extra >= s.size()) { i = s.size(); return 0xFFFD; }
    for (int k = 1; k <= extra; ++k) {
        unsigned char cc = byte(i + k);
        if ((cc & 0xC0) != 0x80) { i += k; return 0xFFFD; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += extra + 1;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

char32_t decode_byte(const CodePageTable& t, uint8_t b) {
    return b < 0x80 ? char32_t(b) : t.high[b - 0x80];
}

std::optional<uint8_t> encode_code_point(const CodePageTable& t, char32_t cp) {
    if (cp < 0x80) return static_cast<uint8_t>(cp);
    if (cp == 0xFFFD) return std::nullopt;
    for (int i = 0; i < 128; ++i)
        if (t.high[i] == cp) return static_cast<uint8_t>(0x80 + i);
    return std::nullopt;
}

std::optional<std::string_view> transliterate(char32_t cp) {
    const Transliteration* first = detail::kTransliterations;
    const Transliteration* last = first + detail::kTransliterationCount;
    auto it = std::lower_bound(first, last, cp,
                               [](const Transliteration& t, char32_t c) { return t.code_point < c; });
    if (it != last && it->code_point == cp) return std::string_view(it->ascii);
    return std::nullopt;
}

}  // namespace waserda::drivers
