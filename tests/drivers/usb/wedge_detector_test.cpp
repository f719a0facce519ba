#include "drivers/scanner/wedge_detector.hpp"

#include <gtest/gtest.h>

using namespace waserda::drivers;

namespace {

// Types `text` then Enter, one key every `gap_ms`, and collects what the detector says.
WedgeOutput type(KeyboardWedgeDetector& d, const std::string& text, int64_t start, int64_t gap_ms) {
    WedgeOutput all;
    int64_t t = start;
    for (char c : text) {
        auto o = d.feed({c, false, t});
        all.typed += o.typed;
        if (o.scan) all.scan = o.scan;
        t += gap_ms;
    }
    auto o = d.feed({0, true, t});
    all.typed += o.typed;
    if (o.scan) all.scan = o.scan;
    return all;
}

TEST(KeyboardWedgeDetector, FastBurstEndingInEnterIsAScan) {
    KeyboardWedgeDetector d;
    auto o = type(d, "8992761002015", 1000, 8);
    ASSERT_TRUE(o.scan.has_value());
    EXPECT_EQ(*o.scan, "8992761002015");
    EXPECT_EQ(o.typed, "");
}

TEST(KeyboardWedgeDetector, SlowTypingIsTyping) {
    KeyboardWedgeDetector d;
    auto o = type(d, "12345", 1000, 150);
    EXPECT_FALSE(o.scan.has_value());
    EXPECT_EQ(o.typed, "12345\n");
}

TEST(KeyboardWedgeDetector, ShortFastBurstIsTyping) {
    KeyboardWedgeDetector d;
    auto o = type(d, "12", 1000, 5);
    EXPECT_FALSE(o.scan.has_value());
    EXPECT_EQ(o.typed, "12\n");
}

TEST(KeyboardWedgeDetector, TypingFollowedByAScanKeepsBoth) {
    KeyboardWedgeDetector d;
    auto first = d.feed({'q', false, 0});
    EXPECT_EQ(first.typed, "");  // held: could be the start of a scan
    auto o = type(d, "4901234567894", 500, 10);
    EXPECT_EQ(o.typed, "q");
    ASSERT_TRUE(o.scan.has_value());
    EXPECT_EQ(*o.scan, "4901234567894");
}

TEST(KeyboardWedgeDetector, FlushReleasesHeldKeysOnceTheGapHasPassed) {
    KeyboardWedgeDetector d;
    d.feed({'7', false, 100});
    EXPECT_EQ(d.flush(120).typed, "");      // still within the gap
    EXPECT_EQ(d.flush(200).typed, "7");     // a person pressed one key
    EXPECT_FALSE(d.holding());
}

TEST(KeyboardWedgeDetector, BoundaryGapOf50MsStillCountsAsScan) {
    KeyboardWedgeDetector d;
    EXPECT_TRUE(type(d, "1234", 0, 50).scan.has_value());
    KeyboardWedgeDetector slower;
    EXPECT_FALSE(type(slower, "1234", 0, 51).scan.has_value());
}

TEST(KeyboardWedgeDetector, StripsAffixes) {
    WedgeOptions o;
    o.affixes.suffix = "#";
    KeyboardWedgeDetector d(o);
    EXPECT_EQ(*type(d, "55555#", 0, 5).scan, "55555");
}

}  // namespace
