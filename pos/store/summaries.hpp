// The report summaries (daily_sales, daily_payments, daily_item_sales and, through its triggers,
// monthly_item_sales and daily_totals; member_month_sales) are folded from the raw sales in
// batches, not in each sale's own transaction: a sale writes only its facts, so its durable
// commit touches fewer pages. summary_mark holds the last sale id folded in; the fold and the
// mark move in one transaction, so a sale is counted once, after a crash too.
//
// Every reader of a summary calls fold_summaries() first, so a report never misses a sale; the
// store also folds every kFoldEvery sales it commits, so the batch stays small.
#pragma once

#include "pos/core/result.hpp"

namespace waserda::store {

class Database;

inline constexpr int kFoldEvery = 64;

// Folds every sale past the mark into the summaries (in a transaction of its own, or a savepoint
// inside the caller's). Cheap when there is nothing to fold: two indexed reads.
core::Status fold_summaries(Database& db);

}  // namespace waserda::store

// A line's cost as the summaries count it: unit_cost x qty, per kilogram for weighed goods
// (grams / 1000, rounded half away from zero, as core::mul_div_round). SQL over sale_lines `l`.
#define WASERDA_LINE_COST_SQL                                                                                       \
    "CASE WHEN l.weighed THEN (l.unit_cost * l.qty) / 1000 + CASE WHEN abs((l.unit_cost * l.qty) % 1000) * 2 >= 1000 " \
    "THEN (CASE WHEN l.unit_cost * l.qty < 0 THEN -1 ELSE 1 END) ELSE 0 END ELSE l.unit_cost * l.qty END"

// The local hour of a sale, from its UTC time and the shop's offset (WIB when none is saved).
#define WASERDA_LOCAL_HOUR_SQL(at)                                                                       \
    "CAST(strftime('%H', " at ", COALESCE((SELECT value FROM settings WHERE key = 'utc_offset_minutes'), " \
    "'420') || ' minutes') AS INTEGER)"
