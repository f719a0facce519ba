// Saving an item says what happens to its barcodes (core::BarcodeWrite): an item read from a scan
// or a search carries none, and writing it back must not take its codes away from the till.
#include "pos/core/catalog_io.hpp"
#include "pos/store/import.hpp"
#include "tests/support/shop_fixture.hpp"

using namespace waserda;

namespace {

class ItemBarcodes : public test_support::ShopFixture {
protected:
    std::vector<core::ItemBarcode> stored(const core::Item& it) { return must(store->item_by_id(it.id))->barcodes; }
    bool scans(const std::string& code, const std::string& sku) {
        auto hit = shop->lookup(code);
        return hit && hit->item.sku == sku;
    }
};

bool same(const std::vector<core::ItemBarcode>& a, const std::vector<core::ItemBarcode>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].code != b[i].code || a[i].pack_qty != b[i].pack_qty) return false;
    return true;
}

TEST_F(ItemBarcodes, SavingAnItemReadFromAScanKeepsItsBarcodes) {
    auto before = stored(noodles);
    ASSERT_EQ(before.size(), 2u);
    core::Item scanned = must(shop->lookup("8990000000013")).item;   // from the scan path's memory
    scanned.price = core::Money::rp(3800);
    scanned.name = "Mie Instan Goreng Pedas";
    ASSERT_TRUE(store->save_item(scanned, core::BarcodeWrite::Keep));
    EXPECT_TRUE(same(stored(noodles), before));
    EXPECT_TRUE(scans("8990000000013", "MIE-01"));
    EXPECT_EQ(must(shop->lookup("8990000000020")).qty, 40);   // the carton still sells 40
    EXPECT_EQ(must(shop->lookup("8990000000013")).item.price, core::Money::rp(3800));
}

TEST_F(ItemBarcodes, SavingAnItemFromASearchKeepsItsBarcodes) {
    auto found = must(store->search_items("Beras", 10));
    ASSERT_EQ(found.size(), 1u);
    core::Item it = found[0];
    it.min_stock = 12;
    ASSERT_TRUE(store->save_items({it}, core::BarcodeWrite::Keep));
    EXPECT_EQ(stored(rice).size(), 1u);
    EXPECT_TRUE(scans("8990000000037", "BRS-05"));
    EXPECT_EQ(must(store->item_by_id(rice.id))->min_stock, 12);
}

TEST_F(ItemBarcodes, SetBarcodesReplacesThemExactlyAndTheTillSeesItAtOnce) {
    EXPECT_TRUE(scans("8990000000020", "MIE-01"));   // the code cache is loaded
    ASSERT_TRUE(store->set_barcodes(noodles.id, {{"8990000000013", 1}, {"8990000000051", 24}}));
    auto now = stored(noodles);
    ASSERT_EQ(now.size(), 2u);
    EXPECT_FALSE(shop->lookup("8990000000020"));   // the old carton code is gone
    EXPECT_EQ(must(shop->lookup("8990000000051")).qty, 24);
    EXPECT_TRUE(scans("8990000000013", "MIE-01"));
    ASSERT_TRUE(store->set_barcodes(noodles.id, {}));
    EXPECT_TRUE(stored(noodles).empty());
    EXPECT_FALSE(shop->lookup("8990000000013"));
}

TEST_F(ItemBarcodes, ACodeOfAnotherItemIsRefusedAndNothingChanges) {
    auto before = stored(noodles);
    auto st = store->set_barcodes(noodles.id, {{"8990000000044", 1}, {"8990000000037", 1}});   // rice's
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::Conflict);
    EXPECT_NE(st.error().message.find("BRS-05"), std::string::npos);
    EXPECT_TRUE(same(stored(noodles), before));
    EXPECT_FALSE(shop->lookup("8990000000044"));
    EXPECT_TRUE(scans("8990000000037", "BRS-05"));
    EXPECT_EQ(store->set_barcodes(999999, {}).error().code, core::ErrorCode::NotFound);
}

TEST_F(ItemBarcodes, ReplaceMakesTheCodesExactlyThoseTheItemCarries) {
    core::Item it = *must(store->item_by_id(noodles.id));
    it.barcodes = {{"8990000000044", 1}};
    ASSERT_TRUE(store->save_item(it, core::BarcodeWrite::Replace));
    ASSERT_EQ(stored(noodles).size(), 1u);
    EXPECT_TRUE(scans("8990000000044", "MIE-01"));
    EXPECT_FALSE(shop->lookup("8990000000013"));
}

TEST_F(ItemBarcodes, ANewItemStartsWithTheCodesItCarriesEitherWay) {
    core::Item sugar;
    sugar.sku = "GUL-01";
    sugar.name = "Gula Pasir 1 kg";
    sugar.price = core::Money::rp(17000);
    sugar.member_price = sugar.price;
    sugar.barcodes = {{"8990000000044", 1}};
    sugar.id = must(store->save_item(sugar, core::BarcodeWrite::Keep));
    EXPECT_EQ(stored(sugar).size(), 1u);
    EXPECT_TRUE(scans("8990000000044", "GUL-01"));
}

TEST_F(ItemBarcodes, AnImportWithoutABarcodesColumnKeepsTheCodesOneWithItReplacesThem) {
    auto prices = core::items_from_csv("sku,name,price\nMIE-01,Mie Instan Goreng,3900\n", {});
    ASSERT_TRUE(prices.problems.empty()) << core::format_problems(prices.problems);
    EXPECT_FALSE(prices.has_barcodes);
    ASSERT_TRUE(store::import_items(*store, *shop, prices));
    EXPECT_EQ(stored(noodles).size(), 2u);
    EXPECT_EQ(must(shop->lookup("8990000000020")).item.price, core::Money::rp(3900));

    auto codes = core::items_from_csv("sku,name,price,barcodes\nMIE-01,Mie Instan Goreng,3900,8990000000044;8990000000051x40\n", {});
    ASSERT_TRUE(codes.problems.empty()) << core::format_problems(codes.problems);
    EXPECT_TRUE(codes.has_barcodes);
    ASSERT_TRUE(store::import_items(*store, *shop, codes));
    auto now = stored(noodles);
    ASSERT_EQ(now.size(), 2u);
    EXPECT_FALSE(shop->lookup("8990000000013"));
    EXPECT_EQ(must(shop->lookup("8990000000051")).qty, 40);
    expect_books_balance();
}

}  // namespace
