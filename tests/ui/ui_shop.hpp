// A small but realistic cooperative shop on a real SQLite file, for the UI tests, the benchmark and
// the screenshots: users, groceries with barcodes (one carton code), unbarcoded goods for the
// quick keys, weighed goods, and members with savings (so they have a credit limit).
#pragma once

#include "pos/core/shop.hpp"
#include "pos/store/sqlite_store.hpp"

#include <memory>
#include <string>
#include <vector>

namespace waserda::ui_test {

struct UiShopCodes {
    std::string rice, oil, sugar, noodles, noodles_carton, coffee, tea, milk, soap;
    std::vector<std::string> barcodes;   // every single-piece barcode, for filling carts
    std::string eggs_label_1250g;        // an in-store weighed label
    std::string member_card = "M0001";   // Ahmad Fauzi: limit 800.000, sukarela 150.000
    std::string poor_member = "A-0002";  // Dewi Lestari: limit 120.000
};

// Creates (or reopens) the shop at `db_path`. Users: Siti (kasir, 1234), Budi (supervisor, 9999),
// Rina (manajer, 5555). Writes a quick-keys file to `quick_keys_path` when it is not empty.
UiShopCodes seed_ui_shop(const std::string& db_path, const std::string& quick_keys_path);

// Adds `count` generated items (for the 100,000-item memory benchmark).
void add_bulk_items(core::ShopStore& store, int count);

}  // namespace waserda::ui_test
