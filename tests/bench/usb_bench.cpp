// Devices: what a scan costs to decode, and what enqueueing a receipt costs the checkout while the
// printer is busy (it must not wait for the printer).
#include "drivers/queue/print_queue.hpp"
#include "drivers/scanner/hid_keyboard.hpp"
#include "drivers/scanner/wedge_detector.hpp"

#include <benchmark/benchmark.h>

#include <atomic>
#include <thread>

using namespace waserda;
using namespace waserda::drivers;

namespace {

std::vector<std::vector<uint8_t>> scan_reports(const std::string& digits) {
    std::vector<std::vector<uint8_t>> r;
    for (char c : digits) {
        const uint8_t u = c == '0' ? 0x27 : static_cast<uint8_t>(0x1E + (c - '1'));
        r.push_back({0, 0, u, 0, 0, 0, 0, 0});
        r.push_back(std::vector<uint8_t>(8, 0));
    }
    r.push_back({0, 0, 0x28, 0, 0, 0, 0, 0});
    r.push_back(std::vector<uint8_t>(8, 0));
    return r;
}

void BM_HidKeyboardDecodeEan13(benchmark::State& state) {
    const auto reports = scan_reports("4901234567894");
    HidKeyboardDecoder d;
    for (auto _ : state) {
        for (const auto& r : reports) benchmark::DoNotOptimize(d.feed(r));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_HidKeyboardDecodeEan13);

void BM_WedgeDetectorEan13(benchmark::State& state) {
    KeyboardWedgeDetector d;
    int64_t t = 0;
    for (auto _ : state) {
        for (char c : std::string("4901234567894")) benchmark::DoNotOptimize(d.feed({c, false, t += 5}));
        benchmark::DoNotOptimize(d.feed({0, true, t += 5}));
        t += 1000;
    }
}
BENCHMARK(BM_WedgeDetectorEan13);

// A printer that takes 2 ms per job, like a 58 mm printer busy with a receipt.
class SlowTransport : public PrinterTransport {
public:
    core::Status write(std::span<const uint8_t>) override {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));  // simulated print time, not a wait in a test
        return core::ok_status();
    }
    core::Result<PrinterStatus> query_status() override { return PrinterStatus{}; }
    std::string describe() const override { return "slow"; }
};

void BM_EnqueueReceiptWhilePrinterBusy(benchmark::State& state) {
    PrintQueueOptions o;
    o.keep_printed = 10;
    PrintQueue q(std::make_shared<SlowTransport>(), o);
    const std::vector<uint8_t> receipt(1200, 0x41);
    for (auto _ : state) benchmark::DoNotOptimize(q.enqueue("T01-0001", receipt));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EnqueueReceiptWhilePrinterBusy)->Iterations(2000);

}  // namespace

BENCHMARK_MAIN();
