// Shared by the manager's command files (cmd_manager.cpp: stock work; cmd_manager_reports.cpp:
// reports): the lazily built ManagerService and the report output (table, CSV, JSON, XLSX).
#pragma once

#include "pos/cli/commands.hpp"
#include "pos/cli/output.hpp"
#include "pos/core/manager_service.hpp"
#include "pos/core/members_service.hpp"   // core::ReportTable, shared with the members' XLSX export

#include <memory>
#include <optional>
#include <string>

namespace waserda::cli::manager {

// Sets the exit code from a command body. Bodies return 0 or fail(...).
void run(const std::function<int()>& body);

// The service over the CLI's own shop and connection, built on first use.
core::ManagerService& service(Context& ctx);


// The options every report shares.
struct ReportArgs {
    std::string format = "table";
    std::string xlsx;
    std::string from, to;
};
void add_report_options(CLI::App* cmd, ReportArgs& a, bool dates);
// --from/--to, defaulting to the first of this month .. today.
core::Result<core::DateRange> range_of(Context& ctx, const ReportArgs& a);

// Prints the tables (the first one only, unless several are asked for in JSON) in the chosen
// format and, with --xlsx, writes every table as a sheet. Columns named *_bp are basis points
// and print as percentages in the table format; numeric columns get thousands dots there.
int emit(const std::vector<core::ReportTable>& tables, const ReportArgs& a, const std::string& footer = "");

std::string num(int64_t v);
std::string num(core::Money m);

void register_manager_reports(CLI::App& app, Context& ctx);

}  // namespace waserda::cli::manager
