// The stock screens in the real program under Xvfb at 1366x768: a goods receipt typed in as a
// keyboard-wedge scanner does (found in the database), the stock count's variance and the reorder
// list; screenshots for README (WASERDA_UPDATE_SCREENSHOTS=1 copies them to assets/screenshots/).
#include "tests/ui/xvfb_fixture.hpp"

namespace waserda::ui_test {
namespace {

class XvfbStock : public XvfbPos {
protected:
    // Suppliers, earlier deliveries, minimum stock levels and a count in progress, written through
    // core before the program starts.
    void seed_stock_work() {
        as_manager([&](core::ManagerService& m, core::Shop&, store::SqliteStore& store, const core::User& u) { seed_with(m, store, u); });
    }
    void seed_with(core::ManagerService& m, store::SqliteStore& store, const core::User& u) {
        for (auto [code, name, phone] : {std::tuple{"IDG", "Indogrosir Bandung", "022-7301234"},
                                         std::tuple{"SRB", "CV Sumber Rejeki", "0812-2200-3344"},
                                         std::tuple{"TANI", "Kelompok Tani Makmur", "0813-9876-5432"}}) {
            core::Supplier s;
            s.code = code;
            s.name = name;
            s.phone = phone;
            ASSERT_TRUE(m.save_supplier(u, s));
        }
        auto deliver = [&](const std::string& supplier, std::vector<core::ReceiveLineRequest> lines) {
            core::ReceiveRequest r;
            r.supplier_code = supplier;
            r.lines = std::move(lines);
            r.user = u;
            ASSERT_TRUE(m.receive(r));
        };
        deliver("IDG", {{codes.rice, 5, core::Money::rp(64000), ""}, {codes.oil, 6, core::Money::rp(31000), ""},
                        {codes.coffee, 4, core::Money::rp(11800), "2027-06-30"}});
        deliver("SRB", {{codes.tea, 10, core::Money::rp(6200), ""}, {codes.milk, 12, core::Money::rp(10400), "2027-03-31"},
                        {codes.soap, 24, core::Money::rp(3700), ""}});
        // Minimum stock above what is on hand for a few items, so the reorder list has lines.
        for (auto [code, extra] : {std::pair{codes.rice, 20}, std::pair{codes.coffee, 10}, std::pair{codes.tea, 15},
                                   std::pair{codes.milk, 8}, std::pair{codes.soap, 30}}) {
            auto hit = store.item_by_code(code);
            ASSERT_TRUE(hit && *hit);
            core::Item it = (*hit)->item;
            it.min_stock = it.on_hand + extra;
            ASSERT_TRUE(store.save_item(it, core::BarcodeWrite::Keep));   // the item from a scan keeps its codes
        }
        // A count in progress: two counters on two shelves.
        auto s = m.open_opname(u, "Rak minuman & sabun", false);
        ASSERT_TRUE(s);
        opname = s->number;
        auto c1 = m.count_set(opname, "Siti rak 1", codes.tea, 44);
        ASSERT_TRUE(c1) << c1.error().message;
        ASSERT_TRUE(m.count_set(opname, "Siti rak 1", codes.coffee, 43));
        ASSERT_TRUE(m.count_set(opname, "Budi rak 2", codes.milk, 49));
        ASSERT_TRUE(m.count_set(opname, "Budi rak 2", codes.soap, 110));
        ASSERT_TRUE(m.count_set(opname, "Budi rak 2", codes.tea, 5));
    }

    void tap_when_shown(const std::string& id) {
        if (!poll_until([&] { return shows(id); }, 20s)) {
            screenshot("failure-stock.png");   // what the manager would have seen, in the build folder
            FAIL() << id << " not on screen";
        }
        ASSERT_TRUE(tap(id)) << id;
    }
    int64_t on_hand(const std::string& code) {
        auto hit = reader()->item_by_code(code);
        return hit && *hit ? (*hit)->item.on_hand : -1;
    }

    std::string opname;
};

TEST_F(XvfbStock, GoodsReceiptOpnameAndReorderAt1366x768) {
    seed_stock_work();
    start_xvfb(1366, 768);
    start_pos();
    login_and_open_shift("r5555");   // Rina, the manager
    key("F10");
    tap_until("menu.stock", "stock.go.stock_receive");
    tap_until("stock.go.stock_receive", "stock_receive.supplier.0");
    tap_until("stock_receive.supplier.0", "stock_receive.b3");

    // The delivery, scanned as a wedge scanner types: three sugars, two noodles and a carton of them.
    const int64_t sugar = on_hand(codes.sugar), noodles = on_hand(codes.noodles);
    for (auto& code : {codes.sugar, codes.noodles, codes.sugar, codes.noodles, codes.noodles_carton, codes.oil, codes.sugar,
                       codes.tea}) {
        type(code);
        key("Return");
    }
    if (!poll_until([&] { return shows("stock_receive.line.4"); }, 20s)) {
        screenshot("failure-stock.png");
        FAIL() << "the receipt's lines did not appear";
    }
    tap_when_shown("stock_receive.line.2");
    screenshot("ui-stock-receive.png");
    tap_until("stock_receive.b3", "stock_receive.done.b1");
    ASSERT_TRUE(poll_until([&] { return on_hand(codes.sugar) == sugar + 3; }, 20s));
    EXPECT_EQ(on_hand(codes.noodles), noodles + 2 + 40);
    ASSERT_TRUE(poll_until([&] { return shows("stock_receive.result.0"); }, 20s));
    screenshot("ui-stock-receive-done.png");
    tap_until("stock_receive.done.back", "stock.go.stock_opname");

    // The stock count: the session two counters are counting, then its variance.
    tap_until("stock.go.stock_opname", "opname.session.0");
    tap_until("opname.session.0", "opname.count.0");
    ASSERT_TRUE(poll_until([&] { return shows("opname.count.4"); }, 20s));
    type(codes.coffee);       // one more coffee found on the shelf
    key("Return");
    screenshot("ui-stock-opname.png");
    tap_until("opname.b2", "opname.variance.0");
    ASSERT_TRUE(poll_until([&] { return shows("opname.variance.3"); }, 20s));
    screenshot("ui-stock-opname-variance.png");
    tap_until("opname.back", "stock.go.stock_reorder");

    tap_until("stock.go.stock_reorder", "reorder.b2");
    ASSERT_TRUE(poll_until([&] { return shows("reorder.line.4"); }, 20s));
    screenshot("ui-stock-reorder.png");
}

}  // namespace
}  // namespace waserda::ui_test
