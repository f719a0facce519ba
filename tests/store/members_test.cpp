// The members' side on a real SQLite file: the arrears block at checkout, payroll deduction,
// consignment, SHU from the books, leaving, statements, receipts and the RAT pack. Every act must
// leave `check` passing (balances equal their ledgers).
#include "tests/support/shop_fixture.hpp"

#include "pos/core/members_service.hpp"
#include "pos/store/members_store.hpp"
#include "pos/store/migrations.hpp"
#include "pos/store/summaries.hpp"
#include "pos/store/xlsx_export.hpp"

#include <fstream>

using namespace waserda;
using core::Money;
using core::PaymentMethod;

class Members : public test_support::ShopFixture {
protected:
    void SetUp() override {
        ShopFixture::SetUp();
        manager = must(shop->add_user(std::nullopt, "Mulyani", core::Role::Manager, "2345"));
        members_store = std::make_unique<store::SqliteMembersStore>(*store);
        service = std::make_unique<core::MembersService>(*shop, *members_store);
    }

    core::Result<core::Sale> sell(const std::string& member, const std::string& code, int64_t qty,
                                  std::vector<core::Payment> payments, std::optional<core::User> approver = std::nullopt) {
        auto cart = shop->new_cart();
        if (!member.empty()) {
            EXPECT_TRUE(shop->set_member(cart, member));
        }
        for (int64_t i = 0; i < qty; ++i) EXPECT_TRUE(shop->scan_into(cart, code));
        return shop->checkout({cart, payments, cashier, approver, approver ? "kenal baik" : ""});
    }

    core::MemberBalances balances(const core::Member& m) { return must(store->member_balances(m.id)); }

    void reopen() {
        service.reset();
        members_store.reset();
        open();
        members_store = std::make_unique<store::SqliteMembersStore>(*store);
        service = std::make_unique<core::MembersService>(*shop, *members_store);
    }

    void expect_all_checks_pass() {
        expect_books_balance();
        auto findings = members_store->check();
        ASSERT_TRUE(findings);
        for (auto& f : *findings) EXPECT_TRUE(f.ok) << f.what << ": " << f.detail;
    }

    core::User manager;
    std::unique_ptr<store::SqliteMembersStore> members_store;
    std::unique_ptr<core::MembersService> service;
};

// [SECTION] Arrears block

TEST_F(Members, CheckoutRefusesCreditToAMemberInArrearsUnlessASupervisorApproves) {
    auto s = shop->settings();
    s.credit.block_in_arrears = true;
    ASSERT_TRUE(store->save_settings(s));
    ASSERT_TRUE(shop->reload_settings());
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    // Fresh credit is not arrears.
    ASSERT_TRUE(sell("A-0001", "MIE-01", 1, {pay(PaymentMethod::MemberCredit, 3'300)}));

    clock.advance(std::chrono::hours(24 * 31));
    auto refused = sell("A-0001", "MIE-01", 1, {pay(PaymentMethod::MemberCredit, 3'300)});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::CreditLimit);
    EXPECT_NE(refused.error().message.find("menunggak"), std::string::npos) << refused.error().message;
    // Cash is still fine, and a supervisor may let the credit through (audited).
    EXPECT_TRUE(sell("A-0001", "MIE-01", 1, {cash(3'300)}));
    auto approved = sell("A-0001", "MIE-01", 1, {pay(PaymentMethod::MemberCredit, 3'300)}, supervisor);
    ASSERT_TRUE(approved) << approved.error().message;
    EXPECT_EQ(approved->approver_id, supervisor.id);
    auto audit = must(store->audit_entries(5));
    EXPECT_TRUE(std::any_of(audit.begin(), audit.end(), [](auto& a) { return a.action == "override_credit_limit"; }));

    // A longer grace period lifts the block; so does paying the old credit.
    auto admin = must(shop->add_user(std::nullopt, "Admin", core::Role::Admin, "1234"));
    ASSERT_TRUE(service->set_arrears_days(admin, 60));
    EXPECT_EQ(shop->settings().credit.arrears_days, 60);
    EXPECT_TRUE(sell("A-0001", "MIE-01", 1, {pay(PaymentMethod::MemberCredit, 3'300)}));
    ASSERT_TRUE(service->set_arrears_days(admin, 30));
    EXPECT_FALSE(sell("A-0001", "MIE-01", 1, {pay(PaymentMethod::MemberCredit, 3'300)}));
    // 72,000 + 3,300 were taken on the first day; paying 72,000 alone would leave 3,300 overdue.
    ASSERT_TRUE(shop->repay_credit({"A-0001", Money::rp(72'000), PaymentMethod::Cash, cashier, ""}));
    EXPECT_FALSE(sell("A-0001", "MIE-01", 1, {pay(PaymentMethod::MemberCredit, 3'300)}));
    ASSERT_TRUE(shop->repay_credit({"A-0001", Money::rp(3'300), PaymentMethod::Cash, cashier, ""}));
    EXPECT_TRUE(sell("A-0001", "MIE-01", 1, {pay(PaymentMethod::MemberCredit, 3'300)}));
    auto list = must(service->members_in_arrears());
    EXPECT_TRUE(list.empty());
    expect_all_checks_pass();
}

TEST_F(Members, ArrearsBlockIsOffUnlessTheSettingSaysSo) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    clock.advance(std::chrono::hours(24 * 90));
    EXPECT_TRUE(sell("A-0001", "MIE-01", 1, {pay(PaymentMethod::MemberCredit, 3'300)}));
    auto list = must(service->members_in_arrears());
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].member.number, "A-0001");
    EXPECT_EQ(list[0].status.overdue, Money::rp(72'000));
}

// [SECTION] Payroll deduction

TEST_F(Members, PayrollMonthIsListedExportedAndSettledAllOrNothing) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    ASSERT_TRUE(sell("A-0002", "MIE-01", 10, {pay(PaymentMethod::MemberCredit, 33'000)}));
    auto list = service->prepare_payroll("2026-11", manager);
    ASSERT_TRUE(list) << list.error().message;
    ASSERT_EQ(list->lines.size(), 2u);
    EXPECT_EQ(list->total, Money::rp(105'000));
    EXPECT_FALSE(service->prepare_payroll("2026-11", cashier));  // a manager's task

    std::string xlsx = tmp.file("potong-gaji.xlsx");
    ASSERT_TRUE(store::write_payroll_xlsx(xlsx, *list, "Waserda Uji"));
    std::ifstream f(xlsx, std::ios::binary);
    char magic[2] = {};
    f.read(magic, 2);
    EXPECT_EQ(std::string(magic, 2), "PK");

    // A bad file posts nothing and names its lines.
    auto bad = service->settle_payroll("2026-11", "number,deducted\nA-0001,72000\nA-0002,99999\nB-1,5\n", manager);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->parse.problems.size(), 2u);
    EXPECT_FALSE(bad->posting);
    EXPECT_EQ(balances(siti).owed, Money::rp(72'000));

    // The file sent back as it was: everything deducted.
    auto done = service->settle_payroll("2026-11", core::payroll_csv(*list), manager);
    ASSERT_TRUE(done) << done.error().message;
    ASSERT_TRUE(done->parse.problems.empty()) << core::format_problems(done->parse.problems);
    ASSERT_TRUE(done->posting);
    EXPECT_EQ(done->posting->receivables.size(), 2u);
    EXPECT_EQ(balances(siti).owed, Money{});
    EXPECT_EQ(balances(joko).owed, Money{});
    auto events = must(store->pending_events(100));
    EXPECT_EQ(events.back().kind, "payroll.settlement");

    auto again = service->settle_payroll("2026-11", core::payroll_csv(*list), manager);
    ASSERT_TRUE(again);
    ASSERT_EQ(again->parse.problems.size(), 1u);
    EXPECT_NE(again->parse.problems[0].message.find("sudah diposting"), std::string::npos);
    EXPECT_FALSE(service->prepare_payroll("2026-11", manager));
    auto settled = must(service->payroll_list("2026-11"));
    EXPECT_TRUE(settled.settled);
    expect_all_checks_pass();
}

TEST_F(Members, PayrollSettlementNeedsTheMonthsListFirst) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    auto r = service->settle_payroll("2026-11", "number,amount\nA-0001,72000\n", manager);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->parse.problems.size(), 1u);
    EXPECT_EQ(balances(siti).owed, Money::rp(72'000));
}

// [SECTION] Consignment

TEST_F(Members, ConsignmentIsReceivedSoldSettledAndNeverPaidTwice) {
    core::Consignor c;
    c.code = "K-01";
    c.name = "Bu Rina";
    c.fee_bp = 1000;
    c.member_number = "A-0002";
    auto consignor = service->add_consignor(manager, c);
    ASSERT_TRUE(consignor) << consignor.error().message;
    auto kripik = add_item("KRP-01", "Keripik Singkong", 10'000, 10'000, {}, 0);
    ASSERT_TRUE(service->set_consignment_item(manager, "KRP-01", "K-01", std::nullopt));
    auto received = service->receive_consignment(manager, "K-01", {{"KRP-01", 10}}, "titipan November");
    ASSERT_TRUE(received) << received.error().message;
    EXPECT_EQ(must(store->item_by_sku("KRP-01"))->on_hand, 10);
    EXPECT_EQ(must(store->item_by_sku("KRP-01"))->cost, Money{});

    ASSERT_TRUE(sell("", "KRP-01", 3, {cash(30'000)}));
    auto st = service->consignment_statement("K-01", "2026-11-01", "2026-11-30");
    ASSERT_TRUE(st) << st.error().message;
    EXPECT_EQ(st->qty_sold, 3);
    EXPECT_EQ(st->sold, Money::rp(30'000));
    EXPECT_EQ(st->fee, Money::rp(3'000));
    EXPECT_EQ(st->due, Money::rp(27'000));
    EXPECT_EQ(st->items[0].unsold, 7);

    auto paid = service->pay_consignment(manager, "K-01", "2026-11-01", "2026-11-30", PaymentMethod::Savings);
    ASSERT_TRUE(paid) << paid.error().message;
    EXPECT_EQ(paid->payment.due, Money::rp(27'000));
    EXPECT_EQ(balances(joko).sukarela, Money::rp(27'000));
    auto twice = service->pay_consignment(manager, "K-01", "2026-11-01", "2026-11-30", PaymentMethod::Transfer);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, core::ErrorCode::Conflict);

    // Later sales are paid on the next settlement, by themselves.
    ASSERT_TRUE(sell("", "KRP-01", 1, {cash(10'000)}));
    auto next = service->pay_consignment(manager, "K-01", "2026-11-01", "2026-11-30", PaymentMethod::Cash);
    ASSERT_TRUE(next) << next.error().message;
    EXPECT_EQ(next->payment.due, Money::rp(9'000));
    EXPECT_EQ(must(members_store->consignment_payments(consignor->id)).size(), 2u);
    auto figures = must(shop->shift_figures(shift.id));
    EXPECT_EQ(figures.cash_moves, Money::rp(-9'000));
    expect_all_checks_pass();
}

TEST_F(Members, ConsignmentStoreRefusesALineAlreadyPaid) {
    core::Consignor c;
    c.code = "K-02";
    c.name = "Pak Dul";
    auto consignor = must(service->add_consignor(manager, c));
    add_item("KUE-01", "Kue Lapis", 5'000, 5'000, {}, 0);
    ASSERT_TRUE(service->set_consignment_item(manager, "KUE-01", "K-02", Money::rp(4'000)));
    ASSERT_TRUE(service->receive_consignment(manager, "K-02", {{"KUE-01", 5}}, ""));
    ASSERT_TRUE(sell("", "KUE-01", 2, {cash(10'000)}));
    auto lines = must(members_store->unsettled_consignment_lines(consignor.id, "2026-11-01", "2026-11-30"));
    ASSERT_FALSE(lines.empty());
    core::ConsignmentPayment p1{0, "TJ-A", consignor.id, "2026-11-01", "2026-11-30", {}, {}, {}, "transfer", shop->now_utc(), 0};
    core::Posting empty;
    empty.kind = "consignment.settlement";
    ASSERT_TRUE(members_store->commit_consignment_payment(p1, lines, empty));
    core::ConsignmentPayment p2 = p1;
    p2.number = "TJ-B";
    auto dup = members_store->commit_consignment_payment(p2, lines, empty);
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(must(members_store->consignment_payments(consignor.id)).size(), 1u);  // rolled back whole
}

// [SECTION] SHU

TEST_F(Members, ShuFromTheBooksSplitsByPurchasesAndSavingsAndCreditsSukarelaOnce) {
    // Siti buys 72,000 (rice); Joko 33,000 (10 noodles); a non-member 75,000 (cash, rounded).
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {cash(72'000)}));
    ASSERT_TRUE(sell("A-0002", "MIE-01", 10, {cash(33'000)}));
    ASSERT_TRUE(sell("", "BRS-05", 1, {cash(75'000)}));
    core::ShuConfig c;
    c.year = 2026;
    c.surplus = Money::rp(1'000'000);
    c.jasa_modal_bp = 2000;
    c.jasa_usaha_bp = 2500;
    auto r = service->shu(c);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->purchases_denominator, Money::rp(105'000));
    EXPECT_EQ(r->savings_denominator, 1'000'000 + 200'000);  // pokok + wajib only
    ASSERT_EQ(r->shares.size(), 2u);
    // 250,000 x 72/105 = 171,428.57 -> 171,429; 200,000 x 1,000,000/1,200,000 = 166,666.67 -> 166,667
    EXPECT_EQ(r->shares[0].jasa_usaha, Money::rp(171'429));
    EXPECT_EQ(r->shares[0].jasa_modal, Money::rp(166'667));
    EXPECT_EQ(r->shares[0].jasa_usaha + r->shares[1].jasa_usaha, Money::rp(250'000));
    EXPECT_EQ(r->shares[0].jasa_modal + r->shares[1].jasa_modal, Money::rp(200'000));

    c.all_sales_denominator = true;
    auto all = must(service->shu(c));
    EXPECT_EQ(all.purchases_denominator, Money::rp(180'000));
    EXPECT_EQ(all.jasa_usaha_paid + all.jasa_usaha_retained, Money::rp(250'000));
    c.all_sales_denominator = false;

    auto early = service->credit_shu(c, manager);
    ASSERT_FALSE(early);  // the year is not over yet
    clock.set(core::parse_iso_utc("2027-01-15T03:00:00Z"));
    EXPECT_FALSE(service->credit_shu(c, cashier));
    Money siti_before = balances(siti).sukarela;
    auto credited = service->credit_shu(c, manager);
    ASSERT_TRUE(credited) << credited.error().message;
    EXPECT_EQ(credited->savings.size(), 2u);
    EXPECT_EQ(balances(siti).sukarela, siti_before + Money::rp(171'429 + 166'667));
    auto twice = service->credit_shu(c, manager);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, core::ErrorCode::Conflict);
    auto receipt = must(service->receipt(*credited, manager));
    EXPECT_EQ(receipt.member_number, "A-0001");
    EXPECT_EQ(receipt.total, Money::rp(171'429 + 166'667));
    expect_all_checks_pass();
}

TEST_F(Members, ShuAverageBasisWeighsSavingsByMonthsHeld) {
    // Both members' opening savings were deposited on 22 November (2 month ends: Nov, Dec).
    // Joko adds 1,000,000 wajib in December: 1 month end.
    clock.set(core::parse_iso_utc("2026-12-10T03:00:00Z"));
    ASSERT_TRUE(shop->savings_deposit({"A-0002", core::SavingsType::Wajib, Money::rp(1'000'000), false, supervisor, std::nullopt, ""}));
    core::ShuConfig c;
    c.year = 2026;
    c.surplus = Money::rp(1'200'000);
    c.jasa_modal_bp = 10000;
    c.basis = core::ShuSavingsBasis::MonthlyAverage;
    auto r = must(service->shu(c));
    // Siti: 1,000,000 x 2 = 2,000,000; Joko: 200,000 x 2 + 1,000,000 = 1,400,000.
    EXPECT_EQ(r.savings_denominator, 3'400'000);
    EXPECT_EQ(r.shares[0].jasa_modal, Money::rp(705'882));
    EXPECT_EQ(r.shares[1].jasa_modal, Money::rp(494'118));
    c.basis = core::ShuSavingsBasis::YearEnd;
    auto ye = must(service->shu(c));
    EXPECT_EQ(ye.savings_denominator, 2'200'000);
}

TEST_F(Members, ShuForAYearWithoutSalesRetainsTheJasaUsahaPool) {
    core::ShuConfig c;
    c.year = 2025;
    c.surplus = Money::rp(500'000);
    c.jasa_modal_bp = 2000;
    c.jasa_usaha_bp = 2500;
    auto r = must(service->shu(c));
    EXPECT_EQ(r.jasa_usaha_paid, Money{});
    EXPECT_EQ(r.jasa_usaha_retained, Money::rp(125'000));
    EXPECT_EQ(r.savings_denominator, 0);  // savings were deposited in 2026
}

// [SECTION] Leaving, statements, receipts, RAT

TEST_F(Members, LeavingMemberGetsSavingsMinusDebtAndIsMarkedLeft) {
    ASSERT_TRUE(sell("A-0002", "MIE-01", 10, {pay(PaymentMethod::MemberCredit, 33'000)}));
    auto preview = must(service->leaving_preview("A-0002"));
    EXPECT_EQ(preview.payout, Money::rp(200'000 - 33'000));
    EXPECT_FALSE(service->leave({"A-0002", cashier, std::nullopt, false, ""}));
    auto left = service->leave({"A-0002", manager, std::nullopt, true, "pindah kota"});
    ASSERT_TRUE(left) << left.error().message;
    EXPECT_EQ(left->settlement.payout, Money::rp(167'000));
    auto b = balances(joko);
    EXPECT_EQ(b.total_savings(), Money{});
    EXPECT_EQ(b.owed, Money{});
    auto m = must(store->member_by_number("A-0002"));
    EXPECT_EQ(m->status, core::MemberStatus::Left);
    EXPECT_EQ(m->left_on, "2026-11-22");
    EXPECT_EQ(must(shop->shift_figures(shift.id)).cash_moves, Money::rp(-167'000));
    auto again = service->leave({"A-0002", manager, std::nullopt, false, ""});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
    auto receipt = must(service->receipt(left->posting, manager));
    EXPECT_EQ(receipt.total, Money::rp(167'000));
    std::string text = core::leaving_text(left->settlement, "Waserda Uji", "2026-11-22", 42);
    EXPECT_NE(text.find("167.000"), std::string::npos);
    expect_all_checks_pass();
}

TEST_F(Members, LeavingIsRefusedWhileDebtExceedsSavings) {
    auto m = add_member("A-0003", "Rudi", "M0003", 10'000, 0, 0);
    m.credit_limit_override = Money::rp(100'000);
    ASSERT_TRUE(store->save_member(m));
    ASSERT_TRUE(sell("A-0003", "MIE-01", 10, {pay(PaymentMethod::MemberCredit, 33'000)}));
    auto r = service->leave({"A-0003", manager, std::nullopt, false, ""});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::Insufficient);
    EXPECT_EQ(must(store->member_by_number("A-0003"))->status, core::MemberStatus::Active);
}

TEST_F(Members, StatementListsSavingsPurchasesCreditAndBalances) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    ASSERT_TRUE(shop->repay_credit({"A-0001", Money::rp(20'000), PaymentMethod::Savings, cashier, ""}));
    auto s = service->statement("A-0001", "2026-11-01", "2026-11-30");
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->opening.total_savings(), Money{});
    EXPECT_EQ(s->closing.pokok, Money::rp(100'000));
    EXPECT_EQ(s->closing.sukarela, Money::rp(30'000));
    EXPECT_EQ(s->closing.owed, Money::rp(52'000));
    EXPECT_EQ(s->purchases, Money::rp(72'000));
    EXPECT_EQ(s->credit_taken, Money::rp(72'000));
    EXPECT_EQ(s->repaid, Money::rp(20'000));
    auto later = must(service->statement("A-0001", "2026-12-01", "2026-12-31"));
    EXPECT_EQ(later.opening.owed, Money::rp(52'000));
    EXPECT_TRUE(later.lines.empty());
    EXPECT_FALSE(service->statement("A-0001", "2026-12-31", "2026-12-01"));
}

TEST_F(Members, SavingsDepositReceiptCarriesTheBalancesAfter) {
    auto p = shop->savings_deposit({"A-0001", core::SavingsType::Wajib, Money::rp(50'000), true, cashier, std::nullopt, ""});
    ASSERT_TRUE(p);
    auto r = must(service->receipt(*p, cashier));
    EXPECT_EQ(r.title, "SETORAN SIMPANAN");
    EXPECT_EQ(r.total, Money::rp(50'000));
    EXPECT_EQ(r.balances_after.wajib, Money::rp(950'000));
    EXPECT_EQ(r.at_local, "22/11/2026 10:00");
    std::string text = core::receipt_text(r, 32);
    EXPECT_NE(text.find("950.000"), std::string::npos);
}

TEST_F(Members, RatPackHasEveryRecapAndWritesAWorkbook) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    ASSERT_TRUE(sell("", "MIE-01", 2, {cash(7'000)}));
    core::ShuConfig c;
    c.year = 2026;
    c.surplus = Money::rp(1'000'000);
    c.jasa_modal_bp = 2000;
    c.jasa_usaha_bp = 2500;
    auto pack = service->rat_pack(c);
    ASSERT_TRUE(pack) << pack.error().message;
    std::vector<std::string> names;
    for (auto& t : *pack) names.push_back(t.name);
    EXPECT_EQ(names, (std::vector<std::string>{"anggota", "simpanan", "kredit", "usaha", "shu_pool", "shu"}));
    auto& savings = (*pack)[1];
    EXPECT_EQ(savings.rows[1][0], "wajib");
    EXPECT_EQ(savings.rows[1].back(), "1000000");  // 900,000 + 100,000
    auto& usaha = (*pack)[3];
    EXPECT_EQ(usaha.rows[0][1], "79000");
    std::string path = tmp.file("rat.xlsx");
    ASSERT_TRUE(store::write_xlsx(path, *pack));
    EXPECT_GT(std::filesystem::file_size(path), 1000u);
}

TEST_F(Members, SchemaTwoBackfillsThePurchasesSummaryFromExistingSales) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {cash(72'000)}));
    ASSERT_TRUE(sell("", "MIE-01", 2, {cash(7'000)}));
    // Back to before schema 2, as a shop that ran an older Waserda would have it, then schema 2
    // again over its existing sales.
    ASSERT_TRUE(store::fold_summaries(store->db()));
    ASSERT_TRUE(store->db().exec(
        "DROP TABLE member_month_sales; DROP TABLE payroll_lines; "
        "DROP TABLE payroll_batches; DROP TABLE consignment_settled_lines; DROP TABLE consignment_settlements; "
        "DROP TABLE consignment_terms; DROP TABLE consignors; DROP INDEX items_consignor; DROP TABLE shu_runs"));
    auto v2 = store::members_migrations();
    ASSERT_GE(v2.size(), 1u);
    EXPECT_EQ(v2[0].version, 2);
    ASSERT_TRUE(store->db().exec(v2[0].sql));
    ASSERT_TRUE(store->db().exec("DROP TRIGGER member_month_sales_on_sale"));   // as schema 6 does: summaries fold in batches
    auto purchases = must(members_store->purchases_by_member("2026-11", "2026-11"));
    ASSERT_EQ(purchases.size(), 2u);
    int64_t members_total = 0, others = 0;
    for (auto& p : purchases) (p.member_id == 0 ? others : members_total) += p.amount.rupiah();
    EXPECT_EQ(members_total, 72'000);
    EXPECT_EQ(others, 7'000);
    expect_all_checks_pass();
}

// [SECTION] Arrears days in the settings; check

TEST_F(Members, ArrearsDaysKeptInTheMetaTableMoveIntoTheSettingsOnUpgrade) {
    // A shop from before schema 4: the days in meta, none in the settings.
    ASSERT_TRUE(store->db().exec("DELETE FROM settings WHERE key = 'credit.arrears_days'; "
                                 "INSERT INTO meta(key, value) VALUES('credit.arrears_days', '45')"));
    auto v4 = store::members_migrations();
    auto it = std::find_if(v4.begin(), v4.end(), [](auto& m) { return m.version == 4; });
    ASSERT_NE(it, v4.end());
    ASSERT_TRUE(store->db().exec(it->sql));
    reopen();
    EXPECT_EQ(shop->settings().credit.arrears_days, 45);
    EXPECT_FALSE(must(store->meta(core::kArrearsDaysKey)).has_value());
    // And `waserda settings set credit.arrears_days` goes through the same setting.
    auto s = shop->settings();
    ASSERT_TRUE(core::set_setting(s, "credit.arrears_days", "14"));
    EXPECT_EQ(s.credit.arrears_days, 14);
    EXPECT_FALSE(core::set_setting(s, "credit.arrears_days", "0"));
}

TEST_F(Members, ArrearsFollowTheDaysInTheCreditPolicy) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    clock.advance(std::chrono::hours(24 * 20));
    EXPECT_TRUE(must(service->members_in_arrears()).empty());
    auto admin = must(shop->add_user(std::nullopt, "Admin", core::Role::Admin, "1234"));
    EXPECT_FALSE(service->set_arrears_days(manager, 10));   // an admin's setting
    ASSERT_TRUE(service->set_arrears_days(admin, 10));
    EXPECT_EQ(must(service->members_in_arrears()).size(), 1u);
    reopen();   // kept in the settings table
    EXPECT_EQ(shop->settings().credit.arrears_days, 10);
}

TEST_F(Members, MigrationVersionsAreUniqueAndIncreasing) {
    const auto& all = store::migrations();
    for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].version, all[i].version) << all[i].name;
}

TEST_F(Members, CheckReportsAMemberBalanceThatDiffersFromItsLedger) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    expect_all_checks_pass();
    ASSERT_TRUE(store->db().exec("UPDATE member_balances SET sukarela = sukarela + 500 WHERE member_id = " + std::to_string(siti.id)));
    auto findings = must(members_store->check());
    auto bad = std::find_if(findings.begin(), findings.end(), [](auto& f) { return !f.ok; });
    ASSERT_NE(bad, findings.end());
    EXPECT_NE(bad->what.find("Saldo"), std::string::npos) << bad->what;
    EXPECT_NE(bad->detail.find("1 anggota"), std::string::npos) << bad->detail;
}

TEST_F(Members, CheckReportsASettledPayrollMonthThatDiffersFromItsRepayments) {
    ASSERT_TRUE(sell("A-0001", "BRS-05", 1, {pay(PaymentMethod::MemberCredit, 72'000)}));
    auto list = must(service->prepare_payroll("2026-11", manager));
    auto done = must(service->settle_payroll("2026-11", core::payroll_csv(list), manager));
    ASSERT_TRUE(done.posting);
    expect_all_checks_pass();
    ASSERT_TRUE(store->db().exec("UPDATE payroll_batches SET total_settled = total_settled + 1"));
    auto findings = must(members_store->check());
    EXPECT_TRUE(std::any_of(findings.begin(), findings.end(),
                            [](auto& f) { return !f.ok && f.what.find("Potong gaji") != std::string::npos; }));
}
