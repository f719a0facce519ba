#include "drivers/transport/net_transport.hpp"

#include "pos/core/i18n.hpp"

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace waserda::drivers {

namespace {

struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    ~Fd() { if (fd >= 0) ::close(fd); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
};

// Waits for `events` on fd; 0 on ready, ETIMEDOUT or errno otherwise.
int wait_fd(int fd, short events, std::chrono::milliseconds timeout) {
    pollfd p{fd, events, 0};
    while (true) {
        const int r = ::poll(&p, 1, static_cast<int>(timeout.count()));
        if (r > 0) return (p.revents & (POLLERR | POLLNVAL)) && !(p.revents & events) ? EIO : 0;
        if (r == 0) return ETIMEDOUT;
        if (errno != EINTR) return errno;
    }
}

}  // namespace

std::optional<std::pair<std::string, uint16_t>> parse_host_port(std::string_view text, uint16_t default_port) {
    std::string_view host = text, port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        host = text.substr(1, close - 1);
        if (close + 1 < text.size()) {
            if (text[close + 1] != ':') return std::nullopt;
            port = text.substr(close + 2);
        }
    } else if (const auto colon = text.rfind(':'); colon != std::string_view::npos && text.find(':') == colon) {
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    if (host.empty()) return std::nullopt;
    uint16_t p = default_port;
    if (!port.empty()) {
        unsigned v = 0;
        auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), v);
        if (ec != std::errc() || end != port.data() + port.size() || v == 0 || v > 65535) return std::nullopt;
        p = static_cast<uint16_t>(v);
    }
    return std::make_pair(std::string(host), p);
}

NetworkPrinterTransport::NetworkPrinterTransport(NetworkPrinterOptions options) : options_(std::move(options)) {}

std::string NetworkPrinterTransport::describe() const {
    return "TCP " + options_.host + ":" + std::to_string(options_.port);
}

core::Error NetworkPrinterTransport::network_error(int err) const {
    using core::ErrorCode;
    const std::string where = options_.host + ":" + std::to_string(options_.port);
    switch (err) {
    case ETIMEDOUT:
        return core::make_error(ErrorCode::Device,
            core::tr("Printer jaringan {} tidak menjawab. Periksa printer menyala dan kabel LAN terpasang.", where));
    case ECONNREFUSED:
    case EHOSTUNREACH:
    case ENETUNREACH:
    case EHOSTDOWN:
        return core::make_error(ErrorCode::Device,
            core::tr("Printer jaringan {} tidak terhubung. Periksa kabel LAN dan alamat IP printer.", where));
    case EPIPE:
    case ECONNRESET:
        return core::make_error(ErrorCode::Device,
            core::tr("Sambungan ke printer jaringan {} terputus. Cetak ulang.", where));
    default:
        return core::make_error(ErrorCode::Device,
            core::tr("Gagal mengirim ke printer jaringan {} ({}).", where, std::strerror(err)));
    }
}

core::Result<int> NetworkPrinterTransport::connect_socket() const {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    const std::string port = std::to_string(options_.port);
    if (::getaddrinfo(options_.host.c_str(), port.c_str(), &hints, &res) != 0 || !res)
        return core::make_error(core::ErrorCode::Device,
            core::tr("Alamat printer jaringan {} tidak dikenal. Periksa pengaturan printer.", options_.host));
    int last = ECONNREFUSED;
    int fd = -1;
    for (addrinfo* a = res; a && fd < 0; a = a->ai_next) {
        const int s = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (s < 0) { last = errno; continue; }
        int r = ::connect(s, a->ai_addr, a->ai_addrlen);
        if (r < 0 && errno == EINPROGRESS) {
            r = wait_fd(s, POLLOUT, options_.connect_timeout);
            if (r == 0) {
                int so = 0;
                socklen_t len = sizeof so;
                ::getsockopt(s, SOL_SOCKET, SO_ERROR, &so, &len);
                r = so;
            }
            if (r != 0) { last = r; ::close(s); continue; }
        } else if (r < 0) {
            last = errno;
            ::close(s);
            continue;
        }
        const int one = 1;
        ::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        fd = s;
    }
    ::freeaddrinfo(res);
    if (fd < 0) return network_error(last);
    return fd;
}

namespace {

int send_all(int fd, std::span<const uint8_t> bytes, std::chrono::milliseconds timeout) {
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n > 0) {
            bytes = bytes.subspan(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (const int w = wait_fd(fd, POLLOUT, timeout); w != 0) return w;
            continue;
        }
        return n < 0 ? errno : EPIPE;
    }
    return 0;
}

}  // namespace

core::Status NetworkPrinterTransport::write(std::span<const uint8_t> bytes) {
    auto fd = connect_socket();
    if (!fd) return fd.error();
    Fd sock(*fd);
    return write_in_chunks(bytes, [&](std::span<const uint8_t> chunk) -> core::Status {
        if (const int e = send_all(sock.fd, chunk, options_.io_timeout); e != 0) return network_error(e);
        return core::ok_status();
    });
}

core::Result<PrinterStatus> NetworkPrinterTransport::query_status() {
    auto fd = connect_socket();
    if (!fd) return fd.error();
    Fd sock(*fd);
    std::array<uint8_t, 64> buf{};
    // Stale bytes: a fresh connection rarely has any, but some print servers replay the last answer.
    while (wait_fd(sock.fd, POLLIN, options_.drain_timeout) == 0) {
        const ssize_t n = ::recv(sock.fd, buf.data(), buf.size(), 0);
        if (n <= 0) break;
    }
    PrinterStatus status;
    for (const uint8_t n : {uint8_t{1}, uint8_t{2}, uint8_t{4}}) {
        const std::array<uint8_t, 3> ask{kDle, kEot, n};
        if (const int e = send_all(sock.fd, ask, options_.io_timeout); e != 0) return network_error(e);
        bool answered = false;
        while (!answered) {
            if (const int w = wait_fd(sock.fd, POLLIN, options_.status_timeout); w != 0) return network_error(w);
            const ssize_t got = ::recv(sock.fd, buf.data(), buf.size(), 0);
            if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            if (got <= 0) return network_error(got == 0 ? ECONNRESET : errno);
            for (ssize_t i = got - 1; i >= 0 && !answered; --i)
                answered = apply_status_reply(status, n, buf[static_cast<std::size_t>(i)], options_.drawer_open_when_high);
        }
    }
    return status;
}

}  // namespace waserda::drivers
