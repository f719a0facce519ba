// JSON forms of the domain: outbox payloads, held carts, CLI output. One place, used by all.
//
// Each record's fields are described ONCE, by its write_json (a streaming JsonWriter: no tree, no
// allocation per value — a sale's payload is written on every sale). to_json and posting_payload
// return the same text parsed into an nlohmann::json, for callers that print it or add members to it.
#pragma once

#include "json_writer.hpp"
#include "member.hpp"
#include "posting.hpp"
#include "result.hpp"
#include "sale.hpp"
#include "shift.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace waserda::core {

// Each writes one JSON object (its value, after a key or in an array).
void write_json(JsonWriter& w, const Sale& sale);
void write_json(JsonWriter& w, const SaleLine& line);
void write_json(JsonWriter& w, const Payment& p);
void write_json(JsonWriter& w, const StockMove& m);
void write_json(JsonWriter& w, const SavingsEntry& e);
void write_json(JsonWriter& w, const ReceivableEntry& e);
void write_json(JsonWriter& w, const CashMove& c);
void write_json(JsonWriter& w, const AuditEntry& a);
void write_json(JsonWriter& w, const Shift& s);
void write_json(JsonWriter& w, const Item& item);
void write_json(JsonWriter& w, const Member& m);

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

// The payload of a posting's outbox event: every fact it records. The text is what events carry;
// invalid UTF-8 in a name or note becomes U+FFFD there (never an exception).
std::string posting_payload_text(const Posting& p);
// The same payload as a json value (parsed from the text), for callers that add members to it.
nlohmann::json posting_payload(const Posting& p);

std::string cart_to_json(const Cart& cart);
Result<Cart> cart_from_json(const std::string& text);

}  // namespace waserda::core
