// The manager's member screens driven headlessly on a real SQLite shop: arrears, statement,
// savings and repayment with receipts, leaving, payroll deduction export and settlement, consignment
// and SHU. Each test seeds what it needs through its own helpers over the shop of ui_shop.hpp.
#include "pos/core/csv.hpp"
#include "pos/core/members_service.hpp"
#include "pos/store/members_store.hpp"
#include "pos/ui/screens/members_common.hpp"
#include "tests/ui/ui_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace waserda::ui_test {
namespace {

namespace fs = std::filesystem;
using core::Money;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Receipt files the folder printer wrote whose names start with `prefix`.
std::vector<std::string> receipts_named(const std::string& dir, const std::string& prefix) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto& e : fs::directory_iterator(dir, ec))
        if (e.path().filename().string().rfind(prefix, 0) == 0) out.push_back(e.path().string());
    return out;
}

class MembersScreens : public UiFixture {
protected:
    // Works on the shop's file through a connection of its own, as another till would, with a clock
    // set to `at`; the app is restarted afterwards so it reads what was written.
    struct Seeder {
        std::unique_ptr<store::SqliteStore> store;
        core::FixedClock clock;
        std::unique_ptr<core::Shop> shop;
        std::unique_ptr<store::SqliteMembersStore> members_store;
        std::unique_ptr<core::MembersService> members;
        core::User cashier, manager;

        Seeder(const std::string& db, core::TimePoint at) : clock(at) {
            auto s = store::SqliteStore::open(db);
            EXPECT_TRUE(s);
            store = std::move(*s);
            shop = std::make_unique<core::Shop>(*store, &clock);
            members_store = std::make_unique<store::SqliteMembersStore>(*store);
            members = std::make_unique<core::MembersService>(*shop, *members_store);
            auto users = store->list_users();
            EXPECT_TRUE(users);
            for (auto& u : *users) {
                if (u.name == "Siti") cashier = u;
                if (u.name == "Rina") manager = u;
            }
        }

        void open_shift() {
            auto cur = shop->current_shift();
            if (cur && !*cur) {
                EXPECT_TRUE(shop->open_shift(cashier, Money::rp(500'000)));
            }
        }

        core::Sale sell(const std::string& member, const std::string& code, int qty, core::PaymentMethod method) {
            open_shift();
            auto cart = shop->new_cart();
            if (!member.empty()) {
                EXPECT_TRUE(shop->set_member(cart, member));
            }
            for (int i = 0; i < qty; ++i) EXPECT_TRUE(shop->scan_into(cart, code));
            auto plan = shop->plan_payment(cart, {});
            core::Payment p;
            p.method = method;
            p.amount = method == core::PaymentMethod::Cash ? plan.cash_due : plan.total;
            p.tendered = method == core::PaymentMethod::Cash ? plan.cash_due : Money{};
            auto sale = shop->checkout({cart, {p}, cashier, std::nullopt, ""});
            EXPECT_TRUE(sale) << (sale ? "" : sale.error().message);
            return sale ? *sale : core::Sale{};
        }
    };

    core::TimePoint now() const { return std::chrono::system_clock::now(); }
    core::TimePoint days_ago(int d) const { return now() - std::chrono::hours(24 * d); }

    // Ahmad Fauzi (A-0001) bought rice on member credit 40 days ago: in arrears (30 days).
    void seed_old_credit() {
        {
            Seeder s(db, days_ago(40));
            s.sell("A-0001", codes.rice, 1, core::PaymentMethod::MemberCredit);
        }
        start();
    }

    void login_manager() {
        login("Rina", "5555");
        ASSERT_TRUE(state().user);
        ASSERT_EQ(state().user->name, "Rina");
    }

    // The manager's screens are in the menu: reach them as a person would.
    void open_from_menu(const std::string& screen) {
        app->go("menu");
        frames(2);
        ASSERT_TRUE(tap("menu." + screen)) << screen << " is not in the manager's menu";
        frames(2);
        ASSERT_EQ(state().screen, screen);
    }

    void pick_member(const std::string& button, const std::string& number) {
        ASSERT_TRUE(tap(button));
        frames(2);
        type(number);
        frames(2);
        ASSERT_TRUE(tap("members.pick.result.0")) << "no search result for " << number;
        frames(2);
    }

    core::MemberBalances balances_of(const std::string& number) {
        auto m = store->member_by_number(number);
        EXPECT_TRUE(m && *m);
        return *store->member_balances((*m)->id);
    }

    std::string banner() const { return state().banner.text; }
    std::string export_dir() const { return (fs::path(db).parent_path() / "ekspor").string(); }
};

// [SECTION] Arrears and statement

TEST_F(MembersScreens, ArrearsListShowsAMemberInArrearsAndOpensTheStatement) {
    seed_old_credit();
    login_manager();
    open_from_menu("members_arrears");
    ASSERT_TRUE(ui->visible("arrears.row.0"));
    EXPECT_FALSE(ui->visible("arrears.row.1"));   // only Ahmad is in arrears
    ASSERT_TRUE(tap("arrears.row.0"));
    frames(2);
    EXPECT_EQ(state().screen, "members_statement");
    EXPECT_TRUE(ui->visible("statement.print"));
}

TEST_F(MembersScreens, ACashierDoesNotSeeTheMembersScreensInTheMenu) {
    login("Siti", "1234");
    app->go("menu");
    frames(2);
    EXPECT_FALSE(ui->visible("menu.members_arrears"));
    EXPECT_FALSE(ui->visible("menu.members_shu"));
}

TEST_F(MembersScreens, StatementTotalsMatchTheLedgerAndItPrintsAndExports) {
    seed_old_credit();
    login_manager();
    open_from_menu("members_arrears");
    ASSERT_TRUE(tap("arrears.row.0"));
    frames(2);
    // Back to the month of the credit sale.
    std::string sale_month = core::local_date(days_ago(40), 7 * 60).substr(0, 7);
    std::string this_month = core::local_date(now(), 7 * 60).substr(0, 7);
    int steps = (std::stoi(this_month.substr(0, 4)) * 12 + std::stoi(this_month.substr(5))) -
                (std::stoi(sale_month.substr(0, 4)) * 12 + std::stoi(sale_month.substr(5)));
    for (int i = 0; i < steps; ++i) ASSERT_TRUE(tap("statement.period.prev"));
    frames(2);
    ASSERT_TRUE(tap("statement.csv"));
    frames(1);
    std::string csv_path = export_dir() + "/rekening-A-0001-" + sale_month + ".csv";
    ASSERT_TRUE(fs::exists(csv_path)) << banner();

    // The same statement straight from core, and the ledger's balances.
    store::SqliteMembersStore ms(*store);
    core::MembersService svc(*shop, ms);
    auto s = svc.statement("A-0001", ui::month_first_day(sale_month), ui::month_last_day(sale_month));
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->credit_taken, Money::rp(72'000));
    EXPECT_EQ(s->purchases_on_credit, Money::rp(72'000));
    auto ledger = balances_of("A-0001");
    EXPECT_EQ(s->closing.owed, ledger.owed);
    // Savings at the period's end: the ledger's entries up to that day.
    auto entries = store->savings_entries(s->member.id);
    ASSERT_TRUE(entries);
    Money sukarela, wajib;
    for (auto& e : *entries) {
        if (core::local_date_of(e.at, 7 * 60) > s->to) continue;
        if (e.type == core::SavingsType::Sukarela) sukarela += e.amount;
        if (e.type == core::SavingsType::Wajib) wajib += e.amount;
    }
    EXPECT_EQ(s->closing.sukarela, sukarela);
    EXPECT_EQ(s->closing.wajib, wajib);
    EXPECT_EQ(s->opening.owed + s->credit_taken - s->repaid, s->closing.owed);
    std::string csv = read_file(csv_path);
    EXPECT_NE(csv.find("72000"), std::string::npos) << csv;
    EXPECT_EQ(csv, core::statement_csv(*s));

    ASSERT_TRUE(tap("statement.xlsx"));
    frames(1);
    std::string xlsx = export_dir() + "/rekening-A-0001-" + sale_month + ".xlsx";
    ASSERT_TRUE(fs::exists(xlsx)) << banner();
    EXPECT_EQ(read_file(xlsx).substr(0, 2), "PK");

    ASSERT_TRUE(tap("statement.print"));
    frames(1);
    auto printed = receipts_named(receipts, "rekening-A-0001");
    ASSERT_EQ(printed.size(), 1u) << banner();
    EXPECT_NE(read_file(printed[0]).find("72.000"), std::string::npos) << read_file(printed[0]);
}

// [SECTION] Savings, repayment, leaving

TEST_F(MembersScreens, ADepositAndARepaymentFromTheScreenAreRecordedAndPrintReceipts) {
    seed_old_credit();
    login_manager();
    open_from_menu("members_savings");

    pick_member("savings.member", "A-0003");
    Money before = balances_of("A-0003").sukarela;
    ASSERT_TRUE(tap("savings.act.deposit"));
    ASSERT_TRUE(tap("savings.type.sukarela"));
    tap_digits("savings.pad", "50");
    ASSERT_TRUE(tap("savings.pad.000"));
    ASSERT_TRUE(tap("savings.pad.ok"));
    frames(2);
    EXPECT_EQ(balances_of("A-0003").sukarela, before + Money::rp(50'000)) << banner();
    auto deposit = receipts_named(receipts, "savings-deposit-A-0003");
    ASSERT_EQ(deposit.size(), 1u) << banner();
    EXPECT_NE(read_file(deposit[0]).find("50.000"), std::string::npos) << read_file(deposit[0]);

    pick_member("savings.member", "A-0001");
    ASSERT_TRUE(tap("savings.act.repay"));
    frames(1);
    ASSERT_TRUE(tap("savings.method.cash"));
    tap_digits("savings.pad", "20");
    ASSERT_TRUE(tap("savings.pad.000"));
    ASSERT_TRUE(tap("savings.pad.ok"));
    frames(2);
    EXPECT_EQ(balances_of("A-0001").owed, Money::rp(52'000)) << banner();
    auto repay = receipts_named(receipts, "credit-repayment-A-0001");
    ASSERT_EQ(repay.size(), 1u) << banner();
    EXPECT_NE(read_file(repay[0]).find("20.000"), std::string::npos) << read_file(repay[0]);
}

TEST_F(MembersScreens, AMemberLeavingIsConfirmedWithAPinSettledAndPrinted) {
    login_manager();
    open_from_menu("members_leave");
    pick_member("leave.member", "A-0002");   // Dewi: 50,000 + 100,000 + 20,000, no debt
    if (state().shift) {
        ASSERT_TRUE(tap("leave.drawer"));   // paid by transfer, not from a drawer
    }
    frames(1);
    // A wrong PIN records nothing.
    tap_digits("leave.pad", "1111");
    ASSERT_TRUE(tap("leave.pad.ok"));
    frames(2);
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    EXPECT_EQ(balances_of("A-0002").total_savings(), Money::rp(170'000));

    tap_digits("leave.pad", "5555");
    ASSERT_TRUE(tap("leave.pad.ok"));
    frames(2);
    auto m = store->member_by_number("A-0002");
    ASSERT_TRUE(m && *m);
    EXPECT_EQ((*m)->status, core::MemberStatus::Left) << banner();
    EXPECT_EQ(balances_of("A-0002").total_savings(), Money{});
    auto slip = receipts_named(receipts, "keluar-A-0002");
    ASSERT_EQ(slip.size(), 1u) << banner();
    EXPECT_NE(read_file(slip[0]).find("170.000"), std::string::npos) << read_file(slip[0]);
}

// [SECTION] Payroll deduction

TEST_F(MembersScreens, PayrollMonthIsExportedAndASettlementWithABadLineIsRefusedNamingIt) {
    seed_old_credit();
    login_manager();
    open_from_menu("members_payroll");
    std::string month = core::local_date(now(), 7 * 60).substr(0, 7);
    {   // the screen opens on last month
        int y = std::stoi(month.substr(0, 4)), mo = std::stoi(month.substr(5));
        int idx = y * 12 + mo - 2;
        month = fmt::format("{:04}-{:02}", idx / 12, idx % 12 + 1);
    }
    ASSERT_TRUE(tap("payroll.csv"));
    frames(1);
    std::string csv_path = export_dir() + "/potong-gaji-" + month + ".csv";
    ASSERT_TRUE(fs::exists(csv_path)) << banner();
    std::string csv = read_file(csv_path);
    EXPECT_NE(csv.find("Produksi"), std::string::npos) << csv;
    EXPECT_NE(csv.find("A-0001"), std::string::npos) << csv;
    EXPECT_NE(csv.find("72000"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("A-0002"), std::string::npos) << csv;   // owes nothing
    ASSERT_TRUE(tap("payroll.xlsx"));
    frames(1);
    std::string xlsx = export_dir() + "/potong-gaji-" + month + ".xlsx";
    ASSERT_TRUE(fs::exists(xlsx)) << banner();
    EXPECT_EQ(read_file(xlsx).substr(0, 2), "PK");

    // The employer's file with an unknown member on line 3: nothing is posted, the line is named.
    std::ofstream(export_dir() + "/hasil-buruk.csv") << "number,deducted\nA-0001,72000\nB-9999,5000\n";
    ASSERT_TRUE(tap("payroll.rescan"));
    frames(1);
    ASSERT_TRUE(tap("payroll.file.hasil-buruk.csv"));
    frames(2);
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    EXPECT_EQ(balances_of("A-0001").owed, Money::rp(72'000));
    // The problem list on screen names line 3, and only it.
    EXPECT_TRUE(ui->visible("payroll.problem.3")) << banner();
    EXPECT_FALSE(ui->visible("payroll.problem.2"));
    EXPECT_NE(banner().find("hasil-buruk.csv"), std::string::npos) << banner();

    std::ofstream(export_dir() + "/hasil-benar.csv") << "number,deducted\nA-0001,72000\n";
    ASSERT_TRUE(tap("payroll.rescan"));
    frames(1);
    ASSERT_TRUE(tap("payroll.file.hasil-benar.csv"));
    frames(2);
    EXPECT_EQ(balances_of("A-0001").owed, Money{}) << banner();
    store::SqliteMembersStore ms(*store);
    auto batch = ms.payroll_batch(month);
    ASSERT_TRUE(batch && *batch);
    EXPECT_TRUE((*batch)->list.settled);
}

// [SECTION] Consignment

TEST_F(MembersScreens, ConsignmentIsSettledForTheMonthAndPaid) {
    {
        Seeder s(db, now());
        core::Consignor c;
        c.code = "K-01";
        c.name = "Bu Yati";
        c.fee_bp = 1000;
        ASSERT_TRUE(s.members->add_consignor(s.manager, c));
        ASSERT_TRUE(s.members->set_consignment_item(s.manager, "KRP-01", "K-01", std::nullopt));
        ASSERT_TRUE(s.members->receive_consignment(s.manager, "K-01", {{"KRP-01", 10}}, "titipan"));
        s.sell("", "KRP-01", 3, core::PaymentMethod::Cash);   // 3 x 8,000
    }
    start();
    login_manager();
    open_from_menu("members_consignment");
    ASSERT_TRUE(ui->visible("consignment.consignor.K-01"));
    ASSERT_TRUE(tap("consignment.method.transfer"));
    ASSERT_TRUE(tap("consignment.pay"));
    frames(2);
    store::SqliteMembersStore ms(*store);
    auto c = ms.consignor_by_code("K-01");
    ASSERT_TRUE(c && *c);
    auto payments = ms.consignment_payments((*c)->id);
    ASSERT_TRUE(payments);
    ASSERT_EQ(payments->size(), 1u) << banner();
    EXPECT_EQ((*payments)[0].sold, Money::rp(24'000));
    EXPECT_EQ((*payments)[0].fee, Money::rp(2'400));
    EXPECT_EQ((*payments)[0].due, Money::rp(21'600));
    EXPECT_EQ(receipts_named(receipts, "titip-").size(), 1u);
    // Paid once: the button is off now that nothing is left to pay.
    ASSERT_TRUE(tap("consignment.pay"));
    frames(1);
    EXPECT_EQ(ms.consignment_payments((*c)->id)->size(), 1u);
}

// [SECTION] SHU

TEST_F(MembersScreens, ShuForLastYearMatchesTheReportAndIsCreditedOnce) {
    int last_year = std::stoi(core::local_date(now(), 7 * 60).substr(0, 4)) - 1;
    {
        Seeder s(db, core::parse_iso_utc(fmt::format("{}-06-15T03:00:00Z", last_year)));
        s.sell("A-0001", codes.rice, 2, core::PaymentMethod::Cash);
        s.sell("A-0002", codes.oil, 1, core::PaymentMethod::Cash);
        s.sell("", codes.sugar, 3, core::PaymentMethod::Cash);
    }
    start();
    login_manager();
    open_from_menu("members_shu");
    ASSERT_TRUE(tap("shu.field.surplus"));
    tap_digits("shu.pad", "10");
    ASSERT_TRUE(tap("shu.pad.000"));
    ASSERT_TRUE(tap("shu.pad.000"));
    ASSERT_TRUE(tap("shu.compute"));
    frames(2);
    ASSERT_TRUE(tap("shu.csv"));
    frames(1);
    std::string csv_path = export_dir() + fmt::format("/shu-{}-anggota.csv", last_year);
    ASSERT_TRUE(fs::exists(csv_path)) << banner();

    // What `waserda report shu --year Y --surplus 10000000 --cadangan 40 --jasa-modal 20
    // --jasa-usaha 25 --fund ...=5 x3 --format csv` prints: core's members table of the same config.
    core::ShuConfig c;
    c.year = last_year;
    c.surplus = Money::rp(10'000'000);
    c.cadangan_bp = 4000;
    c.jasa_modal_bp = 2000;
    c.jasa_usaha_bp = 2500;
    c.funds = {{"Dana pengurus", 500}, {"Dana pendidikan", 500}, {"Dana sosial", 500}};
    store::SqliteMembersStore ms(*store);
    core::MembersService svc(*shop, ms);
    auto r = svc.shu(c);
    ASSERT_TRUE(r) << r.error().message;
    auto t = core::shu_members_table(*r);
    EXPECT_EQ(read_file(csv_path), core::write_csv(t.header, t.rows));
    ASSERT_EQ(r->shares.size(), 3u);   // every member joined in 2024
    EXPECT_EQ(r->jasa_usaha_pool, Money::rp(2'500'000));

    Money before = balances_of("A-0001").sukarela;
    ASSERT_TRUE(tap("shu.credit"));
    frames(1);
    ASSERT_TRUE(tap("shu.confirm.yes"));
    frames(2);
    Money after = balances_of("A-0001").sukarela;
    EXPECT_EQ(after, before + r->shares[0].total()) << banner();
    ASSERT_TRUE(ms.shu_run(last_year) && *ms.shu_run(last_year));

    // Once only: a second credit is refused and changes nothing.
    ASSERT_TRUE(tap("shu.credit"));
    frames(1);
    ASSERT_TRUE(tap("shu.confirm.yes"));
    frames(2);
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    EXPECT_EQ(balances_of("A-0001").sukarela, after);

    ASSERT_TRUE(tap("shu.rat"));
    frames(1);
    EXPECT_TRUE(fs::exists(export_dir() + fmt::format("/rat-{}.xlsx", last_year))) << banner();
}

}  // namespace
}  // namespace waserda::ui_test

namespace waserda::ui_test {
namespace {

// [SECTION] The smallest screen

class MembersScreensAt1024 : public MembersScreens {
protected:
    int width() const override { return 1024; }
};

TEST_F(MembersScreensAt1024, EveryMembersScreenKeepsItsButtonsOnScreenAndTouchSized) {
    seed_old_credit();
    login_manager();
    ui::picked_member_number() = "A-0001";   // the statement, savings and leaving screens open on her
    const std::vector<std::pair<std::string, std::vector<std::string>>> screens = {
        {"members_arrears", {"arrears.back", "arrears.row.0"}},
        {"members_statement", {"statement.member", "statement.print", "statement.csv", "statement.xlsx", "statement.folder"}},
        {"members_savings", {"savings.member", "savings.act.repay", "savings.pad.ok", "savings.leave"}},
        {"members_leave", {"leave.member", "leave.pad.ok", "leave.back"}},
        {"members_payroll", {"payroll.month.prev", "payroll.csv", "payroll.xlsx", "payroll.rescan"}},
        {"members_consignment", {"consignment.month.next", "consignment.pay", "consignment.back"}},
        {"members_shu", {"shu.field.surplus", "shu.field.dana_sosial", "shu.pad.ok", "shu.compute", "shu.credit"}},
    };
    for (auto& [screen, ids] : screens) {
        open_from_menu(screen);
        for (auto& id : ids) {
            const ui::HitRect* r = ui::hits().find(id);
            ASSERT_NE(r, nullptr) << screen << ": " << id << " is not on screen";
            EXPECT_GE(r->max.y - r->min.y, 47.5f) << screen << ": " << id;
            EXPECT_LE(r->max.x, 1024.0f) << screen << ": " << id;
            EXPECT_LE(r->max.y, 768.0f) << screen << ": " << id;
        }
    }
}

}  // namespace
}  // namespace waserda::ui_test
