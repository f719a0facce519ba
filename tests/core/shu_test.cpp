// SHU rules on plain numbers: pools, jasa modal, jasa usaha, rounding that never loses a rupiah.
#include "pos/core/shu.hpp"

#include <gtest/gtest.h>

#include <numeric>

using namespace waserda::core;

namespace {

ShuMemberInput member(MemberId id, const std::string& number, int64_t savings, int64_t purchases) {
    ShuMemberInput m;
    m.id = id;
    m.number = number;
    m.name = "Anggota " + number;
    m.savings = Money::rp(savings);
    m.savings_weight = savings;
    m.purchases = Money::rp(purchases);
    return m;
}

ShuConfig config(int64_t surplus, int64_t modal_bp, int64_t usaha_bp) {
    ShuConfig c;
    c.year = 2026;
    c.surplus = Money::rp(surplus);
    c.jasa_modal_bp = modal_bp;
    c.jasa_usaha_bp = usaha_bp;
    return c;
}

const ShuShare& share_of(const ShuResult& r, const std::string& number) {
    for (auto& s : r.shares)
        if (s.number == number) return s;
    static ShuShare none;
    ADD_FAILURE() << "no share for " << number;
    return none;
}

void expect_pools_paid_exactly(const ShuResult& r) {
    Money pools;
    for (auto& p : r.pools) pools += p.amount;
    EXPECT_EQ(pools, r.config.surplus);
    Money modal, usaha;
    for (auto& s : r.shares) {
        modal += s.jasa_modal;
        usaha += s.jasa_usaha;
        EXPECT_GE(s.jasa_modal.rupiah(), 0);
        EXPECT_GE(s.jasa_usaha.rupiah(), 0);
    }
    EXPECT_EQ(modal, r.jasa_modal_paid);
    EXPECT_EQ(usaha, r.jasa_usaha_paid);
    EXPECT_EQ(r.jasa_modal_paid + r.jasa_modal_retained, r.jasa_modal_pool);
    EXPECT_EQ(r.jasa_usaha_paid + r.jasa_usaha_retained, r.jasa_usaha_pool);
}

}  // namespace

TEST(Shu, WorkedPublicExampleGivesOneMillionJasaUsahaAnd240kJasaModal) {
    // Total pokok 10,000,000 + wajib 90,000,000; 75,000,000 of members' transactions; SHU 60,000,000.
    ShuInput in;
    in.members.push_back(member(1, "A-0001", 200'000 + 1'800'000, 5'000'000));
    in.members.push_back(member(2, "A-0002", 98'000'000, 70'000'000));
    in.turnover = Money::rp(75'000'000);
    auto r = compute_shu(config(60'000'000, 2000, 2500), in);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->jasa_usaha_pool, Money::rp(15'000'000));
    EXPECT_EQ(r->jasa_modal_pool, Money::rp(12'000'000));
    const auto& s = share_of(*r, "A-0001");
    EXPECT_EQ(s.jasa_usaha, Money::rp(1'000'000));
    EXPECT_EQ(s.jasa_modal, Money::rp(240'000));
    EXPECT_EQ(s.total(), Money::rp(1'240'000));
    expect_pools_paid_exactly(*r);
}

TEST(Shu, CadanganTakesWhatTheOtherPoolsLeave) {
    ShuInput in;
    in.members.push_back(member(1, "A-0001", 1000, 1000));
    auto c = config(60'000'000, 2000, 2500);
    c.funds = {{"Dana pengurus", 1000}, {"Dana pendidikan", 500}};
    auto r = compute_shu(c, in);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->pools.size(), 5u);
    EXPECT_EQ(r->pools[0].key, "cadangan");
    EXPECT_EQ(r->pools[0].basis_points, 4000);
    EXPECT_EQ(r->pools[0].amount, Money::rp(24'000'000));
    EXPECT_EQ(r->pools[3].amount, Money::rp(6'000'000));
    expect_pools_paid_exactly(*r);
}

TEST(Shu, RefusesPercentagesOverOneHundredOrNotAddingUp) {
    ShuInput in;
    EXPECT_FALSE(compute_shu(config(1'000'000, 6000, 5000), in));
    auto c = config(1'000'000, 2000, 2500);
    c.cadangan_bp = 4000;  // 85% in all
    auto r = compute_shu(c, in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::Invalid);
}

TEST(Shu, RefusesALossOrZeroSurplus) {
    ShuInput in;
    EXPECT_FALSE(compute_shu(config(0, 2000, 2500), in));
    EXPECT_FALSE(compute_shu(config(-5, 2000, 2500), in));
}

TEST(Shu, SurplusThatDoesNotDivideEvenlyLosesNoRupiah) {
    ShuInput in;
    in.members.push_back(member(1, "A-0001", 1, 1));
    in.members.push_back(member(2, "A-0002", 1, 1));
    in.members.push_back(member(3, "A-0003", 1, 1));
    auto r = compute_shu(config(1'000'001, 3333, 3333), in);
    ASSERT_TRUE(r);
    expect_pools_paid_exactly(*r);
    EXPECT_EQ(r->jasa_modal_retained, Money{});
    EXPECT_EQ(r->jasa_usaha_retained, Money{});
    // Three equal members and an uneven pool: shares differ by at most one rupiah.
    int64_t lo = INT64_MAX, hi = 0;
    for (auto& s : r->shares) {
        lo = std::min(lo, s.jasa_usaha.rupiah());
        hi = std::max(hi, s.jasa_usaha.rupiah());
    }
    EXPECT_LE(hi - lo, 1);
}

TEST(Shu, TiesOfTheRemainderGoToTheLowerMemberNumberWhateverTheInputOrder) {
    ShuInput in;
    in.members.push_back(member(3, "A-0003", 1, 1));
    in.members.push_back(member(1, "A-0001", 1, 1));
    in.members.push_back(member(2, "A-0002", 1, 1));
    // 10,000 x 1% = 100 rupiah of jasa usaha over three equal members: 34, 33, 33.
    auto r = compute_shu(config(10'000, 0, 100), in);
    ASSERT_TRUE(r);
    EXPECT_EQ(share_of(*r, "A-0001").jasa_usaha, Money::rp(34));
    EXPECT_EQ(share_of(*r, "A-0002").jasa_usaha, Money::rp(33));
    EXPECT_EQ(share_of(*r, "A-0003").jasa_usaha, Money::rp(33));
    EXPECT_EQ(r->shares.front().number, "A-0001");
}

TEST(Shu, MemberWithNoPurchasesGetsOnlyJasaModal) {
    ShuInput in;
    in.members.push_back(member(1, "A-0001", 500'000, 0));
    in.members.push_back(member(2, "A-0002", 500'000, 2'000'000));
    auto r = compute_shu(config(10'000'000, 2000, 2500), in);
    ASSERT_TRUE(r);
    EXPECT_EQ(share_of(*r, "A-0001").jasa_usaha, Money{});
    EXPECT_EQ(share_of(*r, "A-0001").jasa_modal, Money::rp(1'000'000));
    EXPECT_EQ(share_of(*r, "A-0002").jasa_usaha, Money::rp(2'500'000));
    expect_pools_paid_exactly(*r);
}

TEST(Shu, ZeroTotalSavingsRetainsTheJasaModalPool) {
    ShuInput in;
    in.members.push_back(member(1, "A-0001", 0, 100));
    in.members.push_back(member(2, "A-0002", 0, 300));
    auto r = compute_shu(config(1'000'000, 2000, 2500), in);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->savings_denominator, 0);
    EXPECT_EQ(r->jasa_modal_paid, Money{});
    EXPECT_EQ(r->jasa_modal_retained, Money::rp(200'000));
    EXPECT_EQ(share_of(*r, "A-0002").jasa_usaha, Money::rp(187'500));
    expect_pools_paid_exactly(*r);
}

TEST(Shu, AllSalesDenominatorLeavesTheNonMemberShareRetained) {
    ShuInput in;
    in.members.push_back(member(1, "A-0001", 1000, 5'000'000));
    in.turnover = Money::rp(20'000'000);  // 15,000,000 sold to non-members
    auto c = config(4'000'000, 0, 2500);
    c.all_sales_denominator = true;
    auto r = compute_shu(c, in);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->purchases_denominator, Money::rp(20'000'000));
    EXPECT_EQ(share_of(*r, "A-0001").jasa_usaha, Money::rp(250'000));
    EXPECT_EQ(r->jasa_usaha_retained, Money::rp(750'000));
    expect_pools_paid_exactly(*r);

    c.all_sales_denominator = false;  // members' purchases only: the member takes the whole pool
    auto members_only = compute_shu(c, in);
    ASSERT_TRUE(members_only);
    EXPECT_EQ(share_of(*members_only, "A-0001").jasa_usaha, Money::rp(1'000'000));
}

TEST(Shu, MemberWhoLeftMidYearGetsNothingAndThePoolsStillAddUp) {
    ShuInput in;
    in.members.push_back(member(1, "A-0001", 1'000'000, 4'000'000));
    auto gone = member(2, "A-0002", 0, 6'000'000);
    gone.status = MemberStatus::Left;
    gone.left_on = "2026-06-30";
    in.members.push_back(gone);
    auto r = compute_shu(config(10'000'000, 2000, 2500), in);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->shares.size(), 1u);
    EXPECT_EQ(r->shares[0].number, "A-0001");
    EXPECT_EQ(r->shares[0].jasa_usaha, Money::rp(2'500'000));
    expect_pools_paid_exactly(*r);

    auto c = config(10'000'000, 2000, 2500);
    c.pay_left_members = true;  // bylaws that keep the share of a member who left
    auto kept = compute_shu(c, in);
    ASSERT_TRUE(kept);
    EXPECT_EQ(share_of(*kept, "A-0002").jasa_usaha, Money::rp(1'500'000));
}

TEST(Shu, MemberWhoLeftAfterTheYearEndedStillShares) {
    ShuInput in;
    auto m = member(1, "A-0001", 1000, 1000);
    m.status = MemberStatus::Left;
    m.left_on = "2027-02-01";
    in.members.push_back(m);
    auto r = compute_shu(config(1'000, 5000, 5000), in);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->shares.size(), 1u);
}

TEST(Shu, ApportionAlwaysAddsUpAndIgnoresNegativeWeights) {
    for (int64_t amount : {0LL, 1LL, 7LL, 999'999'999LL, 123'456'789'012LL}) {
        std::vector<int64_t> w{3, -5, 0, 7, 11, 13, 1'000'000'000'000LL};
        auto parts = apportion(amount, w);
        EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), int64_t{0}), amount);
        EXPECT_EQ(parts[1], 0);
        EXPECT_EQ(parts[2], 0);
    }
    auto none = apportion(100, {0, 0});
    EXPECT_EQ(none[0] + none[1], 0);
}

TEST(Shu, ParsesPercentagesIntoBasisPoints) {
    EXPECT_EQ(parse_percent_bp("20"), 2000);
    EXPECT_EQ(parse_percent_bp("2.5"), 250);
    EXPECT_EQ(parse_percent_bp("2,5"), 250);
    EXPECT_EQ(parse_percent_bp("12.25%"), 1225);
    EXPECT_EQ(parse_percent_bp("100"), 10000);
    EXPECT_FALSE(parse_percent_bp("101"));
    EXPECT_FALSE(parse_percent_bp("-1"));
    EXPECT_FALSE(parse_percent_bp("1.234"));
    EXPECT_FALSE(parse_percent_bp("abc"));
    EXPECT_FALSE(parse_percent_bp(""));
    EXPECT_EQ(format_percent_bp(2000), "20");
    EXPECT_EQ(format_percent_bp(250), "2.5");
    EXPECT_EQ(format_percent_bp(1205), "12.05");
}
