// The real waserda-pos under a private Xvfb: xdotool types as a keyboard-wedge scanner and a
// cashier would, and the sale must appear in the SQLite file. The screenshots of the main screens
// (assets/screenshots/ui-*.png) come from here: set WASERDA_UPDATE_SCREENSHOTS=1 to refresh them.
#include "tests/ui/xvfb_fixture.hpp"

using namespace waserda;
using namespace waserda::ui_test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

TEST_F(XvfbPos, ScannerTypesABarcodeAndF12ThenEnterPaysTheSaleIsInTheDatabase) {
    start_xvfb(1366, 768);
    start_pos();
    login_and_open_shift();
    type(codes.rice);          // a keyboard-wedge scanner: digits...
    key("Return");             // ...then Enter
    ASSERT_TRUE(poll_until([&] { return open_cart_size() == 1; }, 20s));
    key("F12");
    key("Return");             // exact cash
    ASSERT_TRUE(poll_until([&] { return !sales().empty(); }, 20s));
    auto s = sales();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].total, core::Money::rp(75000));
    ASSERT_EQ(s[0].payments.size(), 1u);
    EXPECT_EQ(s[0].payments[0].method, core::PaymentMethod::Cash);
    EXPECT_TRUE(poll_until([&] { return fs::exists(tmp.file("receipts/" + s[0].number + ".txt")); }, 10s));
}

TEST_F(XvfbPos, ScreenshotsOfTheMainScreensAt1366x768) {
    start_xvfb(1366, 768);
    start_pos();
    screenshot("ui-login.png");
    login_and_open_shift();
    for (size_t i = 0; i < 10; ++i) {
        type(codes.barcodes[i]);
        key("Return");
    }
    ASSERT_TRUE(poll_until([&] { return open_cart_size() == 10; }, 30s));
    type(codes.member_card);
    key("Return");
    type(codes.rice);          // the member price shows on a line scanned after the member too
    key("Return");
    ASSERT_TRUE(poll_until([&] {
        auto c = reader()->open_cart("T01");
        return c && *c && (*c)->find("A-0001") != std::string::npos && open_cart_size() == 10;
    }, 20s));
    screenshot("ui-checkout.png");
    key("F12");
    type("100000");
    screenshot("ui-payment.png");
    key("Escape");
    key("Escape");
    key("Escape");
    key("F10");
    screenshot("ui-menu.png");
    key("Escape");
    key("F8");                 // hold the cart so the shift can close with an empty till
    ASSERT_TRUE(poll_until([&] { return open_cart_size() == 0; }, 20s));
    key("F10");
    type("4");                 // the menu's fourth screen: closing the shift
    type("3");
    key("Return");
    type("1");
    screenshot("ui-shift-close.png");
}

// The checkout and pay screens at the smallest and largest supported sizes.
class XvfbCheckout : public XvfbPos {
protected:
    void checkout_at(int w, int h);
};

void XvfbCheckout::checkout_at(int w, int h) {
    start_xvfb(w, h);
    start_pos();
    login_and_open_shift();
    for (size_t i = 0; i < 6; ++i) {
        type(codes.barcodes[i]);
        key("Return");
    }
    type(codes.member_card);
    key("Return");
    if (!poll_until([&] { return open_cart_size() == 6; }, 20s)) {
        screenshot("failure.png");   // what the cashier would have seen, in the build folder
        FAIL() << "the cart has " << open_cart_size() << " lines";
    }
    std::string size = std::to_string(w) + "x" + std::to_string(h);
    screenshot("ui-checkout-" + size + ".png");
    key("F12");
    screenshot("ui-payment-" + size + ".png");
}

TEST_F(XvfbCheckout, CheckoutLayoutAt1024x768) { checkout_at(1024, 768); }
TEST_F(XvfbCheckout, CheckoutLayoutAt1920x1080) { checkout_at(1920, 1080); }
