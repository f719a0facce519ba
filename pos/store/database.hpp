// A thin RAII layer over SQLite: one connection, cached prepared statements, and one Transaction
// type that rolls back unless commit() is reached.
#pragma once

#include "pos/core/result.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace waserda::store {

class Database;

// A prepared statement borrowed from the connection's cache. Reset and unbound when it goes out of
// scope, so the next user finds it clean.
class Statement {
public:
    Statement(sqlite3_stmt* stmt, Database* db) : stmt_(stmt), db_(db) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& o) noexcept : stmt_(o.stmt_), db_(o.db_), last_rc_(o.last_rc_) { o.stmt_ = nullptr; }
    ~Statement();

    Statement& bind(int i, int64_t v);
    Statement& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
    Statement& bind(int i, bool v) { return bind(i, static_cast<int64_t>(v ? 1 : 0)); }
    Statement& bind(int i, std::string_view v);
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind_null(int i);
    template <typename T>
    Statement& bind(int i, const std::optional<T>& v) { return v ? bind(i, *v) : bind_null(i); }

    // true: a row is ready; false: done. Errors are kept in last_rc() and reported by run()/error().
    bool step();
    // Steps to completion; Ok or the error of the failing step.
    core::Status run();
    int last_rc() const { return last_rc_; }
    core::Error error() const;

    int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    bool boolean(int col) const { return sqlite3_column_int64(stmt_, col) != 0; }
    std::string text(int col) const;
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

private:
    sqlite3_stmt* stmt_;
    Database* db_;
    int last_rc_ = SQLITE_OK;
};

class Database {
public:
    // Opens (creating when missing) with WAL, synchronous=FULL, foreign keys on and a busy timeout.
    static core::Result<std::unique_ptr<Database>> open(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* handle() { return db_; }
    const std::string& path() const { return path_; }
    core::Status exec(const std::string& sql);
    // A cached statement; the SQL text is the cache key.
    core::Result<Statement> prepare(const std::string& sql);
    core::Error error(int rc) const;
    int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
    int changes() const { return sqlite3_changes(db_); }
    bool in_transaction() const { return !sqlite3_get_autocommit(db_); }

private:
    Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_;
    std::string path_;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// BEGIN IMMEDIATE on construction (the write lock is taken up front, so a busy database fails
// here and not half-way); ROLLBACK on destruction unless commit() succeeded. Inside an open
// transaction it becomes a SAVEPOINT, so bulk loads can wrap many postings in one transaction.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    const core::Status& begun() const { return begun_; }
    core::Status commit();

private:
    Database& db_;
    bool nested_;
    core::Status begun_;
    bool done_ = false;
};

}  // namespace waserda::store
