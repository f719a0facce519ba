// The scanner test of the device panel takes codes before anyone has logged in (the first-run
// wizard's device step) and while the panel is up in Settings, from a keyboard-wedge scanner and
// from a USB/serial one (a ScanSource drained by poll_services). The code is only shown: nothing
// is sold, the cart and the checkout never see it.
#include "tests/ui/ui_fixture.hpp"

#include <deque>

using namespace waserda;
using ui_test::open_app;
using ui_test::UiFixture;

namespace {

// A USB/serial scanner as App sees one: codes waiting to be drained.
class QueuedScanner final : public ui::ScanSource {
public:
    explicit QueuedScanner(std::shared_ptr<std::deque<std::string>> codes) : codes_(std::move(codes)) {}
    std::vector<ui::ScanEvent> drain() override {
        std::vector<ui::ScanEvent> out;
        for (auto& c : *codes_) out.push_back({c, "usb"});
        codes_->clear();
        return out;
    }
    ui::DeviceStatus status() const override { return {ui::DeviceState::Ready, "Pemindai USB siap"}; }

private:
    std::shared_ptr<std::deque<std::string>> codes_;
};

}  // namespace

class DeviceScanWizard : public ui_test::FreshTillFixture {
protected:
    void SetUp() override {
        open([&](ui::Services& services, ui::AppOptions&) { services.scanner = std::make_unique<QueuedScanner>(usb); });
        ASSERT_TRUE(app->start_setup_if_needed());
        ui->frames(*app, 2);
    }
    // A USB scanner's code, as the idle loop delivers it: drained between frames.
    void usb_scan(const std::string& code) {
        usb->push_back(code);
        (void)app->poll_services();
        ui->frames(*app, 2);
    }

    std::shared_ptr<std::deque<std::string>> usb = std::make_shared<std::deque<std::string>>();
};

TEST_F(DeviceScanWizard, AScanBeforeLoginShowsInTheDeviceStepOnly) {
    // On the first step a scan goes nowhere: nobody is logged in and no device panel is up.
    usb_scan("8990000000001");
    EXPECT_TRUE(app->last_test_scan().code.empty());

    fill("wizard.name", "Waserda Maju");
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(tap("wizard.next"));
    fill("wizard.pin1", "2580");
    fill("wizard.pin2", "2580");
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(ui->visible("wizard.devices.find")) << "the device step";

    // A keyboard-wedge scanner (a burst of keys and Enter) ...
    ui->scan(*app, "8991234567892");
    EXPECT_EQ(app->last_test_scan().code, "8991234567892");
    // ... and a USB scanner.
    usb_scan("ABC-123");
    EXPECT_EQ(app->last_test_scan().code, "ABC-123");

    // Shown only: still the wizard's device step, nobody logged in, no cart, nothing written.
    EXPECT_EQ(state().screen, "wizard");
    EXPECT_TRUE(ui->visible("wizard.devices.find"));
    EXPECT_FALSE(state().user.has_value());
    EXPECT_TRUE(state().cart.empty());
    EXPECT_EQ(store->list_users().value().size(), 0u);

    // The next step has no panel: a scan there is not a scanner test.
    ASSERT_TRUE(tap("wizard.next"));
    usb_scan("XYZ-999");
    ui->scan(*app, "8990000000002");
    EXPECT_EQ(app->last_test_scan().code, "ABC-123");
    EXPECT_EQ(state().screen, "wizard");
}

// Logged in with a shift open, the scanner test in Settings > Perangkat takes the code: it is not
// sold, and back at the checkout the same scanner sells again.
class DeviceScanSettings : public UiFixture {};

TEST_F(DeviceScanSettings, AScanOnTheSettingsDevicePanelIsATestNotASale) {
    open_till();
    app->go("settings");
    frames(2);
    ASSERT_TRUE(tap("settings.tab.devices"));
    ASSERT_TRUE(ui->visible("settings.devices.find"));
    scan(codes.rice);
    EXPECT_EQ(app->last_test_scan().code, codes.rice);
    EXPECT_EQ(state().screen, "settings");
    EXPECT_TRUE(state().cart.empty());

    app->go("checkout");
    frames(2);
    scan(codes.rice);
    EXPECT_EQ(state().cart.lines.size(), 1u);
}
