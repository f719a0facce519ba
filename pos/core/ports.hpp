// The ports core needs from persistence. pos/store implements them on SQLite; tests may fake them.
// Every method that writes does so atomically. Failures are values (ErrorCode::Storage, Conflict...).
#pragma once

#include "catalog.hpp"
#include "member.hpp"
#include "posting.hpp"
#include "result.hpp"
#include "sale.hpp"
#include "settings.hpp"
#include "shift.hpp"
#include "stock.hpp"
#include "user.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace waserda::core {

struct HeldCart {
    int64_t id = 0;
    std::string device;
    std::string cart_json;    // cart_to_json
    std::string held_at;
    std::string label;        // member name or first item, for the list
};

struct OutboxStats {
    int64_t pending = 0;
    int64_t parked = 0;       // rejected by the server, waiting for a person
    int64_t last_acked_seq = 0;
    std::string last_success_at;
    std::string last_error;
};

// The outbox, as the sync client sees it. Events are drained in sequence order.
class OutboxPort {
public:
    virtual ~OutboxPort() = default;
    // Up to `limit` events not yet acknowledged nor parked, in sequence order.
    virtual Result<std::vector<OutboxEvent>> pending_events(int limit) = 0;
    // The server holds every event with seq <= `seq`: mark them sent.
    virtual Status mark_acked(int64_t seq, const std::string& at) = 0;
    // The server rejected this event as invalid: park it with the reason, never block the others.
    virtual Status park_event(int64_t seq, const std::string& reason) = 0;
    virtual Status record_sync_error(const std::string& error) = 0;
    virtual Result<OutboxStats> outbox_stats() = 0;
};

// One line of `waserda check`.
struct CheckFinding {
    std::string what;
    bool ok = true;
    std::string detail;
};

// What saving an item does to its barcodes; every caller says which it means. An Item from a scan
// or a search (item_by_code, search_items) carries no barcodes, so writing it back with Replace
// would take its codes away and the next scan at the till would fail.
enum class BarcodeWrite {
    Keep,      // the item's stored barcodes stay as they are; item.barcodes is not read (a new item,
               // having none stored, starts with the ones it carries)
    Replace,   // the item's barcodes become exactly item.barcodes (none when it is empty)
};

class ShopStore : public OutboxPort {
public:
    // [SECTION] Settings
    virtual Result<ShopSettings> load_settings() = 0;
    virtual Status save_settings(const ShopSettings& s) = 0;

    // [SECTION] Catalog
    // Insert (id 0 and an unknown SKU) or update; the barcodes as `barcodes` says.
    virtual Result<ItemId> save_item(const Item& item, BarcodeWrite barcodes) = 0;
    virtual Status save_items(const std::vector<Item>& items, BarcodeWrite barcodes) = 0;   // all or nothing
    // The item's barcodes become exactly `codes` (a code another item has is refused; nothing changes).
    virtual Status set_barcodes(ItemId item, const std::vector<ItemBarcode>& codes) = 0;
    virtual Result<std::optional<Item>> item_by_id(ItemId id) = 0;
    virtual Result<std::optional<Item>> item_by_sku(const std::string& sku) = 0;
    // Looks the code up among barcodes (with its pack multiplier) and SKUs.
    virtual Result<std::optional<ScanHit>> item_by_code(const std::string& code) = 0;
    virtual Result<std::vector<Item>> search_items(const std::string& text, int limit) = 0;
    virtual Result<std::vector<Item>> list_items(bool include_inactive) = 0;
    virtual Result<std::vector<std::string>> categories() = 0;

    // [SECTION] Members
    virtual Result<MemberId> save_member(const Member& m) = 0;
    virtual Status save_members(const std::vector<Member>& members) = 0;
    virtual Result<std::optional<Member>> member_by_id(MemberId id) = 0;
    virtual Result<std::optional<Member>> member_by_number(const std::string& number) = 0;
    virtual Result<std::optional<Member>> member_by_card(const std::string& code) = 0;
    virtual Result<std::vector<Member>> search_members(const std::string& text, int limit) = 0;
    virtual Result<std::vector<Member>> list_members() = 0;
    virtual Result<MemberBalances> member_balances(MemberId id) = 0;
    // Credit purchases of the member in a local month "YYYY-MM" (for a monthly cap).
    virtual Result<Money> member_credit_in_month(MemberId id, const std::string& month) = 0;

    // [SECTION] Users
    virtual Result<UserId> save_user(const User& u) = 0;
    virtual Result<std::optional<User>> user_by_name(const std::string& name) = 0;
    virtual Result<std::optional<User>> user_by_id(UserId id) = 0;
    virtual Result<std::vector<User>> list_users() = 0;

    // [SECTION] Shifts
    virtual Result<int64_t> open_shift(const Shift& s, const OutboxEvent& event) = 0;
    virtual Result<std::optional<Shift>> current_shift(const std::string& device) = 0;
    virtual Result<std::optional<Shift>> shift_by_id(int64_t id) = 0;
    virtual Result<ShiftFigures> shift_figures(int64_t shift_id) = 0;
    virtual Status close_shift(const Shift& s, const OutboxEvent& event) = 0;

    // [SECTION] Postings: sales, returns, ledgers - one transaction each
    // Runs `body` in one write transaction: what it reads cannot change before what it writes
    // (commit() included) is kept, and a failure in it keeps nothing.
    virtual Status atomically(const std::function<Status()>& body) = 0;
    // Next free daily counter for sale numbers of a device on a local date.
    virtual Result<int> next_sale_counter(const std::string& device, const std::string& local_date) = 0;
    // Writes everything in the posting (sale, lines, payments, moves with on-hand, ledger entries with
    // balances, cash moves, audit, outbox events) in one transaction; fills ids and sequences.
    virtual Result<Posting> commit(Posting posting) = 0;
    virtual Result<std::optional<Sale>> sale_by_number(const std::string& number) = 0;
    virtual Result<bool> sale_exists(const std::string& uuid) = 0;
    virtual Result<std::vector<Sale>> recent_sales(const std::string& device, int limit) = 0;
    virtual Result<std::vector<StockMove>> stock_moves(ItemId item, int limit) = 0;
    virtual Result<std::vector<SavingsEntry>> savings_entries(MemberId id) = 0;
    virtual Result<std::vector<ReceivableEntry>> receivable_entries(MemberId id) = 0;
    virtual Status append_audit(const AuditEntry& e) = 0;
    virtual Result<std::vector<AuditEntry>> audit_entries(int limit) = 0;

    // [SECTION] Carts: held carts and the open cart (restored after a crash)
    virtual Result<int64_t> hold_cart(const HeldCart& c) = 0;
    virtual Result<std::vector<HeldCart>> held_carts(const std::string& device) = 0;
    virtual Result<std::optional<HeldCart>> take_held_cart(int64_t id) = 0;   // removes it
    virtual Status save_open_cart(const std::string& device, const std::string& cart_json) = 0;
    virtual Result<std::optional<std::string>> open_cart(const std::string& device) = 0;

    // [SECTION] Meta: small named values other modules keep (sync versions, last backup...)
    virtual Result<std::optional<std::string>> meta(const std::string& key) = 0;
    virtual Status set_meta(const std::string& key, const std::string& value) = 0;

    // [SECTION] Maintenance
    virtual Result<std::vector<CheckFinding>> check() = 0;
    virtual Status backup_to(const std::string& path) = 0;
};

}  // namespace waserda::core
