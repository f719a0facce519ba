// The till's main path on a real SQLite file: scan, member, pay, commit, books.
#include "tests/support/shop_fixture.hpp"

#include "pos/core/json_codec.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <thread>

using namespace waserda;
using core::Money;
using core::PaymentMethod;

class Checkout : public test_support::ShopFixture {};

TEST_F(Checkout, CashSaleCommitsLinesStockPaymentsAndItsOutboxEvent) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "8990000000013"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000013"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    auto sale = shop->checkout({cart, {cash(100'000)}, cashier, std::nullopt, ""});
    ASSERT_TRUE(sale) << sale.error().message;
    EXPECT_EQ(sale->number, "T01-20261122-0001");
    EXPECT_EQ(sale->total, Money::rp(82000));
    EXPECT_EQ(sale->change, Money::rp(18000));
    EXPECT_EQ(must(store->item_by_id(noodles.id))->on_hand, 98);
    auto events = must(store->pending_events(10));
    ASSERT_FALSE(events.empty());
    auto payload = nlohmann::json::parse(events.back().payload);
    EXPECT_EQ(payload["sale"]["number"], "T01-20261122-0001");
    EXPECT_EQ(payload["sale"]["total"], 82000);
    expect_books_balance();
}

TEST_F(Checkout, SaleNumbersCountPerDeviceAndDay) {
    for (int i = 1; i <= 3; ++i) {
        auto cart = shop->new_cart();
        ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
        auto sale = shop->checkout({cart, {cash(3500)}, cashier, std::nullopt, ""});
        ASSERT_TRUE(sale);
        EXPECT_EQ(sale->number, "T01-20261122-000" + std::to_string(i));
    }
    clock.advance(std::chrono::hours(24));
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
    auto sale = shop->checkout({cart, {cash(3500)}, cashier, std::nullopt, ""});
    ASSERT_TRUE(sale);
    EXPECT_EQ(sale->number, "T01-20261123-0001");
}

TEST_F(Checkout, CashIsRoundedToTheSmallestCoin) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "2000012"));  // 1 kg of eggs by SKU
    ASSERT_TRUE(core::cart_set_qty(cart, 0, 655));   // 655 g = 18.340
    auto sale = shop->checkout({cart, {cash(20'000)}, cashier, std::nullopt, ""});
    ASSERT_TRUE(sale) << sale.error().message;
    EXPECT_EQ(sale->rounding, Money::rp(-40));
    EXPECT_EQ(sale->total, Money::rp(18300));
    EXPECT_EQ(sale->change, Money::rp(1700));
    expect_books_balance();
}

TEST_F(Checkout, PkpReceiptCarriesDppAndPpnOfTaxableLinesOnly) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "BRS-05"));    // taxable 75.000
    ASSERT_TRUE(shop->scan_into(cart, "2000012"));   // eggs, not taxable
    auto sale = shop->checkout({cart, {cash(103'000)}, cashier, std::nullopt, ""});
    ASSERT_TRUE(sale);
    auto tax = core::split_included_tax(Money::rp(75000), shop->settings().tax);
    EXPECT_EQ(sale->ppn, tax.ppn);
    EXPECT_EQ(sale->dpp, tax.dpp);
}

TEST_F(Checkout, MemberBuysOnCreditWithinTheLimit) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->set_member(cart, "M0001"));  // by card
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    EXPECT_EQ(cart.lines[0].unit_price, Money::rp(72000));
    auto sale = shop->checkout({cart, {pay(PaymentMethod::MemberCredit, 72000)}, cashier, std::nullopt, ""});
    ASSERT_TRUE(sale) << sale.error().message;
    auto view = must(shop->member_view(siti.id));
    EXPECT_EQ(view.balances.owed, Money::rp(72000));
    EXPECT_EQ(view.credit_limit, Money::rp(800'000));
    EXPECT_EQ(*sale->member_available_credit, Money::rp(728'000));
    expect_books_balance();
}

TEST_F(Checkout, CreditBeyondTheLimitIsRefusedInPlainWordsAndNothingIsRecorded) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->set_member(cart, "A-0002"));  // limit 80% of 200.000 = 160.000
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    auto sale = shop->checkout({cart, {pay(PaymentMethod::MemberCredit, 216000)}, cashier, std::nullopt, ""});
    ASSERT_FALSE(sale);
    EXPECT_EQ(sale.error().code, core::ErrorCode::CreditLimit);
    EXPECT_NE(sale.error().message.find("Batas kredit"), std::string::npos);
    EXPECT_NE(sale.error().message.find("Rp 160.000"), std::string::npos);
    EXPECT_FALSE(must(store->sale_exists(cart.uuid)));
    EXPECT_EQ(must(store->item_by_id(rice.id))->on_hand, 20);
}

TEST_F(Checkout, ASupervisorMayOverrideTheCreditLimitAndItIsAudited) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->set_member(cart, "A-0002"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    auto approver = shop->approve(core::Permission::OverrideCreditLimit, "3456");
    ASSERT_TRUE(approver);
    auto sale = shop->checkout({cart, {pay(PaymentMethod::MemberCredit, 216000)}, cashier, *approver, "gaji minggu depan"});
    ASSERT_TRUE(sale) << sale.error().message;
    auto audit = must(store->audit_entries(5));
    bool found = false;
    for (auto& a : audit)
        found |= a.action == "override_credit_limit" && a.approver_id == supervisor.id && a.ref == sale->number;
    EXPECT_TRUE(found);
}

TEST_F(Checkout, AWrongSupervisorPinIsRefused) {
    auto approver = shop->approve(core::Permission::OverrideCreditLimit, "9999");
    ASSERT_FALSE(approver);
    EXPECT_EQ(approver.error().code, core::ErrorCode::Denied);
    auto cashier_pin = shop->approve(core::Permission::OverrideCreditLimit, "1111");  // a cashier may not approve
    EXPECT_FALSE(cashier_pin);
}

TEST_F(Checkout, PaysFromSukarelaAndMixesMethods) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->set_member(cart, "A-0001"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));  // 72.000 member price
    auto sale = shop->checkout({cart, {pay(PaymentMethod::Savings, 50000), pay(PaymentMethod::Qris, 12000), cash(10000)},
                                cashier, std::nullopt, ""});
    ASSERT_TRUE(sale) << sale.error().message;
    EXPECT_EQ(must(store->member_balances(siti.id)).sukarela, Money::rp(0));
    EXPECT_EQ(sale->payments.size(), 3u);
    expect_books_balance();
}

TEST_F(Checkout, SukarelaCannotPayMoreThanItsBalance) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->set_member(cart, "A-0001"));
    ASSERT_TRUE(shop->scan_into(cart, "8990000000037"));
    auto sale = shop->checkout({cart, {pay(PaymentMethod::Savings, 72000)}, cashier, std::nullopt, ""});
    ASSERT_FALSE(sale);
    EXPECT_EQ(sale.error().code, core::ErrorCode::Insufficient);
}

TEST_F(Checkout, UnderpaymentIsRefused) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "BRS-05"));
    auto sale = shop->checkout({cart, {cash(50000)}, cashier, std::nullopt, ""});
    ASSERT_FALSE(sale);
    EXPECT_NE(sale.error().message.find("Rp 25.000"), std::string::npos);
}

TEST_F(Checkout, UnknownAndMisreadBarcodesSayWhatToDo) {
    auto cart = shop->new_cart();
    std::string unknown_code = core::with_check_digit("899123456789");
    auto unknown = shop->scan_into(cart, unknown_code);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, core::ErrorCode::NotFound);
    std::string misread_code = unknown_code;
    misread_code.back() = static_cast<char>('0' + (misread_code.back() - '0' + 1) % 10);
    auto misread = shop->scan_into(cart, misread_code);
    ASSERT_FALSE(misread);
    EXPECT_NE(misread.error().message.find("Pindai ulang"), std::string::npos);
    EXPECT_TRUE(cart.empty());
}

TEST_F(Checkout, PackBarcodeSellsFortyPieces) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "8990000000020"));
    ASSERT_EQ(cart.lines.size(), 1u);
    EXPECT_EQ(cart.lines[0].qty, 40);
}

TEST_F(Checkout, WeighedInStoreLabelSellsItsGrams) {
    auto rules = shop->settings().in_store_rules;
    std::string label = core::make_in_store_code(rules[0], "00012", 1250);
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, label));
    EXPECT_EQ(cart.lines[0].qty, 1250);
    EXPECT_EQ(cart.lines[0].total(), Money::rp(35000));
}

TEST_F(Checkout, VoidingALineNeedsASupervisorForACashier) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
    auto denied = shop->void_line(cart, 0, cashier, std::nullopt);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, core::ErrorCode::Denied);
    EXPECT_EQ(cart.lines.size(), 1u);
    ASSERT_TRUE(shop->void_line(cart, 0, cashier, supervisor));
    EXPECT_TRUE(cart.empty());
    auto audit = must(store->audit_entries(1));
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "void_line");
}

TEST_F(Checkout, NoSaleWithoutAnOpenShift) {
    std::map<int64_t, int64_t> counted{{100000, 2}};
    ASSERT_TRUE(shop->close_shift(cashier, counted));
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
    auto sale = shop->checkout({cart, {cash(3500)}, cashier, std::nullopt, ""});
    ASSERT_FALSE(sale);
    EXPECT_NE(sale.error().message.find("shift"), std::string::npos);
}

TEST_F(Checkout, TwoProgramsSellingOnOneTillAtOnceTakeEachNumberOnce) {
    // The POS and `waserda sale` on the same file and device, selling at the same time: each sale
    // is checked and written in one write transaction, so no two take the same daily number.
    constexpr int kEach = 15;
    auto sell_many = [&](core::Shop& s, std::vector<std::string>& numbers) {
        for (int i = 0; i < kEach; ++i) {
            auto cart = s.new_cart();
            if (!s.scan_into(cart, "MIE-01")) return;
            auto sale = s.checkout({cart, {cash(3500)}, cashier, std::nullopt, ""});
            if (!sale) return;
            numbers.push_back(sale->number);
        }
    };
    auto other_store = must(store::SqliteStore::open(db_path));
    core::Shop other(*other_store, &clock);
    std::vector<std::string> mine, theirs;
    std::thread t([&] { sell_many(other, theirs); });
    sell_many(*shop, mine);
    t.join();
    ASSERT_EQ(mine.size(), static_cast<size_t>(kEach));
    ASSERT_EQ(theirs.size(), static_cast<size_t>(kEach));
    std::set<std::string> all(mine.begin(), mine.end());
    all.insert(theirs.begin(), theirs.end());
    EXPECT_EQ(all.size(), static_cast<size_t>(2 * kEach));
    EXPECT_EQ(*all.rbegin(), "T01-20261122-0030");
    EXPECT_EQ(must(store->item_by_id(noodles.id))->on_hand, 100 - 2 * kEach);
    expect_books_balance();
}

TEST_F(Checkout, TheSameCartIsNeverSoldTwice) {
    auto cart = shop->new_cart();
    ASSERT_TRUE(shop->scan_into(cart, "MIE-01"));
    ASSERT_TRUE(shop->checkout({cart, {cash(3500)}, cashier, std::nullopt, ""}));
    auto again = shop->checkout({cart, {cash(3500)}, cashier, std::nullopt, ""});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(must(store->item_by_id(noodles.id))->on_hand, 99);
}
