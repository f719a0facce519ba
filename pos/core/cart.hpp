// Cart operations and pricing. Pure functions: no store, no permissions (see shop.hpp for those).
#pragma once

#include "catalog.hpp"
#include "member.hpp"
#include "result.hpp"
#include "sale.hpp"

#include <optional>

namespace waserda::core {

// The unit price an item sells at for a quantity: the member price for members, the wholesale
// price from its minimum quantity, whichever is lowest; else the general price.
struct UnitPrice {
    Money price;
    PriceKind kind = PriceKind::General;
};
UnitPrice choose_unit_price(const Item& item, int64_t qty, bool is_member);

// Adds a scanned item. The same item scanned again adds to its line (but not weighed or
// price-embedded codes, which are lines of their own). Returns the index of the line touched.
int cart_add(Cart& cart, const ScanHit& hit);
// Sets a line's quantity (> 0) and re-prices it (wholesale tiers depend on quantity).
Status cart_set_qty(Cart& cart, int line, int64_t qty);
Status cart_set_line_discount(Cart& cart, int line, Money discount);
Status cart_set_unit_price(Cart& cart, int line, Money price);  // manual price override
Status cart_set_sale_discount(Cart& cart, Money discount);
Status cart_remove_line(Cart& cart, int line);
// Identifies (or clears) the member and re-prices every line not priced by hand.
void cart_set_member(Cart& cart, const std::optional<Member>& member);
// Re-prices a line from its price list (after a quantity or member change); manual and embedded
// prices are kept.
void reprice_line(CartLine& line, bool is_member);
UnitPrice choose_unit_price(const CartLine& line, int64_t qty, bool is_member);

}  // namespace waserda::core
