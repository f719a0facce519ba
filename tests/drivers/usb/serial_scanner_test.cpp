// The CDC-ACM scanner reader on a pty standing in for /dev/ttyACM0.
#include "drivers/scanner/serial_scanner.hpp"

#include <gtest/gtest.h>

#include <pty.h>
#include <termios.h>
#include <unistd.h>

using namespace waserda::drivers;

namespace {

TEST(LineAssembler, SplitsAtCrLfAndSkipsEmptyLines) {
    LineAssembler a(AffixOptions{"", "!"});
    std::vector<std::string> codes;
    auto emit = [&](std::string c) { codes.push_back(std::move(c)); };
    a.feed("4901234", emit);
    a.feed("567894\r\n\r\n12!", emit);
    a.feed("\n", emit);
    EXPECT_EQ(codes, (std::vector<std::string>{"4901234567894", "12"}));
}

TEST(SerialScanner, EachLineFromTheTtyIsOneScanEvent) {
    int master = -1, slave = -1;
    char name[128];
    ASSERT_EQ(::openpty(&master, &slave, name, nullptr, nullptr), 0);
    ScanQueue scans;
    SerialScannerOptions o;
    o.path = name;
    o.poll = std::chrono::milliseconds(50);
    SerialScanner reader(o, scans.callback());
    ASSERT_TRUE(reader.start().ok());

    const std::string sent = "8991234567891\r\nMBR-0042\r";
    ASSERT_EQ(::write(master, sent.data(), sent.size()), static_cast<ssize_t>(sent.size()));

    auto a = scans.pop_for(std::chrono::seconds(5));
    auto b = scans.pop_for(std::chrono::seconds(5));
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->code, "8991234567891");
    EXPECT_EQ(b->code, "MBR-0042");
    EXPECT_EQ(a->source, std::string("serial ") + name);
    EXPECT_FALSE(scans.pop_for(std::chrono::milliseconds(100)).has_value());
    reader.stop();
    ::close(slave);
    ::close(master);
}

TEST(SerialScanner, MissingPortIsAPlainSentence) {
    SerialScannerOptions o;
    o.path = "/nonexistent/ttyACM9";
    SerialScanner reader(o, [](ScanEvent) {});
    auto s = reader.start();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, "Pemindai tidak terhubung. Periksa kabel USB pemindai.");
}

}  // namespace
