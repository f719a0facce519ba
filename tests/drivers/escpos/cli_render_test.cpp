// `waserda escpos render` as a real process on real files.
#include "drivers/escpos/image.hpp"
#include "drivers/receipt/receipt.hpp"
#include "tests/drivers/escpos/sample_sale.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace waserda::drivers;
using namespace waserda::test_support;

namespace {

RunResult waserda_cli(std::vector<std::string> args) {
    std::vector<std::string> argv{std::string(WASERDA_BINARY_DIR) + "/bin/waserda"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
}

std::string write_receipt(const TempDir& tmp, const PrinterProfile& p) {
    auto bytes = receipt_bytes(waserda::drivers::testing::sample_sale(), waserda::drivers::testing::sample_settings(), p);
    std::string path = tmp.file("struk.bin");
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                static_cast<std::streamsize>(bytes.size()));
    return path;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int lines_of(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST(EscposRenderCommand, PrintsTheTextToStdout) {
    TempDir tmp;
    std::string file = write_receipt(tmp, generic_profile(80));
    auto r = waserda_cli({"escpos", "render", file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("TOTAL            222.000\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[CODE128 T01-20261122-0007]"), std::string::npos);
}

TEST(EscposRenderCommand, WritesTextAndPngFilesAtTheGivenWidth) {
    TempDir tmp;
    std::string file = write_receipt(tmp, generic_profile(58));
    auto r = waserda_cli({"escpos", "render", file, "--width", "384", "--png", tmp.file("struk.png"), "--text",
                          tmp.file("struk.txt")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(slurp(tmp.file("struk.txt")).find("TOTAL    222.000\n"), std::string::npos);
    auto png = load_gray_image(tmp.file("struk.png"));
    ASSERT_TRUE(png.ok());
    EXPECT_EQ(png->width, 384);
    EXPECT_GT(png->height, 900);
}

TEST(EscposRenderCommand, RefusesAWidthThatIsNoPaper) {
    TempDir tmp;
    auto r = waserda_cli({"escpos", "render", write_receipt(tmp, generic_profile(58)), "--width", "500"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(lines_of(r.err), 1) << r.err;
    EXPECT_NE(r.err.find("500"), std::string::npos);
}

TEST(EscposRenderCommand, SaysWhichFileCannotBeRead) {
    TempDir tmp;
    auto r = waserda_cli({"escpos", "render", tmp.file("tidak-ada.bin")});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(lines_of(r.err), 1) << r.err;
    EXPECT_NE(r.err.find("tidak-ada.bin"), std::string::npos);
    std::ofstream(tmp.file("kosong.bin")).close();
    r = waserda_cli({"escpos", "render", tmp.file("kosong.bin")});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(lines_of(r.err), 1) << r.err;
}

TEST(EscposRenderCommand, SaysWhenThePngCannotBeWritten) {
    TempDir tmp;
    auto r = waserda_cli({"escpos", "render", write_receipt(tmp, generic_profile(58)), "--png",
                          tmp.file("tidak/ada/struk.png")});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(lines_of(r.err), 1) << r.err;
}

TEST(EscposRenderCommand, ReadsOtherSoftwaresReceipts) {
    auto corpus = std::filesystem::path(WASERDA_SOURCE_DIR) / ".." / "shared" / "conformance" / "escpos-php";
    if (!std::filesystem::exists(corpus)) GTEST_SKIP() << "no conformance corpus";
    auto r = waserda_cli({"escpos", "render", (corpus / "receipt-with-logo.bin").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Thank you for shopping at ExampleMart"), std::string::npos);
    EXPECT_NE(r.out.find("[IMAGE 300x236]"), std::string::npos);
}
