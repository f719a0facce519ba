#include "pos/core/credit.hpp"
#include "pos/core/tax.hpp"

#include <gtest/gtest.h>

using namespace waserda::core;

TEST(Tax, SplitsAShelfPriceIntoPriceBeforeTaxDppAndPpn) {
    TaxConfig cfg;
    cfg.pkp = true;
    auto t = split_included_tax(Money::rp(111000), cfg);
    EXPECT_EQ(t.price_before_tax, Money::rp(100000));
    EXPECT_EQ(t.dpp, Money::rp(91667));      // 11/12 of the price before tax
    EXPECT_EQ(t.ppn, Money::rp(11000));      // 12% of DPP = 11% effective
    EXPECT_EQ(t.price_before_tax + t.ppn, Money::rp(111000));
}

TEST(Tax, PartsAlwaysAddUpToThePrice) {
    TaxConfig cfg;
    cfg.pkp = true;
    for (int64_t p : {1, 99, 3500, 12345, 999999}) {
        auto t = split_included_tax(Money::rp(p), cfg);
        EXPECT_EQ((t.price_before_tax + t.ppn).rupiah(), p);
    }
}

TEST(Tax, NotPkpMeansNoPpn) {
    TaxConfig cfg;
    auto t = split_included_tax(Money::rp(111000), cfg);
    EXPECT_EQ(t.ppn, Money::rp(0));
    EXPECT_EQ(t.dpp, Money::rp(0));
}

TEST(CreditLimit, TakesTheLesserOfFixedAndPercentOfLockedSavings) {
    CreditPolicy p;
    p.mode = CreditLimitMode::Lesser;
    p.fixed_limit = Money::rp(1'500'000);
    p.percent = 80;
    Member m;
    MemberBalances b;
    b.pokok = Money::rp(100'000);
    b.wajib = Money::rp(900'000);
    b.sukarela = Money::rp(5'000'000);
    EXPECT_EQ(credit_limit(p, m, b), Money::rp(800'000));
    b.owed = Money::rp(300'000);
    EXPECT_EQ(available_credit(p, m, b), Money::rp(500'000));
    p.include_sukarela = true;
    EXPECT_EQ(credit_limit(p, m, b), Money::rp(1'500'000));
}

TEST(CreditLimit, AMemberExceptionWinsAndOwingMoreThanTheLimitLeavesZero) {
    CreditPolicy p;
    Member m;
    m.credit_limit_override = Money::rp(200'000);
    MemberBalances b;
    b.owed = Money::rp(250'000);
    EXPECT_EQ(credit_limit(p, m, b), Money::rp(200'000));
    EXPECT_EQ(available_credit(p, m, b), Money::rp(0));
}

TEST(CreditLimit, MembersWhoLeftGetNoCredit) {
    CreditPolicy p;
    p.mode = CreditLimitMode::Fixed;
    Member m;
    m.status = MemberStatus::Left;
    EXPECT_EQ(credit_limit(p, m, MemberBalances{}), Money::rp(0));
}
