// The scan path's in-memory codes (pos/store/code_cache.hpp) never answer with stale data:
// changes on this connection, rolled-back changes, and changes by another program on the same file.
#include "pos/store/database.hpp"
#include "tests/support/shop_fixture.hpp"

#include <chrono>

using namespace waserda;

namespace {

class CodeCacheTest : public test_support::ShopFixture {
protected:
    core::ScanHit scan(const std::string& code) {
        auto hit = shop->lookup(code);
        EXPECT_TRUE(hit) << code << ": " << (hit ? "" : hit.error().message);
        return hit ? *hit : core::ScanHit{};
    }
    std::unique_ptr<store::SqliteStore> other_program() {
        auto s = store::SqliteStore::open(db_path);
        EXPECT_TRUE(s);
        return s ? std::move(*s) : nullptr;
    }
};

TEST_F(CodeCacheTest, BarcodePackAndSkuAnswerFromMemoryAsFromTheDatabase) {
    EXPECT_EQ(scan("8990000000013").item.sku, "MIE-01");
    EXPECT_EQ(scan("8990000000020").qty, 40);          // the carton
    EXPECT_EQ(scan("BRS-05").item.name, "Beras Premium 5 kg");
    EXPECT_EQ(scan("8990000000020").code, "8990000000020");
    auto miss = shop->lookup("8990000000044");
    ASSERT_FALSE(miss);
    EXPECT_EQ(miss.error().code, core::ErrorCode::NotFound);
}

TEST_F(CodeCacheTest, APriceChangedOnThisConnectionShowsOnTheNextScan) {
    EXPECT_EQ(scan("8990000000013").item.price, core::Money::rp(3500));
    auto it = noodles;
    it.price = core::Money::rp(3700);
    ASSERT_TRUE(store->save_item(it, core::BarcodeWrite::Keep));
    EXPECT_EQ(scan("8990000000013").item.price, core::Money::rp(3700));
    EXPECT_EQ(scan("8990000000020").item.price, core::Money::rp(3700));   // its other code too
}

TEST_F(CodeCacheTest, AChangeByAnotherProgramOnTheSameFileShowsOnTheNextScan) {
    EXPECT_EQ(scan("8990000000037").item.price, core::Money::rp(75000));
    auto cli = other_program();
    auto it = rice;
    it.price = core::Money::rp(76000);
    it.barcodes.push_back({"8990000000051", 1});
    ASSERT_TRUE(cli->save_item(it, core::BarcodeWrite::Replace));
    // Another program's change is seen within 100 ms (the data_version check's interval).
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (scan("8990000000037").item.price != core::Money::rp(76000) && std::chrono::steady_clock::now() < deadline) {
    }
    EXPECT_EQ(scan("8990000000037").item.price, core::Money::rp(76000));
    EXPECT_EQ(scan("8990000000051").item.sku, "BRS-05");               // a barcode added elsewhere
}

TEST_F(CodeCacheTest, NewItemsAndBarcodesAreFoundAndSoldStockIsCurrent) {
    scan("8990000000013");
    add_item("GUL-01", "Gula Pasir 1 kg", 17000, 16500, {{"8990000000044", 1}}, 30);
    EXPECT_EQ(scan("8990000000044").item.sku, "GUL-01");
    EXPECT_EQ(scan("GUL-01").item.on_hand, 30);
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "8990000000044"));
    ASSERT_TRUE(shop->checkout({cart, {cash(17000)}, cashier, std::nullopt, ""}));
    EXPECT_EQ(scan("8990000000044").item.on_hand, 29);
}

TEST_F(CodeCacheTest, AChangeThatRollsBackIsNeverRemembered) {
    EXPECT_EQ(scan("8990000000013").item.price, core::Money::rp(3500));
    {
        store::Transaction tx(store->db());
        ASSERT_TRUE(store->db().exec("UPDATE items SET price = 9999 WHERE sku = 'MIE-01'"));
        EXPECT_EQ(scan("8990000000013").item.price, core::Money::rp(9999));   // inside: the database's own view
        // no commit: rolls back
    }
    EXPECT_EQ(scan("8990000000013").item.price, core::Money::rp(3500));
    EXPECT_EQ(scan("8990000000020").item.price, core::Money::rp(3500));
}

TEST_F(CodeCacheTest, ARemovedBarcodeNoLongerScans) {
    scan("8990000000020");
    ASSERT_TRUE(store->db().exec("DELETE FROM barcodes WHERE code = '8990000000020'"));
    EXPECT_FALSE(shop->lookup("8990000000020"));
    EXPECT_EQ(scan("8990000000013").item.sku, "MIE-01");
}

}  // namespace
