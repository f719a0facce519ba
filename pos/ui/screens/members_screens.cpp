// The manager's member screens: arrears, statements, savings and repayments, leaving, payroll,
// consignment, SHU.
#include "pos/ui/screens/screens.hpp"

#include "pos/ui/app.hpp"

namespace waserda::ui {

void add_member_screens(App&) {}

}  // namespace waserda::ui
