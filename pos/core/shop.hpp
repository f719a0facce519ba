// Shop: the business rules of the till, over a ShopStore. The touchscreen, the CLI and the tests
// all go through here, so every rule (prices, permissions, credit limits, tax, rounding) lives once.
#pragma once

#include "cart.hpp"
#include "clock.hpp"
#include "credit.hpp"
#include "ports.hpp"
#include "posting.hpp"
#include "result.hpp"
#include "sale.hpp"
#include "settings.hpp"
#include "shift.hpp"
#include "user.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace waserda::core {

// A member as the checkout shows them.
struct MemberView {
    Member member;
    MemberBalances balances;
    Money credit_limit;
    Money available_credit;
};

// What paying would come to, before committing (the pay screen shows this live).
struct PaymentPlan {
    Money total;             // after discounts, before cash rounding
    Money non_cash;          // sum of non-cash payments
    Money cash_due;          // what cash must cover, after rounding
    Money rounding;          // applied to the cash part
    Money cash_tendered;
    Money change;
    Money remaining;         // still to pay (0 when enough)
    bool enough = false;
};

struct CheckoutRequest {
    Cart cart;
    std::vector<Payment> payments;     // cash: amount = tendered
    User cashier;
    std::optional<User> approver;      // a supervisor who approved overrides in this sale
    std::string override_reason;       // why the credit limit was overridden
};

struct ReturnLineRequest {
    int line_no = 0;                   // line of the original sale
    int64_t qty = 0;                   // how much comes back (> 0)
};

struct ReturnRequest {
    std::string sale_number;
    std::vector<ReturnLineRequest> lines;   // empty: everything not yet returned
    std::optional<PaymentMethod> refund_method;  // default: as the sale was paid
    User cashier;
    std::optional<User> approver;
    std::string reason;
};

struct SavingsRequest {
    std::string member_number;
    SavingsType type = SavingsType::Sukarela;
    Money amount;                      // > 0
    bool through_drawer = true;        // cash in or out of this till's drawer
    User user;
    std::optional<User> approver;
    std::string note;
};

struct RepaymentRequest {
    std::string member_number;
    Money amount;                      // > 0, at most what is owed
    PaymentMethod method = PaymentMethod::Cash;  // Cash or Savings
    User user;
    std::string note;
};

class Shop {
public:
    explicit Shop(ShopStore& store, const Clock* clock = nullptr);

    ShopStore& store() { return store_; }
    const Clock& clock() const { return *clock_; }
    const ShopSettings& settings() const { return settings_; }
    Status reload_settings();
    Status update_settings(const User& actor, const ShopSettings& s);
    std::string now_utc() const;
    std::string today_local() const;

    // [SECTION] Users and permissions
    Result<User> login(const std::string& name, const std::string& pin);
    Result<User> add_user(const std::optional<User>& actor, const std::string& name, Role role,
                          const std::string& pin);
    // Changing a user (shop_users.cpp), the same for the touchscreen and the CLI: each needs
    // Permission::ManageUsers from `actor` or `approver`, is audited, and none leaves the shop
    // without an active admin (the last one cannot be deactivated or given another role).
    Status reset_pin(const User& actor, const std::optional<User>& approver, const std::string& name,
                     const std::string& new_pin);
    // Deactivating: not oneself (`actor`), not the last active admin. A deactivated user cannot log in.
    Status set_user_active(const User& actor, const std::optional<User>& approver, const std::string& name,
                           bool active);
    Status set_user_role(const User& actor, const std::optional<User>& approver, const std::string& name, Role role);
    // A supervisor's approval: the PIN of any active user whose role allows `p` (name optional).
    Result<User> approve(Permission p, const std::string& pin, const std::string& name = "");
    // Ok when `actor` may do `p`, or when `approver` may; else a Denied error saying who must approve.
    Status authorize(const User& actor, Permission p, const std::optional<User>& approver) const;
    Status audit(const User& actor, const std::optional<User>& approver, const std::string& action,
                 const std::string& ref, const std::string& detail);

    // [SECTION] Catalog and members
    // A barcode (with pack multiplier), an in-store weighed/priced code or a SKU.
    Result<ScanHit> lookup(const std::string& code);
    // A member number or a card code.
    Result<Member> find_member(const std::string& number_or_card);
    Result<MemberView> member_view(MemberId id);

    // [SECTION] The cart (permissions enforced, acts audited)
    Result<int> scan_into(Cart& cart, const std::string& code);
    Status set_member(Cart& cart, const std::string& number_or_card);
    void clear_member(Cart& cart);
    Status change_qty(Cart& cart, int line, int64_t qty, const User& actor, const std::optional<User>& approver);
    Status void_line(Cart& cart, int line, const User& actor, const std::optional<User>& approver);
    Status discount_line(Cart& cart, int line, Money discount, const User& actor, const std::optional<User>& approver);
    Status override_price(Cart& cart, int line, Money price, const User& actor, const std::optional<User>& approver);
    Status discount_sale(Cart& cart, Money discount, const User& actor, const std::optional<User>& approver);

    // [SECTION] Shifts
    Result<Shift> open_shift(const User& user, Money opening_float);
    Result<std::optional<Shift>> current_shift();
    Result<ShiftFigures> shift_figures(int64_t shift_id);
    Result<Shift> close_shift(const User& user, const std::map<int64_t, int64_t>& denominations);

    // [SECTION] Paying
    PaymentPlan plan_payment(const Cart& cart, const std::vector<Payment>& payments) const;
    // Validates everything, then commits the sale, its stock moves, ledger entries and outbox
    // event in one transaction. Nothing is printed or sent from here.
    Result<Sale> checkout(const CheckoutRequest& req);
    Result<Sale> return_sale(const ReturnRequest& req);

    // [SECTION] Savings and credit
    Result<Posting> savings_deposit(const SavingsRequest& req);
    Result<Posting> savings_withdraw(const SavingsRequest& req);
    Result<Posting> repay_credit(const RepaymentRequest& req);
    Status open_drawer(const User& actor, const std::optional<User>& approver);

    // [SECTION] Held and open carts
    Cart new_cart() const;
    Result<int64_t> hold(const Cart& cart);
    Result<std::vector<HeldCart>> held_carts();
    Result<Cart> resume(int64_t held_id);
    Status autosave(const Cart& cart);           // the open cart, restored after a crash
    Result<std::optional<Cart>> restore_open_cart();

private:
    Result<Sale> build_sale(const CheckoutRequest& req, Posting& posting);
    OutboxEvent make_event(const std::string& kind, const std::string& payload) const;

    ShopStore& store_;
    SystemClock system_clock_;
    const Clock* clock_;
    ShopSettings settings_;
};

}  // namespace waserda::core
