// waserda sale, return, shift, savings, repay: the till's acts, through the same core::Shop.
#include "pos/cli/commands.hpp"
#include "pos/cli/output.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/shop.hpp"

#include <iostream>

namespace waserda::cli {

using core::tr;

namespace {

void run(const std::function<int()>& body) { exit_code() = body(); }


// "CODE" or "CODExQTY": QTY packs of what the code means, or grams for a weighed item.
bool split_item_arg(const std::string& arg, std::string& code, int64_t& qty) {
    auto x = arg.rfind('x');
    code = arg;
    qty = 0;
    if (x != std::string::npos && x > 0 && x + 1 < arg.size()) {
        size_t used = 0;
        try {
            qty = std::stoll(arg.substr(x + 1), &used);
        } catch (...) {
            return false;
        }
        if (used != arg.size() - x - 1 || qty <= 0) return false;
        code = arg.substr(0, x);
    }
    return !code.empty();
}

core::Result<core::Money> parse_amount(const std::string& text) {
    auto m = core::parse_rupiah(text);
    if (!m || m->is_negative())
        return core::make_error(core::ErrorCode::Invalid, tr("Jumlah \"{}\" tidak berlaku; tulis rupiah utuh, misalnya 50000.", text));
    return *m;
}

// [SECTION] sale

void add_sale(CLI::App& app, Context& ctx) {
    struct Args {
        std::string user, member, approver, approver_pin, reason;
        std::vector<std::string> items, pays;
    };
    auto a = std::make_shared<Args>();
    auto* sale = app.add_subcommand("sale", tr("Mencatat penjualan (jalur yang sama dengan layar kasir); hasil JSON"));
    sale->add_option("--user", a->user, tr("Kasir"))->required();
    sale->add_option("--member", a->member, tr("Nomor atau kartu anggota"));
    sale->add_option("--item", a->items, tr("KODE atau KODExJUMLAH (gram untuk barang timbang)"))->required();
    sale->add_option("--pay", a->pays,
                     tr("METODE=JUMLAH: cash, member_credit, savings, qris, transfer, card; METODE saja = sisanya"))->required();
    sale->add_option("--approver", a->approver, tr("Supervisor yang menyetujui (melewati batas kredit)"));
    sale->add_option("--approver-pin", a->approver_pin, tr("PIN supervisor"));
    sale->add_option("--reason", a->reason, tr("Alasan persetujuan"));
    sale->callback([&ctx, a] {
        run([&] {
            auto& shop = ctx.shop();
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            core::Cart cart = shop.new_cart();
            if (!a->member.empty())
                if (auto st = shop.set_member(cart, a->member); !st) return fail(st.error());
            for (auto& arg : a->items) {
                std::string code;
                int64_t qty = 0;
                if (!split_item_arg(arg, code, qty)) return fail(tr("Barang \"{}\" tidak berlaku; tulis KODE atau KODExJUMLAH.", arg));
                auto hit = shop.lookup(code);
                if (!hit) return fail(hit.error());
                if (qty > 0) {
                    if (hit->embedded_price) return fail(tr("Label harga {} tidak bisa diberi jumlah.", code));
                    bool grams = hit->item.weighed && core::barcode_kind(code) != core::BarcodeKind::Ean13;
                    hit->qty = grams ? qty : hit->qty * qty;
                }
                core::cart_add(cart, *hit);
            }
            std::vector<core::Payment> payments;
            std::vector<size_t> rest;  // payments written without an amount: they take what is left
            for (auto& p : a->pays) {
                auto eq = p.find('=');
                auto method = core::payment_method_from(p.substr(0, eq));
                if (!method) return fail(tr("Metode bayar \"{}\" tidak dikenal (cash, member_credit, savings, qris, transfer, card).", p.substr(0, eq)));
                core::Payment pay;
                pay.method = *method;
                if (eq == std::string::npos) {
                    rest.push_back(payments.size());
                } else {
                    auto amount = parse_amount(p.substr(eq + 1));
                    if (!amount) return fail(amount.error());
                    pay.amount = *amount;
                }
                payments.push_back(pay);
            }
            if (rest.size() > 1) return fail(tr("Hanya satu metode bayar yang boleh tanpa jumlah."));
            if (!rest.empty()) {
                auto plan = shop.plan_payment(cart, payments);
                auto& p = payments[rest.front()];
                p.amount = p.method == core::PaymentMethod::Cash ? plan.remaining : plan.total - plan.non_cash - plan.cash_tendered;
                if (p.amount.is_negative()) p.amount = core::Money{};
            }
            auto appr = approver(ctx, a->approver, a->approver_pin, core::Permission::OverrideCreditLimit);
            if (!appr) return fail(appr.error());
            core::CheckoutRequest req{cart, payments, *user, *appr, a->reason};
            auto done = shop.checkout(req);
            if (!done) return fail(done.error());
            std::cout << core::to_json(*done).dump() << "\n";
            return 0;
        });
    });
}

// [SECTION] return

void add_return(CLI::App& app, Context& ctx) {
    struct Args {
        std::string user, sale, refund, approver, approver_pin, reason;
        std::vector<std::string> lines;
    };
    auto a = std::make_shared<Args>();
    auto* ret = app.add_subcommand("return", tr("Retur barang dari struk (semua sisa bila tanpa --line)"));
    ret->add_option("--user", a->user, tr("Kasir"))->required();
    ret->add_option("--sale", a->sale, tr("Nomor struk, misalnya T01-20261122-0007"))->required();
    ret->add_option("--line", a->lines, tr("BARIS atau BARISxJUMLAH"));
    ret->add_option("--refund", a->refund, tr("Cara pengembalian uang: cash, qris, transfer, card"));
    ret->add_option("--approver", a->approver, tr("Supervisor yang menyetujui"));
    ret->add_option("--approver-pin", a->approver_pin, tr("PIN supervisor"));
    ret->add_option("--reason", a->reason, tr("Alasan retur"));
    ret->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto appr = approver(ctx, a->approver, a->approver_pin, core::Permission::Refund);
            if (!appr) return fail(appr.error());
            core::ReturnRequest req;
            req.sale_number = a->sale;
            req.cashier = *user;
            req.approver = *appr;
            req.reason = a->reason;
            if (!a->refund.empty()) {
                auto m = core::payment_method_from(a->refund);
                if (!m) return fail(tr("Metode bayar \"{}\" tidak dikenal (cash, member_credit, savings, qris, transfer, card).", a->refund));
                req.refund_method = *m;
            }
            for (auto& l : a->lines) {
                std::string no;
                int64_t qty = 0;
                if (!split_item_arg(l, no, qty)) return fail(tr("Baris \"{}\" tidak berlaku.", l));
                core::ReturnLineRequest r;
                try {
                    r.line_no = std::stoi(no);
                } catch (...) {
                    return fail(tr("Baris \"{}\" tidak berlaku.", l));
                }
                r.qty = qty;
                if (r.qty == 0) {
                    auto orig = ctx.store().sale_by_number(a->sale);
                    if (orig && *orig)
                        for (auto& ol : (*orig)->lines)
                            if (ol.line_no == r.line_no) r.qty = ol.qty - ol.returned_qty;
                }
                req.lines.push_back(r);
            }
            auto done = ctx.shop().return_sale(req);
            if (!done) return fail(done.error());
            std::cout << core::to_json(*done).dump() << "\n";
            return 0;
        });
    });
}

// [SECTION] shift

void add_shift(CLI::App& app, Context& ctx) {
    auto* shift = app.add_subcommand("shift", tr("Shift kasir: buka, tutup, laporan X"));
    shift->require_subcommand(1);
    struct Args { std::string user, amount; };
    auto a = std::make_shared<Args>();
    auto* open = shift->add_subcommand("open", tr("Membuka shift dengan modal awal"));
    open->add_option("--user", a->user, tr("Kasir"))->required();
    open->add_option("--float", a->amount, tr("Modal awal di laci"))->required();
    open->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto amount = parse_amount(a->amount);
            if (!amount) return fail(amount.error());
            auto s = ctx.shop().open_shift(*user, *amount);
            if (!s) return fail(s.error());
            std::cout << core::to_json(*s).dump() << "\n";
            return 0;
        });
    });
    auto* close = shift->add_subcommand("close", tr("Menutup shift dengan uang yang dihitung"));
    close->add_option("--user", a->user, tr("Kasir"))->required();
    close->add_option("--counted", a->amount, tr("Uang tunai di laci (total)"))->required();
    close->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto amount = parse_amount(a->amount);
            if (!amount) return fail(amount.error());
            // A total from the command line counts as Rp 100 coins' worth of units; the
            // touchscreen counts per denomination.
            std::map<int64_t, int64_t> den;
            if (amount->rupiah() > 0) den[1] = amount->rupiah();
            auto s = ctx.shop().close_shift(*user, den);
            if (!s) return fail(s.error());
            auto j = core::to_json(*s);
            j["difference"] = (s->counted_cash.value_or(core::Money{}) - s->expected_cash).rupiah();
            std::cout << j.dump() << "\n";
            return 0;
        });
    });
    auto* x = shift->add_subcommand("status", tr("Laporan X: angka shift yang sedang berjalan"));
    x->callback([&ctx] {
        run([&] {
            auto s = ctx.shop().current_shift();
            if (!s) return fail(s.error());
            if (!*s) return fail(tr("Tidak ada shift yang terbuka."));
            auto f = ctx.shop().shift_figures((*s)->id);
            if (!f) return fail(f.error());
            nlohmann::json j = core::to_json(**s);
            j["sales_count"] = f->sales_count;
            j["returns_count"] = f->returns_count;
            j["gross_sales"] = f->gross_sales.rupiah();
            j["returns"] = f->returns.rupiah();
            j["expected_cash"] = f->expected_cash().rupiah();
            for (auto& [m, v] : f->by_method) j["by_method"][core::to_string(m)] = v.rupiah();
            std::cout << j.dump(2) << "\n";
            return 0;
        });
    });
}

// [SECTION] savings, repay

void add_savings(CLI::App& app, Context& ctx) {
    auto* savings = app.add_subcommand("savings", tr("Simpanan anggota: setor, tarik, saldo"));
    savings->require_subcommand(1);
    struct Args {
        std::string member, type = "sukarela", amount, user, approver, approver_pin, note;
        bool drawer = false;
    };
    for (const char* verb : {"deposit", "withdraw"}) {
        auto a = std::make_shared<Args>();
        bool deposit = std::string(verb) == "deposit";
        auto* cmd = savings->add_subcommand(verb, deposit ? tr("Setoran simpanan") : tr("Penarikan simpanan sukarela"));
        cmd->add_option("--member", a->member, tr("Nomor anggota"))->required();
        cmd->add_option("--type", a->type, "pokok|wajib|sukarela")->check(CLI::IsMember({"pokok", "wajib", "sukarela"}));
        cmd->add_option("--amount", a->amount, tr("Jumlah"))->required();
        cmd->add_option("--user", a->user, tr("Pengguna yang mencatat (bawaan: admin pertama)"));
        cmd->add_option("--approver", a->approver, tr("Supervisor yang menyetujui"));
        cmd->add_option("--approver-pin", a->approver_pin, tr("PIN supervisor"));
        cmd->add_option("--note", a->note, tr("Catatan"));
        cmd->add_flag("--drawer", a->drawer, tr("Uang masuk/keluar laci kasir (perlu shift terbuka)"));
        cmd->callback([&ctx, a, deposit] {
            run([&] {
                std::string name = a->user;
                if (name.empty()) {
                    auto users = ctx.store().list_users();
                    if (users)
                        for (auto& u : *users)
                            if (u.role == core::Role::Admin && u.active) { name = u.name; break; }
                }
                auto user = acting_user(ctx, name);
                if (!user) return fail(user.error());
                auto amount = parse_amount(a->amount);
                if (!amount) return fail(amount.error());
                auto appr = approver(ctx, a->approver, a->approver_pin,
                                     deposit ? core::Permission::SavingsDeposit : core::Permission::SavingsWithdraw);
                if (!appr) return fail(appr.error());
                core::SavingsRequest req;
                req.member_number = a->member;
                req.type = *core::savings_type_from(a->type);
                req.amount = *amount;
                req.through_drawer = a->drawer;
                req.user = *user;
                req.approver = *appr;
                req.note = a->note;
                auto done = deposit ? ctx.shop().savings_deposit(req) : ctx.shop().savings_withdraw(req);
                if (!done) return fail(done.error());
                std::cout << core::posting_payload(*done).dump() << "\n";
                return 0;
            });
        });
    }
    auto number = std::make_shared<std::string>();
    auto* balance = savings->add_subcommand("balance", tr("Saldo simpanan dan utang seorang anggota"));
    balance->add_option("--member", *number, tr("Nomor anggota"))->required();
    balance->callback([&ctx, number] {
        run([&] {
            auto m = ctx.shop().find_member(*number);
            if (!m) return fail(m.error());
            auto v = ctx.shop().member_view(m->id);
            if (!v) return fail(v.error());
            nlohmann::json j{{"member", core::to_json(v->member)},
                             {"pokok", v->balances.pokok.rupiah()},
                             {"wajib", v->balances.wajib.rupiah()},
                             {"sukarela", v->balances.sukarela.rupiah()},
                             {"owed", v->balances.owed.rupiah()},
                             {"credit_limit", v->credit_limit.rupiah()},
                             {"available_credit", v->available_credit.rupiah()}};
            std::cout << j.dump(2) << "\n";
            return 0;
        });
    });
}

void add_repay(CLI::App& app, Context& ctx) {
    struct Args { std::string member, amount, user, method = "cash", note; };
    auto a = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("repay", tr("Pelunasan kredit anggota: tunai di kasir atau dari sukarela"));
    cmd->add_option("--member", a->member, tr("Nomor anggota"))->required();
    cmd->add_option("--amount", a->amount, tr("Jumlah"))->required();
    cmd->add_option("--user", a->user, tr("Kasir"))->required();
    cmd->add_option("--method", a->method, "cash|savings")->check(CLI::IsMember({"cash", "savings"}));
    cmd->add_option("--note", a->note, tr("Catatan"));
    cmd->callback([&ctx, a] {
        run([&] {
            auto user = acting_user(ctx, a->user);
            if (!user) return fail(user.error());
            auto amount = parse_amount(a->amount);
            if (!amount) return fail(amount.error());
            core::RepaymentRequest req{a->member, *amount, *core::payment_method_from(a->method), *user, a->note};
            auto done = ctx.shop().repay_credit(req);
            if (!done) return fail(done.error());
            std::cout << core::posting_payload(*done).dump() << "\n";
            return 0;
        });
    });
}

}  // namespace

void register_sale_commands(CLI::App& app, Context& ctx) {
    add_sale(app, ctx);
    add_return(app, ctx);
    add_shift(app, ctx);
    add_savings(app, ctx);
    add_repay(app, ctx);
}

}  // namespace waserda::cli
