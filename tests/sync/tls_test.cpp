// TLS: the client verifies the central's certificate by default and trusts a private CA only when
// given its file. The central usually sits behind a TLS-terminating proxy; here a small HTTPS
// server with a certificate made for the test stands in for it.
#include "support/sync_test_support.hpp"
#include "sync/protocol.hpp"
#include "sync/sync_client.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <cstdlib>
#include <thread>

using namespace waserda;
using namespace waserda::sync;
using namespace waserda::sync::testkit;

namespace {

class TlsCentral : public ::testing::Test {
protected:
    void SetUp() override {
        std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                          "-addext subjectAltName=IP:127.0.0.1 -keyout '" + dir.file("key.pem") + "' -out '" +
                          dir.file("cert.pem") + "' >/dev/null 2>&1";
        if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "the openssl command is not available to make a certificate";
        server = std::make_unique<httplib::SSLServer>(dir.file("cert.pem").c_str(), dir.file("key.pem").c_str());
        ASSERT_TRUE(server->is_valid());
        server->Post("/v1/events", [this](const httplib::Request&, httplib::Response& res) {
            ++posts;
            res.set_content(ack_to_json(BatchAck{1, 1, 0, {}}).dump(), "application/json");
        });
        port = server->bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server->listen_after_bind(); });
        ASSERT_TRUE(wait_until([this] { return server->is_running(); }));
    }

    void TearDown() override {
        if (server && thread.joinable()) {
            server->stop();
            thread.join();
        }
    }

    SyncOptions options() const {
        SyncOptions o;
        o.server_url = "https://127.0.0.1:" + std::to_string(port);
        o.token = "wsd_test";
        o.pull_master = false;
        return o;
    }

    TempDir dir;
    std::unique_ptr<httplib::SSLServer> server;
    std::thread thread;
    int port = 0;
    std::atomic<int> posts{0};
};

}  // namespace

TEST_F(TlsCentral, RefusesACertificateNoTrustedAuthoritySigned) {
    FakeOutbox outbox;
    outbox.add_sale(1000);
    SyncClient client(outbox, nullptr, options());
    auto round = client.run_once();
    ASSERT_FALSE(round.ok());
    EXPECT_NE(round.error().message.find("Sertifikat"), std::string::npos) << round.error().message;
    EXPECT_EQ(posts, 0);
    EXPECT_EQ(outbox.acked_count(), 0);
}

TEST_F(TlsCentral, TrustsThePrivateAuthorityGivenWithCaFile) {
    FakeOutbox outbox;
    outbox.add_sale(1000);
    auto o = options();
    o.ca_file = dir.file("cert.pem");
    SyncClient client(outbox, nullptr, o);
    auto round = client.run_once();
    ASSERT_TRUE(round.ok()) << round.error().message;
    EXPECT_EQ(posts, 1);
    EXPECT_EQ(outbox.acked_count(), 1);
}
