#include "pos/core/cart.hpp"

#include <gtest/gtest.h>

using namespace waserda::core;

namespace {

Item noodles() {
    Item it;
    it.id = 1;
    it.sku = "MIE-01";
    it.name = "Mie Instan Goreng";
    it.price = Money::rp(3500);
    it.member_price = Money::rp(3300);
    it.wholesale_min_qty = 40;
    it.wholesale_price = Money::rp(3100);
    return it;
}

Item eggs() {
    Item it;
    it.id = 2;
    it.sku = "2000012";
    it.name = "Telur Ayam";
    it.unit = "kg";
    it.weighed = true;
    it.taxable = false;
    it.price = Money::rp(28000);
    it.member_price = Money::rp(27000);
    return it;
}

ScanHit hit(const Item& it, int64_t qty = 1) {
    ScanHit h;
    h.item = it;
    h.qty = qty;
    h.code = it.sku;
    return h;
}

}  // namespace

TEST(Cart, AddsTheSameItemToItsLine) {
    Cart c;
    cart_add(c, hit(noodles()));
    cart_add(c, hit(noodles()));
    ASSERT_EQ(c.lines.size(), 1u);
    EXPECT_EQ(c.lines[0].qty, 2);
    EXPECT_EQ(c.lines[0].total(), Money::rp(7000));
}

TEST(Cart, PackBarcodeAddsItsQuantityAtTheWholesalePrice) {
    Cart c;
    cart_add(c, hit(noodles(), 40));
    ASSERT_EQ(c.lines.size(), 1u);
    EXPECT_EQ(c.lines[0].qty, 40);
    EXPECT_EQ(c.lines[0].price_kind, PriceKind::Wholesale);
    EXPECT_EQ(c.lines[0].total(), Money::rp(124000));
}

TEST(Cart, MemberPriceAppliesAtOnceWhenTheMemberIsIdentified) {
    Cart c;
    cart_add(c, hit(noodles(), 2));
    Member m;
    m.id = 7;
    m.number = "A-0007";
    cart_set_member(c, m);
    EXPECT_EQ(c.lines[0].unit_price, Money::rp(3300));
    EXPECT_EQ(c.lines[0].price_kind, PriceKind::Member);
    cart_set_member(c, std::nullopt);
    EXPECT_EQ(c.lines[0].unit_price, Money::rp(3500));
}

TEST(Cart, WeighedItemsArePricedPerKilogramByTheGram) {
    Cart c;
    cart_add(c, hit(eggs(), 750));
    cart_add(c, hit(eggs(), 500));
    ASSERT_EQ(c.lines.size(), 2u);  // each weighing is its own line
    EXPECT_EQ(c.lines[0].total(), Money::rp(21000));
    EXPECT_EQ(c.lines[1].total(), Money::rp(14000));
}

TEST(Cart, RefusesZeroQuantityAndTooLargeDiscounts) {
    Cart c;
    cart_add(c, hit(noodles()));
    EXPECT_FALSE(cart_set_qty(c, 0, 0));
    EXPECT_FALSE(cart_set_line_discount(c, 0, Money::rp(5000)));
    EXPECT_TRUE(cart_set_line_discount(c, 0, Money::rp(500)));
    EXPECT_EQ(c.lines[0].total(), Money::rp(3000));
    EXPECT_FALSE(cart_set_qty(c, 3, 1));
}

TEST(Cart, TotalsSplitTaxableAndSaleDiscount) {
    Cart c;
    cart_add(c, hit(noodles(), 10));   // 35.000 taxable
    cart_add(c, hit(eggs(), 1000));    // 28.000 not taxable
    ASSERT_TRUE(cart_set_sale_discount(c, Money::rp(6300)));
    auto t = cart_totals(c);
    EXPECT_EQ(t.subtotal, Money::rp(63000));
    EXPECT_EQ(t.total, Money::rp(56700));
    EXPECT_EQ(t.taxable, Money::rp(31500));
}

TEST(Cart, ManualPriceSurvivesMemberChange) {
    Cart c;
    cart_add(c, hit(noodles()));
    ASSERT_TRUE(cart_set_unit_price(c, 0, Money::rp(3000)));
    Member m;
    m.id = 1;
    cart_set_member(c, m);
    EXPECT_EQ(c.lines[0].unit_price, Money::rp(3000));
    EXPECT_EQ(c.lines[0].price_kind, PriceKind::Manual);
}
