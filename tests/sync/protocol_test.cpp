// The wire protocol, gzip, CSV import and report formats: pure functions, no sockets.
#include "support/sync_test_support.hpp"
#include "sync/gzip.hpp"
#include "sync/protocol.hpp"
#include "sync/server/master_import.hpp"
#include "sync/server/reports.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace waserda;
using namespace waserda::sync;
using nlohmann::json;

namespace {

json envelope(const std::string& payload, int64_t seq = 7, const std::string& kind = "sale") {
    return {{"seq", seq}, {"uuid", "ev-" + std::to_string(seq)}, {"device", "T01"}, {"kind", kind},
            {"created_at", "2026-11-22T03:04:05Z"}, {"payload", json::parse(payload)}};
}

json sale_event(int64_t total, const std::string& member = "") {
    return envelope(testkit::sale_payload("T01", "sale-uuid", "T01-20261122-0001", total, member));
}

}  // namespace

TEST(SyncProtocol, ParsesPosSalePayloadIntoFacts) {
    auto e = parse_event(sale_event(12500, "A-0012"));
    ASSERT_TRUE(e.ok()) << e.error().message;
    ASSERT_TRUE(e->sale.has_value());
    EXPECT_EQ(e->sale->total, 12500);
    EXPECT_EQ(e->sale->local_date, "2026-11-22");
    EXPECT_EQ(e->sale->number, "T01-20261122-0001");
    ASSERT_EQ(e->credits.size(), 1u);
    EXPECT_EQ(e->credits[0].member_number, "A-0012");
    EXPECT_EQ(e->credits[0].amount, 12500);
}

TEST(SyncProtocol, IgnoresUnknownFields) {
    json e = sale_event(1000);
    e["payload"]["future_field"] = {{"x", 1}};
    e["payload"]["sale"]["loyalty_points"] = 3;
    e["shiny"] = true;
    EXPECT_TRUE(parse_event(e).ok());
}

TEST(SyncProtocol, RejectsFractionalRupiah) {
    json e = sale_event(1000);
    e["payload"]["sale"]["total"] = 1000.5;
    auto r = parse_event(e);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("total"), std::string::npos) << r.error().message;
}

TEST(SyncProtocol, RejectsSaleEventWithoutSale) {
    json e = sale_event(1000);
    e["payload"].erase("sale");
    EXPECT_FALSE(parse_event(e).ok());
}

TEST(SyncProtocol, AcceptsNonSaleEventWithoutSale) {
    auto e = parse_event(envelope(R"({"kind":"savings.deposit","savings":[{"member_number":"A-1","type":"sukarela","amount":50000}]})",
                                  3, "savings.deposit"));
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_FALSE(e->sale.has_value());
}

TEST(SyncProtocol, RejectsImpossibleLocalDate) {
    json e = sale_event(1000);
    e["payload"]["sale"]["local_date"] = "2026-02-30";
    EXPECT_FALSE(parse_event(e).ok());
}

TEST(SyncProtocol, RejectsUnknownPaymentMethod) {
    json e = sale_event(1000);
    e["payload"]["sale"]["payments"][0]["method"] = "barter";
    auto r = parse_event(e);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("barter"), std::string::npos);
}

TEST(SyncProtocol, RejectsReceivableWithoutMember) {
    json e = sale_event(1000, "A-1");
    e["payload"]["receivables"][0].erase("member_number");
    EXPECT_FALSE(parse_event(e).ok());
}

TEST(SyncProtocol, RejectsNonPositiveSequence) {
    json e = sale_event(1000);
    e["seq"] = 0;
    EXPECT_FALSE(parse_event(e).ok());
}

TEST(SyncProtocol, BatchEncodingSetsAsideUnparsablePayloads) {
    std::vector<core::OutboxEvent> events = {
        {1, "u1", "T01", "sale", testkit::sale_payload("T01", "s1", "N1", 100), "t"},
        {2, "u2", "T01", "sale", "{not json", "t"},
        {3, "u3", "T01", "sale", testkit::sale_payload("T01", "s3", "N3", 300), "t"},
    };
    auto batch = encode_batch(events);
    EXPECT_EQ(batch.sent, 2);
    EXPECT_EQ(batch.max_seq, 3);
    ASSERT_EQ(batch.unsendable.size(), 1u);
    EXPECT_EQ(batch.unsendable[0].seq, 2);
    auto body = json::parse(batch.body);
    EXPECT_EQ(body["events"].size(), 2u);
    EXPECT_EQ(body["events"][1]["payload"]["sale"]["total"], 300);
}

TEST(SyncProtocol, AckRoundTripsThroughJson) {
    BatchAck ack{42, 3, 1, {{40, "Penjualan tidak sah."}}};
    auto back = ack_from_json(ack_to_json(ack).dump());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->acked_seq, 42);
    EXPECT_EQ(back->stored, 3);
    ASSERT_EQ(back->rejected.size(), 1u);
    EXPECT_EQ(back->rejected[0].reason, "Penjualan tidak sah.");
    EXPECT_FALSE(ack_from_json("<html>502 Bad Gateway</html>").ok());
}

TEST(SyncGzip, RoundTripsAndRefusesToGrowPastTheCap) {
    std::string text(200000, 'a');
    auto packed = gzip_compress(text);
    EXPECT_LT(packed.size(), 2000u);
    auto back = gzip_decompress(packed, text.size());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, text);
    EXPECT_FALSE(gzip_decompress(packed, text.size() - 1).has_value());
    EXPECT_FALSE(gzip_decompress(packed.substr(0, packed.size() / 2), text.size()).has_value());
    EXPECT_FALSE(gzip_decompress("plain text", 100).has_value());
}

TEST(SyncMasterWire, ItemAndMemberRoundTrip) {
    core::Item item;
    item.sku = "BRS-5";
    item.name = "Beras 5 kg";
    item.price = core::Money::rp(72000);
    item.member_price = core::Money::rp(70000);
    item.barcodes = {{"8991234567890", 1}, {"8991234567906", 4}};
    auto back = item_from_wire(item_to_wire(item));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->member_price, core::Money::rp(70000));
    ASSERT_EQ(back->barcodes.size(), 2u);
    EXPECT_EQ(back->barcodes[1].pack_qty, 4);

    core::Member m;
    m.number = "A-0012";
    m.name = "Siti Aminah";
    m.status = core::MemberStatus::Left;
    m.credit_limit_override = core::Money::rp(500000);
    auto mb = member_from_wire(member_to_wire(m));
    ASSERT_TRUE(mb.ok()) << mb.error().message;
    EXPECT_EQ(mb->status, core::MemberStatus::Left);
    EXPECT_EQ(mb->credit_limit_override, core::Money::rp(500000));
}

TEST(SyncMasterImport, ParsesQuotedCsvWithPacksAndIndonesianPrices) {
    auto rows = items_from_csv(
        "sku,name,price,member_price,barcodes,category\n"
        "BRS-5,\"Beras \"\"Pandan\"\", 5 kg\",Rp 72.000,70000,8991234567890;8991234567906*4,Sembako\r\n"
        "GLA-1,Gula 1 kg,15000,,,\n");
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 2u);
    auto item = item_from_wire(json::parse((*rows)[0].body));
    ASSERT_TRUE(item.ok());
    EXPECT_EQ(item->name, "Beras \"Pandan\", 5 kg");
    EXPECT_EQ(item->price, core::Money::rp(72000));
    ASSERT_EQ(item->barcodes.size(), 2u);
    EXPECT_EQ(item->barcodes[1].pack_qty, 4);
    auto gula = item_from_wire(json::parse((*rows)[1].body));
    ASSERT_TRUE(gula.ok());
    EXPECT_EQ(gula->member_price, core::Money::rp(15000));
}

TEST(SyncMasterImport, NamesTheLineOfABadMemberRow) {
    auto rows = members_from_csv("number;name;credit_limit\nA-1;Siti;500000\nA-2;Budi;lima ratus\n");
    ASSERT_FALSE(rows.ok());
    EXPECT_NE(rows.error().message.find("Baris 3"), std::string::npos) << rows.error().message;
    EXPECT_FALSE(members_from_csv("name\nSiti\n").ok());
}

TEST(SyncReports, FormatsSalesAsTableCsvAndJson) {
    std::vector<SalesDayRow> rows = {{"toko-a", "2026-11-22", 10, 1, 1250000}, {"toko-b", "2026-11-22", 3, 0, 45000}};
    auto table = format_sales_report(rows, ReportFormat::Table);
    EXPECT_NE(table.find("Rp 1.295.000"), std::string::npos) << table;
    auto csv = format_sales_report(rows, ReportFormat::Csv);
    EXPECT_EQ(csv, "shop,date,sales,returns,total\ntoko-a,2026-11-22,10,1,1250000\ntoko-b,2026-11-22,3,0,45000\n");
    auto j = json::parse(format_sales_report(rows, ReportFormat::Json));
    EXPECT_EQ(j[1]["total"], 45000);
}
