// The real screens, driven headlessly with synthetic taps, keys and scans, on a real SQLite shop:
// a full sale on member credit, and the errors a cashier meets.
#include "tests/ui/ui_fixture.hpp"

#include "pos/core/money.hpp"

using namespace waserda;
using ui::keys::F12;
using ui_test::UiFixture;

class HeadlessCheckout : public UiFixture {};

TEST_F(HeadlessCheckout, FullSaleOnMemberCreditIsCommittedThenPrinted) {
    open_till();
    scan(codes.rice);
    ASSERT_EQ(state().cart.lines.size(), 1u);
    EXPECT_TRUE(ui->visible("checkout.line.0"));   // on screen in the frames right after the scan
    EXPECT_EQ(state().cart.lines[0].unit_price, core::Money::rp(75000));

    scan(codes.member_card);                        // the member card, scanned like an item
    ASSERT_TRUE(state().member.has_value());
    EXPECT_EQ(state().member->member.name, "Ahmad Fauzi");
    EXPECT_EQ(state().cart.lines[0].unit_price, core::Money::rp(72000));   // member price at once
    EXPECT_EQ(state().member->available_credit, core::Money::rp(800000));

    press(F12);
    ASSERT_EQ(state().screen, "payment");
    ASSERT_TRUE(tap("pay.method.credit"));
    ASSERT_TRUE(tap("pay.pad.ok"));                  // nothing typed: the rest goes on credit
    ASSERT_EQ(state().payments.size(), 1u);
    EXPECT_EQ(state().payments[0].amount, core::Money::rp(72000));
    ASSERT_TRUE(tap("pay.finish"));

    ASSERT_TRUE(state().last_sale.has_value()) << state().banner.text;
    const core::Sale& sale = *state().last_sale;
    EXPECT_EQ(state().screen, "checkout");
    EXPECT_TRUE(state().cart.empty());
    auto stored = store->sale_by_number(sale.number);
    ASSERT_TRUE(stored && *stored);
    ASSERT_EQ((*stored)->payments.size(), 1u);
    EXPECT_EQ((*stored)->payments[0].method, core::PaymentMethod::MemberCredit);
    EXPECT_EQ((*stored)->member_number, "A-0001");
    EXPECT_TRUE(std::filesystem::exists(receipts + "/" + sale.number + ".txt"));
    auto view = shop->member_view((*stored)->member_id.value());
    ASSERT_TRUE(view);
    EXPECT_EQ(view->balances.owed, core::Money::rp(72000));
}

TEST_F(HeadlessCheckout, CashSaleWithAQuickAmountShowsTheChange) {
    open_till();
    scan(codes.sugar);
    scan(codes.sugar);
    press(F12);
    ASSERT_TRUE(tap("pay.quick.50000"));
    EXPECT_EQ(state().plan.change, core::Money::rp(15000));
    ASSERT_TRUE(tap("pay.finish"));
    ASSERT_TRUE(state().last_sale.has_value()) << state().banner.text;
    EXPECT_EQ(state().last_sale->change, core::Money::rp(15000));
    EXPECT_TRUE(ui->visible("checkout.reprint"));
    ASSERT_TRUE(tap("checkout.reprint"));
    EXPECT_EQ(files_in(receipts, ".txt"), 2);
}

TEST_F(HeadlessCheckout, EnterOnThePayScreenMeansExactCash) {
    open_till();
    scan(codes.coffee);
    press(F12);
    press(ui::keys::Enter);
    ASSERT_TRUE(state().last_sale.has_value()) << state().banner.text;
    EXPECT_EQ(state().last_sale->total, core::Money::rp(14000));
    EXPECT_EQ(state().last_sale->change, core::Money::rp(0));
}

TEST_F(HeadlessCheckout, UnknownBarcodeIsOnePlainSentenceAndTheCartStays) {
    open_till();
    scan(codes.tea);
    scan("8990000099999");
    EXPECT_EQ(state().cart.lines.size(), 1u);
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    EXPECT_FALSE(state().banner.text.empty());
    EXPECT_EQ(state().banner.text.find("NotFound"), std::string::npos);
    EXPECT_TRUE(ui->visible("banner.close"));
    scan(codes.tea);                                // the next good scan clears the error
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::None);
    EXPECT_EQ(state().cart.lines[0].qty, 2);
}

TEST_F(HeadlessCheckout, WrongPinKeepsTheLoginScreenAndSaysSo) {
    login("Siti", "0000");
    EXPECT_EQ(state().screen, "login");
    EXPECT_FALSE(state().user.has_value());
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    login("Siti", "1234");
    EXPECT_TRUE(state().user.has_value());
}

TEST_F(HeadlessCheckout, CreditLimitReachedNeedsASupervisorWhoseApprovalIsLogged) {
    open_till();
    scan(codes.rice);
    scan(codes.oil);                                // 72.000 + 34.500 for a member
    scan(codes.poor_member);                        // typed member number works like a card
    ASSERT_TRUE(state().member.has_value());
    EXPECT_EQ(state().member->available_credit, core::Money::rp(120000));
    scan(codes.rice);                               // 216.000 + ... now over the 120.000 limit
    press(F12);
    ASSERT_TRUE(tap("pay.method.credit"));
    ASSERT_TRUE(tap("pay.pad.ok"));
    ASSERT_TRUE(tap("pay.finish"));
    ASSERT_TRUE(state().approval.has_value());      // refused: the supervisor dialog is up
    EXPECT_NE(state().approval->why.find("Dewi Lestari"), std::string::npos);
    EXPECT_FALSE(state().last_sale.has_value());

    tap_digits("approval.pad", "1234");             // a cashier's PIN does not approve
    ASSERT_TRUE(tap("approval.pad.ok"));
    ASSERT_TRUE(state().approval.has_value());
    EXPECT_FALSE(state().approval->error.empty());

    tap_digits("approval.pad", "9999");
    ASSERT_TRUE(tap("approval.pad.ok"));
    EXPECT_FALSE(state().approval.has_value());
    ASSERT_TRUE(state().last_sale.has_value()) << state().banner.text;
    auto audit = store->audit_entries(20);
    ASSERT_TRUE(audit);
    bool logged = false;
    for (auto& a : *audit) logged = logged || (a.action == core::to_string(core::Permission::OverrideCreditLimit) && a.approver_id != 0);
    EXPECT_TRUE(logged);
}

TEST_F(HeadlessCheckout, VoidingALineAsACashierAsksForTheSupervisorPin) {
    open_till();
    scan(codes.milk);
    scan(codes.soap);
    ASSERT_TRUE(tap("checkout.line.0"));
    ASSERT_TRUE(tap("line.void"));
    ASSERT_TRUE(state().approval.has_value());
    tap_digits("approval.pad", "9999");
    ASSERT_TRUE(tap("approval.pad.ok"));
    ASSERT_EQ(state().cart.lines.size(), 1u);
    EXPECT_EQ(state().cart.lines[0].name, "Sabun Mandi Batang");
}

TEST_F(HeadlessCheckout, RaisingAQuantityOnTheKeypadNeedsNoApproval) {
    open_till();
    scan(codes.noodles);
    ASSERT_TRUE(tap("checkout.line.0"));
    tap_digits("line.pad", "5");
    ASSERT_TRUE(tap("line.pad.ok"));
    EXPECT_FALSE(state().approval.has_value());
    EXPECT_EQ(state().cart.lines[0].qty, 5);
}

TEST_F(HeadlessCheckout, PackAndWeighedBarcodesAddTheRightQuantity) {
    open_till();
    scan(codes.noodles_carton);
    ASSERT_EQ(state().cart.lines.size(), 1u);
    EXPECT_EQ(state().cart.lines[0].qty, 40);
    scan(codes.eggs_label_1250g);
    ASSERT_EQ(state().cart.lines.size(), 2u);
    EXPECT_TRUE(state().cart.lines[1].weighed);
    EXPECT_EQ(state().cart.lines[1].qty, 1250);
    EXPECT_EQ(state().cart.lines[1].total(), core::Money::rp(35000));
}

TEST_F(HeadlessCheckout, TheOpenCartComesBackAfterACrash) {
    open_till();
    scan(codes.rice);
    scan(codes.member_card);
    scan(codes.tea);
    start();   // no clean shutdown: a new App on the same file, as after a power cut
    EXPECT_EQ(state().cart.lines.size(), 2u);
    open_till();
    ASSERT_EQ(state().cart.lines.size(), 2u);
    ASSERT_TRUE(state().member.has_value());
    EXPECT_EQ(state().member->member.number, "A-0001");
}

TEST_F(HeadlessCheckout, HeldCartsSurviveARestartAndResume) {
    open_till();
    scan(codes.coffee);
    press(ui::keys::F8);
    EXPECT_TRUE(state().cart.empty());
    scan(codes.tea);
    start();
    open_till();
    ASSERT_EQ(state().held.size(), 1u);
    press(ui::keys::F9);
    ASSERT_EQ(state().screen, "held");
    ASSERT_TRUE(tap("held.0"));
    EXPECT_EQ(state().screen, "checkout");
    ASSERT_EQ(state().cart.lines.size(), 1u);
    EXPECT_EQ(state().cart.lines[0].name, "Kopi Bubuk 200 g");
    ASSERT_EQ(state().held.size(), 1u);             // the tea cart was parked, not lost
}
