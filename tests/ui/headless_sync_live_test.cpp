// Live sync: the central server set, changed and cleared in Settings (and chosen in the first-run
// wizard) is followed at once, without restarting the till. A real central server runs in this
// process on 127.0.0.1 (tests/sync/support); the till's sync service is the SyncRunner
// waserda-pos uses, on the same SQLite file as the till. Everything waits by polling with a
// deadline.
#ifdef WASERDA_UI_SYNC_TESTS
#include "tests/ui/ui_fixture.hpp"

#include "pos/core/i18n.hpp"
#include "pos/ui/sync_runner.hpp"
#include "tests/sync/support/sync_test_support.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

using namespace waserda;
using sync::testkit::InProcessCentral;
using sync::testkit::wait_until;
using ui_test::open_app;
using ui_test::UiFixture;

namespace {

int64_t central_sales(sync::CentralStore& c) {
    int64_t n = 0;
    auto rows = c.sales_report("", "");
    EXPECT_TRUE(rows.ok());
    if (rows)
        for (const auto& r : *rows) n += r.sales;
    return n;
}

// Short backoff so a test never waits long for a retry; the timeouts are the real ones.
sync::SyncOptions test_options() {
    sync::SyncOptions o;
    o.retry_min = std::chrono::milliseconds(100);
    o.retry_max = std::chrono::milliseconds(500);
    o.seed = 7;
    return o;
}

// A port that accepts connections (the kernel's backlog) and never answers: a request sent there
// waits for the transfer timeout, as on a network that swallows packets.
class SilentServer {
public:
    SilentServer() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        EXPECT_EQ(::listen(fd_, 16), 0);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
    }
    ~SilentServer() { ::close(fd_); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace

class SyncLive : public UiFixture {
protected:
    void SetUp() override {
        UiFixture::SetUp();
        ASSERT_TRUE(shop->add_user(std::nullopt, "Ani", core::Role::Admin, "4321"));
        start_with_sync();
    }
    void TearDown() override {
        runner = nullptr;
        UiFixture::TearDown();
    }

    // The till as waserda-pos builds it: its sync service given the saved server after start().
    void start_with_sync(sync::SyncOptions options = test_options()) {
        app.reset();
        runner = nullptr;
        open_app(db, store, shop, app, [&](ui::Services& services, ui::AppOptions& opt) {
            services.printer = ui::make_folder_printer(receipts);
            services.office = ui::make_back_office(*store, *shop);
            auto r = std::make_unique<ui::SyncRunner>(db, options, [] {});
            runner = r.get();
            services.sync = std::move(r);
            opt.quick_keys_file = quick_keys;
        });
        app->apply_sync_settings();
        frames(2);
    }

    void fill(const std::string& id, const std::string& text, int erase) {
        ASSERT_TRUE(tap(id)) << id;
        for (int i = 0; i < erase; ++i) press(ui::keys::Backspace);
        type(text);
    }

    // Ani (admin) saves the central server in Settings by taps and typing; Siti is back at the till.
    void set_central(const std::string& url, const std::string& token) {
        if (state().user) app->logout();
        frames(2);
        login("Ani", "4321");
        ASSERT_TRUE(state().user.has_value()) << state().banner.text;
        app->go("menu");
        frames(2);
        ASSERT_TRUE(tap("menu.settings"));
        ASSERT_TRUE(tap("settings.tab.central"));
        fill("settings.central.url", url, 80);
        if (!token.empty()) fill("settings.sync.token", token, 0);
        ASSERT_TRUE(tap("settings.save"));
        ASSERT_EQ(state().banner.kind, ui::Banner::Kind::Success) << state().banner.text;
        app->logout();
        frames(2);
        open_till();
    }

    // A cash sale at the till: one scan, F12, Enter (exact cash).
    void sell(const std::string& code) {
        ASSERT_EQ(state().screen, "checkout");
        scan(code);
        press(ui::keys::F12);
        press(ui::keys::Enter);
        ASSERT_TRUE(state().last_sale.has_value()) << state().banner.text;
        ASSERT_TRUE(state().cart.empty());
    }

    int64_t pending() { return store->outbox_stats().value().pending; }

    ui::SyncStatus polled_status() {
        (void)app->poll_services();
        return state().sync;
    }

    ui::SyncRunner* runner = nullptr;   // owned by the app's services
    // Outlive the app (TearDown stops its sync client first): a server stops without waiting out
    // the client's keep-alive connection.
    InProcessCentral first, second;
};

TEST_F(SyncLive, SetChangedAndClearedInSettingsWithoutARestart) {
    const std::string first_token = first.add_device("waserda-T01");
    const std::string second_token = second.add_device("waserda-T01");

    // Standalone: no client, nothing on the status bar.
    open_till();
    EXPECT_FALSE(runner->client_running());
    EXPECT_FALSE(polled_status().enabled);
    sell(codes.sugar);
    EXPECT_GT(pending(), 0);

    // 1. A server and its token: the client starts and the sale made before reaches the central,
    //    then the next one too.
    set_central(first.url(), first_token);
    ASSERT_TRUE(wait_until([&] { return central_sales(first.store()) == 1; })) << polled_status().last_error;
    sell(codes.coffee);
    ASSERT_TRUE(wait_until([&] { return central_sales(first.store()) == 2; })) << polled_status().last_error;
    ASSERT_TRUE(wait_until([&] { return pending() == 0 && polled_status().pending == 0; }));
    EXPECT_TRUE(state().sync.enabled);
    EXPECT_TRUE(state().sync.last_error.empty()) << state().sync.last_error;

    // 2. A wrong token: one Indonesian sentence on the status, the sale waits, nothing is lost.
    set_central(first.url(), "wsd_salah");
    sell(codes.tea);
    // (A round failed before the sale too: wait for one that counts it.)
    ASSERT_TRUE(wait_until([&] {
        auto s = polled_status();
        return !s.last_error.empty() && s.pending >= 1;
    }));
    EXPECT_NE(state().sync.last_error.find("Server pusat menolak token perangkat"), std::string::npos)
        << state().sync.last_error;
    EXPECT_TRUE(state().sync.enabled);
    EXPECT_GE(state().sync.pending, 1);
    EXPECT_GE(pending(), 1);
    EXPECT_EQ(central_sales(first.store()), 2);

    // 3. Another central with its own token: what waited goes there, once.
    set_central(second.url(), second_token);
    ASSERT_TRUE(wait_until([&] { return central_sales(second.store()) == 1; })) << polled_status().last_error;
    ASSERT_TRUE(wait_until([&] { return pending() == 0 && polled_status().last_error.empty(); }))
        << state().sync.last_error;
    EXPECT_EQ(central_sales(first.store()), 2);

    // 4. Cleared (standalone): the client stops, the status bar shows no sync, sales stay pending.
    set_central("", "");
    ASSERT_TRUE(wait_until([&] { return runner->settled() && !runner->client_running(); }));
    EXPECT_FALSE(polled_status().enabled);
    sell(codes.milk);
    EXPECT_GE(pending(), 1);
    EXPECT_EQ(store->meta("sync.server_url").value(), std::optional<std::string>(""));

    // Nothing was sent twice: each central holds each sale once.
    EXPECT_EQ(central_sales(first.store()), 2);
    EXPECT_EQ(central_sales(second.store()), 1);
}

TEST_F(SyncLive, ASavedServerIsUsedAtStartAndAStuckTransferDoesNotHoldTheSwitch) {
    // A till started with a server that swallows requests: the transfer would wait 30 s.
    SilentServer silent;
    InProcessCentral& central = first;
    const std::string token = central.add_device("waserda-T01");
    ASSERT_TRUE(store->set_meta("sync.server_url", silent.url()));
    ASSERT_TRUE(store->set_meta("sync.token", token));
    sync::SyncOptions o = test_options();
    o.transfer_timeout = std::chrono::seconds(30);
    start_with_sync(o);
    ASSERT_TRUE(wait_until([&] { return runner->client_running(); }));
    EXPECT_TRUE(polled_status().enabled);
    open_till();
    sell(codes.sugar);

    // Saving another server answers at once; the stuck transfer is aborted, not waited out.
    const auto before = std::chrono::steady_clock::now();
    set_central(central.url(), token);
    ASSERT_TRUE(wait_until([&] { return runner->settled(); }, std::chrono::seconds(10)));
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(10));
    ASSERT_TRUE(wait_until([&] { return central_sales(central.store()) == 1; })) << polled_status().last_error;
    // (The central stores a batch before the till marks it sent: poll for that too.)
    EXPECT_TRUE(wait_until([&] { return pending() == 0; }));
}

TEST_F(SyncLive, AnotherCentralsMasterDataIsPulledFromItsStart) {
    // Each central numbers its master data with its own counter: three items on the first, one
    // (version 1) on the second.
    auto item = [](const std::string& sku, int64_t price) {
        return sync::MasterRow{"item", sku, "{\"sku\":\"" + sku + "\",\"name\":\"Barang " + sku + "\",\"price\":" +
                                                std::to_string(price) + "}",
                               "Barang", {}, 0};
    };
    ASSERT_TRUE(first.store().upsert_master({item("PUSAT-1", 1000), item("PUSAT-2", 2000), item("PUSAT-3", 3000)}));
    ASSERT_TRUE(second.store().upsert_master({item("CABANG-1", 4000)}));
    auto has = [&](const std::string& sku) {
        auto i = store->item_by_sku(sku);
        return i && *i;
    };
    open_till();
    set_central(first.url(), first.add_device("waserda-T01"));
    ASSERT_TRUE(wait_until([&] { return has("PUSAT-3"); })) << polled_status().last_error;
    // The second central's version 1 is older than the first's 3: pulled from its start anyway.
    set_central(second.url(), second.add_device("waserda-T01"));
    ASSERT_TRUE(wait_until([&] { return has("CABANG-1"); })) << polled_status().last_error;
    EXPECT_EQ(store->meta("sync.master_server").value(), std::optional<std::string>(second.url()));
}

// [SECTION] The first-run wizard
class SyncLiveWizard : public ui_test::FreshTillFixture {
protected:
    void SetUp() override {
        open([&](ui::Services& services, ui::AppOptions&) {
            auto r = std::make_unique<ui::SyncRunner>(db, test_options(), [] {});
            runner = r.get();
            services.sync = std::move(r);
        });
        app->apply_sync_settings();
        ASSERT_TRUE(app->start_setup_if_needed());
        ui->frames(*app, 2);
    }

    // The app (its sync client) is gone before the server: TearDown resets it first, so the
    // server's keep-alive connections are closed when it stops and it does not wait them out.
    InProcessCentral central;
    ui::SyncRunner* runner = nullptr;
};

TEST_F(SyncLiveWizard, TheCentralServerChosenInTheWizardSyncsWhenItFinishes) {
    const std::string token = central.add_device("waserda-T01");
    EXPECT_FALSE(runner->client_running());
    fill("wizard.name", "Waserda Pusat");
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(tap("wizard.next"));
    fill("wizard.pin1", "2580");
    fill("wizard.pin2", "2580");
    ASSERT_TRUE(tap("wizard.next"));
    ASSERT_TRUE(tap("wizard.next"));   // devices
    ASSERT_TRUE(tap("wizard.mode.central"));
    fill("wizard.url", central.url());
    fill("wizard.token", token);
    ASSERT_TRUE(tap("wizard.next"));
    EXPECT_FALSE(runner->client_running()) << "nothing before Selesai";
    ASSERT_TRUE(tap("wizard.finish"));   // the empty catalog
    ASSERT_EQ(app->state().screen, "login") << app->state().banner.text;

    // The client runs now and its first round is accepted with the wizard's token.
    ASSERT_TRUE(wait_until([&] { return runner->client_running(); }));
    ASSERT_TRUE(wait_until([&] { return !runner->status().last_success_at.empty(); })) << runner->status().last_error;
    (void)app->poll_services();
    EXPECT_TRUE(app->state().sync.enabled);
    EXPECT_TRUE(app->state().sync.last_error.empty()) << app->state().sync.last_error;
}
#endif
