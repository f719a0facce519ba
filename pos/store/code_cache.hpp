// The scan path's memory: every barcode and SKU of the catalog mapped to its ScanHit, so a scan
// costs a hash lookup instead of two B-tree searches and a statement. It stays exact:
// - changes on this connection reach it through SQLite's update hook (an item updated: its
//   entries are re-read on their next scan; an item added or removed, or any barcode change —
//   seen through the catalog_changes counter, since barcodes is WITHOUT ROWID — reloads it);
// - a rollback clears it (a value read inside a transaction that rolled back is never kept);
// - changes by other connections or processes (the sync client, the `waserda` CLI) show in
//   `PRAGMA data_version`, checked on every scan; a change clears it.
// Inside a write transaction it is bypassed. A code it does not hold is asked of SQLite.
#pragma once

#include "pos/core/catalog.hpp"
#include "pos/store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace waserda::store {

class CodeCache {
public:
    explicit CodeCache(Database& db);
    ~CodeCache();
    CodeCache(const CodeCache&) = delete;
    CodeCache& operator=(const CodeCache&) = delete;

    // The hit for `code` when the cache can vouch for it; nullopt means "ask the database".
    // `query` reads one code from SQLite (barcode first, then SKU).
    template <typename Query>
    core::Result<std::optional<core::ScanHit>> find(const std::string& code, Query&& query);

    size_t size() const { return by_code_.size(); }

private:
    struct Entry {
        core::ScanHit hit;
        uint64_t stamp = 0;        // the change counter when it was read
    };
    core::Status refresh_if_changed_elsewhere();
    core::Status load();
    void clear();
    static void on_update(void* self, int op, const char* db, const char* table, sqlite3_int64 rowid);
    static void on_rollback(void* self);

    Database& db_;
    std::unordered_map<std::string, Entry> by_code_;
    std::unordered_map<int64_t, uint64_t> item_changed_;   // item id -> stamp of its last update
    uint64_t stamp_ = 0;
    bool loaded_ = false;
    int64_t data_version_ = -1;
};

template <typename Query>
core::Result<std::optional<core::ScanHit>> CodeCache::find(const std::string& code, Query&& query) {
    if (db_.in_transaction()) return query(code);
    if (auto st = refresh_if_changed_elsewhere(); !st) return st.error();
    if (!loaded_) {
        if (auto st = load(); !st) return st.error();
    }
    auto it = by_code_.find(code);
    if (it == by_code_.end()) return query(code);      // unknown here: a weighed label, a typo
    if (auto ch = item_changed_.find(it->second.hit.item.id); ch != item_changed_.end() && ch->second > it->second.stamp) {
        auto fresh = query(code);
        if (!fresh) return fresh;
        if (*fresh) it->second = Entry{**fresh, stamp_};
        else by_code_.erase(it);
        return fresh;
    }
    return std::optional<core::ScanHit>{it->second.hit};
}

}  // namespace waserda::store
