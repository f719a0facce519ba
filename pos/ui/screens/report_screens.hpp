// The manager's report screens: a home listing the reports and one screen per report (period
// picker, chart, table with totals, export to CSV and XLSX). The figures come from
// core::ManagerService through app.office(); the tables are core's (report_tables.hpp), the same
// the CLI prints. A report is read once when it is opened or its period changes, never per frame.
#pragma once

#include "pos/core/members_service.hpp"   // ReportTable
#include "pos/core/reports.hpp"
#include "pos/ui/chart.hpp"

#include <map>
#include <string>
#include <vector>

namespace waserda::core {
class ManagerService;
}

namespace waserda::ui {

class App;

// Registers "reports" (the home, in the menu for ViewReports) and "report.<id>" per report.
void add_report_screens(App& app);

// [SECTION] Report data (report_data.cpp): what one report shows, read in one go.

enum class ReportParam { Period, Days, None };
enum class ChartKind { None, Line, Columns, Bars, Shares };

struct ReportDef {
    std::string id;          // "sales_day"
    std::string group;       // translated section of the home
    std::string title;       // translated
    ReportParam param = ReportParam::Period;
    ChartKind chart = ChartKind::None;
};
// Every report, in the home's order (titles in the current language).
std::vector<ReportDef> report_defs();

struct ReportQuery {
    core::DateRange range;   // ReportParam::Period
    int days = 30;           // ReportParam::Days: slow movers, expiring
    std::string audit_kind = "all";
    std::string today;       // local date (fills the days of a line chart up to today)
    int utc_offset_minutes = 0;   // shifts and the audit log show local times
};

struct ReportData {
    std::string id;
    ReportQuery query;
    std::vector<core::ReportTable> tables;   // tables[0] is shown; every table is exported
    std::string footer;                      // the totals in one sentence (as the CLI prints them)
    chart::Series series;                    // for the chart, if the report has one
    std::string chart_title;
    // Per displayed column: the total as shown (empty where a column does not add up), and the
    // raw sums by column name ("net", "revenue", "amount"...).
    std::vector<std::string> totals_row;
    std::map<std::string, int64_t> totals;
    // tables[0] as the screen shows it, formatted once: its columns in display order (names and
    // figures first), whether each is numeric, and the cells in that order.
    std::vector<std::string> columns;
    std::vector<bool> numeric;
    std::vector<std::vector<std::string>> cells;
    std::string error;                       // the service's sentence when it failed
};

ReportData load_report(core::ManagerService& svc, const ReportDef& def, const ReportQuery& q);

// [SECTION] For tests: the report the screen showed in its last frame (null when none), and how
// many times reports were read from the service since start.
const ReportData* shown_report();
int report_loads();
int shown_chart_selection();   // the chart element tapped on the shown report (-1: none)

}  // namespace waserda::ui
