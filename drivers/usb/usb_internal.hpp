// Shared by the USB printer transport, the scanner reader and the listing. Includes libusb.h,
// so only .cpp files of drivers/ include it.
#pragma once

#include "drivers/usb/usb_devices.hpp"

#include <libusb.h>

#include <optional>
#include <string>

namespace waserda::drivers::usb::detail {

// The interface a role uses and its endpoints, read from the descriptors of the active (or first)
// configuration, alternate setting 0.
struct InterfaceChoice {
    int number = 0;
    uint8_t cls = 0, subclass = 0, protocol = 0;
    uint8_t out_endpoint = 0;     // bulk OUT
    uint8_t in_endpoint = 0;      // bulk IN (printer) or interrupt IN (scanner)
    uint16_t in_max_packet = 0;
    std::vector<UsbEndpointInfo> endpoints;
};

// Decides whether `dev` is a printer or scanner and which interface to use; nothing for others.
std::optional<std::pair<DeviceKind, InterfaceChoice>> classify(libusb_device* dev, const ListOptions& options);

// Open, detach the kernel driver only when libusb says one is active, claim. On failure closes
// everything again and returns the libusb error.
struct Claimed {
    libusb_device_handle* handle = nullptr;
    int interface_number = 0;
    bool detached = false;  // we detached a kernel driver: give it back on release
};
int open_and_claim(libusb_device* dev, int interface_number, Claimed& out);
void release(Claimed& c);

std::string read_string(libusb_device_handle* h, uint8_t index);

}  // namespace waserda::drivers::usb::detail
