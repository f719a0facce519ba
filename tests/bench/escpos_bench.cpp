// Receipt encoding: a 30-line sale with the shop's logo and a QR code, as the till prints after
// every sale (target: well under 1 ms). Also the logo's one-off dithering and the virtual printer.
#include "drivers/escpos/image.hpp"
#include "drivers/receipt/receipt.hpp"
#include "drivers/virtual/virtual_printer.hpp"

#include <benchmark/benchmark.h>

using namespace waserda;
using namespace waserda::drivers;

namespace {

core::ShopSettings settings() {
    core::ShopSettings s;
    s.shop_name = "Waserda Makmur";
    s.address = "Jl. Merdeka No. 17, Bandung";
    s.npwp = "01.234.567.8-901.000";
    s.tax.pkp = true;
    return s;
}

core::Sale sale_of(int lines) {
    core::Sale s;
    s.number = "T01-20261122-0007";
    s.at = "2026-11-22T03:04:05Z";
    s.user_name = "Budi";
    s.member_number = "A-0012";
    s.member_name = "Siti Aminah";
    int64_t subtotal = 0;
    for (int i = 0; i < lines; ++i) {
        core::SaleLine l;
        l.line_no = i + 1;
        l.name = "Barang nomor " + std::to_string(i + 1) + (i % 3 ? " kemasan hemat" : " \u201cspesial\u201d");
        l.weighed = i % 7 == 3;
        l.qty = l.weighed ? 750 : 1 + i % 4;
        l.unit_price = core::Money::rp(1500 + 250 * i);
        int64_t gross = l.weighed ? (l.unit_price.rupiah() * l.qty + 500) / 1000 : l.unit_price.rupiah() * l.qty;
        l.discount = core::Money::rp(i % 5 == 0 ? 500 : 0);
        l.total = core::Money::rp(gross) - l.discount;
        subtotal += gross;
        s.lines.push_back(l);
    }
    s.subtotal = core::Money::rp(subtotal);
    s.total = s.subtotal;
    s.dpp = core::Money::rp(subtotal * 11 / 14);
    s.ppn = core::Money::rp(subtotal / 10);
    core::Payment cash;
    cash.amount = s.total;
    cash.tendered = s.total + core::Money::rp(5000);
    s.payments = {cash};
    s.change = core::Money::rp(5000);
    return s;
}

// A 300 x 100 logo: a dark band with a lighter ramp, dithered once as at start-up.
Bitmap logo() {
    GrayImage g{300, 100, {}};
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 300; ++x) g.pixels.push_back(static_cast<uint8_t>((y < 20 || y > 80) ? 0 : x * 255 / 299));
    return dither(g);
}

PrinterProfile profile(const char* id, int fallback_mm) {
    const PrinterProfile* p = PrinterProfiles::installed().find(id);
    return p ? *p : generic_profile(fallback_mm);
}

void encode(benchmark::State& state, const PrinterProfile& p) {
    const core::Sale sale = sale_of(30);
    const core::ShopSettings s = settings();
    const Bitmap lg = logo();
    ReceiptOptions opt;
    opt.logo = &lg;
    opt.code = ReceiptCode::Qr;
    size_t bytes = 0;
    for (auto _ : state) {
        auto out = receipt_bytes(sale, s, p, opt);
        bytes = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}

}  // namespace

// Epson TM-T20 (80 mm): QR by GS ( k.
static void BM_EncodeReceipt30LinesLogoQr80mm(benchmark::State& state) { encode(state, profile("epson-tm-t20", 80)); }
BENCHMARK(BM_EncodeReceipt30LinesLogoQr80mm)->Unit(benchmark::kMicrosecond);

// Generic 58 mm: no QR command, so the QR code is made here (libqrencode) and sent as an image.
static void BM_EncodeReceipt30LinesLogoQr58mmGeneric(benchmark::State& state) {
    encode(state, generic_profile(58));
}
BENCHMARK(BM_EncodeReceipt30LinesLogoQr58mmGeneric)->Unit(benchmark::kMicrosecond);

// Once per start-up, not per receipt: scaling and dithering a 600 x 200 logo to 384 dots.
static void BM_DitherLogo600To384(benchmark::State& state) {
    GrayImage g{600, 200, {}};
    for (int y = 0; y < 200; ++y)
        for (int x = 0; x < 600; ++x) g.pixels.push_back(static_cast<uint8_t>((x + y) % 256));
    for (auto _ : state) {
        Bitmap b = dither(scale_to_width(g, 384));
        benchmark::DoNotOptimize(b.bits.data());
    }
}
BENCHMARK(BM_DitherLogo600To384)->Unit(benchmark::kMicrosecond);

// Preview: the virtual printer turning the 80 mm receipt into text and a picture.
static void BM_VirtualPrinterRenders30LineReceipt(benchmark::State& state) {
    const Bitmap lg = logo();
    ReceiptOptions opt;
    opt.logo = &lg;
    auto bytes = receipt_bytes(sale_of(30), settings(), profile("epson-tm-t20", 80), opt);
    for (auto _ : state) {
        Rendering r = render_escpos(bytes, 576);
        benchmark::DoNotOptimize(r.picture.pixels.data());
    }
}
BENCHMARK(BM_VirtualPrinterRenders30LineReceipt)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
