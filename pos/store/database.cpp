#include "pos/store/database.hpp"

#include "pos/store/wal_vfs.hpp"

#include "pos/core/i18n.hpp"

namespace waserda::store {

using core::ErrorCode;

// [SECTION] Statement

Statement::~Statement() {
    if (stmt_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

Statement& Statement::bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
}

bool Statement::step() {
    last_rc_ = sqlite3_step(stmt_);
    return last_rc_ == SQLITE_ROW;
}

core::Status Statement::run() {
    while (step()) {
    }
    if (last_rc_ != SQLITE_DONE) return error();
    return core::ok_status();
}

core::Error Statement::error() const { return db_->error(last_rc_); }

std::string Statement::text(int col) const {
    auto p = sqlite3_column_text(stmt_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

// [SECTION] Database

core::Result<std::unique_ptr<Database>> Database::open(const std::string& path) {
    sqlite3* db = nullptr;
    // The WAL's writes go to the kernel once per transaction, not twice per page (wal_vfs.hpp).
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             wal_batching_vfs());
    if (rc != SQLITE_OK) {
        std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return core::make_error(ErrorCode::Storage, core::tr("Database {} tidak bisa dibuka: {}.", path, why));
    }
    std::unique_ptr<Database> out(new Database(db, path));
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    // WAL lets the sync thread and reports read while the till writes; FULL makes each commit
    // reach the disk before the sale is shown as done, so a power cut loses nothing committed.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA temp_store=MEMORY"}) {
        if (auto st = out->exec(pragma); !st) return st.error();
    }
    return out;
}

Database::~Database() {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
}

core::Status Database::exec(const std::string& sql) {
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        std::string why = msg ? msg : sqlite3_errstr(rc);
        sqlite3_free(msg);
        auto e = error(rc);
        e.message = core::tr("Database gagal: {}.", why);
        return e;
    }
    return core::ok_status();
}

core::Result<Statement> Database::prepare(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) return error(rc);
        it = cache_.emplace(sql, stmt).first;
    }
    return Statement(it->second, this);
}

core::Error Database::error(int rc) const {
    int primary = rc & 0xFF;
    if (primary == SQLITE_CONSTRAINT)
        return core::make_error(ErrorCode::Conflict, core::tr("Data bentrok dengan yang sudah ada ({}).", sqlite3_errmsg(db_)));
    if (primary == SQLITE_FULL)
        return core::make_error(ErrorCode::Storage, core::tr("Disk penuh: data tidak bisa disimpan. Kosongkan ruang disk lalu coba lagi."));
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return core::make_error(ErrorCode::Storage, core::tr("Database sedang dipakai program lain. Coba lagi sebentar."));
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        return core::make_error(ErrorCode::Storage, core::tr("File database rusak. Pulihkan dari cadangan terakhir."));
    return core::make_error(ErrorCode::Storage, core::tr("Database gagal: {}.", sqlite3_errmsg(db_)));
}

// [SECTION] Transaction

namespace {
// BEGIN, COMMIT and their savepoint forms run once per transaction: prepared once, from the cache.
core::Status run_cached(Database& db, const char* sql) {
    auto st = db.prepare(sql);
    if (!st) return st.error();
    return st->run();
}
}  // namespace

Transaction::Transaction(Database& db)
    : db_(db), nested_(db.in_transaction()), begun_(run_cached(db, nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE")) {}

Transaction::~Transaction() {
    if (!done_ && begun_) (void)db_.exec(nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
}

core::Status Transaction::commit() {
    if (!begun_) return begun_;
    auto st = run_cached(db_, nested_ ? "RELEASE nested" : "COMMIT");
    if (st) done_ = true;
    return st;
}

}  // namespace waserda::store
