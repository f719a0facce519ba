// A tiny TCP proxy on 127.0.0.1 that forwards to the central server and cuts connections on purpose:
// mid-request (the server sees half a batch), after the request (the server stored it but the
// answer never arrives), or at random points from a seed.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace waserda::sync::testkit {

struct CutPlan {
    std::optional<int64_t> upstream_bytes;     // close after forwarding this many request bytes
    std::optional<int64_t> downstream_bytes;   // close after forwarding this many answer bytes
};

class TcpProxy {
public:
    explicit TcpProxy(int upstream_port);
    ~TcpProxy();
    int port() const { return port_; }
    // Decides how each new connection (numbered from 0) will be cut. Default: never.
    void set_plan(std::function<CutPlan(int64_t connection)> plan);
    void set_upstream_port(int port) { upstream_port_ = port; }
    int64_t connections() const { return connections_; }
    int64_t cuts() const { return cuts_; }

private:
    void accept_loop();
    void pump(int client, int upstream, CutPlan plan);

    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<int> upstream_port_;
    int wake_[2] = {-1, -1};
    std::atomic<bool> stopping_{false};
    std::atomic<int64_t> connections_{0}, cuts_{0};
    std::mutex mu_;
    std::function<CutPlan(int64_t)> plan_;
    std::thread acceptor_;
    std::vector<std::thread> pumps_;
};

}  // namespace waserda::sync::testkit
