// The admin's settings screen (shop, receipt, devices, sync) and the first-run wizard.
#include "pos/ui/screens/screens.hpp"

#include "pos/ui/app.hpp"

namespace waserda::ui {

void add_settings_screens(App&) {}

}  // namespace waserda::ui
