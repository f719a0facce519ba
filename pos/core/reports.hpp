// The manager's reports: the rows each report shows and the pure computations behind them
// (margins, roll-ups, valuation, running balances, expiring lots, date ranges). The figures come
// from the store's summaries (ReportsStore); nothing here touches a database.
#pragma once

#include "catalog.hpp"
#include "inventory.hpp"
#include "money.hpp"
#include "posting.hpp"
#include "sale.hpp"
#include "shift.hpp"
#include "stock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waserda::core {

// [SECTION] Date ranges

// Local dates, both ends included.
struct DateRange {
    std::string from;   // YYYY-MM-DD
    std::string to;     // YYYY-MM-DD
};

// A range cut into whole calendar months and the loose days before and after them, so a year of
// figures is read from twelve monthly rows per item instead of 365 daily ones.
struct RangeParts {
    std::vector<DateRange> day_ranges;   // at most two: the head and the tail
    std::string first_month;             // YYYY-MM, empty when no whole month is inside
    std::string last_month;
};
RangeParts split_by_months(const DateRange& r);

// The UTC instants [begin, end) that a local date range covers (for audit and shift timestamps).
std::pair<std::string, std::string> utc_bounds(const DateRange& r, int utc_offset_minutes);

// [SECTION] Summaries as the store reads them

// One local day: sale counts and totals (sales.total, rounding included) and the lines' revenue
// and cost (sale_lines.total and unit_cost x qty, returns netted).
struct DaySales {
    std::string date;
    int64_t sales_count = 0;
    int64_t returns_count = 0;
    Money sales_total;          // receipts of sales, rounding included
    Money returns_total;        // refunds, negative
    Money discount;             // on sales, net of returned discounts
    Money rounding;
    Money ppn;
    Money revenue;              // line totals, net of returns (no rounding)
    Money cost;                 // at the moving average cost when sold
};

struct HourSales {
    int hour = 0;               // local hour 0-23
    int64_t sales_count = 0;
    int64_t returns_count = 0;
    Money total;                // net of returns, rounding included
};

struct CashierSales {
    UserId user_id = 0;
    std::string user_name;
    int64_t sales_count = 0;
    int64_t returns_count = 0;
    Money total;                // net
};

struct MemberSplit {
    bool member = false;
    int64_t sales_count = 0;
    int64_t returns_count = 0;
    Money total;                // net
};

struct PaymentSales {
    PaymentMethod method = PaymentMethod::Cash;
    int64_t count = 0;          // payments (a split payment counts for each method)
    Money amount;               // net of refunds
};

struct ItemSales {
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string category;
    std::string unit;
    bool weighed = false;
    int64_t qty = 0;            // net of returns, pieces or grams
    Money revenue;
    Money cost;
    int64_t lines = 0;
};

// [SECTION] Report rows

struct SalesDayRow {
    std::string date;
    int64_t sales_count = 0;
    int64_t returns_count = 0;
    Money gross;                // sales receipts
    Money returns;              // refunds (negative)
    Money net;                  // gross + returns
    Money discount;
    Money ppn;
    Money cost;
    Money margin;               // revenue - cost
    int64_t margin_bp = 0;      // margin / revenue in basis points (2250 = 22.50%)
};

struct MarginRow {
    std::string key;            // SKU or category
    std::string name;           // item name or category
    std::string unit;
    int64_t qty = 0;            // items only (categories mix units)
    Money revenue;
    Money cost;
    Money margin;
    int64_t margin_bp = 0;
};

struct SalesTotals {
    int64_t sales_count = 0;
    int64_t returns_count = 0;
    Money net;
    Money revenue;
    Money cost;
    Money margin;
};

int64_t margin_bp(Money margin, Money revenue);
std::string format_bp(int64_t bp);   // 2250 -> "22,50%"

std::vector<SalesDayRow> sales_day_rows(const std::vector<DaySales>& days);
SalesTotals total_of(const std::vector<SalesDayRow>& rows);
// By item, largest revenue first; by category, the items rolled up.
std::vector<MarginRow> margin_by_item(const std::vector<ItemSales>& items);
std::vector<MarginRow> margin_by_category(const std::vector<ItemSales>& items);

// [SECTION] Stock

struct StockValueRow {
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string category;
    std::string unit;
    int64_t on_hand = 0;
    int64_t min_stock = 0;
    Money cost;
    Money value;                // on hand (never below zero) x cost
    Money retail_value;         // on hand x general price
};

struct StockValuation {
    std::vector<StockValueRow> rows;
    Money total_value;
    Money total_retail;
    int64_t negative_items = 0; // sold beyond the books: to check on the shelf
};

StockValuation stock_valuation(const std::vector<Item>& items);
std::vector<StockValueRow> low_stock(const std::vector<Item>& items);

struct SlowMoverRow {
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string category;
    int64_t on_hand = 0;
    Money value;
    std::string last_sold;      // YYYY-MM-DD, empty: never sold
    int days_since = -1;        // -1: never sold
};

// Items in stock that sold nothing since `since` (exclusive of sold ones in `recently_sold`).
struct LastSold {
    ItemId item_id = 0;
    std::string date;
};
std::vector<SlowMoverRow> slow_movers(const std::vector<Item>& items, const std::vector<ItemId>& recently_sold,
                                      const std::vector<LastSold>& last_sold, const std::string& today);

// A receipt line with an expiry date, as the store reads it (newest receipt first per item).
struct ExpiryLot {
    ItemId item_id = 0;
    std::string receipt_number;
    std::string received_on;    // local date
    int64_t qty = 0;
    std::string expiry;
};

struct ExpiryRow {
    ItemId item_id = 0;
    std::string sku;
    std::string name;
    std::string unit;
    std::string expiry;
    int days_left = 0;          // negative: already expired
    int64_t qty = 0;            // of the lot thought to be still on the shelf
    Money value;
    std::string receipt_number;
};

// Stock leaves first-in first-out, so what is on hand is the newest receipts: the on-hand is
// matched against the lots newest first, and the lots still (partly) on the shelf that expire
// on or before `until` are listed, soonest first.
std::vector<ExpiryRow> expiring(const std::vector<Item>& items, const std::vector<ExpiryLot>& lots,
                                const std::string& today, const std::string& until);

// [SECTION] Item card

struct ItemCardRow {
    StockMove move;
    int64_t balance = 0;        // on-hand after this move
};

struct ItemCard {
    Item item;
    int64_t opening = 0;        // balance before the first row
    std::vector<ItemCardRow> rows;
    int64_t closing = 0;
    int64_t in = 0;
    int64_t out = 0;
};

// `moves` oldest first; `opening` is the sum of the moves before them.
ItemCard item_card(const Item& item, int64_t opening, const std::vector<StockMove>& moves);

// [SECTION] Shifts and the audit log

struct ShiftReportRow {
    Shift shift;
    ShiftFigures figures;
    Money difference;           // counted - expected (0 while open)
};

struct AuditRow {
    AuditEntry entry;
    std::string user_name;
    std::string approver_name;
};

// The audit actions a report kind covers: "voids", "refunds", "overrides", "drawer", "discounts",
// "stock", "all" (empty list: every action).
std::optional<std::vector<std::string>> audit_actions_for(const std::string& kind);

}  // namespace waserda::core
