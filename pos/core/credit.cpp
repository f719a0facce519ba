#include "pos/core/credit.hpp"

#include <algorithm>

namespace waserda::core {

Money credit_limit(const CreditPolicy& policy, const Member& member, const MemberBalances& balances) {
    if (member.credit_limit_override) return *member.credit_limit_override;
    if (member.status != MemberStatus::Active) return Money{};
    Money base = policy.include_sukarela ? balances.total_savings() : balances.locked_savings();
    Money by_percent = Money::rp(mul_div_round(std::max<int64_t>(base.rupiah(), 0), policy.percent, 100));
    switch (policy.mode) {
        case CreditLimitMode::None: return Money{};
        case CreditLimitMode::Fixed: return policy.fixed_limit;
        case CreditLimitMode::Percent: return by_percent;
        case CreditLimitMode::Lesser: return std::min(policy.fixed_limit, by_percent);
    }
    return Money{};
}

Money available_credit(const CreditPolicy& policy, const Member& member, const MemberBalances& balances) {
    Money left = credit_limit(policy, member, balances) - balances.owed;
    return left.is_negative() ? Money{} : left;
}

}  // namespace waserda::core
