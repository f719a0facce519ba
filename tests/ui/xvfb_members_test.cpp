// The manager's member screens in the real program under Xvfb at 1366x768: the manager logs in,
// opens arrears, a statement, payroll deduction and SHU from the menu; each is kept as a screenshot
// (assets/screenshots/members-*.png with WASERDA_UPDATE_SCREENSHOTS=1).
#include "pos/core/members_service.hpp"
#include "pos/store/members_store.hpp"
#include "tests/ui/xvfb_fixture.hpp"

#include <fmt/format.h>

namespace waserda::ui_test {
namespace {

using core::Money;

// A cooperative with history: 36 more members in four work units with savings, last year's
// purchases (for SHU) and, for some, credit taken 40 days ago and not repaid (arrears, payroll).
void seed_member_history(const std::string& db, const UiShopCodes& codes) {
    auto s = store::SqliteStore::open(db);
    ASSERT_TRUE(s);
    auto& store = **s;
    auto now = std::chrono::system_clock::now();
    int last_year = std::stoi(core::local_date(now, 7 * 60).substr(0, 4)) - 1;
    core::FixedClock clock(core::parse_iso_utc(fmt::format("{}-03-10T02:00:00Z", last_year)));
    core::Shop shop(store, &clock);
    core::User cashier, manager;
    auto users = store.list_users();
    ASSERT_TRUE(users);
    for (auto& u : *users) {
        if (u.name == "Siti") cashier = u;
        if (u.name == "Rina") manager = u;
    }
    const char* units[] = {"Produksi", "Gudang", "Keuangan", "Pemasaran"};
    const char* first[] = {"Agus", "Bambang", "Citra", "Dian", "Eko", "Fitri", "Gita", "Hadi", "Indah",
                           "Joko", "Kartini", "Lukman", "Maya", "Nur", "Oki", "Putri", "Rahmat", "Sri"};
    const char* last[] = {"Santoso", "Wijaya"};
    std::vector<std::string> numbers = {"A-0001", "A-0002", "A-0003"};
    for (int i = 0; i < 36; ++i) {
        core::Member m;
        m.number = fmt::format("A-{:04}", 10 + i);
        m.name = fmt::format("{} {}", first[i % 18], last[i / 18]);
        m.card_code = fmt::format("M{:04}", 10 + i);
        m.work_unit = units[i % 4];
        m.joined_on = fmt::format("{}-01-05", last_year - 1);
        ASSERT_TRUE(store.save_member(m));
        numbers.push_back(m.number);
        for (auto [type, amount] : {std::pair{core::SavingsType::Pokok, 100'000}, {core::SavingsType::Wajib, 240'000 + 20'000 * (i % 7)},
                                    {core::SavingsType::Sukarela, 10'000 * (i % 5)}}) {
            if (amount == 0) continue;
            ASSERT_TRUE(shop.savings_deposit({m.number, type, Money::rp(amount), false, manager, std::nullopt, "saldo awal"}));
        }
    }
    ASSERT_TRUE(shop.open_shift(cashier, Money::rp(300'000)));
    auto sell = [&](const std::string& member, const std::vector<std::string>& items, core::PaymentMethod method) {
        auto cart = shop.new_cart();
        ASSERT_TRUE(shop.set_member(cart, member));
        for (auto& code : items) ASSERT_TRUE(shop.scan_into(cart, code));
        auto plan = shop.plan_payment(cart, {});
        core::Payment p;
        p.method = method;
        p.amount = method == core::PaymentMethod::Cash ? plan.cash_due : plan.total;
        p.tendered = method == core::PaymentMethod::Cash ? plan.cash_due : Money{};
        auto sale = shop.checkout({cart, {p}, cashier, std::nullopt, ""});
        ASSERT_TRUE(sale) << sale.error().message;
    };
    // Last year's purchases, spread over the members.
    for (size_t i = 0; i < numbers.size(); ++i) {
        std::vector<std::string> items;
        for (size_t k = 0; k <= i % 5; ++k) items.push_back(codes.barcodes[(i + k) % codes.barcodes.size()]);
        sell(numbers[i], items, core::PaymentMethod::Cash);
    }
    // Credit 40 days ago for every third member: in arrears now, and on the payroll list.
    clock.set(now - std::chrono::hours(24 * 40));
    for (size_t i = 0; i < numbers.size(); i += 3) sell(numbers[i], {codes.rice, codes.oil}, core::PaymentMethod::MemberCredit);
    clock.set(now - std::chrono::hours(24 * 12));
    sell("A-0002", {codes.sugar, codes.coffee}, core::PaymentMethod::MemberCredit);
    // The seeding till's shift is closed, as at the end of a day: the manager opens their own.
    ASSERT_TRUE(shop.close_shift(cashier, {}));
}

class XvfbMembers : public XvfbPos {};

TEST_F(XvfbMembers, ScreenshotsOfTheMembersScreensAt1366x768) {
    seed_member_history(db, codes);
    start_xvfb(1366, 768);
    start_pos();
    type("r5555");               // Rina, the manager
    key("Return");
    ASSERT_TRUE(poll_until([&] { return logged_in(); }, 20s));
    type("200000");
    key("Return");
    key("F10");
    ASSERT_TRUE(poll_until([&] { return tap("menu.members_arrears"); }, 20s));
    ASSERT_TRUE(poll_until([&] { return tap("arrears.refresh"); }, 20s));
    screenshot("members-arrears.png");

    // A member's statement for the whole year.
    ASSERT_TRUE(tap("arrears.row.0"));
    ASSERT_TRUE(poll_until([&] { return tap("statement.mode"); }, 20s));
    screenshot("members-statement.png");
    key("Escape");
    key("Escape");

    ASSERT_TRUE(poll_until([&] { return tap("menu.members_payroll"); }, 20s));
    ASSERT_TRUE(poll_until([&] { return tap("payroll.csv"); }, 20s));
    // The employer's file comes back with a member the list does not have: refused, line named.
    // (The export above may not have made the folder yet: the test makes it.)
    fs::create_directories(tmp.file("ekspor"));
    std::ofstream(tmp.file("ekspor") + "/hasil-potongan.csv") << "number,deducted\nA-0001,106500\nB-0099,50000\n";
    ASSERT_TRUE(fs::exists(tmp.file("ekspor") + "/hasil-potongan.csv"));
    // "Cari file" until the screen lists it (a click can land before the frame that draws the button).
    ASSERT_TRUE(poll_until([&] { return tap("payroll.file.hasil-potongan.csv") || (tap("payroll.rescan") && false); }, 20s));
    screenshot("members-payroll.png");
    key("Escape");

    ASSERT_TRUE(poll_until([&] { return tap("menu.members_shu"); }, 20s));
    ASSERT_TRUE(poll_until([&] { return tap("shu.field.surplus"); }, 20s));
    for (const char* k : {"shu.pad.2", "shu.pad.5", "shu.pad.000", "shu.pad.000"}) ASSERT_TRUE(tap(k)) << k;
    ASSERT_TRUE(tap("shu.compute"));
    ASSERT_TRUE(poll_until([&] { return tap("shu.field.cadangan"); }, 20s));   // a frame after the result
    screenshot("members-shu.png");
}

}  // namespace
}  // namespace waserda::ui_test
