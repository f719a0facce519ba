#include "pos/core/csv.hpp"

#include <gtest/gtest.h>

using namespace waserda::core;

namespace {
using Row = std::vector<std::string>;

CsvTable must_parse(std::string_view text) {
    auto t = parse_csv(text);
    EXPECT_TRUE(t) << (t ? "" : t.error().message);
    return t ? *t : CsvTable{};
}
}  // namespace

TEST(Csv, ReadsHeaderAndRowsWithTheirLineNumbers) {
    auto t = must_parse("sku,name\nA,Beras\n\nB,Gula\n");
    EXPECT_EQ(t.header, (Row{"sku", "name"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1], (Row{"B", "Gula"}));
    EXPECT_EQ(t.row_line, (std::vector<int>{2, 4}));
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
    auto t = must_parse("a,b,c\r\n\"Kopi, gula\",\"Saus \"\"pedas\"\"\",\"baris\r\nkedua\"\r\nx,y,z\r\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0], (Row{"Kopi, gula", "Saus \"pedas\"", "baris\nkedua"}));
    EXPECT_EQ(t.rows[1], (Row{"x", "y", "z"}));
    // The row after a cell with a line break starts one line later in the file.
    EXPECT_EQ(t.row_line, (std::vector<int>{2, 4}));
}

TEST(Csv, SkipsTheUtf8ByteOrderMark) {
    auto t = must_parse("\xEF\xBB\xBFsku,name\nA,Telur\n");
    EXPECT_EQ(t.header[0], "sku");
}

TEST(Csv, UsesSemicolonWhenTheHeaderDoes) {
    auto t = must_parse("sku;name;price\nA;Minyak, 2 L;38.000\n");
    EXPECT_EQ(t.separator, ';');
    EXPECT_EQ(t.rows[0], (Row{"A", "Minyak, 2 L", "38.000"}));
}

TEST(Csv, KeepsEmptyFieldsAndShortRows) {
    auto t = must_parse("a,b,c\n,,\nx\n\"\"\n");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[0], (Row{"", "", ""}));
    EXPECT_EQ(t.rows[1], (Row{"x"}));
    EXPECT_EQ(t.rows[2], (Row{""}));  // a quoted empty value is a row, not a blank line
}

TEST(Csv, LastLineWithoutLineEndIsRead) {
    auto t = must_parse("a,b\n1,2");
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0], (Row{"1", "2"}));
}

TEST(Csv, UnclosedQuoteFailsWithItsLine) {
    int line = 0;
    auto t = parse_csv("a,b\n1,2\n3,\"open\n4,5\n", &line);
    ASSERT_FALSE(t);
    EXPECT_EQ(t.error().code, ErrorCode::Invalid);
    EXPECT_EQ(line, 3);
}

TEST(Csv, TextAfterAClosingQuoteFails) {
    int line = 0;
    auto t = parse_csv("a,b\n\"x\"y,2\n", &line);
    ASSERT_FALSE(t);
    EXPECT_EQ(line, 2);
}

TEST(Csv, EmptyTextIsAnEmptyTable) {
    auto t = must_parse("");
    EXPECT_TRUE(t.header.empty());
    EXPECT_TRUE(t.rows.empty());
}

TEST(Csv, WriterQuotesOnlyWhatNeedsIt) {
    std::string out = write_csv({"sku", "name"}, {{"A", "Kopi, \"mantap\""}, {"B", "dua\nbaris"}, {"C", " spasi"}});
    EXPECT_EQ(out, "sku,name\r\nA,\"Kopi, \"\"mantap\"\"\"\r\nB,\"dua\nbaris\"\r\nC,\" spasi\"\r\n");
}

TEST(Csv, WrittenTextReadsBackTheSame) {
    std::vector<Row> rows{{"1", "a;b", "\"q\""}, {"", "", ""}, {"x\r\ny", "  ", "Rp 12.500"}};
    auto t = must_parse(write_csv({"h1", "h2", "h3"}, rows));
    // Line breaks inside cells come back as LF.
    rows[2][0] = "x\ny";
    EXPECT_EQ(t.rows, rows);
}

TEST(Csv, SingleEmptyFieldRowSurvivesARoundTrip) {
    auto t = must_parse(write_csv({"only"}, {{""}, {"v"}}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0], (Row{""}));
}
