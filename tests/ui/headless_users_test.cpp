// The touchscreen's user intents go through core::Shop's rules (the same as `waserda user`):
// a supervisor asks for an admin's PIN, and even with it the last active admin stays.
#include "tests/ui/ui_fixture.hpp"

#include "pos/core/i18n.hpp"

using namespace waserda;

namespace {

class Users : public ui_test::UiFixture {
protected:
    void SetUp() override {
        UiFixture::SetUp();
        ASSERT_TRUE(shop->add_user(std::nullopt, "Ani", core::Role::Admin, "4321"));
        start();   // the login shows Ani too
        login("Budi", "9999");   // a supervisor: may not manage users
        ASSERT_TRUE(state().user.has_value()) << state().banner.text;
    }
    core::User user(const std::string& name) { return *store->user_by_name(name).value(); }
};

TEST_F(Users, EvenWithTheAdminsPinTheLastActiveAdminIsNotDeactivated) {
    (void)app->set_user_active("Ani", false);
    ASSERT_TRUE(state().approval.has_value()) << "core said Denied; an admin's PIN is asked";
    app->submit_approval("4321");
    frames(2);
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    EXPECT_EQ(state().banner.text,
              core::tr("{} adalah admin aktif terakhir dan tidak bisa dinonaktifkan; harus ada paling sedikit satu admin aktif.",
                       "Ani"));
    EXPECT_TRUE(user("Ani").active);
}

TEST_F(Users, ASupervisorResetsAPinWithTheAdminsApprovalAndItIsAudited) {
    EXPECT_FALSE(app->reset_pin("Siti", "2468"));
    ASSERT_TRUE(state().approval.has_value());
    app->submit_approval("4321");
    frames(2);
    EXPECT_NE(state().banner.kind, ui::Banner::Kind::Error) << state().banner.text;
    EXPECT_TRUE(shop->login("Siti", "2468"));
    auto audit = store->audit_entries(20).value();
    auto reset = std::find_if(audit.begin(), audit.end(), [](auto& e) { return e.action == "user.reset_pin"; });
    ASSERT_NE(reset, audit.end());
    EXPECT_EQ(reset->ref, "Siti");
    EXPECT_EQ(reset->user_id, user("Budi").id);
    EXPECT_EQ(reset->approver_id, user("Ani").id);
}

}  // namespace
