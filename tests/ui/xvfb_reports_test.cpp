// The report screens in the real program under Xvfb, on a generated shop with five weeks of sales
// (store::generate_big_shop with small numbers): screenshots at 1366x768 of sales by day, by hour
// (one column tapped), top items, payment methods, margin by category and stock valuation, and
// sales by day at 1024x768 (`WASERDA_UPDATE_SCREENSHOTS=1` copies them to assets/screenshots/).
#include "pos/store/demo.hpp"
#include "tests/ui/xvfb_fixture.hpp"

using namespace waserda;
using namespace waserda::ui_test;
using namespace std::chrono_literals;

namespace {

class XvfbReports : public XvfbPos {
protected:
    void SetUp() override {
        XvfbPos::SetUp();
        db = tmp.file("demo.sqlite");
        auto s = store::SqliteStore::open(db);
        ASSERT_TRUE(s) << s.error().message;
        store::BigShopSpec spec;
        spec.items = 300;
        spec.members = 60;
        spec.days = 40;
        spec.sales_per_day = 60;
        auto st = store::generate_big_shop(**s, spec, {});
        ASSERT_TRUE(st) << st.error().message;
    }

    // Mulyani, the demo shop's manager, logs in and opens a shift (the till asks for one first).
    void manager_to_reports() {
        type("m2345");
        key("Return");
        ASSERT_TRUE(poll_until([&] { return logged_in(); }, 20s));
        type("200000");
        key("Return");
        ASSERT_TRUE(poll_until([&] { return shift_open(); }, 20s));
        key("F10");
        ASSERT_TRUE(poll_until([&] { return tap("menu.reports"); }, 20s));
    }

    void open_report(const std::string& id) {
        ASSERT_TRUE(poll_until([&] { return tap("reports.open." + id); }, 20s)) << id;
    }
    void back_home() { ASSERT_TRUE(poll_until([&] { return tap("report.back"); }, 20s)); }
};

}  // namespace

TEST_F(XvfbReports, ScreenshotsOfTheReportsAt1366x768) {
    start_xvfb(1366, 768);
    start_pos();
    manager_to_reports();
    open_report("sales_day");
    screenshot("report-sales-day.png");
    back_home();
    open_report("sales_hour");
    ASSERT_TRUE(tap("report.sales_hour.chart.10"));   // a tap shows the exact figure
    screenshot("report-sales-hour.png");
    back_home();
    open_report("sales_item");
    screenshot("report-top-items.png");
    back_home();
    open_report("sales_payment");
    screenshot("report-payments.png");
    back_home();
    open_report("margin_category");
    screenshot("report-margin.png");
    back_home();
    open_report("stock_value");
    screenshot("report-stock-value.png");
    back_home();
    screenshot("report-home.png");
}

TEST_F(XvfbReports, SalesByDayAt1024x768) {
    start_xvfb(1024, 768);
    start_pos();
    manager_to_reports();
    open_report("sales_day");
    ASSERT_TRUE(tap("report.sales_day.chart.5"));
    screenshot("report-sales-day-1024x768.png");
}
