// Stock work of the shop's manager: suppliers, goods receipts with a moving average cost, returns
// to suppliers, adjustments with a reason, stock counts (opname), reorder suggestions, price
// changes with an effective date and shelf labels. The records and the pure rules live here;
// ManagerService (manager_service.hpp) runs them against the store.
#pragma once

#include "catalog.hpp"
#include "money.hpp"
#include "result.hpp"
#include "stock.hpp"
#include "user.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::core {

// [SECTION] Suppliers and goods receipts

struct Supplier {
    int64_t id = 0;
    std::string code;          // short code the manager types: "INDOGROSIR", "SRB-01"
    std::string name;
    std::string phone;
    std::string address;
    bool active = true;
};

// One line of a delivery (or of a return to the supplier). Quantities are in the item's smallest
// unit (pieces or grams); the cost is per piece, or per kg for weighed goods.
struct ReceiptLine {
    int line_no = 0;
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    bool weighed = false;
    int64_t qty = 0;           // > 0; a return stores it positive too, the stock move is negative
    Money unit_cost;           // what the supplier charges (or credits, on a return)
    std::string expiry;        // YYYY-MM-DD or empty (receipts only)
    Money cost_before;         // the item's moving average before this line
    Money cost_after;          // ... and after it (a return leaves it unchanged)

    Money total() const;       // qty x unit cost, rounded once
};

enum class ReceiptKind { Receipt, SupplierReturn };

// A goods receipt (penerimaan barang) or a return to the supplier (retur pembelian).
struct GoodsReceipt {
    int64_t id = 0;
    std::string number;        // GR-T01-20261122-01 or RS-T01-20261122-01
    ReceiptKind kind = ReceiptKind::Receipt;
    int64_t supplier_id = 0;
    std::string supplier_code;
    std::string supplier_name;
    std::string invoice_ref;   // the supplier's delivery note or invoice number
    std::string at;            // UTC
    std::string local_date;
    UserId user_id = 0;
    std::string note;
    std::vector<ReceiptLine> lines;

    Money total() const;
};

std::string to_string(ReceiptKind k);

// The moving average cost after `qty_in` units arrive at `unit_cost`:
//   (on_hand x cost + qty_in x unit_cost) / (on_hand + qty_in), rounded half away from zero.
// Stock at or below zero has no value to average with, so the new cost is the incoming cost.
// Works the same per piece and per kg (on_hand and qty_in both in grams for weighed goods).
Money moving_average_cost(int64_t on_hand, Money cost, int64_t qty_in, Money unit_cost);

// Fills cost_before/cost_after of each line in order (an item may appear twice) from the items'
// current on-hand and cost, and returns the items' new costs. Receipts only.
std::map<ItemId, Money> apply_moving_average(std::vector<ReceiptLine>& lines, const std::map<ItemId, Item>& items);

// Checks a receipt or a return before it is written: a supplier, at least one line, positive
// quantities, costs not negative, expiry dates written YYYY-MM-DD.
Status validate_receipt(const GoodsReceipt& r);

// [SECTION] Adjustments

enum class AdjustReason { Damaged, Expired, Lost, Found, Correction };

std::string to_string(AdjustReason r);
std::optional<AdjustReason> adjust_reason_from(std::string_view s);
std::string describe(AdjustReason r);   // "rusak", "kedaluwarsa", ...
// Damaged, expired and lost take stock out (qty < 0); found puts it back (qty > 0); a correction
// goes either way. A zero quantity is refused.
Status validate_adjustment(AdjustReason reason, int64_t qty);

// [SECTION] Stock count (opname)

enum class OpnameState { Open, Posted, Cancelled };
std::string to_string(OpnameState s);
std::optional<OpnameState> opname_state_from(std::string_view s);

struct OpnameSession {
    int64_t id = 0;
    std::string number;        // OP-20261122-01
    std::string note;          // "Rak minuman", "Opname akhir tahun"
    bool full = false;         // full count: items nobody counted are counted as zero
    OpnameState state = OpnameState::Open;
    std::string opened_at;
    UserId opened_by = 0;
    std::string posted_at;
    UserId posted_by = 0;
    UserId approver_id = 0;
};

// One counter's count of one item in a session. Several counters may count the same item on
// different shelves; their counts add up.
struct OpnameCount {
    int64_t session_id = 0;
    std::string counter;
    ItemId item_id = 0;
    int64_t qty = 0;
    int64_t last_move_id = 0;  // the newest stock move when this count last changed
    std::string updated_at;
};

// What the books say about an item for a session, as the store reads it.
struct OpnameBook {
    Item item;                 // on_hand is the current on-hand
    int64_t counted = 0;       // summed over counters
    bool was_counted = false;
    std::vector<std::string> counters;
    int64_t moves_after_count = 0;   // net stock moves after the item's last count
};

// One line of the variance report.
struct VarianceLine {
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string category;
    std::string unit;
    bool weighed = false;
    bool counted = false;
    int64_t counted_qty = 0;
    int64_t book_qty = 0;      // on-hand when the item was (last) counted
    int64_t variance = 0;      // counted - book: what the opname posts
    Money unit_cost;
    Money variance_value;      // variance x cost
    std::string counters;      // "Budi, Wati"
};

struct VarianceSummary {
    int64_t items_counted = 0;
    int64_t items_short = 0;
    int64_t items_over = 0;
    Money value_short;         // <= 0
    Money value_over;          // >= 0
    Money net() const { return value_short + value_over; }
};

// The book of an item for the count is its on-hand at the moment of its last count: the current
// on-hand minus whatever moved after that (sales made while counting still count against the
// shelf that was counted before them). Items nobody counted are left out, unless the session is
// a full count, where they count as zero against their current on-hand. Sorted by SKU.
std::vector<VarianceLine> compute_variance(const OpnameSession& session, const std::vector<OpnameBook>& books);
VarianceSummary summarize_variance(const std::vector<VarianceLine>& lines);

// [SECTION] Reorder

struct ReorderPolicy {
    int weeks = 4;             // sales window read from the daily summaries
    int cover_days = 14;       // order enough to sell this long above the minimum
};

struct ReorderInput {
    Item item;
    int64_t sold_in_window = 0;      // pieces or grams sold (net of returns) in the window
    int window_days = 28;
    std::string supplier_code;       // the supplier of its last receipt, empty when none
    std::string supplier_name;
    Money last_cost;                 // the cost of that receipt, else the item's cost
};

struct ReorderLine {
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string unit;
    std::string supplier_code;
    std::string supplier_name;
    int64_t on_hand = 0;
    int64_t min_stock = 0;
    int64_t sold_in_window = 0;
    int64_t avg_daily_x100 = 0;      // average daily sales x 100 (two decimals, no double)
    int64_t suggested = 0;           // pieces or grams to order
    int64_t pack_qty = 1;            // rounded up to whole packs of this size
    Money unit_cost;
    Money est_value;                 // suggested x unit cost
};

// Items at or below their minimum, with what to order: enough to cover `cover_days` of the
// average daily sales above the minimum, less what is on hand, rounded up to the item's largest
// pack barcode (a carton) and, for weighed goods, to whole kilograms. Sorted by supplier, then SKU.
std::vector<ReorderLine> suggest_reorder(const std::vector<ReorderInput>& inputs, const ReorderPolicy& policy);

// [SECTION] Price changes and shelf labels

struct PriceChange {
    int64_t id = 0;
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    Money price;               // the new general price
    Money member_price;        // the new member price
    std::string effective_date;   // local YYYY-MM-DD: applied from the start of that day
    std::string note;
    std::string created_at;
    UserId created_by = 0;
    std::string applied_at;    // UTC; empty while pending
    Money old_price;           // filled when applied
    Money old_member_price;
};

Status validate_price_change(const PriceChange& c);
// The pending changes due on `today` (effective_date <= today), oldest date first; of several for
// one item, all are applied in that order so the latest date wins.
std::vector<PriceChange> due_price_changes(const std::vector<PriceChange>& pending, const std::string& today);

// What a shelf label shows.
struct ShelfLabel {
    std::string sku;
    std::string name;
    std::string unit;          // "pcs", or "kg" (prices per kg)
    Money price;
    Money member_price;
    std::string barcode;       // the single-piece barcode, else the SKU
    std::string effective_date;
};

ShelfLabel shelf_label(const Item& item, const std::string& effective_date = "");
std::string labels_to_csv(const std::vector<ShelfLabel>& labels);

// [SECTION] Dates (local YYYY-MM-DD), for windows and due dates

bool valid_date(std::string_view yyyy_mm_dd);
std::string add_days(const std::string& yyyy_mm_dd, int days);
int days_between(const std::string& from, const std::string& to);   // to - from

}  // namespace waserda::core
