// SqliteReportsStore: the report queries, read from the summaries of schema 3 (monthly and daily
// per item, daily per hour/cashier/member, daily per payment method) on the shop's connection.
#pragma once

#include "pos/core/manager_service.hpp"
#include "pos/store/sqlite_store.hpp"

namespace waserda::store {

class SqliteReportsStore final : public core::ReportsStore {
public:
    explicit SqliteReportsStore(SqliteStore& store) : db_(store.db()) {}

    core::Result<std::vector<core::DaySales>> day_sales(const core::DateRange& r) override;
    core::Result<std::vector<core::HourSales>> hour_sales(const core::DateRange& r) override;
    core::Result<std::vector<core::CashierSales>> cashier_sales(const core::DateRange& r) override;
    core::Result<std::vector<core::MemberSplit>> member_sales(const core::DateRange& r) override;
    core::Result<std::vector<core::PaymentSales>> payment_sales(const core::DateRange& r) override;
    core::Result<std::vector<core::ItemSales>> item_sales(const core::DateRange& r) override;
    core::Result<std::vector<core::Item>> stock_items() override;
    core::Result<std::vector<core::ItemId>> items_sold_since(const std::string& from_date) override;
    core::Result<std::vector<core::LastSold>> last_sold(const std::vector<core::ItemId>& items) override;
    core::Result<std::vector<core::ExpiryLot>> expiry_lots() override;
    core::Result<int64_t> stock_before(core::ItemId item, const std::string& utc_begin) override;
    core::Result<std::vector<core::StockMove>> stock_moves_between(core::ItemId item, const std::string& utc_begin,
                                                                   const std::string& utc_end) override;
    core::Result<std::vector<core::Shift>> shifts_between(const std::string& utc_begin, const std::string& utc_end) override;
    core::Result<std::vector<core::AuditEntry>> audit_between(const std::vector<std::string>& actions,
                                                              const std::string& utc_begin, const std::string& utc_end) override;

    // The same figures straight from the raw sales (a scan of every sale line in the range): for
    // the benchmarks' ratios and for checking the summaries in tests.
    core::Result<std::vector<core::DaySales>> day_sales_naive(const core::DateRange& r);
    core::Result<std::vector<core::ItemSales>> item_sales_naive(const core::DateRange& r);
    // On-hand replayed from every stock move, valued at the items' cost.
    core::Result<core::Money> stock_value_naive();

private:
    core::Status attach_items(std::vector<core::ItemSales>& rows);
    Database& db_;
};

}  // namespace waserda::store
