// Stable text names of the domain's enums: used in storage, JSON and CSV. Never translate these.
#include "pos/core/credit.hpp"
#include "pos/core/member.hpp"
#include "pos/core/sale.hpp"
#include "pos/core/stock.hpp"
#include "pos/core/user.hpp"

#include <array>
#include <utility>

namespace waserda::core {
namespace {

template <typename E, size_t N>
std::string name_of(const std::array<std::pair<E, const char*>, N>& table, E value) {
    for (auto& [e, name] : table)
        if (e == value) return name;
    return "unknown";
}

template <typename E, size_t N>
std::optional<E> value_of(const std::array<std::pair<E, const char*>, N>& table, std::string_view s) {
    for (auto& [e, name] : table)
        if (s == name) return e;
    return std::nullopt;
}

constexpr std::array<std::pair<SavingsType, const char*>, 3> kSavingsTypes{{
    {SavingsType::Pokok, "pokok"}, {SavingsType::Wajib, "wajib"}, {SavingsType::Sukarela, "sukarela"}}};
constexpr std::array<std::pair<SavingsEntryKind, const char*>, 7> kSavingsKinds{{
    {SavingsEntryKind::Deposit, "deposit"}, {SavingsEntryKind::Withdrawal, "withdrawal"},
    {SavingsEntryKind::Purchase, "purchase"}, {SavingsEntryKind::Refund, "refund"},
    {SavingsEntryKind::Repayment, "repayment"}, {SavingsEntryKind::Shu, "shu"},
    {SavingsEntryKind::Settlement, "settlement"}}};
constexpr std::array<std::pair<ReceivableEntryKind, const char*>, 7> kReceivableKinds{{
    {ReceivableEntryKind::CreditSale, "credit_sale"}, {ReceivableEntryKind::Repayment, "repayment"},
    {ReceivableEntryKind::SavingsRepayment, "savings_repayment"},
    {ReceivableEntryKind::PayrollDeduction, "payroll_deduction"}, {ReceivableEntryKind::Refund, "refund"},
    {ReceivableEntryKind::Settlement, "settlement"}, {ReceivableEntryKind::Adjustment, "adjustment"}}};
constexpr std::array<std::pair<MemberStatus, const char*>, 3> kMemberStatuses{{
    {MemberStatus::Active, "active"}, {MemberStatus::Inactive, "inactive"}, {MemberStatus::Left, "left"}}};
constexpr std::array<std::pair<Role, const char*>, 4> kRoles{{
    {Role::Cashier, "cashier"}, {Role::Supervisor, "supervisor"}, {Role::Manager, "manager"}, {Role::Admin, "admin"}}};
constexpr std::array<std::pair<Permission, const char*>, 15> kPermissions{{
    {Permission::Sell, "sell"}, {Permission::VoidLine, "void_line"}, {Permission::LineDiscount, "discount"},
    {Permission::OverridePrice, "override_price"}, {Permission::Refund, "refund"},
    {Permission::OverrideCreditLimit, "override_credit_limit"}, {Permission::OpenDrawer, "open_drawer"},
    {Permission::SavingsDeposit, "savings_deposit"}, {Permission::SavingsWithdraw, "savings_withdraw"},
    {Permission::ManageItems, "manage_items"}, {Permission::ManageMembers, "manage_members"},
    {Permission::ManageStock, "manage_stock"}, {Permission::ViewReports, "view_reports"},
    {Permission::ManageUsers, "manage_users"}, {Permission::ManageSettings, "manage_settings"}}};
constexpr std::array<std::pair<StockMoveKind, const char*>, 7> kMoveKinds{{
    {StockMoveKind::Sale, "sale"}, {StockMoveKind::Return, "return"},
    {StockMoveKind::GoodsReceipt, "goods_receipt"}, {StockMoveKind::SupplierReturn, "supplier_return"},
    {StockMoveKind::Adjustment, "adjustment"}, {StockMoveKind::Opname, "opname"},
    {StockMoveKind::Consignment, "consignment"}}};
constexpr std::array<std::pair<PaymentMethod, const char*>, 6> kMethods{{
    {PaymentMethod::Cash, "cash"}, {PaymentMethod::MemberCredit, "member_credit"},
    {PaymentMethod::Savings, "savings"}, {PaymentMethod::Qris, "qris"},
    {PaymentMethod::Transfer, "transfer"}, {PaymentMethod::Card, "card"}}};
constexpr std::array<std::pair<PriceKind, const char*>, 5> kPriceKinds{{
    {PriceKind::General, "general"}, {PriceKind::Member, "member"}, {PriceKind::Wholesale, "wholesale"},
    {PriceKind::Manual, "manual"}, {PriceKind::Embedded, "embedded"}}};
constexpr std::array<std::pair<CreditLimitMode, const char*>, 4> kCreditModes{{
    {CreditLimitMode::None, "none"}, {CreditLimitMode::Fixed, "fixed"},
    {CreditLimitMode::Percent, "percent"}, {CreditLimitMode::Lesser, "lesser"}}};

}  // namespace

std::string to_string(SavingsType t) { return name_of(kSavingsTypes, t); }
std::optional<SavingsType> savings_type_from(std::string_view s) { return value_of(kSavingsTypes, s); }
std::string to_string(SavingsEntryKind k) { return name_of(kSavingsKinds, k); }
std::string to_string(ReceivableEntryKind k) { return name_of(kReceivableKinds, k); }
std::string to_string(MemberStatus s) { return name_of(kMemberStatuses, s); }
std::optional<MemberStatus> member_status_from(std::string_view s) { return value_of(kMemberStatuses, s); }
std::string to_string(Role r) { return name_of(kRoles, r); }
std::optional<Role> role_from(std::string_view s) { return value_of(kRoles, s); }
std::string to_string(Permission p) { return name_of(kPermissions, p); }
std::string to_string(StockMoveKind k) { return name_of(kMoveKinds, k); }
std::optional<StockMoveKind> stock_move_kind_from(std::string_view s) { return value_of(kMoveKinds, s); }
std::string to_string(PaymentMethod m) { return name_of(kMethods, m); }
std::optional<PaymentMethod> payment_method_from(std::string_view s) { return value_of(kMethods, s); }
std::string to_string(PriceKind k) { return name_of(kPriceKinds, k); }
std::optional<PriceKind> price_kind_from(std::string_view s) { return value_of(kPriceKinds, s); }
std::string to_string(CreditLimitMode m) { return name_of(kCreditModes, m); }
std::optional<CreditLimitMode> credit_limit_mode_from(std::string_view s) { return value_of(kCreditModes, s); }

std::optional<SavingsEntryKind> savings_entry_kind_from(std::string_view s) { return value_of(kSavingsKinds, s); }
std::optional<ReceivableEntryKind> receivable_entry_kind_from(std::string_view s) { return value_of(kReceivableKinds, s); }

}  // namespace waserda::core
