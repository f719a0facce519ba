// The sync client on a real shop database (pos/store SqliteStore): its own connection next to the
// till's, a sync process SIGKILLed mid-batch, master data pulled into the catalog and members.
#include "pos/core/uuid.hpp"
#include "pos/store/sqlite_store.hpp"
#include "support/sync_test_support.hpp"
#include "sync/sync_client.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

using namespace waserda;
using namespace waserda::sync;
using namespace waserda::sync::testkit;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<store::SqliteStore> open_shop(const std::string& path) {
    auto s = store::SqliteStore::open(path);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return s.ok() ? std::move(s.value()) : nullptr;
}

// Records one sale's outbox event the way a posting does: in one store transaction.
void record_sale(store::SqliteStore& shop, int n, int64_t total) {
    core::Posting p;
    p.kind = "sale";
    core::OutboxEvent e;
    e.uuid = core::new_uuid();
    e.device = "T01";
    e.kind = "sale";
    e.payload = sale_payload("T01", core::new_uuid(), "T01-20261122-" + std::to_string(n), total);
    e.created_at = "2026-11-22T03:04:05Z";
    p.events.push_back(e);
    auto done = shop.commit(p);
    ASSERT_TRUE(done.ok()) << done.error().message;
}

struct Totals {
    int64_t count = 0, total = 0;
};
Totals central_totals(CentralStore& c) {
    Totals t;
    auto rows = c.sales_report("", "");
    EXPECT_TRUE(rows.ok());
    for (const auto& r : rows.value()) {
        t.count += r.sales + r.returns;
        t.total += r.total;
    }
    return t;
}

SyncOptions options_for(const std::string& url, const std::string& token) {
    SyncOptions o;
    o.server_url = url;
    o.token = token;
    o.batch_size = 50;
    o.retry_min = 5ms;
    o.retry_max = 100ms;
    o.seed = 3;
    return o;
}

}  // namespace

TEST(SyncOnShopDatabase, DrainsWhileTheTillKeepsSellingOnItsOwnConnection) {
    InProcessCentral central;
    TempDir dir;
    auto till = open_shop(dir.file("shop.sqlite"));
    auto sync_conn = open_shop(dir.file("shop.sqlite"));
    ASSERT_TRUE(till && sync_conn);
    SyncClient client(*sync_conn, nullptr, options_for(central.url(), central.add_device("toko-a-T01")));
    client.start();
    int64_t expected = 0;
    for (int i = 1; i <= 400; ++i) {
        record_sale(*till, i, 1000 + i);
        expected += 1000 + i;
        if (i % 25 == 0) client.wake();
    }
    client.wake();
    EXPECT_TRUE(wait_until([&] { return till->outbox_stats()->pending == 0; }, 30s));
    client.stop();
    auto t = central_totals(central.store());
    EXPECT_EQ(t.count, 400);
    EXPECT_EQ(t.total, expected);
    auto stats = till->outbox_stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->last_acked_seq, 400);
    EXPECT_FALSE(stats->last_success_at.empty());
}

TEST(SyncOnShopDatabase, ParkedRecordIsCountedInTheShopsOutbox) {
    InProcessCentral central;
    TempDir dir;
    auto shop = open_shop(dir.file("shop.sqlite"));
    ASSERT_TRUE(shop);
    record_sale(*shop, 1, 1000);
    core::Posting bad;
    bad.kind = "sale";
    auto payload = nlohmann::json::parse(sale_payload("T01", core::new_uuid(), "T01-X", 5));
    payload["sale"]["total"] = 5.5;
    bad.events.push_back({0, core::new_uuid(), "T01", "sale", payload.dump(), "2026-11-22T03:04:05Z"});
    ASSERT_TRUE(shop->commit(bad).ok());
    record_sale(*shop, 3, 3000);
    SyncClient client(*shop, nullptr, options_for(central.url(), central.add_device("toko-a-T01")));
    auto round = client.run_once();
    ASSERT_TRUE(round.ok()) << round.error().message;
    auto stats = shop->outbox_stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->pending, 0);
    EXPECT_EQ(stats->parked, 1);
    EXPECT_EQ(central_totals(central.store()).total, 4000);
}

TEST(SyncOnShopDatabase, SyncProcessKilledMidBatchResumesAndDeliversEachSaleOnce) {
    TempDir dir;
    const std::string shop_db = dir.file("shop.sqlite");
    InProcessCentral central;
    std::string token = central.add_device("toko-a-T01");
    const int kSales = 1500;
    int64_t expected = 0;
    {
        auto shop = open_shop(shop_db);
        ASSERT_TRUE(shop);
        for (int i = 1; i <= kSales; ++i) {
            record_sale(*shop, i, 100 + i % 17);
            expected += 100 + i % 17;
        }
    }
    auto spawn = [&] {
        pid_t pid = fork();
        if (pid == 0) {
            std::string bin = std::string(WASERDA_BINARY_DIR) + "/bin/sync_child";
            execl(bin.c_str(), bin.c_str(), shop_db.c_str(), central.url().c_str(), token.c_str(), nullptr);
            _exit(127);
        }
        return pid;
    };
    int kills = 0;
    for (int64_t threshold : {200, 600, 1000}) {
        pid_t pid = spawn();
        ASSERT_GT(pid, 0);
        bool reached = wait_until([&] { return *central.store().event_count() >= threshold; }, 30s);
        ::kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        ASSERT_TRUE(reached) << threshold;
        if (WIFSIGNALED(status)) ++kills;
    }
    EXPECT_GE(kills, 2) << "the sync process was killed while it was sending";
    pid_t pid = spawn();
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    auto shop = open_shop(shop_db);
    ASSERT_TRUE(shop);
    auto stats = shop->outbox_stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->pending, 0);
    EXPECT_EQ(stats->parked, 0);
    auto t = central_totals(central.store());
    EXPECT_EQ(t.count, kSales);
    EXPECT_EQ(t.total, expected);
    EXPECT_EQ(*central.store().event_count(), kSales);
}

TEST(SyncOnShopDatabase, PulledMasterDataUpdatesPricesAndKeepsTheShopsStock) {
    InProcessCentral central;
    TempDir dir;
    auto shop = open_shop(dir.file("shop.sqlite"));
    ASSERT_TRUE(shop);
    core::Item local;
    local.sku = "BRS-5";
    local.name = "Beras lama";
    local.price = core::Money::rp(70000);
    local.cost = core::Money::rp(61000);
    ASSERT_TRUE(shop->save_item(local, core::BarcodeWrite::Replace).ok());
    auto before = shop->item_by_sku("BRS-5");
    ASSERT_TRUE(before.ok() && before.value());

    ASSERT_TRUE(central.store()
                    .upsert_master({{"item", "BRS-5",
                                     R"({"sku":"BRS-5","name":"Beras Pandan 5 kg","price":74000,"member_price":72000,)"
                                     R"("barcodes":[{"code":"8991234567890","pack_qty":1}]})",
                                     "Beras", {}, 0},
                                    {"item", "GLA-1", R"({"sku":"GLA-1","name":"Gula 1 kg","price":15000})", "Gula", {}, 0},
                                    {"member", "A-0012", R"({"number":"A-0012","name":"Siti Aminah","credit_limit":750000})",
                                     "Siti Aminah", 750000, 0}})
                    .ok());
    ShopMasterSink sink(*shop);
    SyncClient client(*shop, &sink, options_for(central.url(), central.add_device("toko-a-T01")));
    auto round = client.run_once();
    ASSERT_TRUE(round.ok()) << round.error().message;
    EXPECT_EQ(round->items_pulled, 2);

    auto beras = shop->item_by_sku("BRS-5");
    ASSERT_TRUE(beras.ok() && beras.value());
    EXPECT_EQ(beras.value()->id, before.value()->id) << "the shop's item is updated, not duplicated";
    EXPECT_EQ(beras.value()->name, "Beras Pandan 5 kg");
    EXPECT_EQ(beras.value()->price, core::Money::rp(74000));
    EXPECT_EQ(beras.value()->cost, core::Money::rp(61000)) << "the shop's average cost stays";
    auto hit = shop->item_by_code("8991234567890");
    ASSERT_TRUE(hit.ok() && hit.value());
    EXPECT_EQ(hit.value()->item.sku, "BRS-5");
    auto siti = shop->member_by_number("A-0012");
    ASSERT_TRUE(siti.ok() && siti.value());
    EXPECT_EQ(siti.value()->credit_limit_override, core::Money::rp(750000));
    auto version = sink.master_version();
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(*version, 3);

    auto quiet = client.run_once();
    ASSERT_TRUE(quiet.ok());
    EXPECT_EQ(quiet->items_pulled, 0);
}
