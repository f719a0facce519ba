// Screens other than the sale: quick keys, search, member search, returns, lock, shift close, and
// the touch rules (every target at least 48 px, inside the window) at the three screen sizes.
#include "tests/ui/ui_fixture.hpp"

#include "pos/core/money.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

using namespace waserda;
using ui_test::UiFixture;

class HeadlessScreens : public UiFixture {};

TEST_F(HeadlessScreens, QuickKeysAddUnbarcodedGoods) {
    open_till();
    ASSERT_TRUE(tap("checkout.quick.TAHU-01"));
    ASSERT_TRUE(tap("checkout.quick.TAHU-01"));
    ASSERT_TRUE(tap("checkout.quick.cat.1"));
    ASSERT_TRUE(tap("checkout.quick.KRP-01"));
    ASSERT_EQ(state().cart.lines.size(), 2u);
    EXPECT_EQ(state().cart.lines[0].qty, 2);
    EXPECT_EQ(state().cart.lines[1].name, "Kerupuk Udang Bu Yati");
}

TEST_F(HeadlessScreens, SearchingByNameOnTheOnScreenKeyboard) {
    open_till();
    press(ui::keys::F2);
    ASSERT_EQ(state().screen, "search");
    for (const char* k : {"G", "U", "L", "A"}) ASSERT_TRUE(tap(std::string("search.kb.") + k));
    ASSERT_TRUE(tap("search.result.0"));
    EXPECT_EQ(state().screen, "checkout");
    ASSERT_EQ(state().cart.lines.size(), 1u);
    EXPECT_EQ(state().cart.lines[0].name, "Gula Pasir 1 kg");
}

TEST_F(HeadlessScreens, FindingAMemberByName) {
    open_till();
    press(ui::keys::F4);
    ASSERT_EQ(state().screen, "member");
    type("rudi");
    ASSERT_TRUE(tap("member.result.0"));
    ASSERT_TRUE(state().member.has_value());
    EXPECT_EQ(state().member->member.name, "Rudi Hartono");
    EXPECT_EQ(state().screen, "checkout");
}

TEST_F(HeadlessScreens, ReturningALineOfAScannedReceipt) {
    open_till();
    scan(codes.sugar);
    scan(codes.soap);
    press(ui::keys::F12);
    press(ui::keys::Enter);
    ASSERT_TRUE(state().last_sale.has_value());
    std::string number = state().last_sale->number;
    app->go("returns");
    frames(2);
    type(number);                                   // the receipt's barcode, read by the scanner
    press(ui::keys::Enter);
    ASSERT_TRUE(state().return_sale.has_value()) << state().banner.text;
    ASSERT_TRUE(tap("returns.line.1"));
    ASSERT_TRUE(tap("returns.do"));
    if (state().approval) {
        tap_digits("approval.pad", "9999");
        ASSERT_TRUE(tap("approval.pad.ok"));
    }
    EXPECT_FALSE(state().return_sale.has_value()) << state().banner.text;
    ASSERT_TRUE(state().last_sale.has_value());
    EXPECT_EQ(state().last_sale->kind, core::SaleKind::Return);
    EXPECT_EQ(state().last_sale->total, core::Money::rp(-17500));
}

TEST_F(HeadlessScreens, LockingTheScreenAndSwitchingCashier) {
    open_till();
    scan(codes.tea);
    press(ui::keys::F11);
    EXPECT_EQ(state().screen, "login");
    EXPECT_TRUE(state().locked);
    scan(codes.tea);                                // nothing sells on a locked till
    EXPECT_EQ(state().cart.lines[0].qty, 1);
    login("Budi", "9999");                          // another cashier takes over
    EXPECT_EQ(state().screen, "checkout");
    EXPECT_EQ(state().user->name, "Budi");
    EXPECT_EQ(state().cart.lines.size(), 1u);
}

TEST_F(HeadlessScreens, ClosingTheShiftCountsTheDrawerAndPrintsZ) {
    open_till();
    scan(codes.sugar);
    press(ui::keys::F12);
    ASSERT_TRUE(tap("pay.quick.20000"));
    ASSERT_TRUE(tap("pay.finish"));
    app->go("shift_close");
    frames(2);
    // 200.000 float + 17.500 sale = 217.500: two 100.000 notes, one 10.000, one 5.000, two 1.000, one 500
    for (auto [value, count] : {std::pair{100000, "2"}, {10000, "1"}, {5000, "1"}, {1000, "2"}, {500, "1"}}) {
        ASSERT_TRUE(tap(fmt::format("shift_close.row.{}", value)));
        tap_digits("shift_close.pad", count);
    }
    ASSERT_TRUE(tap("shift_close.x"));
    ASSERT_TRUE(tap("shift_close.close"));
    EXPECT_EQ(state().screen, "login");
    EXPECT_FALSE(state().shift.has_value());
    auto closed = store->shift_by_id(1);
    ASSERT_TRUE(closed && *closed);
    EXPECT_EQ((*closed)->counted_cash, core::Money::rp(217500));
    EXPECT_EQ((*closed)->expected_cash, core::Money::rp(217500));
    EXPECT_EQ(files_in(receipts, ".txt"), 3);        // receipt, X, Z
}

// Every tappable widget on the main screens is big enough for a finger and inside the window.
template <int W, int H>
class TouchTargets : public UiFixture {
    int width() const override { return W; }
    int height() const override { return H; }

protected:
    void expect_touchable(const char* screen) {
        ASSERT_FALSE(ui::hits().all().empty());
        for (auto& [id, r] : ui::hits().all()) {
            float h = r.max.y - r.min.y, w = r.max.x - r.min.x;
            EXPECT_GE(h, 47.5f) << screen << " " << id << " at " << W << "x" << H;
            EXPECT_GE(w, 47.5f) << screen << " " << id << " at " << W << "x" << H;
            EXPECT_GE(r.min.x, -0.5f) << screen << " " << id;
            EXPECT_LE(r.max.x, W + 0.5f) << screen << " " << id << " at " << W << "x" << H;
            // Rows of a scrolled list may be cut by their list; a button never by the window.
            if (id.find(".line.") == std::string::npos && id.find(".result.") == std::string::npos) {
                EXPECT_LE(r.max.y, H + 0.5f) << screen << " " << id << " at " << W << "x" << H;
            }
        }
    }
    void walk() {
        expect_touchable("login");
        open_till();
        for (int i = 0; i < 10; ++i) scan(codes.barcodes[size_t(i)]);
        scan(codes.member_card);
        expect_touchable("checkout");
        press(ui::keys::F12);
        expect_touchable("payment");
        press(ui::keys::Escape);
        app->go("shift_close");
        frames(2);
        expect_touchable("shift_close");
        app->go("menu");
        frames(2);
        expect_touchable("menu");
    }
};
using TouchTargets1024 = TouchTargets<1024, 768>;
using TouchTargets1366 = TouchTargets<1366, 768>;
using TouchTargets1920 = TouchTargets<1920, 1080>;
TEST_F(TouchTargets1024, MainScreensFitAt1024x768) { walk(); }
TEST_F(TouchTargets1366, MainScreensFitAt1366x768) { walk(); }
TEST_F(TouchTargets1920, MainScreensFitAt1920x1080) { walk(); }
