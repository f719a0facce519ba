// SqliteInventoryStore: suppliers, goods receipts, opname sessions and counts, price changes and
// document counters (schema 3), on the shop's own connection so that atomically() can wrap them
// together with SqliteStore::commit in one transaction.
#pragma once

#include "pos/core/manager_service.hpp"
#include "pos/store/sqlite_store.hpp"

namespace waserda::store {

class SqliteInventoryStore final : public core::InventoryStore {
public:
    explicit SqliteInventoryStore(SqliteStore& store) : db_(store.db()) {}

    core::Status atomically(const std::function<core::Status()>& body) override;

    core::Result<int64_t> save_supplier(const core::Supplier& s) override;
    core::Result<std::optional<core::Supplier>> supplier_by_code(const std::string& code) override;
    core::Result<std::vector<core::Supplier>> list_suppliers() override;
    core::Result<int> next_document_counter(const std::string& prefix) override;

    core::Status insert_receipt(core::GoodsReceipt& r) override;
    core::Status set_item_cost(core::ItemId item, core::Money cost) override;
    core::Result<std::optional<core::GoodsReceipt>> receipt_by_number(const std::string& number) override;
    core::Result<std::vector<core::GoodsReceipt>> receipts_between(const std::string& from_date, const std::string& to_date) override;

    core::Result<int64_t> insert_opname(const core::OpnameSession& s) override;
    core::Result<std::optional<core::OpnameSession>> opname_by_number(const std::string& number) override;
    core::Result<std::vector<core::OpnameSession>> opname_sessions() override;
    core::Result<int64_t> record_count(int64_t session_id, const std::string& counter, core::ItemId item, int64_t qty,
                                       bool replace, const std::string& at) override;
    core::Result<std::vector<core::OpnameCount>> opname_counts(int64_t session_id) override;
    core::Result<std::vector<core::OpnameBook>> opname_books(int64_t session_id, bool all_items) override;
    core::Status close_opname(const core::OpnameSession& s) override;

    core::Result<int64_t> insert_price_change(const core::PriceChange& c) override;
    core::Result<std::vector<core::PriceChange>> price_changes(bool pending_only) override;
    core::Result<bool> apply_price_change(const core::PriceChange& c, const std::string& at) override;

    core::Result<std::vector<core::ReorderInput>> reorder_inputs(const std::string& from, const std::string& to) override;

private:
    core::Status load_lines(core::GoodsReceipt& r);
    Database& db_;
};

}  // namespace waserda::store
