// Credit against savings: the cooperative's policy of how much a member may owe.
#pragma once

#include "member.hpp"
#include "money.hpp"

#include <optional>
#include <string>

namespace waserda::core {

enum class CreditLimitMode {
    None,        // no credit
    Fixed,       // a fixed amount per member
    Percent,     // a percentage of the member's locked savings (pokok + wajib [+ sukarela])
    Lesser,      // the smaller of the two
};

struct CreditPolicy {
    CreditLimitMode mode = CreditLimitMode::Lesser;
    Money fixed_limit = Money::rp(1'000'000);
    int percent = 80;                 // of the savings base
    bool include_sukarela = false;    // sukarela counts toward the base
    std::optional<Money> monthly_cap; // optional cap on credit purchases in one month
    bool block_in_arrears = false;    // refuse credit to members flagged in arrears
    int arrears_days = 30;            // credit unpaid this many days makes a member "in arrears" (1-3650)
};

// The member's limit before subtracting what is owed. A per-member override wins.
Money credit_limit(const CreditPolicy& policy, const Member& member, const MemberBalances& balances);
// limit minus owed, never below zero.
Money available_credit(const CreditPolicy& policy, const Member& member, const MemberBalances& balances);

std::string to_string(CreditLimitMode m);
std::optional<CreditLimitMode> credit_limit_mode_from(std::string_view s);

}  // namespace waserda::core
