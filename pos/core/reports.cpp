#include "pos/core/reports.hpp"

#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace waserda::core {

// [SECTION] Date ranges

namespace {
std::string month_of(const std::string& d) { return d.substr(0, 7); }
std::string first_of_month(const std::string& d) { return d.substr(0, 8) + "01"; }
std::string first_of_next_month(const std::string& d) {
    int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2));
    if (++m > 12) {
        m = 1;
        ++y;
    }
    return fmt::format("{:04}-{:02}-01", y, m);
}
}  // namespace

RangeParts split_by_months(const DateRange& r) {
    RangeParts p;
    if (r.to < r.from) return p;
    // The first whole month starts on r.from if it is a 1st, else on the next 1st.
    std::string start = r.from.substr(8, 2) == "01" ? r.from : first_of_next_month(r.from);
    // The last whole month ends on r.to if tomorrow is a 1st.
    std::string after_to = add_days(r.to, 1);
    std::string end_excl = after_to.substr(8, 2) == "01" ? after_to : first_of_month(r.to);
    if (start >= end_excl) {
        p.day_ranges.push_back(r);
        return p;
    }
    p.first_month = month_of(start);
    p.last_month = month_of(add_days(end_excl, -1));
    if (r.from < start) p.day_ranges.push_back({r.from, add_days(start, -1)});
    if (end_excl <= r.to) p.day_ranges.push_back({end_excl, r.to});
    return p;
}

std::pair<std::string, std::string> utc_bounds(const DateRange& r, int utc_offset_minutes) {
    auto offset = std::chrono::minutes(utc_offset_minutes);
    auto begin = parse_iso_utc(r.from + "T00:00:00Z") - offset;
    auto end = parse_iso_utc(add_days(r.to, 1) + "T00:00:00Z") - offset;
    return {iso_utc(begin), iso_utc(end)};
}

// [SECTION] Sales and margins

int64_t margin_bp(Money margin, Money revenue) {
    if (revenue.is_zero()) return 0;
    return mul_div_round(margin.rupiah(), 10000, revenue.rupiah() < 0 ? -revenue.rupiah() : revenue.rupiah());
}

std::string format_bp(int64_t bp) {
    int64_t a = bp < 0 ? -bp : bp;
    return fmt::format("{}{},{:02}%", bp < 0 ? "-" : "", a / 100, a % 100);
}

std::vector<SalesDayRow> sales_day_rows(const std::vector<DaySales>& days) {
    std::vector<SalesDayRow> out;
    out.reserve(days.size());
    for (auto& d : days) {
        SalesDayRow r;
        r.date = d.date;
        r.sales_count = d.sales_count;
        r.returns_count = d.returns_count;
        r.gross = d.sales_total;
        r.returns = d.returns_total;
        r.net = d.sales_total + d.returns_total;
        r.discount = d.discount;
        r.ppn = d.ppn;
        r.cost = d.cost;
        r.margin = d.revenue - d.cost;
        r.margin_bp = margin_bp(r.margin, d.revenue);
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.date < b.date; });
    return out;
}

SalesTotals total_of(const std::vector<SalesDayRow>& rows) {
    SalesTotals t;
    for (auto& r : rows) {
        t.sales_count += r.sales_count;
        t.returns_count += r.returns_count;
        t.net += r.net;
        t.cost += r.cost;
        t.margin += r.margin;
        t.revenue += r.margin + r.cost;
    }
    return t;
}

namespace {
MarginRow finish(MarginRow r) {
    r.margin = r.revenue - r.cost;
    r.margin_bp = margin_bp(r.margin, r.revenue);
    return r;
}

void sort_by_revenue(std::vector<MarginRow>& rows) {
    std::sort(rows.begin(), rows.end(), [](auto& a, auto& b) {
        if (a.revenue != b.revenue) return a.revenue > b.revenue;
        return a.key < b.key;
    });
}
}  // namespace

std::vector<MarginRow> margin_by_item(const std::vector<ItemSales>& items) {
    std::vector<MarginRow> out;
    out.reserve(items.size());
    for (auto& i : items) {
        MarginRow r;
        r.key = i.sku;
        r.name = i.name;
        r.unit = i.unit;
        r.qty = i.qty;
        r.revenue = i.revenue;
        r.cost = i.cost;
        out.push_back(finish(r));
    }
    sort_by_revenue(out);
    return out;
}

std::vector<MarginRow> margin_by_category(const std::vector<ItemSales>& items) {
    std::map<std::string, MarginRow> by;
    for (auto& i : items) {
        auto& r = by[i.category];
        r.key = i.category;
        r.name = i.category.empty() ? tr("(tanpa kategori)") : i.category;
        r.revenue += i.revenue;
        r.cost += i.cost;
    }
    std::vector<MarginRow> out;
    for (auto& [k, r] : by) out.push_back(finish(r));
    sort_by_revenue(out);
    return out;
}

// [SECTION] Stock

namespace {
Money value_of(const Item& it, Money unit, int64_t qty) {
    return Money::rp(mul_div_round(unit.rupiah(), std::max<int64_t>(qty, 0), qty_scale(it)));
}

StockValueRow stock_row(const Item& it) {
    StockValueRow r;
    r.item_id = it.id;
    r.sku = it.sku;
    r.name = it.name;
    r.category = it.category;
    r.unit = it.unit;
    r.on_hand = it.on_hand;
    r.min_stock = it.min_stock;
    r.cost = it.cost;
    r.value = value_of(it, it.cost, it.on_hand);
    r.retail_value = value_of(it, it.price, it.on_hand);
    return r;
}
}  // namespace

StockValuation stock_valuation(const std::vector<Item>& items) {
    StockValuation v;
    v.rows.reserve(items.size());
    for (auto& it : items) {
        auto r = stock_row(it);
        v.total_value += r.value;
        v.total_retail += r.retail_value;
        if (it.on_hand < 0) ++v.negative_items;
        v.rows.push_back(std::move(r));
    }
    return v;
}

std::vector<StockValueRow> low_stock(const std::vector<Item>& items) {
    std::vector<StockValueRow> out;
    for (auto& it : items)
        if (it.active && it.on_hand <= it.min_stock && (it.min_stock > 0 || it.on_hand < 0)) out.push_back(stock_row(it));
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) {
        // The emptiest shelves first: how far below the minimum, then SKU.
        int64_t da = a.on_hand - a.min_stock, db = b.on_hand - b.min_stock;
        if (da != db) return da < db;
        return a.sku < b.sku;
    });
    return out;
}

std::vector<SlowMoverRow> slow_movers(const std::vector<Item>& items, const std::vector<ItemId>& recently_sold,
                                      const std::vector<LastSold>& last_sold, const std::string& today) {
    std::unordered_set<ItemId> sold(recently_sold.begin(), recently_sold.end());
    std::unordered_map<ItemId, std::string> last;
    for (auto& l : last_sold) last[l.item_id] = l.date;
    std::vector<SlowMoverRow> out;
    for (auto& it : items) {
        if (!it.active || it.on_hand <= 0 || sold.count(it.id)) continue;
        SlowMoverRow r;
        r.item_id = it.id;
        r.sku = it.sku;
        r.name = it.name;
        r.category = it.category;
        r.on_hand = it.on_hand;
        r.value = value_of(it, it.cost, it.on_hand);
        if (auto f = last.find(it.id); f != last.end() && !f->second.empty()) {
            r.last_sold = f->second;
            r.days_since = days_between(f->second, today);
        }
        out.push_back(std::move(r));
    }
    // The most money sleeping on the shelf first.
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) {
        if (a.value != b.value) return a.value > b.value;
        return a.sku < b.sku;
    });
    return out;
}

std::vector<ExpiryRow> expiring(const std::vector<Item>& items, const std::vector<ExpiryLot>& lots,
                                const std::string& today, const std::string& until) {
    std::unordered_map<ItemId, const Item*> by_id;
    for (auto& it : items) by_id[it.id] = &it;
    std::unordered_map<ItemId, int64_t> left;   // on-hand not yet matched to a newer lot
    for (auto& it : items) left[it.id] = std::max<int64_t>(it.on_hand, 0);
    std::vector<ExpiryRow> out;
    for (auto& lot : lots) {   // newest receipt first per item
        auto f = by_id.find(lot.item_id);
        if (f == by_id.end()) continue;
        int64_t& remaining = left[lot.item_id];
        if (remaining <= 0) continue;
        int64_t on_shelf = std::min(remaining, lot.qty);
        remaining -= on_shelf;
        if (lot.expiry.empty() || lot.expiry > until) continue;
        const Item& it = *f->second;
        ExpiryRow r;
        r.item_id = it.id;
        r.sku = it.sku;
        r.name = it.name;
        r.unit = it.unit;
        r.expiry = lot.expiry;
        r.days_left = days_between(today, lot.expiry);
        r.qty = on_shelf;
        r.value = value_of(it, it.cost, on_shelf);
        r.receipt_number = lot.receipt_number;
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) {
        if (a.expiry != b.expiry) return a.expiry < b.expiry;
        return a.sku < b.sku;
    });
    return out;
}

// [SECTION] Item card

ItemCard item_card(const Item& item, int64_t opening, const std::vector<StockMove>& moves) {
    ItemCard c;
    c.item = item;
    c.opening = opening;
    int64_t balance = opening;
    for (auto& m : moves) {
        balance += m.qty;
        (m.qty >= 0 ? c.in : c.out) += m.qty;
        c.rows.push_back({m, balance});
    }
    c.closing = balance;
    return c;
}

// [SECTION] Audit

std::optional<std::vector<std::string>> audit_actions_for(const std::string& kind) {
    if (kind == "all") return std::vector<std::string>{};
    if (kind == "voids") return std::vector<std::string>{"void_line"};
    if (kind == "refunds") return std::vector<std::string>{"refund"};
    if (kind == "overrides") return std::vector<std::string>{"override_price", "override_credit_limit"};
    if (kind == "drawer") return std::vector<std::string>{"open_drawer"};
    if (kind == "discounts") return std::vector<std::string>{"discount"};
    if (kind == "stock")
        return std::vector<std::string>{"stock.receive", "stock.supplier_return", "stock.adjust", "stock.opname", "price.change"};
    return std::nullopt;
}

}  // namespace waserda::core
