// The seam between the screens and the devices/background services. The app composes whatever is
// present (a real printer, a USB scanner, the sync client); screens only read DeviceStatus /
// SyncStatus snapshots and emit intents, so nothing here ever blocks a frame.
#pragma once

#include "pos/core/result.hpp"
#include "pos/core/sale.hpp"
#include "pos/core/settings.hpp"
#include "pos/core/shift.hpp"

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
    // The drawer kick goes through the printer (ESC p) on most tills.
    virtual core::Status kick_drawer() = 0;
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

class SyncMonitor {
public:
    virtual ~SyncMonitor() = default;
    virtual SyncStatus status() const = 0;
    // A sale was committed: send soon rather than at the next idle round.
    virtual void poke() {}
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

}  // namespace waserda::ui
