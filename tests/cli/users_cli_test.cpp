// `waserda user pin|role|activate|deactivate`: the same rules as the touchscreen (core::Shop),
// run as a real program on a real file.
#include "tests/cli/cli_fixture.hpp"

#include <gtest/gtest.h>

using namespace waserda::test_support;

namespace {

class UsersCli : public CliFixture {
protected:
    void SetUp() override {
        db = tmp.file("shop.sqlite");
        ok({"init"});
        ok({"user", "add", "--name", "Admin", "--role", "admin", "--pin", "1234"});
        ok({"user", "add", "--name", "Budi", "--role", "cashier", "--pin", "1111"});
    }

    // The refusal is one line on stderr, a non-zero exit, and nothing changed.
    void expect_refused(const RunResult& r, const std::string& says) {
        EXPECT_NE(r.exit_code, 0);
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find(says), std::string::npos) << r.err;
    }
    std::string list() { return ok({"user", "list"}).out; }
};

TEST_F(UsersCli, TheLastActiveAdminCannotBeDeactivated) {
    // Budi acts with the admin's approval, so only the last-admin rule stands in the way.
    expect_refused(waserda({"user", "deactivate", "Admin", "--user", "Budi", "--approver", "Admin", "--approver-pin", "1234"}),
                   "Admin adalah admin aktif terakhir dan tidak bisa dinonaktifkan");
    expect_refused(waserda({"user", "deactivate", "Admin", "--user", "Admin"}), "diri sendiri");
    EXPECT_NE(list().find("Admin  admin    1"), std::string::npos) << list();
    auto en = waserda({"--lang", "en", "user", "deactivate", "Admin", "--user", "Budi", "--approver", "Admin",
                       "--approver-pin", "1234"});
    expect_refused(en, "Admin is the last active admin and cannot be deactivated");
}

TEST_F(UsersCli, TheLastActiveAdminCannotBeDemoted) {
    expect_refused(waserda({"user", "role", "Admin", "manager", "--user", "Admin"}),
                   "Admin adalah admin aktif terakhir dan tidak bisa diturunkan perannya");
    EXPECT_NE(list().find("Admin  admin    1"), std::string::npos) << list();
    // With a second admin it is allowed, and the second one is then the last.
    ok({"user", "add", "--name", "Rudi", "--role", "admin", "--pin", "5555"});
    ok({"user", "role", "Admin", "manager", "--user", "Rudi"});
    expect_refused(waserda({"user", "deactivate", "Rudi", "--user", "Admin", "--approver", "Rudi", "--approver-pin", "5555"}),
                   "admin aktif terakhir");
}

TEST_F(UsersCli, ACashierCannotResetAPinOrDeactivateWithoutAnAdmin) {
    expect_refused(waserda({"user", "pin", "Admin", "--new-pin", "0000", "--user", "Budi"}), "mengelola pengguna");
    expect_refused(waserda({"user", "deactivate", "Admin", "--user", "Budi"}), "mengelola pengguna");
    expect_refused(waserda({"user", "pin", "Budi", "--new-pin", "2468", "--user", "Budi", "--approver", "Admin",
                            "--approver-pin", "9999"}),
                   "PIN");
    expect_refused(waserda({"user", "pin", "Budi", "--new-pin", "12", "--user", "Admin"}), "PIN");
    EXPECT_NE(ok({"user", "pin", "Budi", "--new-pin", "2468", "--user", "Admin"}).out.find("PIN Budi sudah diganti."),
              std::string::npos);
}

TEST_F(UsersCli, AnAdminDeactivatesAndReactivatesACashier) {
    auto r = ok({"user", "deactivate", "Budi", "--user", "Admin"});
    EXPECT_NE(r.out.find("Budi dinonaktifkan"), std::string::npos);
    EXPECT_NE(list().find("Budi   cashier  0"), std::string::npos) << list();
    // An inactive user cannot act in the CLI either.
    EXPECT_NE(waserda({"shift", "open", "--user", "Budi", "--float", "0"}).exit_code, 0);
    ok({"user", "activate", "Budi", "--user", "Admin"});
    EXPECT_NE(list().find("Budi   cashier  1"), std::string::npos) << list();
    expect_refused(waserda({"user", "deactivate", "Nobody", "--user", "Admin"}), "Nobody");
}

}  // namespace
