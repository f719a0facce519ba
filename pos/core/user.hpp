// Users, roles and permissions. Permissions are enforced here in core, not only in the UI.
#pragma once

#include "result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace waserda::core {

using UserId = int64_t;

enum class Role { Cashier, Supervisor, Manager, Admin };

enum class Permission {
    Sell,
    VoidLine,            // remove a line already in the cart
    LineDiscount,        // discount a line or the sale
    OverridePrice,       // change a unit price
    Refund,              // return / refund a sale
    OverrideCreditLimit, // sell on credit beyond the member's limit
    OpenDrawer,          // open the drawer without a sale
    SavingsDeposit,
    SavingsWithdraw,
    ManageItems,
    ManageMembers,
    ManageStock,         // goods in, adjustments, opname
    ViewReports,
    ManageUsers,
    ManageSettings,
};

struct User {
    UserId id = 0;
    std::string name;
    Role role = Role::Cashier;
    std::string pin_hash;   // libsodium crypto_pwhash_str (argon2id)
    bool active = true;
};

bool role_allows(Role role, Permission p);
std::string to_string(Role r);
std::optional<Role> role_from(std::string_view s);
std::string to_string(Permission p);
// The permission in words, for "Perlu persetujuan supervisor untuk ..." messages.
std::string describe(Permission p);

// PINs: 4 to 8 digits. Hashing uses libsodium's crypto_pwhash_str.
Status validate_pin(std::string_view pin);
std::string hash_pin(std::string_view pin);
bool verify_pin(const std::string& hash, std::string_view pin);

}  // namespace waserda::core
