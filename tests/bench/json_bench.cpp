// The outbox payload every sale writes, for a 5-line member sale with its stock moves:
//   BM_SalePayloadTree5Lines    the nlohmann tree the payload used to be built as, then dump()
//   BM_SalePayloadWriter5Lines  posting_payload_text: the streaming JsonWriter into one string
//   BM_SalePayloadValue5Lines   posting_payload: the same text parsed into a json value (the
//                               callers that add members to a payload; not on the sale path)
// Ratio to quote: Tree / Writer.
#include "pos/core/json_codec.hpp"
#include "tests/core/posting_payload_reference.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace waserda::core;

Posting five_line_sale() {
    const char* names[] = {"Beras Pandan Wangi 5 kg", "Minyak Goreng Bimoli 2 L", "Gula Pasir Gulaku 1 kg",
                           "Telur Ayam Negeri", "Sabun Cuci Piring Sunlight 755 ml"};
    Sale s;
    s.uuid = "4f1c2a9e-0d3b-4c7a-9e61-2b8f5d0a7c13";
    s.number = "T01-20261122-0007";
    s.device = "T01";
    s.at = "2026-11-22T03:04:05Z";
    s.local_date = "2026-11-22";
    s.user_id = 3;
    s.user_name = "Budi Santoso";
    s.shift_id = 12;
    s.member_id = 41;
    s.member_number = "A-0012";
    s.member_name = "Siti Aminah";
    int64_t subtotal = 0;
    for (int i = 0; i < 5; ++i) {
        SaleLine l;
        l.line_no = i + 1;
        l.item_id = 100 + i;
        l.sku = "SKU-" + std::to_string(100 + i);
        l.name = names[i];
        l.code = "899123456789" + std::to_string(i);
        l.unit = i == 3 ? "kg" : "pcs";
        l.weighed = i == 3;
        l.qty = i == 3 ? 750 : 1 + i % 3;
        l.unit_price = Money::rp(15000 + 2500 * i);
        l.price_kind = PriceKind::Member;
        l.total = Money::rp(l.weighed ? l.unit_price.rupiah() * l.qty / 1000 : l.unit_price.rupiah() * l.qty);
        l.unit_cost = Money::rp(l.unit_price.rupiah() * 8 / 10);
        subtotal += l.total.rupiah();
        s.lines.push_back(l);
    }
    s.subtotal = s.total = Money::rp(subtotal);
    s.dpp = Money::rp(subtotal * 11 / 12 * 100 / 112);
    s.ppn = Money::rp(subtotal - s.dpp.rupiah());
    Payment cash;
    cash.amount = s.total;
    cash.tendered = Money::rp(200000);
    s.payments = {cash};
    s.change = cash.tendered - cash.amount;
    s.member_available_credit = Money::rp(400000);
    s.member_sukarela = Money::rp(125000);
    Posting p;
    p.kind = "sale";
    for (auto& l : s.lines)
        p.stock_moves.push_back(StockMove{0, l.item_id, l.sku, StockMoveKind::Sale, -l.qty, l.unit_cost, s.number, "", s.at, 3});
    p.sale = std::move(s);
    return p;
}

void BM_SalePayloadTree5Lines(benchmark::State& state) {
    const Posting p = five_line_sale();
    for (auto _ : state) {
        std::string text = payload_reference::posting_payload(p).dump();
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(BM_SalePayloadTree5Lines);

void BM_SalePayloadWriter5Lines(benchmark::State& state) {
    const Posting p = five_line_sale();
    size_t bytes = 0;
    for (auto _ : state) {
        std::string text = posting_payload_text(p);
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.counters["payload_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SalePayloadWriter5Lines);

void BM_SalePayloadValue5Lines(benchmark::State& state) {
    const Posting p = five_line_sale();
    for (auto _ : state) {
        auto j = posting_payload(p);
        benchmark::DoNotOptimize(j);
    }
}
BENCHMARK(BM_SalePayloadValue5Lines);

}  // namespace

BENCHMARK_MAIN();
