#include "pos/core/sale.hpp"

#include "pos/core/i18n.hpp"

namespace waserda::core {

Money CartLine::gross() const {
    if (fixed_total) return *fixed_total;
    return Money::rp(mul_div_round(unit_price.rupiah(), qty, weighed ? 1000 : 1));
}

CartTotals cart_totals(const Cart& cart) {
    CartTotals t;
    Money taxable_after_lines;
    for (const auto& line : cart.lines) {
        t.subtotal += line.gross();
        t.line_discounts += line.discount;
        if (line.taxable) taxable_after_lines += line.total();
    }
    t.sale_discount = cart.sale_discount;
    t.total = t.subtotal - t.line_discounts - t.sale_discount;
    Money before_sale_discount = t.subtotal - t.line_discounts;
    // The sale discount lowers the taxable part in proportion to it.
    if (before_sale_discount.rupiah() > 0 && !t.sale_discount.is_zero()) {
        Money share = Money::rp(mul_div_round(t.sale_discount.rupiah(), taxable_after_lines.rupiah(),
                                              before_sale_discount.rupiah()));
        t.taxable = taxable_after_lines - share;
    } else {
        t.taxable = taxable_after_lines;
    }
    return t;
}

std::string describe(PaymentMethod m) {
    switch (m) {
        case PaymentMethod::Cash: return tr("Tunai");
        case PaymentMethod::MemberCredit: return tr("Kredit anggota");
        case PaymentMethod::Savings: return tr("Simpanan sukarela");
        case PaymentMethod::Qris: return tr("QRIS");
        case PaymentMethod::Transfer: return tr("Transfer");
        case PaymentMethod::Card: return tr("Kartu debit");
    }
    return "?";
}

}  // namespace waserda::core
