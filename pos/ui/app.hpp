// The till's application object: owns the state the screens read, runs their intents against
// core::Shop and the Services, and lays out one frame (status bar, screen, banner, dialog).
// No window and no GL here: main.cpp and the headless harness host it.
#pragma once

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
    void scan(const std::string& code);
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
};

// Registers the built-in screens (login, shift, checkout, pay, held, returns, menu...).
void add_builtin_screens(App& app);

}  // namespace waserda::ui
