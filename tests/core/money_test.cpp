#include "pos/core/money.hpp"

#include <gtest/gtest.h>

using waserda::core::CashRounding;
using waserda::core::CashRoundingMode;
using waserda::core::Money;
using namespace waserda::core;

TEST(Money, FormatsRupiahWithDotsGroupingThousands) {
    EXPECT_EQ(format_rupiah(Money::rp(12500)), "Rp 12.500");
    EXPECT_EQ(format_rupiah(Money::rp(1500000)), "Rp 1.500.000");
    EXPECT_EQ(format_rupiah(Money::rp(0)), "Rp 0");
    EXPECT_EQ(format_rupiah(Money::rp(999)), "Rp 999");
    EXPECT_EQ(format_rupiah(Money::rp(-2500)), "-Rp 2.500");
    EXPECT_EQ(format_amount(Money::rp(100000)), "100.000");
}

TEST(Money, ParsesWhatPeopleTypeAndRejectsFractions) {
    EXPECT_EQ(parse_rupiah("12500"), Money::rp(12500));
    EXPECT_EQ(parse_rupiah("12.500"), Money::rp(12500));
    EXPECT_EQ(parse_rupiah("Rp 1.500.000"), Money::rp(1500000));
    EXPECT_EQ(parse_rupiah("rp12500"), Money::rp(12500));
    EXPECT_EQ(parse_rupiah(" 7 "), Money::rp(7));
    EXPECT_FALSE(parse_rupiah("12.5"));
    EXPECT_FALSE(parse_rupiah("12,5"));
    EXPECT_FALSE(parse_rupiah(""));
    EXPECT_FALSE(parse_rupiah("abc"));
    EXPECT_FALSE(parse_rupiah("1.2345"));
    EXPECT_FALSE(parse_rupiah("99999999999999999999"));
}

TEST(Money, RoundsCashToTheSmallestCoin) {
    CashRounding nearest{100, CashRoundingMode::Nearest};
    EXPECT_EQ(nearest.apply(Money::rp(12449)), Money::rp(12400));
    EXPECT_EQ(nearest.apply(Money::rp(12450)), Money::rp(12500));
    EXPECT_EQ(nearest.apply(Money::rp(12500)), Money::rp(12500));
    CashRounding down{500, CashRoundingMode::Down};
    EXPECT_EQ(down.apply(Money::rp(12999)), Money::rp(12500));
    CashRounding up{100, CashRoundingMode::Up};
    EXPECT_EQ(up.apply(Money::rp(12401)), Money::rp(12500));
    CashRounding none{100, CashRoundingMode::None};
    EXPECT_EQ(none.apply(Money::rp(12401)), Money::rp(12401));
}

TEST(Money, MulDivRoundsHalfAwayFromZero) {
    EXPECT_EQ(mul_div_round(15000, 750, 1000), 11250);
    EXPECT_EQ(mul_div_round(1, 1, 2), 1);
    EXPECT_EQ(mul_div_round(-1, 1, 2), -1);
    EXPECT_EQ(mul_div_round(10, 1, 3), 3);
}
