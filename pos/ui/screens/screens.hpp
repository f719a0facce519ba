// The built-in screens and dialogs, one file each. add_builtin_screens() (screens.cpp) registers
// them; other issues add theirs (stock, reports) with App::add_screen.
#pragma once

#include "pos/ui/view.hpp"

#include <cstdint>
#include <memory>

namespace waserda::ui {

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

std::unique_ptr<Dialog> make_line_dialog(int line);
std::unique_ptr<Dialog> make_qris_dialog(int64_t amount);

}  // namespace waserda::ui
