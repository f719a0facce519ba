#include "pos/core/cart.hpp"

#include "pos/core/i18n.hpp"

namespace waserda::core {
namespace {

UnitPrice lowest(Money general, Money member, int64_t wholesale_min, Money wholesale, int64_t qty, bool is_member) {
    UnitPrice best{general, PriceKind::General};
    if (is_member && member.rupiah() > 0 && member < best.price) best = {member, PriceKind::Member};
    if (wholesale_min > 0 && qty >= wholesale_min && wholesale.rupiah() > 0 && wholesale < best.price)
        best = {wholesale, PriceKind::Wholesale};
    return best;
}

bool valid_line(const Cart& cart, int line) { return line >= 0 && line < static_cast<int>(cart.lines.size()); }

Error no_line() { return make_error(ErrorCode::NotFound, tr("Baris tidak ditemukan di keranjang.")); }

}  // namespace

UnitPrice choose_unit_price(const Item& item, int64_t qty, bool is_member) {
    return lowest(item.price, item.member_price, item.wholesale_min_qty, item.wholesale_price, qty, is_member);
}

UnitPrice choose_unit_price(const CartLine& line, int64_t qty, bool is_member) {
    return lowest(line.price_general, line.price_member, line.wholesale_min_qty, line.price_wholesale, qty, is_member);
}

void reprice_line(CartLine& line, bool is_member) {
    if (line.price_kind == PriceKind::Manual || line.price_kind == PriceKind::Embedded) return;
    UnitPrice p = choose_unit_price(line, line.qty, is_member);
    line.unit_price = p.price;
    line.price_kind = p.kind;
}

int cart_add(Cart& cart, const ScanHit& hit) {
    const Item& item = hit.item;
    bool is_member = cart.member_id.has_value();
    bool own_line = item.weighed || hit.embedded_price.has_value();
    if (!own_line) {
        for (size_t i = 0; i < cart.lines.size(); ++i) {
            CartLine& l = cart.lines[i];
            if (l.item_id == item.id && !l.weighed && !l.fixed_total && l.price_kind != PriceKind::Manual) {
                l.qty += hit.qty;
                reprice_line(l, is_member);
                return static_cast<int>(i);
            }
        }
    }
    CartLine line;
    line.item_id = item.id;
    line.sku = item.sku;
    line.name = item.name;
    line.code = hit.code.empty() ? item.sku : hit.code;
    line.unit = item.unit;
    line.weighed = item.weighed;
    line.taxable = item.taxable;
    line.qty = hit.qty;
    line.unit_cost = item.cost;
    line.price_general = item.price;
    line.price_member = item.member_price;
    line.wholesale_min_qty = item.wholesale_min_qty;
    line.price_wholesale = item.wholesale_price;
    if (hit.embedded_price) {
        line.fixed_total = hit.embedded_price;
        line.unit_price = *hit.embedded_price;
        line.price_kind = PriceKind::Embedded;
    } else {
        reprice_line(line, is_member);
    }
    cart.lines.push_back(std::move(line));
    return static_cast<int>(cart.lines.size() - 1);
}

Status cart_set_qty(Cart& cart, int line, int64_t qty) {
    if (!valid_line(cart, line)) return no_line();
    if (qty <= 0) return make_error(ErrorCode::Invalid, tr("Jumlah harus lebih dari nol."));
    if (qty > 1'000'000'000) return make_error(ErrorCode::Invalid, tr("Jumlah terlalu besar."));
    CartLine& l = cart.lines[line];
    if (l.fixed_total) return make_error(ErrorCode::Invalid, tr("Jumlah barang berlabel harga tidak bisa diubah; pindai labelnya lagi."));
    l.qty = qty;
    reprice_line(l, cart.member_id.has_value());
    if (l.discount > l.gross()) l.discount = l.gross();
    return ok_status();
}

Status cart_set_line_discount(Cart& cart, int line, Money discount) {
    if (!valid_line(cart, line)) return no_line();
    CartLine& l = cart.lines[line];
    if (discount.is_negative() || discount > l.gross())
        return make_error(ErrorCode::Invalid, tr("Diskon harus antara Rp 0 dan total baris."));
    l.discount = discount;
    return ok_status();
}

Status cart_set_unit_price(Cart& cart, int line, Money price) {
    if (!valid_line(cart, line)) return no_line();
    if (price.is_negative()) return make_error(ErrorCode::Invalid, tr("Harga tidak boleh negatif."));
    CartLine& l = cart.lines[line];
    l.fixed_total.reset();
    l.unit_price = price;
    l.price_kind = PriceKind::Manual;
    if (l.discount > l.gross()) l.discount = l.gross();
    return ok_status();
}

Status cart_set_sale_discount(Cart& cart, Money discount) {
    Money before = Money{};
    for (auto& l : cart.lines) before += l.total();
    if (discount.is_negative() || discount > before)
        return make_error(ErrorCode::Invalid, tr("Diskon harus antara Rp 0 dan total belanja."));
    cart.sale_discount = discount;
    return ok_status();
}

Status cart_remove_line(Cart& cart, int line) {
    if (!valid_line(cart, line)) return no_line();
    cart.lines.erase(cart.lines.begin() + line);
    // A sale discount larger than what is left would make the total negative.
    Money left;
    for (auto& l : cart.lines) left += l.total();
    if (cart.sale_discount > left) cart.sale_discount = left;
    return ok_status();
}

void cart_set_member(Cart& cart, const std::optional<Member>& member) {
    if (member) {
        cart.member_id = member->id;
        cart.member_number = member->number;
        cart.member_name = member->name;
    } else {
        cart.member_id.reset();
        cart.member_number.clear();
        cart.member_name.clear();
    }
    for (auto& l : cart.lines) reprice_line(l, member.has_value());
}

}  // namespace waserda::core
