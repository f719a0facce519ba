// The shop's books: barcode lookup on a big catalog, a durable sale commit against a bare SQLite
// transaction of the same durability on the same disk, and the stock report.
#include "pos/core/shop.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/store/summaries.hpp"
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
        (void)store->save_items(all, core::BarcodeWrite::Replace);
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

// A till with five items at Rp 5.000, a cashier and an open shift, on a fresh file.
struct SmallTill {
    test_support::TempDir dir;
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    core::User user;
    core::Shift shift;
    std::vector<core::ItemId> ids;

    SmallTill() {
        store = store::SqliteStore::open(dir.file("till.sqlite")).value();
        shop = std::make_unique<core::Shop>(*store);
        user = *shop->add_user(std::nullopt, "Budi", core::Role::Cashier, "1111");
        for (int i = 0; i < 5; ++i) {
            core::Item it;
            it.sku = "S" + std::to_string(i);
            it.name = "Barang " + std::to_string(i);
            it.price = core::Money::rp(5000);
            it.member_price = it.price;
            it.barcodes.push_back({ean(i), 1});
            ids.push_back(*store->save_item(it, core::BarcodeWrite::Replace));
        }
        shift = *shop->open_shift(user, core::Money{});
    }

    // One cash sale of the five items, through the whole core path.
    core::Result<core::Sale> sell() {
        auto cart = shop->new_cart();
        for (int i = 0; i < 5; ++i) (void)shop->scan_into(cart, ean(i));
        return shop->checkout({cart, {{core::PaymentMethod::Cash, core::Money::rp(25000), {}, ""}}, user, std::nullopt, ""});
    }
};

// A durable 5-line sale through the whole core path (validate, build, commit with fsync).
void BM_SaleCommit5Lines(benchmark::State& state) {
    SmallTill till;
    for (auto _ : state) {
        auto sale = till.sell();
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

// The same rows a 5-line cash sale writes (sale, lines, payment, stock moves with on-hand, the
// outbox event with a real sale's payload, the open cart cleared, the summaries folded every
// kFoldEvery sales), as bare prepared statements in one durable transaction: what SQLite itself
// costs for the sale's writes on this disk, without the domain's checks, pricing and payload.
void BM_SaleRowsOnly(benchmark::State& state) {
    SmallTill till;
    auto& user = till.user;
    auto& shift = till.shift;
    auto& ids = till.ids;
    // One real sale gives the payload's size and shape.
    (void)till.sell();
    std::string payload;
    {
        auto st = till.store->db().prepare("SELECT payload FROM outbox WHERE kind = 'sale'");
        if (st && st->step()) payload = st->text(0);
    }
    auto& db = till.store->db();
    int64_t n = 1000;
    for (auto _ : state) {
        ++n;
        std::string num = "T01-20261123-" + std::to_string(n), uuid = "u-" + std::to_string(n);
        store::Transaction tx(db);
        auto sale = db.prepare(
            "INSERT INTO sales(uuid, number, device, day_seq, kind, original_number, at, local_date, user_id, user_name, "
            "approver_id, shift_id, member_id, member_number, member_name, subtotal, discount, rounding, total, change, dpp, ppn, "
            "member_available_credit, member_sukarela) VALUES(?,?,'T01',?,'sale','','2026-11-23T03:00:00Z','2026-11-23',?,'Budi',"
            "0,?,NULL,'','',25000,0,0,25000,0,0,0,NULL,NULL)");
        (void)sale->bind(1, uuid).bind(2, num).bind(3, n).bind(4, user.id).bind(5, shift.id).run();
        int64_t sale_id = db.last_insert_id();
        for (int i = 0; i < 5; ++i) {
            auto line = db.prepare(
                "INSERT INTO sale_lines(sale_id, line_no, item_id, sku, name, code, unit, weighed, taxable, qty, unit_price, "
                "price_kind, discount, total, unit_cost, original_line_no) VALUES(?,?,?,?,?,?,'pcs',0,1,1,5000,'general',0,5000,0,0)");
            (void)line->bind(1, sale_id).bind(2, i + 1).bind(3, ids[i]).bind(4, "S" + std::to_string(i))
                .bind(5, "Barang " + std::to_string(i)).bind(6, ean(i)).run();
        }
        auto pay = db.prepare("INSERT INTO sale_payments(sale_id, method, amount, tendered, reference) VALUES(?, 'cash', 25000, 25000, '')");
        (void)pay->bind(1, sale_id).run();
        for (int i = 0; i < 5; ++i) {
            auto move = db.prepare("INSERT INTO stock_moves(item_id, kind, qty, unit_cost, ref, reason, at, user_id) "
                                   "VALUES(?, 'sale', -1, 0, ?, '', '2026-11-23T03:00:00Z', ?)");
            (void)move->bind(1, ids[i]).bind(2, num).bind(3, user.id).run();
            auto on_hand = db.prepare("UPDATE items SET on_hand = on_hand + ? WHERE id = ?");
            (void)on_hand->bind(1, -1).bind(2, ids[i]).run();
        }
        auto event = db.prepare("INSERT INTO outbox(uuid, device, kind, payload, created_at, ref) VALUES(?, 'T01', 'sale', ?, '2026-11-23T03:00:00Z', ?)");
        (void)event->bind(1, "e-" + uuid).bind(2, payload).bind(3, uuid).run();
        auto cart_row = db.prepare("DELETE FROM open_carts WHERE device = ?");
        (void)cart_row->bind(1, "T01").run();
        if (n % store::kFoldEvery == 0) (void)store::fold_summaries(db);
        if (!tx.commit()) state.SkipWithError("commit failed");
    }
}
BENCHMARK(BM_SaleRowsOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

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
