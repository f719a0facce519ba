// Chaos: several shops keep selling while the central is killed and restarted and a proxy cuts
// connections at random (seeded, bounded to a few seconds). Afterwards every shop converges:
// nothing lost, nothing doubled, per shop and in total.
#include "support/sync_test_support.hpp"
#include "support/tcp_proxy.hpp"
#include "sync/sync_client.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <thread>

using namespace waserda;
using namespace waserda::sync;
using namespace waserda::sync::testkit;
using namespace std::chrono_literals;

namespace {

class SyncChaos : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(SyncChaos, ShopsConvergeAfterRestartsAndCutConnections) {
    if (GetParam() == "pg" && !pg_base_url())
        GTEST_SKIP() << "WASERDA_TEST_PG_URL is not set (packaging/pg-test-cluster.sh starts a throwaway cluster).";
    const uint64_t seed = 20261122;
    const int kShops = 4;
    TempDir dir;
    std::vector<std::string> store_args =
        GetParam() == "pg" ? std::vector<std::string>{"--pg", pg_fresh_database()} : std::vector<std::string>{"--db", dir.file("c.sqlite")};

    std::vector<std::string> tokens;
    for (int s = 0; s < kShops; ++s) {
        std::vector<std::string> args = {"device", "add", "--name", "toko-" + std::to_string(s) + "-T01", "--shop",
                                         "toko-" + std::to_string(s)};
        args.insert(args.end(), store_args.begin(), store_args.end());
        std::string token = run_central(args);
        tokens.push_back(token.substr(0, token.find('\n')));
    }
    CentralProcess server(store_args);
    TcpProxy proxy(server.port());
    std::mutex rng_mu;
    std::mt19937_64 rng(seed);
    std::atomic<bool> chaos{true};
    proxy.set_plan([&](int64_t) {
        CutPlan p;
        if (!chaos) return p;
        std::lock_guard lock(rng_mu);
        int dice = int(rng() % 10);
        if (dice < 2) p.upstream_bytes = int64_t(rng() % 4000);         // mid-request
        else if (dice < 4) p.downstream_bytes = int64_t(rng() % 300);   // the answer is lost
        return p;
    });

    std::vector<std::unique_ptr<FakeOutbox>> outboxes;
    std::vector<std::unique_ptr<SyncClient>> clients;
    for (int s = 0; s < kShops; ++s) {
        outboxes.push_back(std::make_unique<FakeOutbox>("T01"));
        SyncOptions o;
        o.server_url = "http://127.0.0.1:" + std::to_string(proxy.port());
        o.token = tokens[s];
        o.batch_size = 20;
        o.retry_min = 5ms;
        o.retry_max = 150ms;
        o.connect_timeout = 1000ms;
        o.transfer_timeout = 3000ms;
        o.seed = seed + uint64_t(s);
        clients.push_back(std::make_unique<SyncClient>(*outboxes[s], nullptr, o));
        clients.back()->start();
    }

    // Sellers: a sale every few milliseconds for three seconds, waking their client each time.
    const auto until = std::chrono::steady_clock::now() + 3s;
    std::vector<std::thread> sellers;
    for (int s = 0; s < kShops; ++s)
        sellers.emplace_back([&, s] {
            std::mt19937 local(uint32_t(seed) + uint32_t(s));
            while (std::chrono::steady_clock::now() < until) {
                outboxes[s]->add_sale(500 + int64_t(local() % 50000), local() % 5 == 0 ? "A-" + std::to_string(local() % 20) : "");
                clients[s]->wake();
                std::this_thread::sleep_for(std::chrono::milliseconds(1 + local() % 4));  // pacing the till, not waiting
            }
        });

    // Restart the central whenever the shops have together delivered another 150 sales.
    auto delivered = [&] {
        int64_t n = 0;
        for (auto& o : outboxes) n += o->acked_count();
        return n;
    };
    int restarts = 0;
    int64_t next_kill = 150;
    while (std::chrono::steady_clock::now() < until) {
        if (!wait_until([&] { return delivered() >= next_kill || std::chrono::steady_clock::now() >= until; }, 10s)) break;
        if (std::chrono::steady_clock::now() >= until) break;
        server.restart();
        ++restarts;
        next_kill = delivered() + 150;
    }
    for (auto& t : sellers) t.join();
    chaos = false;

    int64_t expected_sales = 0;
    for (auto& o : outboxes) expected_sales += o->sale_count();
    for (auto& c : clients) c->wake();
    EXPECT_TRUE(wait_until(
        [&] {
            for (auto& o : outboxes)
                if (o->outbox_stats()->pending > 0) return false;
            return true;
        },
        60s));
    for (auto& c : clients) c->stop();
    server.kill_hard();

    EXPECT_GE(restarts, 2) << "the central was restarted while shops sold";
    EXPECT_GT(proxy.cuts(), 0) << "connections were cut";
    auto store = GetParam() == "pg" ? open_pg_central(store_args[1]) : open_sqlite_central(store_args[1]);
    ASSERT_TRUE(store.ok());
    auto rows = store.value()->sales_report("", "");
    ASSERT_TRUE(rows.ok());
    std::map<std::string, std::pair<int64_t, int64_t>> by_shop;  // shop -> (count, total)
    for (const auto& r : rows.value()) {
        by_shop[r.shop].first += r.sales + r.returns;
        by_shop[r.shop].second += r.total;
    }
    int64_t central_sales = 0;
    for (int s = 0; s < kShops; ++s) {
        auto& got = by_shop["toko-" + std::to_string(s)];
        EXPECT_EQ(got.first, outboxes[s]->sale_count()) << "shop " << s;
        EXPECT_EQ(got.second, outboxes[s]->expected_total()) << "shop " << s;
        EXPECT_TRUE(outboxes[s]->parked().empty());
        central_sales += got.first;
    }
    EXPECT_EQ(central_sales, expected_sales);
    EXPECT_EQ(*store.value()->event_count(), expected_sales);
    RecordProperty("sales", std::to_string(expected_sales));
    RecordProperty("restarts", std::to_string(restarts));
}

INSTANTIATE_TEST_SUITE_P(Backends, SyncChaos, ::testing::Values("sqlite", "pg"), [](const auto& info) { return info.param; });
