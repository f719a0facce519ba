// SqliteMembersStore: core::MembersStore on the shop's SQLite file (schema version 2, see
// migrations_members.cpp). Acts that record their own rows (a settled payroll month, a consignment
// settlement, an SHU run, a member leaving) write them and the act's Posting (through
// SqliteStore::commit, which becomes a savepoint) in ONE transaction.
#pragma once

#include "pos/core/members_service.hpp"
#include "pos/store/sqlite_store.hpp"

namespace waserda::store {

class SqliteMembersStore final : public core::MembersStore {
public:
    explicit SqliteMembersStore(SqliteStore& store) : store_(store) {}

    // [SECTION] Figures
    core::Result<std::vector<core::MemberPurchases>> purchases_by_member(const std::string& from_month,
                                                                        const std::string& to_month) override;
    core::Result<std::vector<core::SavingsMonth>> savings_by_month(const std::string& start_utc, const std::string& end_utc,
                                                                   int utc_offset_minutes) override;
    core::Result<std::vector<core::MemberSaleSummary>> member_sales(core::MemberId id, const std::string& from,
                                                                    const std::string& to) override;
    core::Result<std::vector<std::pair<core::Member, core::MemberBalances>>> members_with_balances() override;
    core::Result<std::vector<core::LedgerTotal>> ledger_totals(const std::string& start_utc, const std::string& end_utc) override;
    core::Result<core::TurnoverMargin> turnover_and_margin(const std::string& from, const std::string& to) override;

    // [SECTION] Payroll deduction
    core::Result<std::optional<core::PayrollRecord>> payroll_batch(const std::string& month) override;
    core::Status save_payroll_batch(const core::PayrollRecord& record) override;
    core::Result<core::Posting> commit_payroll_settlement(const std::string& month,
                                                          const std::vector<core::PayrollSettlementLine>& lines,
                                                          const std::string& at, core::UserId user, core::Posting posting) override;

    // [SECTION] Consignment
    core::Result<int64_t> save_consignor(const core::Consignor& c) override;
    core::Result<std::optional<core::Consignor>> consignor_by_code(const std::string& code) override;
    core::Result<std::vector<core::Consignor>> list_consignors() override;
    core::Status set_consignment_term(const core::ConsignmentTerm& t) override;
    core::Result<std::vector<core::ConsignmentTerm>> consignment_terms(int64_t consignor_id) override;
    core::Result<std::vector<core::Item>> consignor_items(int64_t consignor_id) override;
    core::Result<std::vector<core::ConsignmentSaleLine>> unsettled_consignment_lines(int64_t consignor_id, const std::string& from,
                                                                                  const std::string& to) override;
    core::Result<core::Posting> commit_consignment_payment(core::ConsignmentPayment& payment,
                                                           const std::vector<core::ConsignmentSaleLine>& lines,
                                                           core::Posting posting) override;
    core::Result<std::vector<core::ConsignmentPayment>> consignment_payments(int64_t consignor_id) override;

    // [SECTION] SHU and leaving
    core::Result<std::optional<core::ShuRun>> shu_run(int year) override;
    core::Result<core::Posting> commit_shu_run(const core::ShuRun& run, core::Posting posting) override;
    core::Result<core::Posting> commit_leaving(const core::Member& member, core::Posting posting) override;

    // [SECTION] Check: the purchases summary equals the sales it sums (for `waserda check`).
    core::Result<std::vector<core::CheckFinding>> check();

private:
    SqliteStore& store_;
};

}  // namespace waserda::store
