// SqliteStore: postings (sales, returns, ledger entries) written in one transaction; shifts; sales.
#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/store/summaries.hpp"
#include "pos/store/try.hpp"

namespace waserda::store {

using core::ErrorCode;
using core::Money;
using core::Result;
using core::Status;
#define TRY WASERDA_TRY

namespace {

int day_seq_of(const std::string& number) {
    auto dash = number.rfind('-');
    if (dash == std::string::npos) return 0;
    try {
        return std::stoi(number.substr(dash + 1));
    } catch (...) {
        return 0;
    }
}

const char* balance_column(core::SavingsType t) {
    switch (t) {
        case core::SavingsType::Pokok: return "pokok";
        case core::SavingsType::Wajib: return "wajib";
        case core::SavingsType::Sukarela: return "sukarela";
    }
    return "sukarela";
}

}  // namespace

Status SqliteStore::insert_event(const core::OutboxEvent& e, const std::string& ref, int64_t* seq_out) {
    auto st = db_->prepare("INSERT INTO outbox(uuid, device, kind, payload, created_at, ref) VALUES(?,?,?,?,?,?)");
    if (!st) return st.error();
    TRY(st->bind(1, e.uuid).bind(2, e.device).bind(3, e.kind).bind(4, e.payload).bind(5, e.created_at).bind(6, ref).run());
    if (seq_out) *seq_out = db_->last_insert_id();
    return core::ok_status();
}

// [SECTION] commit: everything one act records, or nothing

Status SqliteStore::atomically(const std::function<Status()>& body) {
    Transaction tx(*db_);
    TRY(tx.begun());
    TRY(body());   // a failure returns here and the Transaction rolls everything back
    return tx.commit();
}

Result<core::Posting> SqliteStore::commit(core::Posting p) {
    Transaction tx(*db_);
    TRY(tx.begun());
    std::string ref;
    if (p.sale) {
        core::Sale& s = *p.sale;
        ref = s.uuid;
        auto st = db_->prepare(
            "INSERT INTO sales(uuid, number, device, day_seq, kind, original_number, at, local_date, user_id, user_name, "
            "approver_id, shift_id, member_id, member_number, member_name, subtotal, discount, rounding, total, change, dpp, ppn, "
            "member_available_credit, member_sukarela) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        if (!st) return st.error();
        st->bind(1, s.uuid).bind(2, s.number).bind(3, s.device).bind(4, day_seq_of(s.number))
            .bind(5, s.kind == core::SaleKind::Sale ? "sale" : "return").bind(6, s.original_number).bind(7, s.at)
            .bind(8, s.local_date).bind(9, s.user_id).bind(10, s.user_name).bind(11, s.approver_id);
        if (s.shift_id) st->bind(12, s.shift_id);
        else st->bind_null(12);
        st->bind(13, s.member_id).bind(14, s.member_number).bind(15, s.member_name).bind(16, s.subtotal.rupiah())
            .bind(17, s.discount.rupiah()).bind(18, s.rounding.rupiah()).bind(19, s.total.rupiah())
            .bind(20, s.change.rupiah()).bind(21, s.dpp.rupiah()).bind(22, s.ppn.rupiah());
        if (s.member_available_credit) st->bind(23, s.member_available_credit->rupiah());
        else st->bind_null(23);
        if (s.member_sukarela) st->bind(24, s.member_sukarela->rupiah());
        else st->bind_null(24);
        TRY(st->run());
        s.id = db_->last_insert_id();

        int64_t original_id = 0;
        if (s.kind == core::SaleKind::Return) {
            auto o = db_->prepare("SELECT id FROM sales WHERE number = ? AND kind = 'sale'");
            if (!o) return o.error();
            o->bind(1, s.original_number);
            if (!o->step()) return core::make_error(ErrorCode::NotFound, core::tr("Struk {} tidak ditemukan.", s.original_number));
            original_id = o->int64(0);
        }
        for (auto& l : s.lines) {
            auto li = db_->prepare(
                "INSERT INTO sale_lines(sale_id, line_no, item_id, sku, name, code, unit, weighed, taxable, qty, unit_price, "
                "price_kind, discount, total, unit_cost, original_line_no) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            if (!li) return li.error();
            TRY(li->bind(1, s.id).bind(2, l.line_no).bind(3, l.item_id).bind(4, l.sku).bind(5, l.name).bind(6, l.code)
                    .bind(7, l.unit).bind(8, l.weighed).bind(9, l.taxable).bind(10, l.qty).bind(11, l.unit_price.rupiah())
                    .bind(12, core::to_string(l.price_kind)).bind(13, l.discount.rupiah()).bind(14, l.total.rupiah())
                    .bind(15, l.unit_cost.rupiah()).bind(16, l.original_line_no).run());
            if (original_id) {
                // A line can never be returned more than was sold, even by two tills at once.
                auto up = db_->prepare(
                    "UPDATE sale_lines SET returned_qty = returned_qty + ?1 WHERE sale_id = ?2 AND line_no = ?3 "
                    "AND returned_qty + ?1 <= qty");
                if (!up) return up.error();
                TRY(up->bind(1, -l.qty).bind(2, original_id).bind(3, l.original_line_no).run());
                if (db_->changes() != 1)
                    return core::make_error(ErrorCode::Conflict, core::tr("{} dari struk {} sudah diretur.", l.name, s.original_number));
            }
        }
        for (auto& pay : s.payments) {
            auto pi = db_->prepare("INSERT INTO sale_payments(sale_id, method, amount, tendered, reference) VALUES(?,?,?,?,?)");
            if (!pi) return pi.error();
            TRY(pi->bind(1, s.id).bind(2, core::to_string(pay.method)).bind(3, pay.amount.rupiah())
                    .bind(4, pay.tendered.rupiah()).bind(5, pay.reference).run());
        }
        // The summaries take this sale in a later batch (summaries.hpp); this one folds when due.
        if (++sales_since_fold_ >= kFoldEvery) {
            TRY(fold_summaries(*db_));
            sales_since_fold_ = 0;
        }
    }
    for (auto& m : p.stock_moves) {
        auto st = db_->prepare("INSERT INTO stock_moves(item_id, kind, qty, unit_cost, ref, reason, at, user_id) VALUES(?,?,?,?,?,?,?,?)");
        if (!st) return st.error();
        TRY(st->bind(1, m.item_id).bind(2, core::to_string(m.kind)).bind(3, m.qty).bind(4, m.unit_cost.rupiah())
                .bind(5, m.ref).bind(6, m.reason).bind(7, m.at).bind(8, m.user_id).run());
        m.id = db_->last_insert_id();
        auto up = db_->prepare("UPDATE items SET on_hand = on_hand + ? WHERE id = ?");
        if (!up) return up.error();
        TRY(up->bind(1, m.qty).bind(2, m.item_id).run());
        if (db_->changes() != 1) return core::make_error(ErrorCode::NotFound, core::tr("Barang {} tidak ditemukan.", m.sku));
    }
    for (auto& e : p.savings) {
        auto st = db_->prepare("INSERT INTO savings_entries(member_id, type, kind, amount, ref, note, at, user_id) VALUES(?,?,?,?,?,?,?,?)");
        if (!st) return st.error();
        TRY(st->bind(1, e.member_id).bind(2, core::to_string(e.type)).bind(3, core::to_string(e.kind))
                .bind(4, e.amount.rupiah()).bind(5, e.ref).bind(6, e.note).bind(7, e.at).bind(8, e.user_id).run());
        e.id = db_->last_insert_id();
        auto ensure = db_->prepare("INSERT OR IGNORE INTO member_balances(member_id) VALUES(?)");
        if (!ensure) return ensure.error();
        TRY(ensure->bind(1, e.member_id).run());
        std::string col = balance_column(e.type);
        auto up = db_->prepare("UPDATE member_balances SET " + col + " = " + col + " + ? WHERE member_id = ?");
        if (!up) return up.error();
        TRY(up->bind(1, e.amount.rupiah()).bind(2, e.member_id).run());
    }
    for (auto& r : p.receivables) {
        auto st = db_->prepare("INSERT INTO receivable_entries(member_id, kind, amount, ref, note, at, user_id) VALUES(?,?,?,?,?,?,?)");
        if (!st) return st.error();
        TRY(st->bind(1, r.member_id).bind(2, core::to_string(r.kind)).bind(3, r.amount.rupiah()).bind(4, r.ref)
                .bind(5, r.note).bind(6, r.at).bind(7, r.user_id).run());
        r.id = db_->last_insert_id();
        auto ensure = db_->prepare("INSERT OR IGNORE INTO member_balances(member_id) VALUES(?)");
        if (!ensure) return ensure.error();
        TRY(ensure->bind(1, r.member_id).run());
        auto up = db_->prepare("UPDATE member_balances SET owed = owed + ? WHERE member_id = ?");
        if (!up) return up.error();
        TRY(up->bind(1, r.amount.rupiah()).bind(2, r.member_id).run());
    }
    for (auto& c : p.cash_moves) {
        auto st = db_->prepare("INSERT INTO cash_moves(shift_id, amount, kind, ref, at) VALUES(?,?,?,?,?)");
        if (!st) return st.error();
        TRY(st->bind(1, c.shift_id).bind(2, c.amount.rupiah()).bind(3, c.kind).bind(4, c.ref).bind(5, c.at).run());
    }
    for (auto& a : p.audit) {
        TRY(append_audit(a));
        a.id = db_->last_insert_id();
    }
    for (auto& e : p.events) TRY(insert_event(e, ref, &e.seq));
    if (!p.clear_open_cart_of_device.empty()) {
        auto st = db_->prepare("DELETE FROM open_carts WHERE device = ?");
        if (!st) return st.error();
        TRY(st->bind(1, p.clear_open_cart_of_device).run());
    }
    TRY(tx.commit());
    return p;
}

Status SqliteStore::append_audit(const core::AuditEntry& a) {
    auto st = db_->prepare("INSERT INTO audit_log(at, user_id, approver_id, action, ref, detail, device) VALUES(?,?,?,?,?,?,?)");
    if (!st) return st.error();
    return st->bind(1, a.at).bind(2, a.user_id).bind(3, a.approver_id).bind(4, a.action).bind(5, a.ref).bind(6, a.detail)
        .bind(7, a.device).run();
}

Result<std::vector<core::AuditEntry>> SqliteStore::audit_entries(int limit) {
    auto st = db_->prepare("SELECT id, at, user_id, approver_id, action, ref, detail, device FROM audit_log ORDER BY id DESC LIMIT ?");
    if (!st) return st.error();
    st->bind(1, limit);
    std::vector<core::AuditEntry> out;
    while (st->step())
        out.push_back({st->int64(0), st->text(1), st->int64(2), st->int64(3), st->text(4), st->text(5), st->text(6), st->text(7)});
    return out;
}

// [SECTION] Sales

Result<int> SqliteStore::next_sale_counter(const std::string& device, const std::string& local_date) {
    auto st = db_->prepare("SELECT COALESCE(MAX(day_seq), 0) + 1 FROM sales WHERE device = ? AND local_date = ?");
    if (!st) return st.error();
    st->bind(1, device).bind(2, local_date);
    if (!st->step()) return st->error();
    return static_cast<int>(st->int64(0));
}

namespace {
constexpr const char* kSaleCols =
    "id, uuid, number, device, kind, original_number, at, local_date, user_id, user_name, approver_id, shift_id, member_id, "
    "member_number, member_name, subtotal, discount, rounding, total, change, dpp, ppn, member_available_credit, member_sukarela";

core::Sale read_sale(const Statement& st) {
    core::Sale s;
    s.id = st.int64(0);
    s.uuid = st.text(1);
    s.number = st.text(2);
    s.device = st.text(3);
    s.kind = st.text(4) == "return" ? core::SaleKind::Return : core::SaleKind::Sale;
    s.original_number = st.text(5);
    s.at = st.text(6);
    s.local_date = st.text(7);
    s.user_id = st.int64(8);
    s.user_name = st.text(9);
    s.approver_id = st.int64(10);
    s.shift_id = st.int64(11);
    if (!st.is_null(12)) s.member_id = st.int64(12);
    s.member_number = st.text(13);
    s.member_name = st.text(14);
    s.subtotal = Money::rp(st.int64(15));
    s.discount = Money::rp(st.int64(16));
    s.rounding = Money::rp(st.int64(17));
    s.total = Money::rp(st.int64(18));
    s.change = Money::rp(st.int64(19));
    s.dpp = Money::rp(st.int64(20));
    s.ppn = Money::rp(st.int64(21));
    if (!st.is_null(22)) s.member_available_credit = Money::rp(st.int64(22));
    if (!st.is_null(23)) s.member_sukarela = Money::rp(st.int64(23));
    return s;
}
}  // namespace

Status SqliteStore::load_sale_details(core::Sale& s) {
    auto li = db_->prepare(
        "SELECT line_no, item_id, sku, name, code, unit, weighed, taxable, qty, unit_price, price_kind, discount, total, "
        "unit_cost, original_line_no, returned_qty FROM sale_lines WHERE sale_id = ? ORDER BY line_no");
    if (!li) return li.error();
    li->bind(1, s.id);
    while (li->step()) {
        core::SaleLine l;
        l.line_no = static_cast<int>(li->int64(0));
        l.item_id = li->int64(1);
        l.sku = li->text(2);
        l.name = li->text(3);
        l.code = li->text(4);
        l.unit = li->text(5);
        l.weighed = li->boolean(6);
        l.taxable = li->boolean(7);
        l.qty = li->int64(8);
        l.unit_price = Money::rp(li->int64(9));
        l.price_kind = core::price_kind_from(li->text(10)).value_or(core::PriceKind::General);
        l.discount = Money::rp(li->int64(11));
        l.total = Money::rp(li->int64(12));
        l.unit_cost = Money::rp(li->int64(13));
        l.original_line_no = static_cast<int>(li->int64(14));
        l.returned_qty = li->int64(15);
        s.lines.push_back(l);
    }
    auto pi = db_->prepare("SELECT method, amount, tendered, reference FROM sale_payments WHERE sale_id = ? ORDER BY rowid");
    if (!pi) return pi.error();
    pi->bind(1, s.id);
    while (pi->step()) {
        core::Payment p;
        p.method = core::payment_method_from(pi->text(0)).value_or(core::PaymentMethod::Cash);
        p.amount = Money::rp(pi->int64(1));
        p.tendered = Money::rp(pi->int64(2));
        p.reference = pi->text(3);
        s.payments.push_back(p);
    }
    return core::ok_status();
}

Result<std::optional<core::Sale>> SqliteStore::sale_by_number(const std::string& number) {
    core::Sale s;
    {
        auto st = db_->prepare(std::string("SELECT ") + kSaleCols + " FROM sales WHERE number = ?");
        if (!st) return st.error();
        st->bind(1, number);
        if (!st->step()) return std::optional<core::Sale>{};
        s = read_sale(*st);
    }
    TRY(load_sale_details(s));
    return std::optional<core::Sale>{std::move(s)};
}

Result<bool> SqliteStore::sale_exists(const std::string& uuid) {
    auto st = db_->prepare("SELECT 1 FROM sales WHERE uuid = ?");
    if (!st) return st.error();
    st->bind(1, uuid);
    bool found = st->step();
    if (!found && st->last_rc() != SQLITE_DONE) return st->error();
    return found;
}

Result<std::vector<core::Sale>> SqliteStore::recent_sales(const std::string& device, int limit) {
    std::vector<core::Sale> out;
    {
        auto st = db_->prepare(std::string("SELECT ") + kSaleCols + " FROM sales WHERE device = ? ORDER BY id DESC LIMIT ?");
        if (!st) return st.error();
        st->bind(1, device).bind(2, limit);
        while (st->step()) out.push_back(read_sale(*st));
    }
    for (auto& s : out) TRY(load_sale_details(s));
    return out;
}

Result<std::vector<core::StockMove>> SqliteStore::stock_moves(core::ItemId item, int limit) {
    auto st = db_->prepare(
        "SELECT m.id, m.item_id, i.sku, m.kind, m.qty, m.unit_cost, m.ref, m.reason, m.at, m.user_id "
        "FROM stock_moves m JOIN items i ON i.id = m.item_id WHERE m.item_id = ? ORDER BY m.id DESC LIMIT ?");
    if (!st) return st.error();
    st->bind(1, item).bind(2, limit);
    std::vector<core::StockMove> out;
    while (st->step()) {
        core::StockMove m;
        m.id = st->int64(0);
        m.item_id = st->int64(1);
        m.sku = st->text(2);
        m.kind = core::stock_move_kind_from(st->text(3)).value_or(core::StockMoveKind::Adjustment);
        m.qty = st->int64(4);
        m.unit_cost = Money::rp(st->int64(5));
        m.ref = st->text(6);
        m.reason = st->text(7);
        m.at = st->text(8);
        m.user_id = st->int64(9);
        out.push_back(m);
    }
    return out;
}

// [SECTION] Shifts

Result<int64_t> SqliteStore::open_shift(const core::Shift& s, const core::OutboxEvent& event) {
    Transaction tx(*db_);
    TRY(tx.begun());
    auto st = db_->prepare("INSERT INTO shifts(uuid, device, user_id, user_name, opening_float, opened_at) VALUES(?,?,?,?,?,?)");
    if (!st) return st.error();
    if (auto r = st->bind(1, s.uuid).bind(2, s.device).bind(3, s.user_id).bind(4, s.user_name)
                     .bind(5, s.opening_float.rupiah()).bind(6, s.opened_at).run(); !r) {
        if (r.error().code == ErrorCode::Conflict)
            return core::make_error(ErrorCode::Conflict, core::tr("Masih ada shift terbuka di kasir {}.", s.device));
        return r.error();
    }
    int64_t id = db_->last_insert_id();
    TRY(insert_event(event, s.uuid, nullptr));
    TRY(tx.commit());
    return id;
}

namespace {
constexpr const char* kShiftCols =
    "id, uuid, device, user_id, user_name, opening_float, opened_at, COALESCE(closed_at, ''), COALESCE(closed_by, 0), "
    "counted_cash, COALESCE(expected_cash, 0), COALESCE(denominations, '')";

core::Shift read_shift(const Statement& st) {
    core::Shift s;
    s.id = st.int64(0);
    s.uuid = st.text(1);
    s.device = st.text(2);
    s.user_id = st.int64(3);
    s.user_name = st.text(4);
    s.opening_float = Money::rp(st.int64(5));
    s.opened_at = st.text(6);
    s.closed_at = st.text(7);
    s.closed_by = st.int64(8);
    if (!st.is_null(9)) s.counted_cash = Money::rp(st.int64(9));
    s.expected_cash = Money::rp(st.int64(10));
    auto den = nlohmann::json::parse(st.text(11), nullptr, false);
    if (den.is_object())
        for (auto& [k, v] : den.items())
            if (v.is_number_integer()) s.denominations[std::stoll(k)] = v.get<int64_t>();
    return s;
}
}  // namespace

Result<std::optional<core::Shift>> SqliteStore::current_shift(const std::string& device) {
    auto st = db_->prepare(std::string("SELECT ") + kShiftCols + " FROM shifts WHERE device = ? AND closed_at IS NULL");
    if (!st) return st.error();
    st->bind(1, device);
    if (st->step()) return std::optional<core::Shift>{read_shift(*st)};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<core::Shift>{};
}

Result<std::optional<core::Shift>> SqliteStore::shift_by_id(int64_t id) {
    auto st = db_->prepare(std::string("SELECT ") + kShiftCols + " FROM shifts WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, id);
    if (st->step()) return std::optional<core::Shift>{read_shift(*st)};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<core::Shift>{};
}

Result<core::ShiftFigures> SqliteStore::shift_figures(int64_t shift_id) {
    core::ShiftFigures f;
    auto shift = shift_by_id(shift_id);
    if (!shift) return shift.error();
    if (!*shift) return core::make_error(ErrorCode::NotFound, core::tr("Shift tidak ditemukan."));
    f.opening_float = (*shift)->opening_float;
    {
        auto st = db_->prepare("SELECT kind, COUNT(*), SUM(total), SUM(discount), SUM(ppn) FROM sales WHERE shift_id = ? GROUP BY kind");
        if (!st) return st.error();
        st->bind(1, shift_id);
        while (st->step()) {
            if (st->text(0) == "sale") {
                f.sales_count = st->int64(1);
                f.gross_sales = Money::rp(st->int64(2));
            } else {
                f.returns_count = st->int64(1);
                f.returns = Money::rp(-st->int64(2));
            }
            f.discounts += Money::rp(st->int64(3));
            f.ppn += Money::rp(st->int64(4));
        }
    }
    {
        auto st = db_->prepare(
            "SELECT p.method, SUM(p.amount) FROM sale_payments p JOIN sales s ON s.id = p.sale_id WHERE s.shift_id = ? GROUP BY p.method");
        if (!st) return st.error();
        st->bind(1, shift_id);
        while (st->step()) {
            auto m = core::payment_method_from(st->text(0));
            if (m) f.by_method[*m] = Money::rp(st->int64(1));
        }
        f.cash_from_sales = f.by_method.count(core::PaymentMethod::Cash) ? f.by_method[core::PaymentMethod::Cash] : Money{};
    }
    {
        auto st = db_->prepare("SELECT COALESCE(SUM(amount), 0) FROM cash_moves WHERE shift_id = ?");
        if (!st) return st.error();
        st->bind(1, shift_id);
        if (st->step()) f.cash_moves = Money::rp(st->int64(0));
    }
    return f;
}

Status SqliteStore::close_shift(const core::Shift& s, const core::OutboxEvent& event) {
    Transaction tx(*db_);
    TRY(tx.begun());
    nlohmann::json den = nlohmann::json::object();
    for (auto& [v, c] : s.denominations) den[std::to_string(v)] = c;
    auto st = db_->prepare(
        "UPDATE shifts SET closed_at = ?, closed_by = ?, counted_cash = ?, expected_cash = ?, denominations = ? "
        "WHERE id = ? AND closed_at IS NULL");
    if (!st) return st.error();
    st->bind(1, s.closed_at).bind(2, s.closed_by).bind(3, s.counted_cash.value_or(Money{}).rupiah())
        .bind(4, s.expected_cash.rupiah()).bind(5, den.dump()).bind(6, s.id);
    TRY(st->run());
    if (db_->changes() != 1) return core::make_error(ErrorCode::Conflict, core::tr("Shift ini sudah ditutup."));
    TRY(insert_event(event, s.uuid, nullptr));
    return tx.commit();
}

}  // namespace waserda::store
