// The wire protocol between a shop's sync client and waserda-central (API version 1, see README.md).
// Both sides use these forms, so a field is named once. Parsing never throws: a bad input is a value.
#pragma once

#include "pos/core/catalog.hpp"
#include "pos/core/member.hpp"
#include "pos/core/posting.hpp"
#include "pos/core/result.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waserda::sync {

inline constexpr int kApiVersion = 1;
inline constexpr int kMaxBatchEvents = 1000;                 // events in one POST /v1/events
inline constexpr size_t kMaxBodyBytes = 32u * 1024 * 1024;   // after gzip is undone
inline constexpr size_t kMaxEventBytes = 1u * 1024 * 1024;   // one event's payload
inline constexpr int kMaxMasterPage = 2000;                  // rows in one GET /v1/master

// [SECTION] Events: POST /v1/events

// What the central server keeps of a sale for its reports.
struct SaleFacts {
    std::string uuid;
    std::string number;
    std::string kind;          // "sale" | "return"
    std::string local_date;    // YYYY-MM-DD
    std::string at;
    std::string member_number;
    int64_t total = 0;         // signed rupiah
    int64_t line_count = 0;
};

// One delta of a member's receivable (piutang): + owes more, - paid back.
struct CreditFact {
    std::string member_number;
    std::string kind;
    int64_t amount = 0;
    std::string ref;
    std::string at;
};

// An event as the server understood it: the envelope, the payload text, and the facts it relies on.
struct WireEvent {
    int64_t seq = 0;
    std::string uuid;
    std::string device;
    std::string kind;
    std::string created_at;
    std::string payload;       // compact JSON text, stored as received
    std::optional<SaleFacts> sale;
    std::vector<CreditFact> credits;
};

struct Rejection {
    int64_t seq = 0;
    std::string reason;        // one Indonesian sentence, shown to the shop's manager
};

struct BatchAck {
    int64_t acked_seq = 0;     // the highest sequence the server holds for this device
    int64_t stored = 0;
    int64_t duplicates = 0;
    std::vector<Rejection> rejected;
};

// The request body for a batch of outbox events. An event whose payload is not JSON is left out
// and returned in `unsendable` with a reason, so the client can park it without a round trip.
struct EncodedBatch {
    std::string body;
    std::vector<Rejection> unsendable;
    int64_t max_seq = 0;       // highest seq among the events put in the body
    int sent = 0;
};
EncodedBatch encode_batch(const std::vector<core::OutboxEvent>& events);

// Checks one event of a batch and extracts its facts. The error message says what is wrong.
core::Result<WireEvent> parse_event(const nlohmann::json& event);

nlohmann::json ack_to_json(const BatchAck& ack);
core::Result<BatchAck> ack_from_json(const std::string& text);

// [SECTION] Master data: GET /v1/master?since=V&limit=N

// A row of master data the office owns. `credit_limit` is the member's limit set by the office.
struct MasterPage {
    int64_t version = 0;       // pass as `since` to get what changed after this page
    bool more = false;         // another page follows
    std::vector<core::Item> items;
    std::vector<core::Member> members;
};

nlohmann::json item_to_wire(const core::Item& item);
core::Result<core::Item> item_from_wire(const nlohmann::json& j);
nlohmann::json member_to_wire(const core::Member& m);
core::Result<core::Member> member_from_wire(const nlohmann::json& j);
core::Result<MasterPage> master_page_from_json(const std::string& text);

// [SECTION] Small shared helpers

// The error body of every 4xx/5xx answer: {"error": "..."}.
std::string error_body(const std::string& message);
// Reads {"error": "..."}; the raw text (shortened) when the body is not that.
std::string error_from_body(const std::string& body);
bool is_iso_date(const std::string& s);   // YYYY-MM-DD with a valid month and day

}  // namespace waserda::sync
