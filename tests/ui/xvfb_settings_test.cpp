// The real waserda-pos on a database that does not exist yet: the first-run wizard through taps and
// typing, screenshots of each step (ui-wizard-1.png ... ui-wizard-7.png) and of the admin's
// settings screen (ui-settings.png, ui-settings-users.png) at 1366x768.
#include "tests/ui/xvfb_fixture.hpp"

using namespace waserda;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using ui_test::poll_until;
using ui_test::XvfbPos;

class XvfbSettings : public XvfbPos {
protected:
    // Taps `id` once it is on screen (it may appear a frame after the previous tap).
    bool tap_soon(const std::string& id) { return poll_until([&] { return tap(id); }, 15s); }
    size_t users() {
        auto r = reader();
        auto u = r ? r->list_users() : core::Result<std::vector<core::User>>(std::vector<core::User>{});
        return u ? u->size() : 0;
    }
};

TEST_F(XvfbSettings, FirstRunWizardThenTheAdminsSettings) {
    start_xvfb(1366, 768);
    db = tmp.file("toko-baru/waserda.sqlite");   // nothing there yet
    ASSERT_FALSE(fs::exists(db));
    start_pos("id");

    // The program logs next to the database, as the CLI does (`waserda logs`).
    const fs::path log = fs::path(db).parent_path() / "logs" / "waserda-pos.log";
    ASSERT_TRUE(poll_until([&] { return fs::exists(log); }, 10s));

    // 1: language, name, address.
    ASSERT_TRUE(tap_soon("wizard.name"));
    type("Waserda Koperasi Sejahtera");
    ASSERT_TRUE(tap_soon("wizard.address"));
    type("Jl. Raya Industri 17, Cikarang");
    screenshot("ui-wizard-1.png");
    ASSERT_TRUE(tap_soon("wizard.next"));

    // 2: NPWP, PKP.
    ASSERT_TRUE(tap_soon("wizard.npwp"));
    type("01.234.567.8-901.000");
    ASSERT_TRUE(tap_soon("wizard.pkp.true"));
    screenshot("ui-wizard-2.png");
    ASSERT_TRUE(tap_soon("wizard.next"));

    // 3: till number and rounding.
    ASSERT_TRUE(tap_soon("wizard.rounding.100"));
    screenshot("ui-wizard-3.png");
    ASSERT_TRUE(tap_soon("wizard.next"));

    // 4: the admin's PIN, twice.
    ASSERT_TRUE(tap_soon("wizard.pin1"));
    type("4321");
    ASSERT_TRUE(tap_soon("wizard.pin2"));
    type("4321");
    screenshot("ui-wizard-4.png");
    ASSERT_TRUE(tap_soon("wizard.next"));

    // 5: printer and scanner (the device panel).
    screenshot("ui-wizard-5.png");
    ASSERT_TRUE(tap_soon("wizard.next"));

    // 6: the central server, shown filled in, then standalone for this till.
    ASSERT_TRUE(tap_soon("wizard.mode.central"));
    ASSERT_TRUE(tap_soon("wizard.url"));
    type("https://pusat.koperasi.id");
    ASSERT_TRUE(tap_soon("wizard.token"));
    type("tok-T01-7f3a");
    screenshot("ui-wizard-6.png");
    ASSERT_TRUE(tap_soon("wizard.mode.standalone"));
    ASSERT_TRUE(tap_soon("wizard.next"));

    // 7: the demo catalog, then Selesai writes everything.
    ASSERT_TRUE(tap_soon("wizard.catalog.demo"));
    screenshot("ui-wizard-7.png");
    EXPECT_EQ(users(), 0u) << "nothing is written before Selesai";
    ASSERT_TRUE(tap_soon("wizard.finish"));
    ASSERT_TRUE(poll_until([&] { return users() == 1; }, 20s));
    {
        auto r = reader();
        EXPECT_GT(r->list_items(true).value().size(), 100u);
        EXPECT_EQ(r->load_settings().value().shop_name, "Waserda Koperasi Sejahtera");
    }

    // The admin logs in (first letter picks the user), opens a shift, then the settings.
    ASSERT_TRUE(tap_soon("login.user.Admin"));
    type("4321");
    key("Return");
    ASSERT_TRUE(poll_until([&] { return logged_in(); }, 20s));
    type("200000");
    key("Return");
    ASSERT_TRUE(poll_until([&] { return shift_open(); }, 20s));
    key("F10");
    ASSERT_TRUE(tap_soon("menu.settings"));
    screenshot("ui-settings.png");
    ASSERT_TRUE(tap_soon("settings.tab.users"));
    // A cashier added on the touchscreen: name, role, PIN twice.
    ASSERT_TRUE(tap_soon("settings.newuser.open"));
    type("Budi");
    ASSERT_TRUE(tap_soon("settings.newuser.pin"));
    type("1111");
    ASSERT_TRUE(tap_soon("settings.newuser.pin2"));
    type("1111");
    ASSERT_TRUE(tap_soon("settings.newuser.add"));
    ASSERT_TRUE(poll_until([&] { return users() == 2; }, 20s));
    screenshot("ui-settings-users.png");
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("first-run set-up done"), std::string::npos);
    EXPECT_EQ(text.find("4321"), std::string::npos) << "no PIN in the log";
}
