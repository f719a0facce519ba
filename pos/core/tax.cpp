#include "pos/core/tax.hpp"

namespace waserda::core {

TaxBreakdown split_included_tax(Money included, const TaxConfig& cfg) {
    TaxBreakdown out;
    if (!cfg.pkp || cfg.rate_bp <= 0 || cfg.dpp_den <= 0) {
        out.price_before_tax = included;
        return out;
    }
    // included = H + rate x (num/den) x H  =>  H = included x den x 10000 / (den x 10000 + rate x num)
    int64_t den = static_cast<int64_t>(cfg.dpp_den) * 10000;
    int64_t factor = den + static_cast<int64_t>(cfg.rate_bp) * cfg.dpp_num;
    int64_t before = mul_div_round(included.rupiah(), den, factor);
    out.price_before_tax = Money::rp(before);
    out.ppn = included - out.price_before_tax;   // exact: the parts always add up to the price
    out.dpp = Money::rp(mul_div_round(before, cfg.dpp_num, cfg.dpp_den));
    return out;
}

}  // namespace waserda::core
