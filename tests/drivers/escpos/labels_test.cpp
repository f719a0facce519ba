// Shelf labels on the receipt printer, byte for byte on 58 and 80 mm, and through the virtual
// printer to text and PNG (WASERDA_SCREENSHOT_DIR keeps labels-58mm.png and labels-80mm.png).
#include "drivers/receipt/labels.hpp"
#include "drivers/virtual/virtual_printer.hpp"
#include "tests/drivers/escpos/test_bytes.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>

using namespace waserda;
using namespace waserda::drivers;
using namespace waserda::drivers::testing;

namespace {

const std::string INIT = b({0x1B, '@', 0x1B, 't', 0});
const std::string CENTER = b({0x1B, 'a', 1}), LEFT = b({0x1B, 'a', 0});
const std::string BOLD_ON = b({0x1B, 'E', 1}), BOLD_OFF = b({0x1B, 'E', 0});
const std::string SIZE_1 = b({0x1D, '!', 0x00}), SIZE_2 = b({0x1D, '!', 0x11}), SIZE_3 = b({0x1D, '!', 0x22});
const std::string FONT_A = b({0x1B, 'M', 0}), FONT_B = b({0x1B, 'M', 1});
const std::string FEED_4 = b({0x1B, 'd', 4}), CUT = b({0x1D, 'V', 0});

std::string dashes(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s.push_back(i % 2 ? ' ' : '-');
    return s;
}

// GS H 2 (text below), GS h 80 (10 mm), GS w module, GS k m n data.
std::string barcode(int m, const std::string& payload, int module = 3) {
    return b({0x1D, 'H', 2, 0x1D, 'h', 80, 0x1D, 'w', module, 0x1D, 'k', m, int(payload.size())}) + payload;
}

core::ShelfLabel sugar() {
    core::ShelfLabel l;
    l.sku = "GLA-01";
    l.name = "Gula Pasir 1 kg";
    l.unit = "pcs";
    l.price = core::Money::rp(17500);
    l.member_price = core::Money::rp(16800);
    l.barcode = "8991001000033";
    return l;
}

core::ShelfLabel eggs() {   // weighed: prices per kg, no barcode of its own (the SKU is coded)
    core::ShelfLabel l;
    l.sku = "2000012";
    l.name = "Telur Ayam Negeri Kampung Super Pilihan";
    l.unit = "kg";
    l.price = core::Money::rp(28000);
    l.member_price = core::Money::rp(28000);
    l.barcode = "2000012";
    l.effective_date = "2026-12-01";
    return l;
}

}  // namespace

TEST(ShelfLabels, Prints58mmLabelSheetByteForByte) {
    auto bytes = shelf_label_bytes({sugar()}, generic_profile(58));
    std::string want = INIT + CENTER + BOLD_ON + ln("Gula Pasir 1 kg") + BOLD_OFF +
                       SIZE_3 + BOLD_ON + ln("Rp 17.500") + BOLD_OFF + SIZE_1 +
                       ln("Harga anggota Rp 16.800") +
                       barcode(67, "8991001000033") + ln("") +
                       FONT_B + ln("GLA-01") + FONT_A + LEFT +
                       ln(dashes(32)) +
                       FEED_4;   // the generic 58 mm printer has no cutter: feed only
    EXPECT_EQ(str(bytes), want) << show(str(bytes));
}

TEST(ShelfLabels, Prints80mmWeighedLabelWithCode128AndDateByteForByte) {
    auto bytes = shelf_label_bytes({eggs()}, generic_profile(80));
    // The name fits 48 columns; the member price equals the price, so it is left out.
    std::string want = INIT + CENTER + BOLD_ON + ln("Telur Ayam Negeri Kampung Super Pilihan") + BOLD_OFF +
                       SIZE_3 + BOLD_ON + ln("Rp 28.000/kg") + BOLD_OFF + SIZE_1 +
                       barcode(73, code128_payload("2000012")) + ln("") +
                       FONT_B + ln("2000012  berlaku 2026-12-01") + FONT_A + LEFT +
                       ln(dashes(48)) +
                       FEED_4 + CUT;
    EXPECT_EQ(str(bytes), want) << show(str(bytes));
}

TEST(ShelfLabels, WrapsLongNamesAtWordsOn58mm) {
    auto bytes = str(shelf_label_bytes({eggs()}, generic_profile(58)));
    EXPECT_NE(bytes.find(ln("Telur Ayam Negeri Kampung Super")), std::string::npos) << show(bytes);
    EXPECT_NE(bytes.find(ln("Pilihan")), std::string::npos);
    // "Rp 28.000/kg" at triple size is 36 columns: double size on 32 columns.
    EXPECT_NE(bytes.find(SIZE_2 + BOLD_ON + ln("Rp 28.000/kg")), std::string::npos) << show(bytes);
}

TEST(ShelfLabels, BarcodesAreAsWideAsThePaperAllows) {
    BarcodeType type = BarcodeType::Code128;
    EXPECT_EQ(label_module_width("8991001000033", 384, type), 3) << "EAN-13 with quiet zones: 339 dots";
    EXPECT_EQ(type, BarcodeType::Ean13);
    EXPECT_EQ(label_module_width("8991001000033", 576, type), 3);
    EXPECT_EQ(label_module_width("BRS-PREM", 384, type), 2) << "143 modules: 429 dots at 3, 286 at 2";
    EXPECT_EQ(type, BarcodeType::Code128);
    EXPECT_EQ(label_module_width("BRS-PREM", 576, type), 3);
    EXPECT_EQ(label_module_width("BERAS-PREMIUM-LOKAL-5KG", 384, type), 0);
    EXPECT_EQ(label_module_width("", 576, type), 0);
    core::ShelfLabel l = sugar();
    l.barcode = "BRS-PREM";
    auto bytes = str(shelf_label_bytes({l}, generic_profile(58)));
    EXPECT_NE(bytes.find(barcode(73, code128_payload("BRS-PREM"), 2)), std::string::npos) << show(bytes);
}

TEST(ShelfLabels, ChoosesEan13ForProductCodesAndCode128OrTextForTheRest) {
    bool fits = false;
    EXPECT_EQ(label_barcode_type("8991001000033", 384, fits), BarcodeType::Ean13);
    EXPECT_TRUE(fits);
    EXPECT_EQ(label_barcode_type("8991001000034", 384, fits), BarcodeType::Code128) << "wrong check digit";
    EXPECT_TRUE(fits);
    EXPECT_EQ(label_barcode_type("BERAS-PREMIUM-LOKAL-5KG", 384, fits), BarcodeType::Code128);
    EXPECT_FALSE(fits) << "too wide for 58 mm with its quiet zones";
    // Then the label carries the code as text under the SKU.
    core::ShelfLabel l = sugar();
    l.sku = "BRS-05";
    l.barcode = "BERAS-PREMIUM-LOKAL-5KG";
    auto bytes = str(shelf_label_bytes({l}, generic_profile(58)));
    EXPECT_EQ(bytes.find(b({0x1D, 'k'})), std::string::npos);
    EXPECT_NE(bytes.find(ln("BRS-05  BERAS-PREMIUM-LOKAL-5KG")), std::string::npos) << show(bytes);
}

TEST(ShelfLabels, ReadBackThroughTheVirtualPrinter) {
    auto text = render_escpos(shelf_label_bytes({sugar(), eggs()}, generic_profile(80)), 576).text;
    EXPECT_NE(text.find("Gula Pasir 1 kg"), std::string::npos) << text;
    EXPECT_NE(text.find("[EAN13 8991001000033]"), std::string::npos) << text;
    EXPECT_NE(text.find("[CODE128 2000012]"), std::string::npos) << text;
    EXPECT_NE(text.find("Harga anggota Rp 16.800"), std::string::npos) << text;
    EXPECT_NE(text.find("[CUT]"), std::string::npos) << text;
}

// With WASERDA_SCREENSHOT_DIR set the pictures are kept (assets/screenshots/labels-*.png).
TEST(ShelfLabels, RendersBothWidthsToPng) {
    const char* keep = std::getenv("WASERDA_SCREENSHOT_DIR");
    auto dir = keep ? std::filesystem::path(keep)
                    : std::filesystem::temp_directory_path() / ("escpos-labels-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    core::ShelfLabel rice{"BRS-05", "Beras Premium 5 kg", "pcs", core::Money::rp(75000), core::Money::rp(72000),
                          "8991001000019", ""};
    for (auto [paper, name] : {std::pair{58, "labels-58mm.png"}, std::pair{80, "labels-80mm.png"}}) {
        PrinterProfile profile = generic_profile(paper);
        VirtualPrinter vp({profile.dots, ""});
        vp.feed(shelf_label_bytes({sugar(), rice, eggs()}, profile));
        vp.finish();
        const auto path = dir / name;
        ASSERT_TRUE(vp.write_png(path.string()).ok());
        auto back = load_gray_image(path.string());
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back->width, profile.dots);
        EXPECT_GT(back->height, 500);
    }
    if (!keep) std::filesystem::remove_all(dir);
}
