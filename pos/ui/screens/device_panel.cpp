#include "pos/ui/screens/device_panel.hpp"

#include "pos/ui/app.hpp"

namespace waserda::ui {

bool draw_device_panel(App&, core::ShopSettings&, const char*) { return false; }

}  // namespace waserda::ui
