// The nlohmann-tree payload builder pos/core/json_codec.cpp had before its streaming JsonWriter.
// This is the ONE allowed second description of the outbox payload's fields, kept only as a reference:
// tests/core/json_writer_test.cpp proves the writer's payloads parse to the same json, and
// tests/bench/json_bench.cpp measures the two. Never use it in the product; do not update it when a
// field is added on purpose (update the tests' expectations instead).
#pragma once

#include "pos/core/json_codec.hpp"

#include <nlohmann/json.hpp>

#include <string>

// Named tree() so that argument-dependent lookup does not also find core::to_json.
namespace waserda::core::payload_reference {

using nlohmann::json;

inline int64_t rp(Money m) { return m.rupiah(); }

inline json tree(const SaleLine& l) {
    return json{{"line_no", l.line_no},       {"item_id", l.item_id},
                {"sku", l.sku},               {"name", l.name},
                {"code", l.code},             {"unit", l.unit},
                {"weighed", l.weighed},       {"taxable", l.taxable},
                {"qty", l.qty},               {"unit_price", rp(l.unit_price)},
                {"price_kind", to_string(l.price_kind)}, {"discount", rp(l.discount)},
                {"total", rp(l.total)},       {"unit_cost", rp(l.unit_cost)},
                {"original_line_no", l.original_line_no}};
}

inline json tree(const Payment& p) {
    return json{{"method", to_string(p.method)}, {"amount", rp(p.amount)}, {"tendered", rp(p.tendered)},
                {"reference", p.reference}};
}

inline json tree(const Sale& s) {
    json lines = json::array();
    for (auto& l : s.lines) lines.push_back(tree(l));
    json payments = json::array();
    for (auto& p : s.payments) payments.push_back(tree(p));
    json j{{"uuid", s.uuid},
           {"number", s.number},
           {"device", s.device},
           {"kind", s.kind == SaleKind::Sale ? "sale" : "return"},
           {"original_number", s.original_number},
           {"at", s.at},
           {"local_date", s.local_date},
           {"user_id", s.user_id},
           {"user_name", s.user_name},
           {"approver_id", s.approver_id},
           {"shift_id", s.shift_id},
           {"member_number", s.member_number},
           {"member_name", s.member_name},
           {"lines", lines},
           {"payments", payments},
           {"subtotal", rp(s.subtotal)},
           {"discount", rp(s.discount)},
           {"rounding", rp(s.rounding)},
           {"total", rp(s.total)},
           {"change", rp(s.change)},
           {"dpp", rp(s.dpp)},
           {"ppn", rp(s.ppn)}};
    if (s.member_available_credit) j["member_available_credit"] = rp(*s.member_available_credit);
    if (s.member_sukarela) j["member_sukarela"] = rp(*s.member_sukarela);
    return j;
}

inline json tree(const StockMove& m) {
    return json{{"sku", m.sku},       {"item_id", m.item_id}, {"kind", to_string(m.kind)},
                {"qty", m.qty},       {"unit_cost", rp(m.unit_cost)}, {"ref", m.ref},
                {"reason", m.reason}, {"at", m.at}, {"user_id", m.user_id}};
}

inline json tree(const SavingsEntry& e) {
    return json{{"member_number", e.member_number}, {"type", to_string(e.type)}, {"kind", to_string(e.kind)},
                {"amount", rp(e.amount)}, {"ref", e.ref}, {"note", e.note}, {"at", e.at}, {"user_id", e.user_id}};
}

inline json tree(const ReceivableEntry& e) {
    return json{{"member_number", e.member_number}, {"kind", to_string(e.kind)}, {"amount", rp(e.amount)},
                {"ref", e.ref}, {"note", e.note}, {"at", e.at}, {"user_id", e.user_id}};
}

inline json tree(const CashMove& c) {
    return json{{"shift_id", c.shift_id}, {"amount", rp(c.amount)}, {"kind", c.kind}, {"ref", c.ref}, {"at", c.at}};
}

inline json tree(const AuditEntry& a) {
    return json{{"at", a.at},         {"user_id", a.user_id}, {"approver_id", a.approver_id},
                {"action", a.action}, {"ref", a.ref},         {"detail", a.detail}, {"device", a.device}};
}

inline json tree(const Shift& s) {
    json den = json::object();
    for (auto& [value, count] : s.denominations) den[std::to_string(value)] = count;
    json j{{"uuid", s.uuid},           {"device", s.device},        {"user_id", s.user_id},
           {"user_name", s.user_name}, {"opening_float", rp(s.opening_float)}, {"opened_at", s.opened_at},
           {"closed_at", s.closed_at}, {"closed_by", s.closed_by},  {"expected_cash", rp(s.expected_cash)},
           {"denominations", den}};
    if (s.counted_cash) j["counted_cash"] = rp(*s.counted_cash);
    return j;
}

inline json tree(const Item& item) {
    json barcodes = json::array();
    for (auto& b : item.barcodes) barcodes.push_back(json{{"code", b.code}, {"pack_qty", b.pack_qty}});
    return json{{"id", item.id},
                {"sku", item.sku},
                {"name", item.name},
                {"unit", item.unit},
                {"category", item.category},
                {"weighed", item.weighed},
                {"price", rp(item.price)},
                {"member_price", rp(item.member_price)},
                {"wholesale_min_qty", item.wholesale_min_qty},
                {"wholesale_price", rp(item.wholesale_price)},
                {"cost", rp(item.cost)},
                {"taxable", item.taxable},
                {"min_stock", item.min_stock},
                {"active", item.active},
                {"consignment", item.consignment},
                {"on_hand", item.on_hand},
                {"barcodes", barcodes}};
}

inline json tree(const Member& m) {
    json j{{"id", m.id},         {"number", m.number}, {"name", m.name},           {"card_code", m.card_code},
           {"work_unit", m.work_unit}, {"phone", m.phone}, {"status", to_string(m.status)},
           {"joined_on", m.joined_on}, {"left_on", m.left_on}};
    if (m.credit_limit_override) j["credit_limit_override"] = rp(*m.credit_limit_override);
    return j;
}

inline json posting_payload(const Posting& p) {
    json j{{"kind", p.kind}};
    if (p.sale) {
        j["device"] = p.sale->device;
        j["sale"] = tree(*p.sale);
    }
    auto list = [](const auto& v) {
        json a = json::array();
        for (auto& x : v) a.push_back(tree(x));
        return a;
    };
    j["stock_moves"] = list(p.stock_moves);
    j["savings"] = list(p.savings);
    j["receivables"] = list(p.receivables);
    j["cash_moves"] = list(p.cash_moves);
    j["audit"] = list(p.audit);
    return j;
}

}  // namespace waserda::core::payload_reference
