// The seam between the screens and the devices/background services. The app composes whatever is
// present (a real printer, a USB scanner, the sync client); screens only read DeviceStatus /
// SyncStatus snapshots and emit intents, so nothing here ever blocks a frame.
#pragma once

#include "pos/core/i18n.hpp"
#include "pos/core/result.hpp"
#include "pos/core/sale.hpp"
#include "pos/core/settings.hpp"
#include "pos/core/shift.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace waserda::core {
class ManagerService;
class MembersService;
class Shop;
struct ShelfLabel;
}  // namespace waserda::core
namespace waserda::store {
class SqliteStore;
}

namespace waserda::ui {

enum class DeviceState { Ready, Working, Warning, Problem, Absent };

struct DeviceStatus {
    DeviceState state = DeviceState::Absent;
    std::string text;           // one plain sentence for the status bar ("Printer siap")
    friend bool operator==(const DeviceStatus&, const DeviceStatus&) = default;
};

struct SyncStatus {
    bool enabled = false;       // false: standalone till, nothing to show
    int64_t pending = 0;
    std::string last_success_at;    // UTC ISO-8601, empty when never
    std::string last_error;         // plain sentence, empty when fine
    friend bool operator==(const SyncStatus&, const SyncStatus&) = default;
};

// What a print is: a sale receipt (or its copy), or an X/Z shift report.
struct ShiftReport {
    core::Shift shift;
    core::ShiftFigures figures;
    bool z = false;             // Z: the closing report
};

struct PrinterConfig;

// A job in the printer's queue as a screen follows it (a label sheet it sent, say).
enum class PrintJobState { Waiting, Printing, Printed, Failed };
struct PrintJobView {
    uint64_t id = 0;
    std::string title;
    PrintJobState state = PrintJobState::Waiting;
    std::string error;          // the printer's sentence when Failed
};

class ReceiptPrinter {
public:
    virtual ~ReceiptPrinter() = default;
    // Queues the receipt; must not block a frame. A failure is a sentence for the cashier.
    virtual core::Status print_sale(const core::Sale& sale, const core::ShopSettings& shop, bool copy) = 0;
    virtual core::Status print_shift(const ShiftReport& report, const core::ShopSettings& shop) = 0;
    // Plain lines as they are (member receipts, statements, settlements), under `label`.
    virtual core::Status print_text(const std::string& label, const std::string& text) {
        (void)label, (void)text;
        return core::make_error(core::ErrorCode::Device, "print_text");
    }
    // Characters a line on this paper (what print_text's lines should fit).
    virtual int columns() const { return 42; }
    // Ready ESC/POS bytes through the same queue and worker as the receipts, in order. A job that
    // fails (paper out, unplugged) waits as Failed until retry_failed(). Returns the job's id.
    virtual core::Result<uint64_t> print_raw(const std::string& title, std::vector<uint8_t> bytes) {
        (void)title, (void)bytes;
        return core::make_error(core::ErrorCode::Device, core::tr("Printer ini tidak bisa mencetak label."));
    }
    // Shelf labels laid out for this printer's paper and code table (drivers/receipt/labels), then print_raw.
    virtual core::Result<uint64_t> print_labels(const std::string& title, const std::vector<core::ShelfLabel>& labels) {
        (void)title, (void)labels;
        return core::make_error(core::ErrorCode::Device, core::tr("Printer ini tidak bisa mencetak label."));
    }
    // A job given by print_raw/print_labels; nullopt once the queue no longer keeps it.
    virtual std::optional<PrintJobView> job(uint64_t id) const {
        (void)id;
        return std::nullopt;
    }
    // Every failed job (receipts and labels) back into the queue, oldest first. How many.
    virtual size_t retry_failed() { return 0; }
    // The drawer kick goes through the printer (ESC p) on most tills.
    virtual core::Status kick_drawer() = 0;
    // Device panel: the profile's test page ("Cetak percobaan").
    virtual core::Status print_test_page() {
        return core::make_error(core::ErrorCode::Device, core::tr("Printer ini tidak bisa mencetak halaman percobaan."));
    }
    // Switches to another printer in place: jobs still waiting in the queue go to the new one.
    // False when this printer cannot (the app then replaces it; nothing of it is queued).
    virtual bool reconfigure(const PrinterConfig& config, std::string& error) {
        (void)config, (void)error;
        return false;
    }
    virtual DeviceStatus status() const = 0;
    // Called from the printer's worker thread when its state changes (wakes the idle loop).
    virtual void set_wake(std::function<void()>) {}
};

// A scanner that delivers whole codes (USB HID POS, serial). Keyboard-wedge scanners need none:
// they type into the window and the checkout screen reads them.
struct ScanEvent {
    std::string code;
    std::string source;         // "wedge", "usb", "serial"
};
class ScanSource {
public:
    virtual ~ScanSource() = default;
    virtual std::vector<ScanEvent> drain() = 0;     // codes that arrived since the last call
    virtual DeviceStatus status() const = 0;
};

// Where the sync client sends: the saved central server (meta sync.*, written by the wizard, the
// settings screen and `waserda sync --server`). An empty server_url: a standalone till.
struct SyncTarget {
    std::string server_url, token, ca_file;
    friend bool operator==(const SyncTarget&, const SyncTarget&) = default;
};

class SyncMonitor {
public:
    virtual ~SyncMonitor() = default;
    virtual SyncStatus status() const = 0;
    // A sale was committed: send soon rather than at the next idle round.
    virtual void poke() {}
    // The saved central server: start, restart or stop the client to match (sync_runner.hpp).
    // Returns at once; an unchanged target changes nothing.
    virtual void apply(const SyncTarget& target) { (void)target; }
};

// The manager's side: stock work and reports (core::ManagerService) and the members' ledgers,
// payroll, consignment and SHU (core::MembersService), over the same store as the till.
class BackOffice {
public:
    virtual ~BackOffice() = default;
    virtual core::ManagerService& manager() = 0;
    virtual core::MembersService& members() = 0;
};
std::unique_ptr<BackOffice> make_back_office(store::SqliteStore& store, core::Shop& shop);

struct Services {
    std::unique_ptr<ReceiptPrinter> printer;
    std::unique_ptr<ScanSource> scanner;      // optional
    std::unique_ptr<SyncMonitor> sync;        // optional
    std::unique_ptr<BackOffice> office;       // optional: the manager's screens need it
    // Called from any thread when something the screen shows changed (glfwPostEmptyEvent).
    std::function<void()> wake = [] {};
};

// Plain-text receipts in a folder (<number>.txt), written at once: the tests' printer.
std::unique_ptr<ReceiptPrinter> make_folder_printer(const std::string& dir);

// The real path: the receipt layout (drivers/receipt) as ESC/POS through the non-blocking print
// queue. "virtual:DIR" prints on the virtual printer: every job as <label>.bin (the bytes),
// <label>.png (the paper) and <label>.txt into DIR; "file:/dev/usb/lp0" and "tcp:HOST[:PORT]"
// reach a real printer. `paper_mm` is 58 or 80.
std::unique_ptr<ReceiptPrinter> make_printer(const std::string& spec, std::string& error, int paper_mm = 80);

// [SECTION] Devices from the shop's settings (device panel; app_devices.cpp, scanner_source.cpp)
struct PrinterConfig {
    std::string spec;               // "virtual:DIR", "usb", "usb:VID:PID", "file:/dev/usb/lp0", "tcp:HOST[:PORT]"
    std::string profile = "auto";   // assets/printers id, "auto" (by USB id, else generic) or "generic"
    int paper_mm = 80;              // overrides the profile's paper: a TM-T20 takes 58 mm rolls too
    std::string logo;               // PNG above the shop's name; empty: none
};
// The settings' printer; `default_spec` when none is set (the virtual printer beside the database).
PrinterConfig printer_config(const core::ShopSettings& s, const std::string& default_spec);
// Also "usb" and "usb:VID:PID" (libusb), the profile and the logo. Null and `error` when the
// spec or profile is wrong or the logo cannot be read.
std::unique_ptr<ReceiptPrinter> make_printer(const PrinterConfig& config, std::string& error);

struct ScannerConfig {
    std::string spec = "keyboard";  // "keyboard", "usb", "usb:VID:PID", "serial:/dev/ttyACM0"
    std::string prefix, suffix;     // stripped from every code
};
ScannerConfig scanner_config(const core::ShopSettings& s);
// The reader of a USB HID (keyboard or HID POS) or serial scanner on its own thread; `wake` is
// called on that thread when a code arrives. Null for "keyboard": the keyboard-wedge detector in
// the window reads those (App). A scanner that is not plugged in yet still gives a source: its
// status says so and it keeps looking.
std::unique_ptr<ScanSource> make_scan_source(const ScannerConfig& config, std::function<void()> wake);

// What `waserda devices` finds, as the device panel lists it.
struct FoundDevice {
    bool printer = true;        // else a scanner
    std::string spec;           // the setting that picks it: "usb:0416:5011", "file:/dev/usb/lp0", "serial:/dev/ttyACM0"
    std::string label;          // "USB 0416:5011 (POS58 Printer)"
    std::string profile;        // printers: the profile of its USB id ("generic-58" when unknown)
    std::string problem;        // why it cannot be used now; empty when it can
};
struct DeviceList {
    std::vector<FoundDevice> devices;
    std::string error;          // libusb could not start (the list then has the device files only)
};
// Lists USB printers and scanners (libusb, never detaching a driver) and /dev/usb/lp*, /dev/ttyACM*.
// Takes a moment: call it on request, not every frame.
DeviceList list_devices();

}  // namespace waserda::ui
