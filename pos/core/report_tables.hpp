// The manager's reports as tables (core::ReportTable): the one layout that the CLI prints (table,
// CSV, JSON), that the XLSX export writes and that the touchscreen shows and exports. Cells are
// plain values (whole rupiah, counts, basis points); display_cell() formats one for a screen.
#pragma once

#include "members_service.hpp"   // ReportTable
#include "reports.hpp"

#include <string>
#include <vector>

namespace waserda::core {

std::string period_text(const DateRange& r);   // "2026-11-01 .. 2026-11-23"

ReportTable sales_day_table(const std::vector<SalesDayRow>& rows, const DateRange& r);
std::string sales_day_footer(const std::vector<SalesDayRow>& rows);
ReportTable sales_hour_table(const std::vector<HourSales>& rows, const DateRange& r);
// Sales by item or category (names per_barang / per_kategori) and the same figures as the margin
// report (laba_barang / laba_kategori).
ReportTable sales_margin_table(const std::vector<MarginRow>& rows, const DateRange& r, bool items);
ReportTable margin_table(const std::vector<MarginRow>& rows, const DateRange& r, bool items);
std::string margin_footer(const std::vector<MarginRow>& rows);
ReportTable cashier_table(const std::vector<CashierSales>& rows, const DateRange& r);
ReportTable payment_table(const std::vector<PaymentSales>& rows, const DateRange& r);
ReportTable member_split_table(const std::vector<MemberSplit>& rows, const DateRange& r);

ReportTable stock_value_table(const std::vector<StockValueRow>& rows);
std::string stock_value_footer(const StockValuation& v);
ReportTable low_stock_table(const std::vector<StockValueRow>& rows);
ReportTable slow_movers_table(const std::vector<SlowMoverRow>& rows, int days);
ReportTable expiring_table(const std::vector<ExpiryRow>& rows, int days);
ReportTable item_card_table(const ItemCard& card);
std::string item_card_footer(const ItemCard& card);

ReportTable shifts_table(const std::vector<ShiftReportRow>& rows, const DateRange& r);
ReportTable audit_table(const std::vector<AuditRow>& rows, const std::string& kind, const DateRange& r);

// A cell as a person reads it: numeric columns with thousands dots ("1.250.000"), columns named
// *_bp as percentages ("22,50%"), other cells as they are.
std::string display_cell(const ReportTable& t, size_t column, const std::string& cell);
bool is_bp_column(const std::string& header);

}  // namespace waserda::core
