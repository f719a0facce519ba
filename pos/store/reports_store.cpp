// SqliteReportsStore: every query reads a summary by its primary key range, so a year of figures
// costs the same whether the shop has traded one year or ten.
//
// [SECTION] Sales summaries
// [SECTION] Items: sales, stock, expiry
// [SECTION] Item card, shifts, audit
// [SECTION] Naive variants (raw sale lines)
#include "pos/store/reports_store.hpp"

#include "pos/core/i18n.hpp"
#include "pos/store/rows.hpp"
#include "pos/store/summaries.hpp"
#include "pos/store/try.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace waserda::store {

using core::Money;
using core::Result;
using core::Status;
#define TRY WASERDA_TRY

namespace {

Status done(const Statement& st) {
    if (st.last_rc() != SQLITE_DONE) return st.error();
    return core::ok_status();
}

// Rows of (date, sales, returns, sales total, returns total, discount, rounding, PPN) into `by`,
// from the summary or from the raw sales alike.
Status read_day_sales(Statement& st, std::map<std::string, core::DaySales>& by) {
    while (st.step()) {
        auto& d = by[st.text(0)];
        d.date = st.text(0);
        d.sales_count = st.int64(1);
        d.returns_count = st.int64(2);
        d.sales_total = Money::rp(st.int64(3));
        d.returns_total = Money::rp(st.int64(4));
        d.discount = Money::rp(st.int64(5));
        d.rounding = Money::rp(st.int64(6));
        d.ppn = Money::rp(st.int64(7));
    }
    return done(st);
}

}  // namespace

// [SECTION] Sales summaries

Result<std::vector<core::DaySales>> SqliteReportsStore::day_sales(const core::DateRange& r) {
    TRY(fold_summaries(db_));
    std::map<std::string, core::DaySales> by;
    {
        auto st = db_.prepare(
            "SELECT local_date, SUM(sales), SUM(returns), SUM(sales_total), SUM(returns_total), SUM(discount), SUM(rounding), "
            "SUM(ppn) FROM daily_sales WHERE local_date BETWEEN ? AND ? GROUP BY local_date");
        if (!st) return st.error();
        st->bind(1, r.from).bind(2, r.to);
        TRY(read_day_sales(*st, by));
    }
    auto st = db_.prepare("SELECT local_date, revenue, cost FROM daily_totals WHERE local_date BETWEEN ? AND ?");
    if (!st) return st.error();
    st->bind(1, r.from).bind(2, r.to);
    while (st->step()) {
        auto& d = by[st->text(0)];
        d.date = st->text(0);
        d.revenue = Money::rp(st->int64(1));
        d.cost = Money::rp(st->int64(2));
    }
    TRY(done(*st));
    std::vector<core::DaySales> out;
    out.reserve(by.size());
    for (auto& [k, d] : by) out.push_back(d);
    return out;
}

Result<std::vector<core::HourSales>> SqliteReportsStore::hour_sales(const core::DateRange& r) {
    TRY(fold_summaries(db_));
    auto st = db_.prepare(
        "SELECT hour, SUM(sales), SUM(returns), SUM(sales_total + returns_total) FROM daily_sales "
        "WHERE local_date BETWEEN ? AND ? GROUP BY hour ORDER BY hour");
    if (!st) return st.error();
    st->bind(1, r.from).bind(2, r.to);
    std::vector<core::HourSales> out;
    while (st->step())
        out.push_back({static_cast<int>(st->int64(0)), st->int64(1), st->int64(2), Money::rp(st->int64(3))});
    TRY(done(*st));
    return out;
}

Result<std::vector<core::CashierSales>> SqliteReportsStore::cashier_sales(const core::DateRange& r) {
    TRY(fold_summaries(db_));
    auto st = db_.prepare(
        "SELECT d.user_id, COALESCE(u.name, ''), SUM(d.sales), SUM(d.returns), SUM(d.sales_total + d.returns_total) "
        "FROM daily_sales d LEFT JOIN users u ON u.id = d.user_id WHERE d.local_date BETWEEN ? AND ? "
        "GROUP BY d.user_id ORDER BY 5 DESC");
    if (!st) return st.error();
    st->bind(1, r.from).bind(2, r.to);
    std::vector<core::CashierSales> out;
    while (st->step()) out.push_back({st->int64(0), st->text(1), st->int64(2), st->int64(3), Money::rp(st->int64(4))});
    TRY(done(*st));
    return out;
}

Result<std::vector<core::MemberSplit>> SqliteReportsStore::member_sales(const core::DateRange& r) {
    TRY(fold_summaries(db_));
    auto st = db_.prepare(
        "SELECT member, SUM(sales), SUM(returns), SUM(sales_total + returns_total) FROM daily_sales "
        "WHERE local_date BETWEEN ? AND ? GROUP BY member ORDER BY member DESC");
    if (!st) return st.error();
    st->bind(1, r.from).bind(2, r.to);
    std::vector<core::MemberSplit> out;
    while (st->step()) out.push_back({st->boolean(0), st->int64(1), st->int64(2), Money::rp(st->int64(3))});
    TRY(done(*st));
    return out;
}

Result<std::vector<core::PaymentSales>> SqliteReportsStore::payment_sales(const core::DateRange& r) {
    TRY(fold_summaries(db_));
    auto st = db_.prepare(
        "SELECT method, SUM(count), SUM(amount) FROM daily_payments WHERE local_date BETWEEN ? AND ? "
        "GROUP BY method ORDER BY 3 DESC");
    if (!st) return st.error();
    st->bind(1, r.from).bind(2, r.to);
    std::vector<core::PaymentSales> out;
    while (st->step()) {
        auto m = core::payment_method_from(st->text(0));
        if (m) out.push_back({*m, st->int64(1), Money::rp(st->int64(2))});
    }
    TRY(done(*st));
    return out;
}

// [SECTION] Items: sales, stock, expiry

Status SqliteReportsStore::attach_items(std::vector<core::ItemSales>& rows) {
    std::unordered_map<core::ItemId, size_t> index;
    for (size_t i = 0; i < rows.size(); ++i) index[rows[i].item_id] = i;
    auto st = db_.prepare("SELECT id, sku, name, category, unit, weighed FROM items");
    if (!st) return st.error();
    while (st->step()) {
        auto f = index.find(st->int64(0));
        if (f == index.end()) continue;
        auto& row = rows[f->second];
        row.sku = st->text(1);
        row.name = st->text(2);
        row.category = st->text(3);
        row.unit = st->text(4);
        row.weighed = st->boolean(5);
    }
    return done(*st);
}

Result<std::vector<core::ItemSales>> SqliteReportsStore::item_sales(const core::DateRange& r) {
    TRY(fold_summaries(db_));
    // Whole months from the monthly table, the loose days at either end from the daily one.
    auto parts = core::split_by_months(r);
    std::unordered_map<core::ItemId, core::ItemSales> by;
    by.reserve(8192);
    auto add = [&](Statement& st) {
        while (st.step()) {
            auto& row = by[st.int64(0)];
            row.item_id = st.int64(0);
            row.qty += st.int64(1);
            row.revenue += Money::rp(st.int64(2));
            row.cost += Money::rp(st.int64(3));
            row.lines += st.int64(4);
        }
        return done(st);
    };
    if (!parts.first_month.empty()) {
        auto st = db_.prepare("SELECT item_id, qty, revenue, cost, lines FROM monthly_item_sales WHERE month BETWEEN ? AND ?");
        if (!st) return st.error();
        st->bind(1, parts.first_month).bind(2, parts.last_month);
        TRY(add(*st));
    }
    for (auto& d : parts.day_ranges) {
        auto st = db_.prepare("SELECT item_id, qty, revenue, cost, lines FROM daily_item_sales WHERE local_date BETWEEN ? AND ?");
        if (!st) return st.error();
        st->bind(1, d.from).bind(2, d.to);
        TRY(add(*st));
    }
    std::vector<core::ItemSales> out;
    out.reserve(by.size());
    for (auto& [id, row] : by)
        if (row.lines != 0) out.push_back(row);
    TRY(attach_items(out));
    return out;
}

Result<std::vector<core::Item>> SqliteReportsStore::stock_items() {
    auto st = db_.prepare(std::string("SELECT ") + kItemCols + " FROM items i ORDER BY i.sku");
    if (!st) return st.error();
    std::vector<core::Item> out;
    while (st->step()) out.push_back(read_item(*st));
    TRY(done(*st));
    return out;
}

Result<std::vector<core::ItemId>> SqliteReportsStore::items_sold_since(const std::string& from_date) {
    TRY(fold_summaries(db_));
    auto st = db_.prepare("SELECT DISTINCT item_id FROM daily_item_sales WHERE local_date >= ?");
    if (!st) return st.error();
    st->bind(1, from_date);
    std::vector<core::ItemId> out;
    while (st->step()) out.push_back(st->int64(0));
    TRY(done(*st));
    return out;
}

Result<std::vector<core::LastSold>> SqliteReportsStore::last_sold(const std::vector<core::ItemId>& items) {
    TRY(fold_summaries(db_));
    std::vector<core::LastSold> out;
    for (auto id : items) {
        auto st = db_.prepare("SELECT MAX(local_date) FROM daily_item_sales WHERE item_id = ?");
        if (!st) return st.error();
        st->bind(1, id);
        if (st->step() && !st->is_null(0)) out.push_back({id, st->text(0)});
    }
    return out;
}

Result<std::vector<core::ExpiryLot>> SqliteReportsStore::expiry_lots() {
    // Every receipt line of the items that ever came with an expiry date: lines without a date
    // still hold part of the on-hand when the lots are matched newest first.
    auto st = db_.prepare(
        "SELECT l.item_id, r.number, r.local_date, l.qty, l.expiry FROM goods_receipt_lines l "
        "JOIN goods_receipts r ON r.id = l.receipt_id WHERE r.kind = 'receipt' AND l.item_id IN "
        "(SELECT item_id FROM goods_receipt_lines WHERE expiry <> '') ORDER BY l.item_id, r.id DESC, l.line_no DESC");
    if (!st) return st.error();
    std::vector<core::ExpiryLot> out;
    while (st->step()) out.push_back({st->int64(0), st->text(1), st->text(2), st->int64(3), st->text(4)});
    TRY(done(*st));
    return out;
}

// [SECTION] Item card, shifts, audit

Result<int64_t> SqliteReportsStore::stock_before(core::ItemId item, const std::string& utc_begin) {
    auto st = db_.prepare("SELECT COALESCE(SUM(qty), 0) FROM stock_moves WHERE item_id = ? AND at < ?");
    if (!st) return st.error();
    st->bind(1, item).bind(2, utc_begin);
    if (!st->step()) return st->error();
    return st->int64(0);
}

Result<std::vector<core::StockMove>> SqliteReportsStore::stock_moves_between(core::ItemId item, const std::string& utc_begin,
                                                                             const std::string& utc_end) {
    auto st = db_.prepare(
        "SELECT m.id, m.item_id, i.sku, m.kind, m.qty, m.unit_cost, m.ref, m.reason, m.at, m.user_id "
        "FROM stock_moves m JOIN items i ON i.id = m.item_id WHERE m.item_id = ? AND m.at >= ? AND m.at < ? ORDER BY m.id");
    if (!st) return st.error();
    st->bind(1, item).bind(2, utc_begin).bind(3, utc_end);
    std::vector<core::StockMove> out;
    while (st->step()) {
        core::StockMove m;
        m.id = st->int64(0);
        m.item_id = st->int64(1);
        m.sku = st->text(2);
        m.kind = core::stock_move_kind_from(st->text(3)).value_or(core::StockMoveKind::Adjustment);
        m.qty = st->int64(4);
        m.unit_cost = Money::rp(st->int64(5));
        m.ref = st->text(6);
        m.reason = st->text(7);
        m.at = st->text(8);
        m.user_id = st->int64(9);
        out.push_back(std::move(m));
    }
    TRY(done(*st));
    return out;
}

Result<std::vector<core::Shift>> SqliteReportsStore::shifts_between(const std::string& utc_begin, const std::string& utc_end) {
    auto st = db_.prepare(
        "SELECT id, uuid, device, user_id, user_name, opening_float, opened_at, COALESCE(closed_at, ''), COALESCE(closed_by, 0), "
        "counted_cash, COALESCE(expected_cash, 0) FROM shifts WHERE opened_at >= ? AND opened_at < ? ORDER BY id");
    if (!st) return st.error();
    st->bind(1, utc_begin).bind(2, utc_end);
    std::vector<core::Shift> out;
    while (st->step()) {
        core::Shift s;
        s.id = st->int64(0);
        s.uuid = st->text(1);
        s.device = st->text(2);
        s.user_id = st->int64(3);
        s.user_name = st->text(4);
        s.opening_float = Money::rp(st->int64(5));
        s.opened_at = st->text(6);
        s.closed_at = st->text(7);
        s.closed_by = st->int64(8);
        if (!st->is_null(9)) s.counted_cash = Money::rp(st->int64(9));
        s.expected_cash = Money::rp(st->int64(10));
        out.push_back(std::move(s));
    }
    TRY(done(*st));
    return out;
}

Result<std::vector<core::AuditEntry>> SqliteReportsStore::audit_between(const std::vector<std::string>& actions,
                                                                        const std::string& utc_begin,
                                                                        const std::string& utc_end) {
    std::vector<core::AuditEntry> out;
    auto read = [&](Statement& st) {
        while (st.step())
            out.push_back({st.int64(0), st.text(1), st.int64(2), st.int64(3), st.text(4), st.text(5), st.text(6), st.text(7)});
        return done(st);
    };
    const std::string cols = "SELECT id, at, user_id, approver_id, action, ref, detail, device FROM audit_log ";
    if (actions.empty()) {
        auto st = db_.prepare(cols + "WHERE at >= ? AND at < ?");
        if (!st) return st.error();
        st->bind(1, utc_begin).bind(2, utc_end);
        TRY(read(*st));
    }
    for (auto& a : actions) {   // one index range (action, at) per action
        auto st = db_.prepare(cols + "WHERE action = ? AND at >= ? AND at < ?");
        if (!st) return st.error();
        st->bind(1, a).bind(2, utc_begin).bind(3, utc_end);
        TRY(read(*st));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.id < b.id; });
    return out;
}

// [SECTION] Naive variants (raw sale lines)

Result<std::vector<core::DaySales>> SqliteReportsStore::day_sales_naive(const core::DateRange& r) {
    std::map<std::string, core::DaySales> by;
    {
        auto st = db_.prepare(
            "SELECT local_date, SUM(kind = 'sale'), SUM(kind = 'return'), SUM(CASE WHEN kind = 'sale' THEN total ELSE 0 END), "
            "SUM(CASE WHEN kind = 'return' THEN total ELSE 0 END), SUM(discount), SUM(rounding), SUM(ppn) FROM sales "
            "WHERE local_date BETWEEN ? AND ? GROUP BY local_date");
        if (!st) return st.error();
        st->bind(1, r.from).bind(2, r.to);
        TRY(read_day_sales(*st, by));
    }
    auto st = db_.prepare(
        "SELECT s.local_date, l.total, l.unit_cost, l.qty, l.weighed FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE s.local_date BETWEEN ? AND ?");
    if (!st) return st.error();
    st->bind(1, r.from).bind(2, r.to);
    std::string last;
    core::DaySales* d = nullptr;
    while (st->step()) {
        std::string date = st->text(0);
        if (!d || date != last) {
            d = &by[date];
            d->date = last = date;
        }
        d->revenue += Money::rp(st->int64(1));
        d->cost += Money::rp(core::mul_div_round(st->int64(2), st->int64(3), st->boolean(4) ? 1000 : 1));
    }
    TRY(done(*st));
    std::vector<core::DaySales> out;
    for (auto& [k, v] : by) out.push_back(v);
    return out;
}

Result<std::vector<core::ItemSales>> SqliteReportsStore::item_sales_naive(const core::DateRange& r) {
    auto st = db_.prepare(
        "SELECT l.item_id, l.qty, l.total, l.unit_cost, l.weighed FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE s.local_date BETWEEN ? AND ?");
    if (!st) return st.error();
    st->bind(1, r.from).bind(2, r.to);
    std::unordered_map<core::ItemId, core::ItemSales> by;
    while (st->step()) {
        auto& row = by[st->int64(0)];
        row.item_id = st->int64(0);
        row.qty += st->int64(1);
        row.revenue += Money::rp(st->int64(2));
        row.cost += Money::rp(core::mul_div_round(st->int64(3), st->int64(1), st->boolean(4) ? 1000 : 1));
        ++row.lines;
    }
    TRY(done(*st));
    std::vector<core::ItemSales> out;
    for (auto& [id, row] : by) out.push_back(row);
    TRY(attach_items(out));
    return out;
}

Result<Money> SqliteReportsStore::stock_value_naive() {
    auto st = db_.prepare(
        "SELECT i.cost, i.weighed, COALESCE(SUM(m.qty), 0) FROM items i LEFT JOIN stock_moves m ON m.item_id = i.id GROUP BY i.id");
    if (!st) return st.error();
    int64_t total = 0;
    while (st->step())
        total += core::mul_div_round(st->int64(0), std::max<int64_t>(st->int64(2), 0), st->boolean(1) ? 1000 : 1);
    TRY(done(*st));
    return Money::rp(total);
}

}  // namespace waserda::store
