// The manager's reports on a year of a busy shop (5.000 items, 2.000 members, 365 days x 800
// sales), each against the naive scan of the raw sale lines it replaces:
//   BM_ReportDailySales         a year of daily sales          (target < 50 ms)
//   BM_ReportMarginByCategory   margin by category for a year  (target < 100 ms)
//   BM_ReportStockValuation     stock on hand and its value    (target < 20 ms)
// and BM_<Report>Naive for each, so packaging/bench_table.py prints the ratios.
//
// The shop is generated once (store::generate_big_shop) into a file cached under /tmp, keyed by
// the spec and the schema version, because generating it takes minutes. Smaller shops for a
// quick look: WASERDA_BENCH_DAYS=30 WASERDA_BENCH_SALES=200 reports_bench.
#include "pos/core/manager_service.hpp"
#include "pos/store/demo.hpp"
#include "pos/store/inventory_store.hpp"
#include "pos/store/migrations.hpp"
#include "pos/store/reports_store.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

using namespace waserda;

namespace {

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

struct BigShop {
    store::BigShopSpec spec;
    std::string path;
    std::unique_ptr<store::SqliteStore> store;
    core::FixedClock clock{core::parse_iso_utc("2026-11-22T05:00:00Z")};
    std::unique_ptr<core::Shop> shop;
    std::unique_ptr<store::SqliteInventoryStore> inventory;
    std::unique_ptr<store::SqliteReportsStore> reports;
    std::unique_ptr<core::ManagerService> service;
    core::DateRange year;
    std::string error;

    BigShop() {
        spec.days = env_int("WASERDA_BENCH_DAYS", 365);
        spec.sales_per_day = env_int("WASERDA_BENCH_SALES", 800);
        spec.end_date = "2026-11-22";
        year = {core::add_days(spec.end_date, -364), spec.end_date};
        path = fmt::format("/tmp/waserda-reports-bench-{}i-{}m-{}d-{}s-{}-{}-v{}.sqlite", spec.items, spec.members, spec.days,
                           spec.sales_per_day, spec.seed, spec.end_date, store::latest_schema_version());
        namespace fs = std::filesystem;
        if (!fs::exists(path)) {
            std::string partial = path + ".partial";
            fs::remove(partial);
            auto fresh = store::SqliteStore::open(partial);
            if (!fresh) {
                error = fresh.error().message;
                return;
            }
            std::cerr << "generating " << path << " (once)";
            auto st = store::generate_big_shop(**fresh, spec, [](int day) {
                if (day % 30 == 0) std::cerr << "." << std::flush;
            });
            std::cerr << "\n";
            if (!st) {
                error = st.error().message;
                return;
            }
            (void)(*fresh)->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            fresh->reset();
            fs::rename(partial, path);
            fs::remove(partial + "-wal");
            fs::remove(partial + "-shm");
        }
        auto opened = store::SqliteStore::open(path);
        if (!opened) {
            error = opened.error().message;
            return;
        }
        store = std::move(*opened);
        shop = std::make_unique<core::Shop>(*store, &clock);
        inventory = std::make_unique<store::SqliteInventoryStore>(*store);
        reports = std::make_unique<store::SqliteReportsStore>(*store);
        service = std::make_unique<core::ManagerService>(*shop, *inventory, *reports);
    }
};

BigShop& big_shop() {
    static BigShop shop;
    return shop;
}

template <typename F>
void run_report(benchmark::State& state, F&& report) {
    auto& s = big_shop();
    if (!s.error.empty()) {
        state.SkipWithError(s.error.c_str());
        return;
    }
    for (auto _ : state) {
        auto r = report(s);
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(r);
    }
}

void BM_ReportDailySales(benchmark::State& state) {
    run_report(state, [](BigShop& s) { return s.service->sales_by_day(s.year); });
}
BENCHMARK(BM_ReportDailySales)->Unit(benchmark::kMillisecond);

void BM_ReportDailySalesNaive(benchmark::State& state) {
    run_report(state, [](BigShop& s) -> core::Result<std::vector<core::SalesDayRow>> {
        auto days = s.reports->day_sales_naive(s.year);
        if (!days) return days.error();
        return core::sales_day_rows(*days);
    });
}
BENCHMARK(BM_ReportDailySalesNaive)->Unit(benchmark::kMillisecond);

void BM_ReportMarginByCategory(benchmark::State& state) {
    run_report(state, [](BigShop& s) { return s.service->sales_by_category(s.year); });
}
BENCHMARK(BM_ReportMarginByCategory)->Unit(benchmark::kMillisecond);

void BM_ReportMarginByCategoryNaive(benchmark::State& state) {
    run_report(state, [](BigShop& s) -> core::Result<std::vector<core::MarginRow>> {
        auto items = s.reports->item_sales_naive(s.year);
        if (!items) return items.error();
        return core::margin_by_category(*items);
    });
}
BENCHMARK(BM_ReportMarginByCategoryNaive)->Unit(benchmark::kMillisecond);

void BM_ReportStockValuation(benchmark::State& state) {
    run_report(state, [](BigShop& s) { return s.service->stock_value(); });
}
BENCHMARK(BM_ReportStockValuation)->Unit(benchmark::kMillisecond);

// The naive valuation replays every stock move of every item instead of reading the on-hand.
void BM_ReportStockValuationNaive(benchmark::State& state) {
    run_report(state, [](BigShop& s) { return s.reports->stock_value_naive(); });
}
BENCHMARK(BM_ReportStockValuationNaive)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
