#include "drivers/transport/printer_status.hpp"
#include "drivers/usb/usb_context.hpp"

#include <gtest/gtest.h>

#include <libusb.h>

using namespace waserda::drivers;

namespace {

TEST(PrinterStatus, RecognisesStatusBytesByTheirFixedBits) {
    EXPECT_TRUE(is_status_byte(0x12));
    EXPECT_TRUE(is_status_byte(0x7E));
    EXPECT_FALSE(is_status_byte(0x00));
    EXPECT_FALSE(is_status_byte(0x13));
    EXPECT_FALSE(is_status_byte(0x92));
}

TEST(PrinterStatus, DecodesEachQuery) {
    PrinterStatus s;
    ASSERT_TRUE(apply_status_reply(s, 1, 0x1A));  // offline, drawer pin low
    EXPECT_FALSE(s.online);
    EXPECT_TRUE(s.drawer_open);
    ASSERT_TRUE(apply_status_reply(s, 2, 0x12 | 0x04 | 0x40));
    EXPECT_TRUE(s.cover_open);
    EXPECT_TRUE(s.error);
    ASSERT_TRUE(apply_status_reply(s, 4, 0x12 | 0x0C));
    EXPECT_TRUE(s.paper_near_end);
    EXPECT_FALSE(s.paper_out);
    EXPECT_FALSE(apply_status_reply(s, 4, 0xFF));
}

TEST(PrinterStatus, DrawerPolarityCanBeFlipped) {
    PrinterStatus s;
    apply_status_reply(s, 1, 0x16, /*drawer_open_when_high=*/true);
    EXPECT_TRUE(s.drawer_open);
    apply_status_reply(s, 1, 0x16, false);
    EXPECT_FALSE(s.drawer_open);
}

TEST(PrinterStatus, ProblemSentencesPutPaperFirstAndNearEndIsNoProblem) {
    PrinterStatus s;
    EXPECT_FALSE(status_problem(s).has_value());
    s.paper_near_end = true;
    EXPECT_FALSE(status_problem(s).has_value());
    s.online = false;
    EXPECT_EQ(status_problem(s)->message, "Printer sedang offline. Periksa lampu printer lalu cetak ulang.");
    s.cover_open = true;
    s.paper_out = true;
    EXPECT_EQ(status_problem(s)->message, "Kertas printer habis. Ganti gulungan kertas lalu cetak ulang.");
    EXPECT_EQ(status_problem(s)->code, waserda::core::ErrorCode::Device);
}

TEST(UsbErrors, EveryLibusbErrorIsAPlainSentence) {
    using waserda::drivers::usb::usb_error;
    using waserda::drivers::usb::UsbRole;
    EXPECT_EQ(usb_error(LIBUSB_ERROR_ACCESS, UsbRole::Printer).message,
              "Tidak ada izin membuka printer. Pasang aturan udev Waserda lalu cabut-colok printer.");
    EXPECT_EQ(usb_error(LIBUSB_ERROR_BUSY, UsbRole::Printer).message,
              "Printer sedang dipakai program lain (resource busy).");
    EXPECT_EQ(usb_error(LIBUSB_ERROR_NO_DEVICE, UsbRole::Scanner).message,
              "Pemindai tidak terhubung. Periksa kabel USB pemindai.");
    for (int code = LIBUSB_ERROR_IO; code >= LIBUSB_ERROR_OTHER; --code) {
        const auto e = usb_error(code, UsbRole::Printer);
        EXPECT_FALSE(e.message.empty()) << code;
        EXPECT_EQ(e.message.back(), '.') << code;
    }
}

TEST(UsbIds, ParsesAndPrintsVidPid) {
    using waserda::drivers::usb::parse_vid_pid;
    auto id = parse_vid_pid("04B8:0e15");
    ASSERT_TRUE(id.has_value());
    EXPECT_EQ(id->vid, 0x04b8);
    EXPECT_EQ(waserda::drivers::usb::to_string(*id), "04b8:0e15");
    EXPECT_FALSE(parse_vid_pid("04b8").has_value());
    EXPECT_FALSE(parse_vid_pid("04b8:zz").has_value());
    EXPECT_FALSE(parse_vid_pid("104b8:0001").has_value());
}

}  // namespace
