// Members' rules on plain data: arrears, payroll due and settlement files, consignment fees,
// statements and the leaving settlement.
#include "pos/core/consignment.hpp"
#include "pos/core/member_ledger.hpp"
#include "pos/core/payroll.hpp"

#include <gtest/gtest.h>

using namespace waserda::core;

namespace {

ReceivableEntry credit(int64_t amount, const std::string& at, ReceivableEntryKind kind = ReceivableEntryKind::CreditSale) {
    ReceivableEntry e;
    e.member_id = 1;
    e.member_number = "A-0001";
    e.kind = kind;
    e.amount = Money::rp(amount);
    e.at = at;
    return e;
}

PayrollList sample_list() {
    return make_payroll_list("2026-11", {{2, "A-0002", "Joko", "Gudang", Money::rp(50'000)},
                                         {1, "A-0001", "Siti", "Produksi", Money::rp(120'000)},
                                         {3, "A-0003", "Rina", "Gudang", Money::rp(0)}});
}

}  // namespace

TEST(Arrears, CreditOlderThanTheCutoffAndUnpaidMeansArrears) {
    std::vector<ReceivableEntry> e{credit(100'000, "2026-09-01T03:00:00Z"), credit(50'000, "2026-11-10T03:00:00Z")};
    auto a = arrears_of(e, "2026-10-23T03:00:00Z");
    EXPECT_EQ(a.owed, Money::rp(150'000));
    EXPECT_EQ(a.overdue, Money::rp(100'000));
    EXPECT_TRUE(a.in_arrears());
    EXPECT_EQ(a.oldest_unpaid_at, "2026-09-01T03:00:00Z");
}

TEST(Arrears, RepaymentsPayTheOldestCreditFirst) {
    std::vector<ReceivableEntry> e{credit(100'000, "2026-09-01T03:00:00Z"), credit(50'000, "2026-11-10T03:00:00Z"),
                                   credit(-100'000, "2026-11-15T03:00:00Z", ReceivableEntryKind::Repayment)};
    auto a = arrears_of(e, "2026-10-23T03:00:00Z");
    EXPECT_EQ(a.owed, Money::rp(50'000));
    EXPECT_FALSE(a.in_arrears());
    EXPECT_EQ(a.oldest_unpaid_at, "2026-11-10T03:00:00Z");
    e.back().amount = Money::rp(-99'999);
    EXPECT_EQ(arrears_of(e, "2026-10-23T03:00:00Z").overdue, Money::rp(1));
}

TEST(Arrears, NothingOwedIsNeverArrears) {
    auto a = arrears_of({}, "2026-10-23T03:00:00Z");
    EXPECT_FALSE(a.in_arrears());
    EXPECT_TRUE(a.oldest_unpaid_at.empty());
}

TEST(Payroll, DueIsWhatWasOwedAtMonthEndLessLaterRepayments) {
    std::string end = month_end_utc("2026-11", 7 * 60);
    EXPECT_EQ(end, "2026-11-30T17:00:00Z");
    std::vector<ReceivableEntry> e{credit(100'000, "2026-11-05T03:00:00Z"), credit(40'000, "2026-12-02T03:00:00Z"),
                                   credit(-30'000, "2026-12-03T03:00:00Z", ReceivableEntryKind::Repayment)};
    EXPECT_EQ(payroll_due(e, end), Money::rp(70'000));
    EXPECT_EQ(next_month("2026-12"), "2027-01");
    EXPECT_TRUE(is_valid_month("2026-11"));
    EXPECT_FALSE(is_valid_month("2026-13"));
    EXPECT_FALSE(is_valid_month("2026-1"));
}

TEST(Payroll, ListIsGroupedByWorkUnitWithoutZeroLines) {
    auto list = sample_list();
    ASSERT_EQ(list.lines.size(), 2u);
    EXPECT_EQ(list.lines[0].work_unit, "Gudang");
    EXPECT_EQ(list.total, Money::rp(170'000));
    auto units = list.units();
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[1].work_unit, "Produksi");
    EXPECT_EQ(units[1].total, Money::rp(120'000));
    EXPECT_NE(payroll_csv(list).find("Gudang,A-0002,Joko,50000,"), std::string::npos);
}

TEST(Payroll, SettlementFileSentBackUnchangedMeansEverythingWasDeducted) {
    auto list = sample_list();
    std::map<std::string, Money> owed{{"A-0001", Money::rp(120'000)}, {"A-0002", Money::rp(60'000)}};
    // No "deducted" filled in: the employer's amount column is what they deducted.
    auto parsed = parse_payroll_settlement("number,amount\nA-0001,120000\nA-0002,50.000\n", list, owed);
    EXPECT_TRUE(parsed.problems.empty()) << format_problems(parsed.problems);
    EXPECT_EQ(parsed.total, Money::rp(170'000));
    ASSERT_EQ(parsed.lines.size(), 2u);
    EXPECT_EQ(parsed.lines[0].member_id, 1);
}

TEST(Payroll, SettlementNamesEveryLineItCannotPost) {
    auto list = sample_list();
    std::map<std::string, Money> owed{{"A-0001", Money::rp(120'000)}, {"A-0002", Money::rp(60'000)}};
    std::string csv =
        "work_unit,number,name,amount,deducted\n"
        "Gudang,A-0002,Joko,50000,70000\n"       // more than owed
        "Produksi,A-0001,Siti,120000,100000\n"
        "Produksi,A-0001,Siti,120000,20000\n"     // duplicate
        "Produksi,A-0099,Orang Lain,1,1\n"        // not on the list
        "Gudang,A-0003,Rina,0,abc\n";             // not on the list (zero line dropped) and bad amount
    auto parsed = parse_payroll_settlement(csv, list, owed);
    ASSERT_EQ(parsed.problems.size(), 4u) << format_problems(parsed.problems);
    EXPECT_EQ(parsed.problems[0].line, 2);
    EXPECT_EQ(parsed.problems[0].column, "deducted");
    EXPECT_EQ(parsed.problems[1].line, 4);
    EXPECT_EQ(parsed.problems[2].line, 5);
    EXPECT_EQ(parsed.problems[3].line, 6);
}

TEST(Payroll, SettlementWithoutNumberColumnIsRefused) {
    auto parsed = parse_payroll_settlement("nama,jumlah\nSiti,1000\n", sample_list(), {});
    ASSERT_EQ(parsed.problems.size(), 1u);
    EXPECT_EQ(parsed.problems[0].column, "number");
}

TEST(Consignment, FeeIsAPercentageOfWhatSold) {
    Consignor c{1, "K-01", "Bu Rina", "", "", 1500, true};
    Item kripik;
    kripik.id = 10;
    kripik.sku = "KRP-01";
    kripik.name = "Keripik Singkong";
    kripik.on_hand = 7;
    std::vector<ConsignmentSaleLine> lines{{1, 1, "T01-20261101-0001", "2026-11-01", 10, 3, Money::rp(30'000)},
                                           {2, 2, "T01-20261102-0001", "2026-11-02", 10, 2, Money::rp(20'000)},
                                           {3, 1, "T01-20261103-0001", "2026-11-03", 10, -1, Money::rp(-10'000)}};
    auto s = build_consignment_statement(c, "2026-11-01", "2026-11-30", {kripik}, {}, lines);
    ASSERT_EQ(s.items.size(), 1u);
    EXPECT_EQ(s.qty_sold, 4);
    EXPECT_EQ(s.sold, Money::rp(40'000));
    EXPECT_EQ(s.fee, Money::rp(6'000));
    EXPECT_EQ(s.due, Money::rp(34'000));
    EXPECT_EQ(s.items[0].unsold, 7);
    EXPECT_EQ(s.lines.size(), 3u);
}

TEST(Consignment, AgreedPricePerUnitOverridesTheFee) {
    Consignor c{1, "K-01", "Bu Rina", "", "", 1500, true};
    Item kripik;
    kripik.id = 10;
    std::vector<ConsignmentSaleLine> lines{{1, 1, "S1", "2026-11-01", 10, 4, Money::rp(40'000)}};
    auto s = build_consignment_statement(c, "2026-11-01", "2026-11-30", {kripik}, {{10, Money::rp(8'000)}}, lines);
    EXPECT_EQ(s.due, Money::rp(32'000));
    EXPECT_EQ(s.fee, Money::rp(8'000));
}

TEST(MemberStatement, OpeningClosingAndLinesFollowTheLocalPeriod) {
    Member m;
    m.id = 1;
    m.number = "A-0001";
    m.name = "Siti";
    std::vector<SavingsEntry> savings(3);
    savings[0].type = SavingsType::Pokok, savings[0].amount = Money::rp(100'000), savings[0].at = "2026-01-05T03:00:00Z";
    savings[1].type = SavingsType::Wajib, savings[1].amount = Money::rp(50'000), savings[1].at = "2026-10-31T18:00:00Z";  // Nov 1 WIB
    savings[2].type = SavingsType::Sukarela, savings[2].amount = Money::rp(-5'000), savings[2].at = "2026-12-01T03:00:00Z";
    savings[2].kind = SavingsEntryKind::Withdrawal;
    std::vector<ReceivableEntry> credit_entries{credit(80'000, "2026-11-10T03:00:00Z")};
    std::vector<MemberSaleSummary> sales{{"T01-20261110-0001", "2026-11-10T03:00:00Z", "2026-11-10", false, Money::rp(80'000),
                                          Money::rp(80'000), Money{}}};
    auto s = build_statement(m, savings, credit_entries, sales, "2026-11-01", "2026-11-30", 7 * 60);
    EXPECT_EQ(s.opening.pokok, Money::rp(100'000));
    EXPECT_EQ(s.opening.wajib, Money{});
    EXPECT_EQ(s.closing.wajib, Money::rp(50'000));
    EXPECT_EQ(s.closing.owed, Money::rp(80'000));
    EXPECT_EQ(s.closing.sukarela, Money{});  // December's withdrawal is outside the period
    ASSERT_EQ(s.lines.size(), 3u);
    EXPECT_EQ(s.lines[1].kind, StatementLineKind::Purchase);  // the sale before the credit it caused
    EXPECT_EQ(s.purchases_on_credit, Money::rp(80'000));
    std::string text = statement_text(s, "Waserda Uji", 32);
    for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        EXPECT_LE(end - start, 32u) << text.substr(start, end - start);
    EXPECT_NE(statement_csv(s).find("closing"), std::string::npos);
}

TEST(Leaving, SettlementIsAllSavingsMinusDebt) {
    Member m;
    MemberBalances b{Money::rp(100'000), Money::rp(900'000), Money::rp(50'000), Money::rp(300'000)};
    auto s = plan_leaving(m, b);
    EXPECT_EQ(s.savings_total, Money::rp(1'050'000));
    EXPECT_EQ(s.debt_offset, Money::rp(300'000));
    EXPECT_EQ(s.payout, Money::rp(750'000));
    EXPECT_EQ(s.debt_left, Money{});
    b.owed = Money::rp(2'000'000);
    auto short_of = plan_leaving(m, b);
    EXPECT_EQ(short_of.payout, Money{});
    EXPECT_EQ(short_of.debt_left, Money::rp(950'000));
}
