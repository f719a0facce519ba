// A real shop on a real SQLite file: settings, users, a few items and members, an open shift.
#pragma once

#include "pos/core/clock.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace waserda::test_support {

class ShopFixture : public ::testing::Test {
protected:
    void SetUp() override {
        db_path = tmp.file("shop.sqlite");
        open();
        core::ShopSettings s;
        s.shop_name = "Waserda Uji";
        s.device = "T01";
        s.tax.pkp = true;
        s.cash_rounding = {100, core::CashRoundingMode::Nearest};
        s.credit.mode = core::CreditLimitMode::Lesser;
        s.credit.fixed_limit = core::Money::rp(1'500'000);
        s.credit.percent = 80;
        ASSERT_TRUE(store->save_settings(s));
        ASSERT_TRUE(shop->reload_settings());
        cashier = must(shop->add_user(std::nullopt, "Budi", core::Role::Cashier, "1111"));
        supervisor = must(shop->add_user(std::nullopt, "Sari", core::Role::Supervisor, "3456"));
        noodles = add_item("MIE-01", "Mie Instan Goreng", 3500, 3300, {{"8990000000013", 1}, {"8990000000020", 40}}, 100);
        rice = add_item("BRS-05", "Beras Premium 5 kg", 75000, 72000, {{"8990000000037", 1}}, 20);
        eggs = add_item("2000012", "Telur Ayam", 28000, 27000, {}, 10000, true);
        siti = add_member("A-0001", "Siti Aminah", "M0001", 100'000, 900'000, 50'000);
        joko = add_member("A-0002", "Joko Susilo", "M0002", 100'000, 100'000, 0);
        shift = must(shop->open_shift(cashier, core::Money::rp(200'000)));
    }

    void open() {
        store.reset();
        shop.reset();
        auto s = store::SqliteStore::open(db_path);
        ASSERT_TRUE(s) << s.error().message;
        store = std::move(*s);
        shop = std::make_unique<core::Shop>(*store, &clock);
    }

    template <typename T>
    T must(core::Result<T> r) {
        EXPECT_TRUE(r) << (r ? "" : r.error().message);
        return r ? std::move(*r) : T{};
    }

    core::Item add_item(const std::string& sku, const std::string& name, int64_t price, int64_t member_price,
                        std::vector<core::ItemBarcode> barcodes, int64_t stock, bool weighed = false) {
        core::Item it;
        it.sku = sku;
        it.name = name;
        it.price = core::Money::rp(price);
        it.member_price = core::Money::rp(member_price);
        it.cost = core::Money::rp(price * 8 / 10);
        it.barcodes = std::move(barcodes);
        it.weighed = weighed;
        it.unit = weighed ? "kg" : "pcs";
        it.taxable = !weighed;
        auto id = must(store->save_item(it, core::BarcodeWrite::Replace));
        it.id = id;
        core::Posting p;
        p.kind = "stock.opening";
        core::StockMove m;
        m.item_id = id;
        m.sku = sku;
        m.kind = core::StockMoveKind::Adjustment;
        m.qty = stock;
        m.at = shop->now_utc();
        p.stock_moves.push_back(m);
        EXPECT_TRUE(store->commit(p));
        return it;
    }

    core::Member add_member(const std::string& number, const std::string& name, const std::string& card, int64_t pokok,
                            int64_t wajib, int64_t sukarela) {
        core::Member m;
        m.number = number;
        m.name = name;
        m.card_code = card;
        m.work_unit = "Produksi";
        m.id = must(store->save_member(m));
        for (auto [type, amount] : {std::pair{core::SavingsType::Pokok, pokok}, {core::SavingsType::Wajib, wajib},
                                    {core::SavingsType::Sukarela, sukarela}}) {
            if (amount == 0) continue;
            core::SavingsRequest r{number, type, core::Money::rp(amount), false, supervisor, std::nullopt, "saldo awal"};
            EXPECT_TRUE(shop->savings_deposit(r));
        }
        return m;
    }

    core::Payment cash(int64_t amount) { return {core::PaymentMethod::Cash, core::Money::rp(amount), {}, ""}; }
    core::Payment pay(core::PaymentMethod m, int64_t amount) { return {m, core::Money::rp(amount), {}, ""}; }

    void expect_books_balance() {
        auto findings = store->check();
        ASSERT_TRUE(findings);
        for (auto& f : *findings) EXPECT_TRUE(f.ok) << f.what << ": " << f.detail;
    }

    TempDir tmp;
    std::string db_path;
    core::FixedClock clock{core::parse_iso_utc("2026-11-22T03:00:00Z")};
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    core::User cashier, supervisor;
    core::Item noodles, rice, eggs;
    core::Member siti, joko;
    core::Shift shift;
};

}  // namespace waserda::test_support
