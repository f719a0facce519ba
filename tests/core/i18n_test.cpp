// Translator: <lang>.json merged with <lang>/*.json; missing entries fall back to Indonesian.
#include "pos/core/i18n.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;

struct TempI18n {
    fs::path dir = fs::temp_directory_path() / ("waserda-i18n-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                                "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    TempI18n() { fs::create_directories(dir / "en"); }
    ~TempI18n() {
        std::error_code ec;
        fs::remove_all(dir, ec);
        waserda::core::translator().load("", "id");
    }
    void write(const fs::path& rel, const std::string& text) const { std::ofstream(dir / rel) << text; }
};

}  // namespace

TEST(Translator, MergesTheMainFileWithItsParts) {
    TempI18n t;
    t.write("en.json", R"({"Bayar": "Pay", "Batal": "Cancel"})");
    t.write("en/laporan.json", R"({"Laporan": "Reports", "Batal": "Cancel it"})");
    t.write("en/rusak.json", "{ not json");
    t.write("en/catatan.txt", R"({"Simpan": "Save"})");
    auto& tr = waserda::core::translator();
    ASSERT_TRUE(tr.load(t.dir.string(), "en"));
    EXPECT_EQ(waserda::core::tr("Bayar"), "Pay");
    EXPECT_EQ(waserda::core::tr("Laporan"), "Reports");
    EXPECT_EQ(waserda::core::tr("Batal"), "Cancel it");       // a part overrides the main file
    EXPECT_EQ(waserda::core::tr("Simpan"), "Simpan");         // only .json files are read
    EXPECT_EQ(waserda::core::tr("Tidak ada {}", 3), "Tidak ada 3");
}

TEST(Translator, PartsAloneAreEnoughAndNothingAtAllFails) {
    TempI18n t;
    t.write("en/a.json", R"({"Bayar": "Pay"})");
    auto& tr = waserda::core::translator();
    ASSERT_TRUE(tr.load(t.dir.string(), "en"));
    EXPECT_EQ(waserda::core::tr("Bayar"), "Pay");
    EXPECT_FALSE(tr.load((t.dir / "nowhere").string(), "en"));
    EXPECT_TRUE(tr.load("", "id"));
    EXPECT_EQ(waserda::core::tr("Bayar"), "Bayar");
}
