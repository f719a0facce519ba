// Cashier shifts: opened with a float, closed with a count of the drawer.
#pragma once

#include "money.hpp"
#include "sale.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace waserda::core {

struct Shift {
    int64_t id = 0;
    std::string uuid;
    std::string device;
    UserId user_id = 0;
    std::string user_name;
    Money opening_float;
    std::string opened_at;
    std::string closed_at;          // empty while open
    UserId closed_by = 0;
    std::optional<Money> counted_cash;
    Money expected_cash;            // fixed at close
    std::map<int64_t, int64_t> denominations;  // note/coin value -> count, as counted
    bool open() const { return closed_at.empty(); }
};

// X (mid-shift) and Z (at close) figures, read from the books.
struct ShiftFigures {
    int64_t sales_count = 0;
    int64_t returns_count = 0;
    Money gross_sales;              // sales totals
    Money returns;                  // returns totals (positive number)
    Money discounts;
    Money ppn;
    std::map<PaymentMethod, Money> by_method;  // net per method (sales minus refunds)
    Money cash_from_sales;          // cash kept from sales, net of refunds
    Money cash_moves;               // other drawer moves (+ in, - out)
    Money opening_float;
    Money expected_cash() const { return opening_float + cash_from_sales + cash_moves; }
};

// The denominations a cashier counts, largest first (Rp 100.000 notes down to Rp 100 coins).
const std::vector<int64_t>& rupiah_denominations();
Money count_denominations(const std::map<int64_t, int64_t>& counts);

}  // namespace waserda::core
