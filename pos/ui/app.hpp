// The till's application object: owns the state the screens read, runs their intents against
// core::Shop and the Services, and lays out one frame (status bar, screen, banner, dialog).
// No window and no GL here: main.cpp and the headless harness host it.
#pragma once

#include "pos/core/catalog_io.hpp"
#include "pos/core/manager_service.hpp"
#include "pos/core/members_service.hpp"
#include "pos/core/shop.hpp"
#include "pos/ui/app_state.hpp"
#include "pos/ui/services.hpp"
#include "pos/ui/view.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace waserda::ui {

struct AppOptions {
    std::string assets_dir = WASERDA_ASSETS_DIR;
    std::string language = "id";
    std::string quick_keys_file;    // default: <assets_dir>/quickkeys.json
    std::vector<std::string> usb_roots = {"/media", "/run/media"};   // where USB sticks are mounted
    std::string default_printer;    // when the settings name no printer ("virtual:<db folder>/receipts"); empty: keep the one given
};

class App {
public:
    App(core::Shop& shop, Services services, AppOptions options);
    ~App();

    // Loads users, quick keys, held carts and the open cart a crash or power cut left behind.
    void start();
    // Builds one frame between ImGui::NewFrame() and ImGui::Render().
    void frame();
    // Seconds until the screen needs a frame although nothing happened (the clock's next minute).
    double seconds_until_tick() const;
    // Polls devices and background services; true when something shown changed.
    bool poll_services();

    const AppState& state() const { return state_; }
    core::Shop& shop() { return shop_; }
    Services& services() { return services_; }
    BackOffice* office() { return services_.office.get(); }   // null: no manager screens
    const AppOptions& options() const { return options_; }

    // [SECTION] Screens
    void add_screen(std::unique_ptr<View> view);   // other issues add manager screens here
    std::vector<View*> menu_screens() const;
    void go(const std::string& screen);
    void back();
    void open_dialog(std::unique_ptr<Dialog> dialog);
    bool dialog_open() const { return dialog_ != nullptr || state_.approval.has_value(); }

    // [SECTION] Intents: users and shifts
    bool login(const std::string& name, const std::string& pin);
    void lock();
    void logout();
    void open_shift(core::Money opening_float);
    std::optional<core::ShiftFigures> shift_figures();
    void print_x_report();
    bool close_shift(const std::map<int64_t, int64_t>& denominations);
    void set_language(const std::string& lang);

    // [SECTION] Intents: the cart
    // A code from the keyboard wedge, a USB scanner or typed by hand: an item, a pack, a weighed
    // label, or a member card.
    // `source` names the device it came from ("wedge", "usb", "serial", "keyboard": typed).
    void scan(const std::string& code, const std::string& source = "keyboard");
    bool set_member(const std::string& number_or_card);
    void clear_member();
    void select_line(int line) { state_.selected_line = line; }
    void change_qty(int line, int64_t qty);
    void void_line(int line);
    void discount_line(int line, core::Money discount);
    void override_price(int line, core::Money price);
    std::vector<core::Item> search_items(const std::string& text, int limit = 40);
    std::vector<core::Member> search_members(const std::string& text, int limit = 40);
    void hold();
    void refresh_held();
    void resume(int64_t held_id);
    void new_sale_screen();                 // dismiss the finished sale panel

    // [SECTION] Intents: paying
    void start_payment();
    void add_payment(const core::Payment& p);
    void remove_payment(size_t index);
    void clear_payments();
    bool pay();                              // commit, then print and open the drawer
    void reprint_last();
    void open_drawer();
    std::string qris_payload(core::Money amount) const;

    // [SECTION] Intents: returns
    bool load_return(const std::string& sale_number);
    bool do_return(const std::vector<core::ReturnLineRequest>& lines, std::optional<core::PaymentMethod> method);
    void clear_return() { state_.return_sale.reset(); }

    // [SECTION] Intents: members (app_members.cpp) - the manager's member screens
    // Plain lines on the receipt printer, through its queue; false (and the banner says why) when
    // there is no printer or it refused.
    bool print_text(const std::string& label, const std::string& text);
    int receipt_columns() const;
    // The receipt of a committed savings, repayment, leaving or SHU posting.
    bool print_member_receipt(const core::Posting& posting);
    // A savings deposit or withdrawal, or a credit repayment, recorded then printed. A withdrawal
    // by someone who may not asks for a supervisor's PIN. True when it was recorded.
    bool member_savings(bool withdraw, const std::string& member_number, core::SavingsType type, core::Money amount,
                        bool through_drawer);
    bool member_repay(const std::string& member_number, core::Money amount, core::PaymentMethod method);
    // A member leaving, confirmed with a manager's PIN: recorded, then the settlement printed.
    bool member_leave(const std::string& member_number, const std::string& pin, bool through_drawer);
    // Where exports may go: an "ekspor" folder beside the database first, then USB sticks under /media.
    std::vector<std::string> export_folders() const;
    // Writes one file into `dir` (created when missing): its path, or empty with the banner saying why.
    std::string export_text(const std::string& dir, const std::string& name, const std::string& content);
    std::string export_xlsx(const std::string& dir, const std::string& name, const std::vector<core::ReportTable>& tables);
    std::string export_payroll_xlsx(const std::string& dir, const std::string& name, const core::PayrollList& list);

    // [SECTION] Intents: stock (app_stock.cpp) - the manager's stock screens
    core::ManagerService* manager();    // null when this till has no back office
    // An item for stock work by barcode, carton code, SKU or scale label (inactive items too).
    std::optional<core::ScanHit> stock_lookup(const std::string& code);
    // A goods receipt (or, with `to_supplier`, a return to the supplier); a Denied asks for a
    // manager's PIN. `done` gets the posted document.
    void stock_receive(const core::ReceiveRequest& req, bool to_supplier, std::function<void(const core::GoodsReceipt&)> done);
    void stock_adjust(const core::AdjustRequest& req, std::function<void()> done);
    // Posting an opname always takes a manager's PIN, whoever is logged in.
    void stock_post_opname(const std::string& session, std::function<void(const core::OpnameSession&)> done);
    // The price changes due today, applied once per local day: at start-up and while running.
    // True when it applied something.
    bool apply_due_prices_daily();
    // Shelf labels as a sheet for the receipt printer (<base>.bin, ESC/POS, with <base>.png to see
    // it) and <base>.csv, in the export folder. False (banner says why) when it could not be written.
    bool stock_label_sheet(const std::vector<core::ShelfLabel>& labels, const std::string& base);
    // Shelf labels on this till's receipt printer, laid out for its paper, through the receipts'
    // queue (waits behind them, in order; kept when the printer fails). The job's id, or nullopt
    // (banner says why). Never waits for the printer.
    std::optional<uint64_t> stock_print_labels(const std::vector<core::ShelfLabel>& labels);
    // A job given to the printer (nullopt once the queue no longer keeps it, or without a printer).
    std::optional<PrintJobView> print_job(uint64_t id) const;
    // Every failed print job (receipts and labels) back into the queue, oldest first. How many.
    size_t retry_failed_prints();

    // [SECTION] Intents: settings and first-run set-up (app_settings.cpp)
    enum class Catalog { Empty, Demo, Csv };
    // Everything the first-run wizard collected; nothing is written before finish_setup().
    struct SetupPlan {
        core::ShopSettings settings;
        std::string admin_name, admin_pin;
        std::string sync_token;            // with settings.central_url; an empty URL: standalone
        Catalog catalog = Catalog::Empty;
        std::string csv_path;              // Catalog::Csv
    };
    // Nobody can log in yet (a new database): shows the set-up wizard instead of the login.
    bool start_setup_if_needed();
    // Reads and checks a catalog (the demo's assets/demo/items.csv, or a CSV file) without saving.
    core::ItemImport read_catalog(Catalog catalog, const std::string& csv_path, const core::ShopSettings& s);
    // CSV files on mounted USB sticks (AppOptions::usb_roots), newest first.
    std::vector<std::string> usb_csv_files() const;
    // Writes the settings, the admin, the central server and the catalog in one transaction (all
    // or nothing), then shows the login. False with the banner saying why.
    bool finish_setup(const SetupPlan& plan);
    // The admin's settings screen: core checks ManageSettings; anyone else is asked for an admin's
    // PIN. `sync_token`: a new device token (nullopt keeps the saved one). True when saved.
    bool save_settings(const core::ShopSettings& draft, const std::optional<std::string>& sync_token);
    std::string saved_sync_token();
    // Tries the central server (GET /v1/status with the token) on a background thread, a few
    // seconds at most; connection_test() says how it went.
    struct ConnectionTest {
        bool running = false, done = false, ok = false;
        std::string text;                  // one sentence
    };
    void test_connection(const std::string& url, const std::string& token);
    ConnectionTest connection_test() const;
    bool poll_settings_work();             // from poll_services(): true when a test just finished
    // Users (core checks ManageUsers; anyone else is asked for an admin's PIN).
    std::vector<core::User> all_users();
    bool add_user(const std::string& name, core::Role role, const std::string& pin);
    bool reset_pin(const std::string& name, const std::string& pin);
    bool set_user_active(const std::string& name, bool active);

    // [SECTION] Intents: devices (app_devices.cpp) - the device panel, scanners, the keyboard wedge
    // Lists printers and scanners now (libusb and /dev): on request, never every frame.
    void scan_devices();
    const DeviceList& device_list() const;
    bool devices_scanned() const;
    // Checks the draft's device settings (one Indonesian sentence when one is wrong), saves the
    // draft (Shop::update_settings: ManageSettings, else an admin's PIN) and switches printer and
    // scanner at once; a receipt still waiting in the print queue goes to the new printer.
    bool apply_device_settings(const core::ShopSettings& draft);
    // Puts the saved device settings to use (called each frame; does something only when they changed).
    void use_saved_devices();
    // The test page and a drawer pulse on the draft's printer (the saved one when it is the same;
    // nothing is saved, so the first-run wizard can test before anything exists).
    void test_print(const core::ShopSettings& draft);
    void test_drawer(const core::ShopSettings& draft);
    // The printer the panel talks about: the trial printer of the last test while the draft
    // differs from the saved settings, else the till's own.
    DeviceStatus panel_printer_status() const;
    // The scanner test: the last code any scanner delivered while the devices screen was shown.
    const ScanEvent& last_test_scan() const;
    void record_test_scan(const std::string& code);
    // Before each frame's screen: on screens that do not read codes themselves (item search, held
    // carts, menu, devices) a burst of keys faster than a person types, ending in Enter, is a scan
    // (App::scan), not typing; slower keys reach the screen as they were typed.
    void route_wedge_keys();
    bool wedge_holding() const;
    // The window's clock for the next frame: now, and when its keys arrived (GLFW callbacks), so a
    // slow frame on a busy till does not make a scanner's burst look like typing. Without it
    // (headless) ImGui's frame time is used for both.
    void set_wedge_clock(int64_t now_ms, int64_t keys_ms);

    // [SECTION] Intents: live sync and device tests (app_sync.cpp, app_devices.cpp)
    // Hands the saved central server (meta sync.*) to the sync service, which starts, restarts or
    // stops its client to match; main.cpp calls it after start(), saving settings and the
    // first-run set-up call it again. Never waits for the network.
    void apply_sync_settings();
    // The device panel (draw_device_panel) says it is on screen this frame.
    void device_panel_shown();
    // While a device panel is on screen every scanner's code goes to its scanner test, logged in
    // or not, and never to the cart. True when `code` went there.
    bool scan_to_device_test(const std::string& code);

private:
    struct DevicesState;                          // app_devices.cpp
    std::shared_ptr<DevicesState> devices_;
    DevicesState& devices();
    const DevicesState& devices() const;

public:
    // [SECTION] Messages and approvals
    void show_error(const core::Error& e);
    void show_error(const std::string& text);
    void show_info(const std::string& text, bool success = false);
    void clear_banner() { state_.banner = {}; }
    void submit_approval(const std::string& pin);
    void cancel_approval();
    void draw_banner(float width);     // the screen frame draws it above the screen's content
    bool qris_configured() const;

private:
    void cart_changed(int touched_line);
    void set_cart(core::Cart cart);
    void refresh_member();
    void refresh_shift();
    void refresh_status();
    void load_quick_keys();
    void after_login();
    // Runs an act; a Denied (or credit limit) outcome asks for a supervisor's PIN and retries.
    void guarded(core::Permission p, std::function<core::Status(const std::optional<core::User>&)> act);
    void draw_status_bar(ImVec2 display);
    void draw_dialog(ImVec2 display);
    void draw_approval(ImVec2 display);

    core::Shop& shop_;
    Services services_;
    AppOptions options_;
    AppState state_;
    std::map<std::string, std::unique_ptr<View>> screens_;
    std::vector<std::string> order_;        // menu order
    std::vector<std::string> history_;
    std::unique_ptr<Dialog> dialog_;
    std::optional<core::User> sale_approver_;
    std::string approval_pin_;
    int64_t committed_ = 0;             // sales and returns committed; tells pay() it went through
    struct SettingsWork;                       // app_settings.cpp: the connection test's thread
    std::shared_ptr<SettingsWork> settings_work_;
    std::string prices_checked_on_;     // apply_due_prices_daily: the local date it last ran
};

// Registers the built-in screens (login, shift, checkout, pay, held, returns, menu...).
void add_builtin_screens(App& app);

}  // namespace waserda::ui
