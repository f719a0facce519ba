// Items and members in and out of CSV files (the spreadsheet a cooperative already keeps).
// An import checks the whole file and reports every problem with its line and column; the caller
// writes nothing unless the problem list is empty, so a file is taken entirely or not at all.
//
// Item columns (header names, any order, case-insensitive; only sku, name and price are required):
//   sku,name,unit,category,weighed,price,member_price,wholesale_min_qty,wholesale_price,cost,
//   taxable,min_stock,active,barcodes,stock[,consignment]
// - prices in whole rupiah: "12500", "12.500", "Rp 12.500"; empty member_price = no member price
// - weighed/taxable/active/consignment: 1/0, ya/tidak, true/false, yes/no (empty: 0/1/1/0)
// - barcodes: "8991234567890;8991234567906x40": codes separated by ';', a carton as CODExPACK;
//   without the column, items already in the shop keep their codes
// - weighed items: unit kg, prices per kg, quantities (stock, min_stock, wholesale_min_qty) in grams
// - stock: the opening stock (on_hand) in pieces or grams
//
// Member columns (number and name required):
//   number,name,card_code,work_unit,phone,status,joined_on,pokok,wajib,sukarela,credit_limit[,left_on]
// - status: active/inactive/left (aktif/nonaktif/keluar); dates YYYY-MM-DD
// - pokok, wajib, sukarela: opening savings balances; credit_limit: empty = the shop's policy
#pragma once

#include "barcode.hpp"
#include "catalog.hpp"
#include "member.hpp"
#include "money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace waserda::core {

struct ImportProblem {
    int line = 0;             // 1-based line in the file; 0: the file as a whole
    std::string column;       // header name, empty when the problem is not about one column
    std::string message;      // one sentence, in the UI language

    friend bool operator==(const ImportProblem&, const ImportProblem&) = default;
};

struct ItemImport {
    std::vector<Item> items;
    std::vector<std::pair<std::string, int64_t>> opening_stock;  // sku, qty (only rows with stock > 0)
    std::vector<ImportProblem> problems;
    // The file has a barcodes column: its cells replace the items' codes (an empty cell: none).
    // Without it the file says nothing about barcodes, and an import keeps those already stored.
    bool has_barcodes = false;
};

ItemImport items_from_csv(std::string_view text, const std::vector<InStoreRule>& rules);
// The columns above; stock = on_hand. items_from_csv(items_to_csv(x)) gives x back.
std::string items_to_csv(const std::vector<Item>& items);

struct MemberImport {
    std::vector<Member> members;
    struct Opening {
        std::string number;
        SavingsType type = SavingsType::Pokok;
        Money amount;
    };
    std::vector<Opening> savings;     // only amounts > 0
    std::vector<ImportProblem> problems;
};

MemberImport members_from_csv(std::string_view text);
// `balances[i]` belongs to `members[i]`; missing balances are written as zero.
std::string members_to_csv(const std::vector<Member>& members, const std::vector<MemberBalances>& balances);

// One line per problem: "baris 12, kolom price: Harga tidak berlaku: "12,5"".
std::string format_problems(const std::vector<ImportProblem>& problems);

// Helpers shared with other importers.
std::optional<bool> parse_yes_no(std::string_view text);
bool is_valid_date(std::string_view yyyy_mm_dd);

}  // namespace waserda::core
