// XLSX workbooks (libxlsxwriter) of the members' reports: the payroll deduction list for the
// employer, the RAT pack. Kept out of core so core never depends on a file-format library.
#pragma once

#include "pos/core/members_service.hpp"
#include "pos/core/payroll.hpp"
#include "pos/core/result.hpp"

#include <string>
#include <vector>

namespace waserda::store {

// One sheet per table: a bold title row, a bold header row, then the rows; numeric columns as
// numbers with thousands separators so the spreadsheet can sum them.
core::Status write_xlsx(const std::string& path, const std::vector<core::ReportTable>& tables);

// The employer's list: one sheet, grouped by work unit with a subtotal per unit and a grand total,
// and an empty "deducted" column for the employer to fill.
core::Status write_payroll_xlsx(const std::string& path, const core::PayrollList& list, const std::string& shop_name);

}  // namespace waserda::store
