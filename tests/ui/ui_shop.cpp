#include "tests/ui/ui_shop.hpp"

#include "pos/core/barcode.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace waserda::ui_test {

namespace {

template <typename T>
T must(core::Result<T> r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "seed_ui_shop: %s: %s\n", what, r.error().message.c_str());
        std::abort();
    }
    return std::move(*r);
}

struct Seed {
    core::Shop& shop;
    core::ShopStore& store;
    core::User admin;

    std::string add(const std::string& sku, const std::string& name, const std::string& category, int64_t price,
                    int64_t member_price, const std::string& ean12, int64_t stock, bool weighed = false,
                    std::vector<core::ItemBarcode> extra = {}) {
        core::Item it;
        it.sku = sku;
        it.name = name;
        it.category = category;
        it.price = core::Money::rp(price);
        it.member_price = core::Money::rp(member_price);
        it.cost = core::Money::rp(price * 85 / 100);
        it.weighed = weighed;
        it.unit = weighed ? "kg" : "pcs";
        it.taxable = !weighed;
        std::string code;
        if (!ean12.empty()) {
            code = core::with_check_digit(ean12);
            it.barcodes.push_back({code, 1});
        }
        for (auto& b : extra) it.barcodes.push_back(b);
        auto id = must(store.save_item(it, core::BarcodeWrite::Replace), "item");
        core::Posting p;
        p.kind = "stock.opening";
        core::StockMove m;
        m.item_id = id;
        m.sku = sku;
        m.kind = core::StockMoveKind::Adjustment;
        m.qty = stock;
        m.at = shop.now_utc();
        p.stock_moves.push_back(m);
        must(store.commit(p), "stock");
        return code;
    }

    void member(const std::string& number, const std::string& name, const std::string& card, const std::string& unit,
                int64_t pokok, int64_t wajib, int64_t sukarela) {
        core::Member m;
        m.number = number;
        m.name = name;
        m.card_code = card;
        m.work_unit = unit;
        m.joined_on = "2024-01-15";
        must(store.save_member(m), "member");
        for (auto [type, amount] : {std::pair{core::SavingsType::Pokok, pokok}, {core::SavingsType::Wajib, wajib},
                                    {core::SavingsType::Sukarela, sukarela}}) {
            if (amount == 0) continue;
            core::SavingsRequest r{number, type, core::Money::rp(amount), false, admin, std::nullopt, "saldo awal"};
            must(shop.savings_deposit(r), "savings");
        }
    }
};

}  // namespace

UiShopCodes seed_ui_shop(const std::string& db_path, const std::string& quick_keys_path) {
    auto store = must(store::SqliteStore::open(db_path), "open");
    core::Shop shop(*store);
    UiShopCodes c;
    core::ShopSettings s = shop.settings();
    s.shop_name = "Waserda Koperasi Sejahtera";
    s.address = "Jl. Merdeka 17, Bandung";
    s.device = "T01";
    s.cash_rounding = {100, core::CashRoundingMode::Nearest};
    s.credit.mode = core::CreditLimitMode::Lesser;
    s.credit.fixed_limit = core::Money::rp(1'000'000);
    s.credit.percent = 80;
    must(store->save_settings(s), "settings");
    must(shop.reload_settings(), "settings");

    auto users = must(store->list_users(), "users");
    if (!users.empty()) {
        std::fprintf(stderr, "seed_ui_shop: %s already has users\n", db_path.c_str());
        std::abort();
    }
    core::User admin = must(shop.add_user(std::nullopt, "Rina", core::Role::Manager, "5555"), "user");
    must(shop.add_user(std::nullopt, "Siti", core::Role::Cashier, "1234"), "user");
    must(shop.add_user(std::nullopt, "Budi", core::Role::Supervisor, "9999"), "user");

    Seed seed{shop, *store, admin};
    c.rice = seed.add("BRS-05", "Beras Premium 5 kg", "Sembako", 75000, 72000, "899100100001", 50);
    c.oil = seed.add("MYK-02", "Minyak Goreng 2 L", "Sembako", 36000, 34500, "899100100002", 60);
    c.sugar = seed.add("GLA-01", "Gula Pasir 1 kg", "Sembako", 17500, 16800, "899100100003", 80);
    std::string carton = core::with_check_digit("899100100099");
    c.noodles = seed.add("MIE-01", "Mie Instan Goreng", "Makanan", 3500, 3300, "899100100004", 400, false, {{carton, 40}});
    c.noodles_carton = carton;
    c.coffee = seed.add("KOP-01", "Kopi Bubuk 200 g", "Minuman", 14000, 13500, "899100100005", 40);
    c.tea = seed.add("TEH-01", "Teh Celup isi 25", "Minuman", 7500, 7200, "899100100006", 40);
    c.milk = seed.add("SKM-01", "Susu Kental Manis 370 g", "Minuman", 12500, 12000, "899100100007", 40);
    c.soap = seed.add("SBN-01", "Sabun Mandi Batang", "Kebersihan", 4500, 4200, "899100100008", 90);
    std::string more[] = {
        seed.add("DTJ-01", "Deterjen Bubuk 800 g", "Kebersihan", 21000, 20000, "899100100009", 30),
        seed.add("PSG-19", "Pasta Gigi 190 g", "Kebersihan", 13500, 13000, "899100100010", 30),
        seed.add("KCP-52", "Kecap Manis 520 ml", "Sembako", 19000, 18200, "899100100011", 30),
        seed.add("AIR-60", "Air Mineral 600 ml", "Minuman", 3500, 3300, "899100100012", 200),
        seed.add("GRM-25", "Garam Dapur 250 g", "Sembako", 3000, 2800, "899100100013", 60),
        seed.add("TPG-01", "Tepung Terigu 1 kg", "Sembako", 12000, 11500, "899100100014", 50),
    };
    c.barcodes = {c.rice, c.oil, c.sugar, c.noodles, c.coffee, c.tea, c.milk, c.soap};
    for (auto& m : more) c.barcodes.push_back(m);
    // Unbarcoded goods sold from the quick keys, and weighed goods with in-store labels.
    seed.add("PSG-01", "Pisang Raja (sisir)", "Buah & Sayur", 18000, 17000, "", 30);
    seed.add("TAHU-01", "Tahu Putih", "Buah & Sayur", 1000, 1000, "", 200);
    seed.add("TMP-01", "Tempe Papan", "Buah & Sayur", 5000, 5000, "", 50);
    seed.add("KRP-01", "Kerupuk Udang Bu Yati", "Titip jual", 8000, 8000, "", 40);
    seed.add("KRS-01", "Keripik Singkong Pedas", "Titip jual", 6000, 6000, "", 40);
    seed.add("RMP-01", "Rempeyek Kacang", "Titip jual", 7000, 7000, "", 40);
    seed.add("2000012", "Telur Ayam", "Timbang", 28000, 27000, "", 50000, true);
    seed.add("2000029", "Cabai Merah Keriting", "Timbang", 60000, 58000, "", 20000, true);
    c.eggs_label_1250g = core::make_in_store_code(core::default_in_store_rules().front(), "00012", 1250);

    seed.member("A-0001", "Ahmad Fauzi", "M0001", "Produksi", 100'000, 900'000, 150'000);
    seed.member("A-0002", "Dewi Lestari", "M0002", "Gudang", 50'000, 100'000, 20'000);
    seed.member("A-0003", "Rudi Hartono", "M0003", "Keuangan", 100'000, 600'000, 0);

    if (!quick_keys_path.empty()) {
        std::ofstream out(quick_keys_path);
        out << R"({"pages": [
  {"category": "Buah & Sayur", "keys": [
    {"label": "Pisang Raja", "code": "PSG-01"}, {"label": "Tahu", "code": "TAHU-01"},
    {"label": "Tempe", "code": "TMP-01"}]},
  {"category": "Titip jual", "keys": [
    {"label": "Kerupuk Udang", "code": "KRP-01"}, {"label": "Keripik Singkong", "code": "KRS-01"},
    {"label": "Rempeyek", "code": "RMP-01"}]},
  {"category": "Timbang", "keys": [
    {"label": "Telur 1 kg", "code": "2000012"}, {"label": "Cabai 1 kg", "code": "2000029"}]}
]})";
    }
    return c;
}

void add_bulk_items(core::ShopStore& store, int count) {
    std::vector<core::Item> batch;
    for (int i = 0; i < count; ++i) {
        core::Item it;
        it.sku = fmt::format("BLK-{:06}", i);
        it.name = fmt::format("Barang Uji {:06}", i);
        it.category = "Uji";
        it.price = core::Money::rp(1000 + i % 50000);
        it.member_price = it.price;
        it.barcodes.push_back({core::with_check_digit(fmt::format("8992{:08}", i)), 1});
        batch.push_back(std::move(it));
        if (batch.size() == 5000) {
            if (!store.save_items(batch, core::BarcodeWrite::Replace)) std::abort();
            batch.clear();
        }
    }
    if (!batch.empty() && !store.save_items(batch, core::BarcodeWrite::Replace)) std::abort();
}

}  // namespace waserda::ui_test
