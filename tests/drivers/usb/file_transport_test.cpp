// The device-file transport on real files and a pty standing in for /dev/usb/lp0.
#include "drivers/transport/file_transport.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace waserda::drivers;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "waserda-file-XXXXXX").string();
        path_ = ::mkdtemp(tmpl.data());
    }
    ~TempDir() { fs::remove_all(path_); }
    fs::path path() const { return path_; }

private:
    fs::path path_;
};

std::vector<uint8_t> read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

TEST(FilePrinter, TruncateModeHoldsTheLastJob) {
    TempDir dir;
    FilePrinterOptions o;
    o.path = (dir.path() / "receipt.bin").string();
    o.mode = FileMode::Truncate;
    FilePrinterTransport t(o);
    ASSERT_TRUE(t.write(std::vector<uint8_t>{1, 2, 3}).ok());
    ASSERT_TRUE(t.write(std::vector<uint8_t>{4, 5}).ok());
    EXPECT_EQ(read_all(o.path), (std::vector<uint8_t>{4, 5}));
    EXPECT_FALSE(t.supports_status());
}

TEST(FilePrinter, AppendModeCollectsEveryJob) {
    TempDir dir;
    FilePrinterOptions o;
    o.path = (dir.path() / "all.bin").string();
    o.mode = FileMode::Append;
    FilePrinterTransport t(o);
    ASSERT_TRUE(t.write(std::vector<uint8_t>{1}).ok());
    ASSERT_TRUE(t.write(std::vector<uint8_t>(40000, 2)).ok());
    EXPECT_EQ(read_all(o.path).size(), 40001u);
}

TEST(FilePrinter, MissingDeviceIsTheCableSentence) {
    TempDir dir;
    FilePrinterOptions o;
    o.path = (dir.path() / "lp0").string();  // not there: printer unplugged
    FilePrinterTransport t(o);
    auto s = t.write(std::vector<uint8_t>{1});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, "Printer tidak terhubung. Periksa kabel USB printer.");
}

TEST(FilePrinter, DeviceWithStatusReadbackAnswersDleEot) {
    // A pty plays the bidirectional /dev/usb/lp0: we answer on the master side.
    int master = -1, slave = -1;
    char name[128];
    ASSERT_EQ(::openpty(&master, &slave, name, nullptr, nullptr), 0);
    termios raw{};
    tcgetattr(slave, &raw);
    cfmakeraw(&raw);
    tcsetattr(slave, TCSANOW, &raw);
    // Answers queued up front: the transport reads them after each question (the first stale byte
    // is not here because a fresh open drains nothing; the replies are consumed in order).
    FilePrinterOptions o;
    o.path = name;
    o.read_status = true;
    o.status_timeout = std::chrono::milliseconds(2000);
    FilePrinterTransport t(o);
    std::thread printer([&] {
        uint8_t buf[3];
        for (uint8_t reply : {uint8_t{0x12}, uint8_t{0x12 | 0x04}, uint8_t{0x12}}) {
            std::size_t got = 0;
            while (got < 3) {
                const ssize_t n = ::read(master, buf + got, 3 - got);
                if (n <= 0) return;
                got += static_cast<std::size_t>(n);
            }
            (void)::write(master, &reply, 1);
        }
    });
    auto st = t.query_status();
    printer.join();
    ::close(slave);
    ::close(master);
    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_TRUE(st->cover_open);
    EXPECT_FALSE(st->paper_out);
}

}  // namespace
