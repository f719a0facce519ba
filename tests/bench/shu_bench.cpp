// SHU for 2,000 members over a year of a busy shop (about 300,000 sales): the whole computation
// through MembersService - members, purchases per member from the monthly summary, savings per
// month from the ledger, the split. Target: under 200 ms. For comparison, the same purchase
// totals summed from the sales table itself.
//
// The big shop is generated once (store::generate_big_shop) into the build folder and reused:
// set WASERDA_SHU_BENCH_DB to use another file, delete the file to regenerate.
#include "pos/core/members_service.hpp"
#include "pos/core/shop.hpp"
#include "pos/store/demo.hpp"
#include "pos/store/members_store.hpp"
#include "pos/store/sqlite_store.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

using namespace waserda;

namespace {

constexpr int kYear = 2025;

struct BigShop {
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    std::unique_ptr<store::SqliteMembersStore> members;
    std::unique_ptr<core::MembersService> service;
    int64_t sales = 0;
    std::string error;

    BigShop() {
        namespace fs = std::filesystem;
        const char* env = std::getenv("WASERDA_SHU_BENCH_DB");
        std::string path = env && *env ? env : std::string(WASERDA_BINARY_DIR) + "/bench-cache/shu-big-shop.sqlite";
        if (!fs::exists(path)) {
            std::error_code ec;
            fs::create_directories(fs::path(path).parent_path(), ec);
            std::string partial = path + ".partial";
            fs::remove(partial, ec);
            fs::remove(partial + "-wal", ec);
            fs::remove(partial + "-shm", ec);
            std::cerr << "shu_bench: generating a year of 300,000 sales into " << path << " (once)\n";
            {
                auto s = store::SqliteStore::open(partial);
                if (!s) {
                    error = s.error().message;
                    return;
                }
                store::BigShopSpec spec;
                spec.items = 3000;
                spec.members = 2000;
                spec.days = 365;
                spec.sales_per_day = 822;
                spec.end_date = std::to_string(kYear) + "-12-31";
                auto st = store::generate_big_shop(**s, spec, nullptr);
                if (!st) {
                    error = st.error().message;
                    return;
                }
                (void)(*s)->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            fs::rename(partial, path, ec);
            fs::remove(partial + "-wal", ec);
            fs::remove(partial + "-shm", ec);
        }
        auto s = store::SqliteStore::open(path);
        if (!s) {
            error = s.error().message;
            return;
        }
        store = std::move(*s);
        shop = std::make_unique<core::Shop>(*store);
        members = std::make_unique<store::SqliteMembersStore>(*store);
        service = std::make_unique<core::MembersService>(*shop, *members);
        auto st = store->db().prepare("SELECT COUNT(*) FROM sales");
        if (st && st->step()) sales = st->int64(0);
    }
};

BigShop& big_shop() {
    static BigShop shop;
    return shop;
}

core::ShuConfig config(core::ShuSavingsBasis basis) {
    core::ShuConfig c;
    c.year = kYear;
    c.surplus = core::Money::rp(250'000'000);
    c.jasa_modal_bp = 2000;
    c.jasa_usaha_bp = 2500;
    c.funds = {{"Dana pengurus", 1000}, {"Dana pendidikan", 500}, {"Dana sosial", 500}};
    c.basis = basis;
    return c;
}

void run_shu(benchmark::State& state, core::ShuSavingsBasis basis) {
    auto& b = big_shop();
    if (!b.error.empty()) {
        state.SkipWithError(b.error.c_str());
        return;
    }
    size_t members = 0;
    for (auto _ : state) {
        auto r = b.service->shu(config(basis));
        if (!r) {
            state.SkipWithError(r.error().message.c_str());
            return;
        }
        members = r->shares.size();
        benchmark::DoNotOptimize(r);
    }
    state.counters["members"] = static_cast<double>(members);
    state.counters["sales"] = static_cast<double>(b.sales);
}

void BM_ShuYearEnd(benchmark::State& state) { run_shu(state, core::ShuSavingsBasis::YearEnd); }
BENCHMARK(BM_ShuYearEnd)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ShuMonthlyAverage(benchmark::State& state) { run_shu(state, core::ShuSavingsBasis::MonthlyAverage); }
BENCHMARK(BM_ShuMonthlyAverage)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// What the summary saves: members' purchase totals for the year straight from the sales table.
void BM_PurchasesFromSalesTable(benchmark::State& state) {
    auto& b = big_shop();
    if (!b.error.empty()) {
        state.SkipWithError(b.error.c_str());
        return;
    }
    for (auto _ : state) {
        auto st = b.store->db().prepare(
            "SELECT member_id, SUM(total - rounding) FROM sales WHERE local_date BETWEEN ? AND ? AND member_id IS NOT NULL "
            "GROUP BY member_id");
        st->bind(1, std::to_string(kYear) + "-01-01").bind(2, std::to_string(kYear) + "-12-31");
        int64_t sum = 0;
        while (st->step()) sum += st->int64(1);
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_PurchasesFromSalesTable)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
