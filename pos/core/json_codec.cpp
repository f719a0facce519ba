#include "pos/core/json_codec.hpp"

#include "pos/core/i18n.hpp"

namespace waserda::core {

using nlohmann::json;

namespace {
int64_t rp(Money m) { return m.rupiah(); }

template <class List>
void write_list(JsonWriter& w, std::string_view key, const List& list) {
    w.key(key).begin_array();
    for (auto& x : list) write_json(w, x);
    w.end_array();
}

template <class T>
json parsed(const T& x) {
    JsonWriter w;
    write_json(w, x);
    return json::parse(w.take());
}
}  // namespace

// [SECTION] Records: each one's fields, written once

void write_json(JsonWriter& w, const SaleLine& l) {
    w.begin_object()
        .field("line_no", l.line_no)
        .field("item_id", l.item_id)
        .field("sku", l.sku)
        .field("name", l.name)
        .field("code", l.code)
        .field("unit", l.unit)
        .field("weighed", l.weighed)
        .field("taxable", l.taxable)
        .field("qty", l.qty)
        .field("unit_price", rp(l.unit_price))
        .field("price_kind", to_string(l.price_kind))
        .field("discount", rp(l.discount))
        .field("total", rp(l.total))
        .field("unit_cost", rp(l.unit_cost))
        .field("original_line_no", l.original_line_no)
        .end_object();
}

void write_json(JsonWriter& w, const Payment& p) {
    w.begin_object()
        .field("method", to_string(p.method))
        .field("amount", rp(p.amount))
        .field("tendered", rp(p.tendered))
        .field("reference", p.reference)
        .end_object();
}

void write_json(JsonWriter& w, const Sale& s) {
    w.begin_object()
        .field("uuid", s.uuid)
        .field("number", s.number)
        .field("device", s.device)
        .field("kind", s.kind == SaleKind::Sale ? "sale" : "return")
        .field("original_number", s.original_number)
        .field("at", s.at)
        .field("local_date", s.local_date)
        .field("user_id", s.user_id)
        .field("user_name", s.user_name)
        .field("approver_id", s.approver_id)
        .field("shift_id", s.shift_id)
        .field("member_number", s.member_number)
        .field("member_name", s.member_name);
    write_list(w, "lines", s.lines);
    write_list(w, "payments", s.payments);
    w.field("subtotal", rp(s.subtotal))
        .field("discount", rp(s.discount))
        .field("rounding", rp(s.rounding))
        .field("total", rp(s.total))
        .field("change", rp(s.change))
        .field("dpp", rp(s.dpp))
        .field("ppn", rp(s.ppn));
    if (s.member_available_credit) w.field("member_available_credit", rp(*s.member_available_credit));
    if (s.member_sukarela) w.field("member_sukarela", rp(*s.member_sukarela));
    w.end_object();
}

void write_json(JsonWriter& w, const StockMove& m) {
    w.begin_object()
        .field("sku", m.sku)
        .field("item_id", m.item_id)
        .field("kind", to_string(m.kind))
        .field("qty", m.qty)
        .field("unit_cost", rp(m.unit_cost))
        .field("ref", m.ref)
        .field("reason", m.reason)
        .field("at", m.at)
        .field("user_id", m.user_id)
        .end_object();
}

void write_json(JsonWriter& w, const SavingsEntry& e) {
    w.begin_object()
        .field("member_number", e.member_number)
        .field("type", to_string(e.type))
        .field("kind", to_string(e.kind))
        .field("amount", rp(e.amount))
        .field("ref", e.ref)
        .field("note", e.note)
        .field("at", e.at)
        .field("user_id", e.user_id)
        .end_object();
}

void write_json(JsonWriter& w, const ReceivableEntry& e) {
    w.begin_object()
        .field("member_number", e.member_number)
        .field("kind", to_string(e.kind))
        .field("amount", rp(e.amount))
        .field("ref", e.ref)
        .field("note", e.note)
        .field("at", e.at)
        .field("user_id", e.user_id)
        .end_object();
}

void write_json(JsonWriter& w, const CashMove& c) {
    w.begin_object()
        .field("shift_id", c.shift_id)
        .field("amount", rp(c.amount))
        .field("kind", c.kind)
        .field("ref", c.ref)
        .field("at", c.at)
        .end_object();
}

void write_json(JsonWriter& w, const AuditEntry& a) {
    w.begin_object()
        .field("at", a.at)
        .field("user_id", a.user_id)
        .field("approver_id", a.approver_id)
        .field("action", a.action)
        .field("ref", a.ref)
        .field("detail", a.detail)
        .field("device", a.device)
        .end_object();
}

void write_json(JsonWriter& w, const Shift& s) {
    w.begin_object()
        .field("uuid", s.uuid)
        .field("device", s.device)
        .field("user_id", s.user_id)
        .field("user_name", s.user_name)
        .field("opening_float", rp(s.opening_float))
        .field("opened_at", s.opened_at)
        .field("closed_at", s.closed_at)
        .field("closed_by", s.closed_by)
        .field("expected_cash", rp(s.expected_cash));
    w.key("denominations").begin_object();  // note/coin value (as a string) -> count
    for (auto& [value, count] : s.denominations) w.field(std::to_string(value), count);
    w.end_object();
    if (s.counted_cash) w.field("counted_cash", rp(*s.counted_cash));
    w.end_object();
}

void write_json(JsonWriter& w, const Item& item) {
    w.begin_object()
        .field("id", item.id)
        .field("sku", item.sku)
        .field("name", item.name)
        .field("unit", item.unit)
        .field("category", item.category)
        .field("weighed", item.weighed)
        .field("price", rp(item.price))
        .field("member_price", rp(item.member_price))
        .field("wholesale_min_qty", item.wholesale_min_qty)
        .field("wholesale_price", rp(item.wholesale_price))
        .field("cost", rp(item.cost))
        .field("taxable", item.taxable)
        .field("min_stock", item.min_stock)
        .field("active", item.active)
        .field("consignment", item.consignment)
        .field("on_hand", item.on_hand);
    w.key("barcodes").begin_array();
    for (auto& b : item.barcodes) w.begin_object().field("code", b.code).field("pack_qty", b.pack_qty).end_object();
    w.end_array().end_object();
}

void write_json(JsonWriter& w, const Member& m) {
    w.begin_object()
        .field("id", m.id)
        .field("number", m.number)
        .field("name", m.name)
        .field("card_code", m.card_code)
        .field("work_unit", m.work_unit)
        .field("phone", m.phone)
        .field("status", to_string(m.status))
        .field("joined_on", m.joined_on)
        .field("left_on", m.left_on);
    if (m.credit_limit_override) w.field("credit_limit_override", rp(*m.credit_limit_override));
    w.end_object();
}

// [SECTION] Outbox payloads

namespace {
// A rough size of the payload, so its string is allocated once.
std::size_t payload_size_hint(const Posting& p) {
    std::size_t n = 128 + 200 * (p.stock_moves.size() + p.savings.size() + p.receivables.size() + p.audit.size()) +
                    100 * p.cash_moves.size();
    if (p.sale) n += 600 + 320 * p.sale->lines.size() + 100 * p.sale->payments.size();
    return n;
}
}  // namespace

std::string posting_payload_text(const Posting& p) {
    JsonWriter w(payload_size_hint(p));
    w.begin_object().field("kind", p.kind);
    if (p.sale) {
        w.field("device", p.sale->device).key("sale");
        write_json(w, *p.sale);
    }
    write_list(w, "stock_moves", p.stock_moves);
    write_list(w, "savings", p.savings);
    write_list(w, "receivables", p.receivables);
    write_list(w, "cash_moves", p.cash_moves);
    write_list(w, "audit", p.audit);
    w.end_object();
    return w.take();
}

json posting_payload(const Posting& p) { return json::parse(posting_payload_text(p)); }

// [SECTION] json values, for printing and for payloads that add members (parsed: one description)

json to_json(const Sale& x) { return parsed(x); }
json to_json(const SaleLine& x) { return parsed(x); }
json to_json(const Payment& x) { return parsed(x); }
json to_json(const StockMove& x) { return parsed(x); }
json to_json(const SavingsEntry& x) { return parsed(x); }
json to_json(const ReceivableEntry& x) { return parsed(x); }
json to_json(const CashMove& x) { return parsed(x); }
json to_json(const AuditEntry& x) { return parsed(x); }
json to_json(const Shift& x) { return parsed(x); }
json to_json(const Item& x) { return parsed(x); }
json to_json(const Member& x) { return parsed(x); }

// [SECTION] Carts: held and open carts are stored as JSON so they survive restarts

std::string cart_to_json(const Cart& cart) {
    json lines = json::array();
    for (auto& l : cart.lines) {
        json jl{{"item_id", l.item_id},
                {"sku", l.sku},
                {"name", l.name},
                {"code", l.code},
                {"unit", l.unit},
                {"weighed", l.weighed},
                {"taxable", l.taxable},
                {"qty", l.qty},
                {"unit_price", rp(l.unit_price)},
                {"price_kind", to_string(l.price_kind)},
                {"discount", rp(l.discount)},
                {"unit_cost", rp(l.unit_cost)},
                {"price_general", rp(l.price_general)},
                {"price_member", rp(l.price_member)},
                {"wholesale_min_qty", l.wholesale_min_qty},
                {"price_wholesale", rp(l.price_wholesale)}};
        if (l.fixed_total) jl["fixed_total"] = rp(*l.fixed_total);
        lines.push_back(jl);
    }
    json j{{"uuid", cart.uuid},       {"member_number", cart.member_number}, {"member_name", cart.member_name},
           {"lines", lines},          {"sale_discount", rp(cart.sale_discount)}, {"note", cart.note},
           {"held_at", cart.held_at}};
    if (cart.member_id) j["member_id"] = *cart.member_id;
    return j.dump();
}

Result<Cart> cart_from_json(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("lines") || !j["lines"].is_array())
        return make_error(ErrorCode::Invalid, tr("Data keranjang yang tersimpan rusak."));
    try {
        Cart c;
        c.uuid = j.value("uuid", "");
        if (j.contains("member_id")) c.member_id = j["member_id"].get<int64_t>();
        c.member_number = j.value("member_number", "");
        c.member_name = j.value("member_name", "");
        c.sale_discount = Money::rp(j.value("sale_discount", int64_t{0}));
        c.note = j.value("note", "");
        c.held_at = j.value("held_at", "");
        for (auto& jl : j["lines"]) {
            CartLine l;
            l.item_id = jl.at("item_id").get<int64_t>();
            l.sku = jl.value("sku", "");
            l.name = jl.value("name", "");
            l.code = jl.value("code", "");
            l.unit = jl.value("unit", "");
            l.weighed = jl.value("weighed", false);
            l.taxable = jl.value("taxable", true);
            l.qty = jl.at("qty").get<int64_t>();
            l.unit_price = Money::rp(jl.value("unit_price", int64_t{0}));
            l.price_kind = price_kind_from(jl.value("price_kind", "general")).value_or(PriceKind::General);
            l.discount = Money::rp(jl.value("discount", int64_t{0}));
            l.unit_cost = Money::rp(jl.value("unit_cost", int64_t{0}));
            l.price_general = Money::rp(jl.value("price_general", int64_t{0}));
            l.price_member = Money::rp(jl.value("price_member", int64_t{0}));
            l.wholesale_min_qty = jl.value("wholesale_min_qty", int64_t{0});
            l.price_wholesale = Money::rp(jl.value("price_wholesale", int64_t{0}));
            if (jl.contains("fixed_total")) l.fixed_total = Money::rp(jl["fixed_total"].get<int64_t>());
            c.lines.push_back(std::move(l));
        }
        return c;
    } catch (const json::exception&) {
        return make_error(ErrorCode::Invalid, tr("Data keranjang yang tersimpan rusak."));
    }
}

}  // namespace waserda::core
