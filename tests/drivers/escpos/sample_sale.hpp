// A sale built by hand for the receipt tests and screenshots: five lines (one weighed, one with a
// discount, one with a long name and curly quotes), a member, member credit and cash with rounding
// and change, PKP on.
#pragma once

#include "pos/core/sale.hpp"
#include "pos/core/settings.hpp"

namespace waserda::drivers::testing {

inline core::ShopSettings sample_settings() {
    core::ShopSettings s;
    s.shop_name = "Waserda Makmur";
    s.address = "Jl. Merdeka No. 17, Bandung";
    s.npwp = "01.234.567.8-901.000";
    s.tax.pkp = true;
    s.receipt_footer = "Terima kasih atas kunjungan Anda";
    return s;
}

inline core::SaleLine sample_line(int no, const char* name, int64_t qty, int64_t price, int64_t gross,
                                  int64_t discount = 0, bool weighed = false) {
    core::SaleLine l;
    l.line_no = no;
    l.name = name;
    l.qty = qty;
    l.weighed = weighed;
    l.unit_price = core::Money::rp(price);
    l.discount = core::Money::rp(discount);
    l.total = core::Money::rp(gross - discount);
    return l;
}

inline core::Sale sample_sale() {
    using core::Money;
    core::Sale s;
    s.number = "T01-20261122-0007";
    s.device = "T01";
    s.at = "2026-11-22T03:04:05Z";
    s.local_date = "2026-11-22";
    s.user_name = "Budi";
    s.member_id = 12;
    s.member_number = "A-0012";
    s.member_name = "Siti Aminah";
    s.lines = {
        sample_line(1, "Beras Pandan Wangi 5 kg", 2, 68000, 136000, 5000),
        sample_line(2, "Minyak Goreng 1 L", 1, 18500, 18500),
        sample_line(3, "Tomat", 750, 14100, 10575, 0, true),
        sample_line(4, "Gula Pasir 1 kg", 3, 16000, 48000),
        sample_line(5, "Kopi \xE2\x80\x9CKapal Api\xE2\x80\x9D Special Mix 10 sachet", 1, 13900, 13900),
    };
    s.subtotal = Money::rp(226975);
    s.discount = Money::rp(5000);
    s.rounding = Money::rp(25);
    s.total = Money::rp(222000);
    s.dpp = Money::rp(181676);
    s.ppn = Money::rp(23783);
    core::Payment credit;
    credit.method = core::PaymentMethod::MemberCredit;
    credit.amount = Money::rp(150000);
    core::Payment cash;
    cash.method = core::PaymentMethod::Cash;
    cash.amount = Money::rp(72000);
    cash.tendered = Money::rp(100000);
    s.payments = {credit, cash};
    s.change = Money::rp(28000);
    s.member_available_credit = Money::rp(350000);
    s.member_sukarela = Money::rp(125000);
    return s;
}

}  // namespace waserda::drivers::testing
