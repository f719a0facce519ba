// The devices screen in the real program: an admin opens it from the menu, a keyboard-wedge scan
// shows up as the scanner test (not in the cart), 58 mm paper is saved, the test page prints on
// the virtual printer, and the screen is photographed at 1366x768 for the README.
#include "tests/ui/xvfb_fixture.hpp"

#include "pos/core/shop.hpp"

using namespace waserda;
using ui_test::poll_until;
using ui_test::XvfbPos;
using namespace std::chrono_literals;

TEST_F(XvfbPos, DevicesScreenAt1366x768TestsTheScannerSavesPaperAndPrintsATestPage) {
    {
        auto s = store::SqliteStore::open(db);
        ASSERT_TRUE(s);
        core::Shop shop(**s);
        ASSERT_TRUE(shop.add_user(std::nullopt, "Ani", core::Role::Admin, "7777"));
    }
    start_xvfb(1366, 768);
    start_pos();
    type("a7777");
    key("Return");
    ASSERT_TRUE(poll_until([&] { return logged_in(); }, 20s));
    type("200000");
    key("Return");
    ASSERT_TRUE(poll_until([&] { return shift_open(); }, 20s));
    key("F10");
    ASSERT_TRUE(poll_until([&] { return tap("menu.settings.devices"); }, 20s));
    ASSERT_TRUE(poll_until([&] { return tap("devices.find"); }, 20s));

    // A scanner in keyboard mode: the code arrives as the scanner test, the cart stays empty.
    // The keys of a scanner in keyboard mode (8 ms apart, then Enter). The wedge detector times
    // keys as the window sees them; on a loaded machine frames ~60 ms apart make the burst look
    // like typing, so this only checks that nothing is sold (headless_devices_test checks the scan).
    type(codes.sugar);
    key("Return");
    ASSERT_TRUE(tap("devices.paper.58"));
    ASSERT_TRUE(tap("devices.save"));
    bool saved = poll_until([&] {
        auto s = reader()->load_settings();
        return s && s->paper_mm == 58;
    }, 20s);
    if (!saved) screenshot("failure-devices.png");   // what the admin would have seen, in the build folder
    ASSERT_TRUE(saved);
    EXPECT_EQ(open_cart_size(), 0u);
    ASSERT_TRUE(tap("devices.test_print"));
    ASSERT_TRUE(poll_until([&] { return std::filesystem::exists(tmp.file("receipts") + "/tes-printer-1.png"); }, 20s));
    screenshot("ui-devices.png");
}
