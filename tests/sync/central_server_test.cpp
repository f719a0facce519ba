// waserda-central's HTTP API over a real socket, on SQLite and on PostgreSQL (when
// WASERDA_TEST_PG_URL is set): idempotent ingest, validation, tokens, limits, master data, reports.
#include "support/sync_test_support.hpp"
#include "sync/gzip.hpp"
#include "sync/protocol.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <thread>

using namespace waserda;
using namespace waserda::sync;
using namespace waserda::sync::testkit;
using nlohmann::json;

namespace {

class CentralApi : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        if (GetParam() == "pg" && !pg_base_url())
            GTEST_SKIP() << "WASERDA_TEST_PG_URL is not set; packaging/test.sh starts a throwaway cluster "
                            "with packaging/pg-test-cluster.sh and sets it.";
        central = std::make_unique<InProcessCentral>(GetParam());
        token = central->add_device("toko-a-T01", "toko-a");
    }

    httplib::Result post(const std::string& body, const std::string& bearer, bool gzip = true) {
        httplib::Client cli(central->url());
        cli.set_read_timeout(60, 0);  // a slow machine (sanitizers, a busy CI) is not a failure
        httplib::Headers headers = {{"Authorization", "Bearer " + bearer}};
        if (gzip) headers.emplace("Content-Encoding", "gzip");
        return cli.Post("/v1/events", headers, gzip ? gzip_compress(body) : body, "application/json");
    }

    httplib::Result get(const std::string& path, const std::string& bearer) {
        httplib::Client cli(central->url());
        return cli.Get(path, {{"Authorization", "Bearer " + bearer}});
    }

    // `shop` keeps uuids apart between devices, as random uuids are in real life.
    static json event(int64_t seq, int64_t total, const std::string& member = "", const std::string& shop = "a") {
        const std::string n = shop + std::to_string(seq);
        return {{"seq", seq}, {"uuid", "ev-" + n}, {"device", "T01"}, {"kind", "sale"},
                {"created_at", "2026-11-22T03:04:05Z"},
                {"payload", json::parse(sale_payload("T01", "sale-" + n, "T01-20261122-" + std::to_string(seq), total, member))}};
    }

    static std::string batch(std::vector<json> events) { return json{{"events", events}}.dump(); }

    int64_t central_sales_total() {
        auto rows = central->store().sales_report("", "");
        EXPECT_TRUE(rows.ok());
        int64_t total = 0;
        for (const auto& r : rows.value()) total += r.total;
        return total;
    }

    std::unique_ptr<InProcessCentral> central;
    std::string token;
};

}  // namespace

TEST_P(CentralApi, AnswersHealthWithApiVersion) {
    httplib::Client cli(central->url());
    auto res = cli.Get("/v1/health");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(json::parse(res->body)["api"], 1);
}

TEST_P(CentralApi, StoresBatchAndAcknowledgesHighestSequence) {
    auto res = post(batch({event(1, 1000), event(2, 2000), event(3, 3000)}), token);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    auto ack = ack_from_json(res->body);
    ASSERT_TRUE(ack.ok());
    EXPECT_EQ(ack->acked_seq, 3);
    EXPECT_EQ(ack->stored, 3);
    EXPECT_EQ(central_sales_total(), 6000);
}

TEST_P(CentralApi, ReplayedBatchChangesNothingAndGetsTheSameAcknowledgement) {
    std::string body = batch({event(1, 1000), event(2, 2000)});
    auto first = post(body, token);
    auto second = post(body, token);
    ASSERT_TRUE(first && second);
    auto a1 = ack_from_json(first->body), a2 = ack_from_json(second->body);
    ASSERT_TRUE(a1.ok() && a2.ok());
    EXPECT_EQ(a1->acked_seq, a2->acked_seq);
    EXPECT_EQ(a2->stored, 0);
    EXPECT_EQ(a2->duplicates, 2);
    EXPECT_EQ(*central->store().event_count(), 2);
    EXPECT_EQ(central_sales_total(), 3000);
}

TEST_P(CentralApi, RejectsMalformedEventAndStoresTheRest) {
    json bad = event(2, 2000);
    bad["payload"]["sale"]["total"] = "dua ribu";
    auto res = post(batch({event(1, 1000), bad, event(3, 3000)}), token);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    auto ack = ack_from_json(res->body);
    ASSERT_TRUE(ack.ok());
    EXPECT_EQ(ack->stored, 2);
    EXPECT_EQ(ack->acked_seq, 3);
    ASSERT_EQ(ack->rejected.size(), 1u);
    EXPECT_EQ(ack->rejected[0].seq, 2);
    EXPECT_NE(ack->rejected[0].reason.find("total"), std::string::npos) << ack->rejected[0].reason;
    EXPECT_EQ(central_sales_total(), 4000);
}

TEST_P(CentralApi, RejectsASequenceReusedByAnotherEvent) {
    ASSERT_TRUE(post(batch({event(1, 1000)}), token));
    json other = event(1, 5000);
    other["uuid"] = "a-different-event";
    auto res = post(batch({other}), token);
    ASSERT_TRUE(res);
    auto ack = ack_from_json(res->body);
    ASSERT_TRUE(ack.ok());
    ASSERT_EQ(ack->rejected.size(), 1u);
    EXPECT_EQ(central_sales_total(), 1000);
}

TEST_P(CentralApi, RefusesAnotherEventCarryingAnAlreadyReceivedSale) {
    ASSERT_TRUE(post(batch({event(1, 1000)}), token));
    json copy = event(2, 1000);
    copy["payload"]["sale"]["uuid"] = "sale-a1";
    auto res = post(batch({copy}), token);
    ASSERT_TRUE(res);
    auto ack = ack_from_json(res->body);
    ASSERT_TRUE(ack.ok());
    ASSERT_EQ(ack->rejected.size(), 1u);
    EXPECT_EQ(ack->rejected[0].seq, 2);
    EXPECT_EQ(central_sales_total(), 1000);
}

TEST_P(CentralApi, RefusesMissingUnknownAndRevokedTokens) {
    auto none = post(batch({event(1, 1000)}), "");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 401);
    auto unknown = post(batch({event(1, 1000)}), "wsd_not-a-token");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 401);
    ASSERT_TRUE(central->store().revoke_device("toko-a-T01").ok());
    auto revoked = post(batch({event(1, 1000)}), token);
    ASSERT_TRUE(revoked);
    EXPECT_EQ(revoked->status, 401);
    EXPECT_NE(error_from_body(revoked->body).find("dicabut"), std::string::npos) << revoked->body;
    EXPECT_EQ(*central->store().event_count(), 0);
}

TEST_P(CentralApi, AnswersBadRequestsWithAReason) {
    for (const std::string& body : {std::string("not json"), std::string("{\"events\": 3}"), std::string("[1,2]"),
                                    std::string(R"({"events":[{"uuid":"x"}]})")}) {
        auto res = post(body, token);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400) << body;
        EXPECT_FALSE(error_from_body(res->body).empty());
    }
    auto plain = post(batch({event(1, 1000)}), token, /*gzip=*/false);
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->status, 200) << "an uncompressed body is accepted too";
    httplib::Client cli(central->url());
    auto missing = cli.Get("/v1/nothing-here");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
}

TEST_P(CentralApi, RefusesAGzipBombWithoutInflatingIt) {
    std::string huge(64u * 1024 * 1024, ' ');  // 64 MiB of spaces compress to ~64 KiB
    auto res = post(huge, token);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_TRUE(healthy(central->url()));
}

TEST_P(CentralApi, RefusesTooManyEventsInOneBatch) {
    std::vector<json> events;
    for (int i = 1; i <= kMaxBatchEvents + 1; ++i) events.push_back({{"seq", i}});
    auto res = post(batch(events), token);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
}

TEST_P(CentralApi, MasterPullReturnsOnlyWhatChanged) {
    std::vector<MasterRow> rows = {{"item", "BRS-5", R"({"sku":"BRS-5","name":"Beras","price":72000})", "Beras", {}, 0},
                                   {"member", "A-1", R"({"number":"A-1","name":"Siti","credit_limit":100000})", "Siti", 100000, 0}};
    auto first = central->store().upsert_master(rows);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->changed, 2);
    auto page = get("/v1/master?since=0", token);
    ASSERT_TRUE(page && page->status == 200);
    auto p1 = master_page_from_json(page->body);
    ASSERT_TRUE(p1.ok()) << page->body;
    EXPECT_EQ(p1->items.size(), 1u);
    EXPECT_EQ(p1->members.size(), 1u);

    auto again = central->store().upsert_master(rows);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->changed, 0) << "an unchanged row keeps its version";
    rows[0].body = R"({"sku":"BRS-5","name":"Beras","price":74000})";
    ASSERT_TRUE(central->store().upsert_master(rows).ok());
    auto next = get("/v1/master?since=" + std::to_string(p1->version), token);
    ASSERT_TRUE(next && next->status == 200);
    auto p2 = master_page_from_json(next->body);
    ASSERT_TRUE(p2.ok());
    ASSERT_EQ(p2->items.size(), 1u);
    EXPECT_EQ(p2->items[0].price, core::Money::rp(74000));
    EXPECT_TRUE(p2->members.empty());
    auto bad = get("/v1/master?since=banyak", token);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
}

TEST_P(CentralApi, MergesCreditAcrossShopsAndFlagsMembersOverTheirLimit) {
    std::string token_b = central->add_device("toko-b-T01", "toko-b");
    ASSERT_TRUE(central->store()
                    .upsert_master({{"member", "A-1", R"({"number":"A-1","name":"Siti","credit_limit":100000})", "Siti", 100000, 0}})
                    .ok());
    // Each shop alone is under the limit; together they are over it.
    ASSERT_TRUE(post(batch({event(1, 60000, "A-1")}), token));
    ASSERT_TRUE(post(batch({event(1, 50000, "A-1", "b")}), token_b));
    auto rows = central->store().credit_report(false);
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].owed, 110000);
    EXPECT_EQ((*rows)[0].shops, 2);
    EXPECT_TRUE((*rows)[0].over_limit);
    auto flags = get("/v1/credit", token);
    ASSERT_TRUE(flags && flags->status == 200);
    EXPECT_EQ(json::parse(flags->body)["over_limit"][0]["number"], "A-1");
}

TEST_P(CentralApi, ReportsSalesByShopAndDay) {
    std::string token_b = central->add_device("toko-b-T01", "toko-b");
    ASSERT_TRUE(post(batch({event(1, 1000), event(2, 2000), event(3, -500)}), token));
    ASSERT_TRUE(post(batch({event(1, 7000, "", "b")}), token_b));
    auto rows = central->store().sales_report("2026-11-01", "2026-11-30");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].shop, "toko-a");
    EXPECT_EQ((*rows)[0].sales, 2);
    EXPECT_EQ((*rows)[0].returns, 1);
    EXPECT_EQ((*rows)[0].total, 2500);
    EXPECT_EQ((*rows)[1].total, 7000);
    auto outside = central->store().sales_report("2026-12-01", "");
    ASSERT_TRUE(outside.ok());
    EXPECT_TRUE(outside->empty());
}

TEST_P(CentralApi, ConcurrentReplaysOfOneBatchStoreEachEventOnce) {
    std::vector<json> events;
    for (int i = 1; i <= 200; ++i) events.push_back(event(i, 100));
    std::string body = batch(events);
    std::vector<std::thread> senders;
    std::atomic<int> ok{0};
    for (int t = 0; t < 6; ++t)
        senders.emplace_back([&] {
            auto res = post(body, token);
            if (res && res->status == 200 && ack_from_json(res->body)->acked_seq == 200) ++ok;
        });
    for (auto& t : senders) t.join();
    EXPECT_EQ(ok, 6);
    EXPECT_EQ(*central->store().event_count(), 200);
    EXPECT_EQ(central_sales_total(), 20000);
}

INSTANTIATE_TEST_SUITE_P(Backends, CentralApi, ::testing::Values("sqlite", "pg"),
                         [](const auto& info) { return info.param; });

// Several stateless servers on one PostgreSQL: the database, not a server, keeps events unique.
TEST(CentralOnPostgres, TwoServersOnOneDatabaseStoreEachEventOnce) {
    if (!pg_base_url()) GTEST_SKIP() << "WASERDA_TEST_PG_URL is not set (packaging/pg-test-cluster.sh).";
    std::string url = pg_fresh_database();
    auto store_a = open_pg_central(url);
    auto store_b = open_pg_central(url);
    ASSERT_TRUE(store_a.ok() && store_b.ok());
    CentralServer a(*store_a.value()), b(*store_b.value());
    auto pa = a.start("127.0.0.1", 0), pb = b.start("127.0.0.1", 0);
    ASSERT_TRUE(pa.ok() && pb.ok());
    std::string token = new_device_token();
    ASSERT_TRUE(store_a.value()->add_device("toko-a-T01", "toko-a", hash_token(token)).ok());

    json events = json::array();
    for (int i = 1; i <= 300; ++i)
        events.push_back({{"seq", i}, {"uuid", "ev-" + std::to_string(i)}, {"device", "T01"}, {"kind", "sale"},
                          {"payload", json::parse(sale_payload("T01", "s-" + std::to_string(i), "N" + std::to_string(i), 10))}});
    std::string body = gzip_compress(json{{"events", events}}.dump());
    std::vector<std::thread> senders;
    std::atomic<int> ok{0};
    for (int t = 0; t < 6; ++t)
        senders.emplace_back([&, t] {
            httplib::Client cli("http://127.0.0.1:" + std::to_string(t % 2 ? *pa : *pb));
            cli.set_read_timeout(60, 0);
            auto res = cli.Post("/v1/events", {{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}}, body,
                                "application/json");
            if (res && res->status == 200 && ack_from_json(res->body)->acked_seq == 300) ++ok;
        });
    for (auto& t : senders) t.join();
    EXPECT_EQ(ok, 6);
    EXPECT_EQ(*store_b.value()->event_count(), 300);
    auto rows = store_a.value()->sales_report("", "");
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].sales, 300);
    a.stop();
    b.stop();
}
