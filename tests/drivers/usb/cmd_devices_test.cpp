// `waserda devices` and `waserda print-test`, run through CLI11 on emulated devices (umockdev)
// and real files.
#include "pos/cli/commands.hpp"
#include "tests/drivers/usb/usb_fixture.hpp"

#if __has_include("drivers/receipt/receipt.hpp")
#include "drivers/receipt/receipt.hpp"
#define WASERDA_HAVE_RECEIPT 1
#endif

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace waserda;
using namespace waserda::usbtest;

namespace {

struct Run {
    int code = 0;
    std::string out, err;
};

Run run_cli(std::vector<std::string> args) {
    CLI::App app{"waserda"};
    cli::Context ctx;
    cli::register_device_commands(app, ctx);
    args.insert(args.begin(), "waserda");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    std::ostringstream out, err;
    auto* old_out = std::cout.rdbuf(out.rdbuf());
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    cli::exit_code() = 0;
    Run r;
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
        r.code = cli::exit_code();
    } catch (const CLI::ParseError& e) {
        r.code = app.exit(e);
    }
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

std::vector<uint8_t> expected_test_page() {
#ifdef WASERDA_HAVE_RECEIPT
    return drivers::render_test_page(drivers::PrinterProfiles::installed().profile_for(0x0416, 0x5011));
#else
    return {};
#endif
}

using DevicesCommand = UmockdevTest;

TEST_F(DevicesCommand, ListsAPrinterAndAScannerWithIdKindEndpointsAndState) {
    add(make_printer(0x03, "usblp"));
    add(make_keyboard_scanner("usbhid"));

    auto r = run_cli({"devices"});

    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("printer  0416:5011  USB 0416:5011 (Generic POS58 Printer)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("OUT 0x03 bulk, IN 0x82 bulk"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("siap (driver kernel aktif, dilepas saat dipakai)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("scanner-hid-keyboard  0c2e:0b61"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("IN 0x81 interrupt"), std::string::npos) << r.out;
}

TEST_F(DevicesCommand, JsonSaysWhyABusyPrinterCannotBeOpened) {
    auto& printer = add(make_printer(0x01, ""));
    printer.set_claimed_elsewhere(true);

    auto r = run_cli({"devices", "--json"});

    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_GE(j.size(), 1u);
    EXPECT_EQ(j[0]["id"], "0416:5011");
    EXPECT_EQ(j[0]["kind"], "printer");
    EXPECT_EQ(j[0]["can_open"], false);
    EXPECT_EQ(j[0]["problem"], "Printer sedang dipakai program lain (resource busy).");
    EXPECT_EQ(j[0]["endpoints"][0]["address"], 1);
}

TEST_F(DevicesCommand, PrintTestSendsTheTestPageToTheUsbPrinterChosenByVidPid) {
    auto& printer = add(make_printer(0x03, "usblp"));
    answer_status(printer, std::make_shared<EmulatedPrinterStatus>());

    auto r = run_cli({"print-test", "--usb", "0416:5011"});

    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Status printer: online"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Halaman tes terkirim ke USB 0416:5011"), std::string::npos) << r.out;
    const auto sent = printer.out_bytes(0x03);
    ASSERT_GT(sent.size(), 9u);
    EXPECT_EQ(std::vector<uint8_t>(sent.begin(), sent.begin() + 9),
              (std::vector<uint8_t>{0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4}));
    const std::vector<uint8_t> page(sent.begin() + 9, sent.end());
    EXPECT_EQ(page[0], 0x1b);
    EXPECT_EQ(page[1], 0x40);  // starts with ESC @
    if (!expected_test_page().empty()) {
        EXPECT_EQ(page, expected_test_page());
    }
}

TEST_F(DevicesCommand, PrintTestStopsWithThePaperSentenceWhenThePrinterHasNoPaper) {
    auto& printer = add(make_printer(0x01));
    auto status = std::make_shared<EmulatedPrinterStatus>();
    status->paper = 0x12 | 0x60;
    answer_status(printer, status);

    auto r = run_cli({"print-test"});

    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err, "waserda: Kertas printer habis. Ganti gulungan kertas lalu cetak ulang.\n");
    EXPECT_EQ(printer.out_bytes(0x01).size(), 9u);  // only the status questions
}

TEST_F(DevicesCommand, PrintTestWithoutAPrinterSaysCheckTheCable) {
    auto r = run_cli({"print-test"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err, "waserda: Printer tidak terhubung. Periksa kabel USB printer.\n");
}

TEST_F(DevicesCommand, PrintTestWritesTheBytesToAFileWithOut) {
    const auto dir = std::filesystem::path(WASERDA_USB_TEST_TMP) / ("out-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = (dir / "test-page.bin").string();

    auto r = run_cli({"print-test", "--out", file});

    ASSERT_EQ(r.code, 0) << r.err;
    std::ifstream in(file, std::ios::binary);
    std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
    ASSERT_GT(bytes.size(), 2u);
    EXPECT_EQ(bytes[0], 0x1b);
    std::filesystem::remove_all(dir);
}

TEST_F(DevicesCommand, PrintTestRefusesTwoDestinations) {
    auto r = run_cli({"print-test", "--out", "a.bin", "--net", "127.0.0.1:9100"});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(r.err, "waserda: Pilih satu tujuan saja: --usb, --net, --file atau --out.\n");
}

}  // namespace
