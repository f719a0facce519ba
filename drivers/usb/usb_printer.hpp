// A receipt printer on USB through libusb: found by interface class 7 (or a configured VID:PID),
// endpoints read from the descriptors, kernel driver detached only when one is active, bytes sent
// in chunks of at most 16 KiB one at a time, status read with DLE EOT. Opened lazily and reopened
// after an unplug: the next job re-scans the bus, so a printer plugged back in just works.
#pragma once

#include "drivers/transport/transport.hpp"
#include "drivers/usb/usb_context.hpp"
#include "drivers/usb/usb_devices.hpp"

#include <chrono>
#include <memory>
#include <optional>

namespace waserda::drivers::usb {

struct UsbPrinterOptions {
    std::optional<VidPid> id;              // this printer; else the first printer found
    std::vector<VidPid> extra_printers;    // accepted besides class 7 and the known list
    std::chrono::milliseconds write_timeout{5000};   // per chunk: a 16 KiB logo takes ~1 s at 58 mm
    std::chrono::milliseconds status_timeout{500};   // per DLE EOT answer
    std::chrono::milliseconds drain_timeout{15};     // waiting for stale bytes before a query
    bool drawer_open_when_high = false;
};

class UsbPrinterTransport final : public PrinterTransport {
public:
    UsbPrinterTransport(std::shared_ptr<UsbContext> ctx, UsbPrinterOptions options);
    ~UsbPrinterTransport() override;

    // Finds and claims the printer now (write/query_status do it when needed).
    core::Status open();
    void close();
    bool is_open() const;
    // The device in use (or last used): VID:PID, endpoints, names.
    std::optional<UsbDeviceInfo> device() const;

    core::Status write(std::span<const uint8_t> bytes) override;
    core::Result<PrinterStatus> query_status() override;
    std::string describe() const override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace waserda::drivers::usb
