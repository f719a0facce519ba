#include "pos/core/money.hpp"

#include <cassert>
#include <cctype>
#include <cstdlib>
#include <limits>

namespace waserda::core {

int64_t mul_div_round(int64_t a, int64_t num, int64_t den) {
    assert(den > 0);
    // 128-bit intermediate: prices x grams x rates stay far inside it.
    __int128 p = static_cast<__int128>(a) * num;
    __int128 q = p / den;
    __int128 r = p % den;
    if (r != 0) {
        __int128 twice = (r < 0 ? -r : r) * 2;
        if (twice >= den) q += (p < 0) ? -1 : 1;
    }
    return static_cast<int64_t>(q);
}

std::string format_amount(Money m) {
    int64_t v = m.rupiah();
    bool negative = v < 0;
    uint64_t u = negative ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
    std::string digits = std::to_string(u);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3 + 1);
    int lead = static_cast<int>(digits.size() % 3);
    if (lead == 0) lead = 3;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (static_cast<int>(i) - lead) % 3 == 0) out.push_back('.');
        out.push_back(digits[i]);
    }
    return negative ? "-" + out : out;
}

std::string format_rupiah(Money m) {
    if (m.is_negative()) return "-Rp " + format_amount(-m);
    return "Rp " + format_amount(m);
}

std::optional<Money> parse_rupiah(std::string_view text) {
    size_t i = 0;
    auto skip_space = [&] { while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i; };
    skip_space();
    bool negative = false;
    if (i < text.size() && text[i] == '-') { negative = true; ++i; skip_space(); }
    if (i + 1 < text.size() && (text[i] == 'R' || text[i] == 'r') && (text[i + 1] == 'p' || text[i + 1] == 'P')) {
        i += 2;
        if (i < text.size() && text[i] == '.') ++i;
        skip_space();
    }
    int64_t value = 0;
    int digits = 0;
    int since_dot = -1;  // digits after the last thousands dot; -1 before any dot
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            if (value > (std::numeric_limits<int64_t>::max() - 9) / 10) return std::nullopt;
            value = value * 10 + (c - '0');
            ++digits;
            if (since_dot >= 0) ++since_dot;
        } else if (c == '.') {
            if (digits == 0 || (since_dot >= 0 && since_dot != 3)) return std::nullopt;
            since_dot = 0;
        } else {
            break;
        }
    }
    if (since_dot >= 0 && since_dot != 3) return std::nullopt;  // "12.5" is a fraction, not rupiah
    skip_space();
    if (i != text.size() || digits == 0) return std::nullopt;
    return Money::rp(negative ? -value : value);
}

Money CashRounding::apply(Money amount) const {
    if (mode == CashRoundingMode::None || unit <= 1) return amount;
    int64_t v = amount.rupiah();
    int64_t sign = v < 0 ? -1 : 1;
    int64_t a = v * sign;
    int64_t down = a / unit * unit;
    int64_t rem = a - down;
    int64_t r = down;
    switch (mode) {
        case CashRoundingMode::Down: r = down; break;
        case CashRoundingMode::Up: r = rem ? down + unit : down; break;
        case CashRoundingMode::Nearest: r = rem * 2 >= unit ? down + unit : down; break;
        case CashRoundingMode::None: break;
    }
    return Money::rp(r * sign);
}

}  // namespace waserda::core
