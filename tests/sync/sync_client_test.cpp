// SyncClient against a real waserda-central on 127.0.0.1 (in-process), with an in-memory outbox.
#include "support/sync_test_support.hpp"
#include "sync/sync_client.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace waserda;
using namespace waserda::sync;
using namespace waserda::sync::testkit;
using namespace std::chrono_literals;

namespace {

SyncOptions options_for(const std::string& url, const std::string& token) {
    SyncOptions o;
    o.server_url = url;
    o.token = token;
    o.batch_size = 50;
    o.retry_min = 10ms;
    o.retry_max = 200ms;
    o.connect_timeout = 2000ms;
    o.transfer_timeout = 10000ms;
    o.seed = 42;
    return o;
}

int64_t central_total(CentralStore& store, int64_t* count = nullptr) {
    auto rows = store.sales_report("", "");
    EXPECT_TRUE(rows.ok());
    int64_t total = 0, n = 0;
    for (const auto& r : rows.value()) {
        total += r.total;
        n += r.sales + r.returns;
    }
    if (count) *count = n;
    return total;
}

// Remembers what was applied, as the shop's store would.
class FakeMasterSink final : public MasterSink {
public:
    core::Result<int64_t> master_version() override { return version; }
    core::Status apply_master(const MasterPage& page) override {
        for (const auto& i : page.items) items[i.sku] = i;
        for (const auto& m : page.members) members[m.number] = m;
        version = page.version;
        ++pages;
        return core::ok_status();
    }
    int64_t version = 0;
    int pages = 0;
    std::map<std::string, core::Item> items;
    std::map<std::string, core::Member> members;
};

}  // namespace

TEST(SyncClient, DrainsEveryPendingSaleInBatches) {
    InProcessCentral central;
    FakeOutbox outbox;
    for (int i = 0; i < 237; ++i) outbox.add_sale(1000 + i);
    SyncClient client(outbox, nullptr, options_for(central.url(), central.add_device("toko-a-T01")));
    auto round = client.run_once();
    ASSERT_TRUE(round.ok()) << round.error().message;
    EXPECT_EQ(round->stored, 237);
    EXPECT_EQ(round->acked_seq, 237);
    EXPECT_EQ(outbox.acked_count(), 237);
    EXPECT_GE(outbox.mark_acked_calls(), 5) << "237 events in batches of 50";
    int64_t count = 0;
    EXPECT_EQ(central_total(central.store(), &count), outbox.expected_total());
    EXPECT_EQ(count, 237);
    EXPECT_TRUE(client.status().last_error.empty());
    EXPECT_EQ(client.status().pending, 0);
}

TEST(SyncClient, ReplaysWhenTheShopLostTheAcknowledgementAndTheCentralKeepsOneCopy) {
    InProcessCentral central;
    FakeOutbox outbox;
    for (int i = 0; i < 120; ++i) outbox.add_sale(500);
    SyncClient client(outbox, nullptr, options_for(central.url(), central.add_device("toko-a-T01")));
    outbox.fail_next_acks(2);  // the central stores two batches the shop does not hear about
    EXPECT_FALSE(client.run_once().ok());
    EXPECT_FALSE(client.run_once().ok());
    auto round = client.run_once();
    ASSERT_TRUE(round.ok()) << round.error().message;
    EXPECT_GT(round->duplicates, 0);
    EXPECT_EQ(outbox.acked_count(), 120);
    int64_t count = 0;
    EXPECT_EQ(central_total(central.store(), &count), 120 * 500);
    EXPECT_EQ(count, 120);
}

TEST(SyncClient, ParksAMalformedRecordAndDeliversTheOnesBehindIt) {
    InProcessCentral central;
    FakeOutbox outbox;
    outbox.add_sale(1000);
    auto bad_payload = nlohmann::json::parse(sale_payload("T01", "s-bad", "T01-X", 999));
    bad_payload["sale"]["local_date"] = "kemarin";
    int64_t bad = outbox.add_raw("sale", bad_payload.dump());
    int64_t garbage = outbox.add_raw("sale", "{\"sale\": ");  // cut short on the shop's disk
    for (int i = 0; i < 30; ++i) outbox.add_sale(2000);
    SyncClient client(outbox, nullptr, options_for(central.url(), central.add_device("toko-a-T01")));
    auto round = client.run_once();
    ASSERT_TRUE(round.ok()) << round.error().message;
    EXPECT_EQ(round->parked, 2);
    auto parked = outbox.parked();
    ASSERT_EQ(parked.size(), 2u);
    EXPECT_EQ(parked[0].first, bad);
    EXPECT_NE(parked[0].second.find("kemarin"), std::string::npos) << parked[0].second;
    EXPECT_EQ(parked[1].first, garbage);
    EXPECT_EQ(outbox.acked_count(), 31);
    EXPECT_EQ(client.status().parked, 2);
    int64_t count = 0;
    EXPECT_EQ(central_total(central.store(), &count), outbox.expected_total());
    EXPECT_EQ(count, 31);
}

TEST(SyncClient, RevokedTokenKeepsSalesPendingAndSaysWhyInIndonesian) {
    InProcessCentral central;
    FakeOutbox outbox;
    for (int i = 0; i < 5; ++i) outbox.add_sale(1000);
    std::string token = central.add_device("toko-a-T01");
    ASSERT_TRUE(central.store().revoke_device("toko-a-T01").ok());
    SyncClient client(outbox, nullptr, options_for(central.url(), token));
    auto round = client.run_once();
    ASSERT_FALSE(round.ok());
    EXPECT_EQ(round.error().code, core::ErrorCode::Denied);
    EXPECT_NE(client.status().last_error.find("dicabut"), std::string::npos) << client.status().last_error;
    EXPECT_EQ(client.status().pending, 5);
    EXPECT_EQ(outbox.acked_count(), 0);
    EXPECT_EQ(*central.store().event_count(), 0);

    SyncClient fresh(outbox, nullptr, options_for(central.url(), central.add_device("toko-a-T01-baru")));
    ASSERT_TRUE(fresh.run_once().ok());
    EXPECT_EQ(outbox.acked_count(), 5);
}

TEST(SyncClient, ReportsAnUnreachableServerAndDeliversOnceItIsBack) {
    // A port nobody listens on: bind one, note it, close it.
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    close(fd);
    FakeOutbox outbox;
    outbox.add_sale(1000);
    SyncClient client(outbox, nullptr, options_for("http://127.0.0.1:" + std::to_string(ntohs(a.sin_port)), "wsd_x"));
    auto round = client.run_once();
    ASSERT_FALSE(round.ok());
    EXPECT_EQ(round.error().code, core::ErrorCode::Network);
    EXPECT_NE(client.status().last_error.find("Server pusat"), std::string::npos) << client.status().last_error;
    EXPECT_EQ(client.status().consecutive_failures, 1);
    EXPECT_EQ(outbox.outbox_stats()->last_error, client.status().last_error) << "the store keeps the error too";
}

TEST(SyncClient, BackgroundThreadDeliversNewSalesAfterWake) {
    InProcessCentral central;
    FakeOutbox outbox;
    auto options = options_for(central.url(), central.add_device("toko-a-T01"));
    options.idle_interval = std::chrono::hours(1);  // only wake() can make it run again
    SyncClient client(outbox, nullptr, options);
    client.start();
    EXPECT_TRUE(wait_until([&] { return !client.status().last_success_at.empty(); }));
    for (int i = 0; i < 10; ++i) outbox.add_sale(100);
    client.wake();
    EXPECT_TRUE(wait_until([&] { return outbox.acked_count() == 10; }));
    EXPECT_TRUE(wait_until([&] { return client.status().pending == 0; }));
    EXPECT_TRUE(client.status().running);
    client.stop();
    EXPECT_FALSE(client.status().running);
    EXPECT_EQ(central_total(central.store()), 1000);
}

TEST(SyncClient, RetriesWithBackoffUntilTheStoreRecovers) {
    InProcessCentral central;
    FakeOutbox outbox;
    outbox.add_sale(700);
    outbox.fail_next_reads(3);
    SyncClient client(outbox, nullptr, options_for(central.url(), central.add_device("toko-a-T01")));
    client.start();
    EXPECT_TRUE(wait_until([&] { return outbox.acked_count() == 1; }));
    client.stop();
    EXPECT_EQ(client.status().consecutive_failures, 0);
    EXPECT_TRUE(client.status().last_error.empty());
}

TEST(SyncClient, BackoffGrowsExponentiallyWithJitterUpToTheCeiling) {
    FakeOutbox outbox;
    SyncOptions o;
    o.retry_min = 1000ms;
    o.retry_max = 60000ms;
    o.seed = 7;
    SyncClient client(outbox, nullptr, o);
    for (int failures = 1; failures <= 12; ++failures) {
        int64_t base = std::min<int64_t>(1000LL << (failures - 1), 60000);
        auto d = client.backoff_delay(failures).count();
        EXPECT_GE(d, base / 2) << failures;
        EXPECT_LT(d, base) << failures;
    }
    std::set<int64_t> seen;
    for (int i = 0; i < 20; ++i) seen.insert(client.backoff_delay(3).count());
    EXPECT_GT(seen.size(), 10u) << "jitter spreads the retries";
}

TEST(SyncClient, StopAbortsATransferTheServerNeverAnswers) {
    // A server that accepts the connection and then says nothing.
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    listen(fd, 4);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    FakeOutbox outbox;
    outbox.add_sale(1000);
    auto options = options_for("http://127.0.0.1:" + std::to_string(ntohs(a.sin_port)), "wsd_x");
    options.transfer_timeout = std::chrono::minutes(5);
    SyncClient client(outbox, nullptr, options);
    client.start();
    // The connection is queued by the kernel; the client is now waiting for an answer.
    EXPECT_TRUE(wait_until([&] {
        int c = accept4(fd, nullptr, nullptr, SOCK_NONBLOCK);
        if (c >= 0) close(c);
        return c >= 0;
    }));
    auto t0 = std::chrono::steady_clock::now();
    client.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
    EXPECT_EQ(outbox.acked_count(), 0);
    close(fd);
}

TEST(SyncClient, TimesOutAServerThatNeverAnswers) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    listen(fd, 4);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    FakeOutbox outbox;
    outbox.add_sale(1000);
    auto options = options_for("http://127.0.0.1:" + std::to_string(ntohs(a.sin_port)), "wsd_x");
    options.transfer_timeout = 300ms;
    SyncClient client(outbox, nullptr, options);
    auto round = client.run_once();
    ASSERT_FALSE(round.ok());
    EXPECT_NE(round.error().message.find("tepat waktu"), std::string::npos) << round.error().message;
    close(fd);
}

TEST(SyncClient, PullsOnlyTheMasterDataThatChanged) {
    InProcessCentral central;
    std::vector<MasterRow> rows;
    for (int i = 0; i < 1200; ++i) {
        std::string sku = "SKU-" + std::to_string(i);
        rows.push_back({"item", sku, nlohmann::json{{"sku", sku}, {"name", "Barang " + std::to_string(i)}, {"price", 1000 + i}}.dump(),
                        "Barang", {}, 0});
    }
    rows.push_back({"member", "A-1", R"({"number":"A-1","name":"Siti","credit_limit":250000})", "Siti", 250000, 0});
    ASSERT_TRUE(central.store().upsert_master(rows).ok());
    FakeOutbox outbox;
    FakeMasterSink sink;
    SyncClient client(outbox, &sink, options_for(central.url(), central.add_device("toko-a-T01")));
    auto first = client.run_once();
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first->items_pulled, 1200);
    EXPECT_EQ(first->members_pulled, 1);
    EXPECT_EQ(sink.items.size(), 1200u);
    EXPECT_EQ(sink.members["A-1"].credit_limit_override, core::Money::rp(250000));
    EXPECT_GE(sink.pages, 3) << "pages of 500";

    auto quiet = client.run_once();
    ASSERT_TRUE(quiet.ok());
    EXPECT_EQ(quiet->items_pulled, 0);

    rows[7].body = R"({"sku":"SKU-7","name":"Barang 7","price":9999})";
    ASSERT_TRUE(central.store().upsert_master(rows).ok());
    auto changed = client.run_once();
    ASSERT_TRUE(changed.ok());
    EXPECT_EQ(changed->items_pulled, 1);
    EXPECT_EQ(sink.items["SKU-7"].price, core::Money::rp(9999));
}
