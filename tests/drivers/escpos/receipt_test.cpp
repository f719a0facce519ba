// Whole receipts, byte for byte, for 58 and 80 mm paper, and back through the virtual printer.
#include "drivers/receipt/receipt.hpp"
#include "drivers/virtual/virtual_printer.hpp"
#include "tests/drivers/escpos/sample_sale.hpp"
#include "tests/drivers/escpos/test_bytes.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>

using namespace waserda;
using namespace waserda::drivers;
using namespace waserda::drivers::testing;

namespace {

// A 58 mm printer that prints QR codes itself, so the whole job is readable bytes.
PrinterProfile qr58() {
    PrinterProfile p = generic_profile(58);
    p.qr = true;
    return p;
}

PrinterProfile tm_t20() {
    const PrinterProfile* p = PrinterProfiles::installed().find("epson-tm-t20");
    EXPECT_NE(p, nullptr);
    return p ? *p : generic_profile(80);
}

const std::string ESC_BOLD_ON = b({0x1B, 'E', 1}), ESC_BOLD_OFF = b({0x1B, 'E', 0});
const std::string CENTER = b({0x1B, 'a', 1}), LEFT = b({0x1B, 'a', 0});
const std::string SIZE_1 = b({0x1D, '!', 0x00}), SIZE_2W = b({0x1D, '!', 0x10}), SIZE_2 = b({0x1D, '!', 0x11});

std::string text_of(const std::vector<uint8_t>& bytes, int dots) { return render_escpos(bytes, dots).text; }

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

// [SECTION] Byte-exact receipts

TEST(Receipt, Prints58mmSaleByteForByte) {
    std::string dash(32, '-');
    std::string want = b({0x1B, '@', 0x1B, 't', 0}) + CENTER +
        ESC_BOLD_ON + SIZE_2W + ln("Waserda Makmur") + SIZE_1 + ESC_BOLD_OFF +
        ln("Jl. Merdeka No. 17, Bandung") +
        ln("NPWP: 01.234.567.8-901.000") +
        LEFT + ln(dash) +
        row("No.", 12, "T01-20261122-0007") +
        row("Tanggal", 9, "22/11/2026 10:04") +
        row("Kasir", 23, "Budi") +
        row("Anggota", 7, "A-0012 Siti Aminah") +
        ln(dash) +
        ln("Beras Pandan Wangi 5 kg") +
        row("  2 x 68.000", 13, "136.000") +
        row("  Diskon", 18, "-5.000") +
        row("Minyak Goreng 1 L", 9, "18.500") +
        ln("Tomat") +
        row("  0,750 kg x 14.100", 7, "10.575") +
        ln("Gula Pasir 1 kg") +
        row("  3 x 16.000", 14, "48.000") +
        ln("Kopi \"Kapal Api\" Special Mix 10") +   // CP437 has no curly quotes
        row("sachet", 20, "13.900") +
        ln(dash) +
        row("Subtotal", 17, "226.975") +
        row("Total diskon", 14, "-5.000") +
        row("Pembulatan", 20, "25") +
        ESC_BOLD_ON + SIZE_2 + row("TOTAL", 4, "222.000") + SIZE_1 + ESC_BOLD_OFF +
        row("DPP", 22, "181.676") +
        row("PPN 12%", 19, "23.783") +
        ln(dash) +
        row("Kredit anggota", 11, "150.000") +
        row("Tunai", 20, "100.000") +
        ESC_BOLD_ON + row("Kembalian", 17, "28.000") + ESC_BOLD_OFF +
        ln(dash) +
        row("Sisa limit kredit", 8, "350.000") +
        row("Simpanan sukarela", 8, "125.000") +
        ln(dash) +
        CENTER + ln("Terima kasih atas kunjungan Anda") +
        "\n" +
        // CODE128 does not fit 384 dots with its quiet zones: the sale number goes in a QR code.
        b({0x1D, '(', 'k', 4, 0, '1', 'A', '2', 0, 0x1D, '(', 'k', 3, 0, '1', 'C', 4, 0x1D, '(', 'k', 3, 0, '1', 'E',
           '1', 0x1D, '(', 'k', 20, 0, '1', 'P', '0'}) +
        "T01-20261122-0007" + b({0x1D, '(', 'k', 3, 0, '1', 'Q', '0'}) +
        "\n" + ln("T01-20261122-0007") +
        LEFT +
        b({0x1B, 'd', 4});  // no cutter on the generic 58 mm: feed only
    std::string got = str(receipt_bytes(sample_sale(), sample_settings(), qr58()));
    EXPECT_EQ(show(got), show(want));
}

TEST(Receipt, Prints80mmSaleByteForByte) {
    std::string dash(48, '-');
    std::string want = b({0x1B, '@', 0x1B, 't', 16}) + CENTER +
        ESC_BOLD_ON + SIZE_2W + ln("Waserda Makmur") + SIZE_1 + ESC_BOLD_OFF +
        ln("Jl. Merdeka No. 17, Bandung") +
        ln("NPWP: 01.234.567.8-901.000") +
        LEFT + ln(dash) +
        row("No.", 28, "T01-20261122-0007") +
        row("Tanggal", 25, "22/11/2026 10:04") +
        row("Kasir", 39, "Budi") +
        row("Anggota", 23, "A-0012 Siti Aminah") +
        ln(dash) +
        ln("Beras Pandan Wangi 5 kg") +
        row("  2 x 68.000", 29, "136.000") +
        row("  Diskon", 34, "-5.000") +
        row("Minyak Goreng 1 L", 25, "18.500") +
        ln("Tomat") +
        row("  0,750 kg x 14.100", 23, "10.575") +
        ln("Gula Pasir 1 kg") +
        row("  3 x 16.000", 30, "48.000") +
        row("Kopi " + b({0x93}) + "Kapal Api" + b({0x94}) + " Special Mix 10 sachet", 4, "13.900") +
        ln(dash) +
        row("Subtotal", 33, "226.975") +
        row("Total diskon", 30, "-5.000") +
        row("Pembulatan", 36, "25") +
        ESC_BOLD_ON + SIZE_2 + row("TOTAL", 12, "222.000") + SIZE_1 + ESC_BOLD_OFF +
        row("DPP", 38, "181.676") +
        row("PPN 12%", 35, "23.783") +
        ln(dash) +
        row("Kredit anggota", 27, "150.000") +
        row("Tunai", 36, "100.000") +
        ESC_BOLD_ON + row("Kembalian", 33, "28.000") + ESC_BOLD_OFF +
        ln(dash) +
        row("Sisa limit kredit", 24, "350.000") +
        row("Simpanan sukarela", 24, "125.000") +
        ln(dash) +
        CENTER + ln("Terima kasih atas kunjungan Anda") +
        "\n" +
        // CODE128: 189 modules of 2 dots fit 576 with their quiet zones. Digits in set C.
        b({0x1D, 'H', 2, 0x1D, 'h', 60, 0x1D, 'w', 2, 0x1D, 'k', 73, 19}) + "{BT01-{C" + b({20, 26, 11, 22}) +
        "{B-{C" + b({0, 7}) +
        "\n" +
        LEFT +
        b({0x1B, 'd', 4, 0x1D, 'V', 1});  // feed past the cutter, partial cut
    std::string got = str(receipt_bytes(sample_sale(), sample_settings(), tm_t20()));
    EXPECT_EQ(show(got), show(want));
}

// [SECTION] Through the virtual printer

TEST(Receipt, ReadsBackThroughTheVirtualPrinterOn58mm) {
    auto bytes = receipt_bytes(sample_sale(), sample_settings(), qr58());
    std::string text = text_of(bytes, 384);
    for (const char* line : {"  Waserda Makmur", "No.            T01-20261122-0007", "  0,750 kg x 14.100       10.575",
                             "TOTAL    222.000", "PPN 12%                   23.783", "Kembalian                 28.000",
                             "Sisa limit kredit        350.000", "Terima kasih atas kunjungan Anda",
                             "[QR T01-20261122-0007]", "        T01-20261122-0007"})
        EXPECT_TRUE(has_line(text, line)) << line << "\n" << text;
}

TEST(Receipt, ReadsBackThroughTheVirtualPrinterOn80mm) {
    auto bytes = receipt_bytes(sample_sale(), sample_settings(), tm_t20());
    VirtualPrinter vp({576, ""});
    vp.feed(bytes);
    vp.finish();
    std::string text = vp.text();
    for (const char* line : {"Kopi \u201cKapal Api\u201d Special Mix 10 sachet    13.900",
                             "  Diskon                                  -5.000", "TOTAL            222.000",
                             "Kredit anggota                           150.000", "[CODE128 T01-20261122-0007]",
                             "[PARTIAL CUT]"})
        EXPECT_TRUE(has_line(text, line)) << line << "\n" << text;
    EXPECT_EQ(vp.cuts(), 1);
    EXPECT_EQ(vp.drawer_pulses(), 0);
}

TEST(Receipt, FallsBackToAQrImageOnAPrinterWithoutQr) {
    auto bytes = receipt_bytes(sample_sale(), sample_settings(), generic_profile(58));
    std::string text = text_of(bytes, 384);
    EXPECT_TRUE(has_line(text, "[IMAGE 104x100]")) << text;
    EXPECT_TRUE(has_line(text, "        T01-20261122-0007")) << text;
}

TEST(Receipt, MarksAReprintAsSalinan) {
    ReceiptOptions opt;
    opt.reprint = true;
    auto bytes = receipt_bytes(sample_sale(), sample_settings(), tm_t20(), opt);
    std::string s = str(bytes);
    EXPECT_NE(s.find(b({0x1D, 'B', 1, 0x1B, 'E', 1}) + " SALINAN \n" + b({0x1B, 'E', 0, 0x1D, 'B', 0})),
              std::string::npos);
    EXPECT_TRUE(has_line(text_of(bytes, 576), std::string(21, ' ') + "SALINAN"));
}

TEST(Receipt, PrintsAReturnWithItsOriginalSale) {
    core::Sale ret = sample_sale();
    ret.kind = core::SaleKind::Return;
    ret.number = "T01-20261123-0002";
    ret.original_number = "T01-20261122-0007";
    ret.lines = {sample_line(1, "Gula Pasir 1 kg", -1, 16000, -16000)};
    ret.subtotal = core::Money::rp(-16000);
    ret.discount = {};
    ret.rounding = {};
    ret.total = core::Money::rp(-16000);
    ret.dpp = core::Money::rp(-13095);
    ret.ppn = core::Money::rp(-1714);
    core::Payment cash;
    cash.method = core::PaymentMethod::Cash;
    cash.amount = core::Money::rp(-16000);
    ret.payments = {cash};
    ret.change = {};
    ret.member_available_credit.reset();
    ret.member_sukarela.reset();
    std::string text = text_of(receipt_bytes(ret, sample_settings(), tm_t20()), 576);
    for (const char* line : {"                   RETUR", "          Retur dari T01-20261122-0007",
                             "Gula Pasir 1 kg                          -16.000", "RETUR            -16.000",
                             "Tunai                                    -16.000", "[CODE128 T01-20261123-0002]"})
        EXPECT_TRUE(has_line(text, line)) << line << "\n" << text;
    EXPECT_EQ(text.find("Kembalian"), std::string::npos);
}

TEST(Receipt, LeavesNpwpAndTaxOutWhenNotPkp) {
    core::ShopSettings s = sample_settings();
    s.tax.pkp = false;
    std::string text = text_of(receipt_bytes(sample_sale(), s, tm_t20()), 576);
    EXPECT_EQ(text.find("NPWP"), std::string::npos);
    EXPECT_EQ(text.find("DPP"), std::string::npos);
    EXPECT_EQ(text.find("PPN"), std::string::npos);
}

TEST(Receipt, PrintsALongShopNameBoldInsteadOfDoubleWidth) {
    core::ShopSettings s = sample_settings();
    s.shop_name = "Koperasi Karyawan Sejahtera Bersama";
    std::string got = str(receipt_bytes(sample_sale(), s, qr58()));
    EXPECT_NE(got.find(ESC_BOLD_ON + "Koperasi Karyawan Sejahtera\nBersama\n" + ESC_BOLD_OFF), std::string::npos);
    EXPECT_EQ(got.find(SIZE_2W), std::string::npos);
}

TEST(Receipt, PulsesTheDrawerAfterTheCutWhenAsked) {
    ReceiptOptions opt;
    opt.open_drawer = true;
    std::string got = str(receipt_bytes(sample_sale(), sample_settings(), tm_t20(), opt));
    EXPECT_EQ(got.substr(got.size() - 11), b({0x1B, 'd', 4, 0x1D, 'V', 1, 0x1B, 'p', 0, 25, 250}));
    core::ShopSettings no_drawer = sample_settings();
    no_drawer.drawer_enabled = false;
    got = str(receipt_bytes(sample_sale(), no_drawer, tm_t20(), opt));
    EXPECT_EQ(got.find(b({0x1B, 'p'})), std::string::npos);
}

TEST(Receipt, PrintsTheLogoCentredAtTheTop) {
    Bitmap logo(64, 16);
    for (int x = 0; x < 64; ++x) logo.set(x, 8);
    ReceiptOptions opt;
    opt.logo = &logo;
    auto bytes = receipt_bytes(sample_sale(), sample_settings(), tm_t20(), opt);
    std::string s = str(bytes);
    EXPECT_EQ(s.substr(0, 5 + 3 + 8), b({0x1B, '@', 0x1B, 't', 16}) + CENTER + b({0x1D, 'v', '0', 0, 8, 0, 16, 0}));
    EXPECT_EQ(text_of(bytes, 576).substr(0, 15), "[IMAGE 64x16]\n ");
}

TEST(Receipt, FormatsQuantitiesAndRates) {
    EXPECT_EQ(format_quantity(sample_line(1, "x", 750, 14000, 10500, 0, true)), "0,750 kg");
    EXPECT_EQ(format_quantity(sample_line(1, "x", 12345, 1, 1, 0, true)), "12,345 kg");
    EXPECT_EQ(format_quantity(sample_line(1, "x", -5, 1, 1, 0, true)), "-0,005 kg");
    EXPECT_EQ(format_quantity(sample_line(1, "x", 3, 1, 1)), "3");
    EXPECT_EQ(format_rate(1200), "12%");
    EXPECT_EQ(format_rate(1150), "11,5%");
    EXPECT_EQ(format_rate(1105), "11,05%");
}

// [SECTION] Test page and drawer kick

TEST(Receipt, TestPageShowsEveryFeature) {
    const PrinterProfile* rongta = PrinterProfiles::installed().find("rongta-rp80");
    ASSERT_NE(rongta, nullptr);
    VirtualPrinter vp({576, ""});
    vp.feed(render_test_page(*rongta));
    vp.finish();
    std::string text = vp.text();
    for (const char* want : {"TES PRINTER", "Rongta RP80", "Tebal", "Garis bawah tipis", "Lebar ganda", "Tinggi ganda",
                             "Warna terbalik", "Rata kanan", "\u201cKaf\u00e9\u201d \u2013 cr\u00e8me, Rp 12.500\u2026",
                             "Nasi goreng spesial ..................... 12.500", "[EAN13 8991234567891]",
                             "[EAN8 96385074]", "[UPCA 036000291452]", "[CODE39 WASERDA-01]",
                             "[CODE128 T01-20261122-0007]", "[ITF 12345678]", "[QR WASERDA POS - TES QR]",
                             "[IMAGE 320x48]", "[BEEP]", "[PARTIAL CUT]", "[CUT]"})
        EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
    EXPECT_EQ(vp.cuts(), 2);
}

TEST(Receipt, TestPageFitsA58mmPrinterWithoutQrOrCutter) {
    VirtualPrinter vp({384, ""});
    vp.feed(render_test_page(generic_profile(58)));
    vp.finish();
    std::string text = vp.text();
    EXPECT_NE(text.find("12345678901234567890123456789012\n"), std::string::npos);
    EXPECT_NE(text.find("[CODE128 T01-20261122-0007]"), std::string::npos);
    EXPECT_EQ(text.find("[QR "), std::string::npos);  // sent as an image instead
    EXPECT_EQ(vp.cuts(), 0);
}

TEST(Receipt, DrawerKickIsOnlyThePulse) {
    EXPECT_EQ(str(drawer_kick_bytes(generic_profile(58))), b({0x1B, 'p', 0, 25, 250}));
}

// [SECTION] Pictures

// Renders both sample receipts to PNG; with WASERDA_SCREENSHOT_DIR set they are kept there (that is
// how assets/screenshots/receipt-58mm.png and receipt-80mm.png are made).
TEST(Receipt, RendersBothWidthsToPng) {
    const char* keep = std::getenv("WASERDA_SCREENSHOT_DIR");
    auto dir = keep ? std::filesystem::path(keep)
                    : std::filesystem::temp_directory_path() / ("escpos-receipt-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    for (auto [profile, name] : {std::pair{qr58(), "receipt-58mm.png"}, std::pair{tm_t20(), "receipt-80mm.png"}}) {
        VirtualPrinter vp({profile.dots, ""});
        vp.feed(receipt_bytes(sample_sale(), sample_settings(), profile));
        vp.finish();
        const auto path = dir / name;
        ASSERT_TRUE(vp.write_png(path.string()).ok());
        auto back = load_gray_image(path.string());
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back->width, profile.dots);
        EXPECT_GT(back->height, 900);
    }
    if (!keep) std::filesystem::remove_all(dir);
}
