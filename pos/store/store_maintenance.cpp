// SqliteStore: held and open carts, the outbox, `check` and backups.
#include "pos/core/i18n.hpp"
#include "pos/store/sqlite_store.hpp"
#include "pos/store/summaries.hpp"
#include "pos/store/summary_check.hpp"
#include "pos/store/try.hpp"

#include <algorithm>
#include <filesystem>

namespace waserda::store {

using core::ErrorCode;
using core::Money;
using core::Result;
using core::Status;
#define TRY WASERDA_TRY
namespace fs = std::filesystem;

// [SECTION] Carts

Result<int64_t> SqliteStore::hold_cart(const core::HeldCart& c) {
    Transaction tx(*db_);
    TRY(tx.begun());
    auto st = db_->prepare("INSERT INTO held_carts(device, cart_json, held_at, label) VALUES(?,?,?,?)");
    if (!st) return st.error();
    TRY(st->bind(1, c.device).bind(2, c.cart_json).bind(3, c.held_at).bind(4, c.label).run());
    int64_t id = db_->last_insert_id();
    auto clear = db_->prepare("DELETE FROM open_carts WHERE device = ?");
    if (!clear) return clear.error();
    TRY(clear->bind(1, c.device).run());
    TRY(tx.commit());
    return id;
}

Result<std::vector<core::HeldCart>> SqliteStore::held_carts(const std::string& device) {
    auto st = db_->prepare("SELECT id, device, cart_json, held_at, label FROM held_carts WHERE device = ? ORDER BY id");
    if (!st) return st.error();
    st->bind(1, device);
    std::vector<core::HeldCart> out;
    while (st->step()) out.push_back({st->int64(0), st->text(1), st->text(2), st->text(3), st->text(4)});
    return out;
}

Result<std::optional<core::HeldCart>> SqliteStore::take_held_cart(int64_t id) {
    Transaction tx(*db_);
    TRY(tx.begun());
    std::optional<core::HeldCart> out;
    {
        auto st = db_->prepare("SELECT id, device, cart_json, held_at, label FROM held_carts WHERE id = ?");
        if (!st) return st.error();
        st->bind(1, id);
        if (st->step()) out = core::HeldCart{st->int64(0), st->text(1), st->text(2), st->text(3), st->text(4)};
    }
    if (!out) return out;
    auto del = db_->prepare("DELETE FROM held_carts WHERE id = ?");
    if (!del) return del.error();
    TRY(del->bind(1, id).run());
    // The resumed cart becomes the open cart in the same step: a crash now cannot lose it.
    auto open = db_->prepare("INSERT INTO open_carts(device, cart_json) VALUES(?, ?) "
                             "ON CONFLICT(device) DO UPDATE SET cart_json = excluded.cart_json");
    if (!open) return open.error();
    TRY(open->bind(1, out->device).bind(2, out->cart_json).run());
    TRY(tx.commit());
    return out;
}

Status SqliteStore::save_open_cart(const std::string& device, const std::string& cart_json) {
    if (cart_json.empty()) {
        auto st = db_->prepare("DELETE FROM open_carts WHERE device = ?");
        if (!st) return st.error();
        return st->bind(1, device).run();
    }
    auto st = db_->prepare("INSERT INTO open_carts(device, cart_json) VALUES(?, ?) "
                           "ON CONFLICT(device) DO UPDATE SET cart_json = excluded.cart_json");
    if (!st) return st.error();
    return st->bind(1, device).bind(2, cart_json).run();
}

Result<std::optional<std::string>> SqliteStore::open_cart(const std::string& device) {
    auto st = db_->prepare("SELECT cart_json FROM open_carts WHERE device = ?");
    if (!st) return st.error();
    st->bind(1, device);
    if (st->step()) return std::optional<std::string>{st->text(0)};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<std::string>{};
}

// [SECTION] Outbox

Result<std::vector<core::OutboxEvent>> SqliteStore::pending_events(int limit) {
    auto st = db_->prepare("SELECT seq, uuid, device, kind, payload, created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?");
    if (!st) return st.error();
    st->bind(1, limit);
    std::vector<core::OutboxEvent> out;
    while (st->step()) out.push_back({st->int64(0), st->text(1), st->text(2), st->text(3), st->text(4), st->text(5)});
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Status SqliteStore::mark_acked(int64_t seq, const std::string& at) {
    Transaction tx(*db_);
    TRY(tx.begun());
    auto st = db_->prepare("UPDATE outbox SET state = 'acked', acked_at = ? WHERE state = 'pending' AND seq <= ?");
    if (!st) return st.error();
    TRY(st->bind(1, at).bind(2, seq).run());
    TRY(set_meta("sync.last_success_at", at));
    TRY(set_meta("sync.last_error", ""));
    auto prev = meta("sync.last_acked_seq");
    if (!prev) return prev.error();
    int64_t before = *prev && !(*prev)->empty() ? std::stoll(**prev) : 0;
    TRY(set_meta("sync.last_acked_seq", std::to_string(std::max(before, seq))));
    return tx.commit();
}

Status SqliteStore::park_event(int64_t seq, const std::string& reason) {
    auto st = db_->prepare("UPDATE outbox SET state = 'parked', error = ? WHERE seq = ? AND state = 'pending'");
    if (!st) return st.error();
    return st->bind(1, reason).bind(2, seq).run();
}

Status SqliteStore::record_sync_error(const std::string& error) { return set_meta("sync.last_error", error); }

Result<core::OutboxStats> SqliteStore::outbox_stats() {
    core::OutboxStats s;
    auto st = db_->prepare("SELECT state, COUNT(*) FROM outbox WHERE state <> 'acked' GROUP BY state");
    if (!st) return st.error();
    while (st->step()) {
        if (st->text(0) == "pending") s.pending = st->int64(1);
        else if (st->text(0) == "parked") s.parked = st->int64(1);
    }
    auto get = [&](const char* key) -> std::string {
        auto v = meta(key);
        return v && *v ? **v : std::string();
    };
    std::string acked = get("sync.last_acked_seq");
    s.last_acked_seq = acked.empty() ? 0 : std::stoll(acked);
    s.last_success_at = get("sync.last_success_at");
    s.last_error = get("sync.last_error");
    return s;
}

// [SECTION] check: the books' invariants

Result<std::vector<core::CheckFinding>> SqliteStore::check() {
    std::vector<core::CheckFinding> out;
    TRY(fold_summaries(*db_));   // the summaries are checked with every sale in them
    auto scalar_check = [&](const std::string& what, const std::string& sql, const std::string& bad_detail) -> Status {
        auto st = db_->prepare(sql);
        if (!st) return st.error();
        if (!st->step()) return st->error();
        int64_t bad = st->int64(0);
        out.push_back({what, bad == 0, bad == 0 ? "" : core::tr(bad_detail, bad)});
        return core::ok_status();
    };
    {
        auto st = db_->prepare("PRAGMA integrity_check");
        if (!st) return st.error();
        std::string result;
        while (st->step()) result += (result.empty() ? "" : "; ") + st->text(0);
        out.push_back({core::tr("Integritas file database"), result == "ok", result == "ok" ? "" : result});
    }
    TRY(scalar_check(core::tr("Kunci relasi (foreign key)"), "SELECT COUNT(*) FROM pragma_foreign_key_check",
                     "{} baris menunjuk data yang tidak ada"));
    TRY(scalar_check(core::tr("Stok sama dengan jumlah mutasi"),
                     "SELECT COUNT(*) FROM items i WHERE i.on_hand <> (SELECT COALESCE(SUM(qty), 0) FROM stock_moves m WHERE m.item_id = i.id)",
                     "{} barang stoknya tidak sama dengan mutasinya"));
    TRY(scalar_check(core::tr("Saldo simpanan sama dengan bukunya"),
                     "SELECT COUNT(*) FROM member_balances b WHERE "
                     "b.pokok <> (SELECT COALESCE(SUM(amount),0) FROM savings_entries e WHERE e.member_id = b.member_id AND e.type = 'pokok') OR "
                     "b.wajib <> (SELECT COALESCE(SUM(amount),0) FROM savings_entries e WHERE e.member_id = b.member_id AND e.type = 'wajib') OR "
                     "b.sukarela <> (SELECT COALESCE(SUM(amount),0) FROM savings_entries e WHERE e.member_id = b.member_id AND e.type = 'sukarela')",
                     "{} anggota saldonya tidak sama dengan buku simpanan"));
    TRY(scalar_check(core::tr("Piutang sama dengan bukunya"),
                     "SELECT COUNT(*) FROM member_balances b WHERE "
                     "b.owed <> (SELECT COALESCE(SUM(amount),0) FROM receivable_entries e WHERE e.member_id = b.member_id)",
                     "{} anggota piutangnya tidak sama dengan buku piutang"));
    TRY(scalar_check(core::tr("Setiap penjualan punya event outbox"),
                     "SELECT COUNT(*) FROM sales WHERE uuid NOT IN (SELECT ref FROM outbox)",
                     "{} penjualan tanpa event sinkronisasi"));
    TRY(scalar_check(core::tr("Total penjualan sama dengan barisnya"),
                     "SELECT COUNT(*) FROM sales s WHERE s.total <> s.rounding + (SELECT COALESCE(SUM(total),0) FROM sale_lines l WHERE l.sale_id = s.id)",
                     "{} penjualan totalnya tidak sama dengan jumlah barisnya"));
    TRY(scalar_check(core::tr("Pembayaran sama dengan total"),
                     "SELECT COUNT(*) FROM sales s WHERE s.total <> (SELECT COALESCE(SUM(amount),0) FROM sale_payments p WHERE p.sale_id = s.id)",
                     "{} penjualan pembayarannya tidak sama dengan totalnya"));
    TRY(scalar_check(core::tr("Setiap penjualan punya mutasi stok"),
                     "SELECT COUNT(*) FROM sales WHERE number NOT IN (SELECT ref FROM stock_moves)",
                     "{} penjualan tanpa mutasi stok"));
    TRY(scalar_check(core::tr("Ringkasan harian sama dengan baris penjualan"),
                     "SELECT COUNT(*) FROM (SELECT s.local_date d, l.item_id i, SUM(l.qty) q, SUM(l.total) r FROM sale_lines l "
                     "JOIN sales s ON s.id = l.sale_id GROUP BY 1, 2) x LEFT JOIN daily_item_sales y ON y.local_date = x.d AND y.item_id = x.i "
                     "WHERE y.qty IS NULL OR y.qty <> x.q OR y.revenue <> x.r",
                     "{} ringkasan harian tidak cocok"));
    TRY(check_summaries(*db_, out));   // summary_check.cpp: every report summary against the raw sales
    return out;
}

// [SECTION] Backups

Status SqliteStore::backup_to(const std::string& path) {
    // Online backup: readers never block the till in WAL mode. Written to a temporary name and
    // renamed, so a backup cut short by a power loss never looks complete.
    std::string tmp = path + ".partial";
    std::error_code ec;
    fs::remove(tmp, ec);
    sqlite3* dest = nullptr;
    if (sqlite3_open(tmp.c_str(), &dest) != SQLITE_OK) {
        sqlite3_close(dest);
        return core::make_error(ErrorCode::Storage, core::tr("File cadangan {} tidak bisa dibuat.", path));
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_->handle(), "main");
    int rc = SQLITE_ERROR;
    if (b) {
        rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
    }
    int close_rc = sqlite3_close(dest);
    if (rc != SQLITE_DONE || close_rc != SQLITE_OK) {
        fs::remove(tmp, ec);
        return core::make_error(ErrorCode::Storage, core::tr("Pencadangan ke {} gagal. Periksa ruang disk atau flashdisk.", path));
    }
    fs::rename(tmp, path, ec);
    if (ec) return core::make_error(ErrorCode::Storage, core::tr("Pencadangan ke {} gagal: {}.", path, ec.message()));
    return core::ok_status();
}

Result<std::string> auto_backup(SqliteStore& store, const std::string& dir, int keep, const std::string& local_stamp) {
    // local_stamp: "YYYYMMDD-HHMMSS" in the shop's time.
    std::string day = local_stamp.substr(0, 8);
    auto last = store.meta("backup.last_day");
    if (!last) return last.error();
    if (*last && **last == day) return std::string();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return core::make_error(ErrorCode::Storage, core::tr("Folder cadangan {} tidak bisa dipakai: {}.", dir, ec.message()));
    std::string path = (fs::path(dir) / ("waserda-" + local_stamp + ".sqlite")).string();
    WASERDA_TRY(store.backup_to(path));
    WASERDA_TRY(store.set_meta("backup.last_day", day));
    std::vector<fs::path> backups;
    for (auto& e : fs::directory_iterator(dir, ec)) {
        auto name = e.path().filename().string();
        if (name.rfind("waserda-", 0) == 0 && e.path().extension() == ".sqlite") backups.push_back(e.path());
    }
    std::sort(backups.begin(), backups.end());
    while (static_cast<int>(backups.size()) > std::max(keep, 1)) {
        fs::remove(backups.front(), ec);
        backups.erase(backups.begin());
    }
    return path;
}

}  // namespace waserda::store
