#include "pos/core/json_codec.hpp"

#include "pos/core/i18n.hpp"

namespace waserda::core {

using nlohmann::json;

namespace {
int64_t rp(Money m) { return m.rupiah(); }
}  // namespace

json to_json(const SaleLine& l) {
    return json{{"line_no", l.line_no},       {"item_id", l.item_id},
                {"sku", l.sku},               {"name", l.name},
                {"code", l.code},             {"unit", l.unit},
                {"weighed", l.weighed},       {"taxable", l.taxable},
                {"qty", l.qty},               {"unit_price", rp(l.unit_price)},
                {"price_kind", to_string(l.price_kind)}, {"discount", rp(l.discount)},
                {"total", rp(l.total)},       {"unit_cost", rp(l.unit_cost)},
                {"original_line_no", l.original_line_no}};
}

json to_json(const Payment& p) {
    return json{{"method", to_string(p.method)}, {"amount", rp(p.amount)}, {"tendered", rp(p.tendered)},
                {"reference", p.reference}};
}

json to_json(const Sale& s) {
    json lines = json::array();
    for (auto& l : s.lines) lines.push_back(to_json(l));
    json payments = json::array();
    for (auto& p : s.payments) payments.push_back(to_json(p));
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

json to_json(const StockMove& m) {
    return json{{"sku", m.sku},       {"item_id", m.item_id}, {"kind", to_string(m.kind)},
                {"qty", m.qty},       {"unit_cost", rp(m.unit_cost)}, {"ref", m.ref},
                {"reason", m.reason}, {"at", m.at}, {"user_id", m.user_id}};
}

json to_json(const SavingsEntry& e) {
    return json{{"member_number", e.member_number}, {"type", to_string(e.type)}, {"kind", to_string(e.kind)},
                {"amount", rp(e.amount)}, {"ref", e.ref}, {"note", e.note}, {"at", e.at}, {"user_id", e.user_id}};
}

json to_json(const ReceivableEntry& e) {
    return json{{"member_number", e.member_number}, {"kind", to_string(e.kind)}, {"amount", rp(e.amount)},
                {"ref", e.ref}, {"note", e.note}, {"at", e.at}, {"user_id", e.user_id}};
}

json to_json(const CashMove& c) {
    return json{{"shift_id", c.shift_id}, {"amount", rp(c.amount)}, {"kind", c.kind}, {"ref", c.ref}, {"at", c.at}};
}

json to_json(const AuditEntry& a) {
    return json{{"at", a.at},         {"user_id", a.user_id}, {"approver_id", a.approver_id},
                {"action", a.action}, {"ref", a.ref},         {"detail", a.detail}, {"device", a.device}};
}

json to_json(const Shift& s) {
    json den = json::object();
    for (auto& [value, count] : s.denominations) den[std::to_string(value)] = count;
    json j{{"uuid", s.uuid},           {"device", s.device},        {"user_id", s.user_id},
           {"user_name", s.user_name}, {"opening_float", rp(s.opening_float)}, {"opened_at", s.opened_at},
           {"closed_at", s.closed_at}, {"closed_by", s.closed_by},  {"expected_cash", rp(s.expected_cash)},
           {"denominations", den}};
    if (s.counted_cash) j["counted_cash"] = rp(*s.counted_cash);
    return j;
}

json to_json(const Item& item) {
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

json to_json(const Member& m) {
    json j{{"id", m.id},         {"number", m.number}, {"name", m.name},           {"card_code", m.card_code},
           {"work_unit", m.work_unit}, {"phone", m.phone}, {"status", to_string(m.status)},
           {"joined_on", m.joined_on}, {"left_on", m.left_on}};
    if (m.credit_limit_override) j["credit_limit_override"] = rp(*m.credit_limit_override);
    return j;
}

json posting_payload(const Posting& p) {
    json j{{"kind", p.kind}};
    if (p.sale) {
        j["device"] = p.sale->device;
        j["sale"] = to_json(*p.sale);
    }
    auto list = [](const auto& v) {
        json a = json::array();
        for (auto& x : v) a.push_back(to_json(x));
        return a;
    };
    j["stock_moves"] = list(p.stock_moves);
    j["savings"] = list(p.savings);
    j["receivables"] = list(p.receivables);
    j["cash_moves"] = list(p.cash_moves);
    j["audit"] = list(p.audit);
    return j;
}

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
