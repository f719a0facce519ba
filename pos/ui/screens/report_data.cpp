// The reports the screens show: their list and how each is read from core::ManagerService into a
// ReportData (core's tables, formatted cells, totals, and the series for the chart).
#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/inventory.hpp"
#include "pos/core/manager_service.hpp"
#include "pos/core/report_tables.hpp"
#include "pos/ui/screens/report_screens.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace waserda::ui {

using core::tr;

namespace {
int g_loads = 0;
}

int report_loads() { return g_loads; }

std::vector<ReportDef> report_defs() {
    const std::string sales = tr("Penjualan"), margin = tr("Laba kotor"), stock = tr("Stok"), cash = tr("Kas dan audit");
    using P = ReportParam;
    using C = ChartKind;
    return {
        {"sales_day", sales, tr("Penjualan per hari"), P::Period, C::Line},
        {"sales_hour", sales, tr("Penjualan per jam"), P::Period, C::Columns},
        {"sales_item", sales, tr("Barang terlaris"), P::Period, C::Bars},
        {"sales_category", sales, tr("Penjualan per kategori"), P::Period, C::Bars},
        {"sales_cashier", sales, tr("Penjualan per kasir"), P::Period, C::Bars},
        {"sales_payment", sales, tr("Metode bayar"), P::Period, C::Shares},
        {"sales_member", sales, tr("Anggota dan bukan anggota"), P::Period, C::Shares},
        {"margin_item", margin, tr("Laba kotor per barang"), P::Period, C::Bars},
        {"margin_category", margin, tr("Laba kotor per kategori"), P::Period, C::Bars},
        {"stock_value", stock, tr("Nilai persediaan"), P::None, C::Bars},
        {"low_stock", stock, tr("Stok di bawah minimum"), P::None, C::None},
        {"slow_movers", stock, tr("Barang tidak laku"), P::Days, C::None},
        {"expiring", stock, tr("Kedaluwarsa"), P::Days, C::None},
        {"shifts", cash, tr("Shift dan kas"), P::Period, C::None},
        {"audit", cash, tr("Log audit"), P::Period, C::None},
    };
}

namespace {

std::string method_name(core::PaymentMethod m) {
    switch (m) {
        case core::PaymentMethod::Cash: return tr("Tunai");
        case core::PaymentMethod::MemberCredit: return tr("Kredit anggota");
        case core::PaymentMethod::Savings: return tr("Simpanan");
        case core::PaymentMethod::Qris: return "QRIS";
        case core::PaymentMethod::Transfer: return tr("Transfer");
        case core::PaymentMethod::Card: return tr("Kartu");
    }
    return core::to_string(m);
}

// "23/11" for a line chart's day.
std::string day_label(const std::string& date) { return date.size() == 10 ? date.substr(8, 2) + "/" + date.substr(5, 2) : date; }

// Top rows for a bar chart: the first `n` (the rows come largest first).
void top(chart::Series& s, size_t n) {
    if (s.values.size() > n) {
        s.values.resize(n);
        s.labels.resize(n);
    }
}

// Which numeric columns add up (a unit cost, a minimum, days, or quantities that mix pieces and
// grams do not).
bool sums(const std::string& report, const std::string& column) {
    if (core::is_bp_column(column)) return false;
    static const std::set<std::string> never{"min_stock", "days_since", "days_left", "unit_cost", "balance", "qty", "on_hand"};
    if (never.count(column)) return false;
    if ((report == "stock_value" || report == "low_stock") && column == "cost") return false;
    return true;
}

// The columns as the screen orders them: the name and the figures first, codes last (the export
// keeps core's order). Columns not named here follow in core's order.
std::vector<size_t> display_order(const std::string& report, const core::ReportTable& t) {
    std::vector<std::string> first;
    if (report == "stock_value" || report == "low_stock")
        first = {"name", "on_hand", "min_stock", "value", "retail_value", "cost", "category", "unit"};
    else if (report == "sales_item" || report == "margin_item")
        first = {"name", "qty", "unit", "revenue", "cost", "margin", "margin_bp"};
    else if (report == "slow_movers")
        first = {"name", "on_hand", "value", "last_sold", "days_since", "category"};
    else if (report == "expiring")
        first = {"name", "expiry", "days_left", "qty", "unit", "value"};
    else if (report == "shifts")
        first = {"cashier", "opened_at", "closed_at"};
    std::vector<size_t> order;
    for (auto& name : first)
        for (size_t c = 0; c < t.header.size(); ++c)
            if (t.header[c] == name) order.push_back(c);
    for (size_t c = 0; c < t.header.size(); ++c)
        if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
    return order;
}

// A cell as the screen shows it: core's number formatting, local times, names in the UI's language.
std::string screen_cell(const core::ReportTable& t, size_t c, const std::string& cell, int utc_offset_minutes) {
    const std::string& col = c < t.header.size() ? t.header[c] : std::string();
    if (cell.empty()) return cell;
    if (col == "at" || col == "opened_at" || col == "closed_at")
        return core::local_datetime(core::parse_iso_utc(cell), utc_offset_minutes);
    if (col == "customer") return cell == "member" ? tr("Anggota") : tr("Bukan anggota");
    if (col == "method") {
        for (auto m : {core::PaymentMethod::Cash, core::PaymentMethod::MemberCredit, core::PaymentMethod::Savings,
                       core::PaymentMethod::Qris, core::PaymentMethod::Transfer, core::PaymentMethod::Card})
            if (core::to_string(m) == cell) return method_name(m);
    }
    return core::display_cell(t, c, cell);
}

void finish(ReportData& d) {
    if (d.tables.empty()) return;
    const auto& t = d.tables.front();
    auto order = display_order(d.id, t);
    for (size_t c : order) {
        d.columns.push_back(t.header[c]);
        d.numeric.push_back(c < t.numeric.size() && t.numeric[c]);
    }
    // Weighed goods count grams; on screen they read as kilograms ("57,600 kg").
    size_t unit_col = size_t(std::find(t.header.begin(), t.header.end(), "unit") - t.header.begin());
    d.cells.reserve(t.rows.size());
    for (auto& row : t.rows) {
        bool grams = unit_col < row.size() && row[unit_col] == "kg";
        std::vector<std::string> out(order.size());
        for (size_t i = 0; i < order.size(); ++i) {
            size_t c = order[i];
            if (c >= row.size()) continue;
            const std::string& col = t.header[c];
            if (grams && !row[c].empty() && (col == "qty" || col == "on_hand" || col == "min_stock"))
                out[i] = qty_text(std::stoll(row[c]), true, "kg");
            else
                out[i] = screen_cell(t, c, row[c], d.query.utc_offset_minutes);
        }
        d.cells.push_back(std::move(out));
    }
    d.totals_row.assign(order.size(), "");
    bool any = false;
    for (size_t i = 0; i < order.size(); ++i) {
        size_t c = order[i];
        if (!d.numeric[i] || !sums(d.id, t.header[c])) continue;
        int64_t total = 0;
        for (auto& row : t.rows)
            if (c < row.size() && !row[c].empty()) total += std::stoll(row[c]);
        d.totals[t.header[c]] = total;
        d.totals_row[i] = core::display_cell(t, c, std::to_string(total));
        any = true;
    }
    // The margin's percentage of the totals: margin / (margin + cost).
    for (size_t i = 0; i < order.size(); ++i)
        if (d.columns[i] == "margin_bp" && d.totals.count("margin") && d.totals.count("cost")) {
            int64_t bp = core::margin_bp(core::Money::rp(d.totals["margin"]), core::Money::rp(d.totals["margin"] + d.totals["cost"]));
            d.totals["margin_bp"] = bp;
            d.totals_row[i] = core::format_bp(bp);
        }
    if (any && !d.totals_row.empty() && d.totals_row[0].empty()) d.totals_row[0] = tr("Jumlah");
    if (!any) d.totals_row.clear();
}

}  // namespace

ReportData load_report(core::ManagerService& svc, const ReportDef& def, const ReportQuery& q) {
    ++g_loads;
    ReportData d;
    d.id = def.id;
    d.query = q;
    const auto& r = q.range;
    auto fail = [&](const core::Error& e) {
        d.error = e.message;
        return d;
    };
    if (def.id == "sales_day") {
        auto rows = svc.sales_by_day(r);
        if (!rows) return fail(rows.error());
        d.tables = {core::sales_day_table(*rows, r)};
        d.footer = core::sales_day_footer(*rows);
        d.chart_title = tr("Penjualan bersih per hari");
        // Every day of the period up to today, a day without sales at zero.
        std::string last = std::min(r.to, q.today.empty() ? r.to : q.today);
        size_t k = 0;
        for (std::string day = r.from; day <= last && d.series.values.size() < 400; day = core::add_days(day, 1)) {
            while (k < rows->size() && (*rows)[k].date < day) ++k;
            int64_t v = k < rows->size() && (*rows)[k].date == day ? (*rows)[k].net.rupiah() : 0;
            d.series.labels.push_back(day_label(day));
            d.series.tips.push_back(day.substr(8, 2) + "/" + day.substr(5, 2) + "/" + day.substr(0, 4));
            d.series.values.push_back(v);
        }
    } else if (def.id == "sales_hour") {
        auto rows = svc.sales_by_hour(r);
        if (!rows) return fail(rows.error());
        d.tables = {core::sales_hour_table(*rows, r)};
        d.chart_title = tr("Penjualan bersih per jam");
        d.series.values.assign(24, 0);
        for (int h = 0; h < 24; ++h) {
            d.series.labels.push_back(fmt::format("{:02}", h));
            d.series.tips.push_back(fmt::format("{:02}:00–{:02}:59", h, h));
        }
        for (auto& h : *rows)
            if (h.hour >= 0 && h.hour < 24) d.series.values[size_t(h.hour)] += h.total.rupiah();
    } else if (def.id == "sales_item" || def.id == "sales_category" || def.id == "margin_item" || def.id == "margin_category") {
        bool items = def.id == "sales_item" || def.id == "margin_item";
        bool margin = def.id.rfind("margin", 0) == 0;
        auto rows = items ? svc.sales_by_item(r) : svc.sales_by_category(r);
        if (!rows) return fail(rows.error());
        d.tables = {margin ? core::margin_table(*rows, r, items) : core::sales_margin_table(*rows, r, items)};
        d.footer = core::margin_footer(*rows);
        std::vector<core::MarginRow> sorted = *rows;
        if (margin)
            std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.margin > b.margin; });
        for (auto& m : sorted) {
            d.series.labels.push_back(m.name);
            d.series.values.push_back(margin ? m.margin.rupiah() : m.revenue.rupiah());
        }
        top(d.series, 15);
        d.chart_title = margin ? (items ? tr("Laba kotor terbesar per barang") : tr("Laba kotor per kategori"))
                               : (items ? tr("Barang terlaris (penjualan)") : tr("Penjualan per kategori"));
    } else if (def.id == "sales_cashier") {
        auto rows = svc.sales_by_cashier(r);
        if (!rows) return fail(rows.error());
        d.tables = {core::cashier_table(*rows, r)};
        auto sorted = *rows;
        std::stable_sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.total > b.total; });
        for (auto& c : sorted) {
            d.series.labels.push_back(c.user_name);
            d.series.values.push_back(c.total.rupiah());
        }
        top(d.series, 15);
        d.chart_title = tr("Penjualan bersih per kasir");
    } else if (def.id == "sales_payment") {
        auto rows = svc.sales_by_payment(r);
        if (!rows) return fail(rows.error());
        d.tables = {core::payment_table(*rows, r)};
        for (auto& p : *rows) {
            d.series.labels.push_back(method_name(p.method));
            d.series.values.push_back(p.amount.rupiah());
        }
        d.chart_title = tr("Bagian tiap metode bayar");
    } else if (def.id == "sales_member") {
        auto rows = svc.sales_by_member(r);
        if (!rows) return fail(rows.error());
        d.tables = {core::member_split_table(*rows, r)};
        for (auto& m : *rows) {
            d.series.labels.push_back(m.member ? tr("Anggota") : tr("Bukan anggota"));
            d.series.values.push_back(m.total.rupiah());
        }
        d.chart_title = tr("Belanja anggota dan bukan anggota");
    } else if (def.id == "stock_value") {
        auto v = svc.stock_value();
        if (!v) return fail(v.error());
        d.tables = {core::stock_value_table(v->rows)};
        d.footer = core::stock_value_footer(*v);
        std::map<std::string, int64_t> by_cat;
        for (auto& s : v->rows) by_cat[s.category.empty() ? tr("Tanpa kategori") : s.category] += s.value.rupiah();
        std::vector<std::pair<std::string, int64_t>> cats(by_cat.begin(), by_cat.end());
        std::stable_sort(cats.begin(), cats.end(), [](auto& a, auto& b) { return a.second > b.second; });
        for (auto& [name, value] : cats) {
            d.series.labels.push_back(name);
            d.series.values.push_back(value);
        }
        top(d.series, 15);
        d.chart_title = tr("Nilai persediaan per kategori (HPP)");
    } else if (def.id == "low_stock") {
        auto rows = svc.low_stock();
        if (!rows) return fail(rows.error());
        d.tables = {core::low_stock_table(*rows)};
        d.footer = tr("{} barang pada atau di bawah stok minimum", rows->size());
    } else if (def.id == "slow_movers") {
        auto rows = svc.slow_movers(q.days);
        if (!rows) return fail(rows.error());
        d.tables = {core::slow_movers_table(*rows, q.days)};
        core::Money value;
        for (auto& s : *rows) value += s.value;
        d.footer = tr("{} barang tidak terjual {} hari, nilai {}", rows->size(), q.days, core::format_rupiah(value));
    } else if (def.id == "expiring") {
        auto rows = svc.expiring(q.days);
        if (!rows) return fail(rows.error());
        d.tables = {core::expiring_table(*rows, q.days)};
        core::Money value;
        int expired = 0;
        for (auto& e : *rows) value += e.value, expired += e.days_left < 0;
        d.footer = tr("{} partai, {} sudah kedaluwarsa, nilai {}", rows->size(), expired, core::format_rupiah(value));
    } else if (def.id == "shifts") {
        auto rows = svc.shifts(r);
        if (!rows) return fail(rows.error());
        d.tables = {core::shifts_table(*rows, r)};
        core::Money diff;
        for (auto& s : *rows) diff += s.difference;
        d.footer = tr("{} shift, selisih kas {}", rows->size(), core::format_rupiah(diff));
    } else if (def.id == "audit") {
        auto rows = svc.audit(q.audit_kind, r);
        if (!rows) return fail(rows.error());
        d.tables = {core::audit_table(*rows, q.audit_kind, r)};
        d.footer = tr("{} catatan", rows->size());
    }
    finish(d);
    return d;
}

}  // namespace waserda::ui
