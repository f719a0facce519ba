// A member's ledgers read as people read them: arrears (tunggakan), the member statement
// (rekening koran anggota), the settlement when a member leaves, and the data of a savings or
// repayment receipt. Pure functions over ledger entries; MembersService fetches and records.
#pragma once

#include "clock.hpp"
#include "member.hpp"
#include "money.hpp"
#include "ports.hpp"
#include "posting.hpp"
#include "result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace waserda::core {

// [SECTION] Arrears

// The settings key of CreditPolicy::arrears_days: the number of days after which unpaid credit
// makes a member "in arrears" (CreditPolicy::block_in_arrears switches the block on; this says how
// old is too old). Shops from before it kept the value in the meta table under the same key; the
// store's migration 4 moved it into the settings.
inline constexpr const char* kArrearsDaysKey = "credit.arrears_days";

struct ArrearsStatus {
    Money owed;                   // everything still owed
    Money overdue;                // of it, credit taken before the cutoff (repayments pay the oldest first)
    std::string oldest_unpaid_at; // UTC time of the oldest credit not fully repaid; empty when nothing is owed
    bool in_arrears() const { return overdue.rupiah() > 0; }
};

// First in, first out: repayments, refunds and settlements pay the oldest credit first.
ArrearsStatus arrears_of(const std::vector<ReceivableEntry>& entries, const std::string& cutoff_utc);
// now - days, as a UTC timestamp.
std::string arrears_cutoff(TimePoint now, int days);
// `days`: CreditPolicy::arrears_days.
Result<ArrearsStatus> member_arrears(ShopStore& store, MemberId id, TimePoint now, int days);
// "Siti Aminah (A-0001) menunggak Rp 150.000 sejak 12/10/2026; kredit ditahan sampai dilunasi."
std::string arrears_message(const Member& m, const ArrearsStatus& a, int utc_offset_minutes);

// [SECTION] Statement

// One of the member's sales (or returns) as the statement lists it.
struct MemberSaleSummary {
    std::string number;
    std::string at;               // UTC
    std::string local_date;
    bool is_return = false;
    Money total;                  // negative on a return
    Money on_credit;              // of it, paid with member credit
    Money from_savings;           // of it, paid from sukarela
};

enum class StatementLineKind { Savings, Receivable, Purchase };

struct StatementLine {
    std::string at;               // UTC
    std::string local_date;
    StatementLineKind kind = StatementLineKind::Savings;
    std::string what;             // "Setoran wajib", "Belanja kredit", "Belanja" ...
    std::string ref;
    Money amount;                 // signed as in its ledger (purchases: the sale total)
    std::optional<SavingsType> savings_type;
};

struct MemberStatement {
    Member member;
    std::string from, to;         // local dates, inclusive
    MemberBalances opening, closing;
    std::vector<StatementLine> lines;
    Money purchases;              // net of returns
    Money purchases_on_credit;
    Money credit_taken;           // credit sales into the receivable
    Money repaid;                 // repayments of any kind (positive)
    Money deposits[3];            // per SavingsType, money put in (positive)
    Money withdrawals[3];         // per SavingsType, money taken out (positive)
};

MemberStatement build_statement(const Member& m, const std::vector<SavingsEntry>& savings,
                                const std::vector<ReceivableEntry>& receivables, const std::vector<MemberSaleSummary>& sales,
                                const std::string& from, const std::string& to, int utc_offset_minutes);
// For the receipt printer: `width` characters a line (32, 42 or 48), plain text, "\n" line ends.
std::string statement_text(const MemberStatement& s, const std::string& shop_name, int width);
// One row per line, with opening and closing rows: date,kind,what,ref,amount,pokok,wajib,sukarela,owed.
std::string statement_csv(const MemberStatement& s);

// [SECTION] Leaving

// What a leaving member gets: all savings, minus what they still owe.
struct LeavingSettlement {
    Member member;
    MemberBalances balances;
    Money savings_total;          // pokok + wajib + sukarela
    Money debt_offset;            // debt paid from the savings
    Money payout;                 // savings_total - debt_offset
    Money debt_left;              // debt the savings could not cover (> 0 blocks leaving)
};

LeavingSettlement plan_leaving(const Member& m, const MemberBalances& b);
std::string leaving_text(const LeavingSettlement& s, const std::string& shop_name, const std::string& local_date, int width);

// [SECTION] Receipts of savings and credit acts

// What the receipt printer prints for a savings deposit or withdrawal, a repayment, a leaving
// settlement or an SHU credit. drivers/receipt lays it out; text_of() is a plain preview.
struct MemberReceipt {
    std::string title;            // "SETORAN SIMPANAN", "PENARIKAN SIMPANAN", "PELUNASAN KREDIT"...
    std::string shop_name;
    std::string at_local;         // 22/11/2026 10:04
    std::string device;
    std::string user_name;
    std::string member_number;
    std::string member_name;
    struct Line {
        std::string label;        // "Simpanan sukarela"
        Money amount;
    };
    std::vector<Line> lines;
    Money total;
    MemberBalances balances_after;
    std::string footer;
};

// The receipt of a committed savings or credit posting (kinds savings.deposit, savings.withdraw,
// credit.repayment, member.leave, shu.credit). `after` is the member's balances after it.
MemberReceipt member_receipt(const Posting& p, const Member& m, const MemberBalances& after, const std::string& shop_name,
                             const std::string& device, const std::string& user_name, const std::string& at_local);
std::string receipt_text(const MemberReceipt& r, int width);

std::string describe(SavingsType t);           // "pokok", "wajib", "sukarela" in words
std::string describe(SavingsEntryKind k);
std::string describe(ReceivableEntryKind k);

}  // namespace waserda::core
