// `waserda check` compares every report summary with the raw sales: a shop with sales, a return,
// split payments and weighed goods passes; a summary row changed by hand is reported, with the
// day or month where it differs.
#include "pos/core/cart.hpp"
#include "pos/store/summaries.hpp"
#include "tests/support/shop_fixture.hpp"

#include <chrono>

using namespace waserda;

namespace {

class SummaryCheck : public test_support::ShopFixture {
protected:
    void SetUp() override {
        ShopFixture::SetUp();
        // Three days of sales: cash, member credit split with cash, weighed eggs (655 g: a cost
        // that rounds), and a return.
        for (int day = 0; day < 3; ++day) {
            auto cart = shop->new_cart();
            ASSERT_TRUE(shop->scan_into(cart, "8990000000013"));
            ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
            ASSERT_TRUE(shop->scan_into(cart, "2000012"));
            ASSERT_TRUE(core::cart_set_qty(cart, 2, 655));
            auto sale = must(shop->checkout({cart, {cash(100'000)}, cashier, std::nullopt, ""}));
            auto member_cart = shop->new_cart();
            ASSERT_TRUE(shop->set_member(member_cart, "A-0001"));
            ASSERT_TRUE(shop->scan_into(member_cart, "8990000000020"));   // a carton: 40 pieces
            must(shop->checkout({member_cart, {pay(core::PaymentMethod::MemberCredit, 50'000), cash(100'000)}, cashier, std::nullopt, ""}));
            if (day == 1) {
                core::ReturnRequest r;
                r.sale_number = sale.number;
                r.lines = {{1, 1}};
                r.cashier = cashier;
                r.approver = supervisor;
                must(shop->return_sale(r));
            }
            clock.advance(std::chrono::hours(24));
        }
        // The summaries as a report would read them: with every sale folded in.
        ASSERT_TRUE(store::fold_summaries(store->db()));
    }

    std::vector<core::CheckFinding> summary_findings() {
        auto all = store->check();
        EXPECT_TRUE(all);
        std::vector<core::CheckFinding> out;
        for (auto& f : *all)
            if (f.what.find("(daily_") != std::string::npos || f.what.find("(monthly_") != std::string::npos ||
                f.what.find("(member_month_sales)") != std::string::npos)
                out.push_back(f);
        return out;
    }

    void exec(const std::string& sql) {
        auto st = store->db().prepare(sql);
        ASSERT_TRUE(st) << sql;
        ASSERT_TRUE(st->run()) << sql;
    }
};

}  // namespace

TEST_F(SummaryCheck, EverySummaryAgreesWithTheSalesItSummarises) {
    auto findings = summary_findings();
    ASSERT_EQ(findings.size(), 6u);   // daily_sales, daily_payments, daily_item_sales, monthly_item_sales, daily_totals, member_month_sales
    for (auto& f : findings) EXPECT_TRUE(f.ok) << f.what << ": " << f.detail;
    expect_books_balance();
}

TEST_F(SummaryCheck, ADailySalesRowChangedByHandIsReportedWithItsDay) {
    exec("UPDATE daily_sales SET sales_total = sales_total + 1000 WHERE local_date = '2026-11-23'");
    bool seen = false;
    for (auto& f : summary_findings()) {
        if (f.what.find("(daily_sales)") == std::string::npos) {
            EXPECT_TRUE(f.ok) << f.what << ": " << f.detail;
            continue;
        }
        seen = true;
        EXPECT_FALSE(f.ok);
        EXPECT_NE(f.detail.find("sales_total"), std::string::npos) << f.detail;
        EXPECT_NE(f.detail.find("2026-11-23"), std::string::npos) << f.detail;
        EXPECT_EQ(f.detail.find("2026-11-22"), std::string::npos) << f.detail;
    }
    EXPECT_TRUE(seen);
}

TEST_F(SummaryCheck, AMonthlyItemRowAPaymentRowAndAMemberMonthChangedByHandAreEachReported) {
    exec("UPDATE monthly_item_sales SET cost = cost - 7 WHERE (month, item_id) IN (SELECT month, item_id FROM monthly_item_sales LIMIT 1)");
    exec("UPDATE daily_payments SET amount = amount + 500 WHERE method = 'member_credit'");
    exec("DELETE FROM member_month_sales WHERE member_id = 0");
    int failed = 0;
    for (auto& f : summary_findings()) {
        bool expected_bad = f.what.find("(monthly_item_sales)") != std::string::npos ||
                            f.what.find("(daily_payments)") != std::string::npos ||
                            f.what.find("(member_month_sales)") != std::string::npos;
        EXPECT_EQ(f.ok, !expected_bad) << f.what << ": " << f.detail;
        if (!f.ok) {
            ++failed;
            EXPECT_NE(f.detail.find("2026-11"), std::string::npos) << f.what << ": " << f.detail;
        }
    }
    EXPECT_EQ(failed, 3);
}

TEST_F(SummaryCheck, ADailyItemRowChangedByHandIsReportedThroughItsRollUpsToo) {
    // The triggers carry the change into monthly_item_sales and daily_totals, so all three differ
    // from the sale lines.
    exec("UPDATE daily_item_sales SET revenue = revenue + 250 WHERE local_date = '2026-11-24' AND item_id = " +
         std::to_string(noodles.id));
    int failed = 0;
    for (auto& f : summary_findings())
        if (!f.ok) {
            ++failed;
            EXPECT_NE(f.detail.find("revenue"), std::string::npos) << f.detail;
        }
    EXPECT_EQ(failed, 3);
}
