// ManagerService: the manager's stock work and reports, over the Shop (settings, clock,
// permissions, code lookup, the ShopStore) and two more ports for what ShopStore does not cover:
// InventoryStore (suppliers, receipts, opname, price changes) and ReportsStore (summaries).
// Every stock act is one core::Posting committed through ShopStore::commit, so its stock moves,
// audit lines and outbox event are written with the act's own records in one transaction.
#pragma once

#include "inventory.hpp"
#include "reports.hpp"
#include "shop.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace waserda::core {

// [SECTION] Ports

class InventoryStore {
public:
    virtual ~InventoryStore() = default;

    // Runs `body` in one write transaction on the ShopStore's own connection: whatever the body
    // writes through either port (ShopStore::commit included) is kept together or not at all.
    // The write lock is taken first, so what the body reads cannot change under it.
    virtual Status atomically(const std::function<Status()>& body) = 0;

    virtual Result<int64_t> save_supplier(const Supplier& s) = 0;       // insert (id 0) or update, by code
    virtual Result<std::optional<Supplier>> supplier_by_code(const std::string& code) = 0;
    virtual Result<std::vector<Supplier>> list_suppliers() = 0;

    // Next free counter of documents whose number starts with `prefix` ("GR-T01-20261122-").
    virtual Result<int> next_document_counter(const std::string& prefix) = 0;

    virtual Status insert_receipt(GoodsReceipt& r) = 0;                  // fills r.id
    virtual Status set_item_cost(ItemId item, Money cost) = 0;
    virtual Result<std::optional<GoodsReceipt>> receipt_by_number(const std::string& number) = 0;
    virtual Result<std::vector<GoodsReceipt>> receipts_between(const std::string& from_date, const std::string& to_date) = 0;

    virtual Result<int64_t> insert_opname(const OpnameSession& s) = 0;
    virtual Result<std::optional<OpnameSession>> opname_by_number(const std::string& number) = 0;
    virtual Result<std::vector<OpnameSession>> opname_sessions() = 0;
    // Adds `qty` to (or, with `replace`, sets) one counter's count of an item; records the newest
    // stock move id as the moment of the count. Returns the counter's new count.
    virtual Result<int64_t> record_count(int64_t session_id, const std::string& counter, ItemId item, int64_t qty,
                                         bool replace, const std::string& at) = 0;
    virtual Result<std::vector<OpnameCount>> opname_counts(int64_t session_id) = 0;
    // Every counted item of the session (with `all_items`, every item) with its summed count and
    // the net moves made after its last count.
    virtual Result<std::vector<OpnameBook>> opname_books(int64_t session_id, bool all_items) = 0;
    // Open -> posted/cancelled; Conflict when the session is no longer open.
    virtual Status close_opname(const OpnameSession& s) = 0;

    virtual Result<int64_t> insert_price_change(const PriceChange& c) = 0;
    virtual Result<std::vector<PriceChange>> price_changes(bool pending_only) = 0;
    // Sets the item's prices and marks the change applied (with the old prices); false when it
    // was already applied (so applying twice changes nothing).
    virtual Result<bool> apply_price_change(const PriceChange& c, const std::string& at) = 0;

    // For reorder: per item, the net quantity sold on local dates [from, to] and the supplier and
    // cost of its last receipt.
    virtual Result<std::vector<ReorderInput>> reorder_inputs(const std::string& from, const std::string& to) = 0;
};

class ReportsStore {
public:
    virtual ~ReportsStore() = default;
    virtual Result<std::vector<DaySales>> day_sales(const DateRange& r) = 0;
    virtual Result<std::vector<HourSales>> hour_sales(const DateRange& r) = 0;
    virtual Result<std::vector<CashierSales>> cashier_sales(const DateRange& r) = 0;
    virtual Result<std::vector<MemberSplit>> member_sales(const DateRange& r) = 0;
    virtual Result<std::vector<PaymentSales>> payment_sales(const DateRange& r) = 0;
    virtual Result<std::vector<ItemSales>> item_sales(const DateRange& r) = 0;
    // Every item with on-hand, cost and prices (no barcodes): the stock reports' one read.
    virtual Result<std::vector<Item>> stock_items() = 0;
    virtual Result<std::vector<ItemId>> items_sold_since(const std::string& from_date) = 0;
    virtual Result<std::vector<LastSold>> last_sold(const std::vector<ItemId>& items) = 0;
    // Receipt lines with an expiry date, newest receipt first per item.
    virtual Result<std::vector<ExpiryLot>> expiry_lots() = 0;
    // The item's balance before `utc_begin` and its moves in [utc_begin, utc_end), oldest first.
    virtual Result<int64_t> stock_before(ItemId item, const std::string& utc_begin) = 0;
    virtual Result<std::vector<StockMove>> stock_moves_between(ItemId item, const std::string& utc_begin,
                                                               const std::string& utc_end) = 0;
    virtual Result<std::vector<Shift>> shifts_between(const std::string& utc_begin, const std::string& utc_end) = 0;
    // `actions` empty: every action.
    virtual Result<std::vector<AuditEntry>> audit_between(const std::vector<std::string>& actions,
                                                          const std::string& utc_begin, const std::string& utc_end) = 0;
};

// [SECTION] Requests

struct ReceiveLineRequest {
    std::string code;          // barcode (a carton's counts its pieces), SKU or scale label
    int64_t qty = 0;           // of what the code means: cartons, pieces, or grams for weighed goods
    std::optional<Money> unit_cost;   // per what the code means (a carton's cost for a carton); per kg if weighed.
                                      // Required on a receipt; on a return, empty means the average cost.
    std::string expiry;        // YYYY-MM-DD, optional
};

struct ReceiveRequest {
    std::string supplier_code;
    std::vector<ReceiveLineRequest> lines;
    std::string invoice_ref;
    std::string note;
    User user;
    std::optional<User> approver;
};

struct AdjustRequest {
    std::string code;
    int64_t qty = 0;           // signed, pieces or grams (a carton code multiplies)
    AdjustReason reason = AdjustReason::Correction;
    std::string note;
    User user;
    std::optional<User> approver;
};

struct LabelQuery {
    std::vector<std::string> codes;    // these items
    std::string changed_since;         // and/or items whose price change applied on or after this date
};

// [SECTION] The service

class ManagerService {
public:
    ManagerService(Shop& shop, InventoryStore& inventory, ReportsStore& reports);

    // Suppliers
    Result<Supplier> save_supplier(const User& actor, Supplier s);
    Result<std::vector<Supplier>> suppliers();

    // Goods in and out (Permission::ManageStock, or a manager's approval)
    Result<GoodsReceipt> receive(const ReceiveRequest& req);
    Result<GoodsReceipt> return_to_supplier(const ReceiveRequest& req);
    Result<Posting> adjust(const AdjustRequest& req);

    // Stock count
    Result<OpnameSession> open_opname(const User& actor, const std::string& note, bool full);
    Result<std::vector<OpnameSession>> opname_sessions();
    // One scan: adds what the code means (one piece, a carton, or a scale label's grams).
    Result<int64_t> count_scan(const std::string& session, const std::string& counter, const std::string& code);
    // A typed quantity: sets (or with `add`, adds to) this counter's count of the item.
    Result<int64_t> count_set(const std::string& session, const std::string& counter, const std::string& code,
                              int64_t qty, bool add = false);
    Result<std::vector<OpnameCount>> count_lines(const std::string& session);
    Result<std::vector<VarianceLine>> variance(const std::string& session);
    // Posts every difference as an Opname stock move; needs ManageStock from the actor or approver.
    Result<OpnameSession> post_opname(const std::string& session, const User& actor, const std::optional<User>& approver);
    Status cancel_opname(const std::string& session, const User& actor);

    // Reorder, item card
    Result<std::vector<ReorderLine>> reorder(const ReorderPolicy& policy);
    Result<ItemCard> item_card(const std::string& code, const std::optional<DateRange>& range);

    // Prices (Permission::ManageItems) and labels
    Result<PriceChange> schedule_price(const User& actor, const std::string& code, Money price,
                                       std::optional<Money> member_price, const std::string& effective_date,
                                       const std::string& note);
    // Applies every change due today, oldest first. Idempotent: the POS calls it at start-up and
    // once a day; a second call in the same day applies nothing.
    Result<std::vector<PriceChange>> apply_due_prices();
    Result<std::vector<PriceChange>> price_changes(bool pending_only);
    Result<std::vector<ShelfLabel>> labels(const LabelQuery& q);

    // Reports
    Result<std::vector<SalesDayRow>> sales_by_day(const DateRange& r);
    Result<std::vector<HourSales>> sales_by_hour(const DateRange& r);
    Result<std::vector<MarginRow>> sales_by_item(const DateRange& r);
    Result<std::vector<MarginRow>> sales_by_category(const DateRange& r);
    Result<std::vector<CashierSales>> sales_by_cashier(const DateRange& r);
    Result<std::vector<PaymentSales>> sales_by_payment(const DateRange& r);
    Result<std::vector<MemberSplit>> sales_by_member(const DateRange& r);
    Result<StockValuation> stock_value();
    Result<std::vector<StockValueRow>> low_stock();
    Result<std::vector<SlowMoverRow>> slow_movers(int days);
    Result<std::vector<ExpiryRow>> expiring(int days);
    Result<std::vector<ShiftReportRow>> shifts(const DateRange& r);
    Result<std::vector<AuditRow>> audit(const std::string& kind, const DateRange& r);

    // Helpers the CLI and screens share
    Status check_range(const DateRange& r) const;
    DateRange last_days(int days) const;   // ending today

private:
    struct Resolved {
        Item item;
        int64_t qty = 1;        // what one of the code means, in pieces or grams
    };
    Result<Resolved> resolve(const std::string& code);
    Result<OpnameSession> open_session(const std::string& number);
    Result<GoodsReceipt> receipt_act(const ReceiveRequest& req, ReceiptKind kind);
    OutboxEvent event(const std::string& kind, const nlohmann::json& payload) const;

    Shop& shop_;
    ShopStore& store_;
    InventoryStore& inventory_;
    ReportsStore& reports_;
};

}  // namespace waserda::core
