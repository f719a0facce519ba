// The stock ledger: append-only moves; an item's on-hand is the sum of its moves.
#pragma once

#include "catalog.hpp"
#include "money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waserda::core {

enum class StockMoveKind {
    Sale,            // - sold
    Return,          // + returned by a customer
    GoodsReceipt,    // + received from a supplier
    SupplierReturn,  // - returned to a supplier
    Adjustment,      // +/- damaged, expired, lost, found
    Opname,          // +/- difference posted from a stock count
    Consignment,     // + received on consignment; - returned to the consignor
};

struct StockMove {
    int64_t id = 0;
    ItemId item_id = 0;
    std::string sku;          // carried so the central server needs no local ids
    StockMoveKind kind = StockMoveKind::Sale;
    int64_t qty = 0;          // signed, smallest unit (pieces or grams)
    Money unit_cost;          // cost per unit (per kg if weighed) at the time of the move
    std::string ref;          // sale number, receipt number, opname id...
    std::string reason;
    std::string at;           // UTC ISO-8601
    int64_t user_id = 0;
};

std::string to_string(StockMoveKind k);
std::optional<StockMoveKind> stock_move_kind_from(std::string_view s);

}  // namespace waserda::core
