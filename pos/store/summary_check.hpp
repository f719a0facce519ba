// `waserda check`: the report summaries (daily_sales, daily_payments, daily_item_sales,
// monthly_item_sales, daily_totals, member_month_sales) must add up to the raw sales they
// summarise. Whole-database sums, one scan of each raw table (about 1 s of CPU for a year of
// 800 sales a day); only when a sum differs are the days or months that differ looked up.
#pragma once

#include "pos/core/ports.hpp"
#include "pos/core/result.hpp"

#include <vector>

namespace waserda::store {

class Database;

core::Status check_summaries(Database& db, std::vector<core::CheckFinding>& out);

}  // namespace waserda::store
