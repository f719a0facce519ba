// `waserda devices` data: what list_usb_devices finds on an emulated bus (umockdev).
#include "drivers/usb/usb_devices.hpp"
#include "tests/drivers/usb/usb_fixture.hpp"

#include <gtest/gtest.h>

using namespace waserda;
using namespace waserda::usbtest;
using drivers::usb::DeviceKind;
using drivers::usb::list_usb_devices;

namespace {

using UsbDevices = UmockdevTest;

TEST_F(UsbDevices, ListsPrintersAndScannersWithIdsKindEndpointsAndNames) {
    add(make_printer(0x03, "usblp"));
    add(make_keyboard_scanner("usbhid"));
    ModelDevice mouse;  // neither: must not be listed
    mouse.vid = 0x046d; mouse.pid = 0xc077; mouse.devnum = 5;
    ModelInterface mi;
    mi.cls = 3; mi.subclass = 1; mi.protocol = 2;
    mi.endpoints = {{0x81, 3, 4}};
    mouse.interfaces = {mi};
    add(mouse);

    auto list = list_usb_devices(*context());

    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    const auto& p = list->at(0).kind == DeviceKind::Printer ? list->at(0) : list->at(1);
    const auto& s = list->at(0).kind == DeviceKind::Printer ? list->at(1) : list->at(0);
    EXPECT_EQ(drivers::usb::to_string(p.id), "0416:5011");
    EXPECT_EQ(p.out_endpoint, 0x03);
    EXPECT_EQ(p.in_endpoint, 0x82);
    EXPECT_EQ(p.product, "POS58 Printer");
    EXPECT_TRUE(p.kernel_driver_active);
    EXPECT_TRUE(p.can_open);
    EXPECT_EQ(s.kind, DeviceKind::ScannerKeyboard);
    EXPECT_EQ(drivers::usb::to_string(s.id), "0c2e:0b61");
    EXPECT_EQ(s.in_endpoint, 0x81);
    EXPECT_EQ(s.manufacturer, "Honeywell");
    ASSERT_EQ(s.endpoints.size(), 1u);
    EXPECT_EQ(s.endpoints[0].type, "interrupt");
}

TEST_F(UsbDevices, ListingNeverDetachesAKernelDriver) {
    auto& printer = add(make_printer(0x01, "usblp"));

    ASSERT_TRUE(list_usb_devices(*context()).ok());

    EXPECT_EQ(printer.detach_calls(), 0);
    EXPECT_EQ(printer.kernel_driver(0), "usblp");
}

TEST_F(UsbDevices, SaysWhyABusyPrinterCannotBeOpened) {
    auto& printer = add(make_printer(0x01, ""));
    printer.set_claimed_elsewhere(true);

    auto list = list_usb_devices(*context());

    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_FALSE(list->at(0).can_open);
    EXPECT_EQ(list->at(0).problem, "Printer sedang dipakai program lain (resource busy).");
}

TEST_F(UsbDevices, FindsAKnownPrinterWithoutClass7ByItsVidPid) {
    ModelDevice d = make_printer(0x02);
    d.vid = 0x0483; d.pid = 0x5743;
    d.interfaces[0].cls = 0xff;  // vendor specific
    d.interfaces[0].subclass = 0;
    d.interfaces[0].protocol = 0;
    add(d);

    auto list = list_usb_devices(*context());

    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->at(0).kind, DeviceKind::Printer);
    EXPECT_EQ(list->at(0).out_endpoint, 0x02);
}

}  // namespace
