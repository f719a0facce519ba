// Titip jual (consignment): goods of members or local producers sold by the shop without buying
// them. The consignor is paid for what sold, minus the shop's fee (a percentage of the sales) or
// at an agreed price per unit, on a settlement. Each sale line is paid to its consignor once.
#pragma once

#include "catalog.hpp"
#include "money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waserda::core {

struct Consignor {
    int64_t id = 0;
    std::string code;              // "K-001"
    std::string name;
    std::string phone;
    std::string member_number;     // when the consignor is a member (can be paid into sukarela)
    int64_t fee_bp = 0;            // the shop's fee, basis points of the sales (15% = 1500)
    bool active = true;
};

// The agreed price paid to the consignor per unit (per kg when weighed); empty: the fee applies.
struct ConsignmentTerm {
    ItemId item_id = 0;
    std::optional<Money> consignor_price;
};

// A sale (or return) line of a consignment item not yet paid to its consignor.
struct ConsignmentSaleLine {
    int64_t sale_id = 0;
    int line_no = 0;
    std::string sale_number;
    std::string local_date;
    ItemId item_id = 0;
    int64_t qty = 0;               // negative on a return
    Money total;                   // negative on a return
};

struct ConsignmentItemRow {
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string unit;
    bool weighed = false;
    int64_t qty_sold = 0;          // net of returns
    Money sold;                    // what the customers paid, net of returns
    Money fee;                     // the shop keeps
    Money due;                     // the consignor gets
    int64_t unsold = 0;            // on hand now
    std::optional<Money> consignor_price;
};

struct ConsignmentStatement {
    Consignor consignor;
    std::string from, to;          // local dates, inclusive
    std::vector<ConsignmentItemRow> items;   // every item of the consignor, sold or not
    std::vector<ConsignmentSaleLine> lines;  // the sale lines this statement pays for
    int64_t qty_sold = 0;
    Money sold, fee, due;
};

// Groups the lines per item; fee and due are computed per item (once, not per line, so rounding
// is applied once): at the agreed price, due = price x qty; else fee = sold x fee%, due = sold - fee.
ConsignmentStatement build_consignment_statement(const Consignor& c, const std::string& from, const std::string& to,
                                                 const std::vector<Item>& items, const std::vector<ConsignmentTerm>& terms,
                                                 std::vector<ConsignmentSaleLine> lines);

std::string consignment_text(const ConsignmentStatement& s, const std::string& shop_name, int width);

}  // namespace waserda::core
