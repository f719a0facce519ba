// The demo shop and the generated big shop on real SQLite files.
#include "pos/core/barcode.hpp"
#include "pos/core/catalog_io.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/demo.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace waserda;
using core::Money;

namespace {

const std::string kAssets = std::string(WASERDA_SOURCE_DIR) + "/assets";

void expect_books_balance(store::SqliteStore& store) {
    auto findings = store.check();
    ASSERT_TRUE(findings) << findings.error().message;
    for (auto& f : *findings) EXPECT_TRUE(f.ok) << f.what << ": " << f.detail;
}

int64_t count(store::SqliteStore& store, const std::string& sql) {
    auto st = store.db().prepare(sql);
    EXPECT_TRUE(st);
    if (!st || !st->step()) return -1;
    return st->int64(0);
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// One demo shop for the whole suite: creating it hashes five PINs and sells a shift.
class DemoShop : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        tmp_ = new waserda::test_support::TempDir();
        auto s = store::SqliteStore::open(tmp_->file("demo.sqlite"));
        ASSERT_TRUE(s) << s.error().message;
        store_ = s->release();
        shop_ = new core::Shop(*store_);
        created_ = store::create_demo_shop(*store_, *shop_, kAssets);
    }
    static void TearDownTestSuite() {
        delete shop_;
        delete store_;
        delete tmp_;
    }
    void SetUp() override { ASSERT_TRUE(created_) << created_.error().message; }

    static inline waserda::test_support::TempDir* tmp_ = nullptr;
    static inline store::SqliteStore* store_ = nullptr;
    static inline core::Shop* shop_ = nullptr;
    static inline core::Status created_ = core::ok_status();
};

}  // namespace

TEST(DemoAssets, ItemsAndMembersFilesImportWithoutProblems) {
    auto items = core::items_from_csv(read(kAssets + "/demo/items.csv"), core::default_in_store_rules());
    EXPECT_TRUE(items.problems.empty()) << core::format_problems(items.problems);
    EXPECT_GE(items.items.size(), 300u);
    int weighed = 0, cartons = 0, ean13_899 = 0;
    for (auto& it : items.items) {
        weighed += it.weighed;
        for (auto& b : it.barcodes) {
            cartons += b.pack_qty > 1;
            ean13_899 += core::barcode_kind(b.code) == core::BarcodeKind::Ean13 && b.code.rfind("899", 0) == 0;
        }
    }
    EXPECT_GE(weighed, 5);
    EXPECT_GE(cartons, 10);
    EXPECT_GE(ean13_899, 250);
    auto members = core::members_from_csv(read(kAssets + "/demo/members.csv"));
    EXPECT_TRUE(members.problems.empty()) << core::format_problems(members.problems);
    EXPECT_EQ(members.members.size(), 60u);
}

TEST_F(DemoShop, HasTheCatalogMembersAndUsers) {
    EXPECT_GE(store_->list_items(true)->size(), 300u);
    EXPECT_EQ(store_->list_members()->size(), 60u);
    auto users = store_->list_users();
    ASSERT_TRUE(users);
    EXPECT_EQ(users->size(), 5u);
    EXPECT_EQ(shop_->settings().shop_name, "Waserda Koperasi Karyawan Sejahtera");
    EXPECT_TRUE(shop_->settings().tax.pkp);
    EXPECT_EQ(shop_->settings().credit.fixed_limit, Money::rp(1'500'000));
}

TEST_F(DemoShop, BooksBalance) { expect_books_balance(*store_); }

TEST_F(DemoShop, DemoPinsLogIn) {
    auto budi = shop_->login("Budi", "1111");
    ASSERT_TRUE(budi) << budi.error().message;
    EXPECT_EQ(budi->role, core::Role::Cashier);
    auto admin = shop_->login("Admin", "1234");
    ASSERT_TRUE(admin);
    EXPECT_EQ(admin->role, core::Role::Admin);
    EXPECT_FALSE(shop_->login("Wati", "1111"));
}

TEST_F(DemoShop, ABarcodeFindsItsItem) {
    auto rice = store_->item_by_sku("BRS-P05");
    ASSERT_TRUE(rice && *rice);
    ASSERT_FALSE((*rice)->barcodes.empty());
    auto hit = shop_->lookup((*rice)->barcodes.front().code);
    ASSERT_TRUE(hit) << hit.error().message;
    EXPECT_EQ(hit->item.sku, "BRS-P05");
    EXPECT_EQ(hit->qty, 1);
}

TEST_F(DemoShop, ACartonBarcodeSellsForty) {
    auto noodles = store_->item_by_sku("MIE-GRG");
    ASSERT_TRUE(noodles && *noodles);
    std::string carton;
    for (auto& b : (*noodles)->barcodes)
        if (b.pack_qty == 40) carton = b.code;
    ASSERT_FALSE(carton.empty());
    auto hit = shop_->lookup(carton);
    ASSERT_TRUE(hit) << hit.error().message;
    EXPECT_EQ(hit->item.sku, "MIE-GRG");
    EXPECT_EQ(hit->qty, 40);
}

TEST_F(DemoShop, AScaleLabelResolvesToTheWeighedItem) {
    std::string label = core::make_in_store_code(shop_->settings().in_store_rules.front(), "00001", 1250);
    auto hit = shop_->lookup(label);
    ASSERT_TRUE(hit) << hit.error().message;
    EXPECT_EQ(hit->item.sku, "2000001");
    EXPECT_TRUE(hit->item.weighed);
    EXPECT_EQ(hit->qty, 1250);
}

TEST_F(DemoShop, OpeningStockIsAStockMove) {
    auto rice = store_->item_by_sku("BRS-P05");
    ASSERT_TRUE(rice && *rice);
    auto moves = store_->stock_moves((*rice)->id, 100);
    ASSERT_TRUE(moves);
    ASSERT_FALSE(moves->empty());
    EXPECT_EQ(moves->back().reason, "stok awal");
    EXPECT_EQ(moves->back().kind, core::StockMoveKind::Adjustment);
    EXPECT_EQ(moves->back().qty, 40);
}

TEST_F(DemoShop, SomeMembersOweAfterTheDemoShift) {
    EXPECT_GE(count(*store_, "SELECT COUNT(*) FROM member_balances WHERE owed > 0"), 4);
    EXPECT_GE(count(*store_, "SELECT COUNT(*) FROM sales"), 10);
    EXPECT_EQ(count(*store_, "SELECT COUNT(*) FROM shifts WHERE closed_at IS NULL"), 0);
    auto siti = shop_->find_member("A-0001");
    ASSERT_TRUE(siti);
    auto view = shop_->member_view(siti->id);
    ASSERT_TRUE(view);
    EXPECT_EQ(view->balances.pokok, Money::rp(100'000));
    EXPECT_GT(view->balances.owed, Money{});
}

TEST_F(DemoShop, RefusesToRunTwice) {
    auto again = store::create_demo_shop(*store_, *shop_, kAssets);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
}

TEST(DemoShopAssets, MissingFolderIsAReadableError) {
    waserda::test_support::TempDir tmp;
    auto store = store::SqliteStore::open(tmp.file("x.sqlite"));
    ASSERT_TRUE(store);
    core::Shop shop(**store);
    auto st = store::create_demo_shop(**store, shop, tmp.file("nowhere"));
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::NotFound);
}

TEST(DemoShopAssets, ABrokenFileWritesNothing) {
    waserda::test_support::TempDir tmp;
    std::filesystem::create_directories(tmp.file("demo"));
    std::filesystem::copy_file(kAssets + "/demo/items.csv", tmp.file("demo/items.csv"));
    std::ofstream(tmp.file("demo/members.csv")) << "number,name,joined_on\nA-0001,Siti,2024-13-01\n";
    auto store = store::SqliteStore::open(tmp.file("x.sqlite"));
    ASSERT_TRUE(store);
    core::Shop shop(**store);
    auto st = store::create_demo_shop(**store, shop, tmp.path());
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::Invalid);
    EXPECT_NE(st.error().message.find("baris 2, kolom joined_on"), std::string::npos) << st.error().message;
    EXPECT_EQ(count(**store, "SELECT COUNT(*) FROM items"), 0);
    EXPECT_EQ(count(**store, "SELECT COUNT(*) FROM users"), 0);
}

TEST(BigShop, SmallSpecGivesBalancedBooksAndTheRightCounts) {
    waserda::test_support::TempDir tmp;
    auto opened = store::SqliteStore::open(tmp.file("big.sqlite"));
    ASSERT_TRUE(opened);
    auto& store = **opened;
    store::BigShopSpec spec;
    spec.items = 50;
    spec.members = 20;
    spec.days = 3;
    spec.sales_per_day = 50;
    spec.end_date = "2026-03-02";   // crosses the first of the month: wajib deposits
    std::vector<int> days;
    auto st = store::generate_big_shop(store, spec, [&](int d) { days.push_back(d); });
    ASSERT_TRUE(st) << st.error().message;
    EXPECT_EQ(days, (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(count(store, "SELECT COUNT(*) FROM items"), 50);
    EXPECT_EQ(count(store, "SELECT COUNT(*) FROM members"), 20);
    EXPECT_EQ(count(store, "SELECT COUNT(*) FROM sales WHERE kind = 'sale'"), 150);
    EXPECT_EQ(count(store, "SELECT COUNT(DISTINCT local_date) FROM sales"), 3);
    EXPECT_EQ(count(store, "SELECT MIN(local_date) = '2026-02-28' AND MAX(local_date) = '2026-03-02' FROM sales"), 1);
    EXPECT_EQ(count(store, "SELECT COUNT(*) FROM sales WHERE number NOT LIKE 'T01-' || replace(local_date, '-', '') || '-____'"), 0);
    EXPECT_EQ(count(store, "SELECT COUNT(*) FROM shifts WHERE closed_at IS NOT NULL"), 6);
    EXPECT_GT(count(store, "SELECT COUNT(*) FROM sales WHERE member_id IS NOT NULL"), 0);
    EXPECT_GT(count(store, "SELECT COUNT(*) FROM sale_payments WHERE method = 'member_credit'"), 0);
    EXPECT_GT(count(store, "SELECT COUNT(*) FROM savings_entries WHERE note LIKE 'simpanan wajib 2026-03'"), 0);
    // Local opening hours 07:00-21:00 WIB are 00:00-14:00 UTC on the same date.
    EXPECT_EQ(count(store, "SELECT COUNT(*) FROM sales WHERE substr(at, 1, 10) <> local_date OR substr(at, 12, 2) > '14'"), 0);
    EXPECT_EQ(count(store, "SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND created_at < '2026-03-01T23:00:00Z'"), 0);
    EXPECT_GT(count(store, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'"), 0);
    expect_books_balance(store);
    EXPECT_EQ(count(store, "PRAGMA synchronous"), 2);  // FULL again afterwards
}

TEST(BigShop, SameSeedGivesTheSameSales) {
    auto totals = [](uint64_t seed) {
        waserda::test_support::TempDir tmp;
        auto opened = store::SqliteStore::open(tmp.file("big.sqlite"));
        EXPECT_TRUE(opened);
        store::BigShopSpec spec{30, 10, 2, 40, seed, "2026-05-10"};
        EXPECT_TRUE(store::generate_big_shop(**opened, spec, {}));
        return count(**opened, "SELECT SUM(total) * 1000003 + COUNT(*) FROM sales");
    };
    EXPECT_EQ(totals(7), totals(7));
    EXPECT_NE(totals(7), totals(8));
}
