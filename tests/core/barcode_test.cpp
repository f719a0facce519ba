#include "pos/core/barcode.hpp"

#include <gtest/gtest.h>

using namespace waserda::core;

TEST(Barcode, ValidatesEan13CheckDigits) {
    std::string code = with_check_digit("899276111111");
    EXPECT_EQ(code.size(), 13u);
    EXPECT_TRUE(has_valid_check_digit(code));
    std::string wrong = code;
    wrong.back() = static_cast<char>('0' + (wrong.back() - '0' + 1) % 10);
    EXPECT_FALSE(has_valid_check_digit(wrong));
}

TEST(Barcode, KnowsPublishedCheckDigits) {
    EXPECT_TRUE(has_valid_check_digit("4006381333931"));  // EAN-13
    EXPECT_TRUE(has_valid_check_digit("96385074"));       // EAN-8
    EXPECT_TRUE(has_valid_check_digit("036000291452"));   // UPC-A
    EXPECT_FALSE(has_valid_check_digit("4006381333932"));
    EXPECT_TRUE(has_valid_check_digit("M0001"));          // no check digit to verify
}

TEST(Barcode, ReadsWeightFromAnInStoreCode) {
    auto rules = default_in_store_rules();
    std::string code = make_in_store_code(rules[0], "00012", 750);
    ASSERT_EQ(code.size(), 13u);
    auto parsed = parse_in_store_code(code, rules);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->item_code, "2000012");
    EXPECT_EQ(parsed->value, EmbeddedValue::WeightGrams);
    EXPECT_EQ(parsed->amount, 750);
}

TEST(Barcode, ReadsPriceFromAnInStoreCode) {
    auto rules = default_in_store_rules();
    std::string code = make_in_store_code(rules[5], "00420", 12500);
    auto parsed = parse_in_store_code(code, rules);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->item_code, "2500420");
    EXPECT_EQ(parsed->value, EmbeddedValue::PriceRupiah);
    EXPECT_EQ(parsed->amount, 12500);
}

TEST(Barcode, IgnoresPackagedGoodsAndBadCheckDigitsAsInStoreCodes) {
    auto rules = default_in_store_rules();
    EXPECT_FALSE(parse_in_store_code(with_check_digit("899276111111"), rules));
    std::string code = make_in_store_code(rules[0], "00012", 750);
    code.back() = static_cast<char>('0' + (code.back() - '0' + 1) % 10);
    EXPECT_FALSE(parse_in_store_code(code, rules));
}
