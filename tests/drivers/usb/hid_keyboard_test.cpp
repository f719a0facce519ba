#include "drivers/scanner/hid_keyboard.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace waserda::drivers;

namespace {

using Report = std::vector<uint8_t>;
Report key(uint8_t usage, uint8_t mods = 0) { return {mods, 0, usage, 0, 0, 0, 0, 0}; }
Report none() { return Report(8, 0); }

// Feeds press+release for each usage and returns the codes that came out.
std::vector<std::string> feed_all(HidKeyboardDecoder& d, const std::vector<Report>& reports) {
    std::vector<std::string> out;
    for (const auto& r : reports)
        if (auto c = d.feed(r)) out.push_back(*c);
    return out;
}

TEST(HidKeyboardDecoder, DecodesDigitsTerminatedByEnter) {
    HidKeyboardDecoder d;
    auto codes = feed_all(d, {key(0x1E), none(), key(0x27), none(), key(0x26), none(), key(0x28), none()});
    EXPECT_EQ(codes, std::vector<std::string>{"109"});
}

TEST(HidKeyboardDecoder, ShiftGivesCapitalsAndSymbols) {
    HidKeyboardDecoder d;
    auto codes = feed_all(d, {key(0x04, 0x02), none(), key(0x05), none(), key(0x1F, 0x20), none(),
                              key(0x2D, 0x02), none(), key(0x2D), none(), key(0x37), none(), key(0x28)});
    EXPECT_EQ(codes, std::vector<std::string>{"Ab@_-."});
}

TEST(HidKeyboardDecoder, RepeatedCharactersNeedAReleaseBetweenThem) {
    HidKeyboardDecoder d;
    // "11": press, release, press; a held key repeated in the next report is not a new press.
    auto codes = feed_all(d, {key(0x1E), key(0x1E), none(), key(0x1E), none(), key(0x28), none()});
    EXPECT_EQ(codes, std::vector<std::string>{"11"});
}

TEST(HidKeyboardDecoder, TabTerminatesWhenEnabledAndIsIgnoredOtherwise) {
    HidKeyboardDecoder tab;
    EXPECT_EQ(feed_all(tab, {key(0x1E), none(), key(0x2B), none()}), std::vector<std::string>{"1"});

    HidKeyboardOptions o;
    o.tab_terminates = false;
    HidKeyboardDecoder no_tab(o);
    EXPECT_TRUE(feed_all(no_tab, {key(0x1E), none(), key(0x2B), none()}).empty());
    EXPECT_EQ(no_tab.partial(), "1");
}

TEST(HidKeyboardDecoder, KeypadDigitsAndKeypadEnterWork) {
    HidKeyboardDecoder d;
    auto codes = feed_all(d, {key(0x59), none(), key(0x62), none(), key(0x61), none(), key(0x58), none()});
    EXPECT_EQ(codes, std::vector<std::string>{"109"});
}

TEST(HidKeyboardDecoder, StripsConfiguredPrefixAndSuffix) {
    HidKeyboardOptions o;
    o.affixes.prefix = "]E0";
    o.affixes.suffix = "x";
    HidKeyboardDecoder d(o);
    // "]E0" "12" "x" Enter
    auto codes = feed_all(d, {key(0x30), none(), key(0x08, 0x02), none(), key(0x27), none(), key(0x1E), none(),
                              key(0x1F), none(), key(0x1B), none(), key(0x28), none()});
    EXPECT_EQ(codes, std::vector<std::string>{"12"});
}

TEST(HidKeyboardDecoder, IgnoresRollOverErrorsAndEmptyCodes) {
    HidKeyboardDecoder d;
    auto codes = feed_all(d, {Report{0, 0, 1, 1, 1, 1, 1, 1}, key(0x28), none(), key(0x1E), none(), key(0x28)});
    EXPECT_EQ(codes, std::vector<std::string>{"1"});
}

TEST(HidKeyboardDecoder, AcceptsReportsWithAReportIdByte) {
    HidKeyboardDecoder d;
    auto codes = feed_all(d, {Report{1, 0, 0, 0x20, 0, 0, 0, 0, 0}, Report{1, 0, 0, 0, 0, 0, 0, 0, 0},
                              Report{1, 0, 0, 0x28, 0, 0, 0, 0, 0}});
    EXPECT_EQ(codes, std::vector<std::string>{"3"});
}

TEST(HidKeyboardDecoder, MapsTheUsTableOfPunctuation) {
    EXPECT_EQ(usage_to_ascii(0x2C, false), ' ');
    EXPECT_EQ(usage_to_ascii(0x38, true), '?');
    EXPECT_EQ(usage_to_ascii(0x33, true), ':');
    EXPECT_EQ(usage_to_ascii(0x31, false), '\\');
    EXPECT_EQ(usage_to_ascii(0x3A, false), 0);  // F1
}

}  // namespace
