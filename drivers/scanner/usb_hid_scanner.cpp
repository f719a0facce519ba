#include "drivers/scanner/usb_hid_scanner.hpp"
#include "drivers/usb/usb_internal.hpp"

#include "pos/core/i18n.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <variant>

namespace waserda::drivers {

using usb::UsbRole;
using usb::usb_error;

struct UsbHidScanner::Impl {
    std::shared_ptr<usb::UsbContext> ctx;
    UsbScannerOptions options;
    ScanCallback on_scan;
    ScannerStatusCallback on_status;

    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread thread;

    // Owned by the reader thread once it runs.
    usb::detail::Claimed claimed;
    uint8_t in_endpoint = 0;
    uint16_t max_packet = 8;
    std::string source;
    std::variant<HidKeyboardDecoder, HidPosDecoder> decoder{HidKeyboardDecoder{}};

    int open_device() {
        usb::ListOptions lo;
        lo.extra_scanners = options.extra_scanners;
        if (options.id) lo.extra_scanners.push_back(*options.id);
        libusb_device** list = nullptr;
        const ssize_t n = libusb_get_device_list(ctx->raw(), &list);
        if (n < 0) return static_cast<int>(n);
        int last = LIBUSB_ERROR_NO_DEVICE;
        for (ssize_t i = 0; i < n && !claimed.handle; ++i) {
            libusb_device* dev = list[i];
            libusb_device_descriptor dd{};
            if (libusb_get_device_descriptor(dev, &dd) != LIBUSB_SUCCESS) continue;
            if (options.id && (dd.idVendor != options.id->vid || dd.idProduct != options.id->pid)) continue;
            auto cls = usb::detail::classify(dev, lo);
            if (!cls || (cls->first != usb::DeviceKind::ScannerKeyboard && cls->first != usb::DeviceKind::ScannerHidPos))
                continue;
            const int r = usb::detail::open_and_claim(dev, cls->second.number, claimed);
            if (r != LIBUSB_SUCCESS) {
                last = r;
                continue;
            }
            in_endpoint = cls->second.in_endpoint;
            max_packet = cls->second.in_max_packet ? cls->second.in_max_packet : 8;
            usb::UsbDeviceInfo info;
            info.id = {dd.idVendor, dd.idProduct};
            info.manufacturer = usb::detail::read_string(claimed.handle, dd.iManufacturer);
            info.product = usb::detail::read_string(claimed.handle, dd.iProduct);
            {
                std::lock_guard lock(mutex);
                source = usb::describe(info);
            }
            HidScanMode mode = options.mode;
            if (mode == HidScanMode::Auto)
                mode = cls->first == usb::DeviceKind::ScannerKeyboard ? HidScanMode::Keyboard
                                                                       : HidScanMode::HidPosLengthPrefixed;
            switch (mode) {
            case HidScanMode::Keyboard:
            case HidScanMode::Auto: decoder = HidKeyboardDecoder(options.keyboard); break;
            case HidScanMode::HidPosLengthPrefixed:
                decoder = HidPosDecoder(HidPosFormat::LengthPrefixed, options.keyboard.affixes);
                break;
            case HidScanMode::HidPosHoneywell:
                decoder = HidPosDecoder(HidPosFormat::Honeywell, options.keyboard.affixes);
                break;
            }
        }
        libusb_free_device_list(list, 1);
        return claimed.handle ? LIBUSB_SUCCESS : last;
    }

    void report(const std::optional<core::Error>& error) {
        if (!on_status) return;
        std::string src;
        {
            std::lock_guard lock(mutex);
            src = source;
        }
        on_status(src, error);
    }

    // Waits for the reopen interval unless stop() comes first. True when stopping.
    bool pause() {
        std::unique_lock lock(mutex);
        return wake.wait_for(lock, options.reopen_interval, [&] { return stopping; });
    }

    bool should_stop() {
        std::lock_guard lock(mutex);
        return stopping;
    }

    void run() {
        std::vector<uint8_t> buf(max_packet < 8 ? 8 : max_packet);
        bool had_error = false;
        while (!should_stop()) {
            if (!claimed.handle) {
                const int r = open_device();
                if (r != LIBUSB_SUCCESS) {
                    if (pause()) break;
                    continue;
                }
                buf.assign(max_packet < 8 ? 8 : max_packet, 0);
                if (had_error) report(std::nullopt);
                had_error = false;
            }
            int got = 0;
            const int r = libusb_interrupt_transfer(claimed.handle, in_endpoint, buf.data(), static_cast<int>(buf.size()),
                                                    &got, static_cast<unsigned>(options.poll.count()));
            if (r == LIBUSB_ERROR_TIMEOUT) continue;
            if (r != LIBUSB_SUCCESS) {
                had_error = true;
                report(usb_error(r, UsbRole::Scanner));
                usb::detail::release(claimed);
                std::visit([](auto& d) { d.reset(); }, decoder);
                if (pause()) break;
                continue;
            }
            const std::span<const uint8_t> rep(buf.data(), static_cast<std::size_t>(got));
            std::optional<std::string> code = std::visit([&](auto& d) { return d.feed(rep); }, decoder);
            if (code && on_scan) {
                std::string src;
                {
                    std::lock_guard lock(mutex);
                    src = source;
                }
                on_scan(ScanEvent{std::move(*code), std::move(src)});
            }
        }
        usb::detail::release(claimed);
    }
};

UsbHidScanner::UsbHidScanner(std::shared_ptr<usb::UsbContext> ctx, UsbScannerOptions options, ScanCallback on_scan,
                             ScannerStatusCallback on_status)
    : impl_(std::make_unique<Impl>()) {
    impl_->ctx = std::move(ctx);
    impl_->options = std::move(options);
    impl_->on_scan = std::move(on_scan);
    impl_->on_status = std::move(on_status);
}

UsbHidScanner::~UsbHidScanner() { stop(); }

core::Status UsbHidScanner::start() {
    if (running()) return core::ok_status();
    if (impl_->thread.joinable()) impl_->thread.join();
    impl_->stopping = false;
    const int r = impl_->open_device();
    if (r != LIBUSB_SUCCESS) return usb_error(r, UsbRole::Scanner);
    impl_->thread = std::thread([this] { impl_->run(); });
    return core::ok_status();
}

void UsbHidScanner::stop() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    if (impl_->thread.joinable()) impl_->thread.join();
    usb::detail::release(impl_->claimed);
}

bool UsbHidScanner::running() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->thread.joinable() && !impl_->stopping;
}

std::string UsbHidScanner::source() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->source;
}

}  // namespace waserda::drivers
