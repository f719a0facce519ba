// SqliteStore: opening, settings, meta and the catalog.
#include "pos/store/sqlite_store.hpp"

#include "pos/core/i18n.hpp"
#include "pos/store/code_cache.hpp"
#include "pos/store/migrations.hpp"
#include "pos/store/rows.hpp"
#include "pos/store/try.hpp"

namespace waserda::store {

using core::ErrorCode;
using core::Item;
using core::Money;
using core::Result;
using core::Status;

#define TRY WASERDA_TRY

SqliteStore::SqliteStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
    auto db = Database::open(path);
    if (!db) return db.error();
    // Before an upgrade touches the shop's books, a full copy: a migration that fails leaves the
    // old database untouched, and this copy covers everything else.
    int from = schema_version(**db);
    if (from > 0 && from < latest_schema_version()) {
        std::string copy = path + ".sebelum-v" + std::to_string(latest_schema_version()) + ".bak";
        SqliteStore tmp(std::move(*db));
        if (auto st = tmp.backup_to(copy); !st)
            return core::make_error(ErrorCode::Storage,
                                    core::tr("Pencadangan sebelum pembaruan database gagal; database tidak diubah. {}", st.error().message));
        db = Database::open(path);
        if (!db) return db.error();
    }
    auto version = migrate(**db);
    if (!version) return version.error();
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db)));
}

// [SECTION] Settings and meta

Result<core::ShopSettings> SqliteStore::load_settings() {
    auto st = db_->prepare("SELECT key, value FROM settings");
    if (!st) return st.error();
    std::map<std::string, std::string> kv;
    while (st->step()) kv[st->text(0)] = st->text(1);
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return core::settings_from_kv(kv);
}

Status SqliteStore::save_settings(const core::ShopSettings& s) {
    Transaction tx(*db_);
    TRY(tx.begun());
    for (auto& [k, v] : core::settings_to_kv(s)) {
        auto st = db_->prepare("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        if (!st) return st.error();
        TRY(st->bind(1, k).bind(2, v).run());
    }
    return tx.commit();
}

Result<std::optional<std::string>> SqliteStore::meta(const std::string& key) {
    auto st = db_->prepare("SELECT value FROM meta WHERE key = ?");
    if (!st) return st.error();
    st->bind(1, key);
    if (st->step()) return std::optional<std::string>{st->text(0)};
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<std::string>{};
}

Status SqliteStore::set_meta(const std::string& key, const std::string& value) {
    auto st = db_->prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st) return st.error();
    return st->bind(1, key).bind(2, value).run();
}

// [SECTION] Catalog

const char* const kItemCols =
    "i.id, i.sku, i.name, i.unit, i.category, i.weighed, i.price, i.member_price, i.wholesale_min_qty, "
    "i.wholesale_price, i.cost, i.taxable, i.min_stock, i.active, i.consignment, i.consignor_id, i.on_hand";

Item read_item(const Statement& st, int c) {
    Item it;
    it.id = st.int64(c + 0);
    it.sku = st.text(c + 1);
    it.name = st.text(c + 2);
    it.unit = st.text(c + 3);
    it.category = st.text(c + 4);
    it.weighed = st.boolean(c + 5);
    it.price = Money::rp(st.int64(c + 6));
    it.member_price = Money::rp(st.int64(c + 7));
    it.wholesale_min_qty = st.int64(c + 8);
    it.wholesale_price = Money::rp(st.int64(c + 9));
    it.cost = Money::rp(st.int64(c + 10));
    it.taxable = st.boolean(c + 11);
    it.min_stock = st.int64(c + 12);
    it.active = st.boolean(c + 13);
    it.consignment = st.boolean(c + 14);
    it.consignor_id = st.int64(c + 15);
    it.on_hand = st.int64(c + 16);
    return it;
}

Status SqliteStore::write_item(const Item& item, core::BarcodeWrite barcodes, core::ItemId* id_out) {
    core::ItemId id = item.id;
    if (id == 0) {
        auto existing = db_->prepare("SELECT id FROM items WHERE sku = ?");
        if (!existing) return existing.error();
        existing->bind(1, item.sku);
        if (existing->step()) id = existing->int64(0);
    }
    const bool inserting = id == 0;
    const char* sql = inserting
        ? "INSERT INTO items(sku, name, unit, category, weighed, price, member_price, wholesale_min_qty, wholesale_price, "
          "cost, taxable, min_stock, active, consignment, consignor_id, updated_at) "
          "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
        : "UPDATE items SET sku=?, name=?, unit=?, category=?, weighed=?, price=?, member_price=?, wholesale_min_qty=?, "
          "wholesale_price=?, cost=?, taxable=?, min_stock=?, active=?, consignment=?, consignor_id=?, "
          "updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id=?";
    auto st = db_->prepare(sql);
    if (!st) return st.error();
    st->bind(1, item.sku).bind(2, item.name).bind(3, item.unit).bind(4, item.category).bind(5, item.weighed)
        .bind(6, item.price.rupiah()).bind(7, item.member_price.rupiah()).bind(8, item.wholesale_min_qty)
        .bind(9, item.wholesale_price.rupiah()).bind(10, item.cost.rupiah()).bind(11, item.taxable)
        .bind(12, item.min_stock).bind(13, item.active).bind(14, item.consignment).bind(15, item.consignor_id);
    if (!inserting) st->bind(16, id);
    TRY(st->run());
    if (inserting) id = db_->last_insert_id();
    else if (db_->changes() == 0) return core::make_error(ErrorCode::NotFound, core::tr("Barang {} tidak ditemukan.", item.sku));

    // Keep leaves the stored codes alone; a new item has none stored, so it gets the ones it carries.
    if (barcodes == core::BarcodeWrite::Replace || (inserting && !item.barcodes.empty()))
        TRY(write_barcodes(id, item.barcodes));
    if (id_out) *id_out = id;
    return core::ok_status();
}

// The item's barcodes become exactly `codes`; a code of another item is a Conflict (the caller's
// transaction then keeps nothing).
Status SqliteStore::write_barcodes(core::ItemId id, const std::vector<core::ItemBarcode>& codes) {
    auto del = db_->prepare("DELETE FROM barcodes WHERE item_id = ?");
    if (!del) return del.error();
    TRY(del->bind(1, id).run());
    for (const auto& b : codes) {
        auto owner = db_->prepare("SELECT i.sku FROM barcodes b JOIN items i ON i.id = b.item_id WHERE b.code = ?");
        if (!owner) return owner.error();
        owner->bind(1, b.code);
        if (owner->step())
            return core::make_error(ErrorCode::Conflict, core::tr("Kode batang {} sudah dipakai barang {}.", b.code, owner->text(0)));
        auto ins = db_->prepare("INSERT INTO barcodes(code, item_id, pack_qty) VALUES(?, ?, ?)");
        if (!ins) return ins.error();
        TRY(ins->bind(1, b.code).bind(2, id).bind(3, b.pack_qty).run());
    }
    return core::ok_status();
}

Result<core::ItemId> SqliteStore::save_item(const Item& item, core::BarcodeWrite barcodes) {
    Transaction tx(*db_);
    TRY(tx.begun());
    core::ItemId id = 0;
    TRY(write_item(item, barcodes, &id));
    TRY(tx.commit());
    return id;
}

Status SqliteStore::save_items(const std::vector<Item>& items, core::BarcodeWrite barcodes) {
    Transaction tx(*db_);
    TRY(tx.begun());
    for (const auto& item : items) TRY(write_item(item, barcodes, nullptr));
    return tx.commit();
}

Status SqliteStore::set_barcodes(core::ItemId item, const std::vector<core::ItemBarcode>& codes) {
    Transaction tx(*db_);
    TRY(tx.begun());
    auto exists = db_->prepare("SELECT 1 FROM items WHERE id = ?");
    if (!exists) return exists.error();
    exists->bind(1, item);
    if (!exists->step()) {
        if (exists->last_rc() != SQLITE_DONE) return exists->error();
        return core::make_error(ErrorCode::NotFound, core::tr("Barang tidak ditemukan."));
    }
    TRY(write_barcodes(item, codes));
    return tx.commit();
}

Result<std::optional<Item>> SqliteStore::item_by_id(core::ItemId id) {
    auto st = db_->prepare(std::string("SELECT ") + kItemCols + " FROM items i WHERE i.id = ?");
    if (!st) return st.error();
    st->bind(1, id);
    if (!st->step()) {
        if (st->last_rc() != SQLITE_DONE) return st->error();
        return std::optional<Item>{};
    }
    Item item = read_item(*st);
    auto bc = db_->prepare("SELECT code, pack_qty FROM barcodes WHERE item_id = ? ORDER BY pack_qty, code");
    if (!bc) return bc.error();
    bc->bind(1, id);
    while (bc->step()) item.barcodes.push_back({bc->text(0), bc->int64(1)});
    return std::optional<Item>{std::move(item)};
}

Result<std::optional<Item>> SqliteStore::item_by_sku(const std::string& sku) {
    core::ItemId id = 0;
    {
        auto st = db_->prepare("SELECT id FROM items WHERE sku = ?");
        if (!st) return st.error();
        st->bind(1, sku);
        if (!st->step()) return std::optional<Item>{};
        id = st->int64(0);
    }
    return item_by_id(id);
}

Result<std::optional<core::ScanHit>> SqliteStore::item_by_code(const std::string& code) {
    // The hot path of every scan: the catalog's codes in memory (code_cache.hpp), kept exact.
    if (!codes_) codes_ = std::make_unique<CodeCache>(*db_);
    return codes_->find(code, [this](const std::string& c) { return query_code(c); });
}

Result<std::optional<core::ScanHit>> SqliteStore::query_code(const std::string& code) {
    static const std::string by_barcode =
        std::string("SELECT b.pack_qty, ") + kItemCols + " FROM barcodes b JOIN items i ON i.id = b.item_id WHERE b.code = ?";
    static const std::string by_sku = std::string("SELECT ") + kItemCols + " FROM items i WHERE i.sku = ?";
    {
        auto st = db_->prepare(by_barcode);
        if (!st) return st.error();
        st->bind(1, code);
        if (st->step()) {
            core::ScanHit hit;
            hit.qty = st->int64(0);
            hit.item = read_item(*st, 1);
            hit.code = code;
            return std::optional<core::ScanHit>{std::move(hit)};
        }
        if (st->last_rc() != SQLITE_DONE) return st->error();
    }
    auto st = db_->prepare(by_sku);
    if (!st) return st.error();
    st->bind(1, code);
    if (st->step()) {
        core::ScanHit hit;
        hit.item = read_item(*st);
        hit.code = code;
        return std::optional<core::ScanHit>{std::move(hit)};
    }
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return std::optional<core::ScanHit>{};
}

Result<std::vector<Item>> SqliteStore::search_items(const std::string& text, int limit) {
    auto st = db_->prepare(std::string("SELECT ") + kItemCols +
                           " FROM items i WHERE i.active = 1 AND (i.name LIKE '%' || ?1 || '%' ESCAPE '\\' OR i.sku = ?2 "
                           "OR i.id IN (SELECT item_id FROM barcodes WHERE code = ?2)) ORDER BY i.name LIMIT ?3");
    if (!st) return st.error();
    std::string escaped;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') escaped.push_back('\\');
        escaped.push_back(c);
    }
    st->bind(1, escaped).bind(2, text).bind(3, limit);
    std::vector<Item> out;
    while (st->step()) out.push_back(read_item(*st));
    if (st->last_rc() != SQLITE_DONE) return st->error();
    return out;
}

Result<std::vector<Item>> SqliteStore::list_items(bool include_inactive) {
    std::vector<Item> out;
    std::unordered_map<core::ItemId, size_t> index;
    {
        auto st = db_->prepare(std::string("SELECT ") + kItemCols + " FROM items i WHERE ?1 OR i.active = 1 ORDER BY i.sku");
        if (!st) return st.error();
        st->bind(1, include_inactive);
        while (st->step()) {
            index[st->int64(0)] = out.size();
            out.push_back(read_item(*st));
        }
        if (st->last_rc() != SQLITE_DONE) return st->error();
    }
    auto bc = db_->prepare("SELECT item_id, code, pack_qty FROM barcodes ORDER BY item_id, pack_qty, code");
    if (!bc) return bc.error();
    while (bc->step()) {
        auto it = index.find(bc->int64(0));
        if (it != index.end()) out[it->second].barcodes.push_back({bc->text(1), bc->int64(2)});
    }
    return out;
}

Result<std::vector<std::string>> SqliteStore::categories() {
    auto st = db_->prepare("SELECT DISTINCT category FROM items WHERE active = 1 AND category <> '' ORDER BY category");
    if (!st) return st.error();
    std::vector<std::string> out;
    while (st->step()) out.push_back(st->text(0));
    return out;
}

}  // namespace waserda::store
