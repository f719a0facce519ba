// The libusb printer transport and the print queue against an emulated USB printer (umockdev).
#include "drivers/queue/print_queue.hpp"
#include "drivers/usb/usb_printer.hpp"
#include "tests/drivers/usb/usb_fixture.hpp"

#include <gtest/gtest.h>

#include <numeric>

using namespace waserda;
using namespace waserda::usbtest;
using drivers::usb::UsbPrinterOptions;
using drivers::usb::UsbPrinterTransport;

namespace {

std::vector<uint8_t> receipt_bytes() {
    std::vector<uint8_t> b = {0x1b, 0x40};  // ESC @
    for (char c : std::string("KOPERASI WASERDA\nGula 1kg     15.000\nTOTAL        15.000\n")) b.push_back(static_cast<uint8_t>(c));
    b.insert(b.end(), {0x1d, 0x56, 0x42, 0x00});  // GS V B 0: feed and cut
    return b;
}

std::vector<uint8_t> logo_sized(std::size_t n) {
    std::vector<uint8_t> b(n);
    std::iota(b.begin(), b.end(), uint8_t{0});
    return b;
}

using UsbPrinter = UmockdevTest;

TEST_F(UsbPrinter, SendsReceiptBytesExactlyToTheOutEndpointReadFromDescriptors) {
    // This cheap printer uses OUT 3, not the usual 0x01.
    auto& printer = add(make_printer(0x03));
    UsbPrinterTransport usb(context(), {});

    const auto bytes = receipt_bytes();
    ASSERT_TRUE(usb.write(bytes).ok());

    EXPECT_EQ(printer.out_bytes(0x03), bytes);
    EXPECT_TRUE(printer.out_bytes(0x01).empty());
    ASSERT_TRUE(usb.device().has_value());
    EXPECT_EQ(usb.device()->out_endpoint, 0x03);
    EXPECT_EQ(usb.device()->in_endpoint, 0x82);
    EXPECT_EQ(usb.describe(), "USB 0416:5011 (Generic POS58 Printer)");
}

TEST_F(UsbPrinter, DetachesTheKernelDriverWhenItIsActive) {
    auto& printer = add(make_printer(0x01, "usblp"));
    UsbPrinterTransport usb(context(), {});

    ASSERT_TRUE(usb.write(receipt_bytes()).ok());

    EXPECT_EQ(printer.detach_calls(), 1);
    EXPECT_EQ(printer.out_bytes(0x01), receipt_bytes());
    usb.close();
    // Given back to usblp once Waserda lets go.
    EXPECT_EQ(printer.kernel_driver(0), "usblp");
}

TEST_F(UsbPrinter, LeavesTheKernelDriverAloneWhenNoneIsActive) {
    auto& printer = add(make_printer(0x01, ""));
    UsbPrinterTransport usb(context(), {});

    ASSERT_TRUE(usb.write(receipt_bytes()).ok());

    EXPECT_GE(printer.getdriver_calls(), 1);  // it asked...
    EXPECT_EQ(printer.detach_calls(), 0);     // ...and did not detach
}

TEST_F(UsbPrinter, SendsLargeJobsInChunksOfAtMost16KiBOneAtATime) {
    auto& printer = add(make_printer(0x01));
    UsbPrinterTransport usb(context(), {});
    const auto logo = logo_sized(40000);

    ASSERT_TRUE(usb.write(logo).ok());

    EXPECT_EQ(printer.out_bytes(0x01), logo);
    EXPECT_EQ(printer.out_urb_sizes(0x01), (std::vector<int>{16384, 16384, 40000 - 2 * 16384}));
}

TEST_F(UsbPrinter, StatusAnsweredPaperOutBecomesThePaperSentence) {
    auto& printer = add(make_printer(0x01));
    auto status = std::make_shared<EmulatedPrinterStatus>();
    status->offline = 0x12 | 0x20;  // printing stopped: paper end
    status->paper = 0x12 | 0x60;    // roll end sensor
    answer_status(printer, status);
    UsbPrinterTransport usb(context(), {});

    auto st = usb.query_status();

    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_TRUE(st->paper_out);
    EXPECT_TRUE(st->online);
    auto problem = drivers::status_problem(*st);
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->message, "Kertas printer habis. Ganti gulungan kertas lalu cetak ulang.");
    // Exactly the three questions went out.
    EXPECT_EQ(printer.out_bytes(0x01), (std::vector<uint8_t>{0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4}));
}

TEST_F(UsbPrinter, StatusReportsCoverOpenOfflineAndDrawer) {
    auto& printer = add(make_printer(0x01));
    auto status = std::make_shared<EmulatedPrinterStatus>();
    status->printer = 0x12 | 0x08;  // offline, drawer pin low
    status->offline = 0x12 | 0x04;  // cover open
    status->paper = 0x12 | 0x0C;    // near end
    answer_status(printer, status);
    UsbPrinterTransport usb(context(), {});

    auto st = usb.query_status();

    ASSERT_TRUE(st.ok());
    EXPECT_FALSE(st->online);
    EXPECT_TRUE(st->cover_open);
    EXPECT_TRUE(st->paper_near_end);
    EXPECT_FALSE(st->paper_out);
    EXPECT_TRUE(st->drawer_open);
    EXPECT_EQ(drivers::status_problem(*st)->message, "Tutup printer terbuka. Tutup penutup printer lalu cetak ulang.");
}

TEST_F(UsbPrinter, DrainsStaleStatusBytesBeforeAQuery) {
    auto& printer = add(make_printer(0x01));
    answer_status(printer, std::make_shared<EmulatedPrinterStatus>());  // healthy now
    // Answers to an earlier query that arrived after its timeout: offline, cover open, paper out.
    printer.push_in(0x82, {0x1a});
    printer.push_in(0x82, {0x36, 0x72});
    UsbPrinterTransport usb(context(), {});

    auto st = usb.query_status();

    ASSERT_TRUE(st.ok());
    EXPECT_EQ(st.value(), drivers::PrinterStatus{});
    EXPECT_EQ(printer.pending_in(0x82), 0u);
}

TEST_F(UsbPrinter, PrinterThatNeverAnswersGivesATimeoutSentence) {
    add(make_printer(0x01));  // no responder: DLE EOT goes unanswered
    UsbPrinterOptions o;
    o.status_timeout = std::chrono::milliseconds(50);
    UsbPrinterTransport usb(context(), o);

    auto st = usb.query_status();

    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().message, "Printer tidak menjawab. Periksa apakah printer menyala dan tidak macet.");
}

TEST_F(UsbPrinter, NoPrinterGivesTheCableSentence) {
    UsbPrinterTransport usb(context(), {});

    auto s = usb.write(receipt_bytes());

    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, "Printer tidak terhubung. Periksa kabel USB printer.");
}

TEST_F(UsbPrinter, InterfaceHeldByAnotherProgramGivesTheBusySentence) {
    auto& printer = add(make_printer(0x01));
    printer.set_claimed_elsewhere(true);
    UsbPrinterTransport usb(context(), {});

    auto s = usb.write(receipt_bytes());

    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, "Printer sedang dipakai program lain (resource busy).");
}

TEST_F(UsbPrinter, PicksTheConfiguredVidPidAmongSeveralPrinters) {
    auto first = make_printer(0x01);
    auto second = make_printer(0x03);
    second.vid = 0x04b8; second.pid = 0x0e15; second.devnum = 4;
    second.manufacturer = "EPSON"; second.product = "TM-T20II";
    auto& a = add(first);
    auto& b = add(second);
    UsbPrinterOptions o;
    o.id = drivers::usb::VidPid{0x04b8, 0x0e15};
    UsbPrinterTransport usb(context(), o);

    ASSERT_TRUE(usb.write(receipt_bytes()).ok());

    EXPECT_TRUE(a.out_bytes(0x01).empty());
    EXPECT_EQ(b.out_bytes(0x03), receipt_bytes());
}

// [Proof] The cable is pulled in the middle of a receipt: the job is reported failed with a plain
// sentence, nothing crashes, the job (and so the sale's receipt) is kept, and after the printer
// is plugged back in a retry prints it once, whole.
TEST_F(UsbPrinter, DeviceVanishingMidJobFailsTheJobAndARetryPrintsItAfterReplug) {
    auto first = make_printer(0x01, "usblp");
    auto& printer = add(first);
    answer_status(printer, std::make_shared<EmulatedPrinterStatus>());
    auto usb = std::make_shared<UsbPrinterTransport>(context(), UsbPrinterOptions{});
    drivers::PrintQueue queue(usb);
    const auto job_bytes = logo_sized(40000);
    printer.vanish_after_out_bytes(9 + 16384 + 100);  // status questions, first chunk, then gone

    const uint64_t id = queue.enqueue("T01-20250301-0007", job_bytes);
    ASSERT_TRUE(queue.wait_done(id, std::chrono::seconds(10)));

    auto job = queue.job(id);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->state, drivers::JobState::Failed);
    EXPECT_EQ(job->error, "Printer tidak terhubung. Periksa kabel USB printer.");
    EXPECT_EQ(job->label, "T01-20250301-0007");
    EXPECT_EQ(queue.status().state, drivers::PrinterState::Problem);
    EXPECT_EQ(queue.status().message, job->error);
    EXPECT_EQ(queue.status().failed, 1u);

    printer.unplug();
    auto again = make_printer(0x01, "usblp");
    again.devnum = 9;  // a replugged device gets a new address
    auto& replugged = add(again);
    answer_status(replugged, std::make_shared<EmulatedPrinterStatus>());

    ASSERT_TRUE(queue.retry(id).ok());
    ASSERT_TRUE(queue.wait_done(id, std::chrono::seconds(10)));

    EXPECT_EQ(queue.job(id)->state, drivers::JobState::Printed);
    std::vector<uint8_t> expected = {0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4};
    expected.insert(expected.end(), job_bytes.begin(), job_bytes.end());
    EXPECT_EQ(replugged.out_bytes(0x01), expected);
    EXPECT_EQ(queue.status().state, drivers::PrinterState::Ready);
    EXPECT_EQ(queue.status().failed, 0u);
}

TEST_F(UsbPrinter, QueueFailsAJobWithThePaperSentenceWhenThePrinterSaysPaperOut) {
    auto& printer = add(make_printer(0x01));
    auto status = std::make_shared<EmulatedPrinterStatus>();
    status->paper = 0x12 | 0x60;
    answer_status(printer, status);
    drivers::PrintQueue queue(std::make_shared<UsbPrinterTransport>(context(), UsbPrinterOptions{}));

    const uint64_t id = queue.enqueue("T01-20250301-0008", receipt_bytes());
    ASSERT_TRUE(queue.wait_done(id, std::chrono::seconds(10)));

    EXPECT_EQ(queue.job(id)->state, drivers::JobState::Failed);
    EXPECT_EQ(queue.job(id)->error, "Kertas printer habis. Ganti gulungan kertas lalu cetak ulang.");
    // Nothing but the status questions reached the printer.
    EXPECT_EQ(printer.out_bytes(0x01).size(), 9u);
}

}  // namespace
