// Folding the raw sales into the report summaries, a batch at a time (see summaries.hpp).
#include "pos/store/summaries.hpp"

#include "pos/store/database.hpp"
#include "pos/store/try.hpp"

namespace waserda::store {

#define TRY WASERDA_TRY

namespace {

// ?1 = the mark (last sale folded), ?2 = the last sale to fold now. Each statement adds the
// batch's sums to the rows it already has; the triggers on daily_item_sales carry its changes on
// to monthly_item_sales and daily_totals.
constexpr const char* kFoldItems =
    "INSERT INTO daily_item_sales(local_date, item_id, qty, revenue, cost, lines) "
    "SELECT s.local_date, l.item_id, SUM(l.qty), SUM(l.total), SUM(" WASERDA_LINE_COST_SQL "), COUNT(*) "
    "FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.id > ?1 AND s.id <= ?2 GROUP BY 1, 2 "
    "ON CONFLICT(local_date, item_id) DO UPDATE SET qty = qty + excluded.qty, revenue = revenue + excluded.revenue, "
    "cost = cost + excluded.cost, lines = lines + excluded.lines";

constexpr const char* kFoldSales =
    "INSERT INTO daily_sales(local_date, hour, user_id, member, sales, returns, sales_total, returns_total, discount, "
    "rounding, ppn) "
    "SELECT local_date, " WASERDA_LOCAL_HOUR_SQL("at") ", user_id, member_id IS NOT NULL, SUM(kind = 'sale'), "
    "SUM(kind = 'return'), SUM(CASE WHEN kind = 'sale' THEN total ELSE 0 END), "
    "SUM(CASE WHEN kind = 'return' THEN total ELSE 0 END), SUM(discount), SUM(rounding), SUM(ppn) "
    "FROM sales WHERE id > ?1 AND id <= ?2 GROUP BY 1, 2, 3, 4 "
    "ON CONFLICT(local_date, hour, user_id, member) DO UPDATE SET sales = sales + excluded.sales, "
    "returns = returns + excluded.returns, sales_total = sales_total + excluded.sales_total, "
    "returns_total = returns_total + excluded.returns_total, discount = discount + excluded.discount, "
    "rounding = rounding + excluded.rounding, ppn = ppn + excluded.ppn";

constexpr const char* kFoldMembers =
    "INSERT INTO member_month_sales(member_id, month, amount, sales) "
    "SELECT COALESCE(member_id, 0), substr(local_date, 1, 7), SUM(total - rounding), COUNT(*) "
    "FROM sales WHERE id > ?1 AND id <= ?2 GROUP BY 1, 2 "
    "ON CONFLICT(member_id, month) DO UPDATE SET amount = amount + excluded.amount, sales = sales + excluded.sales";

constexpr const char* kFoldPayments =
    "INSERT INTO daily_payments(local_date, method, count, amount) "
    "SELECT s.local_date, p.method, COUNT(*), SUM(p.amount) FROM sales s JOIN sale_payments p ON p.sale_id = s.id "
    "WHERE s.id > ?1 AND s.id <= ?2 GROUP BY 1, 2 "
    "ON CONFLICT(local_date, method) DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount";

// The mark and the newest sale, read in the caller's transaction (or outside one).
core::Result<std::pair<int64_t, int64_t>> pending(Database& db) {
    auto st = db.prepare("SELECT (SELECT sale_id FROM summary_mark WHERE id = 1), (SELECT COALESCE(MAX(id), 0) FROM sales)");
    if (!st) return st.error();
    if (!st->step()) return st->error();
    return std::pair<int64_t, int64_t>{st->int64(0), st->int64(1)};
}

}  // namespace

core::Status fold_summaries(Database& db) {
    auto seen = pending(db);
    if (!seen) return seen.error();
    if (seen->second <= seen->first) return core::ok_status();
    Transaction tx(db);
    TRY(tx.begun());
    auto range = pending(db);   // again inside the write lock: another program may have folded
    if (!range) return range.error();
    auto [mark, last] = *range;
    if (last <= mark) return core::ok_status();
    for (const char* sql : {kFoldItems, kFoldSales, kFoldMembers, kFoldPayments}) {
        auto st = db.prepare(sql);
        if (!st) return st.error();
        TRY(st->bind(1, mark).bind(2, last).run());
    }
    auto up = db.prepare("UPDATE summary_mark SET sale_id = ? WHERE id = 1");
    if (!up) return up.error();
    TRY(up->bind(1, last).run());
    return tx.commit();
}

}  // namespace waserda::store
