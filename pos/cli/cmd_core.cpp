// waserda init, item, member, user, settings, report stock, check, backup, demo generate.
#include "pos/cli/commands.hpp"
#include "pos/cli/output.hpp"
#include "pos/core/catalog_io.hpp"
#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/demo.hpp"
#include "pos/store/import.hpp"
#include "pos/store/members_store.hpp"
#include "pos/store/sqlite_store.hpp"

#include <iostream>

namespace waserda::cli {

using core::tr;

namespace {

// Sets the exit code from a command body. Bodies return 0 or fail(...).
void run(const std::function<int()>& body) { exit_code() = body(); }

std::string local_stamp(const core::Shop& shop) {
    auto t = shop.clock().now() + std::chrono::minutes(shop.settings().utc_offset_minutes);
    std::string iso = core::iso_utc(t);  // shifted: reads as local time
    return core::compact_date(iso.substr(0, 10)) + "-" + iso.substr(11, 2) + iso.substr(14, 2) + iso.substr(17, 2);
}

// [SECTION] init

void add_init(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("init", tr("Membuat database toko (dengan --demo: toko contoh)"));
    auto* demo = cmd->add_flag("--demo")->description(tr("Isi dengan toko contoh: 300+ barang, 60 anggota, pengguna demo"));
    cmd->callback([&ctx, demo] {
        run([&] {
            auto& shop = ctx.shop();
            if (demo->count()) {
                if (auto st = store::create_demo_shop(ctx.sqlite_store(), shop, ctx.assets_dir); !st) return fail(st.error());
                std::cout << tr("Toko contoh dibuat di {}.", ctx.db_path) << "\n";
                return 0;
            }
            std::cout << tr("Database siap di {}.", ctx.db_path) << "\n";
            auto users = ctx.store().list_users();
            if (users && users->empty())
                std::cout << tr("Buat admin pertama: waserda user add --name NAMA --role admin --pin PIN") << "\n";
            return 0;
        });
    });
}

// [SECTION] item

void add_item(CLI::App& app, Context& ctx) {
    auto* item = app.add_subcommand("item", tr("Barang: tambah, impor, ekspor"));
    item->require_subcommand(1);

    struct AddArgs {
        std::string sku, name, unit = "pcs", category, price, member_price, cost = "0";
        std::vector<std::string> barcodes;
        bool weighed = false, no_tax = false;
        int64_t min_stock = 0;
    };
    auto a = std::make_shared<AddArgs>();
    auto* add = item->add_subcommand("add", tr("Menambah atau mengubah satu barang (menurut SKU)"));
    add->add_option("--sku", a->sku, "SKU / PLU")->required();
    add->add_option("--name", a->name, tr("Nama barang"))->required();
    add->add_option("--price", a->price, tr("Harga umum (termasuk PPN)"))->required();
    add->add_option("--member-price", a->member_price, tr("Harga anggota"));
    add->add_option("--cost", a->cost, tr("Harga pokok"));
    add->add_option("--unit", a->unit, tr("Satuan: pcs, kg, liter..."));
    add->add_option("--category", a->category, tr("Kategori"));
    add->add_option("--barcode", a->barcodes, tr("Kode batang, boleh KODExJUMLAH untuk kemasan (karton)"));
    add->add_flag("--weighed", a->weighed, tr("Dijual per berat (harga per kg, jumlah dalam gram)"));
    add->add_flag("--no-tax", a->no_tax, tr("Tidak kena PPN"));
    add->add_option("--min-stock", a->min_stock, tr("Stok minimum"));
    add->callback([&ctx, a] {
        run([&] {
            auto price = core::parse_rupiah(a->price);
            auto member = a->member_price.empty() ? price : core::parse_rupiah(a->member_price);
            auto cost = core::parse_rupiah(a->cost);
            if (!price || !member || !cost) return fail(tr("Harga harus angka rupiah utuh, misalnya 12500 atau 12.500."));
            core::Item it;
            it.sku = a->sku;
            it.name = a->name;
            it.unit = a->weighed ? "kg" : a->unit;
            it.category = a->category;
            it.price = *price;
            it.member_price = *member;
            it.cost = *cost;
            it.weighed = a->weighed;
            it.taxable = !a->no_tax;
            it.min_stock = a->min_stock;
            for (auto& b : a->barcodes) {
                core::ItemBarcode bc;
                auto x = b.find('x');
                bc.code = b.substr(0, x);
                if (x != std::string::npos) {
                    try {
                        bc.pack_qty = std::stoll(b.substr(x + 1));
                    } catch (...) {
                        return fail(tr("Jumlah kemasan pada {} tidak berlaku.", b));
                    }
                }
                if (!core::has_valid_check_digit(bc.code))
                    return fail(tr("Kode batang {} salah: digit pemeriksa tidak cocok.", bc.code));
                if (bc.pack_qty <= 0) return fail(tr("Jumlah kemasan pada {} tidak berlaku.", b));
                it.barcodes.push_back(bc);
            }
            // --barcode given: the item's codes become these; none given: an existing item keeps its own.
            auto id = ctx.store().save_item(it, a->barcodes.empty() ? core::BarcodeWrite::Keep : core::BarcodeWrite::Replace);
            if (!id) return fail(id.error());
            std::cout << core::to_json(*ctx.store().item_by_id(*id).value()).dump() << "\n";
            return 0;
        });
    });

    auto file = std::make_shared<std::string>();
    auto* imp = item->add_subcommand("import", tr("Impor barang dari CSV (semua atau tidak sama sekali)"));
    imp->add_option("FILE", *file, "CSV")->required();
    imp->callback([&ctx, file] {
        run([&] {
            std::string text;
            if (!read_file(*file, text)) return fail(tr("File {} tidak bisa dibaca.", *file));
            auto& shop = ctx.shop();
            auto parsed = core::items_from_csv(text, shop.settings().in_store_rules);
            if (!parsed.problems.empty()) {
                std::cerr << core::format_problems(parsed.problems);
                return fail(tr("Impor dibatalkan: {} kesalahan, tidak ada yang disimpan.", parsed.problems.size()));
            }
            if (auto st = store::import_items(ctx.sqlite_store(), shop, parsed); !st) return fail(st.error());
            std::cout << tr("{} barang diimpor.", parsed.items.size()) << "\n";
            return 0;
        });
    });

    auto out = std::make_shared<std::string>();
    auto* exp = item->add_subcommand("export", tr("Ekspor barang ke CSV (ke layar bila tanpa FILE)"));
    exp->add_option("FILE", *out, "CSV");
    exp->callback([&ctx, out] {
        run([&] {
            auto items = ctx.store().list_items(true);
            if (!items) return fail(items.error());
            std::string csv = core::items_to_csv(*items);
            if (out->empty()) std::cout << csv;
            else if (!write_file(*out, csv)) return fail(tr("File {} tidak bisa ditulis.", *out));
            return 0;
        });
    });
}

// [SECTION] member

void add_member(CLI::App& app, Context& ctx) {
    auto* member = app.add_subcommand("member", tr("Anggota: tambah, impor, ekspor"));
    member->require_subcommand(1);
    auto m = std::make_shared<core::Member>();
    auto status = std::make_shared<std::string>("active");
    auto* add = member->add_subcommand("add", tr("Menambah atau mengubah anggota (menurut nomor)"));
    add->add_option("--number", m->number, tr("Nomor anggota"))->required();
    add->add_option("--name", m->name, tr("Nama"))->required();
    add->add_option("--card", m->card_code, tr("Kode kartu anggota"));
    add->add_option("--work-unit", m->work_unit, tr("Unit kerja (untuk potong gaji)"));
    add->add_option("--phone", m->phone, tr("Telepon"));
    add->add_option("--joined", m->joined_on, tr("Tanggal masuk YYYY-MM-DD"));
    add->add_option("--status", *status, "active|inactive|left")->check(CLI::IsMember({"active", "inactive", "left"}));
    add->callback([&ctx, m, status] {
        run([&] {
            m->status = core::member_status_from(*status).value_or(core::MemberStatus::Active);
            if (m->joined_on.empty()) m->joined_on = ctx.shop().today_local();
            auto id = ctx.store().save_member(*m);
            if (!id) return fail(id.error());
            std::cout << core::to_json(*ctx.store().member_by_id(*id).value()).dump() << "\n";
            return 0;
        });
    });
    auto file = std::make_shared<std::string>();
    auto* imp = member->add_subcommand("import", tr("Impor anggota dan saldo awal dari CSV (semua atau tidak sama sekali)"));
    imp->add_option("FILE", *file, "CSV")->required();
    imp->callback([&ctx, file] {
        run([&] {
            std::string text;
            if (!read_file(*file, text)) return fail(tr("File {} tidak bisa dibaca.", *file));
            auto parsed = core::members_from_csv(text);
            if (!parsed.problems.empty()) {
                std::cerr << core::format_problems(parsed.problems);
                return fail(tr("Impor dibatalkan: {} kesalahan, tidak ada yang disimpan.", parsed.problems.size()));
            }
            if (auto st = store::import_members(ctx.sqlite_store(), ctx.shop(), parsed); !st) return fail(st.error());
            std::cout << tr("{} anggota diimpor.", parsed.members.size()) << "\n";
            return 0;
        });
    });
    auto out = std::make_shared<std::string>();
    auto* exp = member->add_subcommand("export", tr("Ekspor anggota dan saldo ke CSV"));
    exp->add_option("FILE", *out, "CSV");
    exp->callback([&ctx, out] {
        run([&] {
            auto members = ctx.store().list_members();
            if (!members) return fail(members.error());
            std::vector<core::MemberBalances> balances;
            for (auto& mm : *members) {
                auto b = ctx.store().member_balances(mm.id);
                if (!b) return fail(b.error());
                balances.push_back(*b);
            }
            std::string csv = core::members_to_csv(*members, balances);
            if (out->empty()) std::cout << csv;
            else if (!write_file(*out, csv)) return fail(tr("File {} tidak bisa ditulis.", *out));
            return 0;
        });
    });
}

// [SECTION] user, settings

void add_user_changes(CLI::App& user, Context& ctx);

void add_user(CLI::App& app, Context& ctx) {
    auto* user = app.add_subcommand("user", tr("Pengguna: tambah, daftar, ganti PIN, peran, aktif/nonaktif"));
    user->require_subcommand(1);
    struct Args { std::string name, role, pin; };
    auto a = std::make_shared<Args>();
    auto* add = user->add_subcommand("add", tr("Menambah pengguna"));
    add->add_option("--name", a->name, tr("Nama"))->required();
    add->add_option("--role", a->role, "cashier|supervisor|manager|admin")->required()
        ->check(CLI::IsMember({"cashier", "supervisor", "manager", "admin"}));
    add->add_option("--pin", a->pin, tr("PIN 4-8 angka"))->required();
    add->callback([&ctx, a] {
        run([&] {
            auto u = ctx.shop().add_user(std::nullopt, a->name, *core::role_from(a->role), a->pin);
            if (!u) return fail(u.error());
            std::cout << tr("Pengguna {} ({}) dibuat.", u->name, a->role) << "\n";
            return 0;
        });
    });
    auto* list = user->add_subcommand("list", tr("Daftar pengguna"));
    list->callback([&ctx] {
        run([&] {
            auto users = ctx.store().list_users();
            if (!users) return fail(users.error());
            Table t{{"name", "role", "active"}, {}, {}};
            for (auto& u : *users) t.rows.push_back({u.name, core::to_string(u.role), u.active ? "1" : "0"});
            std::cout << render_table(t);
            return 0;
        });
    });
    add_user_changes(*user, ctx);
}

// waserda user pin|role|activate|deactivate NAME --user ADMIN: the same rules as the touchscreen
// (core::Shop): ManageUsers from --user or an approver, audited, never without an active admin.
void add_user_changes(CLI::App& user, Context& ctx) {
    struct Args { std::string name, role, new_pin, by, approver, approver_pin; };
    auto a = std::make_shared<Args>();
    // Who acts, as everywhere in the CLI: --user, or an admin's --approver/--approver-pin.
    auto actor_options = [a](CLI::App* cmd) {
        cmd->add_option("NAME", a->name, tr("Pengguna yang diubah"))->required();
        cmd->add_option("--user", a->by, tr("Admin yang mengubah"))->required();
        cmd->add_option("--approver", a->approver, tr("Admin yang menyetujui"));
        cmd->add_option("--approver-pin", a->approver_pin, tr("PIN yang menyetujui"));
    };
    // Runs `change` as the acting user; prints `done` when core accepts.
    auto act = [&ctx, a](const std::function<core::Status(const core::User&, const std::optional<core::User>&)>& change,
                         const std::function<std::string()>& done) {
        run([&] {
            auto actor = acting_user(ctx, a->by);
            if (!actor) return fail(actor.error());
            auto appr = approver(ctx, a->approver, a->approver_pin, core::Permission::ManageUsers);
            if (!appr) return fail(appr.error());
            if (auto st = change(*actor, *appr); !st) return fail(st.error());
            std::cout << done() << "\n";
            return 0;
        });
    };

    auto* pin = user.add_subcommand("pin", tr("Mengganti PIN pengguna"));
    actor_options(pin);
    pin->add_option("--new-pin", a->new_pin, tr("PIN baru 4-8 angka"))->required();
    pin->callback([&ctx, a, act] {
        act([&ctx, a](const core::User& u, const std::optional<core::User>& ap) { return ctx.shop().reset_pin(u, ap, a->name, a->new_pin); },
            [a] { return tr("PIN {} sudah diganti.", a->name); });
    });

    auto* role = user.add_subcommand("role", tr("Mengganti peran pengguna"));
    actor_options(role);
    role->add_option("ROLE", a->role, "cashier|supervisor|manager|admin")->required()
        ->check(CLI::IsMember({"cashier", "supervisor", "manager", "admin"}));
    role->callback([&ctx, a, act] {
        act([&ctx, a](const core::User& u, const std::optional<core::User>& ap) {
                return ctx.shop().set_user_role(u, ap, a->name, *core::role_from(a->role));
            },
            [a] { return tr("Peran {} sekarang {}.", a->name, a->role); });
    });

    for (bool active : {true, false}) {
        auto* cmd = user.add_subcommand(active ? "activate" : "deactivate",
                                        active ? tr("Mengaktifkan pengguna lagi") : tr("Menonaktifkan pengguna (tidak bisa masuk lagi)"));
        actor_options(cmd);
        cmd->callback([&ctx, a, act, active] {
            act([&ctx, a, active](const core::User& u, const std::optional<core::User>& ap) {
                    return ctx.shop().set_user_active(u, ap, a->name, active);
                },
                [a, active] { return active ? tr("{} aktif kembali.", a->name) : tr("{} dinonaktifkan; tidak bisa masuk lagi.", a->name); });
        });
    }
}

void add_settings(CLI::App& app, Context& ctx) {
    auto* settings = app.add_subcommand("settings", tr("Pengaturan toko: tampilkan, ubah"));
    settings->require_subcommand(1);
    auto* show = settings->add_subcommand("show", tr("Menampilkan semua pengaturan"));
    show->callback([&ctx] {
        run([&] {
            Table t{{"key", "value"}, {}, {}};
            for (auto& [k, v] : core::settings_to_kv(ctx.shop().settings())) t.rows.push_back({k, v});
            std::cout << render_table(t);
            return 0;
        });
    });
    auto kv = std::make_shared<std::pair<std::string, std::string>>();
    auto* set = settings->add_subcommand("set", tr("Mengubah satu pengaturan: KEY VALUE"));
    set->add_option("KEY", kv->first)->required();
    set->add_option("VALUE", kv->second)->required();
    set->callback([&ctx, kv] {
        run([&] {
            core::ShopSettings s = ctx.shop().settings();
            if (auto st = core::set_setting(s, kv->first, kv->second); !st) return fail(st.error());
            if (auto st = ctx.store().save_settings(s); !st) return fail(st.error());
            std::cout << kv->first << " = " << kv->second << "\n";
            return 0;
        });
    });
}

// [SECTION] report stock, check, backup, demo generate

void add_report_stock(CLI::App& app, Context& ctx) {
    auto* report = app.add_subcommand("report", tr("Laporan"));
    report->require_subcommand(1);
    struct Args { std::string format = "table"; bool low = false; };
    auto a = std::make_shared<Args>();
    auto* stock = report->add_subcommand("stock", tr("Stok per barang dan nilainya"));
    stock->add_option("--format", a->format, "table|csv|json")->check(CLI::IsMember({"table", "csv", "json"}));
    stock->add_flag("--low", a->low, tr("Hanya barang di bawah stok minimum"));
    stock->callback([&ctx, a] {
        run([&] {
            Format f;
            parse_format(a->format, f);
            auto items = ctx.store().list_items(false);
            if (!items) return fail(items.error());
            Table t{{"sku", "name", "category", "unit", "on_hand", "min_stock", "cost", "value", "flag"}, {}, {}};
            t.right_aligned = {false, false, false, false, true, true, true, true, false};
            int64_t total_value = 0;
            for (auto& it : *items) {
                bool low = it.on_hand <= it.min_stock;
                if (a->low && !low) continue;
                int64_t value = core::mul_div_round(it.cost.rupiah(), std::max<int64_t>(it.on_hand, 0), core::qty_scale(it));
                total_value += value;
                std::string flag = it.on_hand < 0 ? "NEGATIVE" : (low ? "LOW" : "");
                bool table = f == Format::Table;
                t.rows.push_back({it.sku, it.name, it.category, it.unit, std::to_string(it.on_hand), std::to_string(it.min_stock),
                                  table ? core::format_amount(it.cost) : std::to_string(it.cost.rupiah()),
                                  table ? core::format_amount(core::Money::rp(value)) : std::to_string(value), flag});
            }
            std::cout << render(t, f, {false, false, false, false, true, true, true, true, false});
            if (f == Format::Table)
                std::cout << tr("{} barang, nilai stok {}", t.rows.size(), core::format_rupiah(core::Money::rp(total_value))) << "\n";
            return 0;
        });
    });
}

void add_check(CLI::App& app, Context& ctx) {
    auto* check = app.add_subcommand("check", tr("Memeriksa keutuhan database dan buku-buku toko"));
    check->callback([&ctx] {
        run([&] {
            auto findings = ctx.store().check();
            if (!findings) return fail(findings.error());
            store::SqliteMembersStore members(ctx.sqlite_store());
            auto member_findings = members.check();   // potong gaji, SHU, titip jual, saldo anggota
            if (!member_findings) return fail(member_findings.error());
            findings->insert(findings->end(), member_findings->begin(), member_findings->end());
            bool all_ok = true;
            for (auto& f : *findings) {
                std::cout << (f.ok ? "OK    " : tr("GAGAL ")) << f.what << (f.detail.empty() ? "" : ": " + f.detail) << "\n";
                all_ok = all_ok && f.ok;
            }
            return all_ok ? 0 : 1;
        });
    });
}

void add_backup(CLI::App& app, Context& ctx) {
    auto file = std::make_shared<std::string>();
    auto* backup = app.add_subcommand("backup", tr("Mencadangkan database (aman saat kasir berjalan)"));
    auto* file_opt = backup->add_option("FILE", *file, tr("File tujuan"));
    auto* auto_flag = backup->add_flag("--auto")->description(tr("Cadangan harian ke folder pengaturan backup.dir, simpan N terakhir"));
    backup->callback([&ctx, file, file_opt, auto_flag] {
        run([&] {
            auto& shop = ctx.shop();
            if (auto_flag->count()) {
                if (shop.settings().backup_dir.empty())
                    return fail(tr("Folder cadangan belum diatur: waserda settings set backup.dir /media/usb/cadangan"));
                auto path = store::auto_backup(ctx.sqlite_store(), shop.settings().backup_dir, shop.settings().backup_keep,
                                               local_stamp(shop));
                if (!path) return fail(path.error());
                std::cout << (path->empty() ? tr("Cadangan hari ini sudah ada.") : tr("Cadangan dibuat: {}", *path)) << "\n";
                return 0;
            }
            if (!file_opt->count()) return fail(tr("Sebutkan FILE tujuan atau --auto."));
            if (auto st = ctx.store().backup_to(*file); !st) return fail(st.error());
            std::cout << tr("Cadangan dibuat: {}", *file) << "\n";
            return 0;
        });
    });
}

void add_demo(CLI::App& app, Context& ctx) {
    auto* demo = app.add_subcommand("demo", tr("Data contoh"));
    demo->require_subcommand(1);
    auto spec = std::make_shared<store::BigShopSpec>();
    auto* gen = demo->add_subcommand("generate", tr("Membuat toko besar untuk uji kecepatan"));
    gen->add_option("--items", spec->items, tr("Jumlah barang"));
    gen->add_option("--members", spec->members, tr("Jumlah anggota"));
    gen->add_option("--days", spec->days, tr("Jumlah hari penjualan"));
    gen->add_option("--sales-per-day", spec->sales_per_day, tr("Penjualan per hari"));
    gen->add_option("--seed", spec->seed, tr("Benih acak"));
    gen->add_option("--end-date", spec->end_date, tr("Hari terakhir YYYY-MM-DD"));
    gen->callback([&ctx, spec] {
        run([&] {
            auto st = store::generate_big_shop(ctx.sqlite_store(), *spec, [](int day) {
                if (day % 30 == 0) std::cerr << "." << std::flush;
            });
            std::cerr << "\n";
            if (!st) return fail(st.error());
            std::cout << tr("Toko besar dibuat: {} barang, {} anggota, {} hari x {} penjualan.", spec->items, spec->members,
                            spec->days, spec->sales_per_day)
                      << "\n";
            return 0;
        });
    });
}

}  // namespace

void register_core_commands(CLI::App& app, Context& ctx) {
    add_init(app, ctx);
    add_item(app, ctx);
    add_member(app, ctx);
    add_user(app, ctx);
    add_settings(app, ctx);
    add_report_stock(app, ctx);
    add_check(app, ctx);
    add_backup(app, ctx);
    add_demo(app, ctx);
}

}  // namespace waserda::cli
