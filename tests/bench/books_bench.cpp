// The shop's books: barcode lookup on a big catalog, a durable sale commit against a bare SQLite
// transaction of the same durability on the same disk, and the stock report.
#include "pos/core/shop.hpp"
#include "pos/store/sqlite_store.hpp"
#include "tests/support/temp_dir.hpp"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>

#include <unistd.h>

using namespace waserda;

namespace {

long resident_kb() {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

std::string ean(int64_t n) {
    std::string body = std::to_string(899000000000 + n);
    return core::with_check_digit(body);
}

// A catalog of `n` items on a fresh file, built once per size.
struct Catalog {
    test_support::TempDir dir;
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    int n = 0;

    explicit Catalog(int items) : n(items) {
        store = store::SqliteStore::open(dir.file("bench.sqlite")).value();
        std::vector<core::Item> all;
        all.reserve(static_cast<size_t>(items));
        for (int i = 0; i < items; ++i) {
            core::Item it;
            it.sku = "SKU" + std::to_string(i);
            it.name = "Barang " + std::to_string(i);
            it.category = "Kategori " + std::to_string(i % 40);
            it.price = core::Money::rp(1000 + i % 50000);
            it.member_price = it.price;
            it.cost = core::Money::rp((1000 + i % 50000) * 8 / 10);
            it.min_stock = 5;
            it.barcodes.push_back({ean(i), 1});
            all.push_back(std::move(it));
        }
        (void)store->save_items(all);
        shop = std::make_unique<core::Shop>(*store);
    }
};

Catalog& catalog(int n) {
    static std::map<int, std::unique_ptr<Catalog>> made;
    auto& c = made[n];
    if (!c) c = std::make_unique<Catalog>(n);
    return *c;
}

void BM_BarcodeLookup(benchmark::State& state) {
    auto& c = catalog(static_cast<int>(state.range(0)));
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> pick(0, c.n - 1);
    static double cache_mb = -1;      // what the codes in memory cost, measured on the first load
    if (cache_mb < 0) {
        long before = resident_kb();
        (void)c.shop->lookup(ean(0));   // the till's first scan loads the catalog's codes (store/code_cache.hpp)
        cache_mb = double(resident_kb() - before) / 1024.0;
    }
    state.counters["code_cache_MB"] = cache_mb;
    for (auto _ : state) {
        auto hit = c.shop->lookup(ean(pick(rng)));
        benchmark::DoNotOptimize(hit);
    }
}
BENCHMARK(BM_BarcodeLookup)->Arg(100000)->Unit(benchmark::kMicrosecond);

// A durable 5-line sale through the whole core path (validate, build, commit with fsync).
void BM_SaleCommit5Lines(benchmark::State& state) {
    test_support::TempDir dir;
    auto store = store::SqliteStore::open(dir.file("till.sqlite")).value();
    core::Shop shop(*store);
    auto user = *shop.add_user(std::nullopt, "Budi", core::Role::Cashier, "1111");
    for (int i = 0; i < 5; ++i) {
        core::Item it;
        it.sku = "S" + std::to_string(i);
        it.name = "Barang " + std::to_string(i);
        it.price = core::Money::rp(5000);
        it.member_price = it.price;
        it.barcodes.push_back({ean(i), 1});
        (void)store->save_item(it);
    }
    (void)shop.open_shift(user, core::Money{});
    for (auto _ : state) {
        auto cart = shop.new_cart();
        for (int i = 0; i < 5; ++i) (void)shop.scan_into(cart, ean(i));
        auto sale = shop.checkout({cart, {{core::PaymentMethod::Cash, core::Money::rp(25000), {}, ""}}, user, std::nullopt, ""});
        if (!sale) state.SkipWithError(sale.error().message.c_str());
    }
}
BENCHMARK(BM_SaleCommit5Lines)->Unit(benchmark::kMillisecond)->UseRealTime();

// The floor: one row in one transaction with the same pragmas (WAL, synchronous=FULL), same disk.
void BM_BareDurableTransaction(benchmark::State& state) {
    test_support::TempDir dir;
    auto db = store::Database::open(dir.file("bare.sqlite")).value();
    (void)db->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
    int64_t i = 0;
    for (auto _ : state) {
        store::Transaction tx(*db);
        auto st = db->prepare("INSERT INTO t(v) VALUES(?)");
        (void)st->bind(1, std::to_string(++i)).run();
        (void)tx.commit();
    }
}
BENCHMARK(BM_BareDurableTransaction)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StockReport(benchmark::State& state) {
    auto& c = catalog(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto items = c.store->list_items(false);
        int64_t value = 0;
        for (auto& it : *items) value += core::mul_div_round(it.cost.rupiah(), std::max<int64_t>(it.on_hand, 0), core::qty_scale(it));
        benchmark::DoNotOptimize(value);
    }
}
BENCHMARK(BM_StockReport)->Arg(5000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
