// Shelf labels printed from the prices screen in the real program under Xvfb at 1366x768, on the
// virtual printer: first with its paper out (the sheet waits, the screen says so and offers the
// retry), then after new paper. Screenshots for README (WASERDA_UPDATE_SCREENSHOTS=1).
#include "tests/ui/xvfb_fixture.hpp"

#include <filesystem>
#include <fstream>

namespace waserda::ui_test {
namespace {

namespace fs = std::filesystem;

class XvfbLabels : public XvfbPos {
protected:
    // Two prices changed today, through core before the program starts (applied at start-up).
    void seed_price_changes() {
        as_manager([&](core::ManagerService& m, core::Shop& shop, store::SqliteStore&, const core::User& rina) {
            for (auto [code, price, member] : {std::tuple{codes.sugar, 12500, 12000}, std::tuple{codes.tea, 8000, 7600}}) {
                auto c = m.schedule_price(rina, code, core::Money::rp(price), core::Money::rp(member), shop.today_local(), "");
                ASSERT_TRUE(c) << c.error().message;
            }
        });
    }
};

TEST_F(XvfbLabels, LabelsWaitForPaperThenPrintAt1366x768) {
    seed_price_changes();
    const std::string printer = tmp.file("receipts");
    fs::create_directories(printer);
    std::ofstream(printer + "/kertas-habis") << "";
    start_xvfb(1366, 768);
    start_pos();
    login_and_open_shift("r5555");   // Rina, the manager
    key("F10");
    tap_until("menu.stock", "stock.go.stock_prices");
    tap_until("stock.go.stock_prices", "prices.b1");
    tap_until("prices.b1", "prices.labels.print");      // the items whose price changed today
    tap_until("prices.labels.print", "prices.labels.retry");
    screenshot("ui-stock-labels-paper-out.png");
    EXPECT_FALSE(fs::exists(printer + "/label-rak-1.png"));

    fs::remove(printer + "/kertas-habis");
    ASSERT_TRUE(tap("prices.labels.retry"));
    if (!poll_until([&] { return fs::exists(printer + "/label-rak-1.png") && !shows("prices.labels.retry"); }, 20s)) {
        screenshot("failure-labels.png");
        FAIL() << "the labels were not printed after the retry";
    }
    screenshot("ui-stock-labels-printed.png");
    std::ifstream txt(printer + "/label-rak-1.txt");
    std::string text((std::istreambuf_iterator<char>(txt)), {});
    EXPECT_NE(text.find("Rp 12.500"), std::string::npos) << text;
    EXPECT_NE(text.find("[EAN13 " + codes.sugar + "]"), std::string::npos) << text;
}

}  // namespace
}  // namespace waserda::ui_test
