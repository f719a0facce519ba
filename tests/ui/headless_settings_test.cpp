// The first-run wizard on a fresh database and the admin's settings screen, driven headlessly on
// real SQLite files: each step, back, Indonesian refusals, the demo catalog, a CSV with a bad
// line (nothing imported), standalone vs central, and settings saved only by an admin with the
// same rules (and sentences) as `waserda settings set`.
#include "tests/ui/ui_fixture.hpp"

#include "pos/core/i18n.hpp"
#include "pos/ui/widgets.hpp"

#include <chrono>
#include <fstream>
#include <thread>

using namespace waserda;
using ui_test::open_app;
using ui_test::UiFixture;

namespace {

const char* kCsvHeader =
    "sku,name,unit,category,weighed,price,member_price,wholesale_min_qty,wholesale_price,cost,taxable,min_stock,active,"
    "barcodes,stock,consignment\n";

void write_file(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << text;
}

}  // namespace

// [SECTION] The wizard on a new database
class Wizard : public ::testing::Test {
protected:
    void SetUp() override {
        db = tmp.file("data/waserda.sqlite");
        media = tmp.file("media");
        std::filesystem::create_directories(tmp.file("data"));
        std::filesystem::create_directories(media);
        ui = std::make_unique<ui::HeadlessUi>(width(), height());
        start();
    }
    void TearDown() override {
        app.reset();
        shop.reset();
        store.reset();
        ui.reset();
        core::translator().load(std::string(WASERDA_ASSETS_DIR) + "/i18n", "id");
    }
    void start() {
        open_app(db, store, shop, app, [&](ui::Services& services, ui::AppOptions& opt) {
            services.printer = ui::make_folder_printer(tmp.file("receipts"));
            services.office = ui::make_back_office(*store, *shop);
            opt.usb_roots = {media};
        });
        app->start_setup_if_needed();
        ui->frames(*app, 2);
    }

    virtual int width() const { return 1366; }
    virtual int height() const { return 768; }
    const ui::AppState& state() const { return app->state(); }
    bool tap(std::string_view id) { return ui->tap(*app, id); }
    bool visible(std::string_view id) { return ui->visible(id); }
    void type(std::string_view text) { ui->type(*app, text); }
    void press(int key) { ui->press(*app, key); }
    void fill(const std::string& id, const std::string& text, int erase = 0) {
        ASSERT_TRUE(tap(id)) << id;
        for (int i = 0; i < erase; ++i) press(ui::keys::Backspace);
        type(text);
    }
    std::string banner() const { return state().banner.kind == ui::Banner::Kind::Error ? state().banner.text : ""; }
    size_t items() { return store->list_items(true).value().size(); }
    size_t users() { return store->list_users().value().size(); }

    // Steps 1-6 with good values, standalone; ends on the catalog step.
    void to_catalog_step() {
        fill("wizard.name", "Waserda Maju");
        ASSERT_TRUE(tap("wizard.next"));
        ASSERT_TRUE(tap("wizard.next"));    // not PKP
        ASSERT_TRUE(tap("wizard.next"));    // T01, Rp 100 nearest
        fill("wizard.pin1", "4321");
        fill("wizard.pin2", "4321");
        ASSERT_TRUE(tap("wizard.next"));
        ASSERT_TRUE(tap("wizard.next"));    // devices
        ASSERT_TRUE(tap("wizard.next"));    // standalone
        ASSERT_TRUE(visible("wizard.catalog.demo")) << banner();
    }

    test_support::TempDir tmp;
    std::string db, media;
    std::unique_ptr<ui::HeadlessUi> ui;
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    std::unique_ptr<ui::App> app;
};

TEST_F(Wizard, ANewDatabaseShowsTheWizardInsteadOfTheLogin) {
    EXPECT_EQ(state().screen, "wizard");
    EXPECT_TRUE(visible("wizard.name"));
    EXPECT_FALSE(visible("login.pad.ok"));
}

TEST_F(Wizard, WholeWizardWithTheDemoCatalogThenTheAdminLogsIn) {
    // 1: language, shop. An empty name is refused in Indonesian.
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), "Nama toko wajib diisi.");
    EXPECT_TRUE(visible("wizard.name"));
    fill("wizard.name", "Waserda Maju Jaya");
    fill("wizard.address", "Jl. Mawar 1, Bekasi");
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), "");

    // 2: NPWP and PKP; a short NPWP gets core's sentence, as `waserda settings set shop.npwp` does.
    ASSERT_TRUE(visible("wizard.npwp"));
    fill("wizard.npwp", "12345");
    ASSERT_TRUE(tap("wizard.pkp.true"));
    ASSERT_TRUE(tap("wizard.next"));
    core::ShopSettings probe;
    EXPECT_EQ(banner(), core::set_setting(probe, "shop.npwp", "12345").error().message);
    fill("wizard.npwp", "01.234.567.8-901.000", 5);
    fill("wizard.rate", "abc", 2);
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), "Tarif PPN harus angka persen antara 0 dan 50, misalnya 12.");
    fill("wizard.rate", "12", 3);
    ASSERT_TRUE(tap("wizard.next"));

    // 3: device and rounding; back shows step 2 with its values kept.
    ASSERT_TRUE(visible("wizard.device"));
    ASSERT_TRUE(tap("wizard.back"));
    ASSERT_TRUE(visible("wizard.npwp"));
    ASSERT_TRUE(tap("wizard.next"));
    fill("wizard.device", "T 2", 3);
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), core::set_setting(probe, "device", "T 2").error().message);
    fill("wizard.device", "T02", 3);
    ASSERT_TRUE(tap("wizard.rounding.500"));
    ASSERT_TRUE(tap("wizard.rounding_mode.down"));
    ASSERT_TRUE(tap("wizard.next"));

    // 4: the admin's PIN, twice.
    ASSERT_TRUE(visible("wizard.pin1"));
    fill("wizard.pin1", "12");
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), "PIN harus 4 sampai 8 angka.");
    fill("wizard.pin1", "4321", 2);
    fill("wizard.pin2", "4322");
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), "PIN kedua tidak sama dengan yang pertama. Ketik ulang.");
    fill("wizard.pin2", "4321", 4);
    ASSERT_TRUE(tap("wizard.next"));

    // 5: devices (the panel), 6: a bad central URL is refused, then standalone.
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.mode.central"));
    fill("wizard.url", "ftp://pusat");
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), "Alamat server harus diawali http:// atau https://.");
    ASSERT_TRUE(tap("wizard.mode.standalone"));
    ASSERT_TRUE(tap("wizard.next"));

    // 7: the demo catalog. Nothing was written before "Selesai".
    EXPECT_EQ(users(), 0u);
    EXPECT_EQ(store->load_settings().value().shop_name, core::ShopSettings{}.shop_name);
    ASSERT_TRUE(tap("wizard.catalog.demo"));
    ASSERT_TRUE(tap("wizard.finish"));

    ASSERT_EQ(state().screen, "login") << banner();
    EXPECT_GT(items(), 100u);
    ASSERT_EQ(users(), 1u);
    auto s = store->load_settings().value();
    EXPECT_EQ(s.shop_name, "Waserda Maju Jaya");
    EXPECT_EQ(s.address, "Jl. Mawar 1, Bekasi");
    EXPECT_EQ(s.npwp, "01.234.567.8-901.000");
    EXPECT_TRUE(s.tax.pkp);
    EXPECT_EQ(s.tax.rate_bp, 1200);
    EXPECT_EQ(s.device, "T02");
    EXPECT_EQ(s.cash_rounding.unit, 500);
    EXPECT_EQ(s.cash_rounding.mode, core::CashRoundingMode::Down);
    EXPECT_EQ(s.central_url, "");

    // The admin logs in with the PIN (hashed by core, never stored as typed).
    EXPECT_NE(store->user_by_name("Admin").value()->pin_hash.find("argon2"), std::string::npos);
    ASSERT_TRUE(tap("login.user.Admin"));
    for (char c : std::string("4321")) ASSERT_TRUE(tap(std::string("login.pad.") + c));
    ASSERT_TRUE(tap("login.pad.ok"));
    ASSERT_TRUE(state().user.has_value()) << state().banner.text;
    EXPECT_EQ(state().user->role, core::Role::Admin);

    // A restart goes to the login, not the wizard.
    start();
    EXPECT_EQ(state().screen, "login");
}

TEST_F(Wizard, ACsvWithABadLineShowsItsErrorsAndImportsNothing) {
    const std::string csv = media + "/USB-TOKO/barang.csv";
    write_file(csv, std::string(kCsvHeader) +
                        "MIE-01,Mie Goreng,pcs,Mie,0,3500,3300,,,3000,1,10,1,8991201100113,50,0\n"
                        "GUL-01,Gula 1 kg,pcs,Sembako,0,abc,,,,15000,1,5,1,,20,0\n"
                        "TEH-01,Teh Celup,pcs,Minuman,0,6000,5800,,,5000,1,5,1,,12,0\n");
    to_catalog_step();
    ASSERT_TRUE(tap("wizard.catalog.csv"));
    ASSERT_TRUE(visible("wizard.usb.0")) << "the stick's CSV is offered";
    ASSERT_TRUE(tap("wizard.usb.0"));
    auto read = app->read_catalog(ui::App::Catalog::Csv, csv, shop->settings());
    EXPECT_EQ(read.problems.size(), 1u) << core::format_problems(read.problems);
    EXPECT_EQ(banner(), "File itu punya 1 kesalahan; tidak ada yang diimpor. Perbaiki lalu periksa lagi.");
    EXPECT_TRUE(visible("wizard.problem.0"));
    EXPECT_FALSE(visible("wizard.problem.1"));
    ASSERT_TRUE(tap("wizard.finish"));
    EXPECT_EQ(state().screen, "wizard");
    EXPECT_EQ(items(), 0u);
    EXPECT_EQ(users(), 0u);

    // Fixed on the stick, checked again through the typed path: all three lines, in one go.
    write_file(csv, std::string(kCsvHeader) +
                        "MIE-01,Mie Goreng,pcs,Mie,0,3500,3300,,,3000,1,10,1,8991201100113,50,0\n"
                        "GUL-01,Gula 1 kg,pcs,Sembako,0,16000,15500,,,15000,1,5,1,,20,0\n"
                        "TEH-01,Teh Celup,pcs,Minuman,0,6000,5800,,,5000,1,5,1,,12,0\n");
    ASSERT_TRUE(tap("wizard.csv.check"));
    EXPECT_EQ(banner(), "") << core::format_problems(app->read_catalog(ui::App::Catalog::Csv, csv, shop->settings()).problems);
    EXPECT_FALSE(visible("wizard.problem.0"));
    ASSERT_TRUE(tap("wizard.finish"));
    ASSERT_EQ(state().screen, "login") << banner();
    EXPECT_EQ(items(), 3u);
    EXPECT_EQ(store->item_by_sku("MIE-01").value()->on_hand, 50);
}

TEST_F(Wizard, AMissingCsvFileIsRefused) {
    to_catalog_step();
    ASSERT_TRUE(tap("wizard.catalog.csv"));
    EXPECT_TRUE(visible("wizard.usb.scan"));
    fill("wizard.csv", "/tidak/ada.csv");
    ASSERT_TRUE(tap("wizard.finish"));
    EXPECT_EQ(state().screen, "wizard");
    EXPECT_TRUE(visible("wizard.problem.0"));
    EXPECT_EQ(users(), 0u);
}

TEST_F(Wizard, ACentralServerAndItsTokenAreSavedForSync) {
    fill("wizard.name", "Waserda Pusat");
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(tap("wizard.next"));
    fill("wizard.pin1", "2580");
    fill("wizard.pin2", "2580");
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.mode.central"));
    fill("wizard.url", "http://127.0.0.1:1");
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), "Isi token perangkat dari server pusat (waserda-central device add).");
    fill("wizard.token", "tok-T01-abc");

    // Nothing listens on port 1: the test says so within its short timeout, off the frame thread.
    ASSERT_TRUE(tap("wizard.test"));
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!app->connection_test().done && std::chrono::steady_clock::now() < deadline) {
        ui->frame(*app);
        std::this_thread::yield();
    }
    ASSERT_TRUE(app->connection_test().done);
    EXPECT_FALSE(app->connection_test().ok);
    EXPECT_FALSE(app->connection_test().text.empty());

    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.finish"));   // the empty catalog
    ASSERT_EQ(state().screen, "login") << banner();
    EXPECT_EQ(items(), 0u);
    EXPECT_EQ(store->load_settings().value().central_url, "http://127.0.0.1:1");
    EXPECT_EQ(store->meta("sync.server_url").value(), std::optional<std::string>("http://127.0.0.1:1"));
    EXPECT_EQ(store->meta("sync.token").value(), std::optional<std::string>("tok-T01-abc"));
}

TEST_F(Wizard, EnglishChosenOnTheFirstStepIsSavedAndShown) {
    ASSERT_TRUE(tap("wizard.lang.en"));
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_EQ(banner(), "The shop's name is required.");
    to_catalog_step();
    ASSERT_TRUE(tap("wizard.finish"));
    ASSERT_EQ(state().screen, "login") << banner();
    EXPECT_EQ(store->load_settings().value().language, "en");
}

// [SECTION] The settings screen
class Settings : public UiFixture {
protected:
    void SetUp() override {
        UiFixture::SetUp();
        ASSERT_TRUE(shop->add_user(std::nullopt, "Ani", core::Role::Admin, "4321"));
        start();
    }
    void open_settings_as(const std::string& name, const std::string& pin) {
        login(name, pin);
        ASSERT_TRUE(state().user.has_value()) << state().banner.text;
        app->go("menu");
        frames(2);
        if (!ui->visible("menu.settings")) {
            app->go("settings");   // not in a cashier's menu; reached anyway, core still decides
            frames(2);
        } else {
            ASSERT_TRUE(tap("menu.settings"));
        }
        ASSERT_EQ(state().screen, "settings");
    }
    void fill(const std::string& id, const std::string& text, int erase) {
        ASSERT_TRUE(tap(id)) << id;
        for (int i = 0; i < erase; ++i) press(ui::keys::Backspace);
        type(text);
    }
};

TEST_F(Settings, ACashierDoesNotSeeSettingsAndCannotSave) {
    login("Siti", "1234");
    for (auto* v : app->menu_screens()) EXPECT_NE(v->id(), "settings");
    app->logout();
    frames(2);
    open_settings_as("Siti", "1234");
    ASSERT_TRUE(tap("settings.tab.shop"));
    fill("settings.receipt.footer", " ya", 0);
    ASSERT_TRUE(tap("settings.save"));
    ASSERT_TRUE(state().approval.has_value()) << "core said Denied; an admin's PIN is asked";
    app->cancel_approval();
    frames(2);
    EXPECT_EQ(store->load_settings().value().receipt_footer, "Terima kasih atas kunjungan Anda");
    // An admin's PIN on the approval saves it, in the admin's name.
    ASSERT_TRUE(tap("settings.save"));
    ASSERT_TRUE(state().approval.has_value());
    app->submit_approval("4321");
    frames(2);
    EXPECT_FALSE(state().approval.has_value());
    EXPECT_EQ(store->load_settings().value().receipt_footer, "Terima kasih atas kunjungan Anda ya");
}

TEST_F(Settings, AnAdminChangesTheFooterAndTheRounding) {
    open_settings_as("Ani", "4321");
    ASSERT_TRUE(tap("settings.tab.shop"));
    fill("settings.receipt.footer", "Sampai jumpa lagi", 40);
    ASSERT_TRUE(tap("settings.tab.rounding"));
    fill("settings.cash_rounding.unit", "500", 6);
    ASSERT_TRUE(tap("settings.cash_rounding.mode.down"));
    ASSERT_TRUE(tap("settings.save"));
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Success) << state().banner.text;
    auto s = store->load_settings().value();
    EXPECT_EQ(s.receipt_footer, "Sampai jumpa lagi");
    EXPECT_EQ(s.cash_rounding.unit, 500);
    EXPECT_EQ(s.cash_rounding.mode, core::CashRoundingMode::Down);
    EXPECT_EQ(shop->settings().cash_rounding.unit, 500) << "the till uses it at once";
    // Saved: leaving asks nothing.
    ASSERT_TRUE(tap("settings.back"));
    EXPECT_FALSE(app->dialog_open());
    EXPECT_NE(state().screen, "settings");
}

TEST_F(Settings, ABadValueIsRefusedWithTheSameSentenceAsTheCli) {
    open_settings_as("Ani", "4321");
    const auto before = store->load_settings().value().cash_rounding.unit;
    ASSERT_TRUE(tap("settings.tab.rounding"));
    fill("settings.cash_rounding.unit", "0", 6);
    ASSERT_TRUE(tap("settings.save"));
    core::ShopSettings probe;
    // `waserda settings set cash_rounding.unit 0` prints "waserda: " and this sentence.
    EXPECT_EQ(state().banner.text, core::set_setting(probe, "cash_rounding.unit", "0").error().message);
    EXPECT_EQ(state().banner.text, "Nilai \"0\" tidak berlaku untuk pengaturan cash_rounding.unit.");
    EXPECT_EQ(store->load_settings().value().cash_rounding.unit, before);
    fill("settings.cash_rounding.unit", std::to_string(before), 2);
    // A bad central address: core's own sentence too.
    ASSERT_TRUE(tap("settings.tab.central"));
    fill("settings.central.url", "pusat.koperasi.id", 0);
    ASSERT_TRUE(tap("settings.save"));
    EXPECT_EQ(state().banner.text, core::set_setting(probe, "central.url", "pusat.koperasi.id").error().message);
}

TEST_F(Settings, LeavingWithUnsavedChangesAsks) {
    open_settings_as("Ani", "4321");
    ASSERT_TRUE(tap("settings.tab.shop"));
    fill("settings.shop.name", " Baru", 0);
    ASSERT_TRUE(tap("settings.back"));
    ASSERT_TRUE(app->dialog_open());
    ASSERT_TRUE(tap("settings.leave.cancel"));
    EXPECT_EQ(state().screen, "settings");
    ASSERT_TRUE(tap("settings.back"));
    ASSERT_TRUE(tap("settings.leave.discard"));
    EXPECT_NE(state().screen, "settings");
    EXPECT_EQ(store->load_settings().value().shop_name, shop->settings().shop_name);
    EXPECT_EQ(shop->settings().shop_name.find("Baru"), std::string::npos);
}

TEST_F(Settings, AnAdminAddsACashierResetsAPinAndDeactivatesAUser) {
    open_settings_as("Ani", "4321");
    ASSERT_TRUE(tap("settings.tab.users"));
    ASSERT_TRUE(tap("settings.newuser.open"));
    fill("settings.newuser.name", "Dewi", 0);
    fill("settings.newuser.pin", "2468", 0);
    fill("settings.newuser.pin2", "2468", 0);
    ASSERT_TRUE(tap("settings.newuser.add"));
    EXPECT_TRUE(shop->login("Dewi", "2468")) << state().banner.text;
    EXPECT_EQ(store->user_by_name("Dewi").value()->role, core::Role::Cashier);

    ASSERT_TRUE(tap("settings.user.Siti.pin"));
    fill("settings.resetpin.pin", "8642", 0);
    fill("settings.resetpin.pin2", "8642", 0);
    ASSERT_TRUE(tap("settings.resetpin.save"));
    EXPECT_TRUE(shop->login("Siti", "8642")) << state().banner.text;

    ASSERT_TRUE(tap("settings.user.Budi.active"));
    EXPECT_FALSE(shop->login("Budi", "9999"));
    // The last admin cannot be deactivated (here: herself).
    ASSERT_TRUE(tap("settings.user.Ani.active"));
    EXPECT_EQ(state().banner.kind, ui::Banner::Kind::Error);
    EXPECT_TRUE(store->user_by_name("Ani").value()->active);
}

// [SECTION] Touch targets
template <int W, int H>
class SettingsTouch : public Settings {
    int width() const override { return W; }
    int height() const override { return H; }

protected:
    void expect_touchable(const std::string& where) {
        for (auto& [id, r] : ui::hits().all()) {
            if (id.find(".problem.") != std::string::npos) continue;   // error lines, not targets
            EXPECT_GE(r.max.y - r.min.y, 47.5f) << where << " " << id;
            EXPECT_GE(r.max.x - r.min.x, 47.5f) << where << " " << id;
            EXPECT_LE(r.max.x, W + 0.5f) << where << " " << id;
            EXPECT_LE(r.max.y, H + 0.5f) << where << " " << id;
        }
    }
    void walk() {
        open_settings_as("Ani", "4321");
        for (const char* tab : {"shop", "tax", "rounding", "credit", "central", "users"}) {
            ASSERT_TRUE(tap(std::string("settings.tab.") + tab));
            expect_touchable(std::string("settings ") + tab);
        }
        ASSERT_TRUE(tap("settings.tab.shop"));
        ASSERT_TRUE(tap("settings.shop.name"));
        expect_touchable("settings with the keyboard");
    }
};
using SettingsTouch1024 = SettingsTouch<1024, 768>;
using SettingsTouch1366 = SettingsTouch<1366, 768>;
TEST_F(SettingsTouch1024, SettingsFitAt1024x768) { walk(); }
TEST_F(SettingsTouch1366, SettingsFitAt1366x768) { walk(); }

// The wizard's steps at 1024x768: every target big enough, the keyboard's keys too.
class WizardTouch1024 : public Wizard {
    int width() const override { return 1024; }
};
TEST_F(WizardTouch1024, EveryStepFitsAt1024x768) {
    auto check = [&](const std::string& where) {
        for (auto& [id, r] : ui::hits().all()) {
            if (id.find(".problem.") != std::string::npos) continue;
            EXPECT_GE(r.max.y - r.min.y, 47.5f) << where << " " << id;
            EXPECT_GE(r.max.x - r.min.x, 47.5f) << where << " " << id;
            EXPECT_LE(r.max.x, 1024.5f) << where << " " << id;
            EXPECT_LE(r.max.y, 768.5f) << where << " " << id;
        }
    };
    fill("wizard.name", "Waserda Maju");
    check("step 1 with the keyboard");
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.pkp.true"));
    check("step 2");
    ASSERT_TRUE(tap("wizard.pkp.false"));   // PKP needs an NPWP
    ASSERT_TRUE(tap("wizard.next"));
    check("step 3");
    ASSERT_TRUE(tap("wizard.next"));
    fill("wizard.pin1", "4321");
    fill("wizard.pin2", "4321");
    check("step 4");
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.mode.central"));
    check("step 6");
    ASSERT_TRUE(tap("wizard.mode.standalone"));
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.catalog.csv"));
    check("step 7");
}
