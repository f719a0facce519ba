// Money: whole rupiah in an int64. Never a double.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waserda::core {

class Money {
public:
    constexpr Money() = default;
    static constexpr Money rp(int64_t rupiah) { return Money(rupiah); }

    constexpr int64_t rupiah() const { return v_; }
    constexpr bool is_zero() const { return v_ == 0; }
    constexpr bool is_negative() const { return v_ < 0; }

    constexpr Money operator+(Money o) const { return Money(v_ + o.v_); }
    constexpr Money operator-(Money o) const { return Money(v_ - o.v_); }
    constexpr Money operator-() const { return Money(-v_); }
    constexpr Money& operator+=(Money o) { v_ += o.v_; return *this; }
    constexpr Money& operator-=(Money o) { v_ -= o.v_; return *this; }
    constexpr Money operator*(int64_t k) const { return Money(v_ * k); }
    constexpr auto operator<=>(const Money&) const = default;

private:
    constexpr explicit Money(int64_t v) : v_(v) {}
    int64_t v_ = 0;
};

// a * num / den rounded half away from zero; the one rounding rule for prices and tax.
int64_t mul_div_round(int64_t a, int64_t num, int64_t den);

// "Rp 12.500", "-Rp 1.500.000". Dots group thousands.
std::string format_rupiah(Money m);
// "12.500" without the currency sign (receipt columns).
std::string format_amount(Money m);
// Accepts "12500", "12.500", "Rp 12.500", "rp12500"; rejects fractions and garbage.
std::optional<Money> parse_rupiah(std::string_view text);

// Cash rounding to the smallest coin in circulation (e.g. Rp 100).
enum class CashRoundingMode { None, Nearest, Down, Up };
struct CashRounding {
    int64_t unit = 100;
    CashRoundingMode mode = CashRoundingMode::Nearest;
    Money apply(Money amount) const;
};

}  // namespace waserda::core
