// Barcodes: check digits of EAN-13, EAN-8 and UPC-A, and in-store EAN-13 codes (prefixes 20-29)
// that embed an item code and a weight in grams or a price in rupiah.
#pragma once

#include "money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::core {

enum class BarcodeKind { Ean13, Ean8, UpcA, Other };

// The kind a code looks like by its length and digits (a 13-digit code is Ean13 even with a bad
// check digit; use has_valid_check_digit to know).
BarcodeKind barcode_kind(std::string_view code);
bool is_all_digits(std::string_view code);
// GS1 mod-10 check digit of the digits before the last one.
int gs1_check_digit(std::string_view digits_without_check);
// True for EAN-13, EAN-8 and UPC-A codes whose last digit is right; false for them otherwise.
// Codes of other kinds (CODE128 in-store labels, member cards) have no check digit: true.
bool has_valid_check_digit(std::string_view code);
// Appends the check digit to 7, 11 or 12 digits.
std::string with_check_digit(std::string_view digits);

// One rule of the shop's in-store code scheme, e.g. prefix "20", item code of 5 digits, then a
// 5-digit weight in grams: 20 IIIII WWWWW C.
enum class EmbeddedValue { WeightGrams, PriceRupiah };
struct InStoreRule {
    std::string prefix;      // "20".."29", 2 digits
    int item_digits = 5;     // digits of the item code right after the prefix
    EmbeddedValue value = EmbeddedValue::WeightGrams;
};

struct InStoreCode {
    std::string item_code;   // the prefix and item digits, e.g. "2012345" - how the item's PLU is stored
    EmbeddedValue value = EmbeddedValue::WeightGrams;
    int64_t amount = 0;      // grams or rupiah
};

// The default scheme: 20-24 weight in grams, 25-29 price in rupiah, 5-digit item codes.
std::vector<InStoreRule> default_in_store_rules();
// Parses an in-store EAN-13 against the rules; nullopt when the code is not one.
std::optional<InStoreCode> parse_in_store_code(std::string_view code, const std::vector<InStoreRule>& rules);
// Builds an in-store EAN-13 (for demo data and labels).
std::string make_in_store_code(const InStoreRule& rule, std::string_view item_digits, int64_t amount);

}  // namespace waserda::core
