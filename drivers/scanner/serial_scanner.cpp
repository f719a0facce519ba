#include "drivers/scanner/serial_scanner.hpp"

#include "pos/core/i18n.hpp"

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <termios.h>
#include <thread>
#include <unistd.h>

namespace waserda::drivers {

LineAssembler::LineAssembler(AffixOptions affixes, std::size_t max_length)
    : affixes_(std::move(affixes)), max_length_(max_length) {}

namespace {

speed_t to_speed(int baud) {
    switch (baud) {
    case 1200: return B1200;
    case 2400: return B2400;
    case 4800: return B4800;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    default: return B9600;
    }
}

core::Error open_error(int err, const std::string& path) {
    using core::ErrorCode;
    if (err == EACCES || err == EPERM)
        return core::make_error(ErrorCode::Device,
            core::tr("Tidak ada izin membuka pemindai {}. Pasang aturan udev Waserda lalu cabut-colok pemindai.", path));
    if (err == EBUSY)
        return core::make_error(ErrorCode::Device, core::tr("Pemindai sedang dipakai program lain (resource busy)."));
    if (err == ENOENT || err == ENODEV || err == ENXIO)
        return core::make_error(ErrorCode::Device, core::tr("Pemindai tidak terhubung. Periksa kabel USB pemindai."));
    return core::make_error(ErrorCode::Device,
                            core::tr("Gagal membaca pemindai {} ({}).", path, std::strerror(err)));
}

}  // namespace

struct SerialScanner::Impl {
    SerialScannerOptions options;
    ScanCallback on_scan;
    ScannerStatusCallback on_status;
    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread thread;
    int fd = -1;

    std::string source() const { return "serial " + options.path; }

    int open_port() {
        const int f = ::open(options.path.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (f < 0) return errno;
        termios t{};
        if (tcgetattr(f, &t) == 0) {
            // Raw: the scanner's CR must arrive as a byte, not be turned into a newline or eaten.
            cfmakeraw(&t);
            t.c_cflag |= CLOCAL | CREAD;
            cfsetispeed(&t, to_speed(options.baud));
            cfsetospeed(&t, to_speed(options.baud));
            tcsetattr(f, TCSANOW, &t);
            tcflush(f, TCIFLUSH);  // bytes from before we started belong to nobody
        }
        fd = f;
        return 0;
    }

    void close_port() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }

    bool pause() {
        std::unique_lock lock(mutex);
        return wake.wait_for(lock, options.reopen_interval, [&] { return stopping; });
    }
    bool should_stop() {
        std::lock_guard lock(mutex);
        return stopping;
    }

    void run() {
        LineAssembler lines(options.affixes);
        bool had_error = false;
        while (!should_stop()) {
            if (fd < 0) {
                if (open_port() != 0) {
                    if (pause()) break;
                    continue;
                }
                if (had_error && on_status) on_status(source(), std::nullopt);
                had_error = false;
            }
            pollfd p{fd, POLLIN, 0};
            const int pr = ::poll(&p, 1, static_cast<int>(options.poll.count()));
            if (pr == 0 || (pr < 0 && errno == EINTR)) continue;
            char buf[256];
            const ssize_t n = (p.revents & POLLIN) ? ::read(fd, buf, sizeof buf) : -1;
            if (n > 0) {
                lines.feed(std::string_view(buf, static_cast<std::size_t>(n)), [&](std::string code) {
                    if (on_scan) on_scan(ScanEvent{std::move(code), source()});
                });
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            // Hang-up or read error: the scanner went away.
            had_error = true;
            if (on_status) on_status(source(), open_error(ENODEV, options.path));
            close_port();
            if (pause()) break;
        }
        close_port();
    }
};

SerialScanner::SerialScanner(SerialScannerOptions options, ScanCallback on_scan, ScannerStatusCallback on_status)
    : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->on_scan = std::move(on_scan);
    impl_->on_status = std::move(on_status);
}

SerialScanner::~SerialScanner() { stop(); }

core::Status SerialScanner::start() {
    if (impl_->thread.joinable()) return core::ok_status();
    impl_->stopping = false;
    if (const int err = impl_->open_port(); err != 0) return open_error(err, impl_->options.path);
    impl_->thread = std::thread([this] { impl_->run(); });
    return core::ok_status();
}

void SerialScanner::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    if (impl_->thread.joinable()) impl_->thread.join();
    impl_->close_port();
}

std::string SerialScanner::source() const { return impl_->source(); }

}  // namespace waserda::drivers
