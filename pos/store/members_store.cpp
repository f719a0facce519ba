// SqliteMembersStore: the members' side on SQLite.
//
// [SECTION] Figures
// [SECTION] Payroll deduction
// [SECTION] Consignment
// [SECTION] SHU and leaving
// [SECTION] Check
#include "pos/store/members_store.hpp"

#include "pos/core/i18n.hpp"
#include "pos/store/summaries.hpp"
#include "pos/store/try.hpp"

#include <fmt/format.h>

#include <map>
#include <tuple>

namespace waserda::store {

using core::ErrorCode;
using core::Money;
using core::Result;
using core::Status;
#define TRY WASERDA_TRY

// [SECTION] Figures

Result<std::vector<core::MemberPurchases>> SqliteMembersStore::purchases_by_member(const std::string& from_month,
                                                                                  const std::string& to_month) {
    TRY(fold_summaries(store_.db()));
    auto st = store_.db().prepare(
        "SELECT member_id, SUM(amount), SUM(sales) FROM member_month_sales WHERE month BETWEEN ? AND ? GROUP BY member_id");
    if (!st) return st.error();
    st->bind(1, from_month).bind(2, to_month);
    std::vector<core::MemberPurchases> out;
    while (st->step()) out.push_back({st->int64(0), Money::rp(st->int64(1)), st->int64(2)});
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<std::vector<core::SavingsMonth>> SqliteMembersStore::savings_by_month(const std::string& start_utc,
                                                                             const std::string& end_utc, int utc_offset_minutes) {
    // Summed here rather than by GROUP BY strftime(...): nearly every entry is its own group, and
    // SQLite's temporary b-tree made this the slowest step of an SHU run.
    auto st = store_.db().prepare("SELECT member_id, type, at, amount FROM savings_entries WHERE at < ?");
    if (!st) return st.error();
    st->bind(1, end_utc);
    std::map<std::tuple<core::MemberId, int, std::string>, int64_t> sums;
    while (st->step()) {
        auto type = core::savings_type_from(st->text(1));
        if (!type) continue;
        std::string at = st->text(2);
        std::string month = at < start_utc ? std::string() : core::local_date_of(at, utc_offset_minutes).substr(0, 7);
        sums[{st->int64(0), static_cast<int>(*type), std::move(month)}] += st->int64(3);
    }
    if (st->last_rc() != SQLITE_DONE) return st->error();
    std::vector<core::SavingsMonth> out;
    out.reserve(sums.size());
    for (auto& [key, amount] : sums)
        out.push_back({std::get<0>(key), static_cast<core::SavingsType>(std::get<1>(key)), std::get<2>(key), Money::rp(amount)});
    return out;
}

Result<std::vector<core::MemberSaleSummary>> SqliteMembersStore::member_sales(core::MemberId id, const std::string& from,
                                                                              const std::string& to) {
    auto st = store_.db().prepare(
        "SELECT s.number, s.at, s.local_date, s.kind, s.total, "
        "COALESCE((SELECT SUM(amount) FROM sale_payments p WHERE p.sale_id = s.id AND p.method = ?4), 0), "
        "COALESCE((SELECT SUM(amount) FROM sale_payments p WHERE p.sale_id = s.id AND p.method = ?5), 0) "
        "FROM sales s WHERE s.member_id = ?1 AND s.local_date BETWEEN ?2 AND ?3 ORDER BY s.id");
    if (!st) return st.error();
    st->bind(1, id).bind(2, from).bind(3, to).bind(4, core::to_string(core::PaymentMethod::MemberCredit))
        .bind(5, core::to_string(core::PaymentMethod::Savings));
    std::vector<core::MemberSaleSummary> out;
    while (st->step())
        out.push_back({st->text(0), st->text(1), st->text(2), st->text(3) == "return", Money::rp(st->int64(4)),
                       Money::rp(st->int64(5)), Money::rp(st->int64(6))});
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<std::vector<std::pair<core::Member, core::MemberBalances>>> SqliteMembersStore::members_with_balances() {
    auto st = store_.db().prepare(
        "SELECT m.id, m.number, m.name, COALESCE(m.card_code, ''), m.work_unit, m.phone, m.status, m.joined_on, m.left_on, "
        "m.credit_limit_override, COALESCE(b.pokok, 0), COALESCE(b.wajib, 0), COALESCE(b.sukarela, 0), COALESCE(b.owed, 0) "
        "FROM members m LEFT JOIN member_balances b ON b.member_id = m.id ORDER BY m.number");
    if (!st) return st.error();
    std::vector<std::pair<core::Member, core::MemberBalances>> out;
    while (st->step()) {
        core::Member m;
        m.id = st->int64(0);
        m.number = st->text(1);
        m.name = st->text(2);
        m.card_code = st->text(3);
        m.work_unit = st->text(4);
        m.phone = st->text(5);
        m.status = core::member_status_from(st->text(6)).value_or(core::MemberStatus::Active);
        m.joined_on = st->text(7);
        m.left_on = st->text(8);
        if (!st->is_null(9)) m.credit_limit_override = Money::rp(st->int64(9));
        core::MemberBalances b{Money::rp(st->int64(10)), Money::rp(st->int64(11)), Money::rp(st->int64(12)),
                               Money::rp(st->int64(13))};
        out.emplace_back(std::move(m), b);
    }
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<std::vector<core::LedgerTotal>> SqliteMembersStore::ledger_totals(const std::string& start_utc, const std::string& end_utc) {
    auto st = store_.db().prepare(
        "SELECT 1, type, kind, at < ?1, SUM(amount), COUNT(*) FROM savings_entries WHERE at < ?2 GROUP BY 2, 3, 4 "
        "UNION ALL "
        "SELECT 0, '', kind, at < ?1, SUM(amount), COUNT(*) FROM receivable_entries WHERE at < ?2 GROUP BY 3, 4");
    if (!st) return st.error();
    st->bind(1, start_utc).bind(2, end_utc);
    std::vector<core::LedgerTotal> out;
    while (st->step())
        out.push_back({st->boolean(0), st->text(1), st->text(2), st->boolean(3), Money::rp(st->int64(4)), st->int64(5)});
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<core::TurnoverMargin> SqliteMembersStore::turnover_and_margin(const std::string& from, const std::string& to) {
    TRY(fold_summaries(store_.db()));
    core::TurnoverMargin t;
    {
        auto st = store_.db().prepare(
            "SELECT COALESCE(SUM(revenue), 0), COALESCE(SUM(cost), 0) FROM daily_item_sales WHERE local_date BETWEEN ? AND ?");
        if (!st) return st.error();
        st->bind(1, from).bind(2, to);
        if (!st->step()) return st->error();
        t.revenue = Money::rp(st->int64(0));
        t.cost = Money::rp(st->int64(1));
    }
    auto st = store_.db().prepare("SELECT kind, COUNT(*) FROM sales WHERE local_date BETWEEN ? AND ? GROUP BY kind");
    if (!st) return st.error();
    st->bind(1, from).bind(2, to);
    while (st->step()) (st->text(0) == "sale" ? t.sales : t.returns) = st->int64(1);
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return t;
}

// [SECTION] Payroll deduction

Result<std::optional<core::PayrollRecord>> SqliteMembersStore::payroll_batch(const std::string& month) {
    core::PayrollRecord rec;
    {
        auto st = store_.db().prepare(
            "SELECT created_at, created_by, COALESCE(settled_at, '') FROM payroll_batches WHERE month = ?");
        if (!st) return st.error();
        st->bind(1, month);
        if (!st->step()) {
            if (st->last_rc() != SQLITE_DONE) return st->error();
            return std::optional<core::PayrollRecord>{};
        }
        rec.created_at = st->text(0);
        rec.created_by = st->int64(1);
        rec.list.settled_at = st->text(2);
        rec.list.settled = !rec.list.settled_at.empty();
    }
    auto st = store_.db().prepare(
        "SELECT l.member_id, m.number, m.name, l.work_unit, l.due FROM payroll_lines l JOIN members m ON m.id = l.member_id "
        "WHERE l.month = ? ORDER BY l.work_unit, m.number");
    if (!st) return st.error();
    st->bind(1, month);
    rec.list.month = month;
    while (st->step()) {
        core::PayrollLine l{st->int64(0), st->text(1), st->text(2), st->text(3), Money::rp(st->int64(4))};
        rec.list.total += l.due;
        rec.list.lines.push_back(std::move(l));
    }
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<core::PayrollRecord>{std::move(rec)};
}

Status SqliteMembersStore::save_payroll_batch(const core::PayrollRecord& rec) {
    auto& db = store_.db();
    Transaction tx(db);
    TRY(tx.begun());
    {
        auto st = db.prepare("SELECT settled_at FROM payroll_batches WHERE month = ? AND settled_at IS NOT NULL");
        if (!st) return st.error();
        st->bind(1, rec.list.month);
        if (st->step())
            return core::make_error(ErrorCode::Conflict, core::tr("Potong gaji bulan {} sudah diposting pada {}.", rec.list.month,
                                                                  st->text(0)));
    }
    auto del = db.prepare("DELETE FROM payroll_lines WHERE month = ?");
    if (!del) return del.error();
    TRY(del->bind(1, rec.list.month).run());
    auto up = db.prepare(
        "INSERT INTO payroll_batches(month, created_at, created_by, total_due) VALUES(?1, ?2, ?3, ?4) "
        "ON CONFLICT(month) DO UPDATE SET created_at = ?2, created_by = ?3, total_due = ?4");
    if (!up) return up.error();
    TRY(up->bind(1, rec.list.month).bind(2, rec.created_at).bind(3, rec.created_by).bind(4, rec.list.total.rupiah()).run());
    for (auto& l : rec.list.lines) {
        auto ins = db.prepare("INSERT INTO payroll_lines(month, member_id, work_unit, due) VALUES(?,?,?,?)");
        if (!ins) return ins.error();
        TRY(ins->bind(1, rec.list.month).bind(2, l.member_id).bind(3, l.work_unit).bind(4, l.due.rupiah()).run());
    }
    return tx.commit();
}

Result<core::Posting> SqliteMembersStore::commit_payroll_settlement(const std::string& month,
                                                                    const std::vector<core::PayrollSettlementLine>& lines,
                                                                    const std::string& at, core::UserId user, core::Posting posting) {
    auto& db = store_.db();
    Transaction tx(db);
    TRY(tx.begun());
    Money total;
    for (auto& l : lines) total += l.amount;
    auto st = db.prepare(
        "UPDATE payroll_batches SET settled_at = ?, settled_by = ?, total_settled = ? WHERE month = ? AND settled_at IS NULL");
    if (!st) return st.error();
    TRY(st->bind(1, at).bind(2, user).bind(3, total.rupiah()).bind(4, month).run());
    if (db.changes() != 1)
        return core::make_error(ErrorCode::Conflict, core::tr("Potong gaji bulan {} sudah diposting atau belum dibuat.", month));
    for (auto& l : lines) {
        auto up = db.prepare("UPDATE payroll_lines SET settled = ? WHERE month = ? AND member_id = ?");
        if (!up) return up.error();
        TRY(up->bind(1, l.amount.rupiah()).bind(2, month).bind(3, l.member_id).run());
    }
    auto committed = store_.commit(std::move(posting));
    if (!committed) return committed.error();
    TRY(tx.commit());
    return committed;
}

// [SECTION] Consignment

namespace {
constexpr const char* kConsignorCols = "id, code, name, phone, member_number, fee_bp, active";

core::Consignor read_consignor(const Statement& st) {
    return {st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.int64(5), st.boolean(6)};
}
}  // namespace

Result<int64_t> SqliteMembersStore::save_consignor(const core::Consignor& c) {
    auto& db = store_.db();
    const char* sql = c.id == 0
        ? "INSERT INTO consignors(code, name, phone, member_number, fee_bp, active) VALUES(?,?,?,?,?,?)"
        : "UPDATE consignors SET code = ?, name = ?, phone = ?, member_number = ?, fee_bp = ?, active = ? WHERE id = ?";
    auto st = db.prepare(sql);
    if (!st) return st.error();
    st->bind(1, c.code).bind(2, c.name).bind(3, c.phone).bind(4, c.member_number).bind(5, c.fee_bp).bind(6, c.active);
    if (c.id != 0) st->bind(7, c.id);
    TRY(st->run());
    return c.id != 0 ? c.id : db.last_insert_id();
}

Result<std::optional<core::Consignor>> SqliteMembersStore::consignor_by_code(const std::string& code) {
    auto st = store_.db().prepare(std::string("SELECT ") + kConsignorCols + " FROM consignors WHERE code = ?");
    if (!st) return st.error();
    st->bind(1, code);
    if (st->step()) return std::optional<core::Consignor>{read_consignor(*st)};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<core::Consignor>{};
}

Result<std::vector<core::Consignor>> SqliteMembersStore::list_consignors() {
    auto st = store_.db().prepare(std::string("SELECT ") + kConsignorCols + " FROM consignors ORDER BY code");
    if (!st) return st.error();
    std::vector<core::Consignor> out;
    while (st->step()) out.push_back(read_consignor(*st));
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Status SqliteMembersStore::set_consignment_term(const core::ConsignmentTerm& t) {
    auto st = store_.db().prepare(
        "INSERT INTO consignment_terms(item_id, consignor_price) VALUES(?1, ?2) "
        "ON CONFLICT(item_id) DO UPDATE SET consignor_price = ?2");
    if (!st) return st.error();
    st->bind(1, t.item_id);
    if (t.consignor_price) st->bind(2, t.consignor_price->rupiah());
    else st->bind_null(2);
    return st->run();
}

Result<std::vector<core::ConsignmentTerm>> SqliteMembersStore::consignment_terms(int64_t consignor_id) {
    auto st = store_.db().prepare(
        "SELECT t.item_id, t.consignor_price FROM consignment_terms t JOIN items i ON i.id = t.item_id "
        "WHERE i.consignment = 1 AND i.consignor_id = ?");
    if (!st) return st.error();
    st->bind(1, consignor_id);
    std::vector<core::ConsignmentTerm> out;
    while (st->step()) {
        core::ConsignmentTerm t{st->int64(0), std::nullopt};
        if (!st->is_null(1)) t.consignor_price = Money::rp(st->int64(1));
        out.push_back(t);
    }
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<std::vector<core::Item>> SqliteMembersStore::consignor_items(int64_t consignor_id) {
    auto st = store_.db().prepare(
        "SELECT id, sku, name, unit, weighed, on_hand, price, member_price FROM items "
        "WHERE consignment = 1 AND consignor_id = ? ORDER BY sku");
    if (!st) return st.error();
    st->bind(1, consignor_id);
    std::vector<core::Item> out;
    while (st->step()) {
        core::Item it;
        it.id = st->int64(0);
        it.sku = st->text(1);
        it.name = st->text(2);
        it.unit = st->text(3);
        it.weighed = st->boolean(4);
        it.on_hand = st->int64(5);
        it.price = Money::rp(st->int64(6));
        it.member_price = Money::rp(st->int64(7));
        it.consignment = true;
        it.consignor_id = consignor_id;
        out.push_back(std::move(it));
    }
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<std::vector<core::ConsignmentSaleLine>> SqliteMembersStore::unsettled_consignment_lines(int64_t consignor_id,
                                                                                              const std::string& from,
                                                                                              const std::string& to) {
    auto st = store_.db().prepare(
        "SELECT l.sale_id, l.line_no, s.number, s.local_date, l.item_id, l.qty, l.total "
        "FROM items i JOIN sale_lines l ON l.item_id = i.id JOIN sales s ON s.id = l.sale_id "
        "WHERE i.consignment = 1 AND i.consignor_id = ?1 AND s.local_date BETWEEN ?2 AND ?3 "
        "AND NOT EXISTS (SELECT 1 FROM consignment_settled_lines x WHERE x.sale_id = l.sale_id AND x.line_no = l.line_no) "
        "ORDER BY l.sale_id, l.line_no");
    if (!st) return st.error();
    st->bind(1, consignor_id).bind(2, from).bind(3, to);
    std::vector<core::ConsignmentSaleLine> out;
    while (st->step())
        out.push_back({st->int64(0), static_cast<int>(st->int64(1)), st->text(2), st->text(3), st->int64(4), st->int64(5),
                       Money::rp(st->int64(6))});
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<core::Posting> SqliteMembersStore::commit_consignment_payment(core::ConsignmentPayment& pay,
                                                                     const std::vector<core::ConsignmentSaleLine>& lines,
                                                                     core::Posting posting) {
    auto& db = store_.db();
    Transaction tx(db);
    TRY(tx.begun());
    auto st = db.prepare(
        "INSERT INTO consignment_settlements(number, consignor_id, period_from, period_to, sold, fee, due, method, paid_at, user_id) "
        "VALUES(?,?,?,?,?,?,?,?,?,?)");
    if (!st) return st.error();
    TRY(st->bind(1, pay.number).bind(2, pay.consignor_id).bind(3, pay.from).bind(4, pay.to).bind(5, pay.sold.rupiah())
            .bind(6, pay.fee.rupiah()).bind(7, pay.due.rupiah()).bind(8, pay.method).bind(9, pay.paid_at).bind(10, pay.user_id)
            .run());
    int64_t id = db.last_insert_id();
    for (auto& l : lines) {
        auto ins = db.prepare("INSERT INTO consignment_settled_lines(sale_id, line_no, settlement_id) VALUES(?,?,?)");
        if (!ins) return ins.error();
        if (auto r = ins->bind(1, l.sale_id).bind(2, l.line_no).bind(3, id).run(); !r) {
            if (r.error().code == ErrorCode::Conflict)
                return core::make_error(ErrorCode::Conflict,
                                        core::tr("Penjualan {} sudah dibayar ke penitip; tidak dibayar dua kali.", l.sale_number));
            return r.error();
        }
    }
    auto committed = store_.commit(std::move(posting));
    if (!committed) return committed.error();
    TRY(tx.commit());
    pay.id = id;
    return committed;
}

Result<std::vector<core::ConsignmentPayment>> SqliteMembersStore::consignment_payments(int64_t consignor_id) {
    auto st = store_.db().prepare(
        "SELECT id, number, consignor_id, period_from, period_to, sold, fee, due, method, paid_at, user_id "
        "FROM consignment_settlements WHERE consignor_id = ? ORDER BY id");
    if (!st) return st.error();
    st->bind(1, consignor_id);
    std::vector<core::ConsignmentPayment> out;
    while (st->step())
        out.push_back({st->int64(0), st->text(1), st->int64(2), st->text(3), st->text(4), Money::rp(st->int64(5)),
                       Money::rp(st->int64(6)), Money::rp(st->int64(7)), st->text(8), st->text(9), st->int64(10)});
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

// [SECTION] SHU and leaving

Result<std::optional<core::ShuRun>> SqliteMembersStore::shu_run(int year) {
    auto st = store_.db().prepare(
        "SELECT year, surplus, config, total_credited, credited_at, user_id FROM shu_runs WHERE year = ?");
    if (!st) return st.error();
    st->bind(1, year);
    if (st->step())
        return std::optional<core::ShuRun>{core::ShuRun{static_cast<int>(st->int64(0)), Money::rp(st->int64(1)), st->text(2),
                                                        Money::rp(st->int64(3)), st->text(4), st->int64(5)}};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<core::ShuRun>{};
}

Result<core::Posting> SqliteMembersStore::commit_shu_run(const core::ShuRun& run, core::Posting posting) {
    auto& db = store_.db();
    Transaction tx(db);
    TRY(tx.begun());
    auto st = db.prepare(
        "INSERT INTO shu_runs(year, surplus, config, total_credited, credited_at, user_id) VALUES(?,?,?,?,?,?)");
    if (!st) return st.error();
    if (auto r = st->bind(1, run.year).bind(2, run.surplus.rupiah()).bind(3, run.config_json).bind(4, run.total_credited.rupiah())
                     .bind(5, run.credited_at).bind(6, run.user_id).run();
        !r) {
        if (r.error().code == ErrorCode::Conflict)
            return core::make_error(ErrorCode::Conflict, core::tr("SHU tahun {} sudah dikreditkan ke simpanan.", run.year));
        return r.error();
    }
    auto committed = store_.commit(std::move(posting));
    if (!committed) return committed.error();
    TRY(tx.commit());
    return committed;
}

Result<core::Posting> SqliteMembersStore::commit_leaving(const core::Member& member, core::Posting posting) {
    Transaction tx(store_.db());
    TRY(tx.begun());
    auto id = store_.save_member(member);
    if (!id) return id.error();
    auto committed = store_.commit(std::move(posting));
    if (!committed) return committed.error();
    TRY(tx.commit());
    return committed;
}

// [SECTION] Check

Result<std::vector<core::CheckFinding>> SqliteMembersStore::check() {
    TRY(fold_summaries(store_.db()));
    auto st = store_.db().prepare(
        "SELECT COUNT(*) FROM (SELECT COALESCE(member_id, 0) mid, substr(local_date, 1, 7) mon, SUM(total - rounding) amt, "
        "COUNT(*) n FROM sales GROUP BY 1, 2) x LEFT JOIN member_month_sales y ON y.member_id = x.mid AND y.month = x.mon "
        "WHERE y.amount IS NULL OR y.amount <> x.amt OR y.sales <> x.n");
    if (!st) return st.error();
    if (!st->step()) return st->error();
    int64_t bad = st->int64(0);
    std::vector<core::CheckFinding> out;
    out.push_back({core::tr("Ringkasan belanja anggota sama dengan penjualan"), bad == 0,
                   bad == 0 ? "" : core::tr("{} ringkasan bulanan anggota tidak cocok", bad)});

    // Each check counts what does not hold; a finding names what it found.
    auto count = [&](const char* sql) -> Result<int64_t> {
        auto q = store_.db().prepare(sql);
        if (!q) return q.error();
        if (!q->step()) return q->error();
        return q->int64(0);
    };
    // Saldo anggota: the balances kept with every posting equal their ledgers' sums.
    auto balances = count(
        "SELECT COUNT(*) FROM members m LEFT JOIN member_balances b ON b.member_id = m.id WHERE "
        "COALESCE(b.pokok, 0) <> (SELECT COALESCE(SUM(amount), 0) FROM savings_entries e WHERE e.member_id = m.id AND e.type = 'pokok') OR "
        "COALESCE(b.wajib, 0) <> (SELECT COALESCE(SUM(amount), 0) FROM savings_entries e WHERE e.member_id = m.id AND e.type = 'wajib') OR "
        "COALESCE(b.sukarela, 0) <> (SELECT COALESCE(SUM(amount), 0) FROM savings_entries e WHERE e.member_id = m.id AND e.type = 'sukarela') OR "
        "COALESCE(b.owed, 0) <> (SELECT COALESCE(SUM(amount), 0) FROM receivable_entries r WHERE r.member_id = m.id)");
    if (!balances) return balances.error();
    out.push_back({core::tr("Saldo simpanan dan utang tiap anggota sama dengan jumlah buku besarnya"), *balances == 0,
                   *balances == 0 ? "" : core::tr("{} anggota saldonya tidak sama dengan buku besarnya", *balances)});
    // Potong gaji: a settled month's lines add up to its total, and to the repayments it posted.
    auto payroll = count(
        "SELECT COUNT(*) FROM payroll_batches p WHERE p.settled_at IS NOT NULL AND ("
        "COALESCE(p.total_settled, 0) <> (SELECT COALESCE(SUM(settled), 0) FROM payroll_lines l WHERE l.month = p.month) OR "
        "COALESCE(p.total_settled, 0) <> -(SELECT COALESCE(SUM(amount), 0) FROM receivable_entries r "
        "WHERE r.kind = 'payroll_deduction' AND r.ref = 'POTGAJI-' || p.month))");
    if (!payroll) return payroll.error();
    out.push_back({core::tr("Potong gaji yang diposting sama dengan pelunasan di buku piutang"), *payroll == 0,
                   *payroll == 0 ? "" : core::tr("{} bulan potong gaji tidak cocok dengan buku piutang", *payroll)});
    // SHU: a credited year equals the sukarela entries it wrote.
    auto shu = count(
        "SELECT COUNT(*) FROM shu_runs s WHERE s.total_credited <> (SELECT COALESCE(SUM(amount), 0) FROM savings_entries e "
        "WHERE e.type = 'sukarela' AND e.ref = 'SHU-' || s.year)");
    if (!shu) return shu.error();
    out.push_back({core::tr("SHU yang dikreditkan sama dengan setoran sukarelanya"), *shu == 0,
                   *shu == 0 ? "" : core::tr("{} tahun SHU tidak cocok dengan simpanan sukarela", *shu)});
    // Titip jual: a settlement pays for at least one sale line, and no line belongs to a missing one.
    auto consignment = count(
        "SELECT (SELECT COUNT(*) FROM consignment_settlements c WHERE NOT EXISTS "
        "(SELECT 1 FROM consignment_settled_lines l WHERE l.settlement_id = c.id)) + "
        "(SELECT COUNT(*) FROM consignment_settled_lines l WHERE NOT EXISTS "
        "(SELECT 1 FROM consignment_settlements c WHERE c.id = l.settlement_id))");
    if (!consignment) return consignment.error();
    out.push_back({core::tr("Setiap pembayaran titip jual tercatat dengan baris penjualannya"), *consignment == 0,
                   *consignment == 0 ? "" : core::tr("{} pembayaran atau baris titip jual tidak berpasangan", *consignment)});
    return out;
}

}  // namespace waserda::store
