#include "tests/drivers/usb/usb_device_model.hpp"

#include <sys/ioctl.h>
#include <linux/usbdevice_fs.h>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>

namespace waserda::usbtest {

// [SECTION] Fixtures: a printer and a scanner as they look on the bus

ModelDevice make_printer(uint8_t out_ep, std::string kernel_driver) {
    ModelDevice d;
    ModelInterface i;
    i.number = 0;
    i.cls = 7; i.subclass = 1; i.protocol = 2;  // printer class, bidirectional
    i.endpoints = {{out_ep, 2, 64}, {0x82, 2, 64}};
    i.kernel_driver = std::move(kernel_driver);
    d.interfaces = {i};
    return d;
}

ModelDevice make_keyboard_scanner(std::string kernel_driver) {
    ModelDevice d;
    d.vid = 0x0c2e; d.pid = 0x0b61;
    d.manufacturer = "Honeywell";
    d.product = "Xenon 1900 Scanner";
    d.serial = "XN123";
    ModelInterface i;
    i.number = 0;
    i.cls = 3; i.subclass = 1; i.protocol = 1;  // HID boot keyboard
    i.endpoints = {{0x81, 3, 8}};
    i.kernel_driver = std::move(kernel_driver);
    d.interfaces = {i};
    d.devnum = 3;
    return d;
}

std::vector<uint8_t> build_descriptors(const ModelDevice& d) {
    auto lo = [](unsigned v) { return static_cast<uint8_t>(v & 0xff); };
    auto hi = [](unsigned v) { return static_cast<uint8_t>((v >> 8) & 0xff); };
    std::vector<uint8_t> out = {18, 1, 0x00, 0x02, 0, 0, 0, 64, lo(d.vid), hi(d.vid), lo(d.pid), hi(d.pid),
                                0x00, 0x01, 1, 2, static_cast<uint8_t>(d.serial.empty() ? 0 : 3), 1};
    std::vector<uint8_t> body;
    for (const auto& i : d.interfaces) {
        body.insert(body.end(), {9, 4, i.number, 0, static_cast<uint8_t>(i.endpoints.size()), i.cls, i.subclass,
                                 i.protocol, 0});
        if (i.cls == 3) body.insert(body.end(), {9, 0x21, 0x11, 0x01, 0, 1, 0x22, 63, 0});
        for (const auto& e : i.endpoints)
            body.insert(body.end(), {7, 5, e.address, e.attributes, lo(e.max_packet), hi(e.max_packet),
                                     static_cast<uint8_t>(e.attributes == 3 ? 10 : 0)});
    }
    const unsigned total = 9 + static_cast<unsigned>(body.size());
    out.insert(out.end(), {9, 2, lo(total), hi(total), static_cast<uint8_t>(d.interfaces.size()), 1, 0, 0x80, 50});
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

// [SECTION] Life cycle: attach the ioctl handler, then add the device (libusb may open it at once)

UsbDeviceModel::UsbDeviceModel(UMockdevTestbed* testbed, ModelDevice device)
    : testbed_(testbed), device_(std::move(device)) {
    char node[64];
    std::snprintf(node, sizeof node, "/dev/bus/usb/%03d/%03d", device_.bus, device_.devnum);
    devnode_ = node;
    syspath_ = "/sys/devices/usb" + std::to_string(device_.bus) + "/" + std::to_string(device_.bus) + "-" +
               std::to_string(device_.devnum);
    for (const auto& i : device_.interfaces) drivers_[i.number] = i.kernel_driver;

    handler_ = umockdev_ioctl_base_new();
    g_signal_connect_after(handler_, "handle-ioctl", G_CALLBACK(&UsbDeviceModel::on_ioctl), this);
    GError* error = nullptr;
    if (!umockdev_testbed_attach_ioctl(testbed_, devnode_.c_str(), handler_, &error)) {
        std::fprintf(stderr, "attach_ioctl: %s\n", error ? error->message : "?");
        g_clear_error(&error);
    }

    std::string hex;
    for (uint8_t b : build_descriptors(device_)) {
        char h[3];
        std::snprintf(h, sizeof h, "%02x", b);
        hex += h;
    }
    char ids[64];
    std::snprintf(ids, sizeof ids, "%04x", device_.vid);
    const std::string vid = ids;
    std::snprintf(ids, sizeof ids, "%04x", device_.pid);
    const std::string pid = ids;
    std::string desc;
    desc += "P: " + syspath_.substr(4) + "\n";
    desc += "N: " + devnode_.substr(5) + "\n";
    desc += "E: SUBSYSTEM=usb\nE: DEVTYPE=usb_device\nE: DRIVER=usb\n";
    desc += "E: DEVNAME=" + devnode_ + "\n";
    desc += "E: BUSNUM=" + devnode_.substr(13, 3) + "\nE: DEVNUM=" + devnode_.substr(17, 3) + "\n";
    desc += "E: ID_VENDOR_ID=" + vid + "\nE: ID_MODEL_ID=" + pid + "\n";
    desc += "A: busnum=" + std::to_string(device_.bus) + "\\n\n";
    desc += "A: devnum=" + std::to_string(device_.devnum) + "\\n\n";
    desc += "A: bConfigurationValue=1\\n\nA: speed=12\\n\n";
    desc += "A: idVendor=" + vid + "\\n\nA: idProduct=" + pid + "\\n\n";
    desc += "A: manufacturer=" + device_.manufacturer + "\\n\nA: product=" + device_.product + "\\n\n";
    desc += "H: descriptors=" + hex + "\n";
    if (!umockdev_testbed_add_from_string(testbed_, desc.c_str(), &error)) {
        std::fprintf(stderr, "add_from_string: %s\n", error ? error->message : "?");
        g_clear_error(&error);
    }
}

UsbDeviceModel::~UsbDeviceModel() {
    umockdev_testbed_detach_ioctl(testbed_, devnode_.c_str(), nullptr);
    g_signal_handlers_disconnect_by_data(handler_, this);
    g_object_unref(handler_);
    for (auto& u : urbs_) umockdev_ioctl_data_unref(u.data);
}

// [SECTION] Test-side API

void UsbDeviceModel::set_responder(std::function<std::vector<uint8_t>(const std::vector<uint8_t>&)> f) {
    std::lock_guard lock(mutex_);
    responder_ = std::move(f);
}

void UsbDeviceModel::push_in(uint8_t ep, std::vector<uint8_t> packet) {
    std::lock_guard lock(mutex_);
    in_[ep].push_back(std::move(packet));
    changed_.notify_all();
}

std::size_t UsbDeviceModel::pending_in(uint8_t ep) const {
    std::lock_guard lock(mutex_);
    auto it = in_.find(ep);
    return it == in_.end() ? 0 : it->second.size();
}

std::vector<uint8_t> UsbDeviceModel::out_bytes(uint8_t ep) const {
    std::lock_guard lock(mutex_);
    auto it = out_.find(ep);
    return it == out_.end() ? std::vector<uint8_t>{} : it->second;
}

std::vector<int> UsbDeviceModel::out_urb_sizes(uint8_t ep) const {
    std::lock_guard lock(mutex_);
    auto it = out_sizes_.find(ep);
    return it == out_sizes_.end() ? std::vector<int>{} : it->second;
}

bool UsbDeviceModel::wait_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        lock.unlock();
        const bool ok = pred();
        lock.lock();
        if (ok) return true;
        // Short waits: the predicate may depend on things outside the model.
        if (changed_.wait_until(lock, std::min(deadline, std::chrono::steady_clock::now() +
                                                             std::chrono::milliseconds(5))) ==
                std::cv_status::timeout &&
            std::chrono::steady_clock::now() >= deadline)
            return false;
    }
}

void UsbDeviceModel::vanish_after_out_bytes(std::size_t n) {
    std::lock_guard lock(mutex_);
    vanish_budget_ = static_cast<long long>(n);
}

void UsbDeviceModel::set_claimed_elsewhere(bool busy) {
    std::lock_guard lock(mutex_);
    claimed_elsewhere_ = busy;
}

void UsbDeviceModel::unplug() {
    {
        std::lock_guard lock(mutex_);
        if (remove_sent_) return;
        unplugged_ = true;
        remove_sent_ = true;
        for (auto& u : urbs_)
            if (!u.done) {
                u.done = true;
                u.status = -ENODEV;
                u.actual = 0;
            }
        changed_.notify_all();
    }
    umockdev_testbed_uevent(testbed_, syspath_.c_str(), "remove");
    umockdev_testbed_remove_device(testbed_, syspath_.c_str());
}

bool UsbDeviceModel::unplugged() const {
    std::lock_guard lock(mutex_);
    return unplugged_;
}

std::string UsbDeviceModel::kernel_driver(int interface_number) const {
    std::lock_guard lock(mutex_);
    auto it = drivers_.find(interface_number);
    return it == drivers_.end() ? std::string() : it->second;
}
int UsbDeviceModel::detach_calls() const { std::lock_guard lock(mutex_); return detach_calls_; }
int UsbDeviceModel::claim_calls() const { std::lock_guard lock(mutex_); return claim_calls_; }
int UsbDeviceModel::getdriver_calls() const { std::lock_guard lock(mutex_); return getdriver_calls_; }

// [SECTION] usbfs ioctls, answered on umockdev's handler thread

gboolean UsbDeviceModel::on_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self) {
    return static_cast<UsbDeviceModel*>(self)->handle(client);
}

gboolean UsbDeviceModel::handle(UMockdevIoctlClient* client) {
    const unsigned long request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    std::unique_lock lock(mutex_);

    const bool reaping = request == USBDEVFS_REAPURBNDELAY || request == USBDEVFS_REAPURB ||
                         request == USBDEVFS_DISCARDURB;
    if (unplugged_ && !reaping) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return TRUE;
    }

    switch (request) {
    case USBDEVFS_GET_CAPABILITIES: {
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), nullptr);
        // No scatter-gather: libusb then sends one URB per <=16 KiB, like a cheap printer's host.
        *reinterpret_cast<guint32*>(d->data) = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
                                               USBDEVFS_CAP_ZERO_PACKET | USBDEVFS_CAP_REAP_AFTER_DISCONNECT;
        umockdev_ioctl_client_complete(client, 0, 0);
        umockdev_ioctl_data_unref(d);
        return TRUE;
    }
    case USBDEVFS_GETDRIVER: {
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_getdriver), nullptr);
        auto* g = reinterpret_cast<usbdevfs_getdriver*>(d->data);
        ++getdriver_calls_;
        const int ifno = static_cast<int>(g->interface);
        std::string name = claimed_[ifno] ? "usbfs" : drivers_[ifno];
        if (name.empty()) {
            umockdev_ioctl_client_complete(client, -1, ENODATA);
        } else {
            std::snprintf(g->driver, sizeof g->driver, "%s", name.c_str());
            umockdev_ioctl_client_complete(client, 0, 0);
        }
        umockdev_ioctl_data_unref(d);
        return TRUE;
    }
    case USBDEVFS_IOCTL: {
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_ioctl), nullptr);
        auto* c = reinterpret_cast<usbdevfs_ioctl*>(d->data);
        const int ifno = c->ifno;
        if (c->ioctl_code == static_cast<int>(USBDEVFS_DISCONNECT)) {
            ++detach_calls_;  // every attempt: detaching an unbound interface is a bug to catch
            if (drivers_[ifno].empty()) {
                umockdev_ioctl_client_complete(client, -1, ENODATA);
            } else {
                drivers_[ifno].clear();
                umockdev_ioctl_client_complete(client, 0, 0);
            }
        } else if (c->ioctl_code == static_cast<int>(USBDEVFS_CONNECT)) {
            for (const auto& i : device_.interfaces)
                if (i.number == ifno) drivers_[ifno] = i.kernel_driver;
            umockdev_ioctl_client_complete(client, drivers_[ifno].empty() ? 0 : 1, 0);
        } else {
            umockdev_ioctl_client_complete(client, -1, ENOTTY);
        }
        umockdev_ioctl_data_unref(d);
        return TRUE;
    }
    case USBDEVFS_CLAIMINTERFACE:
    case USBDEVFS_RELEASEINTERFACE: {
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(unsigned int), nullptr);
        const int ifno = static_cast<int>(*reinterpret_cast<unsigned int*>(d->data));
        if (request == USBDEVFS_CLAIMINTERFACE) {
            ++claim_calls_;
            if (!drivers_[ifno].empty() || claimed_elsewhere_) {
                // What the kernel says while usblp/usbhid is bound: "resource busy".
                umockdev_ioctl_client_complete(client, -1, EBUSY);
            } else {
                claimed_[ifno] = true;
                umockdev_ioctl_client_complete(client, 0, 0);
            }
        } else {
            claimed_[ifno] = false;
            umockdev_ioctl_client_complete(client, 0, 0);
        }
        umockdev_ioctl_data_unref(d);
        return TRUE;
    }
    case USBDEVFS_SETINTERFACE:
    case USBDEVFS_SETCONFIGURATION:
    case USBDEVFS_CLEAR_HALT:
    case USBDEVFS_RESETEP:
    case USBDEVFS_RESET:
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    case USBDEVFS_SUBMITURB:
        submit(client, arg);
        changed_.notify_all();
        return TRUE;
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY:
        reap(client, arg);
        return TRUE;
    case USBDEVFS_DISCARDURB: {
        const auto addr = reinterpret_cast<unsigned long>(*reinterpret_cast<void**>(arg->data));
        for (auto& u : urbs_)
            if (u.client_addr == addr && !u.done) {
                u.done = true;
                u.status = -ENOENT;  // what a cancelled URB reaps with; libusb reports the timeout
                u.actual = 0;
                umockdev_ioctl_client_complete(client, 0, 0);
                return TRUE;
            }
        umockdev_ioctl_client_complete(client, -1, EINVAL);
        return TRUE;
    }
    default:
        return FALSE;
    }
}

std::vector<uint8_t> UsbDeviceModel::control_reply(const uint8_t setup[8]) {
    const uint8_t request_type = setup[0], request = setup[1];
    const uint8_t type = setup[3], index = setup[2];
    if (request_type != 0x80 || request != 6 || type != 3) return {};
    if (index == 0) return {4, 3, 0x09, 0x04};  // language: en-US
    const std::string* s = index == 1 ? &device_.manufacturer : index == 2 ? &device_.product
                         : index == 3 ? &device_.serial : nullptr;
    if (!s) return {};
    std::vector<uint8_t> r = {static_cast<uint8_t>(2 + 2 * s->size()), 3};
    for (char ch : *s) r.insert(r.end(), {static_cast<uint8_t>(ch), 0});
    return r;
}

void UsbDeviceModel::submit(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
    UMockdevIoctlData* urb_data = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
    auto* urb = reinterpret_cast<usbdevfs_urb*>(urb_data->data);
    Urb u;
    u.data = urb_data;
    u.client_addr = urb_data->client_addr;
    u.type = urb->type;
    u.endpoint = urb->endpoint;
    const bool in = (urb->endpoint & 0x80) != 0;

    if (urb->type == USBDEVFS_URB_TYPE_CONTROL) {
        UMockdevIoctlData* buf = umockdev_ioctl_data_resolve(urb_data, offsetof(usbdevfs_urb, buffer),
                                                             static_cast<gsize>(urb->buffer_length), nullptr);
        std::vector<uint8_t> reply = control_reply(buf->data);
        umockdev_ioctl_data_unref(buf);
        const int room = urb->buffer_length - 8;
        if (reply.empty()) {
            u.status = -EPIPE;  // a STALL: the request is not supported
        } else {
            if (static_cast<int>(reply.size()) > room) reply.resize(static_cast<std::size_t>(room));
            u.actual = static_cast<int>(reply.size());
            u.reply = std::move(reply);
        }
        u.done = true;
    } else if (!in) {
        std::vector<uint8_t> bytes;
        if (urb->buffer_length > 0) {
            UMockdevIoctlData* buf = umockdev_ioctl_data_resolve(urb_data, offsetof(usbdevfs_urb, buffer),
                                                                 static_cast<gsize>(urb->buffer_length), nullptr);
            bytes.assign(buf->data, buf->data + urb->buffer_length);
            umockdev_ioctl_data_unref(buf);
        }
        u.done = true;
        if (vanish_budget_ >= 0 && static_cast<long long>(bytes.size()) > vanish_budget_) {
            // The cable is pulled while this URB is on the wire.
            u.status = -ENODEV;
            unplugged_ = true;
            vanish_budget_ = -1;
            for (auto& other : urbs_)
                if (!other.done) { other.done = true; other.status = -ENODEV; }
        } else {
            if (vanish_budget_ >= 0) vanish_budget_ -= static_cast<long long>(bytes.size());
            u.actual = urb->buffer_length;
            auto& out = out_[urb->endpoint];
            out.insert(out.end(), bytes.begin(), bytes.end());
            out_sizes_[urb->endpoint].push_back(urb->buffer_length);
            if (responder_) {
                std::vector<uint8_t> reply = responder_(bytes);
                if (!reply.empty()) {
                    // The printer answers on its first bulk IN endpoint.
                    for (const auto& i : device_.interfaces)
                        for (const auto& e : i.endpoints)
                            if ((e.address & 0x80) && e.attributes == 2) {
                                in_[e.address].push_back(reply);
                                goto queued;
                            }
                queued:;
                }
            }
        }
    }
    urbs_.push_back(u);
    umockdev_ioctl_client_complete(client, 0, 0);
}

bool UsbDeviceModel::fill_in(Urb& u) {
    auto it = in_.find(u.endpoint);
    if (it == in_.end() || it->second.empty()) return false;
    auto* urb = reinterpret_cast<usbdevfs_urb*>(u.data->data);
    std::vector<uint8_t>& packet = it->second.front();
    const std::size_t n = std::min(packet.size(), static_cast<std::size_t>(urb->buffer_length));
    u.reply.assign(packet.begin(), packet.begin() + static_cast<long>(n));
    if (n == packet.size() || u.type == USBDEVFS_URB_TYPE_INTERRUPT) it->second.pop_front();
    else packet.erase(packet.begin(), packet.begin() + static_cast<long>(n));
    u.actual = static_cast<int>(n);
    u.status = 0;
    u.done = true;
    changed_.notify_all();
    return true;
}

void UsbDeviceModel::reap(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
    for (auto it = urbs_.begin(); it != urbs_.end(); ++it) {
        Urb& u = *it;
        if (!u.done && (u.endpoint & 0x80) && u.type != USBDEVFS_URB_TYPE_CONTROL) fill_in(u);
        if (!u.done) continue;

        auto* urb = reinterpret_cast<usbdevfs_urb*>(u.data->data);
        if (!u.reply.empty()) {
            // Same address space: write the reply straight into the client's buffer, after the
            // 8-byte setup packet for control transfers.
            auto* dst = static_cast<uint8_t*>(urb->buffer) + (u.type == USBDEVFS_URB_TYPE_CONTROL ? 8 : 0);
            std::memcpy(dst, u.reply.data(), u.reply.size());
        }
        urb->actual_length = u.actual;
        urb->status = u.status;
        UMockdevIoctlData* ptr = umockdev_ioctl_data_resolve(arg, 0, sizeof(gpointer), nullptr);
        umockdev_ioctl_data_set_ptr(ptr, 0, u.data);
        umockdev_ioctl_client_complete(client, 0, 0);
        umockdev_ioctl_data_unref(ptr);
        umockdev_ioctl_data_unref(u.data);
        urbs_.erase(it);
        changed_.notify_all();
        return;
    }
    umockdev_ioctl_client_complete(client, -1, EAGAIN);
}

// [SECTION] Printer emulation

std::function<std::vector<uint8_t>(const std::vector<uint8_t>&)> dle_eot_responder(
    std::function<EmulatedPrinterStatus()> current) {
    return [current = std::move(current)](const std::vector<uint8_t>& out) -> std::vector<uint8_t> {
        if (out.size() != 3 || out[0] != 0x10 || out[1] != 0x04) return {};
        const EmulatedPrinterStatus s = current();
        switch (out[2]) {
        case 1: return {s.printer};
        case 2: return {s.offline};
        case 4: return {s.paper};
        default: return {0x12};
        }
    };
}

}  // namespace waserda::usbtest
