// Reads a HID scanner through libusb instead of letting the kernel turn it into a keyboard:
// usbhid is detached (only when it is bound), so a scan can never type into the wrong field.
// Reports arrive on the interrupt IN endpoint, are decoded (boot keyboard or HID POS) and each
// code is delivered once as a ScanEvent on the reader thread. After an unplug the reader keeps
// looking for the scanner and carries on when it is back.
#pragma once

#include "drivers/scanner/hid_keyboard.hpp"
#include "drivers/scanner/hid_pos.hpp"
#include "drivers/scanner/scan_event.hpp"
#include "drivers/usb/usb_context.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace waserda::drivers {

enum class HidScanMode {
    Auto,                 // boot keyboard interface -> Keyboard, other HID interface -> LengthPrefixed
    Keyboard,
    HidPosLengthPrefixed,
    HidPosHoneywell,
};

struct UsbScannerOptions {
    std::optional<usb::VidPid> id;              // this scanner; else the first one found
    std::vector<usb::VidPid> extra_scanners;    // VID:PIDs besides the known scanner makers
    HidScanMode mode = HidScanMode::Auto;
    HidKeyboardOptions keyboard;                // terminators, prefix/suffix (also used for HID POS affixes)
    std::chrono::milliseconds poll{200};        // how quickly stop() is noticed
    std::chrono::milliseconds reopen_interval{1000};
};

class UsbHidScanner {
public:
    UsbHidScanner(std::shared_ptr<usb::UsbContext> ctx, UsbScannerOptions options, ScanCallback on_scan,
                  ScannerStatusCallback on_status = {});
    ~UsbHidScanner();
    UsbHidScanner(const UsbHidScanner&) = delete;
    UsbHidScanner& operator=(const UsbHidScanner&) = delete;

    // Finds and claims the scanner, then reads on a thread. Fails (and reads nothing) when no
    // scanner can be opened; call again later.
    core::Status start();
    // Stops reading and gives the interface back to usbhid.
    void stop();
    bool running() const;
    std::string source() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace waserda::drivers
