#include "drivers/scanner/hid_pos.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace waserda::drivers;

namespace {

std::vector<uint8_t> honeywell(const std::string& data, const std::string& aim, bool more) {
    std::vector<uint8_t> r(64, 0);
    r[0] = 0x02;
    r[1] = static_cast<uint8_t>(data.size());
    std::copy(data.begin(), data.end(), r.begin() + 2);
    std::copy(aim.begin(), aim.end(), r.begin() + 58);
    r[63] = more ? 1 : 0;
    return r;
}

TEST(HidPosDecoder, LengthPrefixedReportGivesTheCode) {
    HidPosDecoder d(HidPosFormat::LengthPrefixed);
    std::vector<uint8_t> r(32, 0);
    r[0] = 4;
    r[1] = '1'; r[2] = '2'; r[3] = '3'; r[4] = '4';
    EXPECT_EQ(d.feed(r), std::optional<std::string>("1234"));
}

TEST(HidPosDecoder, LengthPrefixedCodeLongerThanAReportContinues) {
    HidPosDecoder d(HidPosFormat::LengthPrefixed);
    std::vector<uint8_t> first = {10, 'A', 'B', 'C', 'D'};  // says 10, holds 4
    EXPECT_FALSE(d.feed(first).has_value());
    std::vector<uint8_t> rest = {6, 'E', 'F', 'G', 'H', 'I', 'J', 0};
    EXPECT_EQ(d.feed(rest), std::optional<std::string>("ABCDEFGHIJ"));
}

TEST(HidPosDecoder, HoneywellReportsJoinAcrossTheMoreFlagAndKeepTheAimId) {
    HidPosDecoder d(HidPosFormat::Honeywell);
    EXPECT_FALSE(d.feed(honeywell("QR-part-one/", "]Q1", true)).has_value());
    EXPECT_EQ(d.feed(honeywell("two\r", "]Q1", false)), std::optional<std::string>("QR-part-one/two"));
    EXPECT_EQ(d.symbology(), "]Q1");
}

TEST(HidPosDecoder, HoneywellIgnoresOtherReportIds) {
    HidPosDecoder d(HidPosFormat::Honeywell);
    auto r = honeywell("123", "]E0", false);
    r[0] = 0x04;
    EXPECT_FALSE(d.feed(r).has_value());
}

TEST(HidPosDecoder, StripsAffixes) {
    HidPosDecoder d(HidPosFormat::LengthPrefixed, AffixOptions{"S", ""});
    std::vector<uint8_t> r = {3, 'S', '4', '2'};
    EXPECT_EQ(d.feed(r), std::optional<std::string>("42"));
}

}  // namespace
