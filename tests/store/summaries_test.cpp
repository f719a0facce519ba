// The report summaries are folded from the raw sales in batches (pos/store/summaries.hpp): a
// report read right after a sale already counts it, the till folds by itself every kFoldEvery
// sales, a sale is never counted twice — by two programs folding at once, or by a fold that
// was rolled back.
#include "pos/core/cart.hpp"
#include "pos/store/reports_store.hpp"
#include "pos/store/summaries.hpp"
#include "tests/support/shop_fixture.hpp"

using namespace waserda;

namespace {

class Summaries : public test_support::ShopFixture {
protected:
    core::Sale sell_noodles(int64_t qty) {
        auto cart = shop->new_cart();
        EXPECT_TRUE(shop->scan_into(cart, "8990000000013"));
        EXPECT_TRUE(core::cart_set_qty(cart, 0, qty));
        return must(shop->checkout({cart, {cash(qty * 3500)}, cashier, std::nullopt, ""}));
    }

    int64_t scalar(const std::string& sql) {
        auto st = store->db().prepare(sql);
        EXPECT_TRUE(st && st->step()) << sql;
        return st ? st->int64(0) : -1;
    }

    int64_t mark() { return scalar("SELECT sale_id FROM summary_mark"); }
    int64_t summarised_qty() { return scalar("SELECT COALESCE(SUM(qty), 0) FROM daily_item_sales"); }
    int64_t summarised_sales() { return scalar("SELECT COALESCE(SUM(sales), 0) FROM daily_sales"); }
};

TEST_F(Summaries, ASaleIsLeftForTheNextBatchAndAReportFoldsItBeforeReading) {
    auto sale = sell_noodles(3);
    EXPECT_LT(mark(), sale.id);          // the sale's own transaction wrote only its facts
    EXPECT_EQ(summarised_qty(), 0);
    store::SqliteReportsStore reports(*store);
    auto days = reports.day_sales({"2026-11-01", "2026-11-30"});
    ASSERT_TRUE(days);
    ASSERT_EQ(days->size(), 1u);
    EXPECT_EQ((*days)[0].sales_count, 1);
    EXPECT_EQ((*days)[0].sales_total, sale.total);
    EXPECT_EQ(mark(), sale.id);
    EXPECT_EQ(summarised_qty(), 3);
    // Folding again finds nothing new.
    ASSERT_TRUE(store::fold_summaries(store->db()));
    EXPECT_EQ(summarised_qty(), 3);
    expect_books_balance();
}

TEST_F(Summaries, TheTillFoldsByItselfEveryBatchOfSales) {
    int64_t last = 0;
    for (int i = 0; i < store::kFoldEvery; ++i) last = sell_noodles(1).id;
    EXPECT_EQ(mark(), last);   // the batch's last sale folded them all in its own transaction
    EXPECT_EQ(summarised_qty(), store::kFoldEvery);
    EXPECT_EQ(summarised_sales(), store::kFoldEvery);
    sell_noodles(1);
    EXPECT_EQ(mark(), last);
    expect_books_balance();
}

TEST_F(Summaries, TwoProgramsFoldingTheSameSalesCountThemOnce) {
    for (int i = 0; i < 5; ++i) sell_noodles(2);
    auto other = store::SqliteStore::open(db_path);   // the CLI or a second till on the same file
    ASSERT_TRUE(other);
    ASSERT_TRUE(store::fold_summaries((*other)->db()));
    ASSERT_TRUE(store::fold_summaries(store->db()));
    EXPECT_EQ(summarised_qty(), 10);
    EXPECT_EQ(summarised_sales(), 5);
    // A fold inside a transaction that is rolled back leaves the mark where it was, so the
    // same sales fold again later, once.
    sell_noodles(4);
    {
        store::Transaction tx(store->db());
        ASSERT_TRUE(tx.begun());
        ASSERT_TRUE(store::fold_summaries(store->db()));
        EXPECT_EQ(summarised_qty(), 14);
    }   // rolled back
    EXPECT_EQ(summarised_qty(), 10);
    ASSERT_TRUE(store::fold_summaries((*other)->db()));
    EXPECT_EQ(summarised_qty(), 14);
    expect_books_balance();
}

TEST_F(Summaries, AShopFromBeforeBatchesKeepsEverySaleOnceAfterTheUpgrade) {
    // Schema 5 kept the summaries by triggers in each sale; schema 6 takes over with the mark
    // on the newest sale, so the sales already summed are not summed again.
    for (int i = 0; i < 3; ++i) sell_noodles(1);
    ASSERT_TRUE(store::fold_summaries(store->db()));
    ASSERT_TRUE(store->db().exec("DROP TABLE summary_mark; PRAGMA user_version = 5"));
    open();
    EXPECT_EQ(scalar("PRAGMA user_version"), 6);
    EXPECT_EQ(mark(), scalar("SELECT MAX(id) FROM sales"));
    sell_noodles(1);
    ASSERT_TRUE(store::fold_summaries(store->db()));
    EXPECT_EQ(summarised_qty(), 4);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('sales', 'sale_payments')"), 0);
    expect_books_balance();
}

}  // namespace
