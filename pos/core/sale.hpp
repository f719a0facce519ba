// Carts, sales, returns and payments.
#pragma once

#include "catalog.hpp"
#include "member.hpp"
#include "money.hpp"
#include "tax.hpp"
#include "user.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::core {

// Which price a line is sold at.
enum class PriceKind { General, Member, Wholesale, Manual, Embedded };

struct CartLine {
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string code;              // the code that was scanned (or the SKU)
    std::string unit;
    bool weighed = false;
    bool taxable = true;
    int64_t qty = 0;               // pieces or grams
    Money unit_price;              // per piece, or per kg when weighed
    PriceKind price_kind = PriceKind::General;
    Money discount;                // line discount in rupiah (>= 0)
    std::optional<Money> fixed_total;  // a price-embedded code: the line total before discount
    Money unit_cost;
    // The item's price list, kept so the line can be re-priced without the catalog.
    Money price_general;
    Money price_member;
    int64_t wholesale_min_qty = 0;
    Money price_wholesale;

    Money gross() const;           // qty x unit price (or the fixed total)
    Money total() const { return gross() - discount; }
};

struct Cart {
    std::string uuid;              // stable across holds and restarts
    std::optional<MemberId> member_id;
    std::string member_number;
    std::string member_name;
    std::vector<CartLine> lines;
    Money sale_discount;           // on the whole sale (>= 0)
    std::string note;
    std::string held_at;           // set while the cart is parked

    bool empty() const { return lines.empty(); }
};

enum class PaymentMethod { Cash, MemberCredit, Savings, Qris, Transfer, Card };

struct Payment {
    PaymentMethod method = PaymentMethod::Cash;
    Money amount;                  // what this method pays of the sale (cash: after change)
    Money tendered;                // cash handed over (cash only; amount + change)
    std::string reference;         // QRIS/transfer/card reference
};

enum class SaleKind { Sale, Return };

struct SaleLine {
    int line_no = 0;
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string code;
    std::string unit;
    bool weighed = false;
    bool taxable = true;
    int64_t qty = 0;               // negative on a return
    Money unit_price;
    PriceKind price_kind = PriceKind::General;
    Money discount;                // line discount plus its share of the sale discount
    Money total;                   // what the line counts in the sale (negative on a return)
    Money unit_cost;
    int original_line_no = 0;      // on a return: the line of the original sale
    int64_t returned_qty = 0;      // on a sale: how much of it was returned since
};

struct Sale {
    int64_t id = 0;
    std::string uuid;
    std::string number;            // per device and local day: T01-20261122-0007
    std::string device;            // T01
    SaleKind kind = SaleKind::Sale;
    std::string original_number;   // on a return
    std::string at;                // UTC ISO-8601
    std::string local_date;        // YYYY-MM-DD in the shop's time zone
    UserId user_id = 0;
    std::string user_name;
    UserId approver_id = 0;        // supervisor who approved an override in it, if any
    int64_t shift_id = 0;
    std::optional<MemberId> member_id;
    std::string member_number;
    std::string member_name;
    std::vector<SaleLine> lines;
    std::vector<Payment> payments;
    Money subtotal;                // sum of line gross amounts
    Money discount;                // all discounts
    Money rounding;                // cash rounding (+ customer pays more, - less)
    Money total;                   // what is due, after discounts and rounding
    Money change;                  // cash given back
    Money dpp;
    Money ppn;
    // After a member's sale: what remains, for the receipt.
    std::optional<Money> member_available_credit;
    std::optional<Money> member_sukarela;
};

struct CartTotals {
    Money subtotal;      // sum of line gross
    Money line_discounts;
    Money sale_discount;
    Money total;         // subtotal - discounts
    Money taxable;       // the taxable part of total
};

CartTotals cart_totals(const Cart& cart);

std::string to_string(PaymentMethod m);
std::optional<PaymentMethod> payment_method_from(std::string_view s);
std::string describe(PaymentMethod m);   // "Tunai", "Kredit anggota", ...
std::string to_string(PriceKind k);
std::optional<PriceKind> price_kind_from(std::string_view s);

}  // namespace waserda::core
