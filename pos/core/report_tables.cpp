#include "pos/core/report_tables.hpp"

#include "pos/core/i18n.hpp"

#include <fmt/format.h>

#include <charconv>

namespace waserda::core {

namespace {
std::string num(int64_t v) { return std::to_string(v); }
std::string num(Money m) { return std::to_string(m.rupiah()); }
}  // namespace

std::string period_text(const DateRange& r) { return r.from + " .. " + r.to; }

// [SECTION] Sales

ReportTable sales_day_table(const std::vector<SalesDayRow>& rows, const DateRange& r) {
    ReportTable t{"harian", tr("Penjualan harian {}", period_text(r)),
                  {"date", "sales", "returns", "gross", "refunds", "net", "discount", "ppn", "cost", "margin", "margin_bp"},
                  {}, {false, true, true, true, true, true, true, true, true, true, true}};
    for (auto& d : rows)
        t.rows.push_back({d.date, num(d.sales_count), num(d.returns_count), num(d.gross), num(d.returns), num(d.net),
                          num(d.discount), num(d.ppn), num(d.cost), num(d.margin), num(d.margin_bp)});
    return t;
}

std::string sales_day_footer(const std::vector<SalesDayRow>& rows) {
    auto tot = total_of(rows);
    return tr("{} penjualan, {} retur, bersih {}, laba kotor {} ({})", tot.sales_count, tot.returns_count,
              format_rupiah(tot.net), format_rupiah(tot.margin), format_bp(margin_bp(tot.margin, tot.revenue)));
}

ReportTable sales_hour_table(const std::vector<HourSales>& rows, const DateRange& r) {
    ReportTable t{"per_jam", tr("Penjualan per jam {}", period_text(r)), {"hour", "sales", "returns", "net"}, {},
                  {false, true, true, true}};
    for (auto& h : rows) t.rows.push_back({fmt::format("{:02}:00", h.hour), num(h.sales_count), num(h.returns_count), num(h.total)});
    return t;
}

namespace {
ReportTable margin_rows(const std::string& name, const std::string& title, const std::vector<MarginRow>& rows, bool items) {
    ReportTable t{name, title, {}, {}, {}};
    if (items) {
        t.header = {"sku", "name", "unit", "qty", "revenue", "cost", "margin", "margin_bp"};
        t.numeric = {false, false, false, true, true, true, true, true};
    } else {
        t.header = {"category", "revenue", "cost", "margin", "margin_bp"};
        t.numeric = {false, true, true, true, true};
    }
    for (auto& m : rows) {
        if (items) t.rows.push_back({m.key, m.name, m.unit, num(m.qty), num(m.revenue), num(m.cost), num(m.margin), num(m.margin_bp)});
        else t.rows.push_back({m.name, num(m.revenue), num(m.cost), num(m.margin), num(m.margin_bp)});
    }
    return t;
}
}  // namespace

ReportTable sales_margin_table(const std::vector<MarginRow>& rows, const DateRange& r, bool items) {
    return margin_rows(items ? "per_barang" : "per_kategori",
                       items ? tr("Penjualan per barang {}", period_text(r)) : tr("Penjualan per kategori {}", period_text(r)),
                       rows, items);
}

ReportTable margin_table(const std::vector<MarginRow>& rows, const DateRange& r, bool items) {
    return margin_rows(items ? "laba_barang" : "laba_kategori", tr("Laba kotor {}", period_text(r)), rows, items);
}

std::string margin_footer(const std::vector<MarginRow>& rows) {
    Money revenue, cost;
    for (auto& m : rows) revenue += m.revenue, cost += m.cost;
    return tr("Penjualan {}, HPP {}, laba kotor {} ({})", format_rupiah(revenue), format_rupiah(cost), format_rupiah(revenue - cost),
              format_bp(margin_bp(revenue - cost, revenue)));
}

ReportTable cashier_table(const std::vector<CashierSales>& rows, const DateRange& r) {
    ReportTable t{"per_kasir", tr("Penjualan per kasir {}", period_text(r)), {"cashier", "sales", "returns", "net"}, {},
                  {false, true, true, true}};
    for (auto& c : rows) t.rows.push_back({c.user_name, num(c.sales_count), num(c.returns_count), num(c.total)});
    return t;
}

ReportTable payment_table(const std::vector<PaymentSales>& rows, const DateRange& r) {
    ReportTable t{"per_metode", tr("Penjualan per metode bayar {}", period_text(r)), {"method", "payments", "amount"}, {},
                  {false, true, true}};
    for (auto& p : rows) t.rows.push_back({to_string(p.method), num(p.count), num(p.amount)});
    return t;
}

ReportTable member_split_table(const std::vector<MemberSplit>& rows, const DateRange& r) {
    ReportTable t{"anggota", tr("Anggota dan bukan anggota {}", period_text(r)), {"customer", "sales", "returns", "net"}, {},
                  {false, true, true, true}};
    for (auto& m : rows) t.rows.push_back({m.member ? "member" : "non_member", num(m.sales_count), num(m.returns_count), num(m.total)});
    return t;
}

// [SECTION] Stock

namespace {
ReportTable stock_rows(const std::string& name, const std::string& title, const std::vector<StockValueRow>& rows) {
    ReportTable t{name, title, {"sku", "name", "category", "unit", "on_hand", "min_stock", "cost", "value", "retail_value"}, {},
                  {false, false, false, false, true, true, true, true, true}};
    for (auto& s : rows)
        t.rows.push_back({s.sku, s.name, s.category, s.unit, num(s.on_hand), num(s.min_stock), num(s.cost), num(s.value),
                          num(s.retail_value)});
    return t;
}
}  // namespace

ReportTable stock_value_table(const std::vector<StockValueRow>& rows) { return stock_rows("nilai_stok", tr("Nilai persediaan"), rows); }

std::string stock_value_footer(const StockValuation& v) {
    return tr("{} barang, nilai {}, nilai jual {}, {} barang stoknya minus", v.rows.size(), format_rupiah(v.total_value),
              format_rupiah(v.total_retail), v.negative_items);
}

ReportTable low_stock_table(const std::vector<StockValueRow>& rows) {
    return stock_rows("stok_minimum", tr("Stok di bawah minimum"), rows);
}

ReportTable slow_movers_table(const std::vector<SlowMoverRow>& rows, int days) {
    ReportTable t{"tidak_laku", tr("Tidak terjual {} hari", days), {"sku", "name", "category", "on_hand", "value", "last_sold", "days_since"},
                  {}, {false, false, false, true, true, false, true}};
    for (auto& s : rows)
        t.rows.push_back({s.sku, s.name, s.category, num(s.on_hand), num(s.value), s.last_sold, s.days_since < 0 ? "" : num(s.days_since)});
    return t;
}

ReportTable expiring_table(const std::vector<ExpiryRow>& rows, int days) {
    ReportTable t{"kedaluwarsa", tr("Kedaluwarsa dalam {} hari", days),
                  {"sku", "name", "unit", "expiry", "days_left", "qty", "value", "receipt"}, {},
                  {false, false, false, false, true, true, true, false}};
    for (auto& e : rows)
        t.rows.push_back({e.sku, e.name, e.unit, e.expiry, num(static_cast<int64_t>(e.days_left)), num(e.qty), num(e.value),
                          e.receipt_number});
    return t;
}

ReportTable item_card_table(const ItemCard& card) {
    ReportTable t{"kartu_stok", tr("Kartu stok {} {}", card.item.sku, card.item.name),
                  {"at", "kind", "ref", "reason", "qty", "unit_cost", "balance"}, {}, {false, false, false, false, true, true, true}};
    t.rows.push_back({"", "opening", "", "", "", "", num(card.opening)});
    for (auto& r : card.rows)
        t.rows.push_back({r.move.at, to_string(r.move.kind), r.move.ref, r.move.reason, num(r.move.qty), num(r.move.unit_cost),
                          num(r.balance)});
    return t;
}

std::string item_card_footer(const ItemCard& card) {
    return tr("Awal {}, masuk {}, keluar {}, akhir {}", card.opening, card.in, -card.out, card.closing);
}

// [SECTION] Shifts and the audit log

ReportTable shifts_table(const std::vector<ShiftReportRow>& rows, const DateRange& r) {
    ReportTable t{"shift", tr("Shift {} .. {}", r.from, r.to),
                  {"device", "cashier", "opened_at", "closed_at", "sales", "returns", "gross", "refunds", "cash_sales", "cash_moves",
                   "expected_cash", "counted_cash", "difference"},
                  {}, {false, false, false, false, true, true, true, true, true, true, true, true, true}};
    for (auto& s : rows) {
        auto& f = s.figures;
        bool closed = !s.shift.open();
        t.rows.push_back({s.shift.device, s.shift.user_name, s.shift.opened_at, s.shift.closed_at, num(f.sales_count),
                          num(f.returns_count), num(f.gross_sales), num(f.returns), num(f.cash_from_sales), num(f.cash_moves),
                          num(closed ? s.shift.expected_cash : f.expected_cash()),
                          closed && s.shift.counted_cash ? num(*s.shift.counted_cash) : "", closed ? num(s.difference) : ""});
    }
    return t;
}

ReportTable audit_table(const std::vector<AuditRow>& rows, const std::string& kind, const DateRange& r) {
    ReportTable t{"audit_" + kind, tr("Log audit ({}) {} .. {}", kind, r.from, r.to),
                  {"at", "action", "user", "approver", "ref", "detail", "device"}, {}, {}};
    for (auto& a : rows)
        t.rows.push_back({a.entry.at, a.entry.action, a.user_name, a.approver_name, a.entry.ref, a.entry.detail, a.entry.device});
    return t;
}

// [SECTION] Display

bool is_bp_column(const std::string& h) { return h.size() > 3 && h.compare(h.size() - 3, 3, "_bp") == 0; }

std::string display_cell(const ReportTable& t, size_t column, const std::string& cell) {
    if (column >= t.numeric.size() || !t.numeric[column] || cell.empty()) return cell;
    int64_t v = 0;
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
    if (ec != std::errc() || end != cell.data() + cell.size()) return cell;
    bool bp = column < t.header.size() && is_bp_column(t.header[column]);
    return bp ? format_bp(v) : format_amount(Money::rp(v));
}

}  // namespace waserda::core
