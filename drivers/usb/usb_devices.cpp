#include "drivers/usb/usb_devices.hpp"
#include "drivers/usb/usb_internal.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>
#include <array>

namespace waserda::drivers::usb {

const char* kind_name(DeviceKind kind) {
    switch (kind) {
    case DeviceKind::Printer: return "printer";
    case DeviceKind::ScannerKeyboard: return "scanner-hid-keyboard";
    case DeviceKind::ScannerHidPos: return "scanner-hid-pos";
    case DeviceKind::ScannerSerial: return "scanner-serial";
    }
    return "?";
}

bool is_scanner_vendor(uint16_t vid) {
    constexpr std::array<uint16_t, 4> vendors{0x0c2e, 0x05e0, 0x05f9, 0x1eab};
    return std::find(vendors.begin(), vendors.end(), vid) != vendors.end();
}

bool is_known_printer(VidPid id) {
    constexpr std::array<VidPid, 6> known{{{0x04b8, 0x0e03}, {0x04b8, 0x0e15}, {0x0416, 0x5011},
                                           {0x0483, 0x5743}, {0x28e9, 0x0289}, {0x1fc9, 0x2016}}};
    return std::find(known.begin(), known.end(), id) != known.end();
}

std::string describe(const UsbDeviceInfo& d) {
    std::string name = d.product.empty() ? std::string() : d.product;
    if (!d.manufacturer.empty() && name.find(d.manufacturer) == std::string::npos)
        name = d.manufacturer + (name.empty() ? "" : " " + name);
    return "USB " + to_string(d.id) + (name.empty() ? "" : " (" + name + ")");
}

namespace detail {

namespace {

const char* transfer_type_name(uint8_t attributes) {
    switch (attributes & LIBUSB_TRANSFER_TYPE_MASK) {
    case LIBUSB_TRANSFER_TYPE_BULK: return "bulk";
    case LIBUSB_TRANSFER_TYPE_INTERRUPT: return "interrupt";
    case LIBUSB_TRANSFER_TYPE_ISOCHRONOUS: return "iso";
    default: return "control";
    }
}

InterfaceChoice describe_interface(const libusb_interface_descriptor& alt) {
    InterfaceChoice c;
    c.number = alt.bInterfaceNumber;
    c.cls = alt.bInterfaceClass;
    c.subclass = alt.bInterfaceSubClass;
    c.protocol = alt.bInterfaceProtocol;
    for (int e = 0; e < alt.bNumEndpoints; ++e) {
        const libusb_endpoint_descriptor& ep = alt.endpoint[e];
        c.endpoints.push_back({ep.bEndpointAddress, transfer_type_name(ep.bmAttributes), ep.wMaxPacketSize});
        const uint8_t type = ep.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK;
        const bool in = (ep.bEndpointAddress & LIBUSB_ENDPOINT_IN) != 0;
        if (type == LIBUSB_TRANSFER_TYPE_BULK && !in && c.out_endpoint == 0) c.out_endpoint = ep.bEndpointAddress;
        // A printer answers on bulk IN; a HID scanner reports on interrupt IN. The first of either kind wins.
        if (in && c.in_endpoint == 0 &&
            (type == LIBUSB_TRANSFER_TYPE_BULK || type == LIBUSB_TRANSFER_TYPE_INTERRUPT)) {
            c.in_endpoint = ep.bEndpointAddress;
            c.in_max_packet = ep.wMaxPacketSize;
        }
    }
    return c;
}

bool contains(const std::vector<VidPid>& ids, VidPid id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::optional<std::pair<DeviceKind, InterfaceChoice>> classify(libusb_device* dev, const ListOptions& options) {
    libusb_device_descriptor dd{};
    if (libusb_get_device_descriptor(dev, &dd) != LIBUSB_SUCCESS) return std::nullopt;
    const VidPid id{dd.idVendor, dd.idProduct};
    if (dd.bDeviceClass == LIBUSB_CLASS_HUB) return std::nullopt;

    libusb_config_descriptor* cfg = nullptr;
    if (libusb_get_active_config_descriptor(dev, &cfg) != LIBUSB_SUCCESS &&
        libusb_get_config_descriptor(dev, 0, &cfg) != LIBUSB_SUCCESS)
        return std::nullopt;

    const bool printer_id = is_known_printer(id) || contains(options.extra_printers, id);
    const bool scanner_id = is_scanner_vendor(id.vid) || contains(options.extra_scanners, id);
    std::optional<std::pair<DeviceKind, InterfaceChoice>> found;
    std::optional<std::pair<DeviceKind, InterfaceChoice>> fallback;  // a vendor-class bulk interface of a known printer

    for (int i = 0; i < cfg->bNumInterfaces && !found; ++i) {
        if (cfg->interface[i].num_altsetting < 1) continue;
        const InterfaceChoice c = describe_interface(cfg->interface[i].altsetting[0]);
        if (c.cls == LIBUSB_CLASS_PRINTER && c.out_endpoint != 0) {
            found = {DeviceKind::Printer, c};
        } else if (printer_id && c.out_endpoint != 0 && !fallback) {
            fallback = {DeviceKind::Printer, c};
        } else if (scanner_id && c.cls == LIBUSB_CLASS_HID && c.in_endpoint != 0) {
            // Boot keyboard (subclass 1, protocol 1) types keys; anything else of a scanner maker
            // is its HID POS interface.
            const bool keyboard = c.subclass == 1 && c.protocol == 1;
            found = {keyboard ? DeviceKind::ScannerKeyboard : DeviceKind::ScannerHidPos, c};
        } else if (scanner_id && (c.cls == LIBUSB_CLASS_COMM || c.cls == LIBUSB_CLASS_DATA)) {
            if (!fallback) fallback = {DeviceKind::ScannerSerial, c};
        }
    }
    libusb_free_config_descriptor(cfg);
    return found ? found : fallback;
}

int open_and_claim(libusb_device* dev, int interface_number, Claimed& out) {
    out = Claimed{};
    libusb_device_handle* h = nullptr;
    int r = libusb_open(dev, &h);
    if (r != LIBUSB_SUCCESS) return r;
    // Detach only when the kernel says a driver is bound: detaching an unbound interface fails on
    // some stacks, and auto-detach would then fail the claim too.
    bool detached = false;
    r = libusb_kernel_driver_active(h, interface_number);
    if (r == 1) {
        r = libusb_detach_kernel_driver(h, interface_number);
        if (r != LIBUSB_SUCCESS && r != LIBUSB_ERROR_NOT_FOUND) {
            libusb_close(h);
            return r == LIBUSB_ERROR_ACCESS ? LIBUSB_ERROR_ACCESS : LIBUSB_ERROR_BUSY;
        }
        detached = r == LIBUSB_SUCCESS;
    } else if (r < 0 && r != LIBUSB_ERROR_NOT_SUPPORTED) {
        libusb_close(h);
        return r;
    }
    r = libusb_claim_interface(h, interface_number);
    if (r != LIBUSB_SUCCESS) {
        if (detached) libusb_attach_kernel_driver(h, interface_number);
        libusb_close(h);
        return r;
    }
    out = Claimed{h, interface_number, detached};
    return LIBUSB_SUCCESS;
}

void release(Claimed& c) {
    if (!c.handle) return;
    libusb_release_interface(c.handle, c.interface_number);
    // Give the interface back to usblp/usbhid so the machine is as we found it once Waserda closes.
    if (c.detached) libusb_attach_kernel_driver(c.handle, c.interface_number);
    libusb_close(c.handle);
    c = Claimed{};
}

std::string read_string(libusb_device_handle* h, uint8_t index) {
    if (!h || index == 0) return {};
    unsigned char buf[256];
    const int n = libusb_get_string_descriptor_ascii(h, index, buf, sizeof buf);
    if (n <= 0) return {};
    std::string s(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
    return s;
}

}  // namespace detail

core::Result<std::vector<UsbDeviceInfo>> list_usb_devices(UsbContext& ctx, const ListOptions& options) {
    libusb_device** list = nullptr;
    const ssize_t n = libusb_get_device_list(ctx.raw(), &list);
    if (n < 0) return usb_error(static_cast<int>(n), UsbRole::Printer);

    std::vector<UsbDeviceInfo> out;
    for (ssize_t i = 0; i < n; ++i) {
        libusb_device* dev = list[i];
        auto cls = detail::classify(dev, options);
        if (!cls) continue;
        libusb_device_descriptor dd{};
        libusb_get_device_descriptor(dev, &dd);

        UsbDeviceInfo info;
        info.id = {dd.idVendor, dd.idProduct};
        info.bus = libusb_get_bus_number(dev);
        info.address = libusb_get_device_address(dev);
        info.kind = cls->first;
        info.interface_number = cls->second.number;
        info.interface_class = cls->second.cls;
        info.out_endpoint = cls->second.out_endpoint;
        info.in_endpoint = cls->second.in_endpoint;
        info.endpoints = cls->second.endpoints;
        const UsbRole role = info.kind == DeviceKind::Printer ? UsbRole::Printer : UsbRole::Scanner;

        if (options.probe) {
            libusb_device_handle* h = nullptr;
            const int r = libusb_open(dev, &h);
            if (r != LIBUSB_SUCCESS) {
                info.can_open = false;
                info.problem = usb_error(r, role).message;
            } else {
                info.manufacturer = detail::read_string(h, dd.iManufacturer);
                info.product = detail::read_string(h, dd.iProduct);
                info.serial = detail::read_string(h, dd.iSerialNumber);
                const int active = libusb_kernel_driver_active(h, info.interface_number);
                info.kernel_driver_active = active == 1;
                if (active == 0 && info.kind != DeviceKind::ScannerSerial) {
                    // Nobody in the kernel holds it: a failing claim means another program does.
                    const int c = libusb_claim_interface(h, info.interface_number);
                    if (c == LIBUSB_SUCCESS) {
                        libusb_release_interface(h, info.interface_number);
                    } else {
                        info.can_open = false;
                        info.problem = usb_error(c, role).message;
                    }
                }
                libusb_close(h);
            }
        }
        out.push_back(std::move(info));
    }
    libusb_free_device_list(list, 1);
    return out;
}

}  // namespace waserda::drivers::usb
