// The real waserda-pos, live: a central server typed into Settings > Server pusat is used at once
// (a real central server on 127.0.0.1, in this process, receives the till's events; a wrong token
// shows its sentence), and the first-run wizard's scanner test shows a code scanned before anyone
// has logged in. Screenshots: ui-settings-central.png, ui-settings-central-refused.png,
// ui-wizard-scan.png.
#ifdef WASERDA_UI_SYNC_TESTS
#include "tests/ui/xvfb_fixture.hpp"

#include "pos/core/shop.hpp"
#include "tests/sync/support/sync_test_support.hpp"

using namespace waserda;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using ui_test::poll_until;
using ui_test::XvfbPos;

class XvfbSyncLive : public XvfbPos {
protected:
    bool tap_soon(const std::string& id) { return poll_until([&] { return tap(id); }, 15s); }
    core::OutboxStats outbox() {
        auto r = reader();
        auto s = r ? r->outbox_stats() : core::Result<core::OutboxStats>(core::OutboxStats{});
        return s ? *s : core::OutboxStats{};
    }
    std::string log_text() {
        std::ifstream in(fs::path(db).parent_path() / "logs" / "waserda-pos.log");
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    sync::testkit::InProcessCentral central;
};

TEST_F(XvfbSyncLive, ACentralServerSavedInSettingsIsUsedWithoutARestart) {
    {
        auto s = store::SqliteStore::open(db);
        ASSERT_TRUE(s);
        core::Shop shop(**s);
        ASSERT_TRUE(shop.add_user(std::nullopt, "Ani", core::Role::Admin, "4321"));
    }
    const std::string token = central.add_device("waserda-T01");
    start_xvfb(1366, 768);
    start_pos("id");

    // The admin logs in (the first letter picks her) and opens a shift: an event waits to be sent.
    type("a4321");
    key("Return");
    ASSERT_TRUE(poll_until([&] { return logged_in(); }, 20s));
    type("200000");
    key("Return");
    ASSERT_TRUE(poll_until([&] { return shift_open(); }, 20s));
    ASSERT_GT(outbox().pending, 0);
    ASSERT_EQ(central.store().event_count().value(), 0);

    key("F10");
    ASSERT_TRUE(tap_soon("menu.settings"));
    ASSERT_TRUE(tap_soon("settings.tab.central"));
    ASSERT_TRUE(tap_soon("settings.central.url"));
    type(central.url());
    ASSERT_TRUE(tap_soon("settings.sync.token"));
    type(token);
    ASSERT_TRUE(tap_soon("settings.save"));
    // Same program, no restart: the central gets what waited.
    ASSERT_TRUE(poll_until([&] { return outbox().pending == 0 && central.store().event_count().value() > 0; }, 30s))
        << outbox().last_error;
    screenshot("ui-settings-central.png");

    // A wrong token: the client restarts with it and the screen says why nothing goes.
    ASSERT_TRUE(tap_soon("settings.sync.token"));
    type("wsd_salah");
    ASSERT_TRUE(tap_soon("settings.save"));
    ASSERT_TRUE(poll_until([&] { return outbox().last_error.find("menolak token") != std::string::npos; }, 30s))
        << outbox().last_error;
    screenshot("ui-settings-central-refused.png");
    EXPECT_NE(log_text().find("sync: sending to " + central.url()), std::string::npos);
}

TEST_F(XvfbSyncLive, TheWizardsScannerTestShowsACodeBeforeAnyoneLogsIn) {
    start_xvfb(1366, 768);
    db = tmp.file("toko-baru/waserda.sqlite");   // nothing there yet: the wizard
    start_pos("id");
    ASSERT_TRUE(tap_soon("wizard.name"));
    type("Waserda Koperasi Sejahtera");
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(tap_soon("wizard.next"));
    ASSERT_TRUE(tap_soon("wizard.pin1"));
    type("4321");
    ASSERT_TRUE(tap_soon("wizard.pin2"));
    type("4321");
    ASSERT_TRUE(tap_soon("wizard.next"));
    ASSERT_TRUE(poll_until([&] {
        screenshot_file();
        std::ifstream in(shot + ".hits");
        std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return all.find("wizard.devices.find ") != std::string::npos;
    }, 15s)) << "the device step";

    // A keyboard-wedge scanner: digits and Enter 8 ms apart, in one burst (one xdotool call: a
    // second process for the Enter would come later than a scanner's Enter does).
    std::vector<std::string> burst{"key", "--delay", "8"};
    for (char c : std::string("8991234567892")) burst.emplace_back(1, c);
    burst.emplace_back("Return");
    ASSERT_EQ(xdo(burst).exit_code, 0);
    ASSERT_TRUE(poll_until([&] { return log_text().find("scanner test: 8991234567892") != std::string::npos; }, 20s))
        << log_text();
    screenshot("ui-wizard-scan.png");
    EXPECT_EQ(reader()->list_users().value().size(), 0u) << "nothing written, nobody logged in";
}
#endif
