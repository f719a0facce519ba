// Text forms of the central reports: an aligned table for people, CSV for spreadsheets, JSON for tools.
#pragma once

#include "sync/server/central_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waserda::sync {

enum class ReportFormat { Table, Csv, Json };
std::optional<ReportFormat> report_format_from(const std::string& s);

std::string format_sales_report(const std::vector<SalesDayRow>& rows, ReportFormat format);
std::string format_credit_report(const std::vector<CreditRow>& rows, ReportFormat format);

}  // namespace waserda::sync
