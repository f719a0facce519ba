// An in-process USB device for tests: umockdev fakes sysfs and /dev/bus/usb, and this model
// answers the usbfs ioctls libusb sends (claim, kernel driver, control, bulk, interrupt URBs)
// from C++ code. A printer that answers DLE EOT, a scanner that types on demand, a device that
// vanishes mid-job are all built on it. Written for Waserda's tests; see
// shared/notes/usb-testing.md for what umockdev offers.
#pragma once

#include <umockdev.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace waserda::usbtest {

struct ModelEndpoint {
    uint8_t address = 0;      // 0x03 = OUT 3, 0x81 = IN 1
    uint8_t attributes = 2;   // 2 bulk, 3 interrupt
    uint16_t max_packet = 64;
};

struct ModelInterface {
    uint8_t number = 0;
    uint8_t cls = 7, subclass = 1, protocol = 2;
    std::vector<ModelEndpoint> endpoints;
    std::string kernel_driver;  // "usblp", "usbhid": reported active until detached
};

struct ModelDevice {
    uint16_t vid = 0x0416, pid = 0x5011;
    std::string manufacturer = "Generic";
    std::string product = "POS58 Printer";
    std::string serial;
    std::vector<ModelInterface> interfaces;
    int bus = 1, devnum = 2;
};

// A 58 mm printer with class-7 interface 0, bulk OUT `out_ep` and bulk IN 0x82.
ModelDevice make_printer(uint8_t out_ep = 0x01, std::string kernel_driver = "");
// A HID boot-keyboard scanner (Honeywell 0c2e:0b61) with interrupt IN 0x81, 8-byte reports.
ModelDevice make_keyboard_scanner(std::string kernel_driver = "usbhid");

// Device + configuration + interface + endpoint descriptors, as sysfs "descriptors" holds them.
std::vector<uint8_t> build_descriptors(const ModelDevice& d);

class UsbDeviceModel {
public:
    UsbDeviceModel(UMockdevTestbed* testbed, ModelDevice device);
    ~UsbDeviceModel();
    UsbDeviceModel(const UsbDeviceModel&) = delete;
    UsbDeviceModel& operator=(const UsbDeviceModel&) = delete;

    const std::string& syspath() const { return syspath_; }
    const std::string& devnode() const { return devnode_; }

    // [Printer side] Called for every OUT URB; returns bytes to queue on the IN endpoint.
    void set_responder(std::function<std::vector<uint8_t>(const std::vector<uint8_t>& out_urb)> f);
    // Queues one IN packet (a bulk reply or an interrupt report) on endpoint `ep`.
    void push_in(uint8_t ep, std::vector<uint8_t> packet);
    std::size_t pending_in(uint8_t ep) const;
    // Everything written to OUT endpoint `ep`, in order, and the size of each URB.
    std::vector<uint8_t> out_bytes(uint8_t ep) const;
    std::vector<int> out_urb_sizes(uint8_t ep) const;
    // Waits (deadline, not sleep) until `pred` holds on the model; false on timeout.
    bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout);

    // The OUT URB that would take the bytes received from now past `n` completes with status
    // -ENODEV (-19) and the device is gone: the cable pulled in the middle of a receipt.
    void vanish_after_out_bytes(std::size_t n);
    // Another program holds the interface: claiming fails with EBUSY though no kernel driver is bound.
    void set_claimed_elsewhere(bool busy);
    // Gone now: every ioctl fails with ENODEV, flying URBs complete with -ENODEV, "remove" uevent.
    void unplug();
    bool unplugged() const;

    std::string kernel_driver(int interface_number) const;
    int detach_calls() const;  // detach attempts, bound or not
    int claim_calls() const;
    int getdriver_calls() const;

private:
    struct Urb {
        UMockdevIoctlData* data = nullptr;  // the client's struct usbdevfs_urb (ref held)
        unsigned long client_addr = 0;
        int type = 0;
        uint8_t endpoint = 0;
        bool done = false;
        int status = 0;
        int actual = 0;
        std::vector<uint8_t> reply;  // IN data, written into the client's buffer when reaped
    };

    static gboolean on_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self);
    gboolean handle(UMockdevIoctlClient* client);
    void submit(UMockdevIoctlClient* client, UMockdevIoctlData* arg);
    void reap(UMockdevIoctlClient* client, UMockdevIoctlData* arg);
    std::vector<uint8_t> control_reply(const uint8_t setup[8]);
    bool fill_in(Urb& u);

    UMockdevTestbed* testbed_;
    ModelDevice device_;
    UMockdevIoctlBase* handler_ = nullptr;
    std::string syspath_, devnode_;

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Urb> urbs_;
    std::map<uint8_t, std::deque<std::vector<uint8_t>>> in_;
    std::map<uint8_t, std::vector<uint8_t>> out_;
    std::map<uint8_t, std::vector<int>> out_sizes_;
    std::map<int, std::string> drivers_;
    std::map<int, bool> claimed_;
    std::function<std::vector<uint8_t>(const std::vector<uint8_t>&)> responder_;
    long long vanish_budget_ = -1;  // bytes still accepted before vanishing; -1 never
    bool remove_sent_ = false;
    bool claimed_elsewhere_ = false;
    bool unplugged_ = false;
    int detach_calls_ = 0, claim_calls_ = 0, getdriver_calls_ = 0;
};

// A printer emulator answering DLE EOT 1/2/4 with the given bytes.
struct EmulatedPrinterStatus {
    uint8_t printer = 0x16;   // online, drawer pin low
    uint8_t offline = 0x12;   // no cover open, no paper end
    uint8_t paper = 0x12;     // paper present
};
std::function<std::vector<uint8_t>(const std::vector<uint8_t>&)> dle_eot_responder(
    std::function<EmulatedPrinterStatus()> current);

}  // namespace waserda::usbtest
