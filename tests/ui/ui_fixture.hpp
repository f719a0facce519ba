// A real App on a real SQLite shop, hosted by the headless harness at a fixed size.
#pragma once

#include "pos/core/shop.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/headless.hpp"
#include "pos/ui/keys.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/ui_shop.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

namespace waserda::ui_test {

// Opens the shop at `db` and builds an App over it as waserda-pos does, then starts it: `fill`
// gives the app its services and options (the store and the shop exist by then). Whatever held
// an earlier app, shop and store is released first, in that order.
inline void open_app(const std::string& db, std::unique_ptr<store::SqliteStore>& store, std::unique_ptr<core::Shop>& shop,
                     std::unique_ptr<ui::App>& app, const std::function<void(ui::Services&, ui::AppOptions&)>& fill) {
    app.reset();
    shop.reset();
    store.reset();
    auto s = store::SqliteStore::open(db);
    ASSERT_TRUE(s) << s.error().message;
    store = std::move(*s);
    shop = std::make_unique<core::Shop>(*store);
    ui::Services services;
    ui::AppOptions opt;
    fill(services, opt);
    app = std::make_unique<ui::App>(*shop, std::move(services), opt);
    app->start();
}

// The first start on a new, empty database (the first-run wizard's case) at 1366x768: open()
// builds the app with a folder printer, a USB stick folder and whatever `add` gives it more.
class FreshTillFixture : public ::testing::Test {
protected:
    void open(const std::function<void(ui::Services&, ui::AppOptions&)>& add = {}) {
        db = tmp.file("data/waserda.sqlite");
        std::filesystem::create_directories(tmp.file("data"));
        ui = std::make_unique<ui::HeadlessUi>(1366, 768);
        open_app(db, store, shop, app, [&](ui::Services& services, ui::AppOptions& opt) {
            services.printer = ui::make_folder_printer(tmp.file("receipts"));
            opt.usb_roots = {tmp.file("media")};
            if (add) add(services, opt);
        });
    }
    // The app goes first (a derived fixture's servers may wait on its connections).
    void TearDown() override {
        app.reset();
        shop.reset();
        store.reset();
        ui.reset();
    }
    const ui::AppState& state() const { return app->state(); }
    bool tap(std::string_view id) { return ui->tap(*app, id); }
    void fill(const std::string& id, const std::string& text) {
        ASSERT_TRUE(tap(id)) << id;
        ui->type(*app, text);
    }

    test_support::TempDir tmp;
    std::string db;
    std::unique_ptr<ui::HeadlessUi> ui;
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    std::unique_ptr<ui::App> app;
};

class UiFixture : public ::testing::Test {
protected:
    void SetUp() override {
        db = tmp.file("shop.sqlite");
        quick_keys = tmp.file("quickkeys.json");
        receipts = tmp.file("receipts");
        codes = seed_ui_shop(db, quick_keys);
        ui = std::make_unique<ui::HeadlessUi>(width(), height());
        start();
    }
    void TearDown() override {
        app.reset();
        shop.reset();
        store.reset();
        ui.reset();
    }
    virtual int width() const { return 1366; }
    virtual int height() const { return 768; }

    // Starts the app afresh on the same database, as after a crash or a power cut.
    void start() {
        open_app(db, store, shop, app, [&](ui::Services& services, ui::AppOptions& opt) {
            services.printer = ui::make_folder_printer(receipts);
            services.office = ui::make_back_office(*store, *shop);
            opt.quick_keys_file = quick_keys;
        });
        ui->frames(*app, 2);
    }

    const ui::AppState& state() const { return app->state(); }
    bool tap(std::string_view id) { return ui->tap(*app, id); }
    void scan(std::string_view code) { ui->scan(*app, code); }
    void press(int key) { ui->press(*app, key); }
    void type(std::string_view text) { ui->type(*app, text); }
    void frames(int n) { ui->frames(*app, n); }
    // Frames (with the app's services polled) until `done`, for at most five seconds: the print
    // queue, scanners and sync work on their own threads.
    template <typename Done>
    bool frames_until(Done done) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (std::chrono::steady_clock::now() < deadline) {
            app->poll_services();
            frames(1);
            if (done()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return done();
    }

    void tap_digits(const std::string& pad, const std::string& digits) {
        for (char c : digits) ASSERT_TRUE(tap(pad + "." + std::string(1, c))) << pad << " key " << c;
    }

    void login(const std::string& name, const std::string& pin) {
        ASSERT_TRUE(tap("login.user." + name));
        tap_digits("login.pad", pin);
        ASSERT_TRUE(tap("login.pad.ok"));
    }

    // Logged in as Siti with an open shift, on the checkout.
    void open_till() {
        login("Siti", "1234");
        if (state().screen == "shift_open") {
            ASSERT_TRUE(tap("shift_open.quick.200000"));
            ASSERT_TRUE(tap("shift_open.pad.ok"));
        }
        ASSERT_EQ(state().screen, "checkout");
    }

    int files_in(const std::string& dir, const std::string& ext) {
        int n = 0;
        std::error_code ec;
        for (auto& e : std::filesystem::directory_iterator(dir, ec))
            if (e.path().extension() == ext) ++n;
        return n;
    }

    test_support::TempDir tmp;
    std::string db, quick_keys, receipts;
    UiShopCodes codes;
    std::unique_ptr<ui::HeadlessUi> ui;
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    std::unique_ptr<ui::App> app;
};

}  // namespace waserda::ui_test
