// SqliteStore: members, their balances and ledgers, users.
#include "pos/core/i18n.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/store/try.hpp"

namespace waserda::store {

using core::ErrorCode;
using core::Member;
using core::Money;
using core::Result;
using core::Status;
#define TRY WASERDA_TRY

namespace {

constexpr const char* kMemberCols =
    "id, number, name, card_code, work_unit, phone, status, joined_on, left_on, credit_limit_override";

Member read_member(const Statement& st) {
    Member m;
    m.id = st.int64(0);
    m.number = st.text(1);
    m.name = st.text(2);
    m.card_code = st.text(3);
    m.work_unit = st.text(4);
    m.phone = st.text(5);
    m.status = core::member_status_from(st.text(6)).value_or(core::MemberStatus::Active);
    m.joined_on = st.text(7);
    m.left_on = st.text(8);
    if (!st.is_null(9)) m.credit_limit_override = Money::rp(st.int64(9));
    return m;
}

constexpr const char* kUserCols = "id, name, role, pin_hash, active";

core::User read_user(const Statement& st) {
    core::User u;
    u.id = st.int64(0);
    u.name = st.text(1);
    u.role = core::role_from(st.text(2)).value_or(core::Role::Cashier);
    u.pin_hash = st.text(3);
    u.active = st.boolean(4);
    return u;
}

}  // namespace

Status SqliteStore::write_member(const Member& m, core::MemberId* id_out) {
    core::MemberId id = m.id;
    if (id == 0) {
        auto existing = db_->prepare("SELECT id FROM members WHERE number = ?");
        if (!existing) return existing.error();
        existing->bind(1, m.number);
        if (existing->step()) id = existing->int64(0);
    }
    const char* sql = id == 0
        ? "INSERT INTO members(number, name, card_code, work_unit, phone, status, joined_on, left_on, credit_limit_override) "
          "VALUES(?,?,?,?,?,?,?,?,?)"
        : "UPDATE members SET number=?, name=?, card_code=?, work_unit=?, phone=?, status=?, joined_on=?, left_on=?, "
          "credit_limit_override=? WHERE id=?";
    auto st = db_->prepare(sql);
    if (!st) return st.error();
    st->bind(1, m.number).bind(2, m.name);
    if (m.card_code.empty()) st->bind_null(3);
    else st->bind(3, m.card_code);
    st->bind(4, m.work_unit).bind(5, m.phone).bind(6, core::to_string(m.status)).bind(7, m.joined_on).bind(8, m.left_on);
    if (m.credit_limit_override) st->bind(9, m.credit_limit_override->rupiah());
    else st->bind_null(9);
    if (id != 0) st->bind(10, id);
    if (auto r = st->run(); !r) {
        if (r.error().code == ErrorCode::Conflict)
            return core::make_error(ErrorCode::Conflict, core::tr("Kartu anggota {} sudah dipakai anggota lain.", m.card_code));
        return r;
    }
    if (id == 0) id = db_->last_insert_id();
    auto bal = db_->prepare("INSERT OR IGNORE INTO member_balances(member_id) VALUES(?)");
    if (!bal) return bal.error();
    TRY(bal->bind(1, id).run());
    if (id_out) *id_out = id;
    return core::ok_status();
}

Result<core::MemberId> SqliteStore::save_member(const Member& m) {
    Transaction tx(*db_);
    TRY(tx.begun());
    core::MemberId id = 0;
    TRY(write_member(m, &id));
    TRY(tx.commit());
    return id;
}

Status SqliteStore::save_members(const std::vector<Member>& members) {
    Transaction tx(*db_);
    TRY(tx.begun());
    for (const auto& m : members) TRY(write_member(m, nullptr));
    return tx.commit();
}

namespace {
template <typename Bind>
Result<std::optional<Member>> one_member(Database& db, const std::string& where, Bind bind) {
    auto st = db.prepare(std::string("SELECT ") + kMemberCols + " FROM members WHERE " + where);
    if (!st) return st.error();
    bind(*st);
    if (st->step()) return std::optional<Member>{read_member(*st)};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<Member>{};
}
}  // namespace

Result<std::optional<Member>> SqliteStore::member_by_id(core::MemberId id) {
    return one_member(*db_, "id = ?", [&](Statement& s) { s.bind(1, id); });
}

Result<std::optional<Member>> SqliteStore::member_by_number(const std::string& number) {
    return one_member(*db_, "number = ? COLLATE NOCASE", [&](Statement& s) { s.bind(1, number); });
}

Result<std::optional<Member>> SqliteStore::member_by_card(const std::string& code) {
    return one_member(*db_, "card_code = ?", [&](Statement& s) { s.bind(1, code); });
}

Result<std::vector<Member>> SqliteStore::search_members(const std::string& text, int limit) {
    auto st = db_->prepare(std::string("SELECT ") + kMemberCols +
                           " FROM members WHERE name LIKE '%' || ?1 || '%' OR number LIKE ?1 || '%' OR card_code = ?1 "
                           "ORDER BY name LIMIT ?2");
    if (!st) return st.error();
    st->bind(1, text).bind(2, limit);
    std::vector<Member> out;
    while (st->step()) out.push_back(read_member(*st));
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<std::vector<Member>> SqliteStore::list_members() {
    auto st = db_->prepare(std::string("SELECT ") + kMemberCols + " FROM members ORDER BY number");
    if (!st) return st.error();
    std::vector<Member> out;
    while (st->step()) out.push_back(read_member(*st));
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<core::MemberBalances> SqliteStore::member_balances(core::MemberId id) {
    auto st = db_->prepare("SELECT pokok, wajib, sukarela, owed FROM member_balances WHERE member_id = ?");
    if (!st) return st.error();
    st->bind(1, id);
    core::MemberBalances b;
    if (st->step()) {
        b.pokok = Money::rp(st->int64(0));
        b.wajib = Money::rp(st->int64(1));
        b.sukarela = Money::rp(st->int64(2));
        b.owed = Money::rp(st->int64(3));
    } else if (st->last_rc() != SQLITE_DONE) {
        return st->error();
    }
    return b;
}

Result<Money> SqliteStore::member_credit_in_month(core::MemberId id, const std::string& month) {
    auto st = db_->prepare(
        "SELECT COALESCE(SUM(p.amount), 0) FROM sale_payments p JOIN sales s ON s.id = p.sale_id "
        "WHERE s.member_id = ? AND p.method = 'member_credit' AND s.local_date >= ?2 || '-01' AND s.local_date <= ?2 || '-31'");
    if (!st) return st.error();
    st->bind(1, id).bind(2, month);
    if (!st->step()) return st->error();
    return Money::rp(st->int64(0));
}

Result<std::vector<core::SavingsEntry>> SqliteStore::savings_entries(core::MemberId id) {
    auto st = db_->prepare(
        "SELECT e.id, e.member_id, m.number, e.type, e.kind, e.amount, e.ref, e.note, e.at, e.user_id "
        "FROM savings_entries e JOIN members m ON m.id = e.member_id WHERE e.member_id = ? ORDER BY e.id");
    if (!st) return st.error();
    st->bind(1, id);
    std::vector<core::SavingsEntry> out;
    while (st->step()) {
        core::SavingsEntry e;
        e.id = st->int64(0);
        e.member_id = st->int64(1);
        e.member_number = st->text(2);
        e.type = core::savings_type_from(st->text(3)).value_or(core::SavingsType::Sukarela);
        e.kind = core::savings_entry_kind_from(st->text(4)).value_or(core::SavingsEntryKind::Deposit);
        e.amount = Money::rp(st->int64(5));
        e.ref = st->text(6);
        e.note = st->text(7);
        e.at = st->text(8);
        e.user_id = st->int64(9);
        out.push_back(e);
    }
    return out;
}

Result<std::vector<core::ReceivableEntry>> SqliteStore::receivable_entries(core::MemberId id) {
    auto st = db_->prepare(
        "SELECT e.id, e.member_id, m.number, e.kind, e.amount, e.ref, e.note, e.at, e.user_id "
        "FROM receivable_entries e JOIN members m ON m.id = e.member_id WHERE e.member_id = ? ORDER BY e.id");
    if (!st) return st.error();
    st->bind(1, id);
    std::vector<core::ReceivableEntry> out;
    while (st->step()) {
        core::ReceivableEntry e;
        e.id = st->int64(0);
        e.member_id = st->int64(1);
        e.member_number = st->text(2);
        e.kind = core::receivable_entry_kind_from(st->text(3)).value_or(core::ReceivableEntryKind::Adjustment);
        e.amount = Money::rp(st->int64(4));
        e.ref = st->text(5);
        e.note = st->text(6);
        e.at = st->text(7);
        e.user_id = st->int64(8);
        out.push_back(e);
    }
    return out;
}

// [SECTION] Users

Result<core::UserId> SqliteStore::save_user(const core::User& u) {
    const char* sql = u.id == 0 ? "INSERT INTO users(name, role, pin_hash, active) VALUES(?,?,?,?)"
                                : "UPDATE users SET name=?, role=?, pin_hash=?, active=? WHERE id=?";
    auto st = db_->prepare(sql);
    if (!st) return st.error();
    st->bind(1, u.name).bind(2, core::to_string(u.role)).bind(3, u.pin_hash).bind(4, u.active);
    if (u.id != 0) st->bind(5, u.id);
    TRY(st->run());
    return u.id == 0 ? db_->last_insert_id() : u.id;
}

Result<std::optional<core::User>> SqliteStore::user_by_name(const std::string& name) {
    auto st = db_->prepare(std::string("SELECT ") + kUserCols + " FROM users WHERE name = ?");
    if (!st) return st.error();
    st->bind(1, name);
    if (st->step()) return std::optional<core::User>{read_user(*st)};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<core::User>{};
}

Result<std::optional<core::User>> SqliteStore::user_by_id(core::UserId id) {
    auto st = db_->prepare(std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, id);
    if (st->step()) return std::optional<core::User>{read_user(*st)};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<core::User>{};
}

Result<std::vector<core::User>> SqliteStore::list_users() {
    auto st = db_->prepare(std::string("SELECT ") + kUserCols + " FROM users ORDER BY role, name");
    if (!st) return st.error();
    std::vector<core::User> out;
    while (st->step()) out.push_back(read_user(*st));
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

}  // namespace waserda::store
