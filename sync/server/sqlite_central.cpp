// CentralStore on SQLite: one connection behind a mutex. SQLite takes one writer at a time anyway, and
// a batch is one short transaction, so a single connection is both simplest and fast enough.
// [SECTION] index: statements, schema, devices, events, master data, reports
#include "sync/server/central_store.hpp"

#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"

#include <sqlite3.h>

#include <mutex>

namespace waserda::sync {
namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;
using core::Status;

// [SECTION] Statements
class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) s_ = nullptr;
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    bool ok() const { return s_ != nullptr; }
    Stmt& bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); return *this; }
    Stmt& bind(int i, const std::string& v) { sqlite3_bind_text(s_, i, v.data(), int(v.size()), SQLITE_TRANSIENT); return *this; }
    Stmt& bind_null(int i) { sqlite3_bind_null(s_, i); return *this; }
    Stmt& bind(int i, const std::optional<int64_t>& v) { return v ? bind(i, *v) : bind_null(i); }
    int step() { return sqlite3_step(s_); }
    void reset() { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }
    int64_t i64(int c) const { return sqlite3_column_int64(s_, c); }
    bool is_null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
    std::string text(int c) const {
        auto p = sqlite3_column_text(s_, c);
        return p ? std::string(reinterpret_cast<const char*>(p), size_t(sqlite3_column_bytes(s_, c))) : std::string();
    }

private:
    sqlite3_stmt* s_ = nullptr;
};

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS devices(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, shop TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY, device_id INTEGER NOT NULL REFERENCES devices(id), seq INTEGER NOT NULL,
  uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, till TEXT NOT NULL, created_at TEXT NOT NULL,
  received_at TEXT NOT NULL, payload TEXT NOT NULL, UNIQUE(device_id, seq));
CREATE TABLE IF NOT EXISTS sales(
  event_id INTEGER PRIMARY KEY REFERENCES events(id), device_id INTEGER NOT NULL, uuid TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL, kind TEXT NOT NULL, local_date TEXT NOT NULL, at TEXT NOT NULL,
  member_number TEXT NOT NULL, total INTEGER NOT NULL, lines INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sales_by_date ON sales(local_date);
CREATE TABLE IF NOT EXISTS credit_entries(
  id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL REFERENCES events(id), device_id INTEGER NOT NULL,
  member_number TEXT NOT NULL, kind TEXT NOT NULL, amount INTEGER NOT NULL, ref TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS credit_by_member ON credit_entries(member_number);
CREATE TABLE IF NOT EXISTS master_rows(
  kind TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, name TEXT NOT NULL,
  credit_limit INTEGER, PRIMARY KEY(kind, key));
CREATE INDEX IF NOT EXISTS master_by_version ON master_rows(version);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL";

class SqliteCentral final : public CentralStore {
public:
    explicit SqliteCentral(sqlite3* db) : db_(db) {}
    ~SqliteCentral() override { sqlite3_close_v2(db_); }

    Status init() {
        // FULL: an acknowledged batch must survive a power cut, the shop has already let go of it.
        for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"})
            if (!exec(sql)) return storage_error();
        sqlite3_busy_timeout(db_, 10000);
        if (!exec(kSchema)) return storage_error();
        return core::ok_status();
    }

    // [SECTION] Devices
    Result<DeviceInfo> add_device(const std::string& name, const std::string& shop, const std::string& token_hash) override {
        std::lock_guard lock(mu_);
        DeviceInfo d{0, name, shop.empty() ? name : shop, core::iso_utc(std::chrono::system_clock::now()), ""};
        Stmt st(db_, "INSERT INTO devices(name, shop, token_hash, created_at) VALUES(?,?,?,?)");
        st.bind(1, d.name).bind(2, d.shop).bind(3, token_hash).bind(4, d.created_at);
        int rc = st.step();
        if (rc == SQLITE_CONSTRAINT)
            return make_error(ErrorCode::Conflict, core::tr("Perangkat \"{}\" sudah terdaftar.", name));
        if (rc != SQLITE_DONE) return storage_error();
        d.id = sqlite3_last_insert_rowid(db_);
        return d;
    }

    Status revoke_device(const std::string& name) override {
        std::lock_guard lock(mu_);
        Stmt st(db_, "UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE name = ?");
        st.bind(1, core::iso_utc(std::chrono::system_clock::now())).bind(2, name);
        if (st.step() != SQLITE_DONE) return storage_error();
        if (sqlite3_changes(db_) == 0)
            return make_error(ErrorCode::NotFound, core::tr("Perangkat \"{}\" tidak terdaftar.", name));
        return core::ok_status();
    }

    Result<std::vector<DeviceInfo>> list_devices() override {
        std::lock_guard lock(mu_);
        Stmt st(db_, "SELECT id, name, shop, created_at, COALESCE(revoked_at, '') FROM devices ORDER BY name");
        std::vector<DeviceInfo> out;
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) out.push_back({st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4)});
        if (rc != SQLITE_DONE) return storage_error();
        return out;
    }

    Result<std::optional<DeviceInfo>> device_by_token_hash(const std::string& token_hash) override {
        std::lock_guard lock(mu_);
        Stmt st(db_, "SELECT id, name, shop, created_at, COALESCE(revoked_at, '') FROM devices WHERE token_hash = ?");
        st.bind(1, token_hash);
        int rc = st.step();
        if (rc == SQLITE_DONE) return std::optional<DeviceInfo>{};
        if (rc != SQLITE_ROW) return storage_error();
        return std::optional<DeviceInfo>{DeviceInfo{st.i64(0), st.text(1), st.text(2), st.text(3), st.text(4)}};
    }

    // [SECTION] Events
    Result<BatchAck> ingest(int64_t device_id, const std::vector<WireEvent>& events) override {
        std::lock_guard lock(mu_);
        if (!exec("BEGIN IMMEDIATE")) return storage_error();
        auto result = ingest_locked(device_id, events);
        if (!result || !exec("COMMIT")) {
            auto err = result ? storage_error_value() : result.error();
            exec("ROLLBACK");
            return err;
        }
        return result;
    }

    Result<int64_t> acked_seq(int64_t device_id) override {
        std::lock_guard lock(mu_);
        return max_seq(device_id);
    }

    Result<int64_t> event_count() override {
        std::lock_guard lock(mu_);
        Stmt st(db_, "SELECT COUNT(*) FROM events");
        if (st.step() != SQLITE_ROW) return storage_error();
        return st.i64(0);
    }

    // [SECTION] Master data
    Result<UpsertCounts> upsert_master(const std::vector<MasterRow>& rows) override {
        std::lock_guard lock(mu_);
        if (!exec("BEGIN IMMEDIATE")) return storage_error();
        auto result = upsert_locked(rows);
        if (!result || !exec("COMMIT")) {
            auto err = result ? storage_error_value() : result.error();
            exec("ROLLBACK");
            return err;
        }
        return result;
    }

    Result<std::vector<MasterRow>> master_since(int64_t since, int limit) override {
        std::lock_guard lock(mu_);
        Stmt st(db_, "SELECT kind, key, body, name, credit_limit, version FROM master_rows WHERE version > ? "
                     "ORDER BY version LIMIT ?");
        st.bind(1, since).bind(2, int64_t(limit));
        std::vector<MasterRow> out;
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) {
            MasterRow r{st.text(0), st.text(1), st.text(2), st.text(3), std::nullopt, st.i64(5)};
            if (!st.is_null(4)) r.credit_limit = st.i64(4);
            out.push_back(std::move(r));
        }
        if (rc != SQLITE_DONE) return storage_error();
        return out;
    }

    // [SECTION] Reports
    Result<std::vector<SalesDayRow>> sales_report(const std::string& from, const std::string& to) override {
        std::lock_guard lock(mu_);
        Stmt st(db_, "SELECT d.shop, s.local_date, SUM(s.kind = 'sale'), SUM(s.kind = 'return'), SUM(s.total) "
                     "FROM sales s JOIN devices d ON d.id = s.device_id "
                     "WHERE (?1 = '' OR s.local_date >= ?1) AND (?2 = '' OR s.local_date <= ?2) "
                     "GROUP BY d.shop, s.local_date ORDER BY s.local_date, d.shop");
        st.bind(1, from).bind(2, to);
        std::vector<SalesDayRow> out;
        int rc;
        while ((rc = st.step()) == SQLITE_ROW)
            out.push_back({st.text(0), st.text(1), st.i64(2), st.i64(3), st.i64(4)});
        if (rc != SQLITE_DONE) return storage_error();
        return out;
    }

    Result<std::vector<CreditRow>> credit_report(bool over_limit_only) override {
        std::lock_guard lock(mu_);
        Stmt st(db_, "SELECT c.member_number, COALESCE(m.name, ''), SUM(c.amount), m.credit_limit, "
                     "COUNT(DISTINCT d.shop) FROM credit_entries c JOIN devices d ON d.id = c.device_id "
                     "LEFT JOIN master_rows m ON m.kind = 'member' AND m.key = c.member_number "
                     "GROUP BY c.member_number ORDER BY c.member_number");
        std::vector<CreditRow> out;
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) {
            CreditRow r{st.text(0), st.text(1), st.i64(2), std::nullopt, st.i64(4), false};
            if (!st.is_null(3)) r.set_limit(st.i64(3));
            if (!over_limit_only || r.over_limit) out.push_back(std::move(r));
        }
        if (rc != SQLITE_DONE) return storage_error();
        return out;
    }

private:
    bool exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
    core::Error storage_error_value() const {
        return make_error(ErrorCode::Storage, core::tr("Basis data pusat gagal: {}.", sqlite3_errmsg(db_)));
    }
    core::Error storage_error() const { return storage_error_value(); }

    Result<int64_t> max_seq(int64_t device_id) {
        Stmt st(db_, "SELECT COALESCE(MAX(seq), 0) FROM events WHERE device_id = ?");
        st.bind(1, device_id);
        if (st.step() != SQLITE_ROW) return storage_error();
        return st.i64(0);
    }

    Result<BatchAck> ingest_locked(int64_t device_id, const std::vector<WireEvent>& events) {
        BatchAck ack;
        const std::string now = core::iso_utc(std::chrono::system_clock::now());
        Stmt ins(db_, "INSERT OR IGNORE INTO events(device_id, seq, uuid, kind, till, created_at, received_at, payload) "
                      "VALUES(?,?,?,?,?,?,?,?)");
        Stmt same(db_, "SELECT uuid FROM events WHERE device_id = ? AND seq = ?");
        Stmt sale(db_, "INSERT OR IGNORE INTO sales(event_id, device_id, uuid, number, kind, local_date, at, "
                       "member_number, total, lines) VALUES(?,?,?,?,?,?,?,?,?,?)");
        Stmt sale_known(db_, "SELECT 1 FROM sales WHERE uuid = ?");
        Stmt credit(db_, "INSERT INTO credit_entries(event_id, device_id, member_number, kind, amount, ref, at) "
                         "VALUES(?,?,?,?,?,?,?)");
        if (!ins.ok() || !same.ok() || !sale.ok() || !sale_known.ok() || !credit.ok()) return storage_error();
        for (const auto& e : events) {
            if (e.sale) {
                sale_known.reset();
                sale_known.bind(1, e.sale->uuid);
                int rc = sale_known.step();
                if (rc == SQLITE_ROW) {
                    // Same event replayed: a duplicate below. Another event with this sale: refuse it,
                    // or the sale would silently count once where the shop counts it twice.
                    same.reset();
                    same.bind(1, device_id).bind(2, e.seq);
                    if (same.step() == SQLITE_ROW && same.text(0) == e.uuid) {
                        ++ack.duplicates;
                    } else {
                        ack.rejected.push_back({e.seq, core::tr("Penjualan {} sudah diterima dari catatan lain.", e.sale->number)});
                    }
                    continue;
                }
                if (rc != SQLITE_DONE) return storage_error();
            }
            ins.reset();
            ins.bind(1, device_id).bind(2, e.seq).bind(3, e.uuid).bind(4, e.kind).bind(5, e.device)
                .bind(6, e.created_at).bind(7, now).bind(8, e.payload);
            if (ins.step() != SQLITE_DONE) return storage_error();
            if (sqlite3_changes(db_) == 0) {
                same.reset();
                same.bind(1, device_id).bind(2, e.seq);
                int rc = same.step();
                if (rc == SQLITE_ROW && same.text(0) == e.uuid) {
                    ++ack.duplicates;
                } else if (rc == SQLITE_ROW) {
                    ack.rejected.push_back({e.seq, core::tr("Nomor urut {} sudah dipakai catatan lain dari perangkat ini.", e.seq)});
                } else if (rc == SQLITE_DONE) {
                    ack.rejected.push_back({e.seq, core::tr("Catatan {} sudah pernah dikirim dengan nomor urut lain.", e.uuid)});
                } else {
                    return storage_error();
                }
                continue;
            }
            ++ack.stored;
            int64_t event_id = sqlite3_last_insert_rowid(db_);
            if (e.sale) {
                const auto& s = *e.sale;
                sale.reset();
                sale.bind(1, event_id).bind(2, device_id).bind(3, s.uuid).bind(4, s.number).bind(5, s.kind)
                    .bind(6, s.local_date).bind(7, s.at).bind(8, s.member_number).bind(9, s.total).bind(10, s.line_count);
                if (sale.step() != SQLITE_DONE) return storage_error();
            }
            for (const auto& c : e.credits) {
                credit.reset();
                credit.bind(1, event_id).bind(2, device_id).bind(3, c.member_number).bind(4, c.kind)
                    .bind(5, c.amount).bind(6, c.ref).bind(7, c.at);
                if (credit.step() != SQLITE_DONE) return storage_error();
            }
        }
        auto seq = max_seq(device_id);
        if (!seq) return seq.error();
        ack.acked_seq = *seq;
        return ack;
    }

    Result<UpsertCounts> upsert_locked(const std::vector<MasterRow>& rows) {
        UpsertCounts counts;
        Stmt get_version(db_, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'master_version'");
        if (!get_version.ok()) return storage_error();
        int64_t version = get_version.step() == SQLITE_ROW ? get_version.i64(0) : 0;
        Stmt current(db_, "SELECT body, name, credit_limit FROM master_rows WHERE kind = ? AND key = ?");
        Stmt put(db_, "INSERT INTO master_rows(kind, key, version, body, name, credit_limit) VALUES(?,?,?,?,?,?) "
                      "ON CONFLICT(kind, key) DO UPDATE SET version = excluded.version, body = excluded.body, "
                      "name = excluded.name, credit_limit = excluded.credit_limit");
        for (const auto& r : rows) {
            current.reset();
            current.bind(1, r.kind).bind(2, r.key);
            int rc = current.step();
            if (rc == SQLITE_ROW && current.text(0) == r.body) {
                ++counts.unchanged;
                continue;
            }
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) return storage_error();
            put.reset();
            put.bind(1, r.kind).bind(2, r.key).bind(3, ++version).bind(4, r.body).bind(5, r.name).bind(6, r.credit_limit);
            if (put.step() != SQLITE_DONE) return storage_error();
            ++counts.changed;
        }
        Stmt set_version(db_, "INSERT INTO meta(key, value) VALUES('master_version', ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        set_version.bind(1, std::to_string(version));
        if (set_version.step() != SQLITE_DONE) return storage_error();
        counts.version = version;
        return counts;
    }

    std::mutex mu_;
    sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<CentralStore>> open_sqlite_central(const std::string& path) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        return make_error(ErrorCode::Storage, core::tr("Basis data pusat {} tidak dapat dibuka: {}.", path, why));
    }
    auto store = std::make_unique<SqliteCentral>(db);
    if (auto st = store->init(); !st) return st.error();
    return std::unique_ptr<CentralStore>(std::move(store));
}

}  // namespace waserda::sync
