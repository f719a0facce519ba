// Sync benchmarks on loopback, with a real waserda-central running in-process:
//   SyncDrain10kSales          a shop's real SQLite outbox with 10,000 pending sales drained to the
//                              central (target: under 5 s)
//   SyncCentralIngest8Shops    8 shops pushing 2,000 sales each at once; sales per second on the
//                              central, SQLite and PostgreSQL (WASERDA_TEST_PG_URL; skipped if unset)
#include "pos/core/uuid.hpp"
#include "pos/store/sqlite_store.hpp"
#include "sync/server/central_server.hpp"
#include "sync/server/central_store.hpp"
#include "sync/sync_client.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

namespace {

using namespace waserda;
using nlohmann::json;

std::string temp_dir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "waserda-sync-bench-XXXXXX").string();
    return mkdtemp(tmpl.data()) ? tmpl : std::string();
}

std::string payload(const std::string& device, int n, int64_t total) {
    json sale = {{"uuid", core::new_uuid()}, {"number", device + "-20261122-" + std::to_string(n)}, {"device", device},
                 {"kind", "sale"}, {"at", "2026-11-22T03:04:05Z"}, {"local_date", "2026-11-22"}, {"user_name", "kasir1"},
                 {"member_number", ""}, {"subtotal", total}, {"discount", 0}, {"rounding", 0}, {"total", total},
                 {"change", 0}, {"dpp", 0}, {"ppn", 0}};
    json lines = json::array();
    for (int l = 1; l <= 4; ++l)  // a typical basket: a few lines
        lines.push_back({{"line_no", l}, {"sku", "SKU-" + std::to_string(l)}, {"name", "Barang " + std::to_string(l)},
                         {"code", "899123456789" + std::to_string(l)}, {"qty", 1}, {"unit_price", total / 4},
                         {"discount", 0}, {"total", total / 4}, {"unit_cost", total / 5}});
    sale["lines"] = lines;
    sale["payments"] = json::array({{{"method", "cash"}, {"amount", total}, {"tendered", total}, {"reference", ""}}});
    return json{{"kind", "sale"}, {"device", device}, {"sale", sale}, {"stock_moves", json::array()},
                {"savings", json::array()}, {"receivables", json::array()}}
        .dump();
}

// An outbox in memory, for the ingest benchmark where only the central's speed matters.
class MemoryOutbox final : public core::OutboxPort {
public:
    MemoryOutbox(const std::string& device, int n) {
        for (int i = 1; i <= n; ++i)
            events_.push_back({i, core::new_uuid(), device, "sale", payload(device, i, 10000 + i), "2026-11-22T03:04:05Z"});
    }
    core::Result<std::vector<core::OutboxEvent>> pending_events(int limit) override {
        std::vector<core::OutboxEvent> out;
        for (size_t i = acked_; i < events_.size() && int(out.size()) < limit; ++i) out.push_back(events_[i]);
        return out;
    }
    core::Status mark_acked(int64_t seq, const std::string&) override {
        acked_ = size_t(std::max<int64_t>(int64_t(acked_), seq));
        return core::ok_status();
    }
    core::Status park_event(int64_t, const std::string&) override { return core::ok_status(); }
    core::Status record_sync_error(const std::string&) override { return core::ok_status(); }
    core::Result<core::OutboxStats> outbox_stats() override {
        core::OutboxStats s;
        s.pending = int64_t(events_.size() - acked_);
        return s;
    }

private:
    std::vector<core::OutboxEvent> events_;
    size_t acked_ = 0;
};

struct Central {
    std::unique_ptr<sync::CentralStore> store;
    std::unique_ptr<sync::CentralServer> server;
    std::string url;

    bool open(const std::string& backend, const std::string& dir) {
        auto s = backend == "pg" ? sync::open_pg_central(std::getenv("WASERDA_TEST_PG_URL"), 8)
                                 : sync::open_sqlite_central(dir + "/central.sqlite");
        if (!s) return false;
        store = std::move(s.value());
        server = std::make_unique<sync::CentralServer>(*store);
        auto port = server->start("127.0.0.1", 0);
        if (!port) return false;
        url = "http://127.0.0.1:" + std::to_string(*port);
        return true;
    }
    std::string device(const std::string& name) {
        std::string token = sync::new_device_token();
        // A fresh name per run: a PostgreSQL database may hold earlier runs.
        (void)store->add_device(name + "-" + core::new_uuid().substr(0, 8), "", sync::hash_token(token));
        return token;
    }
};

void SyncDrain10kSales(benchmark::State& state) {
    const int kSales = 10000;
    for (auto _ : state) {
        state.PauseTiming();
        std::string dir = temp_dir();
        auto shop = store::SqliteStore::open(dir + "/shop.sqlite");
        if (!shop) {
            state.SkipWithError("cannot open the shop database");
            return;
        }
        // Filling the outbox is not what is measured: no fsync per sale while preparing it.
        (void)shop.value()->db().exec("PRAGMA synchronous=OFF");
        for (int i = 1; i <= kSales; ++i) {
            core::Posting p;
            p.kind = "sale";
            p.events.push_back({0, core::new_uuid(), "T01", "sale", payload("T01", i, 25000), "2026-11-22T03:04:05Z"});
            if (!shop.value()->commit(p)) {
                state.SkipWithError("commit failed");
                return;
            }
        }
        (void)shop.value()->db().exec("PRAGMA synchronous=FULL");
        Central central;
        if (!central.open("sqlite", dir)) {
            state.SkipWithError("cannot start the central");
            return;
        }
        sync::SyncOptions o;
        o.server_url = central.url;
        o.token = central.device("toko-a-T01");
        o.pull_master = false;
        sync::SyncClient client(*shop.value(), nullptr, o);
        state.ResumeTiming();

        auto round = client.run_once();

        state.PauseTiming();
        if (!round || round->stored != kSales) state.SkipWithError("not every sale was stored");
        central.server->stop();
        std::filesystem::remove_all(dir);
        state.ResumeTiming();
    }
    state.counters["sales_per_s"] = benchmark::Counter(double(kSales) * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(SyncDrain10kSales)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void SyncCentralIngest8Shops(benchmark::State& state, const std::string& backend) {
    if (backend == "pg" && !std::getenv("WASERDA_TEST_PG_URL")) {
        state.SkipWithError("WASERDA_TEST_PG_URL is not set (packaging/pg-test-cluster.sh)");
        return;
    }
    const int kShops = 8, kSalesEach = 2000;
    std::string dir = temp_dir();
    for (auto _ : state) {
        state.PauseTiming();
        Central central;
        if (!central.open(backend, dir)) {
            state.SkipWithError("cannot start the central");
            return;
        }
        std::vector<std::unique_ptr<MemoryOutbox>> outboxes;
        std::vector<std::unique_ptr<sync::SyncClient>> clients;
        for (int s = 0; s < kShops; ++s) {
            outboxes.push_back(std::make_unique<MemoryOutbox>("T01", kSalesEach));
            sync::SyncOptions o;
            o.server_url = central.url;
            o.token = central.device("toko-" + std::to_string(s));
            o.pull_master = false;
            clients.push_back(std::make_unique<sync::SyncClient>(*outboxes.back(), nullptr, o));
        }
        std::mutex mu;
        int64_t stored = 0;
        state.ResumeTiming();

        std::vector<std::thread> shops;
        for (int s = 0; s < kShops; ++s)
            shops.emplace_back([&, s] {
                auto round = clients[s]->run_once();
                std::lock_guard lock(mu);
                if (round) stored += round->stored;
            });
        for (auto& t : shops) t.join();

        state.PauseTiming();
        if (stored != int64_t(kShops) * kSalesEach) state.SkipWithError("not every sale was stored");
        central.server->stop();
        state.ResumeTiming();
    }
    std::filesystem::remove_all(dir);
    state.counters["sales_per_s"] =
        benchmark::Counter(double(kShops) * kSalesEach * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(SyncCentralIngest8Shops, sqlite, std::string("sqlite"))
    ->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK_CAPTURE(SyncCentralIngest8Shops, pg, std::string("pg"))->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
