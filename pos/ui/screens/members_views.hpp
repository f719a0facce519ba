// The manager's member screens, one file each (members_*.cpp); add_member_screens() registers them.
#pragma once

#include "pos/ui/view.hpp"

#include <memory>

namespace waserda::ui {

std::unique_ptr<View> make_members_arrears_view();       // "members_arrears"
std::unique_ptr<View> make_members_statement_view();     // "members_statement"
std::unique_ptr<View> make_members_savings_view();       // "members_savings"
std::unique_ptr<View> make_members_leave_view();         // "members_leave"
std::unique_ptr<View> make_members_payroll_view();       // "members_payroll"
std::unique_ptr<View> make_members_consignment_view();   // "members_consignment"
std::unique_ptr<View> make_members_shu_view();           // "members_shu"

}  // namespace waserda::ui
