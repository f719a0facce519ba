// The virtual printer on ESC/POS written by other software: the escpos-php corpus beside the repo
// (/work/shared/conformance/escpos-php, see its README.md). Each file's text must hold the words and
// code markers the README lists, and each must render to a PNG.
#include "drivers/escpos/image.hpp"
#include "drivers/virtual/virtual_printer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <vector>

using namespace waserda::drivers;
namespace fs = std::filesystem;

namespace {

fs::path corpus() { return fs::path(WASERDA_SOURCE_DIR) / ".." / "shared" / "conformance" / "escpos-php"; }

std::vector<uint8_t> read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs of spaces and line ends collapse to one space: columns are padding, not words.
std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        bool space = c == ' ' || c == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out.push_back(space ? ' ' : c);
    }
    return out;
}

const std::map<std::string, std::vector<std::string>>& expected() {
    static const std::map<std::string, std::vector<std::string>> m = {
        {"receipt-with-logo.bin",
         {"[IMAGE 300x236]", "ExampleMart Ltd.", "SALES INVOICE", "Example item #1 4.00", "Another thing 3.50",
          "A final item 4.45", "Subtotal 12.95", "A local tax 1.30", "Total $ 14.25",
          "Thank you for shopping at ExampleMart", "Monday 6th of April 2015 02:56:25 PM", "[CUT]", "[DRAWER]"}},
        {"demo.bin",
         {"Hello world", "ABCDEFGHIJabcdefghijk", "[PARTIAL CUT]", "[CUT]", "A man a plan a canal panama",
          "[CODE39 9876]", "[IMAGE 300x236]", "[QR Testing 123]", "[DRAWER]"}},
        {"barcode.bin",
         {"[CODE39 ABC]", "[EAN13 0123456789012]", "[UPCA 012345678901]", "[UPCA 012345678905]",
          "[UPCE 01234565]", "[UPCE 01234567]", "[EAN8 01234565]", "[EAN8 01234567]", "[CODE39 ABC 012]",
          "[CODE39 $%+-./]", "[CODE39 TEXT]", "[ITF 0123456789]", "[CODABAR A012345A]", "[CODABAR A012$+-./:A]",
          "[CODE93 012abcd]", "[CODE128 012ABCD]", "[CODE128 012ABCDabcd]", "[CODE128 213243]"}},
        {"qr-code.bin",
         {"QR code demo", "[QR Testing 123]", "Most simple example", "[QR 0123456789012345678901234567890123456789]",
          "[QR abcdefghijklmnopqrstuvwxyzabcdefghijklmn]", "Error correction H", "Pixel size 16 (maximum)"}},
        {"pdf417-code.bin", {"PDF417 code demo", "[PDF417 Testing 123]", "Most simple example"}},
        {"bit-image.bin",
         {"[IMAGE 128x148]", "Regular Tux (bit image).", "[IMAGE 256x296]",
          "Large Tux in correct proportion (bit image)."}},
        {"graphics.bin", {"[IMAGE 125x148]", "Regular Tux.", "[IMAGE 250x296]", "Large Tux in correct proportion."}},
        {"text-size.bin",
         {"Change height & width", "12345678", "Very narrow text:", "The quick brown fox jumps over the lazy dog.",
          "Hello world!", "[CUT]"}},
        {"margins-and-spacing.bin", {"Left margin", "left margin 128", "Page width", "page width 512"}},
        {"character-encodings.bin",
         {"Quizdeltagerne spiste jordb\u00e6r med fl\u00f8de", "Falsches \u00dcben von Xylophonmusik qu\u00e4lt",
          "\u039e\u03b5\u03c3\u03ba\u03b5\u03c0\u03ac\u03b6\u03c9 \u03c4\u03b7\u03bd",
          "El ping\u00fcino Wenceslao hizo kil\u00f3metros",
          "Le c\u0153ur d\u00e9\u00e7u mais l'\u00e2me plut\u00f4t na\u00efve",
          "\u00c1rv\u00edzt\u0171r\u0151 t\u00fck\u00f6rf\u00far\u00f3g\u00e9p.",
          "Pchn\u0105\u0107 w t\u0119 \u0142\u00f3d\u017a je\u017ca lub o\u015bm skrzy\u0144 fig.",
          "\u0412 \u0447\u0430\u0449\u0430\u0445 \u044e\u0433\u0430 \u0436\u0438\u043b \u0431\u044b",
          "Pijamal\u0131 hasta, ya\u011f\u0131z \u015fof\u00f6re \u00e7abucak g\u00fcvendi.",
          "\uff72\uff9b\uff8a\uff86\uff8e\uff8d\uff84"}},
        {"character-tables.bin",
         {"Table 0: CP437", "\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7", "Table 2: CP850",
          "Table 16: CP1252", "Table 17: CP866", "Table 21: CP874"}},
        {"unifont-print-buffer.bin", {"[CUT]"}},
    };
    return m;
}

}  // namespace

TEST(EscposConformance, EveryCorpusFileRendersTextAndAPicture) {
    if (!fs::exists(corpus())) GTEST_SKIP() << "no conformance corpus at " << corpus();
    auto out_dir = fs::temp_directory_path() / ("escpos-conf-" + std::to_string(std::random_device{}()));
    fs::create_directories(out_dir);
    int files = 0;
    for (const auto& entry : fs::directory_iterator(corpus())) {
        if (entry.path().extension() != ".bin") continue;
        ++files;
        const std::string name = entry.path().filename().string();
        SCOPED_TRACE(name);
        VirtualPrinter vp({576, ""});
        vp.feed(read(entry.path()));
        vp.finish();
        const std::string text = squeeze(vp.text());
        EXPECT_FALSE(vp.lines().empty());
        auto it = expected().find(name);
        ASSERT_NE(it, expected().end()) << "a corpus file this test does not know";
        for (const auto& want : it->second) EXPECT_NE(text.find(want), std::string::npos) << "missing: " << want;

        const fs::path png = out_dir / (entry.path().stem().string() + ".png");
        ASSERT_TRUE(vp.write_png(png.string()).ok());
        auto back = load_gray_image(png.string());
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back->width, 576);
        EXPECT_GT(back->height, 100);
        int ink = 0;
        for (uint8_t p : back->pixels) ink += p < 128;
        EXPECT_GT(ink, 500) << "a blank picture";
    }
    EXPECT_EQ(files, static_cast<int>(expected().size()));
    fs::remove_all(out_dir);
}

TEST(EscposConformance, ReceiptWithLogoPrintsTheLogoAboveTheShopName) {
    if (!fs::exists(corpus())) GTEST_SKIP() << "no conformance corpus at " << corpus();
    VirtualPrinter vp({576, ""});
    vp.feed(read(corpus() / "receipt-with-logo.bin"));
    vp.finish();
    ASSERT_GE(vp.lines().size(), 2u);
    EXPECT_EQ(vp.lines()[0], "[IMAGE 300x236]");
    EXPECT_NE(vp.lines()[1].find("ExampleMart Ltd."), std::string::npos);
    EXPECT_EQ(vp.cuts(), 1);
    EXPECT_EQ(vp.drawer_pulses(), 1);
    // The logo is centred: ink on both sides of the middle, none at the paper's edges.
    GrayImage pic = vp.picture();
    int left = 0, right = 0, edge = 0;
    for (int y = 0; y < 236; ++y)
        for (int x = 0; x < 576; ++x) {
            bool ink = pic.pixels[static_cast<size_t>(y + 8) * 576 + x] < 128;
            if (!ink) continue;
            if (x < 100 || x > 476) ++edge;
            else if (x < 288) ++left;
            else ++right;
        }
    EXPECT_EQ(edge, 0);
    EXPECT_GT(left, 1000);
    EXPECT_GT(right, 1000);
}

TEST(EscposConformance, QrCodesOfEachSizeAreDrawn) {
    if (!fs::exists(corpus())) GTEST_SKIP() << "no conformance corpus at " << corpus();
    VirtualPrinter vp({576, ""});
    vp.feed(read(corpus() / "qr-code.bin"));
    vp.finish();
    int qr = 0;
    for (const auto& l : vp.lines()) qr += l.rfind("[QR ", 0) == 0;
    EXPECT_GE(qr, 15);
}
