// A fresh umockdev testbed and libusb context per test. Order matters: the testbed first (it sets
// UMOCKDEV_DIR), then devices, then libusb_init; libusb_exit before the testbed goes.
#pragma once

#include "drivers/usb/usb_context.hpp"
#include "tests/drivers/usb/usb_device_model.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include <memory>
#include <vector>

namespace waserda::usbtest {

class UmockdevTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Before the testbed: glib caches the temp dir on first use, and a crashed test leaves its
        // testbed folder behind, which belongs in the build tree rather than /tmp.
#ifdef WASERDA_USB_TEST_TMP
        setenv("TMPDIR", WASERDA_USB_TEST_TMP, 1);
#endif
        testbed_ = umockdev_testbed_new();
        ASSERT_TRUE(umockdev_in_mock_environment()) << "run under LD_PRELOAD=libumockdev-preload.so.0";
#ifdef WASERDA_USB_TEST_TMP
        gchar* root = umockdev_testbed_get_root_dir(testbed_);
        EXPECT_EQ(std::string(root).rfind(WASERDA_USB_TEST_TMP, 0), 0u) << root;
        g_free(root);
#endif
    }
    void TearDown() override {
        ctx_.reset();
        models_.clear();
        g_object_unref(testbed_);
    }

    UsbDeviceModel& add(ModelDevice d) {
        models_.push_back(std::make_unique<UsbDeviceModel>(testbed_, std::move(d)));
        return *models_.back();
    }

    std::shared_ptr<drivers::usb::UsbContext> context() {
        if (!ctx_) {
            auto c = drivers::usb::UsbContext::create();
            EXPECT_TRUE(c.ok());
            if (c) ctx_ = *c;
        }
        return ctx_;
    }

    UMockdevTestbed* testbed_ = nullptr;
    std::vector<std::unique_ptr<UsbDeviceModel>> models_;
    std::shared_ptr<drivers::usb::UsbContext> ctx_;
};

// A printer whose DLE EOT answers are whatever the test sets in `status`.
inline void answer_status(UsbDeviceModel& printer, std::shared_ptr<EmulatedPrinterStatus> status) {
    printer.set_responder(dle_eot_responder([status] { return *status; }));
}

}  // namespace waserda::usbtest
