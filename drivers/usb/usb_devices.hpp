// What is plugged in: receipt printers and barcode scanners found on USB, with what `waserda
// devices` shows a person setting up a till (VID:PID, kind, endpoints, why one cannot be opened).
#pragma once

#include "drivers/usb/usb_context.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace waserda::drivers::usb {

enum class DeviceKind {
    Printer,          // interface class 7, or a known/configured printer VID:PID
    ScannerKeyboard,  // HID boot keyboard of a scanner maker: read through libusb, not typed
    ScannerHidPos,    // HID non-keyboard interface of a scanner maker (usage page 0x8C)
    ScannerSerial,    // CDC-ACM scanner: read from /dev/ttyACM*
};
const char* kind_name(DeviceKind kind);  // "printer", "scanner-hid-keyboard"...

struct UsbEndpointInfo {
    uint8_t address = 0;     // with the direction bit: 0x81 is IN 1
    std::string type;        // "bulk", "interrupt", "control", "iso"
    uint16_t max_packet = 0;
};

struct UsbDeviceInfo {
    VidPid id;
    uint8_t bus = 0;
    uint8_t address = 0;
    DeviceKind kind = DeviceKind::Printer;
    int interface_number = 0;
    uint8_t interface_class = 0;
    uint8_t out_endpoint = 0;  // 0: none
    uint8_t in_endpoint = 0;   // 0: none
    std::vector<UsbEndpointInfo> endpoints;  // of the chosen interface
    std::string manufacturer;  // empty when unreadable (no permission)
    std::string product;
    std::string serial;
    bool kernel_driver_active = false;  // usblp/usbhid/cdc_acm holds it; Waserda detaches it
    bool can_open = true;
    std::string problem;       // the sentence saying why it cannot be used, empty when it can
};

// Scanner makers commonly seen in Indonesian shops: Honeywell, Zebra (Symbol), Datalogic, Newland.
bool is_scanner_vendor(uint16_t vid);
// Printers that do not announce interface class 7 but are known receipt printers.
bool is_known_printer(VidPid id);

struct ListOptions {
    std::vector<VidPid> extra_printers;  // configured VID:PIDs treated as printers
    std::vector<VidPid> extra_scanners;  // configured VID:PIDs treated as scanners
    bool probe = true;  // open each device to read names and check it can be claimed
};

// Printers and scanners found now, in bus order. Never detaches a kernel driver: listing must not
// disturb a till that is printing.
core::Result<std::vector<UsbDeviceInfo>> list_usb_devices(UsbContext& ctx, const ListOptions& options = {});

std::string describe(const UsbDeviceInfo& d);  // "USB 0416:5011 (POS58 Printer)"

}  // namespace waserda::drivers::usb
