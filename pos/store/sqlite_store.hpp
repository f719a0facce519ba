// SqliteStore: the shop's books in one SQLite file. Implements core::ShopStore.
// One instance is one connection; use one per thread (the POS's sync thread opens its own).
#pragma once

#include "pos/core/ports.hpp"
#include "pos/store/database.hpp"

#include <memory>
#include <string>

namespace waserda::store {

class CodeCache;

class SqliteStore final : public core::ShopStore {
public:
    // Opens or creates the database and brings its schema up to date.
    static core::Result<std::unique_ptr<SqliteStore>> open(const std::string& path);
    ~SqliteStore() override;

    Database& db() { return *db_; }

    // [SECTION] Settings and meta
    core::Result<core::ShopSettings> load_settings() override;
    core::Status save_settings(const core::ShopSettings& s) override;
    core::Result<std::optional<std::string>> meta(const std::string& key) override;
    core::Status set_meta(const std::string& key, const std::string& value) override;

    // [SECTION] Catalog
    core::Result<core::ItemId> save_item(const core::Item& item, core::BarcodeWrite barcodes) override;
    core::Status save_items(const std::vector<core::Item>& items, core::BarcodeWrite barcodes) override;
    core::Status set_barcodes(core::ItemId item, const std::vector<core::ItemBarcode>& codes) override;
    core::Result<std::optional<core::Item>> item_by_id(core::ItemId id) override;
    core::Result<std::optional<core::Item>> item_by_sku(const std::string& sku) override;
    core::Result<std::optional<core::ScanHit>> item_by_code(const std::string& code) override;
    core::Result<std::vector<core::Item>> search_items(const std::string& text, int limit) override;
    core::Result<std::vector<core::Item>> list_items(bool include_inactive) override;
    core::Result<std::vector<std::string>> categories() override;

    // [SECTION] Members and users
    core::Result<core::MemberId> save_member(const core::Member& m) override;
    core::Status save_members(const std::vector<core::Member>& members) override;
    core::Result<std::optional<core::Member>> member_by_id(core::MemberId id) override;
    core::Result<std::optional<core::Member>> member_by_number(const std::string& number) override;
    core::Result<std::optional<core::Member>> member_by_card(const std::string& code) override;
    core::Result<std::vector<core::Member>> search_members(const std::string& text, int limit) override;
    core::Result<std::vector<core::Member>> list_members() override;
    core::Result<core::MemberBalances> member_balances(core::MemberId id) override;
    core::Result<core::Money> member_credit_in_month(core::MemberId id, const std::string& month) override;
    core::Result<core::UserId> save_user(const core::User& u) override;
    core::Result<std::optional<core::User>> user_by_name(const std::string& name) override;
    core::Result<std::optional<core::User>> user_by_id(core::UserId id) override;
    core::Result<std::vector<core::User>> list_users() override;

    // [SECTION] Shifts, postings, sales
    core::Result<int64_t> open_shift(const core::Shift& s, const core::OutboxEvent& event) override;
    core::Result<std::optional<core::Shift>> current_shift(const std::string& device) override;
    core::Result<std::optional<core::Shift>> shift_by_id(int64_t id) override;
    core::Result<core::ShiftFigures> shift_figures(int64_t shift_id) override;
    core::Status close_shift(const core::Shift& s, const core::OutboxEvent& event) override;
    core::Status atomically(const std::function<core::Status()>& body) override;
    core::Result<int> next_sale_counter(const std::string& device, const std::string& local_date) override;
    core::Result<core::Posting> commit(core::Posting posting) override;
    core::Result<std::optional<core::Sale>> sale_by_number(const std::string& number) override;
    core::Result<bool> sale_exists(const std::string& uuid) override;
    core::Result<std::vector<core::Sale>> recent_sales(const std::string& device, int limit) override;
    core::Result<std::vector<core::StockMove>> stock_moves(core::ItemId item, int limit) override;
    core::Result<std::vector<core::SavingsEntry>> savings_entries(core::MemberId id) override;
    core::Result<std::vector<core::ReceivableEntry>> receivable_entries(core::MemberId id) override;
    core::Status append_audit(const core::AuditEntry& e) override;
    core::Result<std::vector<core::AuditEntry>> audit_entries(int limit) override;

    // [SECTION] Carts
    core::Result<int64_t> hold_cart(const core::HeldCart& c) override;
    core::Result<std::vector<core::HeldCart>> held_carts(const std::string& device) override;
    core::Result<std::optional<core::HeldCart>> take_held_cart(int64_t id) override;
    core::Status save_open_cart(const std::string& device, const std::string& cart_json) override;
    core::Result<std::optional<std::string>> open_cart(const std::string& device) override;

    // [SECTION] Outbox
    core::Result<std::vector<core::OutboxEvent>> pending_events(int limit) override;
    core::Status mark_acked(int64_t seq, const std::string& at) override;
    core::Status park_event(int64_t seq, const std::string& reason) override;
    core::Status record_sync_error(const std::string& error) override;
    core::Result<core::OutboxStats> outbox_stats() override;

    // [SECTION] Maintenance
    core::Result<std::vector<core::CheckFinding>> check() override;
    core::Status backup_to(const std::string& path) override;

private:
    explicit SqliteStore(std::unique_ptr<Database> db);
    core::Result<std::optional<core::ScanHit>> query_code(const std::string& code);
    core::Status write_item(const core::Item& item, core::BarcodeWrite barcodes, core::ItemId* id_out);
    core::Status write_barcodes(core::ItemId id, const std::vector<core::ItemBarcode>& codes);
    core::Status write_member(const core::Member& m, core::MemberId* id_out);
    core::Status insert_event(const core::OutboxEvent& e, const std::string& ref, int64_t* seq_out);
    core::Status load_sale_details(core::Sale& sale);

    std::unique_ptr<Database> db_;
    std::unique_ptr<CodeCache> codes_;    // made on the first scan
    int sales_since_fold_ = 0;            // sales committed since this store last folded the summaries
};

// The daily automatic backup: when none was made today (local date), copies the database into
// `dir` as waserda-YYYYMMDD-HHMMSS.sqlite and keeps the newest `keep` copies. Returns the file
// written, or an empty string when today's backup already exists.
core::Result<std::string> auto_backup(SqliteStore& store, const std::string& dir, int keep,
                                      const std::string& local_stamp);

}  // namespace waserda::store
