// Members of the cooperative and their ledgers: savings (simpanan) and receivables (piutang).
#pragma once

#include "money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waserda::core {

using MemberId = int64_t;

enum class MemberStatus { Active, Inactive, Left };

struct Member {
    MemberId id = 0;
    std::string number;        // nomor anggota, e.g. "A-0012"
    std::string name;
    std::string card_code;     // barcode printed on the member card
    std::string work_unit;     // unit kerja, groups the payroll deduction list
    std::string phone;
    MemberStatus status = MemberStatus::Active;
    std::string joined_on;     // YYYY-MM-DD
    std::string left_on;       // YYYY-MM-DD when status is Left
    std::optional<Money> credit_limit_override;  // per-member exception to the credit policy
};

// simpanan: pokok is paid once on joining, wajib monthly, sukarela at will.
// Pokok and wajib stay locked while the person is a member; only sukarela can be spent or withdrawn.
enum class SavingsType { Pokok, Wajib, Sukarela };

enum class SavingsEntryKind {
    Deposit,      // setoran
    Withdrawal,   // penarikan (sukarela only)
    Purchase,     // paid a sale from sukarela
    Refund,       // a returned sale paid back to sukarela
    Repayment,    // repaid credit from sukarela
    Shu,          // SHU credited to sukarela
    Settlement,   // paid out when the member leaves
};

struct SavingsEntry {
    int64_t id = 0;
    MemberId member_id = 0;
    std::string member_number;   // carried so the central server needs no local ids
    SavingsType type = SavingsType::Sukarela;
    SavingsEntryKind kind = SavingsEntryKind::Deposit;
    Money amount;              // signed: + increases the balance
    std::string ref;           // sale number or document
    std::string note;
    std::string at;            // UTC ISO-8601
    int64_t user_id = 0;
};

enum class ReceivableEntryKind {
    CreditSale,       // + a purchase on credit (bon)
    Repayment,        // - cash at the till
    SavingsRepayment, // - from sukarela
    PayrollDeduction, // - potong gaji settled by the employer
    Refund,           // - a returned credit sale
    Settlement,       // - offset against savings when leaving
    Adjustment,
};

struct ReceivableEntry {
    int64_t id = 0;
    MemberId member_id = 0;
    std::string member_number;
    ReceivableEntryKind kind = ReceivableEntryKind::CreditSale;
    Money amount;              // signed: + the member owes more
    std::string ref;
    std::string note;
    std::string at;
    int64_t user_id = 0;
};

struct MemberBalances {
    Money pokok;
    Money wajib;
    Money sukarela;
    Money owed;                // outstanding credit (piutang)
    Money locked_savings() const { return pokok + wajib; }
    Money total_savings() const { return pokok + wajib + sukarela; }
};

std::string to_string(SavingsType t);
std::optional<SavingsType> savings_type_from(std::string_view s);
std::string to_string(SavingsEntryKind k);
std::string to_string(ReceivableEntryKind k);
std::optional<SavingsEntryKind> savings_entry_kind_from(std::string_view s);
std::optional<ReceivableEntryKind> receivable_entry_kind_from(std::string_view s);
std::string to_string(MemberStatus s);
std::optional<MemberStatus> member_status_from(std::string_view s);

}  // namespace waserda::core
