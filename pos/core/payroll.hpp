// Potong gaji (payroll deduction): each month the cooperative gives the employer the list of what
// each member owes, grouped by work unit; the employer deducts it from salaries and sends back
// what was actually deducted, which is posted as repayments - the whole file or nothing.
#pragma once

#include "catalog_io.hpp"
#include "member.hpp"
#include "money.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::core {

struct PayrollLine {
    MemberId member_id = 0;
    std::string number;
    std::string name;
    std::string work_unit;
    Money due;
};

struct PayrollUnit {
    std::string work_unit;
    std::vector<PayrollLine> lines;
    Money total;
};

struct PayrollList {
    std::string month;                 // YYYY-MM
    std::vector<PayrollLine> lines;    // by work unit, then member number; only amounts > 0
    Money total;
    bool settled = false;
    std::string settled_at;
    std::vector<PayrollUnit> units() const;
};

// "2026-11" (months 01-12).
bool is_valid_month(std::string_view month);
// The first moment after the local month, in UTC: credit from then on is not due this month.
std::string month_end_utc(const std::string& month, int utc_offset_minutes);
// "2026-11" -> "2026-12".
std::string next_month(const std::string& month);

// What is due for the month: everything owed, less credit taken after the month ended
// (repayments pay the oldest credit first). Never negative.
Money payroll_due(const std::vector<ReceivableEntry>& entries, const std::string& month_end_utc);

// Sorts by work unit then member number, drops zero lines, sums the total.
PayrollList make_payroll_list(const std::string& month, std::vector<PayrollLine> lines);

// For the employer: work_unit,number,name,amount,deducted - "deducted" left empty for them to
// fill (a file sent back unchanged means everything was deducted).
std::string payroll_csv(const PayrollList& list);

struct PayrollSettlementLine {
    int line = 0;                      // in the file
    MemberId member_id = 0;
    std::string number;
    std::string name;
    Money amount;
};

struct PayrollSettlementParse {
    std::vector<PayrollSettlementLine> lines;   // amounts > 0 only
    std::vector<ImportProblem> problems;        // every line that cannot be posted
    Money total;
};

// Reads the employer's file: columns number (or nomor) and deducted (or terpotong), else amount
// (or jumlah). A blank deducted cell takes the listed amount (the file came back as it was sent);
// 0 means not deducted. Names every line it cannot match to the month's list, every duplicate
// member, every amount that is not whole rupiah or is larger than the member owes (`owed` by
// member number).
PayrollSettlementParse parse_payroll_settlement(std::string_view csv, const PayrollList& list,
                                                const std::map<std::string, Money>& owed);

}  // namespace waserda::core
