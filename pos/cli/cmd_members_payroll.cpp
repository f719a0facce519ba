// waserda payroll (potong gaji) and consignment (titip jual) commands.
#include "pos/cli/cmd_members.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/xlsx_export.hpp"

#include <iostream>

namespace waserda::cli::members {

using core::tr;

// [SECTION] payroll

void add_payroll(CLI::App& app, Context& ctx) {
    auto* payroll = app.add_subcommand("payroll", tr("Potong gaji: daftar untuk pemberi kerja, posting hasil potongan"));
    payroll->require_subcommand(1);
    struct Args {
        std::string month, user, csv, xlsx, file, format = "table";
    };
    auto a = std::make_shared<Args>();

    auto* list = payroll->add_subcommand("list", tr("Daftar tagihan per anggota, dikelompokkan per unit kerja (tidak disimpan)"));
    list->add_option("--month", a->month, tr("Bulan YYYY-MM"))->required();
    list->add_option("--format", a->format, "table|csv|json")->check(CLI::IsMember({"table", "csv", "json"}));
    list->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            auto l = s.service().payroll_list(a->month);
            if (!l) return fail(l.error());
            Format f;
            parse_format(a->format, f);
            std::cout << render_report(core::payroll_table(*l), f);
            if (f == Format::Table) {
                for (auto& u : l->units())
                    std::cout << tr("Jumlah {}: {}", u.work_unit.empty() ? "-" : u.work_unit, core::format_rupiah(u.total)) << "\n";
                std::cout << tr("Jumlah seluruhnya: {}", core::format_rupiah(l->total)) << "\n";
            }
            return 0;
        });
    });

    auto* exp = payroll->add_subcommand("export", tr("Membuat dan menyimpan daftar bulan ini, ke CSV dan/atau XLSX untuk pemberi kerja"));
    exp->add_option("--month", a->month, tr("Bulan YYYY-MM"))->required();
    exp->add_option("--user", a->user, tr("Manajer"))->required();
    exp->add_option("--csv", a->csv, tr("File CSV"));
    exp->add_option("--xlsx", a->xlsx, tr("File XLSX"));
    exp->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto l = s.service().prepare_payroll(a->month, *user);
            if (!l) return fail(l.error());
            if (!a->csv.empty() && !write_file(a->csv, core::payroll_csv(*l))) return fail(tr("File {} tidak bisa ditulis.", a->csv));
            if (!a->xlsx.empty())
                if (auto st = store::write_payroll_xlsx(a->xlsx, *l, s.shop().settings().shop_name); !st) return fail(st.error());
            if (a->csv.empty() && a->xlsx.empty()) std::cout << core::payroll_csv(*l);
            else std::cout << tr("Daftar potong gaji {}: {} anggota, {}.", a->month, l->lines.size(), core::format_rupiah(l->total)) << "\n";
            return 0;
        });
    });

    auto* settle = payroll->add_subcommand("settle", tr("Memposting hasil potongan dari pemberi kerja (CSV; semua atau tidak sama sekali)"));
    settle->add_option("--month", a->month, tr("Bulan YYYY-MM"))->required();
    settle->add_option("--file", a->file, tr("CSV dari pemberi kerja: number, deducted (atau amount)"))->required();
    settle->add_option("--user", a->user, tr("Manajer"))->required();
    settle->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            std::string text;
            if (!read_file(a->file, text)) return fail(tr("File {} tidak bisa dibaca.", a->file));
            auto out = s.service().settle_payroll(a->month, text, *user);
            if (!out) return fail(out.error());
            if (!out->parse.problems.empty()) {
                std::cerr << core::format_problems(out->parse.problems);
                return fail(tr("Potong gaji tidak diposting: {} masalah, tidak ada yang disimpan.", out->parse.problems.size()));
            }
            std::cout << tr("Potong gaji {} diposting: {} anggota, {}.", a->month, out->parse.lines.size(),
                            core::format_rupiah(out->parse.total))
                      << "\n";
            return 0;
        });
    });
}

// [SECTION] consignor, consignment

void add_consignment(CLI::App& app, Context& ctx) {
    auto* consignor = app.add_subcommand("consignor", tr("Penitip barang (titip jual)"));
    consignor->require_subcommand(1);
    struct ConsignorArgs {
        core::Consignor c;
        std::string fee = "0", user;
    };
    auto ca = std::make_shared<ConsignorArgs>();
    auto* add = consignor->add_subcommand("add", tr("Menambah atau mengubah penitip (menurut kode)"));
    add->add_option("--code", ca->c.code, tr("Kode penitip"))->required();
    add->add_option("--name", ca->c.name, tr("Nama"))->required();
    add->add_option("--phone", ca->c.phone, tr("Telepon"));
    add->add_option("--member", ca->c.member_number, tr("Nomor anggota bila penitip anggota"));
    add->add_option("--fee", ca->fee, tr("Biaya toko dalam persen dari penjualan, misalnya 10"));
    add->add_option("--user", ca->user, tr("Manajer"))->required();
    add->callback([&ctx, ca] {
        run([&] {
            Services s(ctx);
            auto user = acting_user(ctx, ca->user);
            if (!user) return fail(user.error());
            auto fee = core::parse_percent_bp(ca->fee);
            if (!fee) return fail(tr("Persentase \"{}\" tidak berlaku.", ca->fee));
            ca->c.fee_bp = *fee;
            auto c = s.service().add_consignor(*user, ca->c);
            if (!c) return fail(c.error());
            nlohmann::json j{{"id", c->id}, {"code", c->code}, {"name", c->name}, {"member_number", c->member_number},
                             {"fee_percent", core::format_percent_bp(c->fee_bp)}};
            std::cout << j.dump() << "\n";
            return 0;
        });
    });
    auto* list = consignor->add_subcommand("list", tr("Daftar penitip"));
    list->callback([&ctx] {
        run([&] {
            Services s(ctx);
            auto all = s.store().list_consignors();
            if (!all) return fail(all.error());
            Table t{{"code", "name", "member", "fee_percent", "phone"}, {}, {}};
            for (auto& c : *all) t.rows.push_back({c.code, c.name, c.member_number, core::format_percent_bp(c.fee_bp), c.phone});
            std::cout << render_table(t);
            return 0;
        });
    });

    auto* cons = app.add_subcommand("consignment", tr("Titip jual: barang, penerimaan, laporan, pembayaran ke penitip"));
    cons->require_subcommand(1);
    struct Args {
        std::string consignor, sku, price, user, note, from, to, method = "transfer", format = "table";
        std::vector<std::string> items;
    };
    auto a = std::make_shared<Args>();
    auto* item = cons->add_subcommand("item", tr("Menjadikan barang titipan seorang penitip (harga pokok 0)"));
    item->add_option("--sku", a->sku, "SKU")->required();
    item->add_option("--consignor", a->consignor, tr("Kode penitip"))->required();
    item->add_option("--price", a->price, tr("Harga yang disepakati ke penitip per satuan (tanpa: biaya toko berlaku)"));
    item->add_option("--user", a->user, tr("Manajer"))->required();
    item->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            std::optional<core::Money> price;
            if (!a->price.empty()) {
                auto p = parse_amount(a->price);
                if (!p) return fail(p.error());
                price = *p;
            }
            if (auto st = s.service().set_consignment_item(*user, a->sku, a->consignor, price); !st) return fail(st.error());
            std::cout << tr("{} sekarang barang titipan {}.", a->sku, a->consignor) << "\n";
            return 0;
        });
    });
    auto* receive = cons->add_subcommand("receive", tr("Menerima barang titipan (atau mengembalikan dengan jumlah negatif)"));
    receive->add_option("--consignor", a->consignor, tr("Kode penitip"))->required();
    receive->add_option("--item", a->items, tr("SKUxJUMLAH (gram untuk barang timbang)"))->required();
    receive->add_option("--user", a->user, tr("Manajer"))->required();
    receive->add_option("--note", a->note, tr("Catatan"));
    receive->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            std::vector<std::pair<std::string, int64_t>> lines;
            for (auto& arg : a->items) {
                auto x = arg.rfind('x');
                int64_t qty = 0;
                try {
                    size_t used = 0;
                    if (x == std::string::npos || x == 0) throw std::invalid_argument("no qty");
                    qty = std::stoll(arg.substr(x + 1), &used);
                    if (used != arg.size() - x - 1) throw std::invalid_argument("junk");
                } catch (...) {
                    return fail(tr("Barang \"{}\" tidak berlaku; tulis SKUxJUMLAH.", arg));
                }
                lines.emplace_back(arg.substr(0, x), qty);
            }
            auto p = s.service().receive_consignment(*user, a->consignor, lines, a->note);
            if (!p) return fail(p.error());
            std::cout << core::posting_payload(*p).dump() << "\n";
            return 0;
        });
    });
    auto* report = cons->add_subcommand("report", tr("Laporan penitip untuk satu periode: terjual, biaya, yang harus dibayar, sisa stok"));
    report->add_option("--consignor", a->consignor, tr("Kode penitip"))->required();
    report->add_option("--from", a->from, tr("Tanggal awal YYYY-MM-DD"))->required();
    report->add_option("--to", a->to, tr("Tanggal akhir YYYY-MM-DD"))->required();
    report->add_option("--format", a->format, "table|csv|json|text")->check(CLI::IsMember({"table", "csv", "json", "text"}));
    report->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            auto st = s.service().consignment_statement(a->consignor, a->from, a->to);
            if (!st) return fail(st.error());
            if (a->format == "text") {
                std::cout << core::consignment_text(*st, s.shop().settings().shop_name, 42);
                return 0;
            }
            Format f;
            parse_format(a->format, f);
            std::cout << render_report(core::consignment_table(*st), f);
            return 0;
        });
    });
    auto* pay = cons->add_subcommand("pay", tr("Membayar penitip untuk penjualan periode itu yang belum dibayar (dicatat; tidak bisa dua kali)"));
    pay->add_option("--consignor", a->consignor, tr("Kode penitip"))->required();
    pay->add_option("--from", a->from, tr("Tanggal awal YYYY-MM-DD"))->required();
    pay->add_option("--to", a->to, tr("Tanggal akhir YYYY-MM-DD"))->required();
    pay->add_option("--user", a->user, tr("Manajer"))->required();
    pay->add_option("--method", a->method, "cash|transfer|savings")->check(CLI::IsMember({"cash", "transfer", "savings"}));
    pay->callback([&ctx, a] {
        run([&] {
            Services s(ctx);
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto method = core::payment_method_from(a->method);
            auto paid = s.service().pay_consignment(*user, a->consignor, a->from, a->to, *method);
            if (!paid) return fail(paid.error());
            nlohmann::json j{{"number", paid->payment.number}, {"consignor", a->consignor}, {"sold", paid->payment.sold.rupiah()},
                             {"fee", paid->payment.fee.rupiah()}, {"due", paid->payment.due.rupiah()},
                             {"method", paid->payment.method}, {"lines", paid->statement.lines.size()}};
            std::cout << j.dump() << "\n";
            return 0;
        });
    });
}

}  // namespace waserda::cli::members
