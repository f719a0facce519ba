// JSON forms of the domain: outbox payloads, held carts, CLI output. One place, used by all.
#pragma once

#include "member.hpp"
#include "posting.hpp"
#include "result.hpp"
#include "sale.hpp"
#include "shift.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace waserda::core {

nlohmann::json to_json(const Sale& sale);
nlohmann::json to_json(const SaleLine& line);
nlohmann::json to_json(const Payment& p);
nlohmann::json to_json(const StockMove& m);
nlohmann::json to_json(const SavingsEntry& e);
nlohmann::json to_json(const ReceivableEntry& e);
nlohmann::json to_json(const CashMove& c);
nlohmann::json to_json(const AuditEntry& a);
nlohmann::json to_json(const Shift& s);
nlohmann::json to_json(const Item& item);
nlohmann::json to_json(const Member& m);
// The payload of a posting's outbox event: every fact it records.
nlohmann::json posting_payload(const Posting& p);

std::string cart_to_json(const Cart& cart);
Result<Cart> cart_from_json(const std::string& text);

}  // namespace waserda::core
