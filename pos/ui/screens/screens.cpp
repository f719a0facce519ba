#include "pos/ui/screens/screens.hpp"

#include "pos/ui/screens/device_panel.hpp"

#include "pos/ui/app.hpp"

namespace waserda::ui {

void add_builtin_screens(App& app) {
    // Menu order: what a cashier needs most comes first.
    app.add_screen(make_login_view());
    app.add_screen(make_shift_open_view());
    app.add_screen(make_checkout_view());
    app.add_screen(make_payment_view());
    app.add_screen(make_item_search_view());
    app.add_screen(make_member_search_view());
    app.add_screen(make_held_view());
    app.add_screen(make_returns_view());
    app.add_screen(make_shift_close_view());
    app.add_screen(make_menu_view());
    add_member_screens(app);
    add_manager_screens(app);
    add_settings_screens(app);
    add_device_screens(app);   // device_panel.cpp: the admin's devices screen
}

}  // namespace waserda::ui
