// CentralStore on PostgreSQL (libpq). Server processes are stateless: every rule that must hold across
// processes (one event per (device, seq) and per uuid, ordered master versions) is a constraint or a
// lock in the database. A batch is ingested with a few set-based statements in one transaction, so
// its cost hardly grows with the round-trip time to the database.
// [SECTION] index: connection pool, schema, devices, events, master data, reports
#include "sync/server/central_store.hpp"

#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <condition_variable>
#include <mutex>
#include <unordered_map>

namespace waserda::sync {
namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;
using core::Status;
using Param = std::optional<std::string>;

// [SECTION] Connection pool and results
class PgRes {
public:
    explicit PgRes(PGresult* r) : r_(r) {}
    ~PgRes() { PQclear(r_); }
    PgRes(PgRes&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    PgRes(const PgRes&) = delete;
    bool ok() const {
        auto s = PQresultStatus(r_);
        return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
    }
    bool unique_violation() const {
        const char* state = PQresultErrorField(r_, PG_DIAG_SQLSTATE);
        return state && std::string(state) == "23505";
    }
    int rows() const { return PQntuples(r_); }
    std::string text(int row, int col) const { return PQgetvalue(r_, row, col); }
    int64_t i64(int row, int col) const { return std::stoll(PQgetvalue(r_, row, col)); }
    bool is_null(int row, int col) const { return PQgetisnull(r_, row, col); }
    std::string message() const { return r_ ? PQresultErrorMessage(r_) : "no result"; }

private:
    PGresult* r_;
};

class Conn {
public:
    explicit Conn(PGconn* c) : c_(c) {}
    PgRes exec(const char* sql, const std::vector<Param>& params = {}) {
        std::vector<const char*> values;
        for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
        return PgRes(PQexecParams(c_, sql, int(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
    }
    // Several statements at once (no parameters): the schema.
    PgRes exec_script(const char* sql) { return PgRes(PQexec(c_, sql)); }
    PGconn* raw() const { return c_; }

private:
    PGconn* c_;
};

class Pool {
public:
    Pool(std::string url, int size) : url_(std::move(url)), max_(size) {}
    ~Pool() {
        for (auto* c : free_) PQfinish(c);
    }

    // A borrowed connection goes back to the pool when the lease ends; a broken one is dropped.
    class Lease {
    public:
        Lease(Pool* p, PGconn* c) : pool_(p), conn_(c) {}
        Lease(Lease&& o) noexcept : pool_(o.pool_), conn_(o.conn_) { o.conn_ = Conn(nullptr); }
        ~Lease() {
            if (conn_.raw()) pool_->give_back(conn_.raw());
        }
        Conn* operator->() { return &conn_; }
        Conn& conn() { return conn_; }

    private:
        Pool* pool_;
        Conn conn_;
    };

    Result<Lease> take() {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return !free_.empty() || open_ < max_; });
        if (!free_.empty()) {
            PGconn* c = free_.back();
            free_.pop_back();
            return Lease(this, c);
        }
        ++open_;
        lock.unlock();
        PGconn* c = PQconnectdb(url_.c_str());
        if (PQstatus(c) != CONNECTION_OK) {
            std::string why = PQerrorMessage(c);
            PQfinish(c);
            std::lock_guard relock(mu_);
            --open_;
            cv_.notify_one();
            while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
            return make_error(ErrorCode::Storage, core::tr("PostgreSQL tidak dapat dihubungi: {}.", why));
        }
        PQclear(PQexec(c, "SET client_min_messages = warning"));
        return Lease(this, c);
    }

private:
    void give_back(PGconn* c) {
        std::lock_guard lock(mu_);
        // A connection left inside a failed transaction or cut off is not worth reusing.
        if (PQstatus(c) != CONNECTION_OK || PQtransactionStatus(c) != PQTRANS_IDLE) {
            PQfinish(c);
            --open_;
        } else {
            free_.push_back(c);
        }
        cv_.notify_one();
    }

    std::string url_;
    int max_;
    int open_ = 0;
    std::vector<PGconn*> free_;
    std::mutex mu_;
    std::condition_variable cv_;
};

// [SECTION] Schema
const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS devices(
  id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, shop TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS events(
  id BIGSERIAL PRIMARY KEY, device_id BIGINT NOT NULL REFERENCES devices(id), seq BIGINT NOT NULL,
  uuid TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, till TEXT NOT NULL, created_at TEXT NOT NULL,
  received_at TEXT NOT NULL, payload TEXT NOT NULL, UNIQUE(device_id, seq));
CREATE TABLE IF NOT EXISTS sales(
  event_id BIGINT PRIMARY KEY REFERENCES events(id), device_id BIGINT NOT NULL, uuid TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL, kind TEXT NOT NULL, local_date TEXT NOT NULL, at TEXT NOT NULL,
  member_number TEXT NOT NULL, total BIGINT NOT NULL, lines BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS sales_by_date ON sales(local_date);
CREATE TABLE IF NOT EXISTS credit_entries(
  id BIGSERIAL PRIMARY KEY, event_id BIGINT NOT NULL REFERENCES events(id), device_id BIGINT NOT NULL,
  member_number TEXT NOT NULL, kind TEXT NOT NULL, amount BIGINT NOT NULL, ref TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS credit_by_member ON credit_entries(member_number);
CREATE TABLE IF NOT EXISTS master_rows(
  kind TEXT NOT NULL, key TEXT NOT NULL, version BIGINT NOT NULL, body TEXT NOT NULL, name TEXT NOT NULL,
  credit_limit BIGINT, PRIMARY KEY(kind, key));
CREATE INDEX IF NOT EXISTS master_by_version ON master_rows(version);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES('master_version', '0') ON CONFLICT DO NOTHING;
)SQL";

std::string now_utc() { return core::iso_utc(std::chrono::system_clock::now()); }

class PgCentral final : public CentralStore {
public:
    PgCentral(std::string url, int pool) : pool_(std::move(url), pool) {}

    Status init() {
        auto c = pool_.take();
        if (!c) return c.error();
        // Several servers may start at once against a fresh database: serialise the schema creation.
        c.value()->exec("SELECT pg_advisory_lock(7305001)");
        auto r = c.value()->exec_script(kSchema);
        c.value()->exec("SELECT pg_advisory_unlock(7305001)");
        if (!r.ok()) return failed(r);
        return core::ok_status();
    }

    // [SECTION] Devices
    Result<DeviceInfo> add_device(const std::string& name, const std::string& shop, const std::string& token_hash) override {
        auto c = pool_.take();
        if (!c) return c.error();
        DeviceInfo d{0, name, shop.empty() ? name : shop, now_utc(), ""};
        auto r = c.value()->exec("INSERT INTO devices(name, shop, token_hash, created_at) VALUES($1,$2,$3,$4) RETURNING id",
                                 {d.name, d.shop, token_hash, d.created_at});
        if (r.unique_violation()) return make_error(ErrorCode::Conflict, core::tr("Perangkat \"{}\" sudah terdaftar.", name));
        if (!r.ok()) return failed(r);
        d.id = r.i64(0, 0);
        return d;
    }

    Status revoke_device(const std::string& name) override {
        auto c = pool_.take();
        if (!c) return c.error();
        auto r = c.value()->exec("UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE name = $2 RETURNING id",
                                 {now_utc(), name});
        if (!r.ok()) return failed(r);
        if (r.rows() == 0) return make_error(ErrorCode::NotFound, core::tr("Perangkat \"{}\" tidak terdaftar.", name));
        return core::ok_status();
    }

    Result<std::vector<DeviceInfo>> list_devices() override {
        auto c = pool_.take();
        if (!c) return c.error();
        auto r = c.value()->exec("SELECT id, name, shop, created_at, COALESCE(revoked_at, '') FROM devices ORDER BY name");
        if (!r.ok()) return failed(r);
        std::vector<DeviceInfo> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back({r.i64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)});
        return out;
    }

    Result<std::optional<DeviceInfo>> device_by_token_hash(const std::string& token_hash) override {
        auto c = pool_.take();
        if (!c) return c.error();
        auto r = c.value()->exec(
            "SELECT id, name, shop, created_at, COALESCE(revoked_at, '') FROM devices WHERE token_hash = $1", {token_hash});
        if (!r.ok()) return failed(r);
        if (r.rows() == 0) return std::optional<DeviceInfo>{};
        return std::optional<DeviceInfo>{DeviceInfo{r.i64(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3), r.text(0, 4)}};
    }

    // [SECTION] Events
    Result<BatchAck> ingest(int64_t device_id, const std::vector<WireEvent>& events) override {
        auto lease = pool_.take();
        if (!lease) return lease.error();
        Conn& c = lease.value().conn();
        if (auto r = c.exec("BEGIN"); !r.ok()) return failed(r);
        auto result = ingest_in_tx(c, device_id, events);
        if (!result) {
            c.exec("ROLLBACK");
            return result;
        }
        if (auto r = c.exec("COMMIT"); !r.ok()) return failed(r);
        return result;
    }

    Result<int64_t> acked_seq(int64_t device_id) override {
        auto c = pool_.take();
        if (!c) return c.error();
        auto r = c.value()->exec("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device_id = $1", {std::to_string(device_id)});
        if (!r.ok()) return failed(r);
        return r.i64(0, 0);
    }

    Result<int64_t> event_count() override {
        auto c = pool_.take();
        if (!c) return c.error();
        auto r = c.value()->exec("SELECT COUNT(*) FROM events");
        if (!r.ok()) return failed(r);
        return r.i64(0, 0);
    }

    // [SECTION] Master data
    Result<UpsertCounts> upsert_master(const std::vector<MasterRow>& rows) override {
        auto lease = pool_.take();
        if (!lease) return lease.error();
        Conn& c = lease.value().conn();
        if (auto r = c.exec("BEGIN"); !r.ok()) return failed(r);
        auto result = upsert_in_tx(c, rows);
        if (!result) {
            c.exec("ROLLBACK");
            return result;
        }
        if (auto r = c.exec("COMMIT"); !r.ok()) return failed(r);
        return result;
    }

    Result<std::vector<MasterRow>> master_since(int64_t since, int limit) override {
        auto c = pool_.take();
        if (!c) return c.error();
        auto r = c.value()->exec("SELECT kind, key, body, name, credit_limit, version FROM master_rows WHERE version > $1 "
                                 "ORDER BY version LIMIT $2",
                                 {std::to_string(since), std::to_string(limit)});
        if (!r.ok()) return failed(r);
        std::vector<MasterRow> out;
        for (int i = 0; i < r.rows(); ++i) {
            MasterRow row{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), std::nullopt, r.i64(i, 5)};
            if (!r.is_null(i, 4)) row.credit_limit = r.i64(i, 4);
            out.push_back(std::move(row));
        }
        return out;
    }

    // [SECTION] Reports
    Result<std::vector<SalesDayRow>> sales_report(const std::string& from, const std::string& to) override {
        auto c = pool_.take();
        if (!c) return c.error();
        auto r = c.value()->exec(
            "SELECT d.shop, s.local_date, SUM((s.kind = 'sale')::int), SUM((s.kind = 'return')::int), SUM(s.total) "
            "FROM sales s JOIN devices d ON d.id = s.device_id "
            "WHERE ($1 = '' OR s.local_date >= $1) AND ($2 = '' OR s.local_date <= $2) "
            "GROUP BY d.shop, s.local_date ORDER BY s.local_date, d.shop",
            {from, to});
        if (!r.ok()) return failed(r);
        std::vector<SalesDayRow> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.text(i, 0), r.text(i, 1), r.i64(i, 2), r.i64(i, 3), r.i64(i, 4)});
        return out;
    }

    Result<std::vector<CreditRow>> credit_report(bool over_limit_only) override {
        auto c = pool_.take();
        if (!c) return c.error();
        auto r = c.value()->exec(
            "SELECT c.member_number, COALESCE(MAX(m.name), ''), SUM(c.amount), MAX(m.credit_limit), "
            "COUNT(DISTINCT d.shop) FROM credit_entries c JOIN devices d ON d.id = c.device_id "
            "LEFT JOIN master_rows m ON m.kind = 'member' AND m.key = c.member_number "
            "GROUP BY c.member_number ORDER BY c.member_number");
        if (!r.ok()) return failed(r);
        std::vector<CreditRow> out;
        for (int i = 0; i < r.rows(); ++i) {
            CreditRow row{r.text(i, 0), r.text(i, 1), r.i64(i, 2), std::nullopt, r.i64(i, 4), false};
            if (!r.is_null(i, 3)) row.set_limit(r.i64(i, 3));
            if (!over_limit_only || row.over_limit) out.push_back(std::move(row));
        }
        return out;
    }

private:
    static core::Error failed(const PgRes& r) {
        std::string why = r.message();
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        return make_error(ErrorCode::Storage, core::tr("Basis data pusat gagal: {}.", why));
    }

    Result<BatchAck> ingest_in_tx(Conn& c, int64_t device_id, const std::vector<WireEvent>& events) {
        using nlohmann::json;
        BatchAck ack;
        const std::string dev = std::to_string(device_id);
        // Events whose sale the central already holds from another event are refused (see SQLite).
        std::unordered_map<std::string, bool> known_sales;
        {
            json uuids = json::array();
            for (const auto& e : events)
                if (e.sale) uuids.push_back(e.sale->uuid);
            if (!uuids.empty()) {
                auto r = c.exec("SELECT s.uuid FROM sales s WHERE s.uuid IN (SELECT json_array_elements_text($1::json))",
                                {uuids.dump()});
                if (!r.ok()) return failed(r);
                for (int i = 0; i < r.rows(); ++i) known_sales[r.text(i, 0)] = true;
            }
        }
        json rows = json::array();
        for (const auto& e : events)
            if (!e.sale || !known_sales.count(e.sale->uuid))
                rows.push_back({{"seq", e.seq}, {"uuid", e.uuid}, {"kind", e.kind}, {"till", e.device},
                            {"created_at", e.created_at}, {"payload", e.payload}});
        // Ordered by seq so that two servers racing on the same batch take row locks in the same order.
        auto ins = c.exec(
            "INSERT INTO events(device_id, seq, uuid, kind, till, created_at, received_at, payload) "
            "SELECT $1, x.seq, x.uuid, x.kind, x.till, x.created_at, $3, x.payload "
            "FROM json_to_recordset($2::json) AS x(seq bigint, uuid text, kind text, till text, created_at text, payload text) "
            "ORDER BY x.seq ON CONFLICT DO NOTHING RETURNING id, seq",
            {dev, rows.dump(), now_utc()});
        if (!ins.ok()) return failed(ins);
        std::unordered_map<int64_t, int64_t> stored;  // seq -> event id
        for (int i = 0; i < ins.rows(); ++i) stored.emplace(ins.i64(i, 1), ins.i64(i, 0));
        ack.stored = int64_t(stored.size());

        json sales = json::array(), credits = json::array();
        std::string missing = "{";
        for (const auto& e : events) {
            auto it = stored.find(e.seq);
            if (it == stored.end()) {
                missing += (missing.size() > 1 ? "," : "") + std::to_string(e.seq);
                continue;
            }
            if (e.sale)
                sales.push_back({{"event_id", it->second}, {"uuid", e.sale->uuid}, {"number", e.sale->number},
                                 {"kind", e.sale->kind}, {"local_date", e.sale->local_date}, {"at", e.sale->at},
                                 {"member_number", e.sale->member_number}, {"total", e.sale->total},
                                 {"lines", e.sale->line_count}});
            for (const auto& cr : e.credits)
                credits.push_back({{"event_id", it->second}, {"member_number", cr.member_number}, {"kind", cr.kind},
                                   {"amount", cr.amount}, {"ref", cr.ref}, {"at", cr.at}});
        }
        missing += "}";
        if (!sales.empty()) {
            auto r = c.exec(
                "INSERT INTO sales(event_id, device_id, uuid, number, kind, local_date, at, member_number, total, lines) "
                "SELECT x.event_id, $1, x.uuid, x.number, x.kind, x.local_date, x.at, x.member_number, x.total, x.lines "
                "FROM json_to_recordset($2::json) AS x(event_id bigint, uuid text, number text, kind text, "
                "local_date text, at text, member_number text, total bigint, lines bigint) ON CONFLICT DO NOTHING",
                {dev, sales.dump()});
            if (!r.ok()) return failed(r);
        }
        if (!credits.empty()) {
            auto r = c.exec(
                "INSERT INTO credit_entries(event_id, device_id, member_number, kind, amount, ref, at) "
                "SELECT x.event_id, $1, x.member_number, x.kind, x.amount, x.ref, x.at "
                "FROM json_to_recordset($2::json) AS x(event_id bigint, member_number text, kind text, amount bigint, "
                "ref text, at text)",
                {dev, credits.dump()});
            if (!r.ok()) return failed(r);
        }
        if (missing.size() > 2) {
            auto r = c.exec("SELECT seq, uuid FROM events WHERE device_id = $1 AND seq = ANY($2::bigint[])", {dev, missing});
            if (!r.ok()) return failed(r);
            std::unordered_map<int64_t, std::string> held;
            for (int i = 0; i < r.rows(); ++i) held.emplace(r.i64(i, 0), r.text(i, 1));
            for (const auto& e : events) {
                if (stored.count(e.seq)) continue;
                auto it = held.find(e.seq);
                if (it != held.end() && it->second == e.uuid)
                    ++ack.duplicates;
                else if (it == held.end() && e.sale && known_sales.count(e.sale->uuid))
                    ack.rejected.push_back({e.seq, core::tr("Penjualan {} sudah diterima dari catatan lain.", e.sale->number)});
                else if (it != held.end())
                    ack.rejected.push_back({e.seq, core::tr("Nomor urut {} sudah dipakai catatan lain dari perangkat ini.", e.seq)});
                else
                    ack.rejected.push_back({e.seq, core::tr("Catatan {} sudah pernah dikirim dengan nomor urut lain.", e.uuid)});
            }
        }
        auto m = c.exec("SELECT COALESCE(MAX(seq), 0) FROM events WHERE device_id = $1", {dev});
        if (!m.ok()) return failed(m);
        ack.acked_seq = m.i64(0, 0);
        return ack;
    }

    Result<UpsertCounts> upsert_in_tx(Conn& c, const std::vector<MasterRow>& rows) {
        UpsertCounts counts;
        // Writers take versions one after the other, so a reader never sees version N+1 committed
        // while N is still to come (it would skip N forever).
        auto v = c.exec("SELECT value::bigint FROM meta WHERE key = 'master_version' FOR UPDATE");
        if (!v.ok() || v.rows() != 1) return failed(v);
        int64_t version = v.i64(0, 0);
        for (const auto& r : rows) {
            auto cur = c.exec("SELECT body FROM master_rows WHERE kind = $1 AND key = $2", {r.kind, r.key});
            if (!cur.ok()) return failed(cur);
            if (cur.rows() == 1 && cur.text(0, 0) == r.body) {
                ++counts.unchanged;
                continue;
            }
            Param limit = r.credit_limit ? Param(std::to_string(*r.credit_limit)) : std::nullopt;
            auto put = c.exec("INSERT INTO master_rows(kind, key, version, body, name, credit_limit) VALUES($1,$2,$3,$4,$5,$6) "
                              "ON CONFLICT(kind, key) DO UPDATE SET version = excluded.version, body = excluded.body, "
                              "name = excluded.name, credit_limit = excluded.credit_limit",
                              {r.kind, r.key, std::to_string(++version), r.body, r.name, limit});
            if (!put.ok()) return failed(put);
            ++counts.changed;
        }
        auto set = c.exec("UPDATE meta SET value = $1 WHERE key = 'master_version'", {std::to_string(version)});
        if (!set.ok()) return failed(set);
        counts.version = version;
        return counts;
    }

    Pool pool_;
};

}  // namespace

Result<std::unique_ptr<CentralStore>> open_pg_central(const std::string& url, int pool) {
    auto store = std::make_unique<PgCentral>(url, pool < 1 ? 1 : pool);
    if (auto st = store->init(); !st) return st.error();
    return std::unique_ptr<CentralStore>(std::move(store));
}

}  // namespace waserda::sync
