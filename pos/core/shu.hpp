// SHU (sisa hasil usaha, the year's surplus) as the RAT (rapat anggota tahunan, the members'
// annual meeting) decides to split it: pools by percentage, then jasa modal (return on members'
// capital) by savings and jasa usaha (return on members' purchases) by purchases.
//
// Every split is whole rupiah by largest remainder with ties broken by member number, so the parts
// always add up to the whole: the pools add up to the surplus, and each member pool is paid out
// exactly (what no member may receive - the non-member share of turnover, or a pool nobody
// qualifies for - is reported as `retained`, and paid + retained == pool).
#pragma once

#include "member.hpp"
#include "money.hpp"
#include "result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::core {

// Savings that count for jasa modal: the balance at the year's end, or the average of the twelve
// month-end balances (fairer to members who saved late in the year).
enum class ShuSavingsBasis { YearEnd, MonthlyAverage };

// One more fund of the bylaws (dana pengurus, pendidikan, sosial...), in basis points of the SHU.
struct ShuFund {
    std::string name;
    int64_t basis_points = 0;
};

struct ShuConfig {
    int year = 0;
    Money surplus;                          // the SHU to split (> 0)
    int64_t jasa_modal_bp = 0;              // 20% = 2000
    int64_t jasa_usaha_bp = 0;
    std::optional<int64_t> cadangan_bp;     // reserve; empty: whatever the other pools leave
    std::vector<ShuFund> funds;
    ShuSavingsBasis basis = ShuSavingsBasis::YearEnd;
    bool include_sukarela = false;          // bylaws that count sukarela as capital
    bool all_sales_denominator = false;     // jasa usaha over all sales, not members' purchases only
    bool pay_left_members = false;          // members who left during the year keep their share
};

// One member's figures for the year, as the store found them.
struct ShuMemberInput {
    MemberId id = 0;
    std::string number;
    std::string name;
    MemberStatus status = MemberStatus::Active;
    std::string joined_on;                  // YYYY-MM-DD
    std::string left_on;                    // YYYY-MM-DD
    Money purchases;                        // net of returns, in the fiscal year
    Money savings;                          // the savings shown (year end, or the monthly average)
    int64_t savings_weight = 0;             // what jasa modal is split by (year end, or sum of 12 month ends)
};

struct ShuInput {
    std::vector<ShuMemberInput> members;
    Money turnover;                         // all sales of the year, members or not
};

struct ShuPool {
    std::string key;                        // "cadangan", "jasa_modal", "jasa_usaha", or a fund's name
    std::string name;                       // as printed
    int64_t basis_points = 0;
    Money amount;
};

struct ShuShare {
    MemberId id = 0;
    std::string number;
    std::string name;
    Money purchases;
    Money savings;
    Money jasa_modal;
    Money jasa_usaha;
    Money total() const { return jasa_modal + jasa_usaha; }
};

struct ShuResult {
    ShuConfig config;
    std::vector<ShuPool> pools;             // add up to the surplus
    std::vector<ShuShare> shares;           // eligible members, by member number
    Money purchases_denominator;            // members' purchases, or all sales
    int64_t savings_denominator = 0;        // sum of eligible members' savings weights
    Money jasa_modal_pool, jasa_usaha_pool;
    Money jasa_modal_paid, jasa_usaha_paid;
    Money jasa_modal_retained, jasa_usaha_retained;  // pool - paid
    Money total_paid() const { return jasa_modal_paid + jasa_usaha_paid; }
};

// Whether a member takes part: not when they left before the year ended (unless the bylaws say
// so), never when they joined after it.
bool shu_eligible(const ShuConfig& config, const ShuMemberInput& m);

// Splits the pools and the members' shares. Fails on a surplus <= 0, negative percentages or
// percentages adding up to more than 100%.
Result<ShuResult> compute_shu(const ShuConfig& config, const ShuInput& input);

// Whole-rupiah shares of `amount` in proportion to `weights` (negatives count as 0). The parts add
// up to `amount` exactly when any weight is positive, else all are 0. Ties of the remainder go to
// the lower index, so callers order the parts (by member number) to make ties deterministic.
std::vector<int64_t> apportion(int64_t amount, const std::vector<int64_t>& weights);

// "20", "2.5", "2,5", "12.25%" -> basis points (2000, 250, 250, 1225). Empty on anything else.
std::optional<int64_t> parse_percent_bp(std::string_view text);
std::string format_percent_bp(int64_t bp);   // 2000 -> "20", 250 -> "2.5"

std::string to_string(ShuSavingsBasis b);    // "year-end", "average"
std::optional<ShuSavingsBasis> shu_savings_basis_from(std::string_view s);

}  // namespace waserda::core
