// A Posting is everything one business act records: a sale with its stock moves, ledger entries,
// audit lines and its outbox event. The store writes a Posting in ONE transaction, so after a crash
// or a power cut it is entirely there or entirely absent.
#pragma once

#include "member.hpp"
#include "sale.hpp"
#include "stock.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waserda::core {

// An act that needed a permission, with who did it and who approved it.
struct AuditEntry {
    int64_t id = 0;
    std::string at;            // UTC
    UserId user_id = 0;
    UserId approver_id = 0;    // 0 when the user had the permission
    std::string action;        // to_string(Permission) or another verb: "login", "shift.close"...
    std::string ref;           // sale number, item sku...
    std::string detail;        // free text: old/new price, reason
    std::string device;
};

// Cash into (+) or out of (-) the drawer that is not a sale payment: savings deposits and
// withdrawals at the till, credit repayments, pay-outs.
struct CashMove {
    int64_t shift_id = 0;
    Money amount;
    std::string kind;          // "savings.deposit", "savings.withdraw", "repayment", "payout"
    std::string ref;
    std::string at;
};

// One event for the central server, written in the same transaction as the facts it carries.
struct OutboxEvent {
    int64_t seq = 0;           // per device, assigned by the store, strictly increasing
    std::string uuid;
    std::string device;
    std::string kind;          // "sale", "return", "savings", "stock", "shift", "member", ...
    std::string payload;       // JSON
    std::string created_at;
};

struct Posting {
    std::string kind;                      // names the act: "sale", "return", "savings.deposit"...
    std::optional<Sale> sale;
    std::vector<StockMove> stock_moves;
    std::vector<SavingsEntry> savings;
    std::vector<ReceivableEntry> receivables;
    std::vector<CashMove> cash_moves;
    std::vector<AuditEntry> audit;
    std::vector<OutboxEvent> events;
    // A sale clears this till's autosaved open cart in the same transaction: one durable write
    // per sale, and a restart can never find the cart of a sale already made.
    std::string clear_open_cart_of_device;
};

}  // namespace waserda::core
