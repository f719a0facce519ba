// waserda report sales|margin|stock-value|low-stock|slow-movers|expiring|item-card|shifts|audit:
// the manager's reports, each as a table, CSV or JSON, and with --xlsx also as a workbook.
// (`report stock` belongs to cmd_core.cpp.)
#include "pos/cli/cmd_manager.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/shop.hpp"

#include <iostream>

namespace waserda::cli::manager {

using core::tr;

namespace {

core::ReportTable margin_table(const std::string& name, const std::string& title, const std::vector<core::MarginRow>& rows,
                               bool items) {
    core::ReportTable t{name, title, {}, {}, {}};
    if (items) {
        t.header = {"sku", "name", "unit", "qty", "revenue", "cost", "margin", "margin_bp"};
        t.numeric = {false, false, false, true, true, true, true, true};
    } else {
        t.header = {"category", "revenue", "cost", "margin", "margin_bp"};
        t.numeric = {false, true, true, true, true};
    }
    for (auto& r : rows) {
        if (items) t.rows.push_back({r.key, r.name, r.unit, num(r.qty), num(r.revenue), num(r.cost), num(r.margin), num(r.margin_bp)});
        else t.rows.push_back({r.name, num(r.revenue), num(r.cost), num(r.margin), num(r.margin_bp)});
    }
    return t;
}

std::string margin_footer(const std::vector<core::MarginRow>& rows) {
    core::Money revenue, cost;
    for (auto& r : rows) revenue += r.revenue, cost += r.cost;
    return tr("Penjualan {}, HPP {}, laba kotor {} ({})", core::format_rupiah(revenue), core::format_rupiah(cost),
              core::format_rupiah(revenue - cost), core::format_bp(core::margin_bp(revenue - cost, revenue)));
}

void add_sales(CLI::App* report, Context& ctx) {
    struct Args { std::string by = "day"; ReportArgs out; };
    auto a = std::make_shared<Args>();
    auto* cmd = report->add_subcommand("sales", tr("Penjualan per hari, jam, barang, kategori, kasir, metode bayar, anggota"));
    cmd->add_option("--by", a->by, "day|hour|item|category|cashier|payment|member")
        ->check(CLI::IsMember({"day", "hour", "item", "category", "cashier", "payment", "member"}));
    add_report_options(cmd, a->out, true);
    cmd->callback([&ctx, a] {
        run([&] {
            auto range = range_of(ctx, a->out);
            if (!range) return fail(range.error());
            auto& svc = service(ctx);
            std::string period = range->from + " .. " + range->to;
            if (a->by == "day") {
                auto rows = svc.sales_by_day(*range);
                if (!rows) return fail(rows.error());
                core::ReportTable t{"harian", tr("Penjualan harian {}", period),
                                    {"date", "sales", "returns", "gross", "refunds", "net", "discount", "ppn", "cost", "margin", "margin_bp"},
                                    {}, {false, true, true, true, true, true, true, true, true, true, true}};
                for (auto& r : *rows)
                    t.rows.push_back({r.date, num(r.sales_count), num(r.returns_count), num(r.gross), num(r.returns), num(r.net),
                                      num(r.discount), num(r.ppn), num(r.cost), num(r.margin), num(r.margin_bp)});
                auto tot = core::total_of(*rows);
                return emit({t}, a->out,
                            tr("{} penjualan, {} retur, bersih {}, laba kotor {} ({})", tot.sales_count, tot.returns_count,
                               core::format_rupiah(tot.net), core::format_rupiah(tot.margin),
                               core::format_bp(core::margin_bp(tot.margin, tot.revenue))));
            }
            if (a->by == "hour") {
                auto rows = svc.sales_by_hour(*range);
                if (!rows) return fail(rows.error());
                core::ReportTable t{"per_jam", tr("Penjualan per jam {}", period), {"hour", "sales", "returns", "net"}, {},
                                    {false, true, true, true}};
                for (auto& r : *rows)
                    t.rows.push_back({fmt::format("{:02}:00", r.hour), num(r.sales_count), num(r.returns_count), num(r.total)});
                return emit({t}, a->out);
            }
            if (a->by == "item" || a->by == "category") {
                bool items = a->by == "item";
                auto rows = items ? svc.sales_by_item(*range) : svc.sales_by_category(*range);
                if (!rows) return fail(rows.error());
                return emit({margin_table(items ? "per_barang" : "per_kategori",
                                          items ? tr("Penjualan per barang {}", period) : tr("Penjualan per kategori {}", period),
                                          *rows, items)},
                            a->out, margin_footer(*rows));
            }
            if (a->by == "cashier") {
                auto rows = svc.sales_by_cashier(*range);
                if (!rows) return fail(rows.error());
                core::ReportTable t{"per_kasir", tr("Penjualan per kasir {}", period), {"cashier", "sales", "returns", "net"}, {},
                                    {false, true, true, true}};
                for (auto& r : *rows) t.rows.push_back({r.user_name, num(r.sales_count), num(r.returns_count), num(r.total)});
                return emit({t}, a->out);
            }
            if (a->by == "payment") {
                auto rows = svc.sales_by_payment(*range);
                if (!rows) return fail(rows.error());
                core::ReportTable t{"per_metode", tr("Penjualan per metode bayar {}", period), {"method", "payments", "amount"}, {},
                                    {false, true, true}};
                for (auto& r : *rows) t.rows.push_back({core::to_string(r.method), num(r.count), num(r.amount)});
                return emit({t}, a->out);
            }
            auto rows = svc.sales_by_member(*range);
            if (!rows) return fail(rows.error());
            core::ReportTable t{"anggota", tr("Anggota dan bukan anggota {}", period), {"customer", "sales", "returns", "net"}, {},
                                {false, true, true, true}};
            for (auto& r : *rows)
                t.rows.push_back({r.member ? "member" : "non_member", num(r.sales_count), num(r.returns_count), num(r.total)});
            return emit({t}, a->out);
        });
    });
}

void add_margin(CLI::App* report, Context& ctx) {
    struct Args { std::string by = "category"; ReportArgs out; };
    auto a = std::make_shared<Args>();
    auto* cmd = report->add_subcommand("margin", tr("Laba kotor per barang atau kategori (HPP rata-rata saat terjual)"));
    cmd->add_option("--by", a->by, "item|category")->check(CLI::IsMember({"item", "category"}));
    add_report_options(cmd, a->out, true);
    cmd->callback([&ctx, a] {
        run([&] {
            auto range = range_of(ctx, a->out);
            if (!range) return fail(range.error());
            bool items = a->by == "item";
            auto rows = items ? service(ctx).sales_by_item(*range) : service(ctx).sales_by_category(*range);
            if (!rows) return fail(rows.error());
            std::string period = range->from + " .. " + range->to;
            return emit({margin_table(items ? "laba_barang" : "laba_kategori", tr("Laba kotor {}", period), *rows, items)},
                        a->out, margin_footer(*rows));
        });
    });
}

core::ReportTable stock_table(const std::string& name, const std::string& title, const std::vector<core::StockValueRow>& rows) {
    core::ReportTable t{name, title, {"sku", "name", "category", "unit", "on_hand", "min_stock", "cost", "value", "retail_value"},
                        {}, {false, false, false, false, true, true, true, true, true}};
    for (auto& r : rows)
        t.rows.push_back({r.sku, r.name, r.category, r.unit, num(r.on_hand), num(r.min_stock), num(r.cost), num(r.value),
                          num(r.retail_value)});
    return t;
}

void add_stock_reports(CLI::App* report, Context& ctx) {
    auto out = std::make_shared<ReportArgs>();
    auto* value = report->add_subcommand("stock-value", tr("Nilai persediaan (HPP rata-rata) dan nilai jual"));
    add_report_options(value, *out, false);
    value->callback([&ctx, out] {
        run([&] {
            auto v = service(ctx).stock_value();
            if (!v) return fail(v.error());
            return emit({stock_table("nilai_stok", tr("Nilai persediaan"), v->rows)}, *out,
                        tr("{} barang, nilai {}, nilai jual {}, {} barang stoknya minus", v->rows.size(),
                           core::format_rupiah(v->total_value), core::format_rupiah(v->total_retail), v->negative_items));
        });
    });
    auto* low = report->add_subcommand("low-stock", tr("Barang pada atau di bawah stok minimum"));
    add_report_options(low, *out, false);
    low->callback([&ctx, out] {
        run([&] {
            auto rows = service(ctx).low_stock();
            if (!rows) return fail(rows.error());
            return emit({stock_table("stok_minimum", tr("Stok di bawah minimum"), *rows)}, *out);
        });
    });

    auto days = std::make_shared<int>(30);
    auto* slow = report->add_subcommand("slow-movers", tr("Barang yang tidak terjual N hari terakhir"));
    slow->add_option("--days", *days, tr("Jumlah hari (30)"));
    add_report_options(slow, *out, false);
    slow->callback([&ctx, out, days] {
        run([&] {
            auto rows = service(ctx).slow_movers(*days);
            if (!rows) return fail(rows.error());
            core::ReportTable t{"tidak_laku", tr("Tidak terjual {} hari", *days),
                                {"sku", "name", "category", "on_hand", "value", "last_sold", "days_since"}, {},
                                {false, false, false, true, true, false, true}};
            for (auto& r : *rows)
                t.rows.push_back({r.sku, r.name, r.category, num(r.on_hand), num(r.value), r.last_sold,
                                  r.days_since < 0 ? "" : num(r.days_since)});
            return emit({t}, *out);
        });
    });

    auto ahead = std::make_shared<int>(30);
    auto* exp = report->add_subcommand("expiring", tr("Barang kedaluwarsa atau akan kedaluwarsa dalam N hari"));
    exp->add_option("--days", *ahead, tr("Jumlah hari ke depan (30)"));
    add_report_options(exp, *out, false);
    exp->callback([&ctx, out, ahead] {
        run([&] {
            auto rows = service(ctx).expiring(*ahead);
            if (!rows) return fail(rows.error());
            core::ReportTable t{"kedaluwarsa", tr("Kedaluwarsa dalam {} hari", *ahead),
                                {"sku", "name", "unit", "expiry", "days_left", "qty", "value", "receipt"}, {},
                                {false, false, false, false, true, true, true, false}};
            for (auto& r : *rows)
                t.rows.push_back({r.sku, r.name, r.unit, r.expiry, num(static_cast<int64_t>(r.days_left)), num(r.qty), num(r.value),
                                  r.receipt_number});
            return emit({t}, *out);
        });
    });

    struct CardArgs { std::string code; ReportArgs out; };
    auto c = std::make_shared<CardArgs>();
    auto* card = report->add_subcommand("item-card", tr("Kartu stok: setiap mutasi satu barang dengan saldo berjalan"));
    card->add_option("CODE", c->code, tr("Kode barang"))->required();
    add_report_options(card, c->out, true);
    card->callback([&ctx, c] {
        run([&] {
            std::optional<core::DateRange> range;
            if (!c->out.from.empty() || !c->out.to.empty()) {
                auto r = range_of(ctx, c->out);
                if (!r) return fail(r.error());
                range = *r;
            }
            auto k = service(ctx).item_card(c->code, range);
            if (!k) return fail(k.error());
            core::ReportTable t{"kartu_stok", tr("Kartu stok {} {}", k->item.sku, k->item.name),
                                {"at", "kind", "ref", "reason", "qty", "unit_cost", "balance"}, {},
                                {false, false, false, false, true, true, true}};
            t.rows.push_back({"", "opening", "", "", "", "", num(k->opening)});
            for (auto& r : k->rows)
                t.rows.push_back({r.move.at, core::to_string(r.move.kind), r.move.ref, r.move.reason, num(r.move.qty),
                                  num(r.move.unit_cost), num(r.balance)});
            return emit({t}, c->out, tr("Awal {}, masuk {}, keluar {}, akhir {}", k->opening, k->in, -k->out, k->closing));
        });
    });
}

void add_shift_and_audit(CLI::App* report, Context& ctx) {
    auto out = std::make_shared<ReportArgs>();
    auto* shifts = report->add_subcommand("shifts", tr("Shift dan kas: seharusnya, dihitung, selisih"));
    add_report_options(shifts, *out, true);
    shifts->callback([&ctx, out] {
        run([&] {
            auto range = range_of(ctx, *out);
            if (!range) return fail(range.error());
            auto rows = service(ctx).shifts(*range);
            if (!rows) return fail(rows.error());
            core::ReportTable t{"shift", tr("Shift {} .. {}", range->from, range->to),
                                {"device", "cashier", "opened_at", "closed_at", "sales", "returns", "gross", "refunds", "cash_sales",
                                 "cash_moves", "expected_cash", "counted_cash", "difference"},
                                {}, {false, false, false, false, true, true, true, true, true, true, true, true, true}};
            for (auto& r : *rows) {
                auto& f = r.figures;
                bool closed = !r.shift.open();
                t.rows.push_back({r.shift.device, r.shift.user_name, r.shift.opened_at, r.shift.closed_at, num(f.sales_count),
                                  num(f.returns_count), num(f.gross_sales), num(f.returns), num(f.cash_from_sales), num(f.cash_moves),
                                  num(closed ? r.shift.expected_cash : f.expected_cash()),
                                  closed && r.shift.counted_cash ? num(*r.shift.counted_cash) : "", closed ? num(r.difference) : ""});
            }
            return emit({t}, *out);
        });
    });

    struct AuditArgs { std::string kind = "all"; ReportArgs out; };
    auto a = std::make_shared<AuditArgs>();
    auto* audit = report->add_subcommand("audit", tr("Pembatalan, retur, pengesahan harga/kredit, buka laci (log audit)"));
    audit->add_option("--kind", a->kind, "voids|refunds|overrides|drawer|discounts|stock|all")
        ->check(CLI::IsMember({"voids", "refunds", "overrides", "drawer", "discounts", "stock", "all"}));
    add_report_options(audit, a->out, true);
    audit->callback([&ctx, a] {
        run([&] {
            auto range = range_of(ctx, a->out);
            if (!range) return fail(range.error());
            auto rows = service(ctx).audit(a->kind, *range);
            if (!rows) return fail(rows.error());
            core::ReportTable t{"audit_" + a->kind, tr("Log audit ({}) {} .. {}", a->kind, range->from, range->to),
                                {"at", "action", "user", "approver", "ref", "detail", "device"}, {}, {}};
            for (auto& r : *rows)
                t.rows.push_back({r.entry.at, r.entry.action, r.user_name, r.approver_name, r.entry.ref, r.entry.detail,
                                  r.entry.device});
            return emit({t}, a->out, tr("{} catatan", rows->size()));
        });
    });
}

}  // namespace

void register_manager_reports(CLI::App& app, Context& ctx) {
    CLI::App* report = nullptr;
    try {
        report = app.get_subcommand("report");
    } catch (const CLI::OptionNotFound&) {
        report = app.add_subcommand("report", tr("Laporan"));
        report->require_subcommand(1);
    }
    add_sales(report, ctx);
    add_margin(report, ctx);
    add_stock_reports(report, ctx);
    add_shift_and_audit(report, ctx);
}

}  // namespace waserda::cli::manager
