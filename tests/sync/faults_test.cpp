// The network and the central failing under the client: connections cut mid-request, answers lost
// after the central stored the batch, the central killed (SIGKILL) while batches arrive. Each test
// ends with every sale on the central exactly once: counts and totals compared on both sides.
#include "support/sync_test_support.hpp"
#include "support/tcp_proxy.hpp"
#include "sync/sync_client.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace waserda;
using namespace waserda::sync;
using namespace waserda::sync::testkit;
using namespace std::chrono_literals;

namespace {

SyncOptions fast_options(const std::string& url, const std::string& token, int batch = 40) {
    SyncOptions o;
    o.server_url = url;
    o.token = token;
    o.batch_size = batch;
    o.retry_min = 5ms;
    o.retry_max = 100ms;
    o.connect_timeout = 1000ms;
    o.transfer_timeout = 5000ms;
    o.seed = 1;
    return o;
}

struct Totals {
    int64_t count = 0;
    int64_t total = 0;
};

Totals central_totals(CentralStore& store) {
    Totals t;
    auto rows = store.sales_report("", "");
    EXPECT_TRUE(rows.ok());
    for (const auto& r : rows.value()) {
        t.count += r.sales + r.returns;
        t.total += r.total;
    }
    return t;
}

// Runs rounds until one succeeds with nothing left, as the background loop would.
bool drain(SyncClient& client, FakeOutbox& outbox, int max_rounds = 500) {
    for (int i = 0; i < max_rounds; ++i) {
        auto r = client.run_once();
        if (r.ok() && outbox.outbox_stats()->pending == 0) return true;
    }
    return false;
}

}  // namespace

TEST(SyncFaults, ConnectionsCutMidRequestStillDeliverEachSaleOnce) {
    InProcessCentral central;
    TcpProxy proxy(central.port());
    // The first 12 connections die after 300..2300 request bytes: inside the headers or the body.
    std::mt19937 rng(2026);
    proxy.set_plan([&](int64_t n) {
        CutPlan p;
        if (n < 12) p.upstream_bytes = 300 + int64_t(rng() % 2000);
        return p;
    });
    FakeOutbox outbox;
    for (int i = 0; i < 300; ++i) outbox.add_sale(1000 + i % 7);
    SyncClient client(outbox, nullptr, fast_options("http://127.0.0.1:" + std::to_string(proxy.port()), central.add_device("t")));
    ASSERT_TRUE(drain(client, outbox));
    EXPECT_GE(proxy.cuts(), 1);
    auto t = central_totals(central.store());
    EXPECT_EQ(t.count, 300);
    EXPECT_EQ(t.total, outbox.expected_total());
    EXPECT_EQ(*central.store().event_count(), 300);
}

TEST(SyncFaults, AnswersLostAfterTheCentralStoredTheBatchAreReplayedAsDuplicates) {
    InProcessCentral central;
    TcpProxy proxy(central.port());
    // Requests go through whole; the answer is cut before its first byte.
    proxy.set_plan([](int64_t n) {
        CutPlan p;
        if (n % 2 == 0 && n < 10) p.downstream_bytes = 0;
        return p;
    });
    FakeOutbox outbox;
    for (int i = 0; i < 200; ++i) outbox.add_sale(2500);
    SyncClient client(outbox, nullptr, fast_options("http://127.0.0.1:" + std::to_string(proxy.port()), central.add_device("t")));
    int64_t duplicates = 0;
    for (int i = 0; i < 100 && outbox.outbox_stats()->pending > 0; ++i) {
        auto r = client.run_once();
        if (r.ok()) duplicates += r->duplicates;
    }
    EXPECT_EQ(outbox.outbox_stats()->pending, 0);
    EXPECT_GT(duplicates, 0) << "the replayed batches were already stored";
    auto t = central_totals(central.store());
    EXPECT_EQ(t.count, 200);
    EXPECT_EQ(t.total, 200 * 2500);
}

TEST(SyncFaults, CentralKilledMidBatchLosesAndDoublesNothing) {
    TempDir dir;
    const std::string db = dir.file("central.sqlite");
    std::string token = run_central({"device", "add", "--name", "toko-a-T01", "--db", db});
    token.erase(token.find_last_not_of("\n") + 1);
    CentralProcess server({"--db", db});
    FakeOutbox outbox;
    for (int i = 0; i < 3000; ++i) outbox.add_sale(100 + i % 13);
    auto options = fast_options(server.url(), token, 25);
    SyncClient client(outbox, nullptr, options);
    client.start();
    // Kill the central three times while batches are arriving, each time once it holds more.
    for (int64_t threshold : {300, 1200, 2100}) {
        ASSERT_TRUE(wait_until([&] { return outbox.acked_count() >= threshold; })) << threshold;
        server.kill_hard();
        // The client notices (unless it had already sent everything, which a fast machine may do).
        EXPECT_TRUE(wait_until([&] { return client.status().consecutive_failures > 0 || outbox.acked_count() == 3000; }));
        server.restart();
        client.wake();
    }
    EXPECT_TRUE(wait_until([&] { return outbox.acked_count() == 3000; }, 60s));
    client.stop();
    server.kill_hard();
    auto store = open_sqlite_central(db);
    ASSERT_TRUE(store.ok());
    auto t = central_totals(*store.value());
    EXPECT_EQ(t.count, 3000);
    EXPECT_EQ(t.total, outbox.expected_total());
}
