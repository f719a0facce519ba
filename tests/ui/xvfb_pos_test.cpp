// The real waserda-pos under a private Xvfb: xdotool types as a keyboard-wedge scanner and a
// cashier would, and the sale must appear in the SQLite file. The screenshots of the main screens
// (assets/screenshots/ui-*.png) come from here: set WASERDA_UPDATE_SCREENSHOTS=1 to refresh them.
#include "pos/store/sqlite_store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/ui_shop.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace waserda;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

bool poll_until(const std::function<bool()>& ok, std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (ok()) return true;
        // Not sleeping for a result: a short pause between polls of another process.
        struct timespec ts {0, 20'000'000};
        nanosleep(&ts, nullptr);
    }
    return ok();
}

class XvfbPos : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(fs::exists(WASERDA_POS_BIN)) << WASERDA_POS_BIN;
        ASSERT_TRUE(fs::exists("/usr/bin/Xvfb"));
        ASSERT_TRUE(fs::exists("/usr/bin/xdotool"));
        db = tmp.file("shop.sqlite");
        codes = ui_test::seed_ui_shop(db, tmp.file("quickkeys.json"));
    }

    void TearDown() override {
        stop_pos();
        if (xvfb_pid > 0) {
            kill(xvfb_pid, SIGTERM);
            test_support::wait_exit(xvfb_pid);
        }
    }

    // Xvfb picks a free display itself and writes its number to the pipe (-displayfd).
    void start_xvfb(int w, int h) {
        int fds[2];
        ASSERT_EQ(pipe(fds), 0);
        xvfb_pid = fork();
        if (xvfb_pid == 0) {
            close(fds[0]);
            int devnull = open("/dev/null", O_RDWR);
            dup2(devnull, 1);
            dup2(devnull, 2);
            std::string fd = std::to_string(fds[1]);
            std::string screen = std::to_string(w) + "x" + std::to_string(h) + "x24";
            execl("/usr/bin/Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
                  (char*)nullptr);
            _exit(127);
        }
        close(fds[1]);
        std::string number;
        pollfd p{fds[0], POLLIN, 0};
        auto deadline = std::chrono::steady_clock::now() + 15s;
        while (std::chrono::steady_clock::now() < deadline && number.find('\n') == std::string::npos) {
            if (poll(&p, 1, 200) > 0) {
                char buf[32];
                ssize_t n = read(fds[0], buf, sizeof buf);
                if (n <= 0) break;
                number.append(buf, size_t(n));
            }
        }
        close(fds[0]);
        ASSERT_NE(number.find('\n'), std::string::npos) << "Xvfb did not start";
        display = ":" + number.substr(0, number.find('\n'));
        width = w;
        height = h;
    }

    void start_pos(const std::string& lang = "id") {
        shot = tmp.file("shot.png");
        std::string log = tmp.file("pos.log");
        int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        pos_pid = test_support::spawn({"/usr/bin/env", "DISPLAY=" + display, WASERDA_POS_BIN, "--db", db, "--size",
                                       std::to_string(width) + "x" + std::to_string(height), "--lang", lang, "--printer",
                                       "virtual:" + tmp.file("receipts"), "--quickkeys", tmp.file("quickkeys.json"), "--screenshot", shot,
                                       "--screenshot-on-signal"},
                                      fd, fd);
        close(fd);
        ASSERT_TRUE(poll_until([&] { return xdo({"search", "--onlyvisible", "--name", "Waserda POS"}).exit_code == 0; }, 30s))
            << "no window; log: " << test_support::run({"/bin/cat", log}).out;
        // No window manager: keys go to the window under the pointer. Park it on the status bar.
        xdo({"mousemove", std::to_string(width / 2), "8"});
    }

    void stop_pos() {
        if (pos_pid <= 0) return;
        kill(pos_pid, SIGTERM);
        test_support::wait_exit(pos_pid);
        pos_pid = -1;
    }

    test_support::RunResult xdo(std::vector<std::string> args) {
        std::vector<std::string> argv{"/usr/bin/env", "DISPLAY=" + display, "/usr/bin/xdotool"};
        argv.insert(argv.end(), args.begin(), args.end());
        return test_support::run(argv);
    }
    void type(const std::string& text) { ASSERT_EQ(xdo({"type", "--delay", "8", text}).exit_code, 0); }
    void key(const std::string& k) { ASSERT_EQ(xdo({"key", k}).exit_code, 0); }

    // A second connection to the same file, as the back office would read it.
    std::unique_ptr<store::SqliteStore> reader() {
        auto s = store::SqliteStore::open(db);
        EXPECT_TRUE(s);
        return s ? std::move(*s) : nullptr;
    }
    bool logged_in() {
        auto r = reader();
        auto audit = r->audit_entries(50);
        if (!audit) return false;
        for (auto& a : *audit)
            if (a.action == "login") return true;
        return false;
    }
    bool shift_open() {
        auto s = reader()->current_shift("T01");
        return s && *s;
    }
    size_t open_cart_size() {
        auto c = reader()->open_cart("T01");
        if (!c || !*c || (*c)->empty()) return 0;
        size_t n = 0;
        for (size_t i = (*c)->find("\"item_id\""); i != std::string::npos; i = (*c)->find("\"item_id\"", i + 1)) ++n;
        return n;
    }
    std::vector<core::Sale> sales() {
        auto s = reader()->recent_sales("T01", 10);
        return s ? *s : std::vector<core::Sale>{};
    }

    // Asks the program for a screenshot of what is on screen and keeps it as `name`.
    void screenshot(const std::string& name) {
        std::error_code ec;
        fs::remove(shot, ec);
        ASSERT_EQ(kill(pos_pid, SIGUSR1), 0);
        ASSERT_TRUE(poll_until([&] { return fs::exists(shot); }, 20s)) << "no screenshot for " << name;
        fs::path out = fs::path(WASERDA_BINARY_DIR) / "screenshots";
        fs::create_directories(out, ec);
        fs::copy_file(shot, out / name, fs::copy_options::overwrite_existing, ec);
        ASSERT_FALSE(ec) << ec.message();
        if (const char* u = std::getenv("WASERDA_UPDATE_SCREENSHOTS"); u && std::string(u) == "1")
            fs::copy_file(shot, fs::path(WASERDA_SOURCE_DIR) / "assets/screenshots" / name,
                          fs::copy_options::overwrite_existing, ec);
        EXPECT_GT(fs::file_size(out / name), 10'000u) << name;
    }

    void login_and_open_shift() {
        type("s1234");
        key("Return");
        ASSERT_TRUE(poll_until([&] { return logged_in(); }, 20s));
        type("200000");
        key("Return");
        ASSERT_TRUE(poll_until([&] { return shift_open(); }, 20s));
    }

    void checkout_at(int w, int h);

    test_support::TempDir tmp;
    std::string db, shot, display;
    int width = 0, height = 0;
    ui_test::UiShopCodes codes;
    pid_t xvfb_pid = -1, pos_pid = -1;
};

}  // namespace

TEST_F(XvfbPos, ScannerTypesABarcodeAndF12ThenEnterPaysTheSaleIsInTheDatabase) {
    start_xvfb(1366, 768);
    start_pos();
    login_and_open_shift();
    type(codes.rice);          // a keyboard-wedge scanner: digits...
    key("Return");             // ...then Enter
    ASSERT_TRUE(poll_until([&] { return open_cart_size() == 1; }, 20s));
    key("F12");
    key("Return");             // exact cash
    ASSERT_TRUE(poll_until([&] { return !sales().empty(); }, 20s));
    auto s = sales();
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].total, core::Money::rp(75000));
    ASSERT_EQ(s[0].payments.size(), 1u);
    EXPECT_EQ(s[0].payments[0].method, core::PaymentMethod::Cash);
    EXPECT_TRUE(poll_until([&] { return fs::exists(tmp.file("receipts/" + s[0].number + ".txt")); }, 10s));
}

TEST_F(XvfbPos, ScreenshotsOfTheMainScreensAt1366x768) {
    start_xvfb(1366, 768);
    start_pos();
    screenshot("ui-login.png");
    login_and_open_shift();
    for (size_t i = 0; i < 10; ++i) {
        type(codes.barcodes[i]);
        key("Return");
    }
    ASSERT_TRUE(poll_until([&] { return open_cart_size() == 10; }, 30s));
    type(codes.member_card);
    key("Return");
    type(codes.rice);          // the member price shows on a line scanned after the member too
    key("Return");
    ASSERT_TRUE(poll_until([&] {
        auto c = reader()->open_cart("T01");
        return c && *c && (*c)->find("A-0001") != std::string::npos && open_cart_size() == 10;
    }, 20s));
    screenshot("ui-checkout.png");
    key("F12");
    type("100000");
    screenshot("ui-payment.png");
    key("Escape");
    key("Escape");
    key("Escape");
    key("F10");
    screenshot("ui-menu.png");
    key("Escape");
    key("F8");                 // hold the cart so the shift can close with an empty till
    ASSERT_TRUE(poll_until([&] { return open_cart_size() == 0; }, 20s));
    key("F10");
    type("4");                 // the menu's fourth screen: closing the shift
    type("3");
    key("Return");
    type("1");
    screenshot("ui-shift-close.png");
}

// The checkout and pay screens at the smallest and largest supported sizes.
void XvfbPos::checkout_at(int w, int h) {
    start_xvfb(w, h);
    start_pos();
    login_and_open_shift();
    for (size_t i = 0; i < 6; ++i) {
        type(codes.barcodes[i]);
        key("Return");
    }
    type(codes.member_card);
    key("Return");
    if (!poll_until([&] { return open_cart_size() == 6; }, 20s)) {
        screenshot("failure.png");   // what the cashier would have seen, in the build folder
        FAIL() << "the cart has " << open_cart_size() << " lines";
    }
    std::string size = std::to_string(w) + "x" + std::to_string(h);
    screenshot("ui-checkout-" + size + ".png");
    key("F12");
    screenshot("ui-payment-" + size + ".png");
}

TEST_F(XvfbPos, CheckoutLayoutAt1024x768) { checkout_at(1024, 768); }
TEST_F(XvfbPos, CheckoutLayoutAt1920x1080) { checkout_at(1920, 1080); }
