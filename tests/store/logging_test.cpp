// Log files: secrets never reach them, an unwritable folder never fails the program, and reading
// them back gives the newest lines in time order.
#include "pos/store/logging.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using waserda::store::data_dir_for;
using waserda::store::init_logging;
using waserda::store::last_log_lines;
using waserda::store::LogFollower;
using waserda::store::logs_dir;
using waserda::store::redact_secrets;
using waserda::test_support::TempDir;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void append(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << text;
}

class LogFiles : public ::testing::Test {
protected:
    void TearDown() override {
        // Let go of the file in the temporary folder before it is removed.
        spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::null_sink_mt>()));
    }
    TempDir tmp;
};

}  // namespace

TEST(RedactSecrets, MasksPinAndTokenOptionsOnACommandLine) {
    EXPECT_EQ(redact_secrets("waserda user add --name Wati --role cashier --pin 2222"),
              "waserda user add --name Wati --role cashier --pin ***");
    EXPECT_EQ(redact_secrets("waserda return --sale T01-1 --approver-pin=3456 --line 1x2"),
              "waserda return --sale T01-1 --approver-pin=*** --line 1x2");
    EXPECT_EQ(redact_secrets("waserda sync --server http://c:8470 --token wsd_abcDEF123"),
              "waserda sync --server http://c:8470 --token ***");
    EXPECT_EQ(redact_secrets("--PIN \"12 34\" --user Budi"), "--PIN *** --user Budi");
}

TEST(RedactSecrets, MasksKeyValuePairsJsonAndSettingsKeys) {
    EXPECT_EQ(redact_secrets("login failed user=Budi pin=1111"), "login failed user=Budi pin=***");
    EXPECT_EQ(redact_secrets(R"({"user":"Sari","approver_pin":"3456","amount":5000})"),
              R"({"user":"Sari","approver_pin":***,"amount":5000})");
    EXPECT_EQ(redact_secrets(R"({"token": "abc.def"})"), R"({"token": ***})");
    EXPECT_EQ(redact_secrets("waserda settings set sync.token wsd_secret"), "waserda settings set sync.token ***");
    EXPECT_EQ(redact_secrets("device_token: xyz; password=hunter2"), "device_token: ***; password=***");
    EXPECT_EQ(redact_secrets("Authorization: Bearer eyJhbGciOi.x.y"), "Authorization: Bearer ***");
}

TEST(RedactSecrets, LeavesTextWithoutSecretsUnchanged) {
    for (std::string text : {"sale T01-20261122-0007 total=35000 paid by cash", "item MIE-01 shipping=5 opname selesai",
                             "waserda report stock --low --format json", "3 tokens sent; pinned=2", ""})
        EXPECT_EQ(redact_secrets(text), text);
}

TEST(DataDir, IsTheFolderOfTheDatabase) {
    EXPECT_EQ(data_dir_for("/tmp/x/y.sqlite"), "/tmp/x");
    EXPECT_EQ(data_dir_for("shop.sqlite"), ".");
    EXPECT_EQ(logs_dir("/tmp/x"), "/tmp/x/logs");
}

TEST_F(LogFiles, WriteEveryLineWithSecretsRedacted) {
    ASSERT_TRUE(init_logging(tmp.path(), "waserda"));
    spdlog::info("user add --name Wati --pin {}", 9876);
    const char* argv[] = {"/usr/bin/waserda", "return", "--approver-pin", "3456", "--user", "Budi Santoso"};
    waserda::store::log_invocation(6, argv);
    std::string text = slurp(tmp.path() + "/logs/waserda.log");
    EXPECT_NE(text.find("user add --name Wati --pin ***"), std::string::npos) << text;
    EXPECT_NE(text.find("waserda return --approver-pin *** --user \"Budi Santoso\""), std::string::npos) << text;
    EXPECT_EQ(text.find("9876"), std::string::npos) << text;
    EXPECT_EQ(text.find("3456"), std::string::npos) << text;
    EXPECT_NE(text.find("] [waserda] [info] ["), std::string::npos) << text;
}

TEST_F(LogFiles, AnUnwritableFolderIsReportedAndLoggingStaysSilent) {
    std::string not_a_dir = tmp.file("plain-file");
    append(not_a_dir, "x");
    ::testing::internal::CaptureStdout();
    EXPECT_FALSE(init_logging(not_a_dir + "/data", "waserda"));
    spdlog::info("this goes nowhere");
    spdlog::error("nor this");
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
    EXPECT_FALSE(std::filesystem::exists(not_a_dir + "/data"));
}

TEST_F(LogFiles, LastLinesMergeProgramsAndRotatedFilesInTimeOrder) {
    std::string dir = tmp.file("logs");
    std::filesystem::create_directories(dir);
    append(dir + "/waserda.1.log", "[2026-01-05 08:00:00.000] [waserda] [info] [1] a1\n"
                                   "[2026-01-05 08:00:02.000] [waserda] [info] [1] a2\n");
    append(dir + "/waserda.log", "[2026-01-05 08:00:04.000] [waserda] [info] [2] a3\n"
                                 "[2026-01-05 08:00:06.000] [waserda] [error] [2] a4\n"
                                 "  continuation of a4\n");
    append(dir + "/waserda-pos.log", "[2026-01-05 08:00:01.000] [waserda-pos] [info] [3] p1\n"
                                     "[2026-01-05 08:00:05.000] [waserda-pos] [info] [3] p2\n");
    append(dir + "/notes.txt", "[2026-01-05 09:00:00.000] not a log file\n");

    auto last = last_log_lines(dir, 4);
    ASSERT_EQ(last.size(), 4u);
    EXPECT_NE(last[0].find("a3"), std::string::npos);
    EXPECT_NE(last[1].find("p2"), std::string::npos);
    EXPECT_NE(last[2].find("a4"), std::string::npos);
    EXPECT_EQ(last[3], "  continuation of a4");

    auto all = last_log_lines(dir, 100);
    ASSERT_EQ(all.size(), 7u);
    EXPECT_NE(all[0].find("a1"), std::string::npos);
    EXPECT_NE(all[1].find("p1"), std::string::npos);
    EXPECT_TRUE(last_log_lines(tmp.file("missing"), 10).empty());
}

TEST_F(LogFiles, FollowerReturnsOnlyNewCompleteLinesAcrossARotation) {
    std::string dir = tmp.file("logs");
    std::filesystem::create_directories(dir);
    append(dir + "/waserda.log", "old line\n");
    LogFollower follower(dir);
    EXPECT_TRUE(follower.poll().empty());

    append(dir + "/waserda.log", "new 1\nhalf");
    EXPECT_EQ(follower.poll(), std::vector<std::string>{"new 1"});
    append(dir + "/waserda.log", " done\n");
    EXPECT_EQ(follower.poll(), std::vector<std::string>{"half done"});

    // What spdlog's rotation does: rename the full file, start a new one.
    append(dir + "/waserda.log", "last before rotation\n");
    std::filesystem::rename(dir + "/waserda.log", dir + "/waserda.1.log");
    append(dir + "/waserda.log", "first after rotation\n");
    auto lines = follower.poll();
    EXPECT_EQ(lines, (std::vector<std::string>{"last before rotation", "first after rotation"}));
    EXPECT_TRUE(follower.poll().empty());
}
