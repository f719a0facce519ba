// Changing users through core::Shop (the rules the touchscreen and `waserda user` share), on a
// real SQLite file: ManageUsers, audited, and never without an active admin.
#include "tests/support/shop_fixture.hpp"

using namespace waserda;

namespace {

class Users : public test_support::ShopFixture {
protected:
    void SetUp() override {
        ShopFixture::SetUp();
        admin = must(shop->add_user(std::nullopt, "Ani", core::Role::Admin, "4321"));
    }
    core::User user(const std::string& name) { return *must(store->user_by_name(name)); }
    core::User admin;
};

TEST_F(Users, TheLastActiveAdminCannotBeDeactivatedByAnotherUser) {
    // Sari (supervisor) with Ani's approval tries to deactivate Ani, the only admin.
    auto st = shop->set_user_active(supervisor, admin, "Ani", false);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::Invalid);
    EXPECT_NE(st.error().message.find("admin aktif terakhir"), std::string::npos) << st.error().message;
    EXPECT_TRUE(user("Ani").active);
}

TEST_F(Users, NobodyDeactivatesThemselves) {
    auto st = shop->set_user_active(admin, std::nullopt, "Ani", false);
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find("diri sendiri"), std::string::npos);
    EXPECT_TRUE(user("Ani").active);
}

TEST_F(Users, WithASecondAdminTheFirstCanBeDeactivatedAndComesBack) {
    must(shop->add_user(admin, "Rudi", core::Role::Admin, "5555"));
    ASSERT_TRUE(shop->set_user_active(user("Rudi"), std::nullopt, "Ani", false));
    EXPECT_FALSE(user("Ani").active);
    EXPECT_FALSE(shop->login("Ani", "4321"));
    // Now Rudi is the last one: Ani's approval no longer counts (she is inactive) and Rudi stays.
    auto st = shop->set_user_active(supervisor, user("Rudi"), "Rudi", false);
    ASSERT_FALSE(st);
    EXPECT_TRUE(user("Rudi").active);
    ASSERT_TRUE(shop->set_user_active(user("Rudi"), std::nullopt, "Ani", true));
    EXPECT_TRUE(shop->login("Ani", "4321"));
    auto audit = must(store->audit_entries(10));
    EXPECT_TRUE(std::any_of(audit.begin(), audit.end(), [](auto& e) { return e.action == "user.deactivate" && e.ref == "Ani"; }));
    EXPECT_TRUE(std::any_of(audit.begin(), audit.end(), [](auto& e) { return e.action == "user.activate" && e.ref == "Ani"; }));
}

TEST_F(Users, TheLastActiveAdminCannotBeDemotedButAnotherAdminCan) {
    auto st = shop->set_user_role(admin, std::nullopt, "Ani", core::Role::Manager);
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find("admin aktif terakhir"), std::string::npos) << st.error().message;
    EXPECT_EQ(user("Ani").role, core::Role::Admin);

    // An inactive admin does not count as the one left.
    must(shop->add_user(admin, "Rudi", core::Role::Admin, "5555"));
    ASSERT_TRUE(shop->set_user_active(admin, std::nullopt, "Rudi", false));
    EXPECT_FALSE(shop->set_user_role(admin, std::nullopt, "Ani", core::Role::Cashier));
    ASSERT_TRUE(shop->set_user_active(admin, std::nullopt, "Rudi", true));
    ASSERT_TRUE(shop->set_user_role(admin, std::nullopt, "Ani", core::Role::Manager));
    EXPECT_EQ(user("Ani").role, core::Role::Manager);
    auto audit = must(store->audit_entries(1));
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "user.role");
    EXPECT_EQ(audit[0].detail, "admin -> manager");
}

TEST_F(Users, ACashierCannotChangeUsersWithoutAnAdminsApproval) {
    auto pin = shop->reset_pin(cashier, std::nullopt, "Sari", "9999");
    ASSERT_FALSE(pin);
    EXPECT_EQ(pin.error().code, core::ErrorCode::Denied);
    EXPECT_TRUE(shop->login("Sari", "3456"));
    EXPECT_EQ(shop->set_user_active(cashier, std::nullopt, "Sari", false).error().code, core::ErrorCode::Denied);
    EXPECT_EQ(shop->set_user_role(cashier, std::nullopt, "Budi", core::Role::Admin).error().code, core::ErrorCode::Denied);
    EXPECT_EQ(user("Budi").role, core::Role::Cashier);
    // A supervisor's approval is not enough either: only an admin manages users.
    EXPECT_FALSE(shop->reset_pin(cashier, supervisor, "Sari", "9999"));
}

TEST_F(Users, AnAdminResetsAPinCheckedAndAudited) {
    EXPECT_EQ(shop->reset_pin(admin, std::nullopt, "Budi", "12").error().code, core::ErrorCode::Invalid);
    EXPECT_EQ(shop->reset_pin(admin, std::nullopt, "Nobody", "2468").error().code, core::ErrorCode::NotFound);
    ASSERT_TRUE(shop->reset_pin(cashier, admin, "Budi", "2468"));   // the cashier, with the admin's approval
    EXPECT_FALSE(shop->login("Budi", "1111"));
    EXPECT_TRUE(shop->login("Budi", "2468"));
    auto audit = must(store->audit_entries(10));
    auto reset = std::find_if(audit.begin(), audit.end(), [](auto& e) { return e.action == "user.reset_pin"; });
    ASSERT_NE(reset, audit.end());
    EXPECT_EQ(reset->ref, "Budi");
    EXPECT_EQ(reset->user_id, cashier.id);
    EXPECT_EQ(reset->approver_id, admin.id);
}

}  // namespace
