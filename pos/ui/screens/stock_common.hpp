// What the stock screens (stock_*.cpp) share: registration, the code field a scanner types into,
// a table with tappable rows, the back row, and exports into the "ekspor" folder.
#pragma once

#include "pos/core/manager_service.hpp"
#include "pos/core/members_service.hpp"   // ReportTable
#include "pos/ui/view.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace waserda::ui {

class App;

// Registers the stock screens (called from add_manager_screens).
void add_stock_screens(App& app);

std::unique_ptr<View> make_stock_hub_view();
std::unique_ptr<View> make_stock_suppliers_view();
std::unique_ptr<View> make_stock_receive_view(bool to_supplier);
std::unique_ptr<View> make_stock_adjust_view();
std::unique_ptr<View> make_stock_opname_view();
std::unique_ptr<View> make_stock_reorder_view();
std::unique_ptr<View> make_stock_item_card_view();
std::unique_ptr<View> make_stock_prices_view();

namespace stock {

// The manager's service, or null after saying on screen that this till has none.
core::ManagerService* service_or_say(App& app);

// The code field: a keyboard-wedge scanner (or a person) types, Enter hands the code over.
// Scans from USB/serial scanners arrive through View::on_scan instead.
class CodeField {
public:
    // Reads this frame's typing (unless a dialog is open); returns a code when Enter was pressed.
    std::optional<std::string> poll();
    void draw(const std::string& id, const std::string& placeholder, float width);
    std::string& text() { return text_; }

private:
    std::string text_;
};

struct Column {
    std::string header;
    float weight = 1.0f;      // share of the width
    bool right = false;       // numbers: right-aligned
};
// Rows of text in columns, one touch-high row each, scrolling inside `size`. Tapping a row returns
// its index (test id "<test_id>.<index>"); -1 when none was tapped. `selected` is highlighted.
int table(const std::string& test_id, const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
          ImVec2 size, int selected = -1);

// A row of buttons along the bottom; the first is "Kembali" (Esc) and goes back. Returns the
// index of the tapped button (0 = back), or -1.
int bottom_bar(App& app, const std::string& prefix, const std::vector<std::string>& labels);

// Writes every table as <base>-<table name>.csv and all of them as <base>.xlsx into the "ekspor"
// folder beside the database; the banner says where. False (and the banner says why) on failure.
bool export_tables(App& app, const std::string& base, const std::vector<core::ReportTable>& tables);

// "20261130" (typed on the keypad) -> "2026-11-30"; other lengths come back as typed.
std::string date_from_digits(const std::string& digits);
// Local date and time stamp for file names: "20261122-1004".
std::string file_stamp(App& app);

}  // namespace stock
}  // namespace waserda::ui
