#include "tcp_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cassert>

namespace waserda::sync::testkit {

namespace {
sockaddr_in loopback(int port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}
}  // namespace

TcpProxy::TcpProxy(int upstream_port) : upstream_port_(upstream_port) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    auto a = loopback(0);
    [[maybe_unused]] int rc = bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    assert(rc == 0);
    listen(listen_fd_, 64);
    socklen_t len = sizeof a;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    rc = pipe(wake_);
    assert(rc == 0);
    acceptor_ = std::thread([this] { accept_loop(); });
}

TcpProxy::~TcpProxy() {
    stopping_ = true;
    [[maybe_unused]] auto n = write(wake_[1], "x", 1);
    acceptor_.join();
    for (auto& t : pumps_) t.join();
    close(listen_fd_);
    close(wake_[0]);
    close(wake_[1]);
}

void TcpProxy::set_plan(std::function<CutPlan(int64_t)> plan) {
    std::lock_guard lock(mu_);
    plan_ = std::move(plan);
}

void TcpProxy::accept_loop() {
    while (!stopping_) {
        pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        if (poll(fds, 2, -1) <= 0) continue;
        if (fds[1].revents) break;
        int client = accept(listen_fd_, nullptr, nullptr);
        if (client < 0) continue;
        int64_t index = connections_++;
        CutPlan plan;
        {
            std::lock_guard lock(mu_);
            if (plan_) plan = plan_(index);
        }
        int upstream = socket(AF_INET, SOCK_STREAM, 0);
        auto a = loopback(upstream_port_);
        if (connect(upstream, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            close(upstream);
            close(client);  // the server is down: the client sees the connection closed
            continue;
        }
        pumps_.emplace_back([this, client, upstream, plan] { pump(client, upstream, plan); });
    }
}

void TcpProxy::pump(int client, int upstream, CutPlan plan) {
    int64_t up = 0, down = 0;
    char buf[16384];
    bool cut = false;
    while (!stopping_ && !cut) {
        pollfd fds[3] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        if (poll(fds, 3, 200) < 0) break;
        if (fds[2].revents) break;
        bool closed = false;
        for (int side = 0; side < 2 && !closed && !cut; ++side) {
            if (!(fds[side].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            int from = side == 0 ? client : upstream, to = side == 0 ? upstream : client;
            int64_t& count = side == 0 ? up : down;
            const auto& limit = side == 0 ? plan.upstream_bytes : plan.downstream_bytes;
            ssize_t n = read(from, buf, sizeof buf);
            if (n <= 0) {
                closed = true;
                break;
            }
            ssize_t allowed = n;
            if (limit && count + n >= *limit) {
                allowed = ssize_t(*limit - count);
                cut = true;
            }
            for (ssize_t sent = 0; sent < allowed;) {
                ssize_t w = write(to, buf + sent, size_t(allowed - sent));
                if (w <= 0) {
                    closed = true;
                    break;
                }
                sent += w;
            }
            count += allowed;
        }
        if (closed) break;
    }
    if (cut) {
        ++cuts_;
        // An abortive close (RST) is what a dropped mobile link or a pulled cable looks like.
        linger l{1, 0};
        setsockopt(client, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        setsockopt(upstream, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    close(client);
    close(upstream);
}

}  // namespace waserda::sync::testkit
