// The built-in screens and dialogs, one file each. add_builtin_screens() (screens.cpp) registers
// them; other issues add theirs (stock, reports) with App::add_screen.
#pragma once

#include "pos/ui/view.hpp"

#include <cstdint>
#include <memory>

namespace waserda::ui {

class App;

std::unique_ptr<View> make_login_view();
std::unique_ptr<View> make_shift_open_view();
std::unique_ptr<View> make_checkout_view();
std::unique_ptr<View> make_payment_view();
std::unique_ptr<View> make_shift_close_view();
std::unique_ptr<View> make_held_view();
std::unique_ptr<View> make_returns_view();
std::unique_ptr<View> make_item_search_view();
std::unique_ptr<View> make_member_search_view();
std::unique_ptr<View> make_menu_view();

// Each registers its own group of screens (own files; the menu shows those the role may use).
void add_settings_screens(App& app);   // settings_screens.cpp: admin settings, devices, wizard
void add_member_screens(App& app);     // members_screens.cpp: the manager's member work
void add_manager_screens(App& app);    // manager_screens.cpp: stock work and reports

std::unique_ptr<Dialog> make_line_dialog(int line);
std::unique_ptr<Dialog> make_qris_dialog(int64_t amount);

}  // namespace waserda::ui
