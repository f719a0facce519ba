// The summaries against the raw sales: for each summary table, its column sums against the same
// sums of sales, sale_lines or sale_payments; on a difference, the first keys (days or months)
// whose figures differ, found by one signed UNION ALL grouped by the key.
#include "pos/store/summary_check.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/store/database.hpp"
#include "pos/store/summaries.hpp"

#include <map>
#include <string>

namespace waserda::store {

namespace {

struct Summary {
    const char* what;          // the finding's sentence (translated when reported)
    const char* table;
    std::vector<const char*> columns;   // names shown in the detail
    const char* summary_sums;  // SELECT of the summary's sums, in `columns` order
    const char* raw_sums;      // the same sums over the raw rows
    const char* differing;     // the first keys whose figures differ (only run on a difference)
};

const std::vector<Summary>& summaries() {
    static const std::vector<Summary> list{
        {"Ringkasan penjualan harian (daily_sales) sama dengan penjualan", "daily_sales",
         {"sales", "returns", "sales_total", "returns_total", "discount", "rounding", "ppn"},
         "SELECT COALESCE(SUM(sales),0), COALESCE(SUM(returns),0), COALESCE(SUM(sales_total),0), COALESCE(SUM(returns_total),0), "
         "COALESCE(SUM(discount),0), COALESCE(SUM(rounding),0), COALESCE(SUM(ppn),0) FROM daily_sales",
         "SELECT COALESCE(SUM(kind = 'sale'),0), COALESCE(SUM(kind = 'return'),0), "
         "COALESCE(SUM(CASE WHEN kind = 'sale' THEN total ELSE 0 END),0), COALESCE(SUM(CASE WHEN kind = 'return' THEN total ELSE 0 END),0), "
         "COALESCE(SUM(discount),0), COALESCE(SUM(rounding),0), COALESCE(SUM(ppn),0) FROM sales",
         "SELECT k FROM (SELECT local_date k, 1 n, total t, discount d, ppn p FROM sales UNION ALL "
         "SELECT local_date, -(sales + returns), -(sales_total + returns_total), -discount, -ppn FROM daily_sales) "
         "GROUP BY k HAVING SUM(n) <> 0 OR SUM(t) <> 0 OR SUM(d) <> 0 OR SUM(p) <> 0 ORDER BY k LIMIT 5"},
        {"Ringkasan pembayaran harian (daily_payments) sama dengan pembayaran", "daily_payments",
         {"count", "amount"},
         "SELECT COALESCE(SUM(count),0), COALESCE(SUM(amount),0) FROM daily_payments",
         "SELECT COUNT(*), COALESCE(SUM(amount),0) FROM sale_payments",
         "SELECT k FROM (SELECT s.local_date k, 1 n, p.amount a FROM sale_payments p JOIN sales s ON s.id = p.sale_id UNION ALL "
         "SELECT local_date, -count, -amount FROM daily_payments) GROUP BY k HAVING SUM(n) <> 0 OR SUM(a) <> 0 ORDER BY k LIMIT 5"},
        {"Ringkasan barang harian (daily_item_sales) sama dengan baris penjualan", "daily_item_sales",
         {"lines", "qty", "revenue", "cost"},
         "SELECT COALESCE(SUM(lines),0), COALESCE(SUM(qty),0), COALESCE(SUM(revenue),0), COALESCE(SUM(cost),0) FROM daily_item_sales",
         "SELECT COUNT(*), COALESCE(SUM(l.qty),0), COALESCE(SUM(l.total),0), COALESCE(SUM(" WASERDA_LINE_COST_SQL "),0) FROM sale_lines l",
         "SELECT k FROM (SELECT s.local_date k, 1 n, l.qty q, l.total r, " WASERDA_LINE_COST_SQL " c FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
         "UNION ALL SELECT local_date, -lines, -qty, -revenue, -cost FROM daily_item_sales) "
         "GROUP BY k HAVING SUM(n) <> 0 OR SUM(q) <> 0 OR SUM(r) <> 0 OR SUM(c) <> 0 ORDER BY k LIMIT 5"},
        {"Ringkasan barang bulanan (monthly_item_sales) sama dengan baris penjualan", "monthly_item_sales",
         {"lines", "qty", "revenue", "cost"},
         "SELECT COALESCE(SUM(lines),0), COALESCE(SUM(qty),0), COALESCE(SUM(revenue),0), COALESCE(SUM(cost),0) FROM monthly_item_sales",
         "SELECT COUNT(*), COALESCE(SUM(l.qty),0), COALESCE(SUM(l.total),0), COALESCE(SUM(" WASERDA_LINE_COST_SQL "),0) FROM sale_lines l",
         "SELECT k FROM (SELECT substr(s.local_date, 1, 7) k, 1 n, l.qty q, l.total r, " WASERDA_LINE_COST_SQL " c FROM sale_lines l "
         "JOIN sales s ON s.id = l.sale_id UNION ALL SELECT month, -lines, -qty, -revenue, -cost FROM monthly_item_sales) "
         "GROUP BY k HAVING SUM(n) <> 0 OR SUM(q) <> 0 OR SUM(r) <> 0 OR SUM(c) <> 0 ORDER BY k LIMIT 5"},
        {"Total harian (daily_totals) sama dengan baris penjualan", "daily_totals",
         {"lines", "qty", "revenue", "cost"},
         "SELECT COALESCE(SUM(lines),0), COALESCE(SUM(qty),0), COALESCE(SUM(revenue),0), COALESCE(SUM(cost),0) FROM daily_totals",
         "SELECT COUNT(*), COALESCE(SUM(l.qty),0), COALESCE(SUM(l.total),0), COALESCE(SUM(" WASERDA_LINE_COST_SQL "),0) FROM sale_lines l",
         "SELECT k FROM (SELECT s.local_date k, 1 n, l.qty q, l.total r, " WASERDA_LINE_COST_SQL " c FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
         "UNION ALL SELECT local_date, -lines, -qty, -revenue, -cost FROM daily_totals) "
         "GROUP BY k HAVING SUM(n) <> 0 OR SUM(q) <> 0 OR SUM(r) <> 0 OR SUM(c) <> 0 ORDER BY k LIMIT 5"},
        {"Ringkasan belanja anggota bulanan (member_month_sales) sama dengan penjualan", "member_month_sales",
         {"sales", "amount"},
         "SELECT COALESCE(SUM(sales),0), COALESCE(SUM(amount),0) FROM member_month_sales",
         "SELECT COUNT(*), COALESCE(SUM(total - rounding),0) FROM sales",
         "SELECT k FROM (SELECT substr(local_date, 1, 7) k, 1 n, total - rounding a FROM sales UNION ALL "
         "SELECT month, -sales, -amount FROM member_month_sales) GROUP BY k HAVING SUM(n) <> 0 OR SUM(a) <> 0 ORDER BY k LIMIT 5"},
    };
    return list;
}


core::Result<std::vector<int64_t>> sums(Database& db, const char* sql, size_t n) {
    auto st = db.prepare(sql);
    if (!st) return st.error();
    if (!st->step()) return st->error();
    std::vector<int64_t> out;
    for (size_t i = 0; i < n; ++i) out.push_back(st->int64(int(i)));
    return out;
}

bool table_exists(Database& db, const char* table) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    return st && st->bind(1, table).step();
}

}  // namespace

core::Status check_summaries(Database& db, std::vector<core::CheckFinding>& out) {
    if (auto st = fold_summaries(db); !st) return st;
    // Three summaries share the sums of sale_lines, two those of sales: each raw scan runs once.
    std::map<std::string, std::vector<int64_t>> raw_done;
    for (auto& s : summaries()) {
        if (!table_exists(db, s.table)) continue;   // an older layout: nothing to check yet
        auto summary = sums(db, s.summary_sums, s.columns.size());
        if (!summary) return summary.error();
        auto& raw_sums = raw_done[s.raw_sums];
        if (raw_sums.empty()) {
            auto r = sums(db, s.raw_sums, s.columns.size());
            if (!r) return r.error();
            raw_sums = std::move(*r);
        }
        const std::vector<int64_t>* raw = &raw_sums;
        std::string detail;
        for (size_t i = 0; i < s.columns.size(); ++i) {
            if ((*summary)[i] == (*raw)[i]) continue;
            detail += (detail.empty() ? "" : "; ") + core::tr("{}: ringkasan {}, data {}", s.columns[i],
                                                              core::format_amount(core::Money::rp((*summary)[i])),
                                                              core::format_amount(core::Money::rp((*raw)[i])));
        }
        if (!detail.empty()) {
            auto st = db.prepare(s.differing);
            if (!st) return st.error();
            std::string keys;
            while (st->step()) keys += (keys.empty() ? "" : ", ") + st->text(0);
            if (!keys.empty()) detail += " " + core::tr("(berbeda pada {})", keys);
        }
        out.push_back({core::tr(s.what), detail.empty(), detail});
    }
    return core::ok_status();
}

}  // namespace waserda::store
