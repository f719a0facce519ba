// SqliteInventoryStore: the manager's documents on the shop's connection.
//
// [SECTION] Transaction, suppliers, counters
// [SECTION] Goods receipts
// [SECTION] Opname
// [SECTION] Price changes
// [SECTION] Reorder
#include "pos/store/inventory_store.hpp"

#include "pos/core/i18n.hpp"
#include "pos/store/rows.hpp"
#include "pos/store/summaries.hpp"
#include "pos/store/try.hpp"

#include <map>

namespace waserda::store {

using core::ErrorCode;
using core::Money;
using core::Result;
using core::Status;
#define TRY WASERDA_TRY

namespace {

Status done(const Statement& st) {
    if (st.last_rc() != SQLITE_DONE) return st.error();
    return core::ok_status();
}

constexpr const char* kSupplierCols = "id, code, name, phone, address, active";
core::Supplier read_supplier(const Statement& st) {
    return {st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.boolean(5)};
}

constexpr const char* kSessionCols =
    "id, number, note, full, state, opened_at, opened_by, posted_at, posted_by, approver_id";
core::OpnameSession read_session(const Statement& st) {
    core::OpnameSession s;
    s.id = st.int64(0);
    s.number = st.text(1);
    s.note = st.text(2);
    s.full = st.boolean(3);
    s.state = core::opname_state_from(st.text(4)).value_or(core::OpnameState::Open);
    s.opened_at = st.text(5);
    s.opened_by = st.int64(6);
    s.posted_at = st.text(7);
    s.posted_by = st.int64(8);
    s.approver_id = st.int64(9);
    return s;
}

}  // namespace

// [SECTION] Transaction, suppliers, counters

Status SqliteInventoryStore::atomically(const std::function<Status()>& body) {
    Transaction tx(db_);
    TRY(tx.begun());
    TRY(body());   // a failure returns here and the Transaction rolls everything back
    return tx.commit();
}

Result<int64_t> SqliteInventoryStore::save_supplier(const core::Supplier& s) {
    auto st = db_.prepare(
        "INSERT INTO suppliers(code, name, phone, address, active) VALUES(?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET "
        "name = excluded.name, phone = excluded.phone, address = excluded.address, active = excluded.active RETURNING id");
    if (!st) return st.error();
    st->bind(1, s.code).bind(2, s.name).bind(3, s.phone).bind(4, s.address).bind(5, s.active);
    if (!st->step()) return st->error();
    return st->int64(0);
}

Result<std::optional<core::Supplier>> SqliteInventoryStore::supplier_by_code(const std::string& code) {
    auto st = db_.prepare(std::string("SELECT ") + kSupplierCols + " FROM suppliers WHERE code = ?");
    if (!st) return st.error();
    st->bind(1, code);
    if (st->step()) return std::optional<core::Supplier>{read_supplier(*st)};
    TRY(done(*st));
    return std::optional<core::Supplier>{};
}

Result<std::vector<core::Supplier>> SqliteInventoryStore::list_suppliers() {
    auto st = db_.prepare(std::string("SELECT ") + kSupplierCols + " FROM suppliers ORDER BY code");
    if (!st) return st.error();
    std::vector<core::Supplier> out;
    while (st->step()) out.push_back(read_supplier(*st));
    TRY(done(*st));
    return out;
}

Result<int> SqliteInventoryStore::next_document_counter(const std::string& prefix) {
    auto st = db_.prepare(
        "INSERT INTO doc_counters(prefix, last) VALUES(?, 1) ON CONFLICT(prefix) DO UPDATE SET last = last + 1 RETURNING last");
    if (!st) return st.error();
    st->bind(1, prefix);
    if (!st->step()) return st->error();
    return static_cast<int>(st->int64(0));
}

// [SECTION] Goods receipts

Status SqliteInventoryStore::insert_receipt(core::GoodsReceipt& r) {
    auto st = db_.prepare(
        "INSERT INTO goods_receipts(number, kind, supplier_id, invoice_ref, at, local_date, user_id, note, total) "
        "VALUES(?,?,?,?,?,?,?,?,?)");
    if (!st) return st.error();
    TRY(st->bind(1, r.number).bind(2, core::to_string(r.kind)).bind(3, r.supplier_id).bind(4, r.invoice_ref).bind(5, r.at)
            .bind(6, r.local_date).bind(7, r.user_id).bind(8, r.note).bind(9, r.total().rupiah()).run());
    r.id = db_.last_insert_id();
    for (auto& l : r.lines) {
        auto li = db_.prepare(
            "INSERT INTO goods_receipt_lines(receipt_id, line_no, item_id, qty, unit_cost, expiry, cost_before, cost_after) "
            "VALUES(?,?,?,?,?,?,?,?)");
        if (!li) return li.error();
        TRY(li->bind(1, r.id).bind(2, l.line_no).bind(3, l.item_id).bind(4, l.qty).bind(5, l.unit_cost.rupiah())
                .bind(6, l.expiry).bind(7, l.cost_before.rupiah()).bind(8, l.cost_after.rupiah()).run());
    }
    return core::ok_status();
}

Status SqliteInventoryStore::set_item_cost(core::ItemId item, Money cost) {
    auto st = db_.prepare("UPDATE items SET cost = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?");
    if (!st) return st.error();
    TRY(st->bind(1, cost.rupiah()).bind(2, item).run());
    if (db_.changes() != 1) return core::make_error(ErrorCode::NotFound, core::tr("Barang tidak ditemukan."));
    return core::ok_status();
}

namespace {
constexpr const char* kReceiptCols =
    "r.id, r.number, r.kind, r.supplier_id, s.code, s.name, r.invoice_ref, r.at, r.local_date, r.user_id, r.note";
core::GoodsReceipt read_receipt(const Statement& st) {
    core::GoodsReceipt r;
    r.id = st.int64(0);
    r.number = st.text(1);
    r.kind = st.text(2) == "return" ? core::ReceiptKind::SupplierReturn : core::ReceiptKind::Receipt;
    r.supplier_id = st.int64(3);
    r.supplier_code = st.text(4);
    r.supplier_name = st.text(5);
    r.invoice_ref = st.text(6);
    r.at = st.text(7);
    r.local_date = st.text(8);
    r.user_id = st.int64(9);
    r.note = st.text(10);
    return r;
}
}  // namespace

Status SqliteInventoryStore::load_lines(core::GoodsReceipt& r) {
    auto st = db_.prepare(
        "SELECT l.line_no, l.item_id, i.sku, i.name, i.weighed, l.qty, l.unit_cost, l.expiry, l.cost_before, l.cost_after "
        "FROM goods_receipt_lines l JOIN items i ON i.id = l.item_id WHERE l.receipt_id = ? ORDER BY l.line_no");
    if (!st) return st.error();
    st->bind(1, r.id);
    while (st->step()) {
        core::ReceiptLine l;
        l.line_no = static_cast<int>(st->int64(0));
        l.item_id = st->int64(1);
        l.sku = st->text(2);
        l.name = st->text(3);
        l.weighed = st->boolean(4);
        l.qty = st->int64(5);
        l.unit_cost = Money::rp(st->int64(6));
        l.expiry = st->text(7);
        l.cost_before = Money::rp(st->int64(8));
        l.cost_after = Money::rp(st->int64(9));
        r.lines.push_back(std::move(l));
    }
    return done(*st);
}

Result<std::optional<core::GoodsReceipt>> SqliteInventoryStore::receipt_by_number(const std::string& number) {
    core::GoodsReceipt r;
    {
        auto st = db_.prepare(std::string("SELECT ") + kReceiptCols +
                              " FROM goods_receipts r JOIN suppliers s ON s.id = r.supplier_id WHERE r.number = ?");
        if (!st) return st.error();
        st->bind(1, number);
        if (!st->step()) {
            TRY(done(*st));
            return std::optional<core::GoodsReceipt>{};
        }
        r = read_receipt(*st);
    }
    TRY(load_lines(r));
    return std::optional<core::GoodsReceipt>{std::move(r)};
}

Result<std::vector<core::GoodsReceipt>> SqliteInventoryStore::receipts_between(const std::string& from_date,
                                                                               const std::string& to_date) {
    std::vector<core::GoodsReceipt> out;
    {
        auto st = db_.prepare(std::string("SELECT ") + kReceiptCols +
                              " FROM goods_receipts r JOIN suppliers s ON s.id = r.supplier_id "
                              "WHERE r.local_date BETWEEN ? AND ? ORDER BY r.id");
        if (!st) return st.error();
        st->bind(1, from_date).bind(2, to_date);
        while (st->step()) out.push_back(read_receipt(*st));
        TRY(done(*st));
    }
    for (auto& r : out) TRY(load_lines(r));
    return out;
}

// [SECTION] Opname

Result<int64_t> SqliteInventoryStore::insert_opname(const core::OpnameSession& s) {
    auto st = db_.prepare("INSERT INTO opname_sessions(number, note, full, state, opened_at, opened_by) VALUES(?,?,?,?,?,?)");
    if (!st) return st.error();
    TRY(st->bind(1, s.number).bind(2, s.note).bind(3, s.full).bind(4, core::to_string(s.state)).bind(5, s.opened_at)
            .bind(6, s.opened_by).run());
    return db_.last_insert_id();
}

Result<std::optional<core::OpnameSession>> SqliteInventoryStore::opname_by_number(const std::string& number) {
    auto st = db_.prepare(std::string("SELECT ") + kSessionCols + " FROM opname_sessions WHERE number = ?");
    if (!st) return st.error();
    st->bind(1, number);
    if (st->step()) return std::optional<core::OpnameSession>{read_session(*st)};
    TRY(done(*st));
    return std::optional<core::OpnameSession>{};
}

Result<std::vector<core::OpnameSession>> SqliteInventoryStore::opname_sessions() {
    auto st = db_.prepare(std::string("SELECT ") + kSessionCols + " FROM opname_sessions ORDER BY id DESC");
    if (!st) return st.error();
    std::vector<core::OpnameSession> out;
    while (st->step()) out.push_back(read_session(*st));
    TRY(done(*st));
    return out;
}

Result<int64_t> SqliteInventoryStore::record_count(int64_t session_id, const std::string& counter, core::ItemId item,
                                                   int64_t qty, bool replace, const std::string& at) {
    // The newest move id marks the moment of the count: moves after it happened after the count.
    auto st = db_.prepare(
        "INSERT INTO opname_counts(session_id, item_id, counter, qty, last_move_id, updated_at) "
        "VALUES(?1, ?2, ?3, MAX(?4, 0), (SELECT COALESCE(MAX(id), 0) FROM stock_moves), ?5) "
        "ON CONFLICT(session_id, item_id, counter) DO UPDATE SET "
        "qty = CASE WHEN ?6 THEN MAX(?4, 0) ELSE MAX(qty + ?4, 0) END, last_move_id = excluded.last_move_id, "
        "updated_at = excluded.updated_at RETURNING qty");
    if (!st) return st.error();
    st->bind(1, session_id).bind(2, item).bind(3, counter).bind(4, qty).bind(5, at).bind(6, replace);
    if (!st->step()) return st->error();
    return st->int64(0);
}

Result<std::vector<core::OpnameCount>> SqliteInventoryStore::opname_counts(int64_t session_id) {
    auto st = db_.prepare(
        "SELECT session_id, counter, item_id, qty, last_move_id, updated_at FROM opname_counts WHERE session_id = ? "
        "ORDER BY counter, item_id");
    if (!st) return st.error();
    st->bind(1, session_id);
    std::vector<core::OpnameCount> out;
    while (st->step()) out.push_back({st->int64(0), st->text(1), st->int64(2), st->int64(3), st->int64(4), st->text(5)});
    TRY(done(*st));
    return out;
}

Result<std::vector<core::OpnameBook>> SqliteInventoryStore::opname_books(int64_t session_id, bool all_items) {
    struct Counted {
        int64_t qty = 0;
        int64_t last_move_id = 0;
        std::vector<std::string> counters;
    };
    std::map<core::ItemId, Counted> counted;
    {
        auto st = db_.prepare("SELECT item_id, counter, qty, last_move_id FROM opname_counts WHERE session_id = ? ORDER BY item_id, counter");
        if (!st) return st.error();
        st->bind(1, session_id);
        while (st->step()) {
            auto& c = counted[st->int64(0)];
            c.counters.push_back(st->text(1));
            c.qty += st->int64(2);
            c.last_move_id = std::max(c.last_move_id, st->int64(3));
        }
        TRY(done(*st));
    }
    std::vector<core::OpnameBook> out;
    auto add = [&](const core::Item& item) -> Status {
        core::OpnameBook b;
        b.item = item;
        if (auto f = counted.find(item.id); f != counted.end()) {
            b.was_counted = true;
            b.counted = f->second.qty;
            b.counters = f->second.counters;
            auto mv = db_.prepare("SELECT COALESCE(SUM(qty), 0) FROM stock_moves WHERE item_id = ? AND id > ?");
            if (!mv) return mv.error();
            mv->bind(1, item.id).bind(2, f->second.last_move_id);
            if (!mv->step()) return mv->error();
            b.moves_after_count = mv->int64(0);
        }
        out.push_back(std::move(b));
        return core::ok_status();
    };
    if (all_items) {
        auto st = db_.prepare(std::string("SELECT ") + kItemCols + " FROM items i ORDER BY i.sku");
        if (!st) return st.error();
        std::vector<core::Item> items;
        while (st->step()) items.push_back(read_item(*st));
        TRY(done(*st));
        for (auto& it : items) TRY(add(it));
    } else {
        for (auto& [id, c] : counted) {
            auto st = db_.prepare(std::string("SELECT ") + kItemCols + " FROM items i WHERE i.id = ?");
            if (!st) return st.error();
            st->bind(1, id);
            if (!st->step()) continue;
            core::Item it = read_item(*st);
            TRY(add(it));
        }
    }
    return out;
}

Status SqliteInventoryStore::close_opname(const core::OpnameSession& s) {
    auto st = db_.prepare(
        "UPDATE opname_sessions SET state = ?, posted_at = ?, posted_by = ?, approver_id = ? WHERE id = ? AND state = 'open'");
    if (!st) return st.error();
    TRY(st->bind(1, core::to_string(s.state)).bind(2, s.posted_at).bind(3, s.posted_by).bind(4, s.approver_id).bind(5, s.id).run());
    if (db_.changes() != 1) return core::make_error(ErrorCode::Conflict, core::tr("Sesi opname {} sudah ditutup.", s.number));
    return core::ok_status();
}

// [SECTION] Price changes

Result<int64_t> SqliteInventoryStore::insert_price_change(const core::PriceChange& c) {
    auto st = db_.prepare(
        "INSERT INTO price_changes(item_id, price, member_price, effective_date, note, created_at, created_by) VALUES(?,?,?,?,?,?,?)");
    if (!st) return st.error();
    TRY(st->bind(1, c.item_id).bind(2, c.price.rupiah()).bind(3, c.member_price.rupiah()).bind(4, c.effective_date)
            .bind(5, c.note).bind(6, c.created_at).bind(7, c.created_by).run());
    return db_.last_insert_id();
}

Result<std::vector<core::PriceChange>> SqliteInventoryStore::price_changes(bool pending_only) {
    auto st = db_.prepare(
        "SELECT c.id, c.item_id, i.sku, i.name, c.price, c.member_price, c.effective_date, c.note, c.created_at, c.created_by, "
        "COALESCE(c.applied_at, ''), COALESCE(c.old_price, 0), COALESCE(c.old_member_price, 0) "
        "FROM price_changes c JOIN items i ON i.id = c.item_id WHERE NOT ?1 OR c.applied_at IS NULL "
        "ORDER BY c.effective_date, c.id");
    if (!st) return st.error();
    st->bind(1, pending_only);
    std::vector<core::PriceChange> out;
    while (st->step()) {
        core::PriceChange c;
        c.id = st->int64(0);
        c.item_id = st->int64(1);
        c.sku = st->text(2);
        c.name = st->text(3);
        c.price = Money::rp(st->int64(4));
        c.member_price = Money::rp(st->int64(5));
        c.effective_date = st->text(6);
        c.note = st->text(7);
        c.created_at = st->text(8);
        c.created_by = st->int64(9);
        c.applied_at = st->text(10);
        c.old_price = Money::rp(st->int64(11));
        c.old_member_price = Money::rp(st->int64(12));
        out.push_back(std::move(c));
    }
    TRY(done(*st));
    return out;
}

Result<bool> SqliteInventoryStore::apply_price_change(const core::PriceChange& c, const std::string& at) {
    auto mark = db_.prepare(
        "UPDATE price_changes SET applied_at = ?, old_price = ?, old_member_price = ? WHERE id = ? AND applied_at IS NULL");
    if (!mark) return mark.error();
    TRY(mark->bind(1, at).bind(2, c.old_price.rupiah()).bind(3, c.old_member_price.rupiah()).bind(4, c.id).run());
    if (db_.changes() == 0) return false;
    auto st = db_.prepare(
        "UPDATE items SET price = ?, member_price = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?");
    if (!st) return st.error();
    TRY(st->bind(1, c.price.rupiah()).bind(2, c.member_price.rupiah()).bind(3, c.item_id).run());
    if (db_.changes() != 1) return core::make_error(ErrorCode::NotFound, core::tr("Barang {} tidak ditemukan.", c.sku));
    return true;
}

// [SECTION] Reorder

Result<std::vector<core::ReorderInput>> SqliteInventoryStore::reorder_inputs(const std::string& from, const std::string& to) {
    TRY(fold_summaries(db_));
    std::vector<core::ReorderInput> out;
    {
        auto st = db_.prepare(std::string("SELECT ") + kItemCols +
                              " FROM items i WHERE i.active = 1 AND i.on_hand <= i.min_stock ORDER BY i.sku");
        if (!st) return st.error();
        while (st->step()) out.push_back({read_item(*st), 0, 28, "", "", {}});
        TRY(done(*st));
    }
    for (auto& in : out) {
        auto bc = db_.prepare("SELECT code, pack_qty FROM barcodes WHERE item_id = ? ORDER BY pack_qty, code");
        if (!bc) return bc.error();
        bc->bind(1, in.item.id);
        while (bc->step()) in.item.barcodes.push_back({bc->text(0), bc->int64(1)});
        auto sold = db_.prepare("SELECT COALESCE(SUM(qty), 0) FROM daily_item_sales WHERE item_id = ? AND local_date BETWEEN ? AND ?");
        if (!sold) return sold.error();
        sold->bind(1, in.item.id).bind(2, from).bind(3, to);
        if (!sold->step()) return sold->error();
        in.sold_in_window = sold->int64(0);
        auto last = db_.prepare(
            "SELECT s.code, s.name, l.unit_cost FROM goods_receipt_lines l JOIN goods_receipts r ON r.id = l.receipt_id "
            "JOIN suppliers s ON s.id = r.supplier_id WHERE l.item_id = ? AND r.kind = 'receipt' ORDER BY r.id DESC LIMIT 1");
        if (!last) return last.error();
        last->bind(1, in.item.id);
        if (last->step()) {
            in.supplier_code = last->text(0);
            in.supplier_name = last->text(1);
            in.last_cost = Money::rp(last->int64(2));
        }
    }
    return out;
}

}  // namespace waserda::store
