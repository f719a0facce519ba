// waserda credit arrears, statement, leave; the registration of the members' commands (payroll
// and consignment in cmd_members_payroll.cpp, SHU and the RAT pack in cmd_members_shu.cpp).
//
// [SECTION] Shared helpers
// [SECTION] credit arrears
// [SECTION] statement
// [SECTION] leave
// [SECTION] Registration
#include "pos/cli/cmd_members.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/shop.hpp"

#include <iostream>

namespace waserda::cli {

using core::tr;

namespace members {

// [SECTION] Shared helpers

Services::Services(Context& ctx) : shop_(ctx.shop()), store_(ctx.sqlite_store()), service_(shop_, store_) {}

void run(const std::function<int()>& body) { exit_code() = body(); }


core::Result<core::Money> parse_amount(const std::string& text) {
    auto m = core::parse_rupiah(text);
    if (!m || m->is_negative())
        return core::make_error(core::ErrorCode::Invalid, tr("Jumlah \"{}\" tidak berlaku; tulis rupiah utuh, misalnya 50000.", text));
    return *m;
}

Table to_table(const core::ReportTable& t, bool for_screen) {
    Table out{t.header, {}, t.numeric};
    for (auto& row : t.rows) {
        std::vector<std::string> cells = row;
        if (for_screen)
            for (size_t c = 0; c < cells.size() && c < t.numeric.size(); ++c) {
                if (!t.numeric[c] || cells[c].empty()) continue;
                try {
                    cells[c] = core::format_amount(core::Money::rp(std::stoll(cells[c])));
                } catch (...) {
                }
            }
        out.rows.push_back(std::move(cells));
    }
    return out;
}

std::string render_report(const core::ReportTable& t, Format f) {
    if (f == Format::Table) return t.title + "\n" + render_table(to_table(t, true));
    return render(to_table(t, false), f, t.numeric);
}

namespace {

// [SECTION] credit arrears

void add_credit(CLI::App& app, Context& ctx) {
    auto* credit = app.add_subcommand("credit", tr("Kredit anggota: tunggakan"));
    credit->require_subcommand(1);
    struct Args {
        int set_days = 0;
        std::string user, format = "table";
    };
    auto a = std::make_shared<Args>();
    auto* arrears = credit->add_subcommand("arrears", tr("Anggota yang menunggak (kredit lebih tua dari batas hari belum lunas)"));
    arrears->add_option("--set-days", a->set_days, tr("Ubah batas hari tunggakan (bawaan 30)"));
    arrears->add_option("--user", a->user, tr("Admin yang mengubah batas hari"));
    arrears->add_option("--format", a->format, "table|csv|json")->check(CLI::IsMember({"table", "csv", "json"}));
    arrears->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            if (a->set_days) {
                auto user = acting_user(ctx, a->user);
                if (!user) return fail(user.error());
                if (auto st = s.service().set_arrears_days(*user, a->set_days); !st) return fail(st.error());
            }
            int days = s.shop().settings().credit.arrears_days;
            auto rows = s.service().members_in_arrears();
            if (!rows) return fail(rows.error());
            Format f;
            parse_format(a->format, f);
            core::ReportTable t{"tunggakan", tr("Anggota menunggak (kredit lebih dari {} hari)", days),
                                {"number", "name", "work_unit", "owed", "overdue", "since"}, {},
                                {false, false, false, true, true, false}};
            int offset = s.shop().settings().utc_offset_minutes;
            for (auto& r : *rows)
                t.rows.push_back({r.member.number, r.member.name, r.member.work_unit, std::to_string(r.status.owed.rupiah()),
                                  std::to_string(r.status.overdue.rupiah()), core::local_date_of(r.status.oldest_unpaid_at, offset)});
            std::cout << render_report(t, f);
            return 0;
        });
    });
}

// [SECTION] statement

void add_statement(CLI::App& app, Context& ctx) {
    struct Args {
        std::string member, from, to, format = "text";
        int width = 42;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("statement", tr("Rekening anggota: simpanan, belanja, kredit, pelunasan dan saldo untuk satu periode"));
    cmd->add_option("--member", a->member, tr("Nomor anggota"))->required();
    cmd->add_option("--from", a->from, tr("Tanggal awal YYYY-MM-DD"))->required();
    cmd->add_option("--to", a->to, tr("Tanggal akhir YYYY-MM-DD"))->required();
    cmd->add_option("--format", a->format, tr("text (untuk printer struk), csv atau json"))
        ->check(CLI::IsMember({"text", "csv", "json"}));
    cmd->add_option("--width", a->width, tr("Lebar struk dalam karakter: 32, 42 atau 48"))->check(CLI::IsMember({32, 42, 48}));
    cmd->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            auto st = s.service().statement(a->member, a->from, a->to);
            if (!st) return fail(st.error());
            if (a->format == "text") {
                std::cout << core::statement_text(*st, s.shop().settings().shop_name, a->width);
            } else if (a->format == "csv") {
                std::cout << core::statement_csv(*st);
            } else {
                auto bal = [](const core::MemberBalances& b) {
                    return nlohmann::json{{"pokok", b.pokok.rupiah()}, {"wajib", b.wajib.rupiah()},
                                          {"sukarela", b.sukarela.rupiah()}, {"owed", b.owed.rupiah()}};
                };
                nlohmann::json lines = nlohmann::json::array();
                for (auto& l : st->lines)
                    lines.push_back({{"date", l.local_date}, {"what", l.what}, {"ref", l.ref}, {"amount", l.amount.rupiah()}});
                nlohmann::json j{{"member", core::to_json(st->member)}, {"from", st->from}, {"to", st->to},
                                 {"opening", bal(st->opening)}, {"closing", bal(st->closing)}, {"lines", lines},
                                 {"purchases", st->purchases.rupiah()}, {"purchases_on_credit", st->purchases_on_credit.rupiah()},
                                 {"credit_taken", st->credit_taken.rupiah()}, {"repaid", st->repaid.rupiah()}};
                std::cout << j.dump(2) << "\n";
            }
            return 0;
        });
    });
}

// [SECTION] leave

void add_leave(CLI::App& app, Context& ctx) {
    struct Args {
        std::string member, user, note;
        bool drawer = false, preview = false, print = false;
        int width = 42;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("leave", tr("Anggota keluar: simpanan pokok + wajib + sukarela dikurangi utang dibayarkan"));
    cmd->add_option("--member", a->member, tr("Nomor anggota"))->required();
    cmd->add_option("--user", a->user, tr("Manajer yang mencatat"));
    cmd->add_option("--note", a->note, tr("Catatan (alasan keluar)"));
    cmd->add_flag("--drawer", a->drawer, tr("Dibayar dari laci kasir (perlu shift terbuka)"));
    cmd->add_flag("--preview", a->preview, tr("Hanya hitung, tidak dicatat"));
    cmd->add_flag("--print", a->print, tr("Cetak bukti penyelesaian (teks) alih-alih JSON"));
    cmd->add_option("--width", a->width, tr("Lebar struk dalam karakter: 32, 42 atau 48"))->check(CLI::IsMember({32, 42, 48}));
    cmd->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            core::LeavingSettlement settlement;
            if (a->preview) {
                auto p = s.service().leaving_preview(a->member);
                if (!p) return fail(p.error());
                settlement = *p;
            } else {
                auto user = acting_user(ctx, a->user);
                if (!user) return fail(user.error());
                auto done = s.service().leave({a->member, *user, std::nullopt, a->drawer, a->note});
                if (!done) return fail(done.error());
                settlement = done->settlement;
            }
            if (a->print) {
                std::cout << core::leaving_text(settlement, s.shop().settings().shop_name, s.shop().today_local(), a->width);
                return 0;
            }
            nlohmann::json j{{"member", core::to_json(settlement.member)},
                             {"pokok", settlement.balances.pokok.rupiah()},
                             {"wajib", settlement.balances.wajib.rupiah()},
                             {"sukarela", settlement.balances.sukarela.rupiah()},
                             {"savings_total", settlement.savings_total.rupiah()},
                             {"debt_offset", settlement.debt_offset.rupiah()},
                             {"payout", settlement.payout.rupiah()},
                             {"debt_left", settlement.debt_left.rupiah()},
                             {"recorded", !a->preview}};
            std::cout << j.dump(2) << "\n";
            return 0;
        });
    });
}

}  // namespace
}  // namespace members

// [SECTION] Registration

void register_member_commands(CLI::App& app, Context& ctx) {
    members::add_credit(app, ctx);
    members::add_statement(app, ctx);
    members::add_leave(app, ctx);
    members::add_payroll(app, ctx);
    members::add_consignment(app, ctx);
    members::add_shu(app, ctx);
}

}  // namespace waserda::cli
