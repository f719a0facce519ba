// Pieces the manager's member screens share: the back office check, the member picked on one
// screen and shown on the next, a month/period stepper, the export folder chooser, a scrolled table
// that draws only the rows in view, amount fields edited with one keypad, and the member picker.
#pragma once

#include "pos/core/members_service.hpp"
#include "pos/ui/view.hpp"
#include "pos/ui/widgets.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace waserda::ui {

class App;

// The members' service, or null: then the screen says so and draws nothing else.
core::MembersService* members_service(App& app);

// The member a screen hands to the next (arrears -> statement, savings -> leaving...).
std::string& picked_member_number();

// "2026-11" from "2026-11-23"; month arithmetic; the month's first and last day.
std::string month_of(const std::string& date);
std::string add_months(const std::string& month, int delta);
std::string month_first_day(const std::string& month);
std::string month_last_day(const std::string& month);

// ‹ 2026-11 › buttons (test ids <id>.prev / <id>.next). True when the month changed.
bool month_stepper(const std::string& id, std::string& month, float width);
// ‹ 2026 › for a year. True when it changed.
bool year_stepper(const std::string& id, int& year, float width);

// The export folder: shown, with a button that cycles through App::export_folders().
struct ExportFolder {
    std::vector<std::string> choices;
    size_t index = 0;
    void reset(App& app);
    const std::string& dir() const;
    void draw(App& app, const std::string& id, float width);
};

// A table of text cells; numeric columns right-aligned. Only rows in view are drawn (ImGuiListClipper),
// so 2,000 rows cost what 20 do. `row_h` > 0 makes rows tappable (ids <id>.row.<n>); returns the
// tapped row or -1.
int draw_report_table(const std::string& id, const core::ReportTable& table, ImVec2 size, float row_h = 0,
                      int highlight = -1);

// One amount/number field among several, all edited by one keypad: a tappable box showing
// "label: value"; the selected one is outlined. Test id <id>.
bool field_box(const std::string& id, const std::string& label, const std::string& value, bool selected, float width);

// A modal dialog that picks a member by number, card or name (keyboard + results).
std::unique_ptr<Dialog> make_member_pick_dialog(std::function<void(App&, const core::Member&)> picked);

// The member a screen works on, as a button ("A-0001  Siti Aminah", or "Pilih anggota") that opens
// the pick dialog; a pick becomes picked_member_number() (the next screen starts with it) and is
// handed to `picked`. Test id <id>.
void member_button(App& app, const std::string& id, const core::Member* shown, float width,
                   std::function<void(App&, const core::Member&)> picked);

// "Rp 12.500" for a Money.
std::string rp(core::Money m);

}  // namespace waserda::ui
