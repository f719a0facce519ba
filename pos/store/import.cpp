#include "pos/store/import.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/json_codec.hpp"
#include "pos/core/uuid.hpp"
#include "pos/store/try.hpp"

namespace waserda::store {

using core::Money;

namespace {

core::OutboxEvent event_for(core::Shop& shop, const core::Posting& p) {
    core::OutboxEvent e;
    e.uuid = core::new_uuid();
    e.device = shop.settings().device;
    e.kind = p.kind;
    e.payload = core::posting_payload_text(p);
    e.created_at = shop.now_utc();
    return e;
}

}  // namespace

core::Status import_items(SqliteStore& store, core::Shop& shop, const core::ItemImport& import) {
    if (!import.problems.empty())
        return core::make_error(core::ErrorCode::Invalid, core::tr("Impor dibatalkan: {} kesalahan.", import.problems.size()));
    Transaction tx(store.db());
    WASERDA_TRY(tx.begun());
    WASERDA_TRY(store.save_items(import.items, import.has_barcodes ? core::BarcodeWrite::Replace : core::BarcodeWrite::Keep));
    core::Posting p;
    p.kind = "stock.import";
    std::string at = shop.now_utc();
    for (auto& [sku, qty] : import.opening_stock) {
        auto item = store.item_by_sku(sku);
        if (!item) return item.error();
        if (!*item) return core::make_error(core::ErrorCode::NotFound, core::tr("Barang {} tidak ditemukan.", sku));
        int64_t diff = qty - (*item)->on_hand;
        if (diff == 0) continue;
        core::StockMove m;
        m.item_id = (*item)->id;
        m.sku = sku;
        m.kind = core::StockMoveKind::Adjustment;
        m.qty = diff;
        m.unit_cost = (*item)->cost;
        m.reason = core::tr("impor CSV");
        m.at = at;
        p.stock_moves.push_back(m);
    }
    if (!p.stock_moves.empty()) {
        p.events.push_back(event_for(shop, p));
        auto done = store.commit(std::move(p));
        if (!done) return done.error();
    }
    return tx.commit();
}

core::Status import_members(SqliteStore& store, core::Shop& shop, const core::MemberImport& import) {
    if (!import.problems.empty())
        return core::make_error(core::ErrorCode::Invalid, core::tr("Impor dibatalkan: {} kesalahan.", import.problems.size()));
    Transaction tx(store.db());
    WASERDA_TRY(tx.begun());
    WASERDA_TRY(store.save_members(import.members));
    core::Posting p;
    p.kind = "savings.import";
    std::string at = shop.now_utc();
    for (auto& o : import.savings) {
        auto m = store.member_by_number(o.number);
        if (!m) return m.error();
        if (!*m) return core::make_error(core::ErrorCode::NotFound, core::tr("Anggota {} tidak ditemukan.", o.number));
        auto b = store.member_balances((*m)->id);
        if (!b) return b.error();
        Money current = o.type == core::SavingsType::Pokok ? b->pokok : o.type == core::SavingsType::Wajib ? b->wajib : b->sukarela;
        Money diff = o.amount - current;
        if (diff.is_zero()) continue;
        core::SavingsEntry e;
        e.member_id = (*m)->id;
        e.member_number = o.number;
        e.type = o.type;
        e.kind = diff.is_negative() ? core::SavingsEntryKind::Withdrawal : core::SavingsEntryKind::Deposit;
        e.amount = diff;
        e.note = core::tr("impor CSV");
        e.at = at;
        p.savings.push_back(e);
    }
    if (!p.savings.empty()) {
        p.events.push_back(event_for(shop, p));
        auto done = store.commit(std::move(p));
        if (!done) return done.error();
    }
    return tx.commit();
}

}  // namespace waserda::store
