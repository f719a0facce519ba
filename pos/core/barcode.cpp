#include "pos/core/barcode.hpp"

namespace waserda::core {

bool is_all_digits(std::string_view code) {
    if (code.empty()) return false;
    for (char c : code)
        if (c < '0' || c > '9') return false;
    return true;
}

BarcodeKind barcode_kind(std::string_view code) {
    if (!is_all_digits(code)) return BarcodeKind::Other;
    switch (code.size()) {
        case 13: return BarcodeKind::Ean13;
        case 12: return BarcodeKind::UpcA;
        case 8: return BarcodeKind::Ean8;
        default: return BarcodeKind::Other;
    }
}

int gs1_check_digit(std::string_view digits) {
    // From the right, weights alternate 3, 1, 3...
    int sum = 0;
    int weight = 3;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

bool has_valid_check_digit(std::string_view code) {
    if (barcode_kind(code) == BarcodeKind::Other) return true;
    return gs1_check_digit(code.substr(0, code.size() - 1)) == code.back() - '0';
}

std::string with_check_digit(std::string_view digits) {
    std::string out(digits);
    out.push_back(static_cast<char>('0' + gs1_check_digit(digits)));
    return out;
}

std::vector<InStoreRule> default_in_store_rules() {
    std::vector<InStoreRule> rules;
    for (int p = 20; p <= 29; ++p)
        rules.push_back({std::to_string(p), 5, p <= 24 ? EmbeddedValue::WeightGrams : EmbeddedValue::PriceRupiah});
    return rules;
}

std::optional<InStoreCode> parse_in_store_code(std::string_view code, const std::vector<InStoreRule>& rules) {
    if (barcode_kind(code) != BarcodeKind::Ean13 || !has_valid_check_digit(code)) return std::nullopt;
    for (const auto& rule : rules) {
        if (rule.prefix.empty() || code.substr(0, rule.prefix.size()) != rule.prefix) continue;
        size_t value_start = rule.prefix.size() + static_cast<size_t>(rule.item_digits);
        if (value_start >= 12) continue;
        InStoreCode out;
        out.item_code = std::string(code.substr(0, value_start));
        out.value = rule.value;
        out.amount = std::stoll(std::string(code.substr(value_start, 12 - value_start)));
        return out;
    }
    return std::nullopt;
}

std::string make_in_store_code(const InStoreRule& rule, std::string_view item_digits, int64_t amount) {
    std::string body = rule.prefix + std::string(item_digits);
    size_t value_len = 12 - body.size();
    std::string value = std::to_string(amount);
    if (value.size() < value_len) value.insert(0, value_len - value.size(), '0');
    return with_check_digit(body + value.substr(value.size() - value_len));
}

}  // namespace waserda::core
