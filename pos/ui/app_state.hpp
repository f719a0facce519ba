// What the screens read. The App owns it and changes it only through its intents.
#pragma once

#include "pos/core/cart.hpp"
#include "pos/core/ports.hpp"
#include "pos/core/shop.hpp"
#include "pos/ui/services.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace waserda::ui {

struct Banner {
    enum class Kind { None, Info, Success, Error };
    Kind kind = Kind::None;
    std::string text;        // one plain sentence: what happened and what to do
};

// A supervisor's PIN is needed before an act can go ahead (voids, discounts, credit override...).
struct PendingApproval {
    core::Permission permission = core::Permission::VoidLine;
    std::string why;         // the core's message: "Perlu persetujuan supervisor untuk ..."
    std::string error;       // shown inside the dialog after a wrong PIN
    std::function<core::Status(const core::User& approver)> retry;
};

struct QuickKey {
    std::string label;
    std::string code;        // SKU or barcode, fed to Shop::scan_into
};
struct QuickKeyPage {
    std::string category;
    std::vector<QuickKey> keys;
};

struct AppState {
    std::string screen = "login";
    std::vector<core::User> users;          // for the login buttons
    std::optional<core::User> user;         // who is logged in
    bool locked = false;
    std::optional<core::Shift> shift;

    core::Cart cart;
    core::CartTotals totals;
    std::optional<core::MemberView> member;
    int last_line = -1;                     // the line a scan touched, highlighted and scrolled to
    int selected_line = -1;                 // the line whose dialog is open

    std::vector<core::Payment> payments;    // on the pay screen
    core::PaymentPlan plan;
    std::optional<core::Sale> last_sale;    // the sale just committed: change shown, reprint
    bool show_last_sale = false;

    std::vector<core::HeldCart> held;
    std::vector<QuickKeyPage> quick_keys;

    std::optional<core::Sale> return_sale;  // the sale being returned

    Banner banner;
    std::optional<PendingApproval> approval;

    DeviceStatus printer;
    DeviceStatus scanner;
    SyncStatus sync;
    std::string clock_text;                 // local "22/11/2026 10:04"
    struct LastScan {
        std::string code, source;           // the last code scanned and the device it came from
    } last_scan;
};

}  // namespace waserda::ui
