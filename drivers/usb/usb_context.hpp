// One libusb context shared by the printer transport, the scanner readers and the device listing,
// plus the mapping of every libusb error to a sentence a cashier can act on.
// libusb.h stays out of this header: the CLI and the UI include it without linking libusb.
#pragma once

#include "pos/core/result.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct libusb_context;

namespace waserda::drivers::usb {

struct VidPid {
    uint16_t vid = 0;
    uint16_t pid = 0;
    friend bool operator==(const VidPid&, const VidPid&) = default;
};

// "0416:5011" (hex, case-insensitive) -> VidPid; nothing for anything else.
std::optional<VidPid> parse_vid_pid(std::string_view text);
std::string to_string(VidPid id);  // "0416:5011"

// Which device a sentence is about: the same libusb error reads differently for each.
enum class UsbRole { Printer, Scanner };

// One plain sentence per libusb error code (LIBUSB_ERROR_* or a LIBUSB_TRANSFER_* status mapped
// to its error by the caller).
core::Error usb_error(int libusb_error, UsbRole role);

class UsbContext {
public:
    // libusb_init. Under umockdev the testbed must exist before this is called.
    static core::Result<std::shared_ptr<UsbContext>> create();
    ~UsbContext();
    UsbContext(const UsbContext&) = delete;
    UsbContext& operator=(const UsbContext&) = delete;

    libusb_context* raw() const { return ctx_; }

    // Lets libusb deliver pending hotplug events without blocking. Called before each job.
    void poll_events();
    bool has_hotplug() const { return hotplug_handle_ >= 0; }
    // Bumped on every arrival or removal seen by hotplug: an open handle made before a change may
    // belong to a device that is gone, so users reopen when it moved.
    uint64_t hotplug_generation() const { return generation_.load(); }

private:
    UsbContext() = default;
    static int on_hotplug(libusb_context*, void*, int, void* self);

    libusb_context* ctx_ = nullptr;
    int hotplug_handle_ = -1;
    std::atomic<uint64_t> generation_{0};
};

}  // namespace waserda::drivers::usb
