#include "pos/store/code_cache.hpp"

#include "pos/store/rows.hpp"

#include <cstring>

namespace waserda::store {

CodeCache::CodeCache(Database& db) : db_(db) {
    sqlite3_update_hook(db_.handle(), &CodeCache::on_update, this);
    sqlite3_rollback_hook(db_.handle(), &CodeCache::on_rollback, this);
}

CodeCache::~CodeCache() {
    sqlite3_update_hook(db_.handle(), nullptr, nullptr);
    sqlite3_rollback_hook(db_.handle(), nullptr, nullptr);
}

void CodeCache::clear() {
    by_code_.clear();
    items_.clear();
    item_changed_.clear();
    loaded_ = false;
}

void CodeCache::on_update(void* self, int op, const char*, const char* table, sqlite3_int64 rowid) {
    auto& c = *static_cast<CodeCache*>(self);
    if (std::strcmp(table, "items") == 0) {
        if (op == SQLITE_UPDATE) c.item_changed_[rowid] = ++c.stamp_;   // re-read on its next scan
        else c.clear();                                                // a new or removed item
    } else if (std::strcmp(table, "catalog_changes") == 0) {
        c.clear();   // a barcode added, changed or removed (migration 5's triggers)
    }
}

void CodeCache::on_rollback(void* self) { static_cast<CodeCache*>(self)->clear(); }

core::Status CodeCache::refresh_if_changed_elsewhere() {
    auto now = std::chrono::steady_clock::now();
    if (loaded_ && now - checked_at_ < std::chrono::milliseconds(100)) return core::ok_status();
    checked_at_ = now;
    auto st = db_.prepare("PRAGMA data_version");
    if (!st) return st.error();
    if (!st->step()) return st->error();
    int64_t v = st->int64(0);
    if (v != data_version_) {
        if (data_version_ != -1) clear();
        data_version_ = v;
    }
    return core::ok_status();
}

core::Status CodeCache::load() {
    clear();
    auto items = db_.prepare(std::string("SELECT ") + kItemCols + " FROM items i");
    if (!items) return items.error();
    while (items->step()) {
        Entry e{read_item(*items), stamp_};
        int64_t id = e.item.id;
        by_code_.emplace(e.item.sku, Code{id, 1});
        items_.emplace(id, std::move(e));
    }
    if (items->last_rc() != SQLITE_DONE) return items->error();
    // A code that is one item's barcode and another's SKU scans as the barcode.
    auto barcodes = db_.prepare("SELECT code, item_id, pack_qty FROM barcodes");
    if (!barcodes) return barcodes.error();
    while (barcodes->step()) by_code_.insert_or_assign(barcodes->text(0), Code{barcodes->int64(1), barcodes->int64(2)});
    if (barcodes->last_rc() != SQLITE_DONE) return barcodes->error();
    loaded_ = true;
    return core::ok_status();
}

}  // namespace waserda::store
