// Byte-exact tests of every command the encoder emits.
#include "drivers/escpos/encoder.hpp"
#include "tests/drivers/escpos/test_bytes.hpp"

#include <gtest/gtest.h>

using namespace waserda::drivers;
using namespace waserda::drivers::testing;

namespace {

PrinterProfile generic58() { return generic_profile(58); }

PrinterProfile epson() {
    const PrinterProfile* p = PrinterProfiles::installed().find("epson-tm-t20");
    EXPECT_NE(p, nullptr);
    return p ? *p : generic_profile(80);
}

PrinterProfile with_buzzer() {
    const PrinterProfile* p = PrinterProfiles::installed().find("rongta-rp80");
    EXPECT_NE(p, nullptr);
    return p ? *p : generic_profile(80);
}

template <typename F>
std::string emit(const PrinterProfile& p, F f) {
    EscposEncoder enc(p);
    f(enc);
    return str(enc.bytes());
}

}  // namespace

// [SECTION] Initialise, text and code pages

TEST(EscposEncoder, InitialisesAndSelectsTheProfilesCodePage) {
    EXPECT_EQ(show(emit(generic58(), [](auto& e) { e.initialize(); })), show(b({0x1B, '@', 0x1B, 't', 0})));
    EXPECT_EQ(show(emit(epson(), [](auto& e) { e.initialize(); })), show(b({0x1B, '@', 0x1B, 't', 16})));
}

TEST(EscposEncoder, EncodesTextToCp437AndTransliteratesTheRest) {
    // é is in CP437 (0x82); curly quotes, ő and € are not.
    std::string out = emit(generic58(), [](auto& e) { e.text("Caf\u00e9 \u201cRp\u201d \u0151 \u20ac5"); });
    EXPECT_EQ(show(out), show("Caf" + b({0x82}) + " \"Rp\" o EUR5"));
}

TEST(EscposEncoder, EncodesTextToWpc1252WhereCurlyQuotesExist) {
    std::string out = emit(epson(), [](auto& e) { e.text("\u201cKopi\u201d \u00e9 \u20ac \u2026"); });
    EXPECT_EQ(show(out), show(b({0x93}) + "Kopi" + b({0x94}) + " " + b({0xE9}) + " " + b({0x80}) + " " + b({0x85})));
}

TEST(EscposEncoder, ReplacesWhatNoTableCanShowWithAQuestionMark) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.text("\u4e2d!"); }), "?!");
}

TEST(EscposEncoder, DropsControlBytesThatWouldStartACommand) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.text("a\x1b@b\tc"); }), "a@bc");
}

TEST(EscposEncoder, LineEndsWithLineFeed) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.line("Rp 12.500"); }), "Rp 12.500\n");
}

TEST(EscposEncoder, SelectsAnotherCodePageOnlyWhenTheProfileKnowsIt) {
    EscposEncoder enc(epson());
    EXPECT_TRUE(enc.code_page("CP858"));
    EXPECT_FALSE(enc.code_page("KZ1048"));
    enc.text("\u20ac");  // the euro sign is 0xD5 in CP858
    EXPECT_EQ(show(str(enc.bytes())), show(b({0x1B, 't', 19, 0xD5})));
}

// [SECTION] Styles

TEST(EscposEncoder, EmitsBold) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.bold(true).bold(false); }), b({0x1B, 'E', 1, 0x1B, 'E', 0}));
}

TEST(EscposEncoder, EmitsUnderlineOfOneAndTwoDots) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.underline(1).underline(2).underline(0).underline(7); }),
              b({0x1B, '-', 1, 0x1B, '-', 2, 0x1B, '-', 0, 0x1B, '-', 2}));
}

TEST(EscposEncoder, EmitsCharacterSizeAsWidthAndHeightNibbles) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.double_width(true).double_height(true).size(1, 1).size(9, 9); }),
              b({0x1D, '!', 0x10, 0x1D, '!', 0x11, 0x1D, '!', 0x00, 0x1D, '!', 0x77}));
}

TEST(EscposEncoder, EmitsInvert) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.invert(true).invert(false); }), b({0x1D, 'B', 1, 0x1D, 'B', 0}));
}

TEST(EscposEncoder, EmitsAlignment) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.align(Align::Left).align(Align::Center).align(Align::Right); }),
              b({0x1B, 'a', 0, 0x1B, 'a', 1, 0x1B, 'a', 2}));
}

TEST(EscposEncoder, EmitsFontSelection) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.font(Font::B).font(Font::A); }), b({0x1B, 'M', 1, 0x1B, 'M', 0}));
}

TEST(EscposEncoder, FeedsOneLineWithLfAndMoreWithEscD) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.feed(0).feed(1).feed(3); }), b({0x0A, 0x1B, 'd', 3}));
}

// [SECTION] Columns

TEST(EscposEncoder, TwoColumnsFillTheLineOfTheProfile) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.two_columns("Nasi goreng", "12.500"); }),
              row("Nasi goreng", 15, "12.500"));
    EXPECT_EQ(emit(epson(), [](auto& e) { e.two_columns("Nasi goreng", "12.500"); }),
              row("Nasi goreng", 31, "12.500"));
}

TEST(EscposEncoder, TwoColumnsWithDotsKeepASpaceEachSide) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.two_columns("Nasi goreng", "12.500", '.'); }),
              "Nasi goreng " + std::string(13, '.') + " 12.500\n");
}

TEST(EscposEncoder, TwoColumnsWrapALongLeftPartAtWordsKeepingItsIndent) {
    std::string out = emit(generic58(), [](auto& e) {
        e.two_columns("  Kopi Kapal Api Special Mix isi sepuluh sachet", "13.900");
    });
    EXPECT_EQ(out, ln("  Kopi Kapal Api Special Mix isi") + row("  sepuluh sachet", 10, "13.900"));
}

TEST(EscposEncoder, TwoColumnsPutTheRightPartOnItsOwnLineWhenTheLastLineIsFull) {
    std::string out = emit(generic58(), [](auto& e) { e.two_columns("Kopi Kapal Api Special Mix 10sa", "13.900"); });
    EXPECT_EQ(out, ln("Kopi Kapal Api Special Mix 10sa") + row("", 26, "13.900"));
}

TEST(EscposEncoder, TwoColumnsCountColumnsOfTheCurrentFontAndWidth) {
    EscposEncoder enc(generic58());
    enc.size(2, 2);
    EXPECT_EQ(enc.columns(), 16);
    enc.two_columns("TOTAL", "222.000");
    EXPECT_EQ(str(enc.bytes()), b({0x1D, '!', 0x11}) + row("TOTAL", 4, "222.000"));
    enc.size(1, 1).font(Font::B);
    EXPECT_EQ(enc.columns(), 42);
}

TEST(EscposEncoder, RuleFillsOneLine) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.rule('='); }), std::string(32, '=') + "\n");
}

// [SECTION] Barcodes

TEST(EscposEncoder, EmitsEan13WithHriBelow) {
    EscposEncoder enc(generic58());
    ASSERT_TRUE(enc.barcode(BarcodeType::Ean13, "8991234567891").ok());
    EXPECT_EQ(show(str(enc.bytes())),
              show(b({0x1D, 'H', 2, 0x1D, 'h', 80, 0x1D, 'w', 2, 0x1D, 'k', 67, 13}) + "8991234567891"));
}

TEST(EscposEncoder, RefusesEan13WithAWrongCheckDigit) {
    EscposEncoder enc(generic58());
    auto st = enc.barcode(BarcodeType::Ean13, "8991234567890");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().code, waserda::core::ErrorCode::Invalid);
    EXPECT_TRUE(enc.bytes().empty());
}

TEST(EscposEncoder, EmitsEan8UpcAWithoutCheckDigitAndHeightWidthHriSettings) {
    EscposEncoder enc(generic58());
    ASSERT_TRUE(enc.barcode(BarcodeType::Ean8, "9638507", {162, 3, HriPosition::None}).ok());
    ASSERT_TRUE(enc.barcode(BarcodeType::UpcA, "03600029145", {50, 6, HriPosition::Both}).ok());
    EXPECT_EQ(show(str(enc.bytes())),
              show(b({0x1D, 'H', 0, 0x1D, 'h', 162, 0x1D, 'w', 3, 0x1D, 'k', 68, 7}) + "9638507" +
                   b({0x1D, 'H', 3, 0x1D, 'h', 50, 0x1D, 'w', 6, 0x1D, 'k', 65, 11}) + "03600029145"));
}

TEST(EscposEncoder, EmitsCode39InUpperCase) {
    EscposEncoder enc(generic58());
    ASSERT_TRUE(enc.barcode(BarcodeType::Code39, "waserda-01", {80, 2, HriPosition::Above}).ok());
    EXPECT_EQ(show(str(enc.bytes())),
              show(b({0x1D, 'H', 1, 0x1D, 'h', 80, 0x1D, 'w', 2, 0x1D, 'k', 69, 10}) + "WASERDA-01"));
    EXPECT_FALSE(enc.barcode(BarcodeType::Code39, "a_b").ok());
}

TEST(EscposEncoder, EmitsItfOnlyForAnEvenNumberOfDigits) {
    EscposEncoder enc(generic58());
    ASSERT_TRUE(enc.barcode(BarcodeType::Itf, "12345678").ok());
    EXPECT_EQ(show(str(enc.bytes())),
              show(b({0x1D, 'H', 2, 0x1D, 'h', 80, 0x1D, 'w', 2, 0x1D, 'k', 70, 8}) + "12345678"));
    EXPECT_FALSE(enc.barcode(BarcodeType::Itf, "123").ok());
}

TEST(EscposEncoder, EmitsCode128WithCodeSetBAndSetCForDigitRuns) {
    EscposEncoder enc(generic58());
    ASSERT_TRUE(enc.barcode(BarcodeType::Code128, "T01-20261122-0007").ok());
    EXPECT_EQ(show(str(enc.bytes())),
              show(b({0x1D, 'H', 2, 0x1D, 'h', 80, 0x1D, 'w', 2, 0x1D, 'k', 73, 19}) + "{BT01-{C" +
                   b({20, 26, 11, 22}) + "{B-{C" + b({0, 7})));
}

TEST(EscposEncoder, EmitsCode128TextInSetBWithBracesDoubled) {
    EXPECT_EQ(code128_payload("A{B"), "{BA{{B");
    EXPECT_EQ(code128_payload("12345"), "{B1{C" + b({23, 45}));
    EXPECT_EQ(code128_modules("{BABC"), (1 + 3 + 1) * 11 + 13);
}

TEST(EscposEncoder, ComputesEanCheckDigits) {
    EXPECT_EQ(ean_check_digit("899123456789"), 1);
    EXPECT_EQ(ean_check_digit("9638507"), 4);
    EXPECT_EQ(ean_check_digit("03600029145"), 2);
}

// [SECTION] QR codes and images

TEST(EscposEncoder, EmitsQrCodeModelSizeLevelStoreAndPrint) {
    EscposEncoder enc(epson());
    ASSERT_TRUE(enc.qr("ABC", {4, QrLevel::M}).ok());
    EXPECT_EQ(show(str(enc.bytes())),
              show(b({0x1D, '(', 'k', 4, 0, '1', 'A', '2', 0,          // model 2
                      0x1D, '(', 'k', 3, 0, '1', 'C', 4,               // module size
                      0x1D, '(', 'k', 3, 0, '1', 'E', '1',             // level M
                      0x1D, '(', 'k', 6, 0, '1', 'P', '0', 'A', 'B', 'C',  // store
                      0x1D, '(', 'k', 3, 0, '1', 'Q', '0'})));          // print
}

TEST(EscposEncoder, SendsQrAsARasterImageWhenThePrinterHasNoQr) {
    EscposEncoder enc(generic58());
    ASSERT_TRUE(enc.qr("T01-20261122-0007", {4, QrLevel::M}).ok());
    const auto& out = enc.bytes();
    ASSERT_GT(out.size(), 8u);
    // Version 2 (25 modules) at 4 dots: 100 dots, 13 bytes a row.
    EXPECT_EQ(show(std::string(out.begin(), out.begin() + 8)), show(b({0x1D, 'v', '0', 0, 13, 0, 100, 0})));
    EXPECT_EQ(out.size(), 8u + 13 * 100);
}

TEST(EscposEncoder, RefusesEmptyQrData) {
    EscposEncoder enc(epson());
    EXPECT_FALSE(enc.qr("").ok());
    EXPECT_TRUE(enc.bytes().empty());
}

TEST(EscposEncoder, EmitsRasterImageRowsMsbFirst) {
    Bitmap bmp(16, 2);
    bmp.set(0, 0);
    bmp.set(15, 0);
    bmp.set(8, 1);
    EXPECT_EQ(show(emit(generic58(), [&](auto& e) { e.image(bmp); })),
              show(b({0x1D, 'v', '0', 0, 2, 0, 2, 0, 0x80, 0x01, 0x00, 0x80})));
}

TEST(EscposEncoder, LeavesImagesOutWhenThePrinterHasNoGraphics) {
    PrinterProfile p = generic58();
    p.graphics = false;
    EXPECT_TRUE(emit(p, [](auto& e) { e.image(Bitmap(8, 8)); }).empty());
}

// [SECTION] Cut, drawer, buzzer

TEST(EscposEncoder, FeedsThenCutsFullOrPartial) {
    EXPECT_EQ(emit(epson(), [](auto& e) { e.cut(CutKind::Full); }), b({0x1B, 'd', 4, 0x1D, 'V', 0}));
    EXPECT_EQ(emit(epson(), [](auto& e) { e.cut(CutKind::Partial); }), b({0x1B, 'd', 4, 0x1D, 'V', 1}));
}

TEST(EscposEncoder, CutsFullWherePartialIsUnknownAndOnlyFeedsWithoutACutter) {
    EXPECT_EQ(emit(generic_profile(80), [](auto& e) { e.cut(CutKind::Partial); }), b({0x1B, 'd', 4, 0x1D, 'V', 0}));
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.cut(); }), b({0x1B, 'd', 4}));
}

TEST(EscposEncoder, PulsesTheDrawerOnEitherPin) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.pulse_drawer(); }), b({0x1B, 'p', 0, 25, 250}));
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.pulse_drawer(1, 100, 200); }), b({0x1B, 'p', 1, 50, 100}));
    PrinterProfile no_drawer = generic58();
    no_drawer.drawer = false;
    EXPECT_TRUE(emit(no_drawer, [](auto& e) { e.pulse_drawer(); }).empty());
}

TEST(EscposEncoder, BeepsOnlyWhereTheProfileHasABuzzer) {
    EXPECT_EQ(emit(with_buzzer(), [](auto& e) { e.beep(2, 3); }), b({0x1B, 'B', 2, 3}));
    EXPECT_TRUE(emit(epson(), [](auto& e) { e.beep(2, 3); }).empty());
}

TEST(EscposEncoder, PassesRawBytesThrough) {
    EXPECT_EQ(emit(generic58(), [](auto& e) { e.raw({0x10, 0x04, 0x01}); }), b({0x10, 0x04, 0x01}));
}
