// MembersService: the members' side of the cooperative shop over core::Shop (its store, settings,
// clock and permissions) and a MembersStore for what ShopStore does not hold: arrears, member
// statements, leaving, potong gaji, titip jual, SHU and the RAT pack. Every act is one Posting,
// committed in one transaction together with the act's own records (a settled payroll month, a
// consignment settlement, an SHU run), so an act is either wholly there or wholly absent.
#pragma once

#include "consignment.hpp"
#include "member_ledger.hpp"
#include "payroll.hpp"
#include "posting.hpp"
#include "result.hpp"
#include "shop.hpp"
#include "shu.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace waserda::core {

// [SECTION] The store port

struct MemberPurchases {
    MemberId member_id = 0;            // 0: sales to non-members
    Money amount;                      // sale totals before cash rounding, net of returns
    int64_t sales = 0;
};

// Net savings entries of one member, type and local month ("" = before the period).
struct SavingsMonth {
    MemberId member_id = 0;
    SavingsType type = SavingsType::Pokok;
    std::string month;
    Money amount;
};

// Ledger movements summed by type (savings only) and kind, before and during a period.
struct LedgerTotal {
    bool savings = true;               // false: the receivable (credit) ledger
    std::string type;                  // pokok/wajib/sukarela; empty for credit
    std::string kind;                  // to_string(SavingsEntryKind / ReceivableEntryKind)
    bool before = false;               // before the period (an opening balance)
    Money amount;
    int64_t count = 0;
};

struct TurnoverMargin {
    Money revenue;                     // line totals, net of returns
    Money cost;
    int64_t sales = 0;
    int64_t returns = 0;
};

struct PayrollRecord {
    PayrollList list;
    std::string created_at;
    UserId created_by = 0;
};

struct ConsignmentPayment {
    int64_t id = 0;
    std::string number;                // TJ-K001-20261130-1
    int64_t consignor_id = 0;
    std::string from, to;
    Money sold, fee, due;
    std::string method;                // to_string(PaymentMethod)
    std::string paid_at;
    UserId user_id = 0;
};

struct ShuRun {
    int year = 0;
    Money surplus;
    std::string config_json;
    Money total_credited;
    std::string credited_at;
    UserId user_id = 0;
};

class MembersStore {
public:
    virtual ~MembersStore() = default;

    // [SECTION] Figures for SHU, statements and the RAT
    // Purchases per member in the local months [from_month, to_month] ("YYYY-MM"), from a
    // per-member monthly summary kept with every sale.
    virtual Result<std::vector<MemberPurchases>> purchases_by_member(const std::string& from_month, const std::string& to_month) = 0;
    // Savings entries before end_utc, summed per member, type and local month from start_utc on.
    virtual Result<std::vector<SavingsMonth>> savings_by_month(const std::string& start_utc, const std::string& end_utc,
                                                               int utc_offset_minutes) = 0;
    virtual Result<std::vector<MemberSaleSummary>> member_sales(MemberId id, const std::string& from, const std::string& to) = 0;
    virtual Result<std::vector<std::pair<Member, MemberBalances>>> members_with_balances() = 0;
    virtual Result<std::vector<LedgerTotal>> ledger_totals(const std::string& start_utc, const std::string& end_utc) = 0;
    virtual Result<TurnoverMargin> turnover_and_margin(const std::string& from, const std::string& to) = 0;

    // [SECTION] Payroll deduction
    virtual Result<std::optional<PayrollRecord>> payroll_batch(const std::string& month) = 0;
    // Saves (or replaces) the month's list; Conflict when the month is already settled.
    virtual Status save_payroll_batch(const PayrollRecord& record) = 0;
    // Marks the month settled with the deducted amounts and commits the posting, in one
    // transaction; Conflict when the month was settled already.
    virtual Result<Posting> commit_payroll_settlement(const std::string& month, const std::vector<PayrollSettlementLine>& lines,
                                                      const std::string& at, UserId user, Posting posting) = 0;

    // [SECTION] Consignment
    virtual Result<int64_t> save_consignor(const Consignor& c) = 0;     // insert (id 0, by code) or update
    virtual Result<std::optional<Consignor>> consignor_by_code(const std::string& code) = 0;
    virtual Result<std::vector<Consignor>> list_consignors() = 0;
    virtual Status set_consignment_term(const ConsignmentTerm& t) = 0;
    virtual Result<std::vector<ConsignmentTerm>> consignment_terms(int64_t consignor_id) = 0;
    virtual Result<std::vector<Item>> consignor_items(int64_t consignor_id) = 0;
    // Sale and return lines of the consignor's items sold on local dates [from, to] and not yet
    // paid to the consignor.
    virtual Result<std::vector<ConsignmentSaleLine>> unsettled_consignment_lines(int64_t consignor_id, const std::string& from,
                                                                              const std::string& to) = 0;
    // Records the payment, marks its lines paid and commits the posting, in one transaction;
    // Conflict when any line was paid already.
    virtual Result<Posting> commit_consignment_payment(ConsignmentPayment& payment, const std::vector<ConsignmentSaleLine>& lines,
                                                       Posting posting) = 0;
    virtual Result<std::vector<ConsignmentPayment>> consignment_payments(int64_t consignor_id) = 0;

    // [SECTION] SHU and leaving
    virtual Result<std::optional<ShuRun>> shu_run(int year) = 0;
    // Records the year's SHU credit and commits its posting, in one transaction; Conflict when
    // the year was credited already.
    virtual Result<Posting> commit_shu_run(const ShuRun& run, Posting posting) = 0;
    // Saves the member (status Left) and commits the settlement posting, in one transaction.
    virtual Result<Posting> commit_leaving(const Member& member, Posting posting) = 0;
};

// [SECTION] Reports as tables (CSV, XLSX, the screen)

struct ReportTable {
    std::string name;                  // sheet / file name: "anggota", "simpanan", "shu"...
    std::string title;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> numeric;         // per column: cells are whole numbers (rupiah, counts)
};

ReportTable shu_pools_table(const ShuResult& r);
ReportTable shu_members_table(const ShuResult& r);
ReportTable payroll_table(const PayrollList& list);
ReportTable consignment_table(const ConsignmentStatement& s);

// [SECTION] The service

struct ArrearsRow {
    Member member;
    ArrearsStatus status;
};

struct LeaveRequest {
    std::string member_number;
    User user;
    std::optional<User> approver;
    bool through_drawer = false;       // paid out of this till's drawer (needs an open shift)
    std::string note;
};

struct LeaveResult {
    LeavingSettlement settlement;
    Posting posting;
};

// An import-like outcome: problems name every line that kept the file from being posted.
struct PayrollSettlementOutcome {
    PayrollSettlementParse parse;
    std::optional<Posting> posting;    // set when posted
};

struct ConsignmentPaid {
    ConsignmentStatement statement;
    ConsignmentPayment payment;
    Posting posting;
};

class MembersService {
public:
    MembersService(Shop& shop, MembersStore& store);

    // [SECTION] Credit: arrears
    Result<ArrearsStatus> arrears(const std::string& member_number);
    Result<std::vector<ArrearsRow>> members_in_arrears();
    Status set_arrears_days(const User& actor, int days);

    // [SECTION] Statements and receipts
    // Local dates YYYY-MM-DD, inclusive.
    Result<MemberStatement> statement(const std::string& member_number, const std::string& from, const std::string& to);
    // The receipt data of a committed savings, repayment, leaving or SHU posting.
    Result<MemberReceipt> receipt(const Posting& p, const User& user);

    // [SECTION] Leaving
    Result<LeavingSettlement> leaving_preview(const std::string& member_number);
    Result<LeaveResult> leave(const LeaveRequest& req);

    // [SECTION] Payroll deduction
    // The month's list: the saved one once settled, else computed from the ledgers now.
    Result<PayrollList> payroll_list(const std::string& month);
    // Computes and saves the list sent to the employer (the settlement is matched against it).
    Result<PayrollList> prepare_payroll(const std::string& month, const User& user);
    Result<PayrollSettlementOutcome> settle_payroll(const std::string& month, const std::string& csv, const User& user);

    // [SECTION] Consignment
    Result<Consignor> add_consignor(const User& user, Consignor c);
    Result<std::vector<Consignor>> list_consignors();
    // Marks an item as the consignor's, optionally at an agreed price per unit to the consignor.
    Status set_consignment_item(const User& user, const std::string& sku, const std::string& consignor_code,
                                std::optional<Money> consignor_price);
    // Goods in on consignment: stock moves at no cost. `lines`: sku and quantity (pieces or grams).
    Result<Posting> receive_consignment(const User& user, const std::string& consignor_code,
                                        const std::vector<std::pair<std::string, int64_t>>& lines, const std::string& note);
    Result<ConsignmentStatement> consignment_statement(const std::string& consignor_code, const std::string& from,
                                                       const std::string& to);
    // method: Cash (out of the drawer, needs an open shift), Transfer, or Savings (into the
    // consignor's sukarela when they are a member).
    Result<ConsignmentPaid> pay_consignment(const User& user, const std::string& consignor_code, const std::string& from,
                                            const std::string& to, PaymentMethod method);

    // [SECTION] SHU and the RAT
    Result<ShuInput> shu_input(const ShuConfig& config);
    Result<ShuResult> shu(const ShuConfig& config);
    // Credits each member's SHU to sukarela in one posting; refuses a year already credited.
    Result<Posting> credit_shu(const ShuConfig& config, const User& user);
    // Member, savings and credit recaps, turnover and margin, the SHU pools and members.
    Result<std::vector<ReportTable>> rat_pack(const ShuConfig& config);

private:
    OutboxEvent make_event(const std::string& kind, const std::string& payload) const;
    std::string year_start_utc(int year) const;

    Shop& shop_;
    MembersStore& store_;
};

}  // namespace waserda::core
