// waserda supplier, receive, return-supplier, adjust, opname, reorder, price, labels: the
// manager's stock work through core::ManagerService. Reports are in cmd_manager_reports.cpp.
//
// [SECTION] Shared helpers
// [SECTION] supplier
// [SECTION] receive, return-supplier, adjust
// [SECTION] opname
// [SECTION] reorder
// [SECTION] price, labels
#include "pos/cli/cmd_manager.hpp"

#include "drivers/escpos/profile.hpp"
#include "drivers/receipt/labels.hpp"
#include "drivers/virtual/virtual_printer.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/report_tables.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/inventory_store.hpp"
#include "pos/store/reports_store.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/store/xlsx_export.hpp"

#include <iostream>
#include <sstream>

namespace waserda::cli {

using core::tr;

namespace manager {

// [SECTION] Shared helpers

namespace {
struct Services {
    std::unique_ptr<store::SqliteInventoryStore> inventory;
    std::unique_ptr<store::SqliteReportsStore> reports;
    std::unique_ptr<core::ManagerService> service;
};
Services& services() {
    static Services s;
    return s;
}
}  // namespace

void run(const std::function<int()>& body) { exit_code() = body(); }

core::ManagerService& service(Context& ctx) {
    auto& s = services();
    if (!s.service) {
        s.inventory = std::make_unique<store::SqliteInventoryStore>(ctx.sqlite_store());
        s.reports = std::make_unique<store::SqliteReportsStore>(ctx.sqlite_store());
        s.service = std::make_unique<core::ManagerService>(ctx.shop(), *s.inventory, *s.reports);
    }
    return *s.service;
}



void add_report_options(CLI::App* cmd, ReportArgs& a, bool dates) {
    cmd->add_option("--format", a.format, "table|csv|json")->check(CLI::IsMember({"table", "csv", "json"}));
    cmd->add_option("--xlsx", a.xlsx, tr("Juga simpan sebagai file Excel (XLSX)"));
    if (dates) {
        cmd->add_option("--from", a.from, tr("Dari tanggal YYYY-MM-DD (awal bulan ini)"));
        cmd->add_option("--to", a.to, tr("Sampai tanggal YYYY-MM-DD (hari ini)"));
    }
}

core::Result<core::DateRange> range_of(Context& ctx, const ReportArgs& a) {
    std::string today = ctx.shop().today_local();
    core::DateRange r{a.from.empty() ? today.substr(0, 8) + "01" : a.from, a.to.empty() ? today : a.to};
    if (auto st = service(ctx).check_range(r); !st) return st.error();
    return r;
}

std::string num(int64_t v) { return std::to_string(v); }
std::string num(core::Money m) { return std::to_string(m.rupiah()); }

int emit(const std::vector<core::ReportTable>& tables, const ReportArgs& a, const std::string& footer) {
    Format f = Format::Table;
    parse_format(a.format, f);
    if (!tables.empty()) {
        const auto& t = tables.front();
        Table out{t.header, t.rows, t.numeric};
        if (f == Format::Table) {
            for (auto& row : out.rows)
                for (size_t c = 0; c < row.size(); ++c) row[c] = core::display_cell(t, c, row[c]);
            if (!t.title.empty()) std::cout << t.title << "\n";
        }
        std::cout << render(out, f, t.numeric);
        if (f == Format::Table && !footer.empty()) std::cout << footer << "\n";
    }
    if (!a.xlsx.empty()) {
        if (auto st = store::write_xlsx(a.xlsx, tables); !st) return fail(st.error());
        if (f == Format::Table) std::cout << tr("Disimpan ke {}", a.xlsx) << "\n";
    }
    return 0;
}

namespace {

// [SECTION] supplier

void add_supplier(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("supplier", tr("Pemasok: tambah, daftar"));
    cmd->require_subcommand(1);
    struct Args { std::string user; core::Supplier s; ReportArgs out; };
    auto a = std::make_shared<Args>();
    auto* add = cmd->add_subcommand("add", tr("Menambah atau mengubah pemasok (menurut kode)"));
    add->add_option("--user", a->user, tr("Manajer"))->required();
    add->add_option("--code", a->s.code, tr("Kode pemasok"))->required();
    add->add_option("--name", a->s.name, tr("Nama"))->required();
    add->add_option("--phone", a->s.phone, tr("Telepon"));
    add->add_option("--address", a->s.address, tr("Alamat"));
    add->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto s = service(ctx).save_supplier(*user, a->s);
            if (!s) return fail(s.error());
            std::cout << tr("Pemasok {} ({}) disimpan.", s->name, s->code) << "\n";
            return 0;
        });
    });
    auto* list = cmd->add_subcommand("list", tr("Daftar pemasok"));
    add_report_options(list, a->out, false);
    list->callback([&ctx, a] {
        run([&] {
            auto list = service(ctx).suppliers();
            if (!list) return fail(list.error());
            core::ReportTable t{"pemasok", tr("Pemasok"), {"code", "name", "phone", "address", "active"}, {}, {}};
            for (auto& s : *list) t.rows.push_back({s.code, s.name, s.phone, s.address, s.active ? "1" : "0"});
            return emit({t}, a->out);
        });
    });
}

// [SECTION] receive, return-supplier, adjust

// "CODE,QTY,COST[,EXPIRY]" (COST may be empty on a return: the average cost).
bool parse_line(const std::string& text, bool cost_required, core::ReceiveLineRequest& out) {
    std::vector<std::string> parts;
    std::stringstream ss(text);
    for (std::string p; std::getline(ss, p, ',');) parts.push_back(p);
    if (parts.size() < 2 || parts.size() > 4 || parts[0].empty()) return false;
    try {
        size_t used = 0;
        out.qty = std::stoll(parts[1], &used);
        if (used != parts[1].size() || out.qty <= 0) return false;
    } catch (...) {
        return false;
    }
    out.code = parts[0];
    if (parts.size() >= 3 && !parts[2].empty()) {
        auto cost = core::parse_rupiah(parts[2]);
        if (!cost || cost->is_negative()) return false;
        out.unit_cost = *cost;
    } else if (cost_required) {
        return false;
    }
    if (parts.size() == 4) out.expiry = parts[3];
    return true;
}

void add_receive(CLI::App& app, Context& ctx, bool receipt) {
    struct Args { std::string user, supplier, invoice, note, approver, approver_pin; std::vector<std::string> lines; };
    auto a = std::make_shared<Args>();
    auto* cmd = receipt ? app.add_subcommand("receive", tr("Penerimaan barang dari pemasok (harga pokok rata-rata bergerak)"))
                        : app.add_subcommand("return-supplier", tr("Retur barang ke pemasok"));
    cmd->add_option("--user", a->user, tr("Petugas"))->required();
    cmd->add_option("--supplier", a->supplier, tr("Kode pemasok"))->required();
    cmd->add_option("--line", a->lines,
                    receipt ? tr("KODE,JUMLAH,HARGA_BELI[,KEDALUWARSA]: per kemasan bila kode karton; per kg bila ditimbang")
                            : tr("KODE,JUMLAH[,HARGA_RETUR]"))
        ->required();
    cmd->add_option("--invoice", a->invoice, tr("Nomor faktur / surat jalan pemasok"));
    cmd->add_option("--note", a->note, tr("Catatan"));
    cmd->add_option("--approver", a->approver, tr("Manajer yang menyetujui"));
    cmd->add_option("--approver-pin", a->approver_pin, tr("PIN manajer"));
    cmd->callback([&ctx, a, receipt] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto appr = approver(ctx, a->approver, a->approver_pin, core::Permission::ManageStock);
            if (!appr) return fail(appr.error());
            core::ReceiveRequest req{a->supplier, {}, a->invoice, a->note, *user, *appr};
            for (auto& l : a->lines) {
                core::ReceiveLineRequest line;
                if (!parse_line(l, receipt, line))
                    return fail(tr("Baris \"{}\" tidak berlaku; tulis KODE,JUMLAH,HARGA[,YYYY-MM-DD].", l));
                req.lines.push_back(line);
            }
            auto r = receipt ? service(ctx).receive(req) : service(ctx).return_to_supplier(req);
            if (!r) return fail(r.error());
            nlohmann::json lines = nlohmann::json::array();
            for (auto& l : r->lines)
                lines.push_back({{"sku", l.sku}, {"name", l.name}, {"qty", l.qty}, {"unit_cost", l.unit_cost.rupiah()},
                                 {"expiry", l.expiry}, {"cost_before", l.cost_before.rupiah()}, {"cost_after", l.cost_after.rupiah()}});
            std::cout << nlohmann::json{{"number", r->number}, {"supplier", r->supplier_code}, {"invoice_ref", r->invoice_ref},
                                        {"total", r->total().rupiah()}, {"lines", lines}}.dump()
                      << "\n";
            return 0;
        });
    });
}

void add_adjust(CLI::App& app, Context& ctx) {
    struct Args { std::string user, item, reason, note, approver, approver_pin; int64_t qty = 0; };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("adjust", tr("Penyesuaian stok dengan alasan (rusak, kedaluwarsa, hilang, ditemukan, koreksi)"));
    cmd->add_option("--user", a->user, tr("Petugas"))->required();
    cmd->add_option("--item", a->item, tr("Kode barang"))->required();
    cmd->add_option("--qty", a->qty, tr("Jumlah bertanda: -3 keluar, 2 masuk (gram bila ditimbang)"))->required();
    cmd->add_option("--reason", a->reason, "damaged|expired|lost|found|correction")
        ->required()->check(CLI::IsMember({"damaged", "expired", "lost", "found", "correction"}));
    cmd->add_option("--note", a->note, tr("Catatan"));
    cmd->add_option("--approver", a->approver, tr("Manajer yang menyetujui"));
    cmd->add_option("--approver-pin", a->approver_pin, tr("PIN manajer"));
    cmd->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto appr = approver(ctx, a->approver, a->approver_pin, core::Permission::ManageStock);
            if (!appr) return fail(appr.error());
            core::AdjustRequest req{a->item, a->qty, *core::adjust_reason_from(a->reason), a->note, *user, *appr};
            auto p = service(ctx).adjust(req);
            if (!p) return fail(p.error());
            std::cout << core::to_json(p->stock_moves.front()).dump() << "\n";
            return 0;
        });
    });
}

// [SECTION] opname

core::ReportTable variance_table(const std::string& number, const std::vector<core::VarianceLine>& lines) {
    core::ReportTable t{"selisih_" + number, tr("Selisih opname {}", number),
                        {"sku", "name", "category", "unit", "counted", "book", "variance", "unit_cost", "variance_value", "counters"},
                        {},
                        {false, false, false, false, true, true, true, true, true, false}};
    for (auto& l : lines)
        t.rows.push_back({l.sku, l.name, l.category, l.unit, l.counted ? num(l.counted_qty) : "", num(l.book_qty),
                          num(l.variance), num(l.unit_cost), num(l.variance_value), l.counters});
    return t;
}

void add_opname(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("opname", tr("Stok opname: buka sesi, hitung, lihat selisih, posting"));
    cmd->require_subcommand(1);

    struct Args {
        std::string user, note, session, counter, approver, approver_pin;
        bool full = false;
        std::vector<std::string> scans, sets, adds;
        ReportArgs out;
    };
    auto a = std::make_shared<Args>();

    auto* open = cmd->add_subcommand("open", tr("Membuka sesi hitung"));
    open->add_option("--user", a->user, tr("Manajer"))->required();
    open->add_option("--note", a->note, tr("Rak atau bagian yang dihitung"));
    open->add_flag("--full", a->full, tr("Opname penuh: barang yang tidak dihitung dianggap nol"));
    open->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto s = service(ctx).open_opname(*user, a->note, a->full);
            if (!s) return fail(s.error());
            std::cout << s->number << "\n";
            return 0;
        });
    });

    auto* list = cmd->add_subcommand("list", tr("Daftar sesi opname"));
    add_report_options(list, a->out, false);
    list->callback([&ctx, a] {
        run([&] {
            auto sessions = service(ctx).opname_sessions();
            if (!sessions) return fail(sessions.error());
            core::ReportTable t{"opname", tr("Sesi opname"), {"number", "state", "full", "note", "opened_at", "posted_at"}, {}, {}};
            for (auto& s : *sessions)
                t.rows.push_back({s.number, core::to_string(s.state), s.full ? "1" : "0", s.note, s.opened_at, s.posted_at});
            return emit({t}, a->out);
        });
    });

    auto* count = cmd->add_subcommand("count", tr("Mencatat hitungan: --scan KODE (satu per pindaian) atau --set KODE=JUMLAH"));
    count->add_option("SESSION", a->session, tr("Nomor sesi"))->required();
    count->add_option("--counter", a->counter, tr("Nama penghitung"))->required();
    count->add_option("--scan", a->scans, tr("Kode yang dipindai (boleh berulang)"));
    count->add_option("--set", a->sets, tr("KODE=JUMLAH: hitungan penghitung ini untuk barang itu"));
    count->add_option("--add", a->adds, tr("KODE=JUMLAH: tambahkan (negatif untuk mengoreksi)"));
    count->callback([&ctx, a] {
        run([&] {
            auto& svc = service(ctx);
            std::map<std::string, int64_t> last;
            for (auto& code : a->scans) {
                auto n = svc.count_scan(a->session, a->counter, code);
                if (!n) return fail(n.error());
                last[code] = *n;
            }
            for (auto* list : {&a->sets, &a->adds}) {
                bool add = list == &a->adds;
                for (auto& kv : *list) {
                    auto eq = kv.find('=');
                    int64_t qty = 0;
                    try {
                        if (eq == std::string::npos) throw std::invalid_argument("no =");
                        size_t used = 0;
                        qty = std::stoll(kv.substr(eq + 1), &used);
                        if (used != kv.size() - eq - 1) throw std::invalid_argument("junk");
                    } catch (...) {
                        return fail(tr("\"{}\" tidak berlaku; tulis KODE=JUMLAH.", kv));
                    }
                    auto n = svc.count_set(a->session, a->counter, kv.substr(0, eq), qty, add);
                    if (!n) return fail(n.error());
                    last[kv.substr(0, eq)] = *n;
                }
            }
            for (auto& [code, n] : last) std::cout << code << " " << n << "\n";
            return 0;
        });
    });

    auto* var = cmd->add_subcommand("variance", tr("Selisih hitungan terhadap buku"));
    var->add_option("SESSION", a->session, tr("Nomor sesi"))->required();
    add_report_options(var, a->out, false);
    var->callback([&ctx, a] {
        run([&] {
            auto lines = service(ctx).variance(a->session);
            if (!lines) return fail(lines.error());
            auto sum = core::summarize_variance(*lines);
            return emit({variance_table(a->session, *lines)}, a->out,
                        tr("{} barang dihitung; kurang {} barang ({}), lebih {} barang ({}); bersih {}", sum.items_counted,
                           sum.items_short, core::format_rupiah(sum.value_short), sum.items_over,
                           core::format_rupiah(sum.value_over), core::format_rupiah(sum.net())));
        });
    });

    auto* sheet = cmd->add_subcommand("sheet", tr("Lembar hitung: hitungan per penghitung"));
    sheet->add_option("SESSION", a->session, tr("Nomor sesi"))->required();
    add_report_options(sheet, a->out, false);
    sheet->callback([&ctx, a] {
        run([&] {
            auto lines = service(ctx).count_lines(a->session);
            if (!lines) return fail(lines.error());
            core::ReportTable t{"hitung_" + a->session, tr("Lembar hitung {}", a->session),
                                {"counter", "sku", "name", "unit", "qty", "updated_at"}, {}, {false, false, false, false, true, false}};
            for (auto& l : *lines) {
                auto it = ctx.store().item_by_id(l.item_id);
                if (!it) return fail(it.error());
                const core::Item& item = it->value_or(core::Item{});
                t.rows.push_back({l.counter, item.sku, item.name, item.unit, num(l.qty), l.updated_at});
            }
            return emit({t}, a->out);
        });
    });

    auto* post = cmd->add_subcommand("post", tr("Memposting selisih sebagai penyesuaian stok (perlu manajer)"));
    post->add_option("SESSION", a->session, tr("Nomor sesi"))->required();
    post->add_option("--user", a->user, tr("Petugas"))->required();
    post->add_option("--approver", a->approver, tr("Manajer yang menyetujui"));
    post->add_option("--approver-pin", a->approver_pin, tr("PIN manajer"));
    post->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto appr = approver(ctx, a->approver, a->approver_pin, core::Permission::ManageStock);
            if (!appr) return fail(appr.error());
            auto s = service(ctx).post_opname(a->session, *user, *appr);
            if (!s) return fail(s.error());
            std::cout << tr("Opname {} diposting.", s->number) << "\n";
            return 0;
        });
    });

    auto* cancel = cmd->add_subcommand("cancel", tr("Membatalkan sesi tanpa memposting"));
    cancel->add_option("SESSION", a->session, tr("Nomor sesi"))->required();
    cancel->add_option("--user", a->user, tr("Manajer"))->required();
    cancel->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            if (auto st = service(ctx).cancel_opname(a->session, *user); !st) return fail(st.error());
            std::cout << tr("Opname {} dibatalkan.", a->session) << "\n";
            return 0;
        });
    });
}

// [SECTION] reorder

void add_reorder(CLI::App& app, Context& ctx) {
    struct Args { core::ReorderPolicy policy; std::string supplier; ReportArgs out; };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("reorder", tr("Daftar belanja: barang di bawah stok minimum, per pemasok"));
    cmd->add_option("--weeks", a->policy.weeks, tr("Minggu penjualan yang dibaca (4)"));
    cmd->add_option("--cover-days", a->policy.cover_days, tr("Hari persediaan di atas minimum (14)"));
    cmd->add_option("--supplier", a->supplier, tr("Hanya pemasok ini"));
    add_report_options(cmd, a->out, false);
    cmd->callback([&ctx, a] {
        run([&] {
            auto lines = service(ctx).reorder(a->policy);
            if (!lines) return fail(lines.error());
            const std::vector<std::string> header{"supplier", "sku", "name", "unit", "on_hand", "min_stock", "sold",
                                                  "suggested", "pack", "unit_cost", "value"};
            const std::vector<bool> numeric{false, false, false, false, true, true, true, true, true, true, true};
            core::ReportTable all{"belanja", tr("Daftar belanja"), header, {}, numeric};
            std::map<std::string, core::ReportTable> per_supplier;   // one sheet per supplier in the workbook
            core::Money total;
            for (auto& l : *lines) {
                if (!a->supplier.empty() && l.supplier_code != a->supplier) continue;
                std::string supplier = l.supplier_code.empty() ? tr("(tanpa pemasok)") : l.supplier_code;
                std::vector<std::string> row{supplier, l.sku, l.name, l.unit, num(l.on_hand), num(l.min_stock),
                                             num(l.sold_in_window), num(l.suggested), num(l.pack_qty), num(l.unit_cost),
                                             num(l.est_value)};
                all.rows.push_back(row);
                auto& t = per_supplier[supplier];
                if (t.header.empty())
                    t = {supplier, tr("Pesanan ke {} {}", supplier, l.supplier_name), header, {}, numeric};
                t.rows.push_back(row);
                total += l.est_value;
            }
            std::vector<core::ReportTable> tables{all};
            for (auto& [k, t] : per_supplier) tables.push_back(t);
            return emit(tables, a->out, tr("{} barang, perkiraan {}", all.rows.size(), core::format_rupiah(total)));
        });
    });
}

// [SECTION] price, labels

void add_price(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("price", tr("Perubahan harga dengan tanggal berlaku"));
    cmd->require_subcommand(1);
    struct Args { std::string user, item, price, member_price, from, note; bool pending = false; ReportArgs out; };
    auto a = std::make_shared<Args>();
    auto* set = cmd->add_subcommand("set", tr("Menjadwalkan harga baru (berlaku hari ini bila tanpa --from)"));
    set->add_option("--user", a->user, tr("Manajer"))->required();
    set->add_option("--item", a->item, tr("Kode barang"))->required();
    set->add_option("--price", a->price, tr("Harga umum baru"))->required();
    set->add_option("--member-price", a->member_price, tr("Harga anggota baru"));
    set->add_option("--from", a->from, tr("Berlaku mulai YYYY-MM-DD"));
    set->add_option("--note", a->note, tr("Catatan"));
    set->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto price = core::parse_rupiah(a->price);
            std::optional<core::Money> member;
            if (!a->member_price.empty()) member = core::parse_rupiah(a->member_price);
            if (!price || (!a->member_price.empty() && !member))
                return fail(tr("Harga harus angka rupiah utuh, misalnya 12500 atau 12.500."));
            auto c = service(ctx).schedule_price(*user, a->item, *price, member, a->from, a->note);
            if (!c) return fail(c.error());
            std::cout << (c->applied_at.empty() ? tr("Harga {} {} dijadwalkan mulai {}.", c->sku, core::format_rupiah(c->price), c->effective_date)
                                                : tr("Harga {} sekarang {}.", c->sku, core::format_rupiah(c->price)))
                      << "\n";
            return 0;
        });
    });
    auto* apply = cmd->add_subcommand("apply", tr("Menerapkan perubahan harga yang sudah jatuh tempo (aman diulang)"));
    apply->callback([&ctx] {
        run([&] {
            auto applied = service(ctx).apply_due_prices();
            if (!applied) return fail(applied.error());
            for (auto& c : *applied)
                std::cout << c.sku << " " << c.old_price.rupiah() << " -> " << c.price.rupiah() << "\n";
            std::cout << tr("{} perubahan harga diterapkan.", applied->size()) << "\n";
            return 0;
        });
    });
    auto* list = cmd->add_subcommand("list", tr("Daftar perubahan harga"));
    list->add_flag("--pending", a->pending, tr("Hanya yang belum berlaku"));
    add_report_options(list, a->out, false);
    list->callback([&ctx, a] {
        run([&] {
            auto changes = service(ctx).price_changes(a->pending);
            if (!changes) return fail(changes.error());
            core::ReportTable t{"harga", tr("Perubahan harga"),
                                {"sku", "name", "effective_date", "price", "member_price", "old_price", "old_member_price", "applied_at"},
                                {}, {false, false, false, true, true, true, true, false}};
            for (auto& c : *changes)
                t.rows.push_back({c.sku, c.name, c.effective_date, num(c.price), num(c.member_price),
                                  c.applied_at.empty() ? "" : num(c.old_price), c.applied_at.empty() ? "" : num(c.old_member_price),
                                  c.applied_at});
            return emit({t}, a->out);
        });
    });
}

void add_labels(CLI::App& app, Context& ctx) {
    struct Args { std::vector<std::string> items; std::string since, csv, escpos, png, profile; int paper = 58; };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("labels", tr("Data label rak (nama, harga, harga anggota, kode batang) sebagai CSV"));
    cmd->add_option("--item", a->items, tr("Kode barang (boleh berulang)"));
    cmd->add_option("--changed-since", a->since, tr("Barang yang harganya berubah sejak YYYY-MM-DD"));
    cmd->add_option("--csv", a->csv, tr("Simpan ke file (tanpa ini: ke layar)"));
    cmd->add_option("--escpos", a->escpos, tr("Lembar label untuk printer struk (ESC/POS) ke file atau perangkat, mis. /dev/usb/lp0"));
    cmd->add_option("--png", a->png, tr("Gambar lembar label (printer virtual) ke file PNG"));
    cmd->add_option("--paper", a->paper, tr("Lebar kertas: 58 atau 80 (mm)"))->check(CLI::IsMember({58, 80}));
    cmd->add_option("--profile", a->profile, tr("Profil printer (nama berkas di assets/printers tanpa .json)"));
    cmd->callback([&ctx, a] {
        run([&] {
            if (a->items.empty() && a->since.empty()) return fail(tr("Sebutkan --item atau --changed-since."));
            auto labels = service(ctx).labels({a->items, a->since});
            if (!labels) return fail(labels.error());
            std::string csv = core::labels_to_csv(*labels);
            if (!a->escpos.empty() || !a->png.empty()) {
                const drivers::PrinterProfile* known =
                    a->profile.empty() ? nullptr : drivers::PrinterProfiles::installed().find(a->profile);
                if (!a->profile.empty() && !known) return fail(tr("Profil printer {} tidak dikenal.", a->profile));
                drivers::PrinterProfile profile = known ? *known : drivers::generic_profile(a->paper);
                auto bytes = drivers::shelf_label_bytes(*labels, profile);
                if (!a->escpos.empty() && !write_file(a->escpos, std::string(bytes.begin(), bytes.end())))
                    return fail(tr("File {} tidak bisa ditulis.", a->escpos));
                if (!a->png.empty()) {
                    drivers::VirtualPrinter vp({profile.dots, ""});
                    vp.feed(bytes);
                    vp.finish();
                    if (auto st = vp.write_png(a->png); !st) return fail(st.error());
                }
                if (a->csv.empty()) return 0;
            }
            if (a->csv.empty()) std::cout << csv;
            else if (!write_file(a->csv, csv)) return fail(tr("File {} tidak bisa ditulis.", a->csv));
            return 0;
        });
    });
}

}  // namespace
}  // namespace manager

void register_manager_commands(CLI::App& app, Context& ctx) {
    manager::add_supplier(app, ctx);
    manager::add_receive(app, ctx, true);
    manager::add_receive(app, ctx, false);
    manager::add_adjust(app, ctx);
    manager::add_opname(app, ctx);
    manager::add_reorder(app, ctx);
    manager::add_price(app, ctx);
    manager::add_labels(app, ctx);
    manager::register_manager_reports(app, ctx);
}

}  // namespace waserda::cli
