// PPN (VAT). Shelf prices include PPN. Since 2025 the rate is 12% on a tax base (DPP) of 11/12 of
// the price before tax, i.e. 11% effective. Only a registered collector (PKP) shows DPP and PPN.
#pragma once

#include "money.hpp"

namespace waserda::core {

struct TaxConfig {
    bool pkp = false;            // the cooperative collects PPN
    int rate_bp = 1200;          // rate in basis points: 1200 = 12%
    int dpp_num = 11;            // DPP = price before tax x num/den ("DPP nilai lain")
    int dpp_den = 12;
};

struct TaxBreakdown {
    Money price_before_tax;      // harga jual without PPN
    Money dpp;                   // dasar pengenaan pajak
    Money ppn;                   // price_before_tax + ppn == the tax-included amount, exactly
};

// Splits a tax-included amount. With pkp == false everything is zero but price_before_tax.
TaxBreakdown split_included_tax(Money included, const TaxConfig& cfg);

}  // namespace waserda::core
