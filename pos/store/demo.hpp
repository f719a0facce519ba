// Demo data: a small, believable shop to try the till with (`waserda demo create`), and a big
// generated one to measure with (`waserda demo generate`).
#pragma once

#include "pos/core/result.hpp"
#include "pos/core/settings.hpp"
#include "pos/core/user.hpp"
#include "pos/store/sqlite_store.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace waserda::core {
class Shop;
}

namespace waserda::store {

// The demo shop's settings: name, address, NPWP, PKP, device T01, cash rounding to Rp 100,
// credit = the lesser of Rp 1.500.000 and 80% of locked savings.
core::ShopSettings demo_settings();

struct DemoUser {
    std::string name;
    core::Role role;
    std::string pin;
};
// Admin/admin 1234, Mulyani/manager 2345, Sari/supervisor 3456, Budi/cashier 1111, Wati/cashier 2222.
const std::vector<DemoUser>& demo_users();

// Ok when the database has no items, members nor sales yet; else a Conflict saying so.
core::Status require_empty_books(SqliteStore& store);

// Fills an empty database from `assets_dir`/demo/items.csv and members.csv: settings, the five
// demo users (see assets/demo/README.md for their PINs), items with their opening stock, members
// with their savings, then one closed shift of Budi's with a dozen cash, QRIS and credit sales (so
// some members owe), a repayment and a savings deposit. Refuses (ErrorCode::Conflict) a database
// that already has items, members or sales. `assets_dir` is the folder holding demo/.
core::Status create_demo_shop(SqliteStore& store, core::Shop& shop, const std::string& assets_dir);

struct BigShopSpec {
    int items = 5000;
    int members = 2000;
    int days = 365;
    int sales_per_day = 800;
    uint64_t seed = 42;
    std::string end_date;   // YYYY-MM-DD, local; empty: today
};

// A big realistic shop for benchmarks: `items` items, `members` members with savings, and `days`
// days of trading ending on `end_date`: two shifts a day, `sales_per_day` sales spread over the
// opening hours (cash, QRIS, member credit; a few returns), credit repayments at the till, monthly
// wajib and payroll deductions, restocking. Every posting goes through store.commit(), one outer
// transaction per day, with synchronous=OFF while it runs. Outbox events before the last day are
// marked as sent. `progress` (may be empty) is called after each day with its 0-based index.
// Refuses a database that already has items, members or sales. The same spec gives the same books.
core::Status generate_big_shop(SqliteStore& store, const BigShopSpec& spec, const std::function<void(int day)>& progress);

}  // namespace waserda::store
