#include "pos/core/clock.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/settings.hpp"

#include <gtest/gtest.h>

using namespace waserda::core;

TEST(Settings, RoundTripThroughKeyValues) {
    ShopSettings s;
    s.shop_name = "Waserda Maju";
    s.tax.pkp = true;
    s.cash_rounding.unit = 500;
    s.credit.monthly_cap = Money::rp(750000);
    ShopSettings back = settings_from_kv(settings_to_kv(s));
    EXPECT_EQ(back.shop_name, "Waserda Maju");
    EXPECT_TRUE(back.tax.pkp);
    EXPECT_EQ(back.cash_rounding.unit, 500);
    ASSERT_TRUE(back.credit.monthly_cap);
    EXPECT_EQ(*back.credit.monthly_cap, Money::rp(750000));
    EXPECT_EQ(back.in_store_rules.size(), s.in_store_rules.size());
}

TEST(Settings, RejectsBadValuesWithAPlainSentence) {
    ShopSettings s;
    auto st = set_setting(s, "tax.pkp", "maybe");
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find("tax.pkp"), std::string::npos);
    EXPECT_FALSE(set_setting(s, "device", "T 01"));
    EXPECT_FALSE(set_setting(s, "no.such.key", "1"));
    EXPECT_TRUE(set_setting(s, "device", "T02"));
    EXPECT_EQ(s.device, "T02");
}

TEST(Clock, ShowsLocalDateInTheShopsTimeZone) {
    auto t = parse_iso_utc("2026-11-22T18:30:00Z");
    EXPECT_EQ(iso_utc(t), "2026-11-22T18:30:00Z");
    EXPECT_EQ(local_date(t, 7 * 60), "2026-11-23");  // WIB is already the next day
    EXPECT_EQ(local_datetime(t, 7 * 60), "23/11/2026 01:30");
    EXPECT_EQ(compact_date("2026-11-23"), "20261123");
}

TEST(CartJson, HeldCartsRoundTrip) {
    Cart c;
    c.uuid = "u-1";
    c.member_id = 4;
    c.member_name = "Siti";
    CartLine l;
    l.item_id = 9;
    l.sku = "X";
    l.name = "Gula";
    l.qty = 1500;
    l.weighed = true;
    l.unit_price = Money::rp(17000);
    l.fixed_total = Money::rp(25500);
    c.lines.push_back(l);
    auto back = cart_from_json(cart_to_json(c));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->uuid, "u-1");
    EXPECT_EQ(*back->member_id, 4);
    ASSERT_EQ(back->lines.size(), 1u);
    EXPECT_EQ(back->lines[0].qty, 1500);
    EXPECT_EQ(*back->lines[0].fixed_total, Money::rp(25500));
}

TEST(CartJson, ABrokenCartIsAnErrorNotACrash) {
    EXPECT_FALSE(cart_from_json("{not json"));
    EXPECT_FALSE(cart_from_json("{\"lines\": [{\"qty\": \"x\"}]}"));
}
