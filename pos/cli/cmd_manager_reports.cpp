// waserda report sales|margin|stock-value|low-stock|slow-movers|expiring|item-card|shifts|audit:
// the manager's reports, each as a table, CSV or JSON, and with --xlsx also as a workbook.
// The tables themselves are core's (report_tables.hpp), shared with the touchscreen's reports.
// (`report stock` belongs to cmd_core.cpp.)
#include "pos/cli/cmd_manager.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/report_tables.hpp"
#include "pos/core/shop.hpp"

#include <iostream>

namespace waserda::cli::manager {

using core::tr;

namespace {

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
            if (a->by == "day") {
                auto rows = svc.sales_by_day(*range);
                if (!rows) return fail(rows.error());
                return emit({core::sales_day_table(*rows, *range)}, a->out, core::sales_day_footer(*rows));
            }
            if (a->by == "hour") {
                auto rows = svc.sales_by_hour(*range);
                if (!rows) return fail(rows.error());
                return emit({core::sales_hour_table(*rows, *range)}, a->out);
            }
            if (a->by == "item" || a->by == "category") {
                bool items = a->by == "item";
                auto rows = items ? svc.sales_by_item(*range) : svc.sales_by_category(*range);
                if (!rows) return fail(rows.error());
                return emit({core::sales_margin_table(*rows, *range, items)}, a->out, core::margin_footer(*rows));
            }
            if (a->by == "cashier") {
                auto rows = svc.sales_by_cashier(*range);
                if (!rows) return fail(rows.error());
                return emit({core::cashier_table(*rows, *range)}, a->out);
            }
            if (a->by == "payment") {
                auto rows = svc.sales_by_payment(*range);
                if (!rows) return fail(rows.error());
                return emit({core::payment_table(*rows, *range)}, a->out);
            }
            auto rows = svc.sales_by_member(*range);
            if (!rows) return fail(rows.error());
            return emit({core::member_split_table(*rows, *range)}, a->out);
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
            return emit({core::margin_table(*rows, *range, items)}, a->out, core::margin_footer(*rows));
        });
    });
}

void add_stock_reports(CLI::App* report, Context& ctx) {
    auto out = std::make_shared<ReportArgs>();
    auto* value = report->add_subcommand("stock-value", tr("Nilai persediaan (HPP rata-rata) dan nilai jual"));
    add_report_options(value, *out, false);
    value->callback([&ctx, out] {
        run([&] {
            auto v = service(ctx).stock_value();
            if (!v) return fail(v.error());
            return emit({core::stock_value_table(v->rows)}, *out, core::stock_value_footer(*v));
        });
    });
    auto* low = report->add_subcommand("low-stock", tr("Barang pada atau di bawah stok minimum"));
    add_report_options(low, *out, false);
    low->callback([&ctx, out] {
        run([&] {
            auto rows = service(ctx).low_stock();
            if (!rows) return fail(rows.error());
            return emit({core::low_stock_table(*rows)}, *out);
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
            return emit({core::slow_movers_table(*rows, *days)}, *out);
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
            return emit({core::expiring_table(*rows, *ahead)}, *out);
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
            return emit({core::item_card_table(*k)}, c->out, core::item_card_footer(*k));
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
            return emit({core::shifts_table(*rows, *range)}, *out);
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
            return emit({core::audit_table(*rows, a->kind, *range)}, a->out, tr("{} catatan", rows->size()));
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
