// The manager's stock screens driven headlessly on a real SQLite shop: goods receipt by scanning,
// adjustment with a reason, opname with two counters and a manager's PIN, reorder and its export,
// item card, price changes applied at start-up and at the turn of the day, shelf labels.
#include "pos/core/clock.hpp"
#include "pos/core/manager_service.hpp"
#include "pos/ui/widgets.hpp"
#include "tests/ui/ui_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace waserda::ui_test {
namespace {

namespace fs = std::filesystem;
using core::Money;

class StockUi : public UiFixture {
protected:
    core::ManagerService& manager() { return app->office()->manager(); }
    core::User user(const std::string& name) {
        auto u = store->user_by_name(name);
        EXPECT_TRUE(u && *u);
        return **u;
    }
    core::Item item(const std::string& code) {
        auto hit = store->item_by_code(code);
        EXPECT_TRUE(hit && *hit) << code;
        return (*hit)->item;
    }
    void add_supplier(const std::string& code, const std::string& name) {
        core::Supplier s;
        s.code = code;
        s.name = name;
        ASSERT_TRUE(manager().save_supplier(user("Rina"), s));
    }
    // Rina (manager) logged in, on the stock hub.
    void manager_on_stock() {
        login("Rina", "5555");
        app->go("menu");
        frames(2);
        ASSERT_TRUE(tap("menu.stock"));
        ASSERT_EQ(state().screen, "stock");
    }
    // The app started afresh on a shop whose clock the test sets.
    void start_at(const core::Clock& clock) {
        app.reset();
        shop = std::make_unique<core::Shop>(*store, &clock);
        ui::Services services;
        services.printer = ui::make_folder_printer(receipts);
        services.office = ui::make_back_office(*store, *shop);
        app = std::make_unique<ui::App>(*shop, std::move(services), ui::AppOptions{});
        app->start();
    }
    std::string export_dir() const { return (fs::path(db).parent_path() / "ekspor").string(); }
    std::vector<std::string> exported(const std::string& ends_with) const {
        std::vector<std::string> out;
        std::error_code ec;
        for (auto& e : fs::directory_iterator(export_dir(), ec)) {
            std::string n = e.path().filename().string();
            if (n.size() >= ends_with.size() && n.compare(n.size() - ends_with.size(), ends_with.size(), ends_with) == 0)
                out.push_back(e.path().string());
        }
        return out;
    }
    static std::string slurp(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
};

TEST_F(StockUi, SupplierIsAddedOnTheScreen) {
    manager_on_stock();
    ASSERT_TRUE(tap("stock.go.stock_suppliers"));
    type("SRB-01");
    ASSERT_TRUE(tap("suppliers.field.1"));
    type("CV Sumber Rejeki");
    ASSERT_TRUE(tap("suppliers.b2"));
    auto s = manager().suppliers();
    ASSERT_TRUE(s);
    ASSERT_EQ(s->size(), 1u) << state().banner.text;
    EXPECT_EQ((*s)[0].code, "SRB-01");
    EXPECT_EQ((*s)[0].name, "CV Sumber Rejeki");
    EXPECT_TRUE(ui->visible("suppliers.row.0"));
}

TEST_F(StockUi, GoodsReceiptByScanningTwoItemsUpdatesStockAndMovingAverageCost) {
    add_supplier("IDG", "Indogrosir");
    const core::Item oil = item(codes.oil), sugar = item(codes.sugar);
    manager_on_stock();
    ASSERT_TRUE(tap("stock.go.stock_receive"));
    ASSERT_TRUE(tap("stock_receive.supplier.0"));
    scan(codes.oil);
    scan(codes.oil);          // the same code again: one more
    scan(codes.sugar);        // selected, quantity first
    tap_digits("stock_receive.pad", "10");
    ASSERT_TRUE(tap("stock_receive.pad.ok"));     // then the cost
    tap_digits("stock_receive.pad", "16000");
    ASSERT_TRUE(tap("stock_receive.pad.ok"));
    ASSERT_TRUE(tap("stock_receive.line.0"));     // the oil: its cost
    ASSERT_TRUE(tap("stock_receive.field.1"));
    tap_digits("stock_receive.pad", "32000");
    ASSERT_TRUE(tap("stock_receive.pad.ok"));
    ASSERT_TRUE(state().cart.empty()) << "scans on the receipt screen never reach the cart";
    ASSERT_TRUE(tap("stock_receive.b3"));         // Simpan penerimaan

    const core::Item oil2 = item(codes.oil), sugar2 = item(codes.sugar);
    EXPECT_EQ(oil2.on_hand, oil.on_hand + 2);
    EXPECT_EQ(sugar2.on_hand, sugar.on_hand + 10);
    EXPECT_EQ(oil2.cost, core::moving_average_cost(oil.on_hand, oil.cost, 2, Money::rp(32000)));
    EXPECT_EQ(sugar2.cost, core::moving_average_cost(sugar.on_hand, sugar.cost, 10, Money::rp(16000)));
    EXPECT_NE(oil2.cost, oil.cost);

    // The document of what came in: listed, printed, exported.
    EXPECT_TRUE(ui->visible("stock_receive.result.1"));
    int printed = files_in(receipts, ".txt");
    ASSERT_TRUE(tap("stock_receive.done.b1"));
    EXPECT_EQ(files_in(receipts, ".txt"), printed + 1);
    ASSERT_TRUE(tap("stock_receive.done.b2"));
    auto csv = exported("-penerimaan.csv");
    ASSERT_EQ(csv.size(), 1u);
    EXPECT_NE(slurp(csv[0]).find("MYK-02"), std::string::npos);
    EXPECT_EQ(exported(".xlsx").size(), 1u);
}

TEST_F(StockUi, ScannerScansGoToTheStockScreenNotTheCart) {
    add_supplier("IDG", "Indogrosir");
    manager_on_stock();
    ASSERT_TRUE(tap("stock.go.stock_receive"));
    ASSERT_TRUE(tap("stock_receive.supplier.0"));
    app->scan(codes.tea);      // as a USB scanner's code arrives (App::poll_services)
    frames(2);
    EXPECT_TRUE(state().cart.empty());
    EXPECT_EQ(state().screen, "stock_receive");
    EXPECT_TRUE(ui->visible("stock_receive.line.0"));
}

TEST_F(StockUi, AdjustmentWithAReasonTakesStockOut) {
    const core::Item soap = item(codes.soap);
    manager_on_stock();
    ASSERT_TRUE(tap("stock.go.stock_adjust"));
    scan(codes.soap);
    ASSERT_TRUE(tap("adjust.reason.expired"));
    tap_digits("adjust.pad", "3");
    ASSERT_TRUE(tap("adjust.b1"));
    EXPECT_EQ(item(codes.soap).on_hand, soap.on_hand - 3);
    auto card = manager().item_card(codes.soap, std::nullopt);
    ASSERT_TRUE(card);
    ASSERT_FALSE(card->rows.empty());
    const core::StockMove& m = card->rows.back().move;
    EXPECT_EQ(m.kind, core::StockMoveKind::Adjustment);
    EXPECT_EQ(m.qty, -3);
    EXPECT_NE(m.reason.find("expired"), std::string::npos) << m.reason;
}

TEST_F(StockUi, OpnameWithTwoCountersShowsVarianceAndPostsWithTheManagersPin) {
    const core::Item tea = item(codes.tea), coffee = item(codes.coffee);
    manager_on_stock();
    ASSERT_TRUE(tap("stock.go.stock_opname"));
    type("Rak minuman");
    ASSERT_TRUE(tap("opname.open"));
    // Counter 1 (Rina) scans three teas.
    for (int i = 0; i < 3; ++i) scan(codes.tea);
    // Counter 2 on the other shelf: Wati, two teas and a typed count of coffee.
    ASSERT_TRUE(tap("opname.counter.edit"));
    type("Wati rak 2");
    ASSERT_TRUE(tap("opname.counter.edit"));
    scan(codes.tea);
    scan(codes.tea);
    ASSERT_TRUE(tap("opname.mode.typed"));
    scan(codes.coffee);
    tap_digits("opname.pad", "38");
    ASSERT_TRUE(tap("opname.pad.ok"));

    auto sessions = manager().opname_sessions();
    ASSERT_TRUE(sessions);
    ASSERT_EQ(sessions->size(), 1u);
    const std::string number = sessions->front().number;
    auto counts = manager().count_lines(number);
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->size(), 3u);   // Rina: tea; Wati: tea, coffee
    auto var = manager().variance(number);
    ASSERT_TRUE(var);
    ASSERT_EQ(var->size(), 2u);
    for (auto& l : *var) {
        if (l.item_id == tea.id) {
            EXPECT_EQ(l.counted_qty, 5);
            EXPECT_EQ(l.variance, 5 - tea.on_hand);
            EXPECT_EQ(l.counters, "Rina, Wati rak 2");
        } else {
            EXPECT_EQ(l.counted_qty, 38);
            EXPECT_EQ(l.variance, 38 - coffee.on_hand);
        }
    }
    // The variance on screen, the count sheet and variance report exported.
    ASSERT_TRUE(tap("opname.b2"));
    EXPECT_TRUE(ui->visible("opname.variance.1"));
    ASSERT_TRUE(tap("opname.b3"));
    ASSERT_EQ(exported("-selisih.csv").size(), 1u);
    ASSERT_EQ(exported("-lembar_hitung.csv").size(), 1u);
    EXPECT_NE(slurp(exported("-lembar_hitung.csv")[0]).find("Wati rak 2"), std::string::npos);
    EXPECT_EQ(exported(".xlsx").size(), 1u);

    // Posting asks for a manager's PIN even though a manager is logged in; a cashier's PIN is refused.
    ASSERT_TRUE(tap("opname.b5"));
    ASSERT_TRUE(state().approval.has_value());
    tap_digits("approval.pad", "1234");
    ASSERT_TRUE(tap("approval.pad.ok"));
    ASSERT_TRUE(state().approval.has_value());
    EXPECT_FALSE(state().approval->error.empty());
    EXPECT_EQ(item(codes.tea).on_hand, tea.on_hand) << "nothing posted without the manager";
    tap_digits("approval.pad", "5555");
    ASSERT_TRUE(tap("approval.pad.ok"));
    EXPECT_FALSE(state().approval.has_value());
    EXPECT_EQ(item(codes.tea).on_hand, 5);
    EXPECT_EQ(item(codes.coffee).on_hand, 38);
    auto card = manager().item_card(codes.tea, std::nullopt);
    ASSERT_TRUE(card);
    EXPECT_EQ(card->rows.back().move.kind, core::StockMoveKind::Opname);
    EXPECT_EQ(card->rows.back().move.qty, 5 - tea.on_hand);
    auto after = manager().opname_sessions();
    ASSERT_TRUE(after);
    EXPECT_EQ(after->front().state, core::OpnameState::Posted);
}

TEST_F(StockUi, ACashierCountsButOnlyAManagerOpensSessions) {
    ASSERT_TRUE(manager().open_opname(user("Rina"), "Rak sabun", false));
    open_till();   // Siti, cashier
    app->go("menu");
    frames(2);
    EXPECT_FALSE(ui->visible("menu.stock"));
    ASSERT_TRUE(tap("menu.stock_opname"));
    ASSERT_TRUE(tap("opname.open"));           // refused by core: the banner says so
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    ASSERT_TRUE(tap("opname.session.0"));
    scan(codes.soap);
    EXPECT_TRUE(state().cart.empty());
    auto s = manager().opname_sessions();
    ASSERT_TRUE(s);
    auto counts = manager().count_lines(s->front().number);
    ASSERT_TRUE(counts);
    ASSERT_EQ(counts->size(), 1u);
    EXPECT_EQ(counts->front().counter, "Siti");
}

TEST_F(StockUi, ReorderListsItemsAtTheMinimumAndExportsAPurchaseListPerSupplier) {
    add_supplier("IDG", "Indogrosir");
    core::ReceiveRequest req;
    req.supplier_code = "IDG";
    req.lines.push_back({codes.coffee, 2, Money::rp(12000), ""});
    req.user = user("Rina");
    ASSERT_TRUE(manager().receive(req));
    core::Item coffee = **store->item_by_id(item(codes.coffee).id);   // with its barcodes: save_item rewrites them
    coffee.min_stock = coffee.on_hand + 5;
    ASSERT_TRUE(store->save_item(coffee, core::BarcodeWrite::Replace));

    manager_on_stock();
    ASSERT_TRUE(tap("stock.go.stock_reorder"));
    EXPECT_TRUE(ui->visible("reorder.line.0"));
    ASSERT_TRUE(tap("reorder.b2"));
    auto lists = exported("-IDG.csv");
    ASSERT_EQ(lists.size(), 1u);
    EXPECT_NE(slurp(lists[0]).find("KOP-01"), std::string::npos);
    EXPECT_EQ(exported(".xlsx").size(), 1u);
}

TEST_F(StockUi, ItemCardShowsEveryMoveWithItsRunningBalance) {
    core::AdjustRequest a;
    a.code = codes.milk;
    a.qty = -2;
    a.reason = core::AdjustReason::Damaged;
    a.user = user("Rina");
    ASSERT_TRUE(manager().adjust(a));
    a.qty = 1;
    a.reason = core::AdjustReason::Found;
    ASSERT_TRUE(manager().adjust(a));
    manager_on_stock();
    ASSERT_TRUE(tap("stock.go.stock_card"));
    scan(codes.milk);
    EXPECT_TRUE(ui->visible("card.row.2"));   // opening stock, damaged, found
    auto card = manager().item_card(codes.milk, manager().last_days(30));
    ASSERT_TRUE(card);
    ASSERT_EQ(card->rows.size(), 3u);
    EXPECT_EQ(card->rows[0].balance, 40);
    EXPECT_EQ(card->rows[1].balance, 38);
    EXPECT_EQ(card->rows[2].balance, 39);
    EXPECT_EQ(card->closing, item(codes.milk).on_hand);
}

// Scheduled yesterday for today: the till applies it when it starts this morning.
TEST_F(StockUi, PriceChangeDatedTodayIsAppliedAtStartUp) {
    core::FixedClock clock(core::parse_iso_utc("2026-11-22T10:00:00Z"));
    start_at(clock);
    const std::string yesterday = shop->today_local();
    ASSERT_TRUE(manager().schedule_price(user("Rina"), codes.rice, Money::rp(78000), Money::rp(75000),
                                         core::add_days(yesterday, 1), ""));
    ASSERT_TRUE(manager().schedule_price(user("Rina"), codes.oil, Money::rp(39000), std::nullopt,
                                         core::add_days(yesterday, 2), ""));
    EXPECT_EQ(item(codes.rice).price, Money::rp(75000)) << "pending until its day";
    app.reset();                                   // closed for the night
    clock.advance(std::chrono::hours(24));
    start_at(clock);                               // the POS starts the next morning
    EXPECT_EQ(item(codes.rice).price, Money::rp(78000));
    EXPECT_EQ(item(codes.rice).member_price, Money::rp(75000));
    EXPECT_EQ(item(codes.oil).price, Money::rp(36000)) << "tomorrow's change waits";
    auto pending = manager().price_changes(true);
    ASSERT_TRUE(pending);
    ASSERT_EQ(pending->size(), 1u);
    EXPECT_EQ(pending->front().sku, "MYK-02");
    app.reset();   // before the clock goes
    shop.reset();
}

// A till left running overnight applies the new day's changes without a restart.
TEST_F(StockUi, PriceChangeTakesEffectWhenTheDayTurnsWhileRunning) {
    core::FixedClock clock(core::parse_iso_utc("2026-11-22T10:00:00Z"));
    start_at(clock);
    const std::string today = shop->today_local();
    ASSERT_TRUE(manager().schedule_price(user("Rina"), codes.tea, Money::rp(8000), Money::rp(7700), core::add_days(today, 1), ""));
    (void)app->poll_services();
    EXPECT_EQ(item(codes.tea).price, Money::rp(7500));
    clock.advance(std::chrono::hours(24));
    EXPECT_TRUE(app->poll_services());
    EXPECT_EQ(item(codes.tea).price, Money::rp(8000));
    EXPECT_FALSE(app->poll_services()) << "once a day";
    app.reset();   // before the clock goes
    shop.reset();
}

TEST_F(StockUi, PriceChangeOnTheScreenAndShelfLabelsForTheChangedItems) {
    manager_on_stock();
    ASSERT_TRUE(tap("stock.go.stock_prices"));
    scan(codes.sugar);                              // its prices are filled in: clear and type
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(tap("prices.pad.back"));
    tap_digits("prices.pad", "18000");
    ASSERT_TRUE(tap("prices.field.member"));
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(tap("prices.pad.back"));
    tap_digits("prices.pad", "17200");
    ASSERT_TRUE(tap("prices.b4"));                  // dated today: at once
    EXPECT_EQ(item(codes.sugar).price, Money::rp(18000));
    EXPECT_EQ(item(codes.sugar).member_price, Money::rp(17200));

    // A change for a later date waits in the list.
    scan(codes.oil);
    ASSERT_TRUE(tap("prices.field.price"));
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(tap("prices.pad.back"));
    tap_digits("prices.pad", "38000");
    ASSERT_TRUE(tap("prices.field.date"));
    ASSERT_TRUE(tap("prices.tomorrow"));
    ASSERT_TRUE(tap("prices.b4"));
    EXPECT_EQ(item(codes.oil).price, Money::rp(36000));
    EXPECT_TRUE(ui->visible("prices.pending.0"));

    // Labels: the sugar (changed today, already in the list) and the tea chosen by hand.
    scan(codes.tea);
    ASSERT_TRUE(tap("prices.label.add"));
    ASSERT_TRUE(tap("prices.b3"));
    auto csv = exported(".csv");
    ASSERT_EQ(csv.size(), 1u);
    std::string text = slurp(csv[0]);
    EXPECT_NE(text.find("GLA-01"), std::string::npos);
    EXPECT_NE(text.find("TEH-01"), std::string::npos);
    ASSERT_EQ(exported(".bin").size(), 1u);
    ASSERT_EQ(exported(".png").size(), 1u);
    EXPECT_GT(fs::file_size(exported(".png")[0]), 1000u);
}

}  // namespace
}  // namespace waserda::ui_test

namespace waserda::ui_test {
namespace {

// Every tappable widget of the stock screens is big enough for a finger and inside the window, on
// the smallest supported screen.
class StockTouch1024 : public StockUi {
protected:
    int width() const override { return 1024; }
    int height() const override { return 768; }
    void expect_touchable(const std::string& screen) {
        frames(2);
        ASSERT_FALSE(ui::hits().all().empty()) << screen;
        const char* rows[] = {".row.", ".line.", ".result.", ".supplier.", ".session.", ".count.", ".variance.",
                              ".pending.", ".labels."};
        for (auto& [id, r] : ui::hits().all()) {
            float h = r.max.y - r.min.y, w = r.max.x - r.min.x;
            EXPECT_GE(h, 47.5f) << screen << " " << id;
            EXPECT_GE(w, 47.5f) << screen << " " << id;
            EXPECT_GE(r.min.x, -0.5f) << screen << " " << id;
            EXPECT_LE(r.max.x, 1024.5f) << screen << " " << id;
            bool row = false;
            for (auto* p : rows) row = row || id.find(p) != std::string::npos;
            if (!row) {
                EXPECT_LE(r.max.y, 768.5f) << screen << " " << id;
            }
        }
    }
};

TEST_F(StockTouch1024, EveryStockScreenFitsAt1024x768) {
    add_supplier("IDG", "Indogrosir");
    ASSERT_TRUE(manager().open_opname(user("Rina"), "Rak depan", false));
    manager_on_stock();
    expect_touchable("stock");
    ASSERT_TRUE(tap("stock.go.stock_receive"));
    expect_touchable("stock_receive.supplier");
    ASSERT_TRUE(tap("stock_receive.supplier.0"));
    scan(codes.oil);
    scan(codes.sugar);
    expect_touchable("stock_receive");
    for (const char* s : {"stock_return", "stock_adjust", "stock_reorder", "stock_card", "stock_prices", "stock_suppliers",
                          "stock_opname"}) {
        app->go(s);
        frames(2);
        if (std::string(s) == "stock_adjust" || std::string(s) == "stock_card" || std::string(s) == "stock_prices")
            scan(codes.tea);
        expect_touchable(s);
    }
    ASSERT_TRUE(tap("opname.session.0"));
    scan(codes.tea);
    expect_touchable("stock_opname.count");
    ASSERT_TRUE(tap("opname.mode.typed"));
    expect_touchable("stock_opname.typed");
    ASSERT_TRUE(tap("opname.b2"));
    expect_touchable("stock_opname.variance");
}

}  // namespace
}  // namespace waserda::ui_test
