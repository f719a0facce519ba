// The libusb HID scanner reader against emulated scanners (umockdev): reports typed by the
// "scanner" arrive as one ScanEvent per barcode, usbhid is detached so nothing is typed anywhere.
#include "drivers/scanner/usb_hid_scanner.hpp"
#include "tests/drivers/usb/usb_fixture.hpp"

#include <gtest/gtest.h>

#include <mutex>

using namespace waserda;
using namespace waserda::usbtest;
using drivers::ScanEvent;
using drivers::ScanQueue;
using drivers::UsbHidScanner;
using drivers::UsbScannerOptions;

namespace {

uint8_t usage_of(char c, bool& shift) {
    shift = false;
    if (c >= '1' && c <= '9') return static_cast<uint8_t>(0x1E + (c - '1'));
    if (c == '0') return 0x27;
    if (c >= 'a' && c <= 'z') return static_cast<uint8_t>(0x04 + (c - 'a'));
    if (c >= 'A' && c <= 'Z') { shift = true; return static_cast<uint8_t>(0x04 + (c - 'A')); }
    if (c == '-') return 0x2D;
    return 0;
}

// What a keyboard-mode scanner sends for `code` + Enter: a press and a release per character.
void type_barcode(UsbDeviceModel& scanner, const std::string& code) {
    for (char c : code) {
        bool shift = false;
        const uint8_t u = usage_of(c, shift);
        scanner.push_in(0x81, {static_cast<uint8_t>(shift ? 0x02 : 0), 0, u, 0, 0, 0, 0, 0});
        scanner.push_in(0x81, {0, 0, 0, 0, 0, 0, 0, 0});
    }
    scanner.push_in(0x81, {0, 0, 0x28, 0, 0, 0, 0, 0});
    scanner.push_in(0x81, {0, 0, 0, 0, 0, 0, 0, 0});
}

UsbScannerOptions fast() {
    UsbScannerOptions o;
    o.poll = std::chrono::milliseconds(50);
    o.reopen_interval = std::chrono::milliseconds(20);
    return o;
}

using UsbScanner = UmockdevTest;

TEST_F(UsbScanner, DeliversOneScanEventForABarcodeTypedAsBootKeyboardReports) {
    auto& scanner = add(make_keyboard_scanner("usbhid"));
    ScanQueue scans;
    UsbHidScanner reader(context(), fast(), scans.callback());
    ASSERT_TRUE(reader.start().ok());

    type_barcode(scanner, "4901234567894");

    auto e = scans.pop_for(std::chrono::seconds(5));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->code, "4901234567894");
    EXPECT_EQ(e->source, "USB 0c2e:0b61 (Honeywell Xenon 1900 Scanner)");
    // Exactly one event: the reports are all consumed and nothing else came out.
    ASSERT_TRUE(scanner.wait_until([&] { return scanner.pending_in(0x81) == 0; }, std::chrono::seconds(5)));
    EXPECT_FALSE(scans.pop_for(std::chrono::milliseconds(100)).has_value());
}

TEST_F(UsbScanner, DetachesUsbhidSoScansNeverTypeIntoTheWindowAndGivesItBackOnStop) {
    auto& scanner = add(make_keyboard_scanner("usbhid"));
    UsbHidScanner reader(context(), fast(), [](ScanEvent) {});

    ASSERT_TRUE(reader.start().ok());
    EXPECT_EQ(scanner.detach_calls(), 1);
    EXPECT_EQ(scanner.kernel_driver(0), "");

    reader.stop();
    EXPECT_EQ(scanner.kernel_driver(0), "usbhid");
}

TEST_F(UsbScanner, StripsTheConfiguredPrefixAndKeepsShiftedLetters) {
    auto& scanner = add(make_keyboard_scanner(""));
    ScanQueue scans;
    auto o = fast();
    o.keyboard.affixes.prefix = "A";
    UsbHidScanner reader(context(), o, scans.callback());
    ASSERT_TRUE(reader.start().ok());
    EXPECT_EQ(scanner.detach_calls(), 0);  // nothing was bound, nothing detached

    type_barcode(scanner, "AMBR-0042x");

    auto e = scans.pop_for(std::chrono::seconds(5));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->code, "MBR-0042x");
}

TEST_F(UsbScanner, ReadsAHidPosScannerThatSendsLengthPrefixedReports) {
    ModelDevice zebra;
    zebra.vid = 0x05e0; zebra.pid = 0x1300;
    zebra.manufacturer = "Zebra"; zebra.product = "DS2208";
    ModelInterface i;
    i.cls = 3; i.subclass = 0; i.protocol = 0;  // HID, not a boot keyboard: usage page 0x8C
    i.endpoints = {{0x81, 3, 64}};
    zebra.interfaces = {i};
    auto& scanner = add(zebra);
    ScanQueue scans;
    UsbHidScanner reader(context(), fast(), scans.callback());
    ASSERT_TRUE(reader.start().ok());

    std::vector<uint8_t> report(64, 0);
    const std::string code = "8991234567891";
    report[0] = static_cast<uint8_t>(code.size());
    std::copy(code.begin(), code.end(), report.begin() + 1);
    scanner.push_in(0x81, report);

    auto e = scans.pop_for(std::chrono::seconds(5));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->code, "8991234567891");
    EXPECT_EQ(e->source, "USB 05e0:1300 (Zebra DS2208)");
}

TEST_F(UsbScanner, KeepsReadingAfterTheScannerIsUnpluggedAndPluggedBackIn) {
    auto& scanner = add(make_keyboard_scanner("usbhid"));
    ScanQueue scans;
    std::mutex m;
    std::vector<std::string> problems;
    UsbHidScanner reader(context(), fast(), scans.callback(),
                         [&](const std::string&, const std::optional<core::Error>& e) {
                             std::lock_guard lock(m);
                             problems.push_back(e ? e->message : "ok");
                         });
    ASSERT_TRUE(reader.start().ok());

    scanner.unplug();
    auto again = make_keyboard_scanner("usbhid");
    again.devnum = 8;
    auto& replugged = add(again);
    type_barcode(replugged, "123456");

    auto e = scans.pop_for(std::chrono::seconds(5));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->code, "123456");
    std::lock_guard lock(m);
    ASSERT_GE(problems.size(), 2u);
    EXPECT_EQ(problems.front(), "Pemindai tidak terhubung. Periksa kabel USB pemindai.");
    EXPECT_EQ(problems.back(), "ok");
}

TEST_F(UsbScanner, StartFailsWithASentenceWhenNoScannerIsPlugged) {
    add(make_printer());  // a printer is not a scanner
    UsbHidScanner reader(context(), fast(), [](ScanEvent) {});

    auto s = reader.start();

    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, "Pemindai tidak terhubung. Periksa kabel USB pemindai.");
}

}  // namespace
