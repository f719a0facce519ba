// The manager's report screens on a real SQLite shop with three weeks of sales made through
// core::Shop (cash, QRIS, member credit, a return, sales at different hours, some last month):
// each screen's totals equal the raw sales summed by SQL for the same period, the period picker
// changes the numbers, a report is read once per period (not per frame), export writes CSV and
// XLSX files, a tap on a chart picks one element, a cashier cannot open the reports, and every
// target is touchable at 1024x768.
#include "pos/core/csv.hpp"
#include "pos/core/manager_service.hpp"
#include "pos/core/sale.hpp"
#include "pos/store/reports_store.hpp"
#include "pos/ui/screens/report_screens.hpp"
#include "pos/ui/widgets.hpp"
#include "tests/ui/ui_fixture.hpp"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <sstream>

using namespace waserda;
namespace fs = std::filesystem;

namespace {

class Reports : public ::testing::Test {
protected:
    void SetUp() override {
        db = tmp.file("shop.sqlite");
        codes = ui_test::seed_ui_shop(db, "");
        auto s = store::SqliteStore::open(db);
        ASSERT_TRUE(s) << s.error().message;
        store = std::move(*s);
        shop = std::make_unique<core::Shop>(*store, &clock);
        auto users = store->list_users();
        ASSERT_TRUE(users);
        for (auto& u : *users) {
            if (u.name == "Siti") siti = u;
            if (u.name == "Budi") budi = u;
        }
        make_sales();
        clock.set(core::parse_iso_utc("2026-11-23T05:00:00Z"));   // today: Monday 23/11/2026, 12:00 WIB
        ui = std::make_unique<ui::HeadlessUi>(width(), height());
        ui::Services services;
        services.printer = ui::make_folder_printer(tmp.file("receipts"));
        services.office = ui::make_back_office(*store, *shop);
        app = std::make_unique<ui::App>(*shop, std::move(services), ui::AppOptions{});
        app->start();
        frames(2);
    }
    void TearDown() override {
        app.reset();
        shop.reset();
        store.reset();
        ui.reset();
    }
    virtual int width() const { return 1366; }
    virtual int height() const { return 768; }

    // 25/10 .. 23/11: one to three sales a day at 09:xx and 15:xx WIB, a member on credit every
    // third day, QRIS every fourth, a return on 12/11.
    void make_sales() {
        auto shift = shop->open_shift(siti, core::Money::rp(200'000));
        ASSERT_TRUE(shift) << shift.error().message;
        std::string day = "2026-10-25";
        for (int i = 0; day <= "2026-11-23"; ++i, day = core::add_days(day, 1)) {
            clock.set(core::parse_iso_utc(day + "T02:10:00Z"));   // 09:10 WIB
            std::string first = sell({codes.rice, codes.sugar}, i % 4 == 0 ? core::PaymentMethod::Qris : core::PaymentMethod::Cash);
            clock.set(core::parse_iso_utc(day + "T08:40:00Z"));   // 15:40 WIB
            sell({codes.barcodes[size_t(i) % codes.barcodes.size()], codes.tea}, core::PaymentMethod::Cash,
                 i % 3 == 0 ? codes.member_card : "");
            if (i % 4 == 1) sell({codes.noodles_carton}, core::PaymentMethod::Cash);
            if (day == "2026-11-12") {
                core::ReturnRequest r;
                r.sale_number = first;
                r.lines = {{2, 1}};
                r.cashier = siti;
                r.approver = budi;
                auto ret = shop->return_sale(r);
                ASSERT_TRUE(ret) << ret.error().message;
            }
        }
    }

    std::string sell(const std::vector<std::string>& items, core::PaymentMethod method, const std::string& member = "") {
        auto cart = shop->new_cart();
        if (!member.empty()) {
            EXPECT_TRUE(shop->set_member(cart, member));
        }
        for (auto& c : items) EXPECT_TRUE(shop->scan_into(cart, c)) << c;
        core::Money total = core::cart_totals(cart).total;
        std::vector<core::Payment> pays;
        core::Money credit = member.empty() ? core::Money() : core::Money::rp(total.rupiah() / 2);
        if (!member.empty()) pays.push_back({core::PaymentMethod::MemberCredit, credit, {}, ""});
        core::Money rest = total - credit;
        pays.push_back({method, method == core::PaymentMethod::Cash ? core::Money::rp(500'000) : rest, {}, ""});
        auto sale = shop->checkout({cart, pays, siti, std::nullopt, ""});
        EXPECT_TRUE(sale) << sale.error().message;
        return sale ? sale->number : std::string();
    }

    int64_t scalar(const std::string& sql) {
        auto st = store->db().prepare(sql);
        EXPECT_TRUE(st) << sql;
        if (!st || !st->step()) return -1;
        return st->int64(0);
    }
    std::string between(const std::string& from, const std::string& to, const std::string& col = "local_date") {
        return fmt::format("{} BETWEEN '{}' AND '{}'", col, from, to);
    }

    bool tap(std::string_view id) { return ui->tap(*app, id); }
    void frames(int n) { ui->frames(*app, n); }
    void login(const std::string& name, const std::string& pin) {
        ASSERT_TRUE(tap("login.user." + name));
        for (char c : pin) ASSERT_TRUE(tap("login.pad." + std::string(1, c)));
        ASSERT_TRUE(tap("login.pad.ok"));
    }
    const ui::ReportData& open(const std::string& report) {
        app->go("reports");
        frames(2);
        EXPECT_TRUE(tap("reports.open." + report)) << report;
        frames(2);
        EXPECT_EQ(app->state().screen, "report." + report);
        static const ui::ReportData none;
        const ui::ReportData* d = ui::shown_report();
        EXPECT_NE(d, nullptr) << report;
        return d ? *d : none;
    }
    int64_t total(const std::string& column) {
        const ui::ReportData* d = ui::shown_report();
        if (!d) return -1;
        EXPECT_TRUE(d->error.empty()) << d->error;
        auto it = d->totals.find(column);
        EXPECT_NE(it, d->totals.end()) << d->id << " has no total for " << column;
        return it == d->totals.end() ? -1 : it->second;
    }

    test_support::TempDir tmp;
    std::string db;
    ui_test::UiShopCodes codes;
    core::FixedClock clock{core::parse_iso_utc("2026-10-25T02:00:00Z")};
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    std::unique_ptr<ui::HeadlessUi> ui;
    std::unique_ptr<ui::App> app;
    core::User siti, budi;
};

const std::string kLineCost =
    "CASE WHEN l.weighed THEN (l.unit_cost * l.qty + 500) / 1000 ELSE l.unit_cost * l.qty END";

}  // namespace

TEST_F(Reports, TheManagerFindsTheReportsInTheMenuAndEachReportAddsUpToTheRawSales) {
    login("Rina", "5555");
    app->go("menu");
    frames(2);
    ASSERT_TRUE(tap("menu.reports"));
    ASSERT_EQ(app->state().screen, "reports");

    // This month (the default): 1/11 .. 23/11.
    const std::string nov = between("2026-11-01", "2026-11-23");
    const std::string nov_s = between("2026-11-01", "2026-11-23", "s.local_date");
    int64_t net = scalar("SELECT SUM(total) FROM sales WHERE " + nov);
    int64_t sales = scalar("SELECT COUNT(*) FROM sales WHERE kind = 'sale' AND " + nov);
    int64_t returns = scalar("SELECT COUNT(*) FROM sales WHERE kind = 'return' AND " + nov);
    int64_t revenue = scalar("SELECT SUM(l.total) FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE " + nov_s);
    int64_t cost = scalar("SELECT SUM(" + kLineCost + ") FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE " + nov_s);
    int64_t paid = scalar("SELECT SUM(p.amount) FROM sale_payments p JOIN sales s ON s.id = p.sale_id WHERE " + nov_s);
    ASSERT_GT(net, 0);
    ASSERT_EQ(returns, 1);

    auto& day = open("sales_day");
    EXPECT_EQ(day.query.range.from, "2026-11-01");
    EXPECT_EQ(day.query.range.to, "2026-11-23");
    EXPECT_EQ(total("net"), net);
    EXPECT_EQ(total("sales"), sales);
    EXPECT_EQ(total("returns"), returns);
    EXPECT_EQ(total("cost"), cost);
    EXPECT_EQ(total("margin"), revenue - cost);
    EXPECT_EQ(day.series.values.size(), 23u);   // every day of the month up to today, on the line chart
    EXPECT_FALSE(day.footer.empty());

    open("sales_hour");
    EXPECT_EQ(total("net"), net);
    EXPECT_EQ(ui::shown_report()->series.values.size(), 24u);
    EXPECT_GT(ui::shown_report()->series.values[9], 0);    // 09:10 WIB
    EXPECT_GT(ui::shown_report()->series.values[15], 0);   // 15:40 WIB
    EXPECT_EQ(ui::shown_report()->series.values[3], 0);

    for (const char* r : {"sales_item", "sales_category", "margin_item", "margin_category"}) {
        open(r);
        EXPECT_EQ(total("revenue"), revenue) << r;
        EXPECT_EQ(total("cost"), cost) << r;
        EXPECT_EQ(total("margin"), revenue - cost) << r;
        EXPECT_EQ(total("margin_bp"), core::margin_bp(core::Money::rp(revenue - cost), core::Money::rp(revenue))) << r;
    }
    open("sales_cashier");
    EXPECT_EQ(total("net"), net);
    open("sales_payment");
    EXPECT_EQ(total("amount"), paid);
    EXPECT_EQ(ui::shown_report()->series.values.size(), 3u);   // cash, member credit, QRIS
    open("sales_member");
    EXPECT_EQ(total("net"), net);
    EXPECT_EQ(ui::shown_report()->series.values.size(), 2u);

    open("stock_value");
    store::SqliteReportsStore naive(*store);
    EXPECT_EQ(total("value"), naive.stock_value_naive()->rupiah());
    open("shifts");   // the one shift was opened on 25/10: it belongs to October's shifts
    ASSERT_TRUE(tap("report.period.year"));
    frames(2);
    EXPECT_EQ(total("sales"), scalar("SELECT COUNT(*) FROM sales WHERE kind = 'sale'"));
    open("audit");
    EXPECT_GE(ui::shown_report()->tables.front().rows.size(), 1u);   // the login, the refund...
    for (const char* r : {"low_stock", "slow_movers", "expiring"}) {
        open(r);
        EXPECT_TRUE(ui::shown_report()->error.empty()) << r;
    }
}

TEST_F(Reports, ThePeriodPickerChangesTheNumbersAndEachPeriodIsReadOnce) {
    login("Rina", "5555");
    open("sales_day");
    int64_t this_month = total("net");
    int loads = ui::report_loads();
    frames(30);
    EXPECT_EQ(ui::report_loads(), loads) << "a report is read when its period changes, never per frame";

    ASSERT_TRUE(tap("report.period.last_month"));
    frames(2);
    EXPECT_EQ(ui::report_loads(), loads + 1);
    EXPECT_EQ(ui::shown_report()->query.range.from, "2026-10-01");
    EXPECT_EQ(ui::shown_report()->query.range.to, "2026-10-31");
    int64_t october = scalar("SELECT SUM(total) FROM sales WHERE " + between("2026-10-01", "2026-10-31"));
    EXPECT_EQ(total("net"), october);
    EXPECT_NE(october, this_month);

    ASSERT_TRUE(tap("report.period.today"));
    frames(2);
    EXPECT_EQ(total("net"), scalar("SELECT SUM(total) FROM sales WHERE local_date = '2026-11-23'"));
    ASSERT_TRUE(tap("report.period.week"));   // Monday: the week so far is today
    frames(2);
    EXPECT_EQ(ui::shown_report()->query.range.from, "2026-11-23");
    ASSERT_TRUE(tap("report.period.year"));
    frames(2);
    EXPECT_EQ(total("net"), scalar("SELECT SUM(total) FROM sales"));

    // Custom dates on the keypad: 10/11/2026 .. 12/11/2026 (the day of the return).
    ASSERT_TRUE(tap("report.period.custom"));
    frames(2);
    for (char c : std::string("10112026")) ASSERT_TRUE(tap(std::string("dates.pad.") + c));
    for (char c : std::string("12112026")) ASSERT_TRUE(tap(std::string("dates.pad.") + c));
    ASSERT_TRUE(tap("dates.pad.ok"));
    frames(2);
    EXPECT_EQ(ui::shown_report()->query.range.from, "2026-11-10");
    EXPECT_EQ(ui::shown_report()->query.range.to, "2026-11-12");
    EXPECT_EQ(total("net"), scalar("SELECT SUM(total) FROM sales WHERE " + between("2026-11-10", "2026-11-12")));
    EXPECT_EQ(total("returns"), 1);

    // The period is shared: another report opens on the same dates.
    open("sales_cashier");
    EXPECT_EQ(ui::shown_report()->query.range.from, "2026-11-10");

    // A date that does not exist: one clear sentence, the period stays.
    ASSERT_TRUE(tap("report.period.custom"));
    frames(2);
    for (char c : std::string("31022026")) ASSERT_TRUE(tap(std::string("dates.pad.") + c));
    ASSERT_TRUE(tap("dates.pad.ok"));
    frames(2);
    EXPECT_EQ(app->state().banner.kind, ui::Banner::Kind::Error);
    EXPECT_FALSE(app->state().banner.text.empty());
    ASSERT_TRUE(tap("dates.pad.cancel"));
    frames(2);
    EXPECT_EQ(ui::shown_report()->query.range.from, "2026-11-10");
}

TEST_F(Reports, ExportWritesTheReportAsCsvAndXlsxBesideTheDatabase) {
    login("Rina", "5555");
    auto& d = open("sales_day");
    size_t rows = d.tables.front().rows.size();
    ASSERT_TRUE(tap("report.export"));
    frames(2);
    ASSERT_TRUE(tap("export.save"));
    frames(2);
    EXPECT_EQ(app->state().banner.kind, ui::Banner::Kind::Success) << app->state().banner.text;
    fs::path dir = fs::path(db).parent_path() / "ekspor";
    fs::path csv = dir / "harian_20261101_20261123.csv", xlsx = dir / "harian_20261101_20261123.xlsx";
    ASSERT_TRUE(fs::exists(csv)) << app->state().banner.text;
    ASSERT_TRUE(fs::exists(xlsx));
    EXPECT_GT(fs::file_size(xlsx), 3000u);
    std::ifstream in(csv);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = core::parse_csv(text.str());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->header.front(), "date");
    EXPECT_EQ(parsed->rows.size(), rows);
    // The same numbers the CLI prints in CSV: whole rupiah, no formatting.
    int64_t net = 0;
    size_t col = size_t(std::find(parsed->header.begin(), parsed->header.end(), "net") - parsed->header.begin());
    for (auto& r : parsed->rows) net += std::stoll(r[col]);
    EXPECT_EQ(net, total("net"));
}

TEST_F(Reports, TappingAChartShowsOneElementsExactValue) {
    login("Rina", "5555");
    open("sales_hour");
    EXPECT_EQ(ui::shown_chart_selection(), -1);
    ASSERT_TRUE(tap("report.sales_hour.chart.15"));
    EXPECT_EQ(ui::shown_chart_selection(), 15);
    open("sales_payment");
    ASSERT_TRUE(tap("report.sales_payment.chart.1"));
    EXPECT_EQ(ui::shown_chart_selection(), 1);
    open("sales_item");
    ASSERT_TRUE(tap("report.sales_item.chart.0"));
    EXPECT_EQ(ui::shown_chart_selection(), 0);
    open("sales_day");
    ASSERT_TRUE(tap("report.sales_day.chart.11"));   // 12/11
    EXPECT_EQ(ui::shown_chart_selection(), 11);
}

TEST_F(Reports, ACashierCannotOpenTheReports) {
    login("Siti", "1234");
    app->go("menu");
    frames(2);
    EXPECT_FALSE(ui->visible("menu.reports"));
    int loads = ui::report_loads();
    app->go("report.sales_day");
    frames(3);
    EXPECT_EQ(ui::shown_report(), nullptr);
    EXPECT_EQ(ui::report_loads(), loads) << "nothing is read for a cashier";
    EXPECT_TRUE(ui->visible("report.sales_day.back"));
    EXPECT_FALSE(ui->visible("report.export"));
}

namespace {
class Reports1024 : public Reports {
    int width() const override { return 1024; }
    int height() const override { return 768; }
};
}  // namespace

TEST_F(Reports1024, EveryTargetOnTheReportScreensIsTouchableAt1024x768) {
    login("Rina", "5555");
    auto check = [&](const std::string& screen) {
        for (auto& [id, r] : ui::hits().all()) {
            float w = r.max.x - r.min.x, h = r.max.y - r.min.y;
            EXPECT_GE(w, 47.5f) << screen << " " << id;
            EXPECT_GE(h, 47.5f) << screen << " " << id;
            EXPECT_GE(r.min.x, -0.5f) << screen << " " << id;
            EXPECT_LE(r.max.x, 1024.5f) << screen << " " << id;
            EXPECT_LE(r.max.y, 768.5f) << screen << " " << id;
        }
    };
    app->go("reports");
    frames(2);
    check("reports");
    for (auto& def : ui::report_defs()) {
        open(def.id);
        check(def.id);
    }
}
