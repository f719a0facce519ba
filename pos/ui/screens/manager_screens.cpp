// The manager's stock work and report screens.
#include "pos/ui/screens/screens.hpp"

#include "pos/ui/app.hpp"

namespace waserda::ui {

void add_manager_screens(App&) {}

}  // namespace waserda::ui
