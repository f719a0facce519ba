// The demo shop: settings, users, the catalog and members from assets/demo, and one day of real
// sales through the Shop service. The big generated shop is in demo_generate.cpp.
//
// [SECTION] Shared pieces
// [SECTION] Catalog, stock and members
// [SECTION] A shift of sales
// [SECTION] create_demo_shop
#include "pos/store/demo.hpp"

#include "pos/core/catalog_io.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/shop.hpp"
#include "pos/core/uuid.hpp"
#include "pos/store/try.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace waserda::store {

using core::ErrorCode;
using core::Money;
using core::Result;
using core::Status;
#define TRY WASERDA_TRY

// [SECTION] Shared pieces

core::ShopSettings demo_settings() {
    core::ShopSettings s;
    s.shop_name = "Waserda Koperasi Karyawan Sejahtera";
    s.address = "Jl. Raya Industri No. 17, Kawasan Industri Jababeka, Cikarang, Bekasi 17530";
    s.npwp = "0021 5467 8903 1000";
    s.device = "T01";
    s.utc_offset_minutes = 7 * 60;
    s.tax.pkp = true;
    s.cash_rounding = {100, core::CashRoundingMode::Nearest};
    s.in_store_rules = core::default_in_store_rules();
    s.credit.mode = core::CreditLimitMode::Lesser;
    s.credit.fixed_limit = Money::rp(1'500'000);
    s.credit.percent = 80;
    s.credit.include_sukarela = false;
    s.receipt_footer = "Terima kasih. Belanja di koperasi, SHU kembali ke anggota.";
    return s;
}

const std::vector<DemoUser>& demo_users() {
    static const std::vector<DemoUser> users{{"Admin", core::Role::Admin, "1234"},
                                             {"Mulyani", core::Role::Manager, "2345"},
                                             {"Sari", core::Role::Supervisor, "3456"},
                                             {"Budi", core::Role::Cashier, "1111"},
                                             {"Wati", core::Role::Cashier, "2222"}};
    return users;
}

Status require_empty_books(SqliteStore& store) {
    auto st = store.db().prepare(
        "SELECT (SELECT COUNT(*) FROM items) + (SELECT COUNT(*) FROM members) + (SELECT COUNT(*) FROM sales)");
    if (!st) return st.error();
    if (!st->step()) return st->error();
    if (st->int64(0) > 0)
        return core::make_error(ErrorCode::Conflict,
                                core::tr("Database ini sudah berisi barang, anggota atau penjualan; data contoh hanya dibuat di database baru."));
    return core::ok_status();
}

namespace {

Result<std::string> read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::make_error(ErrorCode::NotFound, core::tr("File {} tidak bisa dibaca.", path));
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

core::OutboxEvent event_for(const core::Posting& p, const std::string& device, const std::string& kind,
                            const std::string& at) {
    core::OutboxEvent e;
    e.uuid = core::new_uuid();
    e.device = device;
    e.kind = kind;
    e.payload = core::posting_payload_text(p);
    e.created_at = at;
    return e;
}

// [SECTION] Catalog, stock and members

Result<std::map<std::string, core::Item>> load_catalog(SqliteStore& store, core::Shop& shop, const core::ItemImport& parsed,
                                                      const core::User& admin) {
    TRY(store.save_items(parsed.items, core::BarcodeWrite::Replace));
    auto saved = store.list_items(true);
    if (!saved) return saved.error();
    std::map<std::string, core::Item> by_sku;
    for (auto& it : *saved) by_sku[it.sku] = it;

    // Opening stock is a stock move like any other, so on-hand always equals the sum of moves.
    core::Posting p;
    p.kind = "stock.opening";
    std::string at = shop.now_utc();
    for (auto& [sku, qty] : parsed.opening_stock) {
        const core::Item& it = by_sku.at(sku);
        core::StockMove m;
        m.item_id = it.id;
        m.sku = sku;
        m.kind = core::StockMoveKind::Adjustment;
        m.qty = qty;
        m.unit_cost = it.cost;
        m.ref = "STOK-AWAL";
        m.reason = "stok awal";
        m.at = at;
        m.user_id = admin.id;
        p.stock_moves.push_back(m);
        by_sku[sku].on_hand += qty;
    }
    p.events.push_back(event_for(p, shop.settings().device, "stock", at));
    if (auto c = store.commit(std::move(p)); !c) return c.error();
    return by_sku;
}

Status load_members(SqliteStore& store, core::Shop& shop, const core::MemberImport& parsed, const core::User& admin) {
    TRY(store.save_members(parsed.members));
    auto saved = store.list_members();
    if (!saved) return saved.error();
    std::map<std::string, core::MemberId> ids;
    for (auto& m : *saved) ids[m.number] = m.id;

    core::Posting p;
    p.kind = "savings.opening";
    std::string at = shop.now_utc();
    for (auto& o : parsed.savings) {
        core::SavingsEntry e;
        e.member_id = ids.at(o.number);
        e.member_number = o.number;
        e.type = o.type;
        e.kind = core::SavingsEntryKind::Deposit;
        e.amount = o.amount;
        e.ref = "SALDO-AWAL";
        e.note = "saldo awal";
        e.at = at;
        e.user_id = admin.id;
        p.savings.push_back(e);
    }
    p.events.push_back(event_for(p, shop.settings().device, "savings", at));
    if (auto c = store.commit(std::move(p)); !c) return c.error();
    return core::ok_status();
}

// [SECTION] A shift of sales

struct DemoSale {
    std::string member;                   // member number, empty for a walk-in customer
    std::vector<std::string> codes;       // what the cashier scans, in order
    core::PaymentMethod method = core::PaymentMethod::Cash;
    int64_t credit_part = 0;              // split: this much on credit, the rest in cash
};

// The notes a customer hands over: the next Rp 10.000 (or Rp 50.000 for big amounts) up.
Money tendered_for(Money due) {
    int64_t step = due.rupiah() < 100'000 ? 10'000 : 50'000;
    return Money::rp((due.rupiah() + step - 1) / step * step);
}

Status sell(core::Shop& shop, const core::User& cashier, const DemoSale& d) {
    core::Cart cart = shop.new_cart();
    if (!d.member.empty()) TRY(shop.set_member(cart, d.member));
    for (auto& code : d.codes) {
        auto line = shop.scan_into(cart, code);
        if (!line) return line.error();
    }
    Money total = core::cart_totals(cart).total;
    std::vector<core::Payment> payments;
    if (d.credit_part > 0) {
        payments.push_back({core::PaymentMethod::MemberCredit, Money::rp(d.credit_part), {}, ""});
        Money rest = total - Money::rp(d.credit_part);
        Money due = shop.settings().cash_rounding.apply(rest);
        payments.push_back({core::PaymentMethod::Cash, tendered_for(due), {}, ""});
    } else if (d.method == core::PaymentMethod::Cash) {
        payments.push_back({core::PaymentMethod::Cash, tendered_for(shop.settings().cash_rounding.apply(total)), {}, ""});
    } else {
        std::string ref = d.method == core::PaymentMethod::Qris ? "QRIS-DEMO-" + cart.uuid.substr(0, 8) : "";
        payments.push_back({d.method, total, {}, ref});
    }
    auto sale = shop.checkout({cart, payments, cashier, std::nullopt, ""});
    if (!sale) return sale.error();
    return core::ok_status();
}

std::map<int64_t, int64_t> count_notes(Money amount) {
    std::map<int64_t, int64_t> out;
    int64_t left = amount.rupiah();
    for (int64_t v : core::rupiah_denominations()) {
        if (left >= v) {
            out[v] = left / v;
            left %= v;
        }
    }
    return out;
}

// One closed shift of Budi's: walk-in and member sales, credit (so some members owe), QRIS,
// sukarela, scale labels, a carton, a repayment and a savings deposit.
Status trade_one_shift(core::Shop& shop, const std::map<std::string, core::Item>& items, const core::User& budi) {
    auto code = [&](const std::string& sku) {
        const core::Item& it = items.at(sku);
        return it.barcodes.empty() ? sku : it.barcodes.front().code;
    };
    auto carton = [&](const std::string& sku) {
        for (auto& b : items.at(sku).barcodes)
            if (b.pack_qty > 1) return b.code;
        return sku;
    };
    // A scale label for an item whose SKU is its label item code ("2000001": prefix 20, item 00001).
    auto label = [&](const std::string& sku, int64_t amount) {
        for (auto& rule : shop.settings().in_store_rules)
            if (sku.compare(0, rule.prefix.size(), rule.prefix) == 0)
                return core::make_in_store_code(rule, sku.substr(rule.prefix.size()), amount);
        return sku;
    };
    using PM = core::PaymentMethod;
    const std::vector<DemoSale> sales{
        {"", {code("BRS-P05"), code("MYK-PR2"), code("GLA-1KG"), code("GLA-1KG")}, PM::Cash, 0},
        {"A-0001", {carton("MIE-GRG"), carton("KPI-3IN1"), code("SKM-KLG")}, PM::MemberCredit, 0},
        {"A-0002", {"LPG-3", label("2000001", 1250), code("TEH-BTL")}, PM::MemberCredit, 0},
        {"", {code("SMP-170-HIT"), code("SBN-BTG-MAW"), code("SBN-BTG-MAW"), code("PGG-190")}, PM::Qris, 0},
        {"A-0005", {label("2000006", 250), label("2000008", 150), code("KCP-MNS520")}, PM::Cash, 0},
        {"A-0003", {code("BRS-M05"), code("TLR-10")}, PM::MemberCredit, 0},
        {"A-0010", {code("BRS-P10"), code("MYK-PR2"), code("DTJ-800"), code("SCP-780R")}, PM::MemberCredit, 0},
        {"", {code("RKK-KRF16"), code("KRK-GAS"), code("AIR-600")}, PM::Cash, 0},
        {"A-0012", {code("BRS-P25"), carton("AIR-600"), code("GLA-1KG")}, PM::MemberCredit, 0},
        {"A-0020", {code("UHT-200-FUL"), code("UHT-200-COK"), code("BSK-KLP"), code("TJ-KSB")}, PM::Cash, 20000},
        {"", {label("2500001", 27500), code("TJ-RPK"), code("BKT-38"), code("PLP-HTM")}, PM::Cash, 0},
        {"A-0001", {code("ROT-TWR"), code("MRG-200")}, PM::Savings, 0},
    };
    for (auto& d : sales) TRY(sell(shop, budi, d));

    core::RepaymentRequest repay{"A-0001", Money::rp(50'000), PM::Cash, budi, "bayar bon"};
    if (auto r = shop.repay_credit(repay); !r) return r.error();
    core::SavingsRequest deposit{"A-0004", core::SavingsType::Sukarela, Money::rp(100'000), true, budi, std::nullopt,
                                 "setoran sukarela"};
    if (auto r = shop.savings_deposit(deposit); !r) return r.error();
    return core::ok_status();
}

}  // namespace

// [SECTION] create_demo_shop

Status create_demo_shop(SqliteStore& store, core::Shop& shop, const std::string& assets_dir) {
    TRY(require_empty_books(store));
    // Both files are read and checked before anything is written.
    const std::string dir = assets_dir + "/demo/";
    auto items_text = read_text(dir + "items.csv");
    if (!items_text) return items_text.error();
    auto members_text = read_text(dir + "members.csv");
    if (!members_text) return members_text.error();
    auto items = core::items_from_csv(*items_text, demo_settings().in_store_rules);
    if (!items.problems.empty())
        return core::make_error(ErrorCode::Invalid, core::tr("{} berisi kesalahan:\n{}", dir + "items.csv", core::format_problems(items.problems)));
    auto members = core::members_from_csv(*members_text);
    if (!members.problems.empty())
        return core::make_error(ErrorCode::Invalid, core::tr("{} berisi kesalahan:\n{}", dir + "members.csv", core::format_problems(members.problems)));

    // One transaction (the postings inside become savepoints): a failure leaves the database empty.
    // The guard outlives the transaction, so after a rollback the Shop forgets the demo settings.
    struct ReloadUnlessDone {
        core::Shop& shop;
        bool done = false;
        ~ReloadUnlessDone() {
            if (!done) (void)shop.reload_settings();
        }
    } guard{shop};
    Transaction tx(store.db());
    TRY(tx.begun());
    TRY(store.save_settings(demo_settings()));
    TRY(shop.reload_settings());

    std::map<std::string, core::User> users;
    for (const auto& u : demo_users()) {
        auto existing = store.user_by_name(u.name);
        if (!existing) return existing.error();
        if (*existing) {
            users[u.name] = **existing;  // kept as it is, PIN included
            continue;
        }
        auto added = shop.add_user(std::nullopt, u.name, u.role, u.pin);
        if (!added) return added.error();
        users[u.name] = *added;
    }

    auto catalog = load_catalog(store, shop, items, users.at("Admin"));
    if (!catalog) return catalog.error();
    TRY(load_members(store, shop, members, users.at("Admin")));

    // Budi's shift: opened, traded, counted and closed, so the till starts with no open shift.
    const core::User& budi = users.at("Budi");
    auto shift = shop.open_shift(budi, Money::rp(500'000));
    if (!shift) return shift.error();
    TRY(trade_one_shift(shop, *catalog, budi));
    auto figures = shop.shift_figures(shift->id);
    if (!figures) return figures.error();
    auto closed = shop.close_shift(budi, count_notes(figures->expected_cash()));
    if (!closed) return closed.error();
    TRY(tx.commit());
    guard.done = true;
    return core::ok_status();
}

}  // namespace waserda::store
