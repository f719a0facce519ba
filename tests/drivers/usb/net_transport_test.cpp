// The raw TCP 9100 transport against a listener started on 127.0.0.1 in the test.
#include "drivers/transport/net_transport.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace waserda::drivers;

namespace {

// A printer on the network: accepts connections, records what it receives, answers DLE EOT.
class FakeNetworkPrinter {
public:
    explicit FakeNetworkPrinter(uint8_t paper_reply = 0x12, bool answer = true)
        : paper_reply_(paper_reply), answer_(answer) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        EXPECT_EQ(::listen(fd_, 4), 0);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~FakeNetworkPrinter() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }
    uint16_t port() const { return port_; }
    std::vector<uint8_t> received() {
        std::lock_guard lock(m_);
        return received_;
    }
    // Waits until `n` bytes arrived (the client may close before we read everything).
    bool wait_bytes(std::size_t n, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_);
        return cv_.wait_for(lock, timeout, [&] { return received_.size() >= n; });
    }

private:
    void run() {
        while (!stop_) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0) continue;
            serve(c);
            ::close(c);
        }
    }
    void serve(int c) {
        uint8_t buf[4096];
        std::vector<uint8_t> pending;
        while (!stop_) {
            pollfd p{c, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            const ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) return;
            {
                std::lock_guard lock(m_);
                received_.insert(received_.end(), buf, buf + n);
                cv_.notify_all();
            }
            pending.insert(pending.end(), buf, buf + n);
            while (answer_ && pending.size() >= 3) {
                if (pending[0] == 0x10 && pending[1] == 0x04) {
                    const uint8_t reply = pending[2] == 4 ? paper_reply_ : 0x12;
                    ::send(c, &reply, 1, MSG_NOSIGNAL);
                    pending.erase(pending.begin(), pending.begin() + 3);
                } else {
                    pending.erase(pending.begin());
                }
            }
        }
    }

    int fd_ = -1;
    uint16_t port_ = 0;
    uint8_t paper_reply_;
    bool answer_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::mutex m_;
    std::condition_variable cv_;
    std::vector<uint8_t> received_;
};

NetworkPrinterOptions at(uint16_t port) {
    NetworkPrinterOptions o;
    o.host = "127.0.0.1";
    o.port = port;
    o.connect_timeout = std::chrono::milliseconds(1000);
    o.status_timeout = std::chrono::milliseconds(300);
    return o;
}

TEST(NetworkPrinter, SendsTheJobBytesOverTcp) {
    FakeNetworkPrinter printer;
    NetworkPrinterTransport t(at(printer.port()));
    std::vector<uint8_t> job(50000);
    for (std::size_t i = 0; i < job.size(); ++i) job[i] = static_cast<uint8_t>(i * 7);

    ASSERT_TRUE(t.write(job).ok());

    ASSERT_TRUE(printer.wait_bytes(job.size(), std::chrono::seconds(5)));
    EXPECT_EQ(printer.received(), job);
    EXPECT_EQ(t.describe(), "TCP 127.0.0.1:" + std::to_string(printer.port()));
}

TEST(NetworkPrinter, StatusOverTheSocketReportsPaperOut) {
    FakeNetworkPrinter printer(0x12 | 0x60);
    NetworkPrinterTransport t(at(printer.port()));

    auto st = t.query_status();

    ASSERT_TRUE(st.ok()) << st.error().message;
    EXPECT_TRUE(st->paper_out);
    EXPECT_EQ(status_problem(*st)->message, "Kertas printer habis. Ganti gulungan kertas lalu cetak ulang.");
}

TEST(NetworkPrinter, RefusedConnectionIsAPlainSentence) {
    uint16_t port = 0;
    {
        FakeNetworkPrinter gone;  // take a free port, then close it
        port = gone.port();
    }
    NetworkPrinterTransport t(at(port));

    auto s = t.write(std::vector<uint8_t>{1, 2, 3});

    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, "Printer jaringan 127.0.0.1:" + std::to_string(port) +
                                     " tidak terhubung. Periksa kabel LAN dan alamat IP printer.");
}

TEST(NetworkPrinter, SilentPrinterTimesOutOnStatus) {
    FakeNetworkPrinter printer(0x12, /*answer=*/false);
    NetworkPrinterTransport t(at(printer.port()));

    auto st = t.query_status();

    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("tidak menjawab"), std::string::npos);
}

TEST(NetworkPrinter, ParsesHostAndPort) {
    EXPECT_EQ(parse_host_port("192.168.1.50:9100"), std::make_optional(std::make_pair(std::string("192.168.1.50"), uint16_t{9100})));
    EXPECT_EQ(parse_host_port("printer.lan")->second, 9100);
    EXPECT_EQ(parse_host_port("[fe80::1]:9101")->first, "fe80::1");
    EXPECT_FALSE(parse_host_port("host:0").has_value());
    EXPECT_FALSE(parse_host_port(":9100").has_value());
}

}  // namespace
