#include "drivers/usb/usb_printer.hpp"
#include "drivers/usb/usb_internal.hpp"

#include <array>
#include <mutex>

namespace waserda::drivers::usb {

struct UsbPrinterTransport::Impl {
    std::shared_ptr<UsbContext> ctx;
    UsbPrinterOptions options;
    mutable std::mutex mutex;
    detail::Claimed claimed;
    std::optional<UsbDeviceInfo> info;
    uint64_t generation_at_open = 0;

    bool is_open() const { return claimed.handle != nullptr; }

    void close() { detail::release(claimed); }

    // A failure that means the handle is dead: drop it so the next job re-scans and reopens.
    void forget_if_gone(int r) {
        if (r == LIBUSB_ERROR_NO_DEVICE || r == LIBUSB_ERROR_IO || r == LIBUSB_ERROR_NOT_FOUND) close();
    }

    core::Status ensure_open() {
        ctx->poll_events();
        // Something was plugged or unplugged since we opened: our handle may point at a device
        // that is gone (and a replugged printer has a new address). Reopen to be sure.
        if (is_open() && ctx->has_hotplug() && ctx->hotplug_generation() != generation_at_open) close();
        if (is_open()) return core::ok_status();

        generation_at_open = ctx->hotplug_generation();
        ListOptions lo;
        lo.extra_printers = options.extra_printers;
        if (options.id) lo.extra_printers.push_back(*options.id);

        libusb_device** list = nullptr;
        const ssize_t n = libusb_get_device_list(ctx->raw(), &list);
        if (n < 0) return usb_error(static_cast<int>(n), UsbRole::Printer);
        int last_error = LIBUSB_ERROR_NO_DEVICE;
        for (ssize_t i = 0; i < n && !is_open(); ++i) {
            libusb_device* dev = list[i];
            libusb_device_descriptor dd{};
            if (libusb_get_device_descriptor(dev, &dd) != LIBUSB_SUCCESS) continue;
            if (options.id && (dd.idVendor != options.id->vid || dd.idProduct != options.id->pid)) continue;
            auto cls = detail::classify(dev, lo);
            if (!cls || cls->first != DeviceKind::Printer) continue;

            const int r = detail::open_and_claim(dev, cls->second.number, claimed);
            if (r != LIBUSB_SUCCESS) {
                last_error = r;
                continue;
            }
            UsbDeviceInfo d;
            d.id = {dd.idVendor, dd.idProduct};
            d.bus = libusb_get_bus_number(dev);
            d.address = libusb_get_device_address(dev);
            d.kind = DeviceKind::Printer;
            d.interface_number = cls->second.number;
            d.interface_class = cls->second.cls;
            d.out_endpoint = cls->second.out_endpoint;
            // A bulk IN answers DLE EOT; an interrupt IN on a printer is not a status channel.
            d.in_endpoint = 0;
            for (const auto& ep : cls->second.endpoints)
                if (ep.type == "bulk" && (ep.address & LIBUSB_ENDPOINT_IN)) {
                    d.in_endpoint = ep.address;
                    break;
                }
            d.endpoints = cls->second.endpoints;
            d.kernel_driver_active = claimed.detached;
            d.manufacturer = detail::read_string(claimed.handle, dd.iManufacturer);
            d.product = detail::read_string(claimed.handle, dd.iProduct);
            info = d;
        }
        libusb_free_device_list(list, 1);
        if (!is_open()) return usb_error(last_error, UsbRole::Printer);
        return core::ok_status();
    }

    int bulk(uint8_t endpoint, uint8_t* data, int length, int* transferred, std::chrono::milliseconds timeout) {
        return libusb_bulk_transfer(claimed.handle, endpoint, data, length, transferred,
                                    static_cast<unsigned>(timeout.count()));
    }

    core::Status send(std::span<const uint8_t> bytes) {
        return write_in_chunks(bytes, [&](std::span<const uint8_t> chunk) -> core::Status {
            int done = 0;
            // libusb wants a mutable buffer even for OUT; it does not write to it.
            const int r = bulk(info->out_endpoint, const_cast<uint8_t*>(chunk.data()),
                               static_cast<int>(chunk.size()), &done, options.write_timeout);
            if (r == LIBUSB_ERROR_PIPE) libusb_clear_halt(claimed.handle, info->out_endpoint);
            if (r != LIBUSB_SUCCESS) {
                forget_if_gone(r);
                return usb_error(r, UsbRole::Printer);
            }
            if (done != static_cast<int>(chunk.size())) return usb_error(LIBUSB_ERROR_TIMEOUT, UsbRole::Printer);
            return core::ok_status();
        });
    }

    // Reads whatever an earlier query left behind (a reply that came after its timeout), so the
    // next byte read is the answer to the next question.
    void drain() {
        std::array<uint8_t, 64> junk{};
        for (int i = 0; i < 16; ++i) {
            int got = 0;
            const int r = bulk(info->in_endpoint, junk.data(), static_cast<int>(junk.size()), &got,
                               options.drain_timeout);
            if (r != LIBUSB_SUCCESS || got == 0) return;
        }
    }

    core::Result<PrinterStatus> query() {
        if (auto s = ensure_open(); !s) return s.error();
        if (info->in_endpoint == 0) return printer_errors::no_status_support();
        drain();
        PrinterStatus status;
        for (const uint8_t n : {uint8_t{1}, uint8_t{2}, uint8_t{4}}) {
            const std::array<uint8_t, 3> ask{kDle, kEot, n};
            if (auto s = send(ask); !s) return s.error();
            // Read until a byte that looks like a status byte: some printers echo a stray 0x00 first.
            bool answered = false;
            for (int attempt = 0; attempt < 4 && !answered; ++attempt) {
                std::array<uint8_t, 64> buf{};
                int got = 0;
                const int r = bulk(info->in_endpoint, buf.data(), static_cast<int>(buf.size()), &got,
                                   options.status_timeout);
                if (r != LIBUSB_SUCCESS) {
                    forget_if_gone(r);
                    return usb_error(r, UsbRole::Printer);
                }
                for (int i = got - 1; i >= 0 && !answered; --i)
                    answered = apply_status_reply(status, n, buf[static_cast<std::size_t>(i)],
                                                  options.drawer_open_when_high);
            }
            if (!answered) return usb_error(LIBUSB_ERROR_OVERFLOW, UsbRole::Printer);
        }
        return status;
    }
};

UsbPrinterTransport::UsbPrinterTransport(std::shared_ptr<UsbContext> ctx, UsbPrinterOptions options)
    : impl_(std::make_unique<Impl>()) {
    impl_->ctx = std::move(ctx);
    impl_->options = std::move(options);
}

UsbPrinterTransport::~UsbPrinterTransport() { close(); }

core::Status UsbPrinterTransport::open() {
    std::lock_guard lock(impl_->mutex);
    return impl_->ensure_open();
}

void UsbPrinterTransport::close() {
    std::lock_guard lock(impl_->mutex);
    impl_->close();
}

bool UsbPrinterTransport::is_open() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->is_open();
}

std::optional<UsbDeviceInfo> UsbPrinterTransport::device() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->info;
}

core::Status UsbPrinterTransport::write(std::span<const uint8_t> bytes) {
    std::lock_guard lock(impl_->mutex);
    if (auto s = impl_->ensure_open(); !s) return s;
    return impl_->send(bytes);
}

core::Result<PrinterStatus> UsbPrinterTransport::query_status() {
    std::lock_guard lock(impl_->mutex);
    return impl_->query();
}

std::string UsbPrinterTransport::describe() const {
    std::lock_guard lock(impl_->mutex);
    if (impl_->info) return usb::describe(*impl_->info);
    if (impl_->options.id) return "USB " + to_string(*impl_->options.id);
    return "USB printer";
}

}  // namespace waserda::drivers::usb
