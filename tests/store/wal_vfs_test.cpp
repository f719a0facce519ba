// The WAL-batching VFS (pos/store/wal_vfs.hpp) changes when the WAL's bytes reach the kernel, never
// what they are: another connection — ours or plain SQLite's — sees every commit at once, whatever
// `synchronous` says, through checkpoints and WAL restarts and transactions far bigger than the
// buffer; and the file passes SQLite's own integrity check.
#include "pos/store/database.hpp"
#include "pos/store/wal_vfs.hpp"
#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

using namespace waserda;

namespace {

int64_t scalar(store::Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    EXPECT_TRUE(st && st->step()) << sql;
    return st ? st->int64(0) : -1;
}

// A connection through SQLite's own default VFS, as the sqlite3 shell or another program has.
struct PlainConnection {
    sqlite3* db = nullptr;
    explicit PlainConnection(const std::string& path) { EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK); }
    ~PlainConnection() { sqlite3_close(db); }
    int64_t scalar(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
        int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
        sqlite3_finalize(st);
        return v;
    }
};

class WalVfs : public ::testing::TestWithParam<const char*> {
protected:
    test_support::TempDir tmp;
};

TEST_P(WalVfs, EveryCommitIsSeenAtOnceByOtherConnections) {
    std::string path = tmp.file("wal.sqlite");
    auto writer = store::Database::open(path).value();
    ASSERT_TRUE(writer->exec(std::string("PRAGMA synchronous=") + GetParam()));
    ASSERT_TRUE(writer->exec("PRAGMA wal_autocheckpoint=8"));   // checkpoints and WAL restarts all along
    ASSERT_TRUE(writer->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL)"));
    auto reader = store::Database::open(path).value();
    PlainConnection plain(path);
    for (int i = 1; i <= 300; ++i) {
        store::Transaction tx(*writer);
        ASSERT_TRUE(tx.begun());
        // Rows of different sizes so the pages written per transaction vary from one to many.
        auto st = writer->prepare("INSERT INTO t(v) VALUES(?)");
        ASSERT_TRUE(st);
        ASSERT_TRUE(st->bind(1, std::string(static_cast<size_t>(1 + (i * 97) % 9000), 'a' + static_cast<char>(i % 26))).run());
        ASSERT_TRUE(tx.commit());
        ASSERT_EQ(scalar(*reader, "SELECT COUNT(*) FROM t"), i);
        ASSERT_EQ(plain.scalar("SELECT COUNT(*) FROM t"), i);
        ASSERT_EQ(plain.scalar("SELECT length(v) FROM t WHERE id = " + std::to_string(i)), 1 + (i * 97) % 9000);
    }
    EXPECT_EQ(plain.scalar("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
}

TEST_P(WalVfs, ATransactionBiggerThanTheBufferIsWrittenWhole) {
    // 3 MiB in one transaction: the buffer goes out a megabyte at a time, in pieces the platform
    // VFS accepts (it masks writes of 128 KiB and more).
    std::string path = tmp.file("big.sqlite");
    auto writer = store::Database::open(path).value();
    ASSERT_TRUE(writer->exec(std::string("PRAGMA synchronous=") + GetParam()));
    ASSERT_TRUE(writer->exec("CREATE TABLE b(id INTEGER PRIMARY KEY, v BLOB NOT NULL)"));
    {
        store::Transaction tx(*writer);
        ASSERT_TRUE(tx.begun());
        for (int i = 0; i < 48; ++i) {
            auto st = writer->prepare("INSERT INTO b(v) VALUES(zeroblob(65536))");
            ASSERT_TRUE(st && st->run());
        }
        ASSERT_TRUE(tx.commit());
    }
    PlainConnection plain(path);
    EXPECT_EQ(plain.scalar("SELECT SUM(length(v)) FROM b"), 48 * 65536);
    EXPECT_EQ(plain.scalar("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
    // And a rolled-back transaction leaves nothing behind.
    {
        store::Transaction tx(*writer);
        ASSERT_TRUE(tx.begun());
        auto st = writer->prepare("DELETE FROM b");
        ASSERT_TRUE(st && st->run());
    }
    EXPECT_EQ(plain.scalar("SELECT COUNT(*) FROM b"), 48);
    writer.reset();   // the writer closes with nothing buffered left behind
    EXPECT_EQ(plain.scalar("SELECT COUNT(*) FROM b"), 48);
}

INSTANTIATE_TEST_SUITE_P(Synchronous, WalVfs, ::testing::Values("FULL", "NORMAL", "OFF"));

TEST(WalVfsName, IsRegisteredOnceAndNotAsTheDefault) {
    const char* name = store::wal_batching_vfs();
    EXPECT_EQ(name, store::wal_batching_vfs());
    ASSERT_NE(sqlite3_vfs_find(name), nullptr);
    EXPECT_NE(sqlite3_vfs_find(nullptr), sqlite3_vfs_find(name));
}

}  // namespace
