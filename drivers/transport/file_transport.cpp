#include "drivers/transport/file_transport.hpp"

#include "pos/core/i18n.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
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

int wait_fd(int fd, short events, std::chrono::milliseconds timeout) {
    pollfd p{fd, events, 0};
    while (true) {
        const int r = ::poll(&p, 1, static_cast<int>(timeout.count()));
        if (r > 0) return (p.revents & events) ? 0 : EIO;
        if (r == 0) return ETIMEDOUT;
        if (errno != EINTR) return errno;
    }
}

}  // namespace

FilePrinterTransport::FilePrinterTransport(FilePrinterOptions options) : options_(std::move(options)) {}

std::string FilePrinterTransport::describe() const { return "file " + options_.path; }

core::Error FilePrinterTransport::file_error(int err) const {
    using core::ErrorCode;
    switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
        return options_.mode == FileMode::Device
                   ? printer_errors::not_connected()
                   : core::make_error(ErrorCode::Device, core::tr("Folder untuk berkas {} tidak ada.", options_.path));
    case EACCES:
    case EPERM:
        return options_.mode == FileMode::Device
                   ? printer_errors::permission()
                   : core::make_error(ErrorCode::Device, core::tr("Tidak ada izin menulis berkas {}.", options_.path));
    case EBUSY:
        return printer_errors::busy();
    case ETIMEDOUT:
        return printer_errors::timeout();
    case ENOSPC:
        return core::make_error(ErrorCode::Device, core::tr("Disk penuh, berkas {} tidak bisa ditulis.", options_.path));
    default:
        return printer_errors::io(options_.path + ": " + std::strerror(err));
    }
}

core::Status FilePrinterTransport::write(std::span<const uint8_t> bytes) {
    int flags = O_WRONLY | O_CLOEXEC;
    if (options_.mode == FileMode::Append) flags |= O_CREAT | O_APPEND;
    if (options_.mode == FileMode::Truncate) flags |= O_CREAT | O_TRUNC;
    // Non-blocking on devices so a jammed printer turns into a timeout instead of a hung worker.
    if (options_.mode == FileMode::Device) flags |= O_NONBLOCK;
    const int f = ::open(options_.path.c_str(), flags, 0644);
    if (f < 0) return file_error(errno);
    Fd fd(f);
    return write_in_chunks(bytes, [&](std::span<const uint8_t> chunk) -> core::Status {
        while (!chunk.empty()) {
            const ssize_t n = ::write(fd.fd, chunk.data(), chunk.size());
            if (n > 0) {
                chunk = chunk.subspan(static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno == EAGAIN) {
                if (const int w = wait_fd(fd.fd, POLLOUT, options_.io_timeout); w != 0) return file_error(w);
                continue;
            }
            return file_error(n < 0 ? errno : EIO);
        }
        return core::ok_status();
    });
}

core::Result<PrinterStatus> FilePrinterTransport::query_status() {
    if (!supports_status()) return printer_errors::no_status_support();
    const int f = ::open(options_.path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (f < 0) return file_error(errno);
    Fd fd(f);
    std::array<uint8_t, 64> buf{};
    while (::read(fd.fd, buf.data(), buf.size()) > 0) {
    }  // stale answers
    PrinterStatus status;
    for (const uint8_t n : {uint8_t{1}, uint8_t{2}, uint8_t{4}}) {
        const std::array<uint8_t, 3> ask{kDle, kEot, n};
        if (::write(fd.fd, ask.data(), ask.size()) != static_cast<ssize_t>(ask.size())) return file_error(errno);
        bool answered = false;
        while (!answered) {
            if (const int w = wait_fd(fd.fd, POLLIN, options_.status_timeout); w != 0) return file_error(w);
            const ssize_t got = ::read(fd.fd, buf.data(), buf.size());
            if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            if (got <= 0) return file_error(got == 0 ? ETIMEDOUT : errno);
            for (ssize_t i = got - 1; i >= 0 && !answered; --i)
                answered = apply_status_reply(status, n, buf[static_cast<std::size_t>(i)], options_.drawer_open_when_high);
        }
    }
    return status;
}

}  // namespace waserda::drivers
