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
    // Barcodes first: a code that is one item's barcode and another's SKU scans as the barcode.
    auto by_barcode = db_.prepare(std::string("SELECT b.code, b.pack_qty, ") + kItemCols +
                                  " FROM barcodes b JOIN items i ON i.id = b.item_id");
    if (!by_barcode) return by_barcode.error();
    while (by_barcode->step()) {
        Entry e;
        e.hit.code = by_barcode->text(0);
        e.hit.qty = by_barcode->int64(1);
        e.hit.item = read_item(*by_barcode, 2);
        e.stamp = stamp_;
        std::string key = e.hit.code;
        by_code_.emplace(std::move(key), std::move(e));
    }
    if (by_barcode->last_rc() != SQLITE_DONE) return by_barcode->error();
    auto by_sku = db_.prepare(std::string("SELECT ") + kItemCols + " FROM items i");
    if (!by_sku) return by_sku.error();
    while (by_sku->step()) {
        Entry e;
        e.hit.item = read_item(*by_sku);
        e.hit.code = e.hit.item.sku;
        e.stamp = stamp_;
        std::string key = e.hit.code;
        by_code_.emplace(std::move(key), std::move(e));   // never over a barcode
    }
    if (by_sku->last_rc() != SQLITE_DONE) return by_sku->error();
    loaded_ = true;
    return core::ok_status();
}

}  // namespace waserda::store
