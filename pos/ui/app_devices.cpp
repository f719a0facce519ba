// App intents for the devices: listing what is plugged in, checking and saving the device
// settings, putting them to use without a restart (the print queue keeps its waiting receipts),
// test print and drawer, the scanner test, and the keyboard-wedge detector.
//
// [SECTION] Device list
// [SECTION] Settings: check, save, use
// [SECTION] Test print, drawer, scanner test
// [SECTION] Keyboard wedge
#include "drivers/escpos/image.hpp"
#include "drivers/escpos/profile.hpp"
#include "drivers/scanner/wedge_detector.hpp"
#include "drivers/transport/device_files.hpp"
#include "drivers/usb/usb_devices.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"

#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

namespace waserda::ui {

using core::tr;

std::shared_ptr<drivers::usb::UsbContext> shared_usb_context(std::string& error);   // scanner_source.cpp

struct App::DevicesState {
    DeviceList list;
    bool scanned = false;
    bool initialized = false;
    PrinterConfig printer_applied;
    ScannerConfig scanner_applied;
    std::unique_ptr<ReceiptPrinter> trial;      // the draft's printer, for a test before saving
    PrinterConfig trial_config;
    ScanEvent last_test;
    std::string wedge_source;                   // set while a wedge scan goes through App::scan
    drivers::KeyboardWedgeDetector wedge;
    std::optional<std::pair<int64_t, int64_t>> wedge_clock;   // (now, keys) for the next frame
    int panel_frame = -1000;                    // the ImGui frame a device panel was last drawn in
};

App::DevicesState& App::devices() {
    if (!devices_) devices_ = std::make_shared<DevicesState>();
    return *devices_;
}

const App::DevicesState& App::devices() const {
    static const DevicesState empty;
    return devices_ ? *devices_ : empty;
}

namespace {

bool same(const PrinterConfig& a, const PrinterConfig& b) {
    return a.spec == b.spec && a.profile == b.profile && a.paper_mm == b.paper_mm && a.logo == b.logo;
}
bool same(const ScannerConfig& a, const ScannerConfig& b) {
    return a.spec == b.spec && a.prefix == b.prefix && a.suffix == b.suffix;
}

drivers::KeyboardWedgeDetector make_wedge(const ScannerConfig& c) {
    drivers::WedgeOptions o;
    o.affixes = {c.prefix, c.suffix};
    return drivers::KeyboardWedgeDetector(o);
}

// The device keys as the settings screen and `waserda settings set` check them, plus what only
// the drivers know: the profile exists, the logo can be read.
core::Status check_devices(const core::ShopSettings& draft) {
    auto kv = core::settings_to_kv(draft);
    core::ShopSettings scratch;
    for (const char* key : {"printer", "printer.profile", "printer.paper", "receipt.logo", "scanner", "scanner.prefix",
                            "scanner.suffix", "drawer.enabled"})
        if (auto st = core::set_setting(scratch, key, kv[key]); !st) return st;
    const std::string& profile = draft.printer_profile;
    if (profile != "auto" && profile != "generic" && !drivers::PrinterProfiles::installed().find(profile))
        return core::make_error(core::ErrorCode::Invalid,
                                tr("Profil printer \"{}\" tidak ada. Pilih salah satu dari daftar, atau auto.", profile));
    if (!draft.receipt_logo.empty()) {
        if (auto logo = drivers::load_logo(draft.receipt_logo, 576); !logo)
            return core::make_error(core::ErrorCode::Invalid,
                                    tr("Logo {} tidak bisa dipakai: {}", draft.receipt_logo, logo.error().message));
    }
    return core::ok_status();
}

}  // namespace

// [SECTION] Device list

DeviceList list_devices() {
    DeviceList out;
    std::string error;
    if (auto ctx = shared_usb_context(error)) {
        auto found = drivers::usb::list_usb_devices(*ctx);
        if (found) {
            for (const auto& d : *found) {
                FoundDevice f;
                f.printer = d.kind == drivers::usb::DeviceKind::Printer;
                f.label = drivers::usb::describe(d);
                f.problem = d.problem;
                // A CDC-ACM scanner is read through its /dev/ttyACM file (listed below), not libusb.
                if (d.kind != drivers::usb::DeviceKind::ScannerSerial) f.spec = "usb:" + drivers::usb::to_string(d.id);
                if (f.printer) f.profile = drivers::profile_for(d.id.vid, d.id.pid).id;
                out.devices.push_back(std::move(f));
            }
        } else {
            out.error = found.error().message;
        }
    } else {
        out.error = error;
    }
    for (const auto& f : drivers::list_device_files()) {
        FoundDevice d;
        d.printer = f.kind == "printer";
        d.spec = (d.printer ? "file:" : "serial:") + f.path;
        d.label = f.path;
        d.problem = f.problem;
        out.devices.push_back(std::move(d));
    }
    return out;
}

void App::scan_devices() {
    auto& d = devices();
    d.list = list_devices();
    d.scanned = true;
}

const DeviceList& App::device_list() const { return devices().list; }
bool App::devices_scanned() const { return devices().scanned; }

// [SECTION] Settings: check, save, use

bool App::apply_device_settings(const core::ShopSettings& draft) {
    if (auto st = check_devices(draft); !st) {
        show_error(st.error());
        return false;
    }
    if (!state_.user) {
        show_error(tr("Masuk dulu sebagai admin untuk menyimpan pengaturan perangkat."));
        return false;
    }
    guarded(core::Permission::ManageSettings, [this, draft](const std::optional<core::User>& approver) {
        const core::User& actor = approver ? *approver : *state_.user;
        if (auto st = shop_.update_settings(actor, draft); !st) return st;
        use_saved_devices();
        refresh_status();
        if (state_.banner.kind != Banner::Kind::Error)
            show_info(tr("Pengaturan perangkat tersimpan dan langsung dipakai."), true);
        return core::ok_status();
    });
    return core::settings_to_kv(shop_.settings()) == core::settings_to_kv(draft);
}

void App::use_saved_devices() {
    auto& d = devices();
    const auto& s = shop_.settings();
    PrinterConfig pc = printer_config(s, options_.default_printer);
    ScannerConfig sc = scanner_config(s);
    if (!d.initialized) {
        // main.cpp built the printer from these settings (or --printer); the scanner starts here.
        d.initialized = true;
        d.printer_applied = pc;
        d.scanner_applied = sc;
        d.wedge = make_wedge(sc);
        if (!services_.scanner) services_.scanner = make_scan_source(sc, services_.wake);
        return;
    }
    if (!same(pc, d.printer_applied)) {
        d.printer_applied = pc;
        d.trial.reset();
        if (!pc.spec.empty()) {
            std::string error;
            // In place when the printer can (the queue keeps its jobs), else a new one: a printer that
            // cannot switch has nothing waiting (the folder printer writes at once).
            if (!services_.printer || !services_.printer->reconfigure(pc, error)) {
                if (error.empty()) {
                    if (auto p = make_printer(pc, error)) {
                        p->set_wake(services_.wake);
                        services_.printer = std::move(p);
                    }
                }
            }
            if (!error.empty()) show_error(tr("Printer baru belum bisa dipakai: {}", error));
        }
    }
    if (!same(sc, d.scanner_applied)) {
        d.scanner_applied = sc;
        services_.scanner.reset();   // stops its reader threads and gives the device back
        services_.scanner = make_scan_source(sc, services_.wake);
        d.wedge = make_wedge(sc);
    }
}

// [SECTION] Test print, drawer, scanner test

namespace {

// The printer a test goes to: the till's own when the draft names the same printer, else a
// trial printer kept until the next test or save (its queue must live until the page is out).
ReceiptPrinter* test_printer(App& app, const core::ShopSettings& draft, std::unique_ptr<ReceiptPrinter>& trial,
                             PrinterConfig& trial_config, const PrinterConfig& applied, std::string& error) {
    PrinterConfig pc = printer_config(draft, app.options().default_printer);
    if (pc.spec.empty() || same(pc, applied)) return app.services().printer.get();
    if (trial && same(trial_config, pc)) return trial.get();
    if (auto st = check_devices(draft); !st) {
        error = st.error().message;
        return nullptr;
    }
    trial = make_printer(pc, error);
    if (!trial) return nullptr;
    trial->set_wake(app.services().wake);
    trial_config = pc;
    return trial.get();
}

}  // namespace

void App::test_print(const core::ShopSettings& draft) {
    auto& d = devices();
    std::string error;
    ReceiptPrinter* p = test_printer(*this, draft, d.trial, d.trial_config, d.printer_applied, error);
    if (!p) {
        show_error(error.empty() ? tr("Tidak ada printer.") : error);
        return;
    }
    if (auto st = p->print_test_page(); !st) show_error(st.error());
    else show_info(tr("Halaman percobaan dikirim ke printer."), true);
}

void App::test_drawer(const core::ShopSettings& draft) {
    if (!draft.drawer_enabled) {
        show_error(tr("Laci uang dimatikan. Nyalakan dulu untuk mencobanya."));
        return;
    }
    auto& d = devices();
    std::string error;
    ReceiptPrinter* p = test_printer(*this, draft, d.trial, d.trial_config, d.printer_applied, error);
    if (!p) {
        show_error(error.empty() ? tr("Tidak ada printer.") : error);
        return;
    }
    if (auto st = p->kick_drawer(); !st) show_error(st.error());
    else show_info(tr("Sinyal buka laci dikirim lewat printer."), true);
}

DeviceStatus App::panel_printer_status() const {
    const auto& d = devices();
    if (d.trial) return d.trial->status();
    return state_.printer;
}

const ScanEvent& App::last_test_scan() const { return devices().last_test; }

void App::record_test_scan(const std::string& code) {
    auto& d = devices();
    std::string source = d.wedge_source;
    if (source.empty()) source = d.scanner_applied.spec == "keyboard" ? tr("keyboard") : d.scanner_applied.spec;
    d.last_test = ScanEvent{code, source};
    spdlog::info("scanner test: {} ({})", code, source);   // a support call can see the scanner works
}

void App::device_panel_shown() { devices().panel_frame = ImGui::GetFrameCount(); }

namespace {
// A device panel was drawn in this frame or the one before (a scan arrives between frames, from
// poll_services, or early in a frame, from the wedge, before the screen is drawn).
bool panel_on_screen(int panel_frame) {
    return ImGui::GetCurrentContext() && panel_frame >= ImGui::GetFrameCount() - 1;
}
}  // namespace

bool App::scan_to_device_test(const std::string& code) {
    // The first-run wizard's device step has nobody logged in yet: the code is only shown.
    if (!panel_on_screen(devices().panel_frame)) return false;
    record_test_scan(code);
    return true;
}

// [SECTION] Keyboard wedge
// ImGui 1.86 has the frame's typed characters in io.InputQueueCharacters and Enter in
// io.KeysDown; both are read by the screens after this runs. Held characters are taken out of the
// queue and put back (in order) in the frame the detector lets them go; a scan's Enter is hidden
// from the screen by marking it as held down already (KeysDownDuration > 0 is "not pressed").

namespace {

bool wedge_screen(const std::string& screen) {
    // Screens whose own field takes codes (checkout, returns, member, stock work) or digits
    // (login PIN, pay, shift amounts) are left alone.
    return screen == "search" || screen == "held" || screen == "menu" || screen == "settings.devices";
}

bool pressed_now(const ImGuiIO& io, int key) { return io.KeysDown[key] && io.KeysDownDuration[key] == 0.0f; }

}  // namespace

bool App::wedge_holding() const { return devices().wedge.holding(); }

void App::set_wedge_clock(int64_t now_ms, int64_t keys_ms) { devices().wedge_clock = std::pair{now_ms, keys_ms}; }

void App::route_wedge_keys() {
    auto& d = devices();
    ImGuiIO& io = ImGui::GetIO();
    int64_t now = static_cast<int64_t>(ImGui::GetTime() * 1000.0), keys_at = now;
    // Keys timed by their arrival (the window's clock) while this frame may run late on a busy
    // till: the rest of a burst gets a little longer before it is called typing (a person's keys
    // then wait at most ~150 ms). With frame time only (headless) there is nothing to make up for.
    int64_t slack = 0;
    if (d.wedge_clock) {
        std::tie(now, keys_at) = *d.wedge_clock;
        slack = 100;
    }
    d.wedge_clock.reset();
    // A device panel takes a scanner test before anyone has logged in too (the first-run wizard).
    const bool active = !state_.locked && !dialog_open() &&
                        ((state_.user && wedge_screen(state_.screen)) || panel_on_screen(d.panel_frame));
    if (!active && !d.wedge.holding()) return;

    ImVector<ImWchar> out;
    auto give_back = [&out](const std::string& typed) {
        for (char c : typed)
            if (c != '\n') out.push_back(static_cast<ImWchar>(static_cast<unsigned char>(c)));
    };
    std::optional<std::string> code;
    auto take = [&](drivers::WedgeOutput o) {
        give_back(o.typed);
        if (o.scan) code = std::move(o.scan);
    };
    if (!active) {
        // Left the screen (or a dialog opened) in the middle: the keys were typing after all.
        take(d.wedge.flush(now + 1000000));
        for (ImWchar c : io.InputQueueCharacters) out.push_back(c);
        io.InputQueueCharacters.swap(out);
        return;
    }
    for (ImWchar c : io.InputQueueCharacters) {
        if (c >= 0x20 && c < 0x7f) {
            take(d.wedge.feed({static_cast<char>(c), false, keys_at}));
        } else {
            take(d.wedge.flush(now + 1000000));
            out.push_back(c);
        }
    }
    for (int key : {keys::Enter, keys::KeypadEnter}) {
        if (!pressed_now(io, key)) continue;
        auto o = d.wedge.feed({0, true, keys_at});
        if (o.scan) io.KeysDownDuration[key] = 0.001f;   // the scan's Enter is not the screen's
        take(std::move(o));
    }
    take(d.wedge.flush(now - slack));
    io.InputQueueCharacters.swap(out);
    if (code) {
        d.wedge_source = tr("keyboard");
        scan(*code, "wedge");
        d.wedge_source.clear();
    }
}

}  // namespace waserda::ui
