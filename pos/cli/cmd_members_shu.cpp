// waserda report shu, shu credit, report rat.
#include "pos/cli/cmd_members.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/xlsx_export.hpp"

#include <filesystem>
#include <iostream>

namespace waserda::cli::members {

using core::tr;

namespace {

// The RAT's decisions, the same options for every SHU command.
struct ShuArgs {
    int year = 0;
    std::string surplus, jasa_modal, jasa_usaha, cadangan, basis = "year-end", format = "table", user, out_dir, xlsx;
    std::vector<std::string> funds;
    bool include_sukarela = false, all_sales = false, pay_left = false;
};

void add_shu_options(CLI::App* cmd, ShuArgs& a) {
    cmd->add_option("--year", a.year, tr("Tahun buku"))->required();
    cmd->add_option("--surplus", a.surplus, tr("SHU yang dibagi (rupiah)"))->required();
    cmd->add_option("--jasa-modal", a.jasa_modal, tr("Persen SHU untuk jasa modal"))->required();
    cmd->add_option("--jasa-usaha", a.jasa_usaha, tr("Persen SHU untuk jasa usaha"))->required();
    cmd->add_option("--cadangan", a.cadangan, tr("Persen cadangan (bawaan: sisanya)"));
    cmd->add_option("--fund", a.funds, tr("Dana lain NAMA=PERSEN, misalnya \"Dana pengurus=10\""));
    cmd->add_option("--basis", a.basis, tr("Simpanan akhir tahun atau rata-rata bulanan"))
        ->check(CLI::IsMember({"year-end", "average"}));
    cmd->add_flag("--include-sukarela", a.include_sukarela, tr("Simpanan sukarela ikut dihitung untuk jasa modal"));
    cmd->add_flag("--all-sales", a.all_sales, tr("Jasa usaha dibagi dengan seluruh penjualan (termasuk bukan anggota)"));
    cmd->add_flag("--pay-left", a.pay_left, tr("Anggota yang keluar tahun itu tetap mendapat SHU"));
}

core::Result<core::ShuConfig> to_config(const ShuArgs& a) {
    core::ShuConfig c;
    c.year = a.year;
    auto surplus = parse_amount(a.surplus);
    if (!surplus) return surplus.error();
    c.surplus = *surplus;
    auto pct = [](const std::string& text) -> core::Result<int64_t> {
        auto bp = core::parse_percent_bp(text);
        if (!bp) return core::make_error(core::ErrorCode::Invalid, tr("Persentase \"{}\" tidak berlaku; tulis misalnya 20 atau 2.5.", text));
        return *bp;
    };
    auto modal = pct(a.jasa_modal);
    if (!modal) return modal.error();
    auto usaha = pct(a.jasa_usaha);
    if (!usaha) return usaha.error();
    c.jasa_modal_bp = *modal;
    c.jasa_usaha_bp = *usaha;
    if (!a.cadangan.empty()) {
        auto cad = pct(a.cadangan);
        if (!cad) return cad.error();
        c.cadangan_bp = *cad;
    }
    for (auto& f : a.funds) {
        auto eq = f.rfind('=');
        if (eq == std::string::npos || eq == 0)
            return core::make_error(core::ErrorCode::Invalid, tr("Dana \"{}\" tidak berlaku; tulis NAMA=PERSEN.", f));
        auto bp = pct(f.substr(eq + 1));
        if (!bp) return bp.error();
        c.funds.push_back({f.substr(0, eq), *bp});
    }
    c.basis = *core::shu_savings_basis_from(a.basis);
    c.include_sukarela = a.include_sukarela;
    c.all_sales_denominator = a.all_sales;
    c.pay_left_members = a.pay_left;
    return c;
}

nlohmann::json shu_json(const core::ShuResult& r) {
    nlohmann::json pools = nlohmann::json::array();
    for (auto& p : r.pools)
        pools.push_back({{"key", p.key}, {"name", p.name}, {"percent", core::format_percent_bp(p.basis_points)},
                         {"amount", p.amount.rupiah()}});
    nlohmann::json members = nlohmann::json::array();
    for (auto& s : r.shares)
        members.push_back({{"number", s.number}, {"name", s.name}, {"savings", s.savings.rupiah()},
                           {"purchases", s.purchases.rupiah()}, {"jasa_modal", s.jasa_modal.rupiah()},
                           {"jasa_usaha", s.jasa_usaha.rupiah()}, {"total", s.total().rupiah()}});
    return {{"year", r.config.year},
            {"surplus", r.config.surplus.rupiah()},
            {"basis", core::to_string(r.config.basis)},
            {"pools", pools},
            {"purchases_denominator", r.purchases_denominator.rupiah()},
            {"savings_denominator", r.savings_denominator},
            {"jasa_modal", {{"pool", r.jasa_modal_pool.rupiah()}, {"paid", r.jasa_modal_paid.rupiah()},
                            {"retained", r.jasa_modal_retained.rupiah()}}},
            {"jasa_usaha", {{"pool", r.jasa_usaha_pool.rupiah()}, {"paid", r.jasa_usaha_paid.rupiah()},
                            {"retained", r.jasa_usaha_retained.rupiah()}}},
            {"members", members}};
}

}  // namespace

void add_shu(CLI::App& app, Context& ctx) {
    CLI::App* report = app.get_subcommand("report");

    auto a = std::make_shared<ShuArgs>();
    auto* shu = report->add_subcommand("shu", tr("Pembagian SHU tahun buku: pos-pos dan bagian tiap anggota"));
    add_shu_options(shu, *a);
    shu->add_option("--format", a->format, "table|csv|json")->check(CLI::IsMember({"table", "csv", "json"}));
    shu->callback([&ctx, a] {
        run([&] {
            auto config = to_config(*a);
            if (!config) return fail(config.error());
            Services s(ctx);
            auto r = s.service().shu(*config);
            if (!r) return fail(r.error());
            Format f;
            parse_format(a->format, f);
            if (f == Format::Json) {
                std::cout << shu_json(*r).dump(2) << "\n";
            } else if (f == Format::Csv) {
                std::cout << render_report(core::shu_members_table(*r), f);
            } else {
                std::cout << render_report(core::shu_pools_table(*r), f) << "\n" << render_report(core::shu_members_table(*r), f);
                if (!r->jasa_usaha_retained.is_zero() || !r->jasa_modal_retained.is_zero())
                    std::cout << tr("Tidak dibagikan ke anggota: jasa modal {}, jasa usaha {}.", core::format_rupiah(r->jasa_modal_retained),
                                    core::format_rupiah(r->jasa_usaha_retained))
                              << "\n";
            }
            return 0;
        });
    });

    auto c = std::make_shared<ShuArgs>();
    auto* group = app.add_subcommand("shu", tr("SHU: mengkreditkan bagian anggota ke simpanan sukarela"));
    group->require_subcommand(1);
    auto* credit = group->add_subcommand("credit", tr("Mengkreditkan SHU tiap anggota ke sukarela dalam satu catatan (sekali per tahun)"));
    add_shu_options(credit, *c);
    credit->add_option("--user", c->user, tr("Manajer"))->required();
    credit->callback([&ctx, c] {
        run([&] {
            auto config = to_config(*c);
            if (!config) return fail(config.error());
            auto user = acting_user(ctx, c->user);
            if (!user) return fail(user.error());
            Services s(ctx);
            auto p = s.service().credit_shu(*config, *user);
            if (!p) return fail(p.error());
            core::Money total;
            for (auto& e : p->savings) total += e.amount;
            std::cout << tr("SHU {} dikreditkan ke simpanan sukarela {} anggota: {}.", config->year, p->savings.size(),
                            core::format_rupiah(total))
                      << "\n";
            return 0;
        });
    });

    auto r = std::make_shared<ShuArgs>();
    auto* rat = report->add_subcommand("rat", tr("Bahan RAT: rekap anggota, simpanan, kredit, usaha toko dan SHU (CSV/XLSX)"));
    add_shu_options(rat, *r);
    rat->add_option("--out", r->out_dir, tr("Folder untuk file CSV (satu per rekap)"));
    rat->add_option("--xlsx", r->xlsx, tr("File XLSX (satu lembar per rekap)"));
    rat->add_option("--format", r->format, "table|json")->check(CLI::IsMember({"table", "json"}));
    rat->callback([&ctx, r] {
        run([&] {
            auto config = to_config(*r);
            if (!config) return fail(config.error());
            Services s(ctx);
            auto pack = s.service().rat_pack(*config);
            if (!pack) return fail(pack.error());
            if (!r->out_dir.empty()) {
                std::error_code ec;
                std::filesystem::create_directories(r->out_dir, ec);
                for (auto& t : *pack) {
                    std::string path = r->out_dir + "/rat-" + std::to_string(config->year) + "-" + t.name + ".csv";
                    if (!write_file(path, render_report(t, Format::Csv))) return fail(tr("File {} tidak bisa ditulis.", path));
                }
            }
            if (!r->xlsx.empty())
                if (auto st = store::write_xlsx(r->xlsx, *pack); !st) return fail(st.error());
            if (!r->out_dir.empty() || !r->xlsx.empty()) {
                std::cout << tr("Bahan RAT {} ditulis: {} rekap.", config->year, pack->size()) << "\n";
                return 0;
            }
            if (r->format == "json") {
                nlohmann::json j = nlohmann::json::object();
                for (auto& t : *pack) j[t.name] = table_to_json(to_table(t, false), t.numeric);
                std::cout << j.dump(2) << "\n";
            } else {
                for (auto& t : *pack) std::cout << render_report(t, Format::Table) << "\n";
            }
            return 0;
        });
    });
}

}  // namespace waserda::cli::members
