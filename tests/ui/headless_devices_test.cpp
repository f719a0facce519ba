// The devices: the admin's device panel (printer, paper, test print, saved and used at once, bad
// values refused with a sentence), a serial scanner (a pty standing in for /dev/ttyACM0) selling
// through the ScanSource, and the keyboard wedge on screens that do not read codes themselves.
#include "tests/ui/ui_fixture.hpp"

#include "pos/ui/widgets.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <vector>
#include <fstream>
#include <iterator>
#include <thread>

using namespace waserda;
using ui_test::UiFixture;

namespace {

class HeadlessDevices : public UiFixture {
protected:
    void SetUp() override {
        UiFixture::SetUp();
        ASSERT_TRUE(shop->add_user(std::nullopt, "Ani", core::Role::Admin, "7777"));
        start();   // the login buttons are read at start
    }

    // The admin on the devices screen.
    void open_devices() {
        login("Ani", "7777");
        app->go("settings.devices");
        frames(2);
        ASSERT_EQ(state().screen, "settings.devices") << state().banner.text;
    }

    bool exists(const std::string& path) { return std::filesystem::exists(path); }
};

TEST_F(HeadlessDevices, PanelSwitchesToA58mmVirtualPrinterSavesItAndTestPrintsThere) {
    const std::string dir = tmp.file("struk-58");
    open_devices();
    ASSERT_TRUE(tap("devices.paper.58"));
    ASSERT_TRUE(tap("devices.printer.virtual"));
    ASSERT_TRUE(tap("devices.printer.detail"));
    type(dir);
    frames(4);                                      // typed keys held by the wedge detector come back as typing
    ASSERT_TRUE(tap("devices.save"));
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Success) << state().banner.text;

    // Saved in the database...
    auto saved = store->load_settings();
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved->paper_mm, 58);
    EXPECT_EQ(saved->printer, "virtual:" + dir);
    // ...and in use without a restart: the test page lands in the new folder, 384 dots wide.
    ASSERT_TRUE(tap("devices.test_print"));
    ASSERT_TRUE(frames_until([&] { return exists(dir + "/tes-printer-1.png") && exists(dir + "/tes-printer-1.txt"); }));
    std::ifstream txt(dir + "/tes-printer-1.txt");
    std::string text((std::istreambuf_iterator<char>(txt)), {});
    EXPECT_NE(text.find("TES PRINTER"), std::string::npos) << text;

    // A sale now prints its receipt there too.
    app->back();
    frames(2);
    if (state().screen == "shift_open") {
        ASSERT_TRUE(tap("shift_open.quick.200000"));
        ASSERT_TRUE(tap("shift_open.pad.ok"));
    }
    app->go("checkout");
    frames(2);
    scan(codes.sugar);
    press(ui::keys::F12);
    press(ui::keys::Enter);
    ASSERT_TRUE(state().last_sale.has_value()) << state().banner.text;
    const std::string number = state().last_sale->number;
    EXPECT_TRUE(frames_until([&] { return exists(dir + "/" + number + ".bin"); }));
}

// A network printer that takes the connection but never answers (its status query waits out its
// timeout): the next receipt waits in the queue while the admin switches printers. It is not lost.
TEST_F(HeadlessDevices, AReceiptWaitingInTheQueueGoesToTheNewPrinter) {
    int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(listener, 16), 0);
    socklen_t len = sizeof addr;
    ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    const int port = ntohs(addr.sin_port);

    open_devices();
    core::ShopSettings draft = shop->settings();
    draft.printer = "tcp:127.0.0.1:" + std::to_string(port);
    ASSERT_TRUE(app->apply_device_settings(draft)) << state().banner.text;
    app->back();
    frames(2);
    ASSERT_TRUE(tap("shift_open.quick.200000"));
    ASSERT_TRUE(tap("shift_open.pad.ok"));
    std::vector<std::string> numbers;
    for (const std::string& code : {codes.sugar, codes.tea}) {
        scan(code);
        press(ui::keys::F12);
        press(ui::keys::Enter);
        ASSERT_TRUE(state().last_sale.has_value()) << state().banner.text;
        numbers.push_back(state().last_sale->number);
    }
    const std::string dir = tmp.file("struk-baru");
    draft = shop->settings();
    draft.printer = "virtual:" + dir;
    app->go("settings.devices");
    frames(2);
    ASSERT_TRUE(app->apply_device_settings(draft)) << state().banner.text;
    EXPECT_TRUE(frames_until([&] { return exists(dir + "/" + numbers[1] + ".bin"); })) << numbers[1];
    ::close(listener);
}

TEST_F(HeadlessDevices, TestPrintBeforeSavingUsesTheDraftsPrinterAndSavesNothing) {
    const std::string dir = tmp.file("coba");
    open_devices();
    ASSERT_TRUE(tap("devices.printer.virtual"));
    ASSERT_TRUE(tap("devices.printer.detail"));
    type(dir);
    frames(4);
    ASSERT_TRUE(tap("devices.test_print"));
    EXPECT_TRUE(frames_until([&] { return exists(dir + "/tes-printer-1.bin"); })) << state().banner.text;
    EXPECT_EQ(shop->settings().printer, "");
}

TEST_F(HeadlessDevices, BadValuesAreRefusedWithOneIndonesianSentenceAndNothingIsSaved) {
    open_devices();
    core::ShopSettings draft = shop->settings();
    draft.printer_profile = "printer-tak-ada";
    EXPECT_FALSE(app->apply_device_settings(draft));
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    EXPECT_NE(state().banner.text.find("Profil printer \"printer-tak-ada\" tidak ada"), std::string::npos) << state().banner.text;

    draft = shop->settings();
    draft.receipt_logo = tmp.file("tidak-ada.png");
    EXPECT_FALSE(app->apply_device_settings(draft));
    EXPECT_NE(state().banner.text.find("Logo"), std::string::npos) << state().banner.text;
    frames(2);                                      // the banner moved the panel down

    // Typed into the panel: a USB id that is not VID:PID stays out of the draft.
    ASSERT_TRUE(tap("devices.printer.usb"));
    ASSERT_TRUE(tap("devices.printer.detail"));
    type("12");
    frames(4);
    ASSERT_TRUE(tap("devices.save"));
    EXPECT_EQ(shop->settings().printer, "usb");   // the last good value of the field
    auto saved = store->load_settings();
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->printer_profile, "auto");
}

TEST_F(HeadlessDevices, ACashierCannotChangeDevicesWithoutAnAdminsPin) {
    login("Siti", "1234");
    core::ShopSettings draft = shop->settings();
    draft.paper_mm = 58;
    EXPECT_FALSE(app->apply_device_settings(draft));
    ASSERT_TRUE(state().approval.has_value());
    frames(2);
    tap_digits("approval.pad", "7777");
    ASSERT_TRUE(tap("approval.pad.ok"));
    EXPECT_FALSE(state().approval.has_value());
    EXPECT_EQ(shop->settings().paper_mm, 58);
}

TEST_F(HeadlessDevices, ASerialScannerSellsThroughTheScanSource) {
    int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    ASSERT_GE(master, 0);
    ASSERT_EQ(::grantpt(master), 0);
    ASSERT_EQ(::unlockpt(master), 0);
    const std::string pts = ::ptsname(master);

    open_devices();
    core::ShopSettings draft = shop->settings();
    draft.scanner = "serial:" + pts;
    draft.scanner_suffix = "#";
    ASSERT_TRUE(app->apply_device_settings(draft)) << state().banner.text;
    ASSERT_TRUE(frames_until([&] { return state().scanner.state == ui::DeviceState::Ready; })) << state().scanner.text;

    // On the devices screen a scan is a scanner test, not a sale.
    const std::string test = codes.tea + "#\r\n";
    ASSERT_EQ(::write(master, test.data(), test.size()), ssize_t(test.size()));
    ASSERT_TRUE(frames_until([&] { return app->last_test_scan().code == codes.tea; }));
    EXPECT_NE(app->last_test_scan().source.find(pts), std::string::npos);
    EXPECT_TRUE(state().cart.lines.empty());

    app->back();
    frames(2);
    if (state().screen == "shift_open") {
        ASSERT_TRUE(tap("shift_open.quick.200000"));
        ASSERT_TRUE(tap("shift_open.pad.ok"));
    }
    const std::string line = codes.sugar + "#\r\n";
    ASSERT_EQ(::write(master, line.data(), line.size()), ssize_t(line.size()));
    ASSERT_TRUE(frames_until([&] { return !state().cart.lines.empty(); })) << state().banner.text;
    EXPECT_EQ(state().cart.lines[0].name, "Gula Pasir 1 kg");
    EXPECT_EQ(state().screen, "checkout");
    EXPECT_EQ(state().last_scan.code, codes.sugar);                       // one event: code and device
    EXPECT_NE(state().last_scan.source.find(pts), std::string::npos) << state().last_scan.source;

    // Back to the keyboard: the reader stops and gives the port back.
    draft = shop->settings();
    draft.scanner = "keyboard";
    app->go("settings.devices");
    frames(2);
    ASSERT_TRUE(app->apply_device_settings(draft));
    EXPECT_EQ(state().scanner.text, "Pemindai keyboard");
    ::close(master);
}

// A scanner in keyboard mode types its digits and Enter in a few milliseconds. On the item search
// a cashier who scans expects the item in the cart, not digits in the search text.
TEST_F(HeadlessDevices, AWedgeScanOnTheItemSearchAddsTheItemAndReturnsToTheCheckout) {
    open_till();
    press(ui::keys::F2);
    ASSERT_EQ(state().screen, "search");
    scan(codes.sugar);
    EXPECT_EQ(state().screen, "checkout");
    ASSERT_EQ(state().cart.lines.size(), 1u);
    EXPECT_EQ(state().cart.lines[0].name, "Gula Pasir 1 kg");
    EXPECT_EQ(state().last_scan.source, "wedge");
}

TEST_F(HeadlessDevices, TypingOnTheItemSearchStillSearches) {
    open_till();
    press(ui::keys::F2);
    type("gula");                                   // no Enter: typing, shown once the burst gap passed
    frames(4);
    ASSERT_TRUE(tap("search.result.0"));
    ASSERT_EQ(state().cart.lines.size(), 1u);
    EXPECT_EQ(state().cart.lines[0].name, "Gula Pasir 1 kg");
}

TEST_F(HeadlessDevices, AWedgeScanOnTheHeldCartsListDoesNotResumeCartEight) {
    open_till();
    scan(codes.coffee);
    press(ui::keys::F8);                            // hold it
    ASSERT_EQ(state().held.size(), 1u);
    press(ui::keys::F9);
    ASSERT_EQ(state().screen, "held");
    scan(codes.tea);                                // 899100100006: its "1" would have resumed held cart 1
    EXPECT_EQ(state().screen, "checkout");
    EXPECT_EQ(state().held.size(), 1u);             // still held
    ASSERT_EQ(state().cart.lines.size(), 1u);
    EXPECT_EQ(state().cart.lines[0].name.find("Kopi"), std::string::npos);
}

TEST_F(HeadlessDevices, ThePinPadAndTheCheckoutCodeFieldAreLeftAlone) {
    // Login PIN typed on the keyboard, digits then Enter in a burst: still a login.
    ASSERT_TRUE(tap("login.user.Siti"));
    type("1234");
    press(ui::keys::Enter);
    EXPECT_TRUE(state().user.has_value());
    if (state().screen == "shift_open") {
        ASSERT_TRUE(tap("shift_open.quick.200000"));
        ASSERT_TRUE(tap("shift_open.pad.ok"));
    }
    scan(codes.tea);                                // the checkout's own field
    ASSERT_EQ(state().cart.lines.size(), 1u);
}

template <int W, int H>
class DevicesTouch : public HeadlessDevices {
    int width() const override { return W; }
    int height() const override { return H; }

protected:
    void check() {
        open_devices();
        ASSERT_TRUE(tap("devices.find"));           // whatever this machine has (often nothing)
        for (int pass = 0; pass < 2; ++pass) {
            for (auto& [id, r] : ui::hits().all()) {
                EXPECT_GE(r.max.y - r.min.y, 47.5f) << id << " at " << W << "x" << H;
                EXPECT_GE(r.max.x - r.min.x, 47.5f) << id << " at " << W << "x" << H;
                EXPECT_LE(r.max.x, W + 0.5f) << id << " at " << W << "x" << H;
                if (id.find(".result.") == std::string::npos) {
                    EXPECT_LE(r.max.y, H + 0.5f) << id << " at " << W << "x" << H;
                }
            }
            ASSERT_TRUE(tap("devices.logo"));       // the second pass with the on-screen keyboard up
            ASSERT_TRUE(ui->visible("devices.kb.a"));
        }
    }
};
using DevicesTouch1366 = DevicesTouch<1366, 768>;
using DevicesTouch1024 = DevicesTouch<1024, 768>;
TEST_F(DevicesTouch1366, EveryTargetOfTheDevicesScreenFitsAt1366x768) { check(); }
TEST_F(DevicesTouch1024, EveryTargetOfTheDevicesScreenFitsAt1024x768) { check(); }

}  // namespace
