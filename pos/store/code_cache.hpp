// The scan path's memory: every barcode and SKU of the catalog mapped to its ScanHit, so a scan
// costs a hash lookup instead of two B-tree searches and a statement. It stays exact:
// - changes on this connection reach it through SQLite's update hook (an item updated: its
//   entries are re-read on their next scan; an item added or removed, or any barcode change —
//   seen through the catalog_changes counter, since barcodes is WITHOUT ROWID — reloads it);
// - a rollback clears it (a value read inside a transaction that rolled back is never kept);
// - changes by other connections or processes (the sync client, the `waserda` CLI) show in
//   `PRAGMA data_version`, checked when the last check is more than 100 ms old; a change clears
//   it. A price another program changed reaches the till within a tenth of a second — as if the
//   scan had come that much earlier; a cart keeps the prices it was scanned at anyway.
// Inside a write transaction it is bypassed. A code it does not hold is asked of SQLite.
#pragma once

#include "pos/core/catalog.hpp"
#include "pos/store/database.hpp"

#include <chrono>
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

    size_t codes() const { return by_code_.size(); }

private:
    struct Code {
        int64_t item_id = 0;
        int64_t qty = 1;            // the pack multiplier
    };
    struct Entry {
        core::Item item;
        uint64_t stamp = 0;         // the change counter when it was read
    };
    core::Status refresh_if_changed_elsewhere();
    core::Status load();
    void clear();
    static void on_update(void* self, int op, const char* db, const char* table, sqlite3_int64 rowid);
    static void on_rollback(void* self);

    Database& db_;
    std::unordered_map<std::string, Code> by_code_;        // barcodes and SKUs (a barcode wins)
    std::unordered_map<int64_t, Entry> items_;             // each item once
    std::unordered_map<int64_t, uint64_t> item_changed_;   // item id -> stamp of its last update
    uint64_t stamp_ = 0;
    bool loaded_ = false;
    int64_t data_version_ = -1;
    std::chrono::steady_clock::time_point checked_at_{};
};

template <typename Query>
core::Result<std::optional<core::ScanHit>> CodeCache::find(const std::string& code, Query&& query) {
    if (db_.in_transaction()) return query(code);
    if (auto st = refresh_if_changed_elsewhere(); !st) return st.error();
    if (!loaded_) {
        if (auto st = load(); !st) return st.error();
    }
    auto code_it = by_code_.find(code);
    if (code_it == by_code_.end()) return query(code);      // unknown here: a weighed label, a typo
    auto item_it = items_.find(code_it->second.item_id);
    auto changed = item_changed_.find(code_it->second.item_id);
    if (item_it == items_.end() || (changed != item_changed_.end() && changed->second > item_it->second.stamp)) {
        auto fresh = query(code);                          // re-read the item changed since
        if (!fresh) return fresh;
        if (*fresh) items_[(*fresh)->item.id] = Entry{(*fresh)->item, stamp_};
        return fresh;
    }
    core::ScanHit hit;
    hit.item = item_it->second.item;
    hit.qty = code_it->second.qty;
    hit.code = code;
    return std::optional<core::ScanHit>{std::move(hit)};
}

}  // namespace waserda::store
