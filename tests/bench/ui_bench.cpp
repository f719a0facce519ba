// Touchscreen benchmarks, headless (no window, no GL; the same screens and fonts as the till):
//   BM_CheckoutFrame100Lines  building one checkout frame with a 100-line cart and a member
//                             (target: under 1 ms; ImGui's clipper keeps rows off screen out)
//   BM_StartToLogin           opening the shop file to the first login frame (target: under 1 s)
//   BM_MemoryWith100kCatalog  resident memory after start-up on a 100,000-item catalog (counter
//                             rss_mb; the till never loads the catalog, it asks the store)
// Idle CPU is measured on the real program, see pos/ui/README.md ("Idle CPU").
#include "pos/core/shop.hpp"
#include "pos/store/demo.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/headless.hpp"
#include "pos/ui/widgets.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

using namespace waserda;

namespace {

double rss_mb() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

// One temporary folder for the run; the demo shop (and the big one) are built once.
const std::string& work_dir() {
    static std::string dir = [] {
        std::string tmpl = (std::filesystem::temp_directory_path() / "waserda-ui-bench-XXXXXX").string();
        return std::string(mkdtemp(tmpl.data()));
    }();
    return dir;
}

std::string demo_db(bool big) {
    std::string path = work_dir() + (big ? "/big.sqlite" : "/demo.sqlite");
    if (std::filesystem::exists(path)) return path;
    auto store = store::SqliteStore::open(path);
    if (!store) std::abort();
    core::Shop shop(**store);
    if (!store::create_demo_shop(**store, shop, WASERDA_ASSETS_DIR)) std::abort();
    if (big) {
        std::vector<core::Item> batch;
        for (int i = 0; i < 100000; ++i) {
            core::Item it;
            it.sku = fmt::format("BIG-{:06}", i);
            it.name = fmt::format("Barang Katalog {:06}", i);
            it.category = "Katalog";
            it.price = core::Money::rp(1000 + i % 90000);
            it.member_price = it.price;
            it.barcodes.push_back({fmt::format("2{:011}", 90000000000LL + i), 1});
            batch.push_back(std::move(it));
            if (batch.size() == 5000) {
                if (!(*store)->save_items(batch, core::BarcodeWrite::Replace)) std::abort();
                batch.clear();
            }
        }
    }
    return path;
}

struct Till {
    std::unique_ptr<store::SqliteStore> store;
    std::unique_ptr<core::Shop> shop;
    std::unique_ptr<ui::App> app;

    explicit Till(const std::string& db) {
        auto opened = store::SqliteStore::open(db);
        if (!opened) std::abort();
        store = std::move(*opened);
        shop = std::make_unique<core::Shop>(*store);
        ui::Services services;
        services.printer = ui::make_folder_printer(work_dir() + "/receipts");
        app = std::make_unique<ui::App>(*shop, std::move(services), ui::AppOptions{});
        app->start();
    }
};

}  // namespace

static void BM_CheckoutFrame100Lines(benchmark::State& state) {
    std::string db = demo_db(false);
    ui::HeadlessUi ui(1366, 768);
    Till till(db);
    if (!till.app->login("Budi", "1111")) {
        state.SkipWithError("login failed");
        return;
    }
    if (!till.app->state().shift) till.app->open_shift(core::Money::rp(200000));
    auto items = till.store->list_items(false);
    int added = 0;
    for (auto& it : *items) {
        if (added == 100) break;
        if (it.weighed) continue;
        till.app->scan(it.sku);
        ++added;
    }
    auto members = till.store->list_members();
    if (!members->empty()) till.app->set_member(members->front().number);
    ui::hits().set_enabled(false);   // the till does not record hit boxes; only tests do
    ui.frames(*till.app, 3);
    if (till.app->state().cart.lines.size() != 100) {
        state.SkipWithError("cart is not 100 lines");
        return;
    }
    for (auto _ : state) ui.frame(*till.app);
    state.counters["lines"] = double(till.app->state().cart.lines.size());
    state.counters["vertices"] = double(ImGui::GetDrawData()->TotalVtxCount);
}
BENCHMARK(BM_CheckoutFrame100Lines)->Unit(benchmark::kMicrosecond);

static void BM_StartToLogin(benchmark::State& state) {
    std::string db = demo_db(false);
    for (auto _ : state) {
        // The font atlas is part of start-up on the real till, so it is built every time here too.
        ui::HeadlessUi ui(1366, 768);
        Till till(db);
        ui.frame(*till.app);
        benchmark::DoNotOptimize(till.app->state().screen);
    }
}
BENCHMARK(BM_StartToLogin)->Unit(benchmark::kMillisecond)->Iterations(5);

static void BM_MemoryWith100kCatalog(benchmark::State& state) {
    std::string db = demo_db(true);
    double before = rss_mb();
    for (auto _ : state) {
        ui::HeadlessUi ui(1366, 768);
        Till till(db);
        till.app->login("Budi", "1111");
        ui.frames(*till.app, 3);
        state.counters["rss_mb"] = rss_mb();
        state.counters["rss_growth_mb"] = rss_mb() - before;
    }
}
BENCHMARK(BM_MemoryWith100kCatalog)->Unit(benchmark::kMillisecond)->Iterations(1);

BENCHMARK_MAIN();
