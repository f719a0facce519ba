#include "drivers/escpos/code_pages.hpp"
#include "drivers/escpos/profile.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace waserda::drivers;

namespace {
std::string assets() { return std::string(WASERDA_SOURCE_DIR) + "/assets/printers"; }
}

TEST(PrinterProfiles, LoadsEveryProfileInAssets) {
    auto loaded = PrinterProfiles::load(assets());
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    for (const char* id : {"epson-tm-t20", "epson-tm-t20ii", "xprinter-xp58", "xprinter-xp80", "zjiang-zj5890",
                           "rongta-rp80", "generic-58", "generic-80"})
        EXPECT_NE(loaded->find(id), nullptr) << id;
}

TEST(PrinterProfiles, EveryProfileFitsItsPaperAndKnowsItsCodePage) {
    auto loaded = PrinterProfiles::load(assets());
    ASSERT_TRUE(loaded.ok());
    for (const auto& p : loaded->all()) {
        SCOPED_TRACE(p.id);
        EXPECT_TRUE(p.dots == 384 || p.dots == 576);
        EXPECT_LE(p.columns_a * 12, p.dots);
        EXPECT_LE(p.columns_b * 9, p.dots);
        EXPECT_EQ(p.columns_a, p.dots / 12);
        ASSERT_TRUE(p.code_pages.count(p.code_page));
        EXPECT_NE(find_code_page(p.code_page), nullptr);
        EXPECT_GT(p.cut_feed_lines, 0);
    }
}

TEST(PrinterProfiles, FindsModelsByUsbId) {
    auto loaded = PrinterProfiles::load(assets());
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->profile_for(0x04b8, 0x0e03).id, "epson-tm-t20");
    EXPECT_EQ(loaded->profile_for(0x04b8, 0x0e15).id, "epson-tm-t20ii");
    EXPECT_EQ(loaded->profile_for(0x0416, 0x5011).id, "generic-58");
    EXPECT_EQ(loaded->profile_for(0x1fc9, 0x2016).id, "generic-58");
}

TEST(PrinterProfiles, UnknownPrinterGetsTheSafeGenericProfile) {
    const PrinterProfile& p = profile_for(0x1234, 0x5678);
    EXPECT_EQ(p.id, "generic-58");
    EXPECT_EQ(p.dots, 384);
    EXPECT_EQ(p.columns_a, 32);
    EXPECT_FALSE(p.qr);          // QR goes out as a raster image
    EXPECT_TRUE(p.graphics);
    EXPECT_EQ(p.code_page, "CP437");
    EXPECT_EQ(p.code_page_number(), 0);
}

TEST(PrinterProfiles, GenericProfilesExistWithoutAnyFile) {
    PrinterProfile p80 = generic_profile(80);
    EXPECT_EQ(p80.dots, 576);
    EXPECT_EQ(p80.columns_a, 48);
    EXPECT_EQ(p80.columns_b, 64);
    EXPECT_TRUE(p80.cut);
    PrinterProfile p58 = generic_profile(58);
    EXPECT_EQ(p58.columns_b, 42);
}

TEST(PrinterProfiles, ParsesAProfileAndKeepsDefaultsForMissingFields) {
    auto p = parse_profile(R"({"name": "Tes", "paper_mm": 80, "supports": {"qr": true},
                               "code_page": "WPC1252", "code_pages": {"CP437": 0, "WPC1252": 16},
                               "usb": ["0fe6:811e"]})", "tes");
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->id, "tes");
    EXPECT_EQ(p->dots, 576);
    EXPECT_TRUE(p->qr);
    EXPECT_EQ(p->code_page_number(), 16);
    ASSERT_EQ(p->usb.size(), 1u);
    EXPECT_EQ(p->usb[0], (UsbId{0x0fe6, 0x811e}));
}

TEST(PrinterProfiles, RefusesBrokenProfiles) {
    EXPECT_FALSE(parse_profile("{not json", "a").ok());
    EXPECT_FALSE(parse_profile(R"({"code_pages": {"CP999": 1}, "code_page": "CP999"})", "b").ok());
    EXPECT_FALSE(parse_profile(R"({"code_page": "WPC1252"})", "c").ok());  // not in its table list
    EXPECT_FALSE(parse_profile(R"({"usb": ["04b8"]})", "d").ok());
    EXPECT_FALSE(parse_profile(R"({"dots": -1})", "e").ok());
}

TEST(PrinterProfiles, LoadNamesTheFolderThatCannotBeRead) {
    auto r = PrinterProfiles::load("/nonexistent/printers");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("/nonexistent/printers"), std::string::npos);
}

TEST(CodePages, DecodeAndEncodeAreInverse) {
    for (const char* name : {"CP437", "CP850", "CP858", "WPC1252"}) {
        const CodePageTable* t = find_code_page(name);
        ASSERT_NE(t, nullptr) << name;
        for (int b = 0x20; b < 0x100; ++b) {
            char32_t cp = decode_byte(*t, static_cast<uint8_t>(b));
            if (cp == 0xFFFD || b == 0x7F) continue;
            auto back = encode_code_point(*t, cp);
            ASSERT_TRUE(back.has_value()) << name << " " << b;
            EXPECT_EQ(*back, b) << name;
        }
    }
}

TEST(CodePages, KnowsEpsonTableNumbers) {
    EXPECT_EQ(epson_code_page_name(0), "CP437");
    EXPECT_EQ(epson_code_page_name(2), "CP850");
    EXPECT_EQ(epson_code_page_name(16), "WPC1252");
    EXPECT_EQ(epson_code_page_name(19), "CP858");
    EXPECT_EQ(epson_code_page_name(200), "");
    EXPECT_EQ(decode_byte(*find_code_page("CP858"), 0xD5), U'\u20AC');
}

TEST(CodePages, TransliteratesAccentsAndTypography) {
    EXPECT_EQ(transliterate(U'\u00e9').value_or("?"), "e");
    EXPECT_EQ(transliterate(U'\u201c').value_or("?"), "\"");
    EXPECT_EQ(transliterate(U'\u2026').value_or("?"), "...");
    EXPECT_EQ(transliterate(U'\u00df').value_or("?"), "ss");
    EXPECT_FALSE(transliterate(U'\u4e2d').has_value());
}

TEST(CodePages, DecodesUtf8AndMarksBrokenSequences) {
    std::string s = "a\xC3\xA9\xE2\x80\x9C\xFF\xE2\x80";
    size_t i = 0;
    EXPECT_EQ(next_code_point(s, i), U'a');
    EXPECT_EQ(next_code_point(s, i), U'\u00e9');
    EXPECT_EQ(next_code_point(s, i), U'\u201c');
    EXPECT_EQ(next_code_point(s, i), U'\uFFFD');
    EXPECT_EQ(next_code_point(s, i), U'\uFFFD');
    EXPECT_EQ(i, s.size());
    std::string out;
    append_utf8(out, U'\u20ac');
    EXPECT_EQ(out, "\xE2\x82\xAC");
}
