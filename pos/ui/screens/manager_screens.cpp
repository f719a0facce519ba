// The manager's stock work and report screens.
#include "pos/ui/screens/screens.hpp"

#include "pos/ui/app.hpp"
#include "pos/ui/screens/report_screens.hpp"  // report screens
#include "pos/ui/screens/stock_common.hpp"   // stock screens

namespace waserda::ui {

void add_manager_screens(App& app) {
    add_stock_screens(app);   // stock_*.cpp
    add_report_screens(app);  // report_*.cpp
}

}  // namespace waserda::ui
