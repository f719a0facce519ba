// ManagerService: stock acts (receipts, returns to suppliers, adjustments, opname, prices);
// the report queries are in manager_service_reports.cpp.
//
// [SECTION] Helpers
// [SECTION] Suppliers
// [SECTION] Receipts and returns to suppliers
// [SECTION] Adjustments
// [SECTION] Opname
// [SECTION] Reorder and item card
// [SECTION] Prices and labels
#include "pos/core/manager_service.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/uuid.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>
#include <unordered_map>

namespace waserda::core {

#define MS_TRY(expr)                                      \
    do {                                                  \
        if (auto _st = (expr); !_st) return _st.error();  \
    } while (0)

// [SECTION] Helpers

namespace {

nlohmann::json receipt_json(const GoodsReceipt& r) {
    nlohmann::json lines = nlohmann::json::array();
    for (auto& l : r.lines)
        lines.push_back({{"line_no", l.line_no}, {"sku", l.sku}, {"qty", l.qty}, {"unit_cost", l.unit_cost.rupiah()},
                         {"expiry", l.expiry}, {"cost_after", l.cost_after.rupiah()}});
    return {{"number", r.number},   {"kind", to_string(r.kind)}, {"supplier", r.supplier_code},
            {"invoice_ref", r.invoice_ref}, {"at", r.at}, {"local_date", r.local_date},
            {"total", r.total().rupiah()}, {"lines", lines}};
}

std::string trimmed(const std::string& s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(c);
    return out;
}

}  // namespace

ManagerService::ManagerService(Shop& shop, InventoryStore& inventory, ReportsStore& reports)
    : shop_(shop), store_(shop.store()), inventory_(inventory), reports_(reports) {}

OutboxEvent ManagerService::event(const std::string& kind, const nlohmann::json& payload) const {
    OutboxEvent e;
    e.uuid = new_uuid();
    e.device = shop_.settings().device;
    e.kind = kind;
    e.payload = payload.dump();
    e.created_at = shop_.now_utc();
    return e;
}

// Stock work reaches inactive items too (they still sit on shelves and must be counted), so the
// store's own lookup comes first; scale labels go through the till's rules.
Result<ManagerService::Resolved> ManagerService::resolve(const std::string& raw) {
    std::string code = trimmed(raw);
    if (code.empty()) return make_error(ErrorCode::Invalid, tr("Kode barang kosong."));
    auto found = store_.item_by_code(code);
    if (!found) return found.error();
    if (*found) {
        Resolved r{(*found)->item, (*found)->qty};
        if (r.item.weighed) r.qty = 1;   // a weighed item's own code: the quantity is typed in grams
        return r;
    }
    auto hit = shop_.lookup(code);
    if (!hit) return hit.error();
    if (hit->embedded_price) return make_error(ErrorCode::Invalid, tr("Label harga {} tidak membawa jumlah barang.", code));
    return Resolved{hit->item, hit->qty};
}

Status ManagerService::check_range(const DateRange& r) const {
    if (!valid_date(r.from) || !valid_date(r.to))
        return make_error(ErrorCode::Invalid, tr("Tanggal harus ditulis YYYY-MM-DD."));
    if (r.to < r.from) return make_error(ErrorCode::Invalid, tr("Tanggal akhir {} sebelum tanggal awal {}.", r.to, r.from));
    return ok_status();
}

DateRange ManagerService::last_days(int days) const {
    std::string today = shop_.today_local();
    return {add_days(today, -(std::max(days, 1) - 1)), today};
}

// [SECTION] Suppliers

Result<Supplier> ManagerService::save_supplier(const User& actor, Supplier s) {
    MS_TRY(shop_.authorize(actor, Permission::ManageStock, std::nullopt));
    s.code = trimmed(s.code);
    if (s.code.empty() || s.name.empty())
        return make_error(ErrorCode::Invalid, tr("Pemasok perlu kode dan nama."));
    auto id = inventory_.save_supplier(s);
    if (!id) return id.error();
    s.id = *id;
    return s;
}

Result<std::vector<Supplier>> ManagerService::suppliers() { return inventory_.list_suppliers(); }

// [SECTION] Receipts and returns to suppliers

Result<GoodsReceipt> ManagerService::receive(const ReceiveRequest& req) { return receipt_act(req, ReceiptKind::Receipt); }

Result<GoodsReceipt> ManagerService::return_to_supplier(const ReceiveRequest& req) {
    return receipt_act(req, ReceiptKind::SupplierReturn);
}

Result<GoodsReceipt> ManagerService::receipt_act(const ReceiveRequest& req, ReceiptKind kind) {
    MS_TRY(shop_.authorize(req.user, Permission::ManageStock, req.approver));
    auto supplier = inventory_.supplier_by_code(trimmed(req.supplier_code));
    if (!supplier) return supplier.error();
    if (!*supplier) return make_error(ErrorCode::NotFound, tr("Pemasok {} tidak ditemukan.", req.supplier_code));
    bool receipt = kind == ReceiptKind::Receipt;

    GoodsReceipt r;
    r.kind = kind;
    r.supplier_id = (*supplier)->id;
    r.supplier_code = (*supplier)->code;
    r.supplier_name = (*supplier)->name;
    r.invoice_ref = req.invoice_ref;
    r.note = req.note;
    r.at = shop_.now_utc();
    r.local_date = shop_.today_local();
    r.user_id = req.user.id;
    std::vector<bool> cost_given;
    for (auto& in : req.lines) {
        auto res = resolve(in.code);
        if (!res) return res.error();
        if (receipt && !in.unit_cost)
            return make_error(ErrorCode::Invalid, tr("Harga beli {} belum diisi.", res->item.name));
        ReceiptLine l;
        l.line_no = static_cast<int>(r.lines.size()) + 1;
        l.item_id = res->item.id;
        l.sku = res->item.sku;
        l.name = res->item.name;
        l.weighed = res->item.weighed;
        l.qty = in.qty * res->qty;
        // A carton's cost is spread over its pieces; weighed goods are costed per kg whatever the code.
        if (in.unit_cost)
            l.unit_cost = res->item.weighed || res->qty <= 1 ? *in.unit_cost
                                                             : Money::rp(mul_div_round(in.unit_cost->rupiah(), 1, res->qty));
        l.expiry = receipt ? in.expiry : "";
        cost_given.push_back(in.unit_cost.has_value());
        r.lines.push_back(std::move(l));
    }
    MS_TRY(validate_receipt(r));

    const std::string act = receipt ? "stock.receive" : "stock.supplier_return";
    auto st = inventory_.atomically([&]() -> Status {
        std::string prefix = std::string(receipt ? "GR-" : "RS-") + shop_.settings().device + "-" + compact_date(r.local_date) + "-";
        auto n = inventory_.next_document_counter(prefix);
        if (!n) return n.error();
        r.number = fmt::format("{}{:02}", prefix, *n);

        // Read inside the write lock: the average uses the on-hand as it is at this instant.
        std::map<ItemId, Item> items;
        for (auto& l : r.lines) {
            if (items.count(l.item_id)) continue;
            auto it = store_.item_by_id(l.item_id);
            if (!it) return it.error();
            if (!*it) return make_error(ErrorCode::NotFound, tr("Barang {} tidak ditemukan.", l.sku));
            items[l.item_id] = **it;
        }
        std::map<ItemId, Money> new_costs;
        if (receipt) {
            new_costs = apply_moving_average(r.lines, items);
        } else {
            std::map<ItemId, int64_t> taken;
            for (size_t i = 0; i < r.lines.size(); ++i) {
                auto& l = r.lines[i];
                const Item& it = items[l.item_id];
                l.cost_before = l.cost_after = it.cost;
                if (!cost_given[i]) l.unit_cost = it.cost;
                taken[l.item_id] += l.qty;
                if (taken[l.item_id] > it.on_hand)
                    return make_error(ErrorCode::Insufficient,
                                      tr("Stok {} hanya {}; tidak bisa diretur {}.", it.name, it.on_hand, taken[l.item_id]));
            }
        }
        MS_TRY(inventory_.insert_receipt(r));
        for (auto& [id, cost] : new_costs) MS_TRY(inventory_.set_item_cost(id, cost));

        Posting p;
        p.kind = act;
        for (auto& l : r.lines) {
            StockMove m;
            m.item_id = l.item_id;
            m.sku = l.sku;
            m.kind = receipt ? StockMoveKind::GoodsReceipt : StockMoveKind::SupplierReturn;
            m.qty = receipt ? l.qty : -l.qty;
            // A return leaves at the average cost; what the supplier credits is on the document.
            m.unit_cost = receipt ? l.unit_cost : l.cost_before;
            m.ref = r.number;
            m.reason = r.supplier_code;
            m.at = r.at;
            m.user_id = req.user.id;
            p.stock_moves.push_back(m);
        }
        AuditEntry a;
        a.at = r.at;
        a.user_id = req.user.id;
        a.approver_id = req.approver ? req.approver->id : 0;
        a.action = act;
        a.ref = r.number;
        a.detail = fmt::format("{} {} baris {}", r.supplier_code, r.lines.size(), r.total().rupiah());
        a.device = shop_.settings().device;
        p.audit.push_back(a);
        auto payload = posting_payload(p);
        payload["receipt"] = receipt_json(r);
        p.events.push_back(event("stock", payload));
        auto committed = store_.commit(std::move(p));
        if (!committed) return committed.error();
        return ok_status();
    });
    if (!st) return st.error();
    return r;
}

// [SECTION] Adjustments

Result<Posting> ManagerService::adjust(const AdjustRequest& req) {
    MS_TRY(shop_.authorize(req.user, Permission::ManageStock, req.approver));
    auto res = resolve(req.code);
    if (!res) return res.error();
    int64_t qty = req.qty * res->qty;
    MS_TRY(validate_adjustment(req.reason, qty));
    Posting out;
    auto st = inventory_.atomically([&]() -> Status {
        auto it = store_.item_by_id(res->item.id);
        if (!it) return it.error();
        if (!*it) return make_error(ErrorCode::NotFound, tr("Barang {} tidak ditemukan.", res->item.sku));
        std::string today = shop_.today_local();
        std::string prefix = "ADJ-" + shop_.settings().device + "-" + compact_date(today) + "-";
        auto n = inventory_.next_document_counter(prefix);
        if (!n) return n.error();
        Posting p;
        p.kind = "stock.adjust";
        StockMove m;
        m.item_id = (*it)->id;
        m.sku = (*it)->sku;
        m.kind = StockMoveKind::Adjustment;
        m.qty = qty;
        m.unit_cost = (*it)->cost;
        m.ref = fmt::format("{}{:02}", prefix, *n);
        m.reason = to_string(req.reason) + (req.note.empty() ? "" : ": " + req.note);
        m.at = shop_.now_utc();
        m.user_id = req.user.id;
        p.stock_moves.push_back(m);
        p.audit.push_back({0, m.at, req.user.id, req.approver ? req.approver->id : 0, "stock.adjust", m.ref,
                           fmt::format("{} {} {}", m.sku, qty, m.reason), shop_.settings().device});
        p.events.push_back(event("stock", posting_payload(p)));
        auto committed = store_.commit(std::move(p));
        if (!committed) return committed.error();
        out = std::move(*committed);
        return ok_status();
    });
    if (!st) return st.error();
    return out;
}

// [SECTION] Opname

Result<OpnameSession> ManagerService::open_opname(const User& actor, const std::string& note, bool full) {
    MS_TRY(shop_.authorize(actor, Permission::ManageStock, std::nullopt));
    OpnameSession s;
    s.note = note;
    s.full = full;
    s.opened_at = shop_.now_utc();
    s.opened_by = actor.id;
    auto st = inventory_.atomically([&]() -> Status {
        std::string prefix = "OP-" + compact_date(shop_.today_local()) + "-";
        auto n = inventory_.next_document_counter(prefix);
        if (!n) return n.error();
        s.number = fmt::format("{}{:02}", prefix, *n);
        auto id = inventory_.insert_opname(s);
        if (!id) return id.error();
        s.id = *id;
        return ok_status();
    });
    if (!st) return st.error();
    return s;
}

Result<std::vector<OpnameSession>> ManagerService::opname_sessions() { return inventory_.opname_sessions(); }

Result<OpnameSession> ManagerService::open_session(const std::string& number) {
    auto s = inventory_.opname_by_number(trimmed(number));
    if (!s) return s.error();
    if (!*s) return make_error(ErrorCode::NotFound, tr("Sesi opname {} tidak ditemukan.", number));
    if ((*s)->state != OpnameState::Open)
        return make_error(ErrorCode::Conflict, tr("Sesi opname {} sudah ditutup.", number));
    return **s;
}

Result<int64_t> ManagerService::count_scan(const std::string& session, const std::string& counter, const std::string& code) {
    auto s = open_session(session);
    if (!s) return s.error();
    if (trimmed(counter).empty()) return make_error(ErrorCode::Invalid, tr("Sebutkan nama penghitung."));
    auto res = resolve(code);
    if (!res) return res.error();
    if (res->item.weighed && res->qty <= 1)
        return make_error(ErrorCode::Invalid, tr("{} dijual per berat: ketik beratnya dalam gram.", res->item.name));
    return inventory_.record_count(s->id, counter, res->item.id, res->qty, false, shop_.now_utc());
}

Result<int64_t> ManagerService::count_set(const std::string& session, const std::string& counter, const std::string& code,
                                          int64_t qty, bool add) {
    auto s = open_session(session);
    if (!s) return s.error();
    if (trimmed(counter).empty()) return make_error(ErrorCode::Invalid, tr("Sebutkan nama penghitung."));
    if (!add && qty < 0) return make_error(ErrorCode::Invalid, tr("Jumlah hitungan tidak boleh negatif."));
    auto res = resolve(code);
    if (!res) return res.error();
    return inventory_.record_count(s->id, counter, res->item.id, qty * res->qty, !add, shop_.now_utc());
}

Result<std::vector<OpnameCount>> ManagerService::count_lines(const std::string& session) {
    auto s = inventory_.opname_by_number(trimmed(session));
    if (!s) return s.error();
    if (!*s) return make_error(ErrorCode::NotFound, tr("Sesi opname {} tidak ditemukan.", session));
    return inventory_.opname_counts((*s)->id);
}

Result<std::vector<VarianceLine>> ManagerService::variance(const std::string& session) {
    auto s = inventory_.opname_by_number(trimmed(session));
    if (!s) return s.error();
    if (!*s) return make_error(ErrorCode::NotFound, tr("Sesi opname {} tidak ditemukan.", session));
    auto books = inventory_.opname_books((*s)->id, (*s)->full);
    if (!books) return books.error();
    return compute_variance(**s, *books);
}

Result<OpnameSession> ManagerService::post_opname(const std::string& session, const User& actor,
                                                  const std::optional<User>& approver) {
    MS_TRY(shop_.authorize(actor, Permission::ManageStock, approver));
    OpnameSession posted;
    auto st = inventory_.atomically([&]() -> Status {
        // Counts and books are read under the write lock: no scan can slip in between the
        // variance and its posting.
        auto s = open_session(session);
        if (!s) return s.error();
        auto books = inventory_.opname_books(s->id, s->full);
        if (!books) return books.error();
        auto lines = compute_variance(*s, *books);
        auto summary = summarize_variance(lines);
        std::string at = shop_.now_utc();
        Posting p;
        p.kind = "stock.opname";
        for (auto& l : lines) {
            if (l.variance == 0) continue;
            StockMove m;
            m.item_id = l.item_id;
            m.sku = l.sku;
            m.kind = StockMoveKind::Opname;
            m.qty = l.variance;
            m.unit_cost = l.unit_cost;
            m.ref = s->number;
            m.reason = "opname";
            m.at = at;
            m.user_id = actor.id;
            p.stock_moves.push_back(m);
        }
        p.audit.push_back({0, at, actor.id, approver ? approver->id : 0, "stock.opname", s->number,
                           fmt::format("{} barang dihitung, {} kurang ({}), {} lebih ({})", summary.items_counted,
                                       summary.items_short, summary.value_short.rupiah(), summary.items_over,
                                       summary.value_over.rupiah()),
                           shop_.settings().device});
        auto payload = posting_payload(p);
        payload["opname"] = {{"number", s->number}, {"full", s->full}, {"net_value", summary.net().rupiah()}};
        p.events.push_back(event("stock", payload));
        auto committed = store_.commit(std::move(p));
        if (!committed) return committed.error();
        posted = *s;
        posted.state = OpnameState::Posted;
        posted.posted_at = at;
        posted.posted_by = actor.id;
        posted.approver_id = approver ? approver->id : 0;
        return inventory_.close_opname(posted);
    });
    if (!st) return st.error();
    return posted;
}

Status ManagerService::cancel_opname(const std::string& session, const User& actor) {
    MS_TRY(shop_.authorize(actor, Permission::ManageStock, std::nullopt));
    auto s = open_session(session);
    if (!s) return s.error();
    s->state = OpnameState::Cancelled;
    s->posted_at = shop_.now_utc();
    s->posted_by = actor.id;
    return inventory_.close_opname(*s);
}

// [SECTION] Reorder and item card

Result<std::vector<ReorderLine>> ManagerService::reorder(const ReorderPolicy& policy) {
    if (policy.weeks <= 0 || policy.cover_days <= 0)
        return make_error(ErrorCode::Invalid, tr("Jumlah minggu dan hari persediaan harus lebih dari 0."));
    DateRange window = last_days(policy.weeks * 7);
    auto inputs = inventory_.reorder_inputs(window.from, window.to);
    if (!inputs) return inputs.error();
    for (auto& in : *inputs) in.window_days = policy.weeks * 7;
    return suggest_reorder(*inputs, policy);
}

Result<ItemCard> ManagerService::item_card(const std::string& code, const std::optional<DateRange>& range) {
    auto res = resolve(code);
    if (!res) return res.error();
    std::string begin, end = "9999";
    if (range) {
        MS_TRY(check_range(*range));
        std::tie(begin, end) = utc_bounds(*range, shop_.settings().utc_offset_minutes);
    }
    int64_t opening = 0;
    if (!begin.empty()) {
        auto o = reports_.stock_before(res->item.id, begin);
        if (!o) return o.error();
        opening = *o;
    }
    auto moves = reports_.stock_moves_between(res->item.id, begin, end);
    if (!moves) return moves.error();
    return core::item_card(res->item, opening, *moves);
}

// [SECTION] Prices and labels

Result<PriceChange> ManagerService::schedule_price(const User& actor, const std::string& code, Money price,
                                                   std::optional<Money> member_price, const std::string& effective_date,
                                                   const std::string& note) {
    MS_TRY(shop_.authorize(actor, Permission::ManageItems, std::nullopt));
    auto res = resolve(code);
    if (!res) return res.error();
    PriceChange c;
    c.item_id = res->item.id;
    c.sku = res->item.sku;
    c.name = res->item.name;
    c.price = price;
    // Without a new member price the old one stays, but never above the general price.
    c.member_price = member_price ? *member_price : std::min(res->item.member_price, price);
    c.effective_date = effective_date.empty() ? shop_.today_local() : effective_date;
    c.note = note;
    c.created_at = shop_.now_utc();
    c.created_by = actor.id;
    MS_TRY(validate_price_change(c));
    auto id = inventory_.insert_price_change(c);
    if (!id) return id.error();
    c.id = *id;
    if (c.effective_date <= shop_.today_local()) {
        auto applied = apply_due_prices();
        if (!applied) return applied.error();
        for (auto& a : *applied)
            if (a.id == c.id) c = a;
    }
    return c;
}

Result<std::vector<PriceChange>> ManagerService::apply_due_prices() {
    auto pending = inventory_.price_changes(true);
    if (!pending) return pending.error();
    std::vector<PriceChange> applied;
    for (auto c : due_price_changes(*pending, shop_.today_local())) {
        bool done = false;
        auto st = inventory_.atomically([&]() -> Status {
            auto it = store_.item_by_id(c.item_id);
            if (!it) return it.error();
            if (!*it) return make_error(ErrorCode::NotFound, tr("Barang {} tidak ditemukan.", c.sku));
            c.old_price = (*it)->price;
            c.old_member_price = (*it)->member_price;
            c.applied_at = shop_.now_utc();
            auto changed = inventory_.apply_price_change(c, c.applied_at);
            if (!changed) return changed.error();
            if (!*changed) return ok_status();   // another till applied it first
            Posting p;
            p.kind = "price.change";
            p.audit.push_back({0, c.applied_at, c.created_by, 0, "price.change", c.sku,
                               fmt::format("{} -> {}, anggota {} -> {}, berlaku {}", c.old_price.rupiah(), c.price.rupiah(),
                                           c.old_member_price.rupiah(), c.member_price.rupiah(), c.effective_date),
                               shop_.settings().device});
            p.events.push_back(event("price", {{"kind", "price.change"},
                                               {"sku", c.sku},
                                               {"price", c.price.rupiah()},
                                               {"member_price", c.member_price.rupiah()},
                                               {"effective_date", c.effective_date},
                                               {"applied_at", c.applied_at}}));
            auto committed = store_.commit(std::move(p));
            if (!committed) return committed.error();
            done = true;
            return ok_status();
        });
        if (!st) return st.error();
        if (done) applied.push_back(c);
    }
    return applied;
}

Result<std::vector<PriceChange>> ManagerService::price_changes(bool pending_only) {
    return inventory_.price_changes(pending_only);
}

Result<std::vector<ShelfLabel>> ManagerService::labels(const LabelQuery& q) {
    std::vector<ShelfLabel> out;
    std::set<ItemId> seen;
    for (auto& code : q.codes) {
        auto res = resolve(code);
        if (!res) return res.error();
        auto it = store_.item_by_id(res->item.id);   // with every barcode
        if (!it) return it.error();
        if (*it && seen.insert((*it)->id).second) out.push_back(shelf_label(**it));
    }
    if (!q.changed_since.empty()) {
        if (!valid_date(q.changed_since)) return make_error(ErrorCode::Invalid, tr("Tanggal harus ditulis YYYY-MM-DD."));
        auto changes = inventory_.price_changes(false);
        if (!changes) return changes.error();
        std::map<ItemId, std::string> latest;
        for (auto& c : *changes)
            if (!c.applied_at.empty() && c.effective_date >= q.changed_since)
                latest[c.item_id] = std::max(latest[c.item_id], c.effective_date);
        for (auto& [id, date] : latest) {
            if (seen.count(id)) continue;
            auto it = store_.item_by_id(id);
            if (!it) return it.error();
            if (*it) {
                seen.insert(id);
                out.push_back(shelf_label(**it, date));
            }
        }
    }
    return out;
}

}  // namespace waserda::core
