#include "drivers/virtual/barcode_patterns.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace waserda::drivers {

namespace {

// [SECTION] Helpers

bool digits_only(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int upc_check(std::string_view d) {
    int sum = 0;
    for (size_t i = 0; i < d.size(); ++i) {
        int v = d[d.size() - 1 - i] - '0';
        sum += (i % 2 == 0) ? 3 * v : v;
    }
    return (10 - sum % 10) % 10;
}

// Module string ("1011...") to runs of equal modules.
std::vector<uint8_t> runs_of(const std::string& modules) {
    std::vector<uint8_t> runs;
    char last = '1';
    int n = 0;
    for (char c : modules) {
        if (c == last) { ++n; continue; }
        runs.push_back(static_cast<uint8_t>(n));
        last = c;
        n = 1;
    }
    if (n) runs.push_back(static_cast<uint8_t>(n));
    return runs;
}

// [SECTION] EAN / UPC

// Left-hand odd parity (L) codes; the right-hand codes (R) are their complement and the even
// parity codes (G) are R reversed.
constexpr std::array<const char*, 10> kEanL = {"0001101", "0011001", "0010011", "0111101", "0100011",
                                               "0110001", "0101111", "0111011", "0110111", "0001011"};
// Which left digits of an EAN-13 use G, chosen by the leading digit.
constexpr std::array<const char*, 10> kEan13Parity = {"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
                                                      "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"};
// UPC-E with number system 0: parity of the six digits by check digit (E = even = G).
constexpr std::array<const char*, 10> kUpcEParity = {"EEEOOO", "EEOEOO", "EEOOEO", "EEOOOE", "EOEEOO",
                                                     "EOOEEO", "EOOOEE", "EOEOEO", "EOEOOE", "EOOEOE"};

std::string ean_r(int d) {
    std::string s = kEanL[d];
    for (char& c : s) c = c == '0' ? '1' : '0';
    return s;
}
std::string ean_g(int d) {
    std::string s = ean_r(d);
    std::reverse(s.begin(), s.end());
    return s;
}

std::optional<BarPattern> ean13(std::string digits, std::string name) {
    std::string m = "101";
    const char* parity = kEan13Parity[digits[0] - '0'];
    for (int i = 1; i <= 6; ++i) m += parity[i - 1] == 'L' ? kEanL[digits[i] - '0'] : ean_g(digits[i] - '0');
    m += "01010";
    for (int i = 7; i <= 12; ++i) m += ean_r(digits[i] - '0');
    m += "101";
    return BarPattern{std::move(name), std::move(digits), runs_of(m), false};
}

std::optional<BarPattern> ean8(std::string digits) {
    std::string m = "101";
    for (int i = 0; i < 4; ++i) m += kEanL[digits[i] - '0'];
    m += "01010";
    for (int i = 4; i < 8; ++i) m += ean_r(digits[i] - '0');
    m += "101";
    return BarPattern{"EAN8", std::move(digits), runs_of(m), false};
}

// Fixed-length numbers come with or without their check digit; a given one is printed as is.
std::optional<std::string> with_check(std::string_view data, size_t n) {
    if (!digits_only(data)) return std::nullopt;
    if (data.size() == n) return std::string(data);
    if (data.size() == n - 1) return std::string(data) + char('0' + upc_check(data));
    return std::nullopt;
}

// The UPC-A number a six-digit UPC-E body stands for.
std::string upce_expand(char ns, std::string_view d) {
    std::string s(1, ns);
    switch (d[5]) {
        case '0': case '1': case '2':
            s += std::string{d[0], d[1], d[5]} + "0000" + std::string{d[2], d[3], d[4]};
            break;
        case '3': s += std::string{d[0], d[1], d[2]} + "00000" + std::string{d[3], d[4]}; break;
        case '4': s += std::string{d[0], d[1], d[2], d[3]} + "00000" + d[4]; break;
        default: s += std::string{d[0], d[1], d[2], d[3], d[4]} + "0000" + d[5]; break;
    }
    return s;
}

// A UPC-A number (11 digits, no check) squeezed to its UPC-E body, if it has the zeros for it.
std::optional<std::string> upce_compress(std::string_view a) {
    for (char last = '0'; last <= '9'; ++last) {
        // Try every body that could expand back to a; there are few.
        std::string body;
        switch (last) {
            case '0': case '1': case '2': body = {a[1], a[2], a[8], a[9], a[10], last}; break;
            case '3': body = {a[1], a[2], a[3], a[9], a[10], '3'}; break;
            case '4': body = {a[1], a[2], a[3], a[4], a[10], '4'}; break;
            default: body = {a[1], a[2], a[3], a[4], a[5], a[10]}; break;
        }
        if (upce_expand(a[0], body) == a) return body;
    }
    return std::nullopt;
}

std::optional<BarPattern> upce(std::string_view data) {
    if (!digits_only(data)) return std::nullopt;
    char ns = '0';
    std::string body;
    std::optional<char> check;
    switch (data.size()) {
        case 6: body = data; break;
        case 7: ns = data[0]; body = data.substr(1); break;
        case 8: ns = data[0]; body = data.substr(1, 6); check = data[7]; break;
        case 11: case 12: {
            auto b = upce_compress(data.substr(0, 11));
            if (!b) return std::nullopt;
            ns = data[0];
            body = *b;
            if (data.size() == 12) check = data[11];
            break;
        }
        default: return std::nullopt;
    }
    if (ns != '0' && ns != '1') return std::nullopt;
    if (!check) check = char('0' + upc_check(upce_expand(ns, body)));
    const char* parity = kUpcEParity[*check - '0'];
    std::string m = "101";
    for (int i = 0; i < 6; ++i) {
        bool even = (parity[i] == 'E') == (ns == '0');
        m += even ? ean_g(body[i] - '0') : std::string(kEanL[body[i] - '0']);
    }
    m += "010101";
    return BarPattern{"UPCE", std::string(1, ns) + body + *check, runs_of(m), false};
}

// [SECTION] Two-width codes: CODE39, ITF, CODABAR

// The five bars of the digits 1..9,0 carry two wide bars, chosen by weights 1,2,4,7,0.
constexpr std::array<const char*, 10> kTwoOfFive = {"nnwwn", "wnnnw", "nwnnw", "wwnnn", "nnwnw",
                                                    "wnwnn", "nwwnn", "nnnww", "wnnwn", "nwnwn"};

void push_nw(std::vector<uint8_t>& runs, std::string_view nw) {
    for (char c : nw) runs.push_back(c == 'w' ? 2 : 1);
}

// CODE39: 9 elements, three wide. The bars follow the two-of-five pattern of the character's
// position in its row; the single wide space says which row.
std::optional<std::string> code39_elements(char c) {
    static const std::string_view rows[4] = {"1234567890", "ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ-. *"};
    static const int wide_space[4] = {1, 2, 3, 0};  // which of the four spaces is wide
    for (int r = 0; r < 4; ++r) {
        auto pos = rows[r].find(c);
        if (pos == std::string_view::npos) continue;
        const char* bars = kTwoOfFive[(pos + 1) % 10];
        std::string e;
        for (int i = 0; i < 5; ++i) {
            e += bars[i];
            if (i < 4) e += (i == wide_space[r]) ? 'w' : 'n';
        }
        return e;
    }
    // $ / + %: all bars narrow, three of the four spaces wide.
    static const std::pair<char, const char*> specials[] = {
        {'$', "nwnwnwnnn"}, {'/', "nwnwnnnwn"}, {'+', "nwnnnwnwn"}, {'%', "nnnwnwnwn"}};
    for (auto& [ch, e] : specials)
        if (ch == c) return std::string(e);
    return std::nullopt;
}

std::optional<BarPattern> code39(std::string_view data) {
    std::string text(data);
    // The printer adds the * start/stop itself; a caller's own stars are taken as those.
    if (text.size() >= 2 && text.front() == '*' && text.back() == '*') text = text.substr(1, text.size() - 2);
    BarPattern p{"CODE39", text, {}, true};
    std::string all = "*" + text + "*";
    for (size_t i = 0; i < all.size(); ++i) {
        auto e = code39_elements(static_cast<char>(std::toupper(static_cast<unsigned char>(all[i]))));
        if (!e || (all[i] == '*' && i != 0 && i != all.size() - 1)) return std::nullopt;
        push_nw(p.runs, *e);
        if (i + 1 < all.size()) p.runs.push_back(1);  // narrow gap between characters
    }
    return p;
}

std::optional<BarPattern> itf(std::string_view data) {
    if (data.empty() || !digits_only(data)) return std::nullopt;
    std::string d(data);
    if (d.size() % 2) d = "0" + d;  // pairs only: a lone digit gets a leading zero
    BarPattern p{"ITF", std::string(data), {}, true};
    push_nw(p.runs, "nnnn");
    for (size_t i = 0; i < d.size(); i += 2) {
        const char* bars = kTwoOfFive[d[i] - '0'];
        const char* spaces = kTwoOfFive[d[i + 1] - '0'];
        for (int k = 0; k < 5; ++k) {
            p.runs.push_back(bars[k] == 'w' ? 2 : 1);
            p.runs.push_back(spaces[k] == 'w' ? 2 : 1);
        }
    }
    push_nw(p.runs, "wnn");
    return p;
}

std::optional<BarPattern> codabar(std::string_view data) {
    static const std::pair<char, const char*> table[] = {
        {'0', "nnnnnww"}, {'1', "nnnnwwn"}, {'2', "nnnwnnw"}, {'3', "wwnnnnn"}, {'4', "nnwnnwn"},
        {'5', "wnnnnwn"}, {'6', "nwnnnnw"}, {'7', "nwnnwnn"}, {'8', "nwwnnnn"}, {'9', "wnnwnnn"},
        {'-', "nnnwwnn"}, {'$', "nnwwnnn"}, {':', "wnnnwnw"}, {'/', "wnwnnnw"}, {'.', "wnwnwnn"},
        {'+', "nnwnwnw"}, {'A', "nnwwnwn"}, {'B', "nwnwnnw"}, {'C', "nnnwnww"}, {'D', "nnnwwwn"}};
    if (data.size() < 2) return std::nullopt;
    BarPattern p{"CODABAR", std::string(data), {}, true};
    for (size_t i = 0; i < data.size(); ++i) {
        char c = static_cast<char>(std::toupper(static_cast<unsigned char>(data[i])));
        const char* e = nullptr;
        for (auto& [ch, el] : table)
            if (ch == c) e = el;
        if (!e) return std::nullopt;
        push_nw(p.runs, e);
        if (i + 1 < data.size()) p.runs.push_back(1);
    }
    return p;
}

// [SECTION] CODE93

constexpr std::array<const char*, 48> kCode93 = {
    "100010100", "101001000", "101000100", "101000010", "100101000", "100100100", "100100010", "101010000",
    "100010010", "100001010", "110101000", "110100100", "110100010", "110010100", "110010010", "110001010",
    "101101000", "101100100", "101100010", "100110100", "100011010", "101011000", "101001100", "101000110",
    "100101100", "100010110", "110110100", "110110010", "110101100", "110100110", "110010110", "110011010",
    "101101100", "101100110", "100110110", "100111010", "100101110", "111010100", "111010010", "111001010",
    "101101110", "101110110", "110101110", "100100110", "111011010", "111010110", "100110010", "101011110"};
constexpr std::string_view kCode93Chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

std::optional<BarPattern> code93(std::string_view data) {
    std::vector<int> values;
    for (char c : data) {
        auto pos = kCode93Chars.find(c);
        if (pos != std::string_view::npos) { values.push_back(static_cast<int>(pos)); continue; }
        if (c >= 'a' && c <= 'z') {  // full ASCII: (+) shifts to lower case
            values.push_back(46);
            values.push_back(10 + (c - 'a'));
            continue;
        }
        return std::nullopt;
    }
    if (values.empty()) return std::nullopt;
    auto check = [&](int max_weight) {
        int sum = 0;
        for (size_t i = 0; i < values.size(); ++i)
            sum += values[values.size() - 1 - i] * static_cast<int>(i % max_weight + 1);
        return sum % 47;
    };
    values.push_back(check(20));
    values.push_back(check(15));
    std::string m = kCode93[47];
    for (int v : values) m += kCode93[v];
    m += kCode93[47];
    m += "1";  // termination bar
    return BarPattern{"CODE93", std::string(data), runs_of(m), false};
}

// [SECTION] CODE128

// Bar/space widths of the 106 symbol values and the stop pattern (index 106).
constexpr std::array<const char*, 107> kCode128 = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};

std::optional<BarPattern> code128(std::string_view data, bool gs1) {
    enum Set { A, B, C } set = B;
    std::vector<int> values;
    std::string text;
    size_t i = 0;
    if (data.size() >= 2 && data[0] == '{' && (data[1] == 'A' || data[1] == 'B' || data[1] == 'C')) {
        set = data[1] == 'A' ? A : data[1] == 'B' ? B : C;
        i = 2;
    }
    values.push_back(set == A ? 103 : set == B ? 104 : 105);
    if (gs1) values.push_back(102);
    auto value_of = [&](Set s, unsigned char c) -> int {
        if (s == A) return c < 32 ? c + 64 : (c <= 95 ? c - 32 : -1);
        return (c >= 32 && c <= 127) ? c - 32 : -1;
    };
    bool shift = false;
    for (; i < data.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(data[i]);
        if (c == '{' && i + 1 < data.size() && data[i + 1] != '{') {
            char f = data[++i];
            switch (f) {
                case 'A': if (set != A) values.push_back(101); set = A; break;
                case 'B': if (set != B) values.push_back(100); set = B; break;
                case 'C': if (set != C) values.push_back(99); set = C; break;
                case 'S': values.push_back(98); shift = true; break;
                case '1': values.push_back(102); break;
                case '2': values.push_back(97); break;
                case '3': values.push_back(96); break;
                case '4': values.push_back(set == A ? 101 : 100); break;
                default: return std::nullopt;
            }
            continue;
        }
        if (c == '{') ++i;  // "{{" is one '{'
        if (set == C && !shift) {
            if (c > 99) return std::nullopt;
            values.push_back(c);
            text += char('0' + c / 10);
            text += char('0' + c % 10);
            continue;
        }
        Set s = shift ? (set == A ? B : A) : set;
        shift = false;
        int v = value_of(s, c);
        if (v < 0) return std::nullopt;
        values.push_back(v);
        if (c >= 32 && c < 127) text += static_cast<char>(c);
    }
    int sum = values[0];
    for (size_t k = 1; k < values.size(); ++k) sum += static_cast<int>(k) * values[k];
    values.push_back(sum % 103);
    values.push_back(106);
    BarPattern p{gs1 ? "GS1-128" : "CODE128", text, {}, false};
    for (int v : values)
        for (const char* w = kCode128[v]; *w; ++w) p.runs.push_back(static_cast<uint8_t>(*w - '0'));
    return p;
}

}  // namespace

std::string_view symbology_name(Symbology s) {
    switch (s) {
        case Symbology::UpcA: return "UPCA";
        case Symbology::UpcE: return "UPCE";
        case Symbology::Ean13: return "EAN13";
        case Symbology::Ean8: return "EAN8";
        case Symbology::Code39: return "CODE39";
        case Symbology::Itf: return "ITF";
        case Symbology::Codabar: return "CODABAR";
        case Symbology::Code93: return "CODE93";
        case Symbology::Code128: return "CODE128";
        case Symbology::Gs1_128: return "GS1-128";
    }
    return "BARCODE";
}

std::optional<BarPattern> bar_pattern(Symbology s, std::string_view data) {
    switch (s) {
        case Symbology::UpcA: {
            auto d = with_check(data, 12);
            if (!d) return std::nullopt;
            auto p = ean13("0" + *d, "UPCA");
            p->text = *d;
            return p;
        }
        case Symbology::Ean13: {
            auto d = with_check(data, 13);
            if (!d) return std::nullopt;
            return ean13(*d, "EAN13");
        }
        case Symbology::Ean8: {
            auto d = with_check(data, 8);
            if (!d) return std::nullopt;
            return ean8(*d);
        }
        case Symbology::UpcE: return upce(data);
        case Symbology::Code39: return code39(data);
        case Symbology::Itf: return itf(data);
        case Symbology::Codabar: return codabar(data);
        case Symbology::Code93: return code93(data);
        case Symbology::Code128: return code128(data, false);
        case Symbology::Gs1_128: return code128(data, true);
    }
    return std::nullopt;
}

}  // namespace waserda::drivers
