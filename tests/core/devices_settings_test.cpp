// The device settings: printer, profile, paper, logo, scanner and its prefix/suffix, as
// `waserda settings set` and the device panel set them.
#include "pos/core/settings.hpp"

#include <gtest/gtest.h>

using namespace waserda::core;

TEST(DeviceSettings, DefaultsAreTheVirtualPrinterOn80mmAndTheKeyboardScanner) {
    ShopSettings s;
    EXPECT_EQ(s.printer, "");
    EXPECT_EQ(s.printer_profile, "auto");
    EXPECT_EQ(s.paper_mm, 80);
    EXPECT_EQ(s.scanner, "keyboard");
    EXPECT_TRUE(s.drawer_enabled);
}

TEST(DeviceSettings, AcceptEveryPrinterTheDriversReach) {
    ShopSettings s;
    for (const char* spec : {"usb", "usb:0416:5011", "usb:04B8:0E03", "file:/dev/usb/lp0", "tcp:192.168.1.50",
                             "tcp:192.168.1.50:9100", "tcp:printer.lan", "tcp:[fe80::1]:9100", "virtual:/tmp/struk", ""}) {
        EXPECT_TRUE(set_setting(s, "printer", spec)) << spec;
        EXPECT_EQ(s.printer, spec);
    }
}

TEST(DeviceSettings, RefuseAPrinterTheyCannotReachWithASentenceSayingWhatWorks) {
    ShopSettings s;
    ASSERT_TRUE(set_setting(s, "printer", "usb:0416:5011"));
    for (const char* spec : {"lpt1", "usb:0416", "usb:04165011", "usb:zzzz:5011", "file:lp0", "file:", "tcp:",
                             "tcp:host:99999", "tcp:host:", "virtual:", "USB"}) {
        auto st = set_setting(s, "printer", spec);
        ASSERT_FALSE(st) << spec;
        EXPECT_NE(st.error().message.find("usb:VID:PID"), std::string::npos) << st.error().message;
        EXPECT_NE(st.error().message.find(spec), std::string::npos) << st.error().message;
    }
    EXPECT_EQ(s.printer, "usb:0416:5011");   // a bad value changes nothing
}

TEST(DeviceSettings, PaperIs58Or80) {
    ShopSettings s;
    EXPECT_TRUE(set_setting(s, "printer.paper", "58"));
    EXPECT_EQ(s.paper_mm, 58);
    auto st = set_setting(s, "printer.paper", "76");
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find("58 atau 80"), std::string::npos);
    EXPECT_EQ(s.paper_mm, 58);
}

TEST(DeviceSettings, ProfileIsANameLikeTheFilesInAssetsPrinters) {
    ShopSettings s;
    EXPECT_TRUE(set_setting(s, "printer.profile", "epson-tm-t20"));
    EXPECT_TRUE(set_setting(s, "printer.profile", "generic"));
    EXPECT_TRUE(set_setting(s, "printer.profile", "auto"));
    EXPECT_FALSE(set_setting(s, "printer.profile", ""));
    EXPECT_FALSE(set_setting(s, "printer.profile", "../etc/passwd"));
    EXPECT_FALSE(set_setting(s, "printer.profile", "Epson TM"));
    EXPECT_EQ(s.printer_profile, "auto");
}

TEST(DeviceSettings, LogoIsAPngOrNothing) {
    ShopSettings s;
    EXPECT_TRUE(set_setting(s, "receipt.logo", "/home/kasir/logo.PNG"));
    auto st = set_setting(s, "receipt.logo", "/home/kasir/logo.jpg");
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message.find("PNG"), std::string::npos);
    EXPECT_EQ(s.receipt_logo, "/home/kasir/logo.PNG");
    EXPECT_TRUE(set_setting(s, "receipt.logo", ""));
    EXPECT_EQ(s.receipt_logo, "");
}

TEST(DeviceSettings, ScannerIsTheKeyboardAUsbOrASerialPort) {
    ShopSettings s;
    for (const char* spec : {"usb", "usb:0c2e:0b61", "serial:/dev/ttyACM0", "keyboard"}) EXPECT_TRUE(set_setting(s, "scanner", spec)) << spec;
    for (const char* spec : {"", "hid", "serial:ttyACM0", "usb:0c2e"}) {
        auto st = set_setting(s, "scanner", spec);
        ASSERT_FALSE(st) << spec;
        EXPECT_NE(st.error().message.find("serial:/dev/ttyACM0"), std::string::npos);
    }
    EXPECT_EQ(s.scanner, "keyboard");
}

TEST(DeviceSettings, ScannerPrefixAndSuffixAreShortAndWithoutSpaces) {
    ShopSettings s;
    EXPECT_TRUE(set_setting(s, "scanner.prefix", "]E0"));
    EXPECT_TRUE(set_setting(s, "scanner.suffix", "#"));
    EXPECT_FALSE(set_setting(s, "scanner.prefix", "a b"));
    EXPECT_FALSE(set_setting(s, "scanner.suffix", "123456789"));
    EXPECT_EQ(s.scanner_prefix, "]E0");
    EXPECT_EQ(s.scanner_suffix, "#");
}

TEST(DeviceSettings, RoundTripThroughTheStoresKeyValues) {
    ShopSettings s;
    ASSERT_TRUE(set_setting(s, "printer", "tcp:192.168.1.50:9100"));
    ASSERT_TRUE(set_setting(s, "printer.profile", "xprinter-xp58"));
    ASSERT_TRUE(set_setting(s, "printer.paper", "58"));
    ASSERT_TRUE(set_setting(s, "receipt.logo", "/srv/logo.png"));
    ASSERT_TRUE(set_setting(s, "scanner", "serial:/dev/ttyACM0"));
    ASSERT_TRUE(set_setting(s, "scanner.prefix", "A"));
    ASSERT_TRUE(set_setting(s, "scanner.suffix", "Z"));
    ASSERT_TRUE(set_setting(s, "drawer.enabled", "false"));
    auto kv = settings_to_kv(s);
    EXPECT_EQ(kv.at("printer.paper"), "58");
    ShopSettings back = settings_from_kv(kv);
    EXPECT_EQ(back.printer, "tcp:192.168.1.50:9100");
    EXPECT_EQ(back.printer_profile, "xprinter-xp58");
    EXPECT_EQ(back.paper_mm, 58);
    EXPECT_EQ(back.receipt_logo, "/srv/logo.png");
    EXPECT_EQ(back.scanner, "serial:/dev/ttyACM0");
    EXPECT_EQ(back.scanner_prefix, "A");
    EXPECT_EQ(back.scanner_suffix, "Z");
    EXPECT_FALSE(back.drawer_enabled);
}
