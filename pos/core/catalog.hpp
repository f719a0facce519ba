// The catalog: items, their barcodes (with pack multipliers) and their prices.
#pragma once

#include "money.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace waserda::core {

using ItemId = int64_t;

// A barcode of an item. The carton's barcode sells `pack_qty` pieces at once.
struct ItemBarcode {
    std::string code;
    int64_t pack_qty = 1;
};

// Quantities are integers in the smallest unit: pieces, or grams for weighed goods.
// A weighed item's prices are per kilogram.
struct Item {
    ItemId id = 0;
    std::string sku;                 // the shop's own item code (PLU); in-store codes look it up
    std::string name;
    std::string unit = "pcs";        // pcs, kg, liter, pack...
    std::string category;
    bool weighed = false;            // sold by weight: qty in grams, prices per kg
    Money price;                     // harga umum (general price), tax included
    Money member_price;              // harga anggota (member price), tax included
    int64_t wholesale_min_qty = 0;   // 0: no wholesale tier
    Money wholesale_price;           // unit price when qty >= wholesale_min_qty
    Money cost;                      // moving average cost per unit (per kg if weighed)
    bool taxable = true;             // subject to PPN
    int64_t min_stock = 0;
    bool active = true;
    bool consignment = false;        // titip jual: owned by a consignor until sold
    int64_t consignor_id = 0;
    int64_t on_hand = 0;             // kept equal to the sum of its stock moves
    std::vector<ItemBarcode> barcodes;
};

// What a scan resolves to: the item, how many units the code means, and a price the code carries.
struct ScanHit {
    Item item;
    int64_t qty = 1;                       // pieces (pack multiplier) or grams (weighed code)
    std::optional<Money> embedded_price;   // price-embedded in-store code: the line total
    std::string code;                      // what was scanned
};

// The quantity scale of an item: 1000 grams per priced kilogram, else 1 piece.
inline int64_t qty_scale(const Item& item) { return item.weighed ? 1000 : 1; }

}  // namespace waserda::core
