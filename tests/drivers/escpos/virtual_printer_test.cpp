// The virtual printer on streams we build byte by byte (and with the encoder).
#include "drivers/escpos/encoder.hpp"
#include "drivers/virtual/barcode_patterns.hpp"
#include "drivers/virtual/virtual_printer.hpp"
#include "tests/drivers/escpos/test_bytes.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <set>

using namespace waserda::drivers;
using namespace waserda::drivers::testing;

namespace {

Rendering render(const std::string& bytes, int width = 384) {
    std::vector<uint8_t> v(bytes.begin(), bytes.end());
    return render_escpos(v, width);
}

int dark_pixels(const GrayImage& img, int y0 = 0, int y1 = -1) {
    if (y1 < 0) y1 = img.height;
    int n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = 0; x < img.width; ++x) n += img.pixels[static_cast<size_t>(y) * img.width + x] < 128;
    return n;
}

}  // namespace

// [SECTION] Text and styles

TEST(VirtualPrinter, PrintsTextLinesAndPutsInkOnPaper) {
    Rendering r = render(b({0x1B, '@'}) + "Halo dunia\nBaris dua\n");
    EXPECT_EQ(r.text, "Halo dunia\nBaris dua\n");
    EXPECT_EQ(r.picture.width, 384);
    EXPECT_GT(dark_pixels(r.picture), 100);
}

TEST(VirtualPrinter, PaperWidthIsThePrintersDots) {
    EXPECT_EQ(render("a\n", 576).picture.width, 576);
}

TEST(VirtualPrinter, CentresAndRightAlignsInTheText) {
    Rendering r = render(b({0x1B, 'a', 1}) + "abcd\n" + b({0x1B, 'a', 2}) + "xy\n");
    // 32 columns of font A on 384 dots: "abcd" starts at column 14, "xy" at 30.
    EXPECT_EQ(r.text, std::string(14, ' ') + "abcd\n" + std::string(30, ' ') + "xy\n");
}

TEST(VirtualPrinter, WrapsALineLongerThanThePaper) {
    Rendering r = render(std::string(40, 'x') + "\n");
    EXPECT_EQ(r.text, std::string(32, 'x') + "\n" + std::string(8, 'x') + "\n");
}

TEST(VirtualPrinter, DoubleWidthHalvesTheCharactersPerLine) {
    Rendering r = render(b({0x1D, '!', 0x10}) + std::string(20, 'W') + "\n");
    EXPECT_EQ(r.text, std::string(16, 'W') + "\n" + std::string(4, 'W') + "\n");
}

TEST(VirtualPrinter, DoubleHeightMakesTheLineTaller) {
    Rendering normal = render("A\nB\n");
    Rendering tall = render(b({0x1D, '!', 0x01}) + "A\n" + b({0x1D, '!', 0x00}) + "B\n");
    EXPECT_GT(tall.picture.height, normal.picture.height + 20);
}

TEST(VirtualPrinter, InvertPrintsWhiteOnBlack) {
    Rendering plain = render("MMMM\n");
    Rendering inverted = render(b({0x1D, 'B', 1}) + "MMMM\n");
    // The four cells are black but where the letters are: ink and letters add up to the cells.
    const int cells = 4 * 12 * 24, letters = dark_pixels(plain.picture), ink = dark_pixels(inverted.picture);
    EXPECT_GT(ink, 2 * letters);
    EXPECT_NEAR(ink + letters, cells, 80);
}

TEST(VirtualPrinter, UnderlineAndBoldAddInk) {
    int plain = dark_pixels(render("Hello\n").picture);
    EXPECT_GT(dark_pixels(render(b({0x1B, '-', 2}) + "Hello\n").picture), plain + 5 * 12);
    EXPECT_GT(dark_pixels(render(b({0x1B, 'E', 1}) + "Hello\n").picture), plain);
}

TEST(VirtualPrinter, FontBFitsMoreCharactersPerLine) {
    Rendering r = render(b({0x1B, 'M', 1}) + std::string(42, 'b') + "\n");
    EXPECT_EQ(r.text, std::string(42, 'b') + "\n");
}

TEST(VirtualPrinter, MapsCodeTablesToUnicode) {
    // CP437 0x82 = é; WPC1252 0x93/0x94 = curly quotes; CP858 0xD5 = euro; CP850 0x9B = ø.
    Rendering r = render(b({0x82, '\n', 0x1B, 't', 16, 0x93, 'a', 0x94, '\n', 0x1B, 't', 19, 0xD5, '\n', 0x1B, 't', 2,
                            0x9B, '\n'}));
    EXPECT_EQ(r.text, "\u00e9\n\u201ca\u201d\n\u20ac\n\u00f8\n");
}

TEST(VirtualPrinter, ReadsTheEncodersIndonesianTextBack) {
    for (const char* id : {"generic-58", "epson-tm-t20"}) {
        const PrinterProfile* p = PrinterProfiles::installed().find(id);
        ASSERT_NE(p, nullptr);
        EscposEncoder enc(*p);
        enc.initialize().line("Kopi \u201cKapal Api\u201d caf\u00e9 Rp 12.500");
        std::string text = render_escpos(enc.bytes(), p->dots).text;
        if (p->code_page == "CP437") EXPECT_EQ(text, "Kopi \"Kapal Api\" caf\u00e9 Rp 12.500\n");
        else EXPECT_EQ(text, "Kopi \u201cKapal Api\u201d caf\u00e9 Rp 12.500\n");
    }
}

TEST(VirtualPrinter, HonoursTabsAndAbsolutePositions) {
    Rendering r = render("a\tb\n" + std::string("x") + b({0x1B, '$', 120, 0}) + "y\n");
    EXPECT_EQ(r.text, "a       b\nx         y\n");
}

// [SECTION] Codes, images, cuts

TEST(VirtualPrinter, DrawsBarcodesAndNamesThemInTheText) {
    EscposEncoder enc(generic_profile(80));
    ASSERT_TRUE(enc.barcode(BarcodeType::Ean13, "899123456789").ok());
    enc.feed(1);
    ASSERT_TRUE(enc.barcode(BarcodeType::Code128, "T01-20261122-0007").ok());
    enc.feed(1);
    VirtualPrinter vp({576, ""});
    vp.feed(enc.bytes());
    vp.finish();
    EXPECT_EQ(vp.text(), "[EAN13 8991234567891]\n[CODE128 T01-20261122-0007]\n");
    // Bars 80 dots tall and human-readable digits: plenty of ink.
    EXPECT_GT(dark_pixels(vp.picture()), 2 * 80 * 40);
}

TEST(VirtualPrinter, DrawsAScannableSizeQrCodeFromStoredData) {
    const PrinterProfile* p = PrinterProfiles::installed().find("epson-tm-t20");
    ASSERT_NE(p, nullptr);
    EscposEncoder enc(*p);
    ASSERT_TRUE(enc.qr("T01-20261122-0007", {4, QrLevel::M}).ok());
    Rendering r = render_escpos(enc.bytes(), 576);
    EXPECT_EQ(r.text, "[QR T01-20261122-0007]\n");
    // 25 x 25 modules of 4 dots, about half of them dark.
    int ink = dark_pixels(r.picture);
    EXPECT_GT(ink, 25 * 25 * 16 / 3);
    EXPECT_LT(ink, 25 * 25 * 16);
}

TEST(VirtualPrinter, PrintsRasterImagesWithTheirSize) {
    Bitmap bmp(16, 8);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 16; ++x) bmp.set(x, y);
    Rendering r = render(str(raster_bands(bmp)));
    EXPECT_EQ(r.text, "[IMAGE 16x8]\n");
    EXPECT_EQ(dark_pixels(r.picture), 16 * 8);
}

TEST(VirtualPrinter, JoinsColumnImageBandsIntoOnePicture) {
    // Two ESC * 33 bands of 24 dots, 4 columns each, printed line by line with 24-dot spacing.
    std::string band = b({0x1B, '*', 33, 4, 0}) + std::string(12, '\xFF') + "\n";
    Rendering r = render(b({0x1B, '3', 24}) + band + band + b({0x1B, '2'}) + "teks\n");
    EXPECT_EQ(r.text, "[IMAGE 4x48]\nteks\n");
}

TEST(VirtualPrinter, MarksCutsAndDrawerPulses) {
    VirtualPrinter vp({384, ""});
    std::string s = "a\n" + b({0x1D, 'V', 1, 0x1B, 'p', 0, 25, 250, 0x1D, 'V', 'A', 3, 0x10, 0x14, 1, 0, 1});
    std::vector<uint8_t> v(s.begin(), s.end());
    vp.feed(v);
    vp.finish();
    EXPECT_EQ(vp.text(), "a\n[PARTIAL CUT]\n[DRAWER]\n[CUT]\n[DRAWER]\n");
    EXPECT_EQ(vp.cuts(), 2);
    EXPECT_EQ(vp.drawer_pulses(), 2);
}

TEST(VirtualPrinter, SkipsUnknownCommandsByTheirLength) {
    // GS ( E with a 3-byte body, an unknown GS ( z, ESC c 5 n, DLE EOT n, GS 8 L with a 4-byte length.
    std::string s = "A" + b({0x1D, '(', 'E', 3, 0, 'x', 'y', 'z'}) + b({0x1D, '(', 'z', 2, 0, 1, 2}) +
                    b({0x1B, 'c', '5', 0}) + b({0x10, 0x04, 1}) + b({0x1D, '8', 'L', 2, 0, 0, 0, '0', '0'}) + "B\n";
    EXPECT_EQ(render(s).text, "AB\n");
}

TEST(VirtualPrinter, WaitsForTheRestOfACommandSplitAcrossWrites) {
    const PrinterProfile* p = PrinterProfiles::installed().find("epson-tm-t20");
    ASSERT_NE(p, nullptr);
    EscposEncoder enc(*p);
    enc.initialize().bold(true).line("Tebal").bold(false);
    (void)enc.qr("ABC");
    (void)enc.barcode(BarcodeType::Ean8, "9638507");
    enc.line().cut();
    const auto& bytes = enc.bytes();
    VirtualPrinter whole({576, ""}), bytewise({576, ""});
    whole.feed(bytes);
    whole.finish();
    for (uint8_t c : bytes) bytewise.feed(std::span<const uint8_t>(&c, 1));
    bytewise.finish();
    EXPECT_EQ(bytewise.text(), whole.text());
    EXPECT_EQ(bytewise.picture().pixels, whole.picture().pixels);
}

TEST(VirtualPrinter, DropsACommandCutShortAtTheEnd) {
    Rendering r = render("ok\n" + b({0x1D, 'v', '0', 0, 10, 0, 10}));
    EXPECT_EQ(r.text, "ok\n");
}

TEST(VirtualPrinter, DrawsUserDefinedCharacters) {
    // ESC & 3 'A' 'A', 2 columns of 24 dots, all black; ESC % 1 selects them.
    std::string def = b({0x1B, '&', 3, 'A', 'A', 2}) + std::string(6, '\xFF');
    Rendering r = render(def + b({0x1B, '%', 1}) + "A\n");
    EXPECT_EQ(dark_pixels(r.picture), 2 * 24);
    EXPECT_EQ(r.text, "\uFFFD\n");
}

TEST(VirtualPrinter, WritesAPngFile) {
    auto dir = std::filesystem::temp_directory_path() / ("escpos-vp-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    VirtualPrinter vp({384, ""});
    std::string s = "Struk\n";
    vp.feed(std::vector<uint8_t>(s.begin(), s.end()));
    vp.finish();
    std::string path = (dir / "struk.png").string();
    ASSERT_TRUE(vp.write_png(path).ok());
    auto back = load_gray_image(path);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->width, 384);
    EXPECT_FALSE(vp.write_png((dir / "missing" / "x.png").string()).ok());
    std::filesystem::remove_all(dir);
}

// [SECTION] Bar patterns

TEST(BarPatterns, Code128TableHasElevenModulesPerSymbolAndNoDuplicates) {
    // Every symbol value through CODE128: one start, the value, check, stop; decode the runs back.
    std::set<std::vector<uint8_t>> seen;
    for (int v = 0; v < 95; ++v) {
        std::string data = "{B" + std::string(1, static_cast<char>(32 + v));
        auto p = bar_pattern(Symbology::Code128, data);
        ASSERT_TRUE(p.has_value());
        ASSERT_EQ(p->runs.size(), 6u * 3 + 7);
        std::vector<uint8_t> symbol(p->runs.begin() + 6, p->runs.begin() + 12);
        int sum = 0;
        for (uint8_t r : symbol) sum += r;
        EXPECT_EQ(sum, 11);
        EXPECT_TRUE(seen.insert(symbol).second) << v;
    }
}

TEST(BarPatterns, Ean13Has95ModulesAndOddParityOnTheLeft) {
    auto p = bar_pattern(Symbology::Ean13, "8991234567891");
    ASSERT_TRUE(p.has_value());
    int total = 0;
    for (uint8_t r : p->runs) total += r;
    EXPECT_EQ(total, 95);
    EXPECT_EQ(p->text, "8991234567891");
    EXPECT_EQ(bar_pattern(Symbology::Ean13, "899123456789")->text, "8991234567891");
    EXPECT_FALSE(bar_pattern(Symbology::Ean13, "89912345").has_value());
}

TEST(BarPatterns, Code39HasThreeWideElementsPerCharacter) {
    auto p = bar_pattern(Symbology::Code39, "AZ-9");
    ASSERT_TRUE(p.has_value());
    EXPECT_TRUE(p->two_widths);
    // *AZ-9*: 6 characters of 9 elements and 5 gaps.
    ASSERT_EQ(p->runs.size(), 6u * 9 + 5);
    for (int c = 0; c < 6; ++c) {
        int wide = 0;
        for (int e = 0; e < 9; ++e) wide += p->runs[c * 10 + e] == 2;
        EXPECT_EQ(wide, 3) << c;
    }
}

TEST(BarPatterns, Code128SetCShowsTheDigitPairs) {
    auto p = bar_pattern(Symbology::Code128, "{C" + b({21, 32, 43}));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->text, "213243");
}

// [SECTION] Robustness

TEST(VirtualPrinter, SurvivesRandomBytesAndKeepsPrintingAfterThem) {
    std::mt19937 rng(20261122);  // fixed seed: the same streams every run
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 200; ++round) {
        std::string junk;
        for (int i = 0; i < 2000; ++i) {
            // Lean towards command bytes so that many commands get started.
            int v = byte(rng);
            junk.push_back(static_cast<char>(v < 24 ? (v % 3 == 0 ? 0x1B : v % 3 == 1 ? 0x1D : 0x1C) : v));
        }
        Rendering r = render(junk);
        EXPECT_GT(r.picture.height, 0);
    }
}

TEST(VirtualPrinter, TextAfterAnUnterminatedFunctionABarcodeStillPrints) {
    // GS k 4 (CODE39, NUL-terminated) whose NUL never comes within the 255 bytes it may take.
    Rendering r = render(b({0x1D, 'k', 4}) + std::string(300, 'A') + "\nOK\n");
    EXPECT_NE(r.text.find("OK\n"), std::string::npos);
}
