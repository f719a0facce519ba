// The manager's pure rules: moving average cost, variance, reorder, price changes, labels, dates.
#include "pos/core/inventory.hpp"
#include "pos/core/reports.hpp"

#include <gtest/gtest.h>

using namespace waserda::core;

namespace {

Item item(ItemId id, const std::string& sku, int64_t on_hand, int64_t cost, int64_t min_stock = 0, bool weighed = false) {
    Item it;
    it.id = id;
    it.sku = sku;
    it.name = "Barang " + sku;
    it.on_hand = on_hand;
    it.cost = Money::rp(cost);
    it.min_stock = min_stock;
    it.weighed = weighed;
    it.unit = weighed ? "kg" : "pcs";
    it.price = Money::rp(cost * 5 / 4);
    it.member_price = it.price;
    return it;
}

}  // namespace

TEST(MovingAverageCost, WeighsOldStockAndNewDeliveryByQuantity) {
    // 10 at 2.000 and 30 at 2.400: (20.000 + 72.000) / 40 = 2.300.
    EXPECT_EQ(moving_average_cost(10, Money::rp(2000), 30, Money::rp(2400)), Money::rp(2300));
}

TEST(MovingAverageCost, RoundsHalfAwayFromZero) {
    // (1 x 1.000 + 2 x 1.001) / 3 = 1.000,67 -> 1.001
    EXPECT_EQ(moving_average_cost(1, Money::rp(1000), 2, Money::rp(1001)), Money::rp(1001));
    // (1 x 1.000 + 1 x 1.001) / 2 = 1.000,5 -> 1.001
    EXPECT_EQ(moving_average_cost(1, Money::rp(1000), 1, Money::rp(1001)), Money::rp(1001));
}

TEST(MovingAverageCost, EmptyOrNegativeStockTakesTheIncomingCost) {
    EXPECT_EQ(moving_average_cost(0, Money::rp(5000), 12, Money::rp(6100)), Money::rp(6100));
    EXPECT_EQ(moving_average_cost(-4, Money::rp(5000), 12, Money::rp(6100)), Money::rp(6100));
}

TEST(MovingAverageCost, WeighedGoodsAverageInGramsPerKilogram) {
    // 2,5 kg at Rp 28.000/kg and 7,5 kg at Rp 30.000/kg: Rp 29.500/kg.
    EXPECT_EQ(moving_average_cost(2500, Money::rp(28000), 7500, Money::rp(30000)), Money::rp(29500));
}

TEST(MovingAverageCost, AnItemTwiceOnOneReceiptAveragesInLineOrder) {
    std::map<ItemId, Item> items{{1, item(1, "A", 10, 1000)}};
    std::vector<ReceiptLine> lines(2);
    lines[0].item_id = lines[1].item_id = 1;
    lines[0].qty = 10;
    lines[0].unit_cost = Money::rp(2000);   // -> 1.500 on 20
    lines[1].qty = 20;
    lines[1].unit_cost = Money::rp(1500);   // -> 1.500 on 40
    auto costs = apply_moving_average(lines, items);
    EXPECT_EQ(lines[0].cost_before, Money::rp(1000));
    EXPECT_EQ(lines[0].cost_after, Money::rp(1500));
    EXPECT_EQ(lines[1].cost_before, Money::rp(1500));
    EXPECT_EQ(costs.at(1), Money::rp(1500));
}

TEST(GoodsReceipt, RefusesZeroQuantityNegativeCostAndBadExpiry) {
    GoodsReceipt r;
    r.supplier_id = 1;
    ReceiptLine l;
    l.name = "Susu";
    l.qty = 1;
    l.unit_cost = Money::rp(100);
    r.lines = {l};
    EXPECT_TRUE(validate_receipt(r));
    r.lines[0].expiry = "2027-02-30";
    EXPECT_FALSE(validate_receipt(r));
    r.lines[0].expiry = "2027-02-28";
    r.lines[0].qty = 0;
    EXPECT_FALSE(validate_receipt(r));
    r.lines[0].qty = 1;
    r.lines[0].unit_cost = Money::rp(-1);
    EXPECT_FALSE(validate_receipt(r));
    r.lines.clear();
    EXPECT_FALSE(validate_receipt(r));
}

TEST(Adjustment, LossesMustBeNegativeAndFindsPositive) {
    EXPECT_TRUE(validate_adjustment(AdjustReason::Damaged, -2));
    EXPECT_FALSE(validate_adjustment(AdjustReason::Damaged, 2));
    EXPECT_FALSE(validate_adjustment(AdjustReason::Expired, 1));
    EXPECT_FALSE(validate_adjustment(AdjustReason::Found, -1));
    EXPECT_TRUE(validate_adjustment(AdjustReason::Correction, 5));
    EXPECT_TRUE(validate_adjustment(AdjustReason::Correction, -5));
    EXPECT_FALSE(validate_adjustment(AdjustReason::Correction, 0));
    EXPECT_EQ(adjust_reason_from("lost"), AdjustReason::Lost);
    EXPECT_FALSE(adjust_reason_from("stolen"));
}

TEST(OpnameVariance, BookIsTheOnHandAtTheLastCountSoSalesDuringTheCountDoNotShowAsLoss) {
    OpnameSession s;
    OpnameBook b;
    b.item = item(1, "MIE", 37, 2500);   // on hand now: 40 at the count, 3 sold since
    b.was_counted = true;
    b.counted = 39;                     // one missing from the shelf
    b.moves_after_count = -3;
    b.counters = {"Budi", "Wati"};
    auto lines = compute_variance(s, {b});
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].book_qty, 40);
    EXPECT_EQ(lines[0].variance, -1);
    EXPECT_EQ(lines[0].variance_value, Money::rp(-2500));
    EXPECT_EQ(lines[0].counters, "Budi, Wati");
}

TEST(OpnameVariance, UncountedItemsCountOnlyInAFullCount) {
    OpnameSession partial;
    OpnameBook b;
    b.item = item(2, "TLR", 12, 1000);
    auto none = compute_variance(partial, {b});
    EXPECT_TRUE(none.empty());
    OpnameSession full;
    full.full = true;
    auto lines = compute_variance(full, {b});
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].variance, -12);
    auto sum = summarize_variance(lines);
    EXPECT_EQ(sum.items_short, 1);
    EXPECT_EQ(sum.value_short, Money::rp(-12000));
    EXPECT_EQ(sum.items_counted, 0);
}

TEST(OpnameVariance, WeighedItemsAreValuedPerKilogram) {
    OpnameSession s;
    OpnameBook b;
    b.item = item(3, "GULA", 5000, 16000, 0, true);
    b.was_counted = true;
    b.counted = 4750;
    auto lines = compute_variance(s, {b});
    EXPECT_EQ(lines[0].variance, -250);
    EXPECT_EQ(lines[0].variance_value, Money::rp(-4000));
}

TEST(Reorder, SuggestsCoverForTheAverageSalesRoundedToCartons) {
    ReorderInput in;
    in.item = item(1, "MIE", 8, 2500, 10);
    in.item.barcodes = {{"8990000000017", 1}, {"8990000000024", 40}};
    in.sold_in_window = 280;   // 10 a day over 28 days
    in.window_days = 28;
    in.supplier_code = "SRB";
    auto lines = suggest_reorder({in}, {4, 14});
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].avg_daily_x100, 1000);
    // target 10 + 140 = 150, less 8 on hand = 142 -> 4 cartons of 40.
    EXPECT_EQ(lines[0].suggested, 160);
    EXPECT_EQ(lines[0].pack_qty, 40);
    EXPECT_EQ(lines[0].est_value, Money::rp(160 * 2500));
}

TEST(Reorder, SkipsItemsAboveTheMinimumAndSortsBySupplier) {
    ReorderInput above;
    above.item = item(1, "A", 11, 100, 10);
    ReorderInput none;
    none.item = item(2, "B", 0, 100, 5);
    ReorderInput srb;
    srb.item = item(3, "C", 2, 100, 5);
    srb.supplier_code = "SRB";
    srb.sold_in_window = 28;
    auto lines = suggest_reorder({above, none, srb}, {});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].sku, "C");   // a known supplier first
    EXPECT_EQ(lines[1].sku, "B");
    EXPECT_EQ(lines[1].suggested, 6);   // no sales: just back above the minimum of 5
    EXPECT_EQ(lines[0].suggested, 5 + 14 - 2);
}

TEST(Reorder, NoMinimumAndNoSalesSuggestsNothing) {
    ReorderInput idle;
    idle.item = item(1, "A", 0, 100, 0);
    EXPECT_TRUE(suggest_reorder({idle}, {}).empty());
}

TEST(PriceChange, DueChangesComeOldestFirstAndFutureOnesWait) {
    PriceChange a, b, c;
    a.id = 1;
    a.effective_date = "2026-11-20";
    b.id = 2;
    b.effective_date = "2026-11-22";
    c.id = 3;
    c.effective_date = "2026-11-23";
    auto due = due_price_changes({b, c, a}, "2026-11-22");
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].id, 1);
    EXPECT_EQ(due[1].id, 2);
    b.applied_at = "2026-11-22T00:00:01Z";
    EXPECT_EQ(due_price_changes({b}, "2026-11-22").size(), 0u);
}

TEST(PriceChange, MemberPriceMayNotExceedTheGeneralPrice) {
    PriceChange c;
    c.item_id = 1;
    c.price = Money::rp(3500);
    c.member_price = Money::rp(3600);
    c.effective_date = "2026-12-01";
    EXPECT_FALSE(validate_price_change(c));
    c.member_price = Money::rp(3300);
    EXPECT_TRUE(validate_price_change(c));
    c.effective_date = "1 Des";
    EXPECT_FALSE(validate_price_change(c));
}

TEST(ShelfLabel, UsesTheSinglePieceBarcodeAndExportsCsv) {
    Item it = item(1, "MIE-01", 0, 2800);
    it.barcodes = {{"8990000000024", 40}, {"8990000000017", 1}};
    it.price = Money::rp(3500);
    it.member_price = Money::rp(3300);
    auto l = shelf_label(it, "2026-12-01");
    EXPECT_EQ(l.barcode, "8990000000017");
    auto csv = labels_to_csv({l});
    EXPECT_NE(csv.find("MIE-01,Barang MIE-01,pcs,3500,3300,8990000000017,2026-12-01"), std::string::npos) << csv;
}

TEST(Dates, AddDaysCrossesMonthsAndLeapYears) {
    EXPECT_EQ(add_days("2028-02-28", 1), "2028-02-29");
    EXPECT_EQ(add_days("2026-12-31", 1), "2027-01-01");
    EXPECT_EQ(add_days("2026-03-01", -1), "2026-02-28");
    EXPECT_EQ(days_between("2026-01-01", "2026-12-31"), 364);
    EXPECT_FALSE(valid_date("2026-13-01"));
}

TEST(ReportRange, SplitsAYearIntoWholeMonthsAndLooseDays) {
    auto p = split_by_months({"2025-11-23", "2026-11-22"});
    EXPECT_EQ(p.first_month, "2025-12");
    EXPECT_EQ(p.last_month, "2026-10");
    ASSERT_EQ(p.day_ranges.size(), 2u);
    EXPECT_EQ(p.day_ranges[0].from, "2025-11-23");
    EXPECT_EQ(p.day_ranges[0].to, "2025-11-30");
    EXPECT_EQ(p.day_ranges[1].from, "2026-11-01");
    EXPECT_EQ(p.day_ranges[1].to, "2026-11-22");
    auto whole = split_by_months({"2026-01-01", "2026-12-31"});
    EXPECT_EQ(whole.first_month, "2026-01");
    EXPECT_EQ(whole.last_month, "2026-12");
    EXPECT_TRUE(whole.day_ranges.empty());
    auto days = split_by_months({"2026-02-03", "2026-02-20"});
    EXPECT_TRUE(days.first_month.empty());
    ASSERT_EQ(days.day_ranges.size(), 1u);
}

TEST(ReportRange, UtcBoundsShiftLocalMidnightsByTheOffset) {
    auto [b, e] = utc_bounds({"2026-11-22", "2026-11-22"}, 7 * 60);
    EXPECT_EQ(b, "2026-11-21T17:00:00Z");
    EXPECT_EQ(e, "2026-11-22T17:00:00Z");
}

TEST(Margins, CategoriesRollUpItemsAndBasisPointsRound) {
    ItemSales a{1, "A", "Mie", "Makanan", "pcs", false, 10, Money::rp(35000), Money::rp(28000), 3};
    ItemSales b{2, "B", "Roti", "Makanan", "pcs", false, 1, Money::rp(5000), Money::rp(4000), 1};
    ItemSales c{3, "C", "Sabun", "Rumah", "pcs", false, 2, Money::rp(6000), Money::rp(5000), 1};
    auto cats = margin_by_category({a, b, c});
    ASSERT_EQ(cats.size(), 2u);
    EXPECT_EQ(cats[0].key, "Makanan");
    EXPECT_EQ(cats[0].margin, Money::rp(8000));
    EXPECT_EQ(cats[0].margin_bp, 2000);
    EXPECT_EQ(cats[1].margin_bp, 1667);
    EXPECT_EQ(format_bp(1667), "16,67%");
}

TEST(StockReports, ValuationIgnoresNegativeStockAndCountsIt) {
    auto v = stock_valuation({item(1, "A", 10, 1000), item(2, "B", -3, 500), item(3, "G", 1500, 20000, 0, true)});
    EXPECT_EQ(v.total_value, Money::rp(10000 + 30000));
    EXPECT_EQ(v.negative_items, 1);
}

TEST(StockReports, ExpiringMatchesOnHandToTheNewestLotsFirst) {
    Item milk = item(1, "SUSU", 30, 5000);
    // Newest first: 20 expiring late, then 24 expiring soon (10 of them still on the shelf), then an old lot.
    std::vector<ExpiryLot> lots{{1, "GR-3", "2026-11-20", 20, "2027-03-01"},
                                {1, "GR-2", "2026-11-01", 24, "2026-11-30"},
                                {1, "GR-1", "2026-10-01", 24, "2026-11-10"}};
    auto rows = expiring({milk}, lots, "2026-11-22", "2026-12-22");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].receipt_number, "GR-2");
    EXPECT_EQ(rows[0].qty, 10);
    EXPECT_EQ(rows[0].days_left, 8);
}

TEST(StockReports, ItemCardRunsTheBalance) {
    StockMove in, out;
    in.qty = 24;
    out.qty = -5;
    auto card = item_card(item(1, "A", 0, 0), 10, {in, out});
    ASSERT_EQ(card.rows.size(), 2u);
    EXPECT_EQ(card.rows[0].balance, 34);
    EXPECT_EQ(card.rows[1].balance, 29);
    EXPECT_EQ(card.closing, 29);
    EXPECT_EQ(card.in, 24);
    EXPECT_EQ(card.out, -5);
}
