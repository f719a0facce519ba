#include "pos/core/inventory.hpp"

#include "pos/core/csv.hpp"
#include "pos/core/i18n.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <chrono>

namespace waserda::core {

// [SECTION] Receipts and the moving average cost

Money ReceiptLine::total() const {
    return Money::rp(mul_div_round(unit_cost.rupiah(), qty, weighed ? 1000 : 1));
}

Money GoodsReceipt::total() const {
    Money sum;
    for (auto& l : lines) sum += l.total();
    return sum;
}

std::string to_string(ReceiptKind k) { return k == ReceiptKind::Receipt ? "receipt" : "return"; }

Money moving_average_cost(int64_t on_hand, Money cost, int64_t qty_in, Money unit_cost) {
    assert(qty_in > 0);
    if (on_hand <= 0) return unit_cost;
    // Both terms are money x quantity in the same unit, so the scale (pieces or grams) cancels.
    int64_t value = on_hand * cost.rupiah() + qty_in * unit_cost.rupiah();
    return Money::rp(mul_div_round(value, 1, on_hand + qty_in));
}

std::map<ItemId, Money> apply_moving_average(std::vector<ReceiptLine>& lines, const std::map<ItemId, Item>& items) {
    std::map<ItemId, std::pair<int64_t, Money>> state;   // on-hand and cost as the lines go in
    for (auto& [id, item] : items) state[id] = {item.on_hand, item.cost};
    std::map<ItemId, Money> out;
    for (auto& l : lines) {
        auto it = state.find(l.item_id);
        assert(it != state.end());
        auto& [on_hand, cost] = it->second;
        l.cost_before = cost;
        cost = moving_average_cost(on_hand, cost, l.qty, l.unit_cost);
        on_hand += l.qty;
        l.cost_after = cost;
        out[l.item_id] = cost;
    }
    return out;
}

Status validate_receipt(const GoodsReceipt& r) {
    if (r.supplier_id == 0) return make_error(ErrorCode::Invalid, tr("Pilih pemasok dulu."));
    if (r.lines.empty()) return make_error(ErrorCode::Invalid, tr("Belum ada barang yang dicatat."));
    for (auto& l : r.lines) {
        if (l.qty <= 0) return make_error(ErrorCode::Invalid, tr("Jumlah {} harus lebih dari 0.", l.name));
        if (l.unit_cost.is_negative()) return make_error(ErrorCode::Invalid, tr("Harga beli {} tidak boleh negatif.", l.name));
        if (!l.expiry.empty() && !valid_date(l.expiry))
            return make_error(ErrorCode::Invalid, tr("Tanggal kedaluwarsa {} harus ditulis YYYY-MM-DD.", l.name));
    }
    return ok_status();
}

// [SECTION] Adjustments

namespace {
constexpr std::array<std::pair<AdjustReason, const char*>, 5> kReasons{{
    {AdjustReason::Damaged, "damaged"}, {AdjustReason::Expired, "expired"}, {AdjustReason::Lost, "lost"},
    {AdjustReason::Found, "found"}, {AdjustReason::Correction, "correction"}}};
constexpr std::array<std::pair<OpnameState, const char*>, 3> kStates{{
    {OpnameState::Open, "open"}, {OpnameState::Posted, "posted"}, {OpnameState::Cancelled, "cancelled"}}};
}  // namespace

std::string to_string(AdjustReason r) {
    for (auto& [k, v] : kReasons)
        if (k == r) return v;
    return "correction";
}

std::optional<AdjustReason> adjust_reason_from(std::string_view s) {
    for (auto& [k, v] : kReasons)
        if (s == v) return k;
    return std::nullopt;
}

std::string describe(AdjustReason r) {
    switch (r) {
        case AdjustReason::Damaged: return tr("rusak");
        case AdjustReason::Expired: return tr("kedaluwarsa");
        case AdjustReason::Lost: return tr("hilang");
        case AdjustReason::Found: return tr("ditemukan");
        case AdjustReason::Correction: return tr("koreksi");
    }
    return {};
}

Status validate_adjustment(AdjustReason reason, int64_t qty) {
    if (qty == 0) return make_error(ErrorCode::Invalid, tr("Jumlah penyesuaian tidak boleh 0."));
    bool out = reason == AdjustReason::Damaged || reason == AdjustReason::Expired || reason == AdjustReason::Lost;
    if (out && qty > 0)
        return make_error(ErrorCode::Invalid, tr("Barang {} mengurangi stok: tulis jumlahnya negatif.", describe(reason)));
    if (reason == AdjustReason::Found && qty < 0)
        return make_error(ErrorCode::Invalid, tr("Barang ditemukan menambah stok: tulis jumlahnya positif."));
    return ok_status();
}

// [SECTION] Opname

std::string to_string(OpnameState s) {
    for (auto& [k, v] : kStates)
        if (k == s) return v;
    return "open";
}

std::optional<OpnameState> opname_state_from(std::string_view s) {
    for (auto& [k, v] : kStates)
        if (s == v) return k;
    return std::nullopt;
}

std::vector<VarianceLine> compute_variance(const OpnameSession& session, const std::vector<OpnameBook>& books) {
    std::vector<VarianceLine> out;
    for (auto& b : books) {
        if (!b.was_counted && !session.full) continue;
        if (!b.was_counted && !b.item.active && b.item.on_hand == 0) continue;
        VarianceLine v;
        v.item_id = b.item.id;
        v.sku = b.item.sku;
        v.name = b.item.name;
        v.category = b.item.category;
        v.unit = b.item.unit;
        v.weighed = b.item.weighed;
        v.counted = b.was_counted;
        v.counted_qty = b.was_counted ? b.counted : 0;
        // Sales (and other moves) after the last count happened to goods that were already counted
        // or already gone from the shelf, so they are taken back out of the book.
        v.book_qty = b.item.on_hand - (b.was_counted ? b.moves_after_count : 0);
        v.variance = v.counted_qty - v.book_qty;
        v.unit_cost = b.item.cost;
        v.variance_value = Money::rp(mul_div_round(b.item.cost.rupiah(), v.variance, qty_scale(b.item)));
        for (size_t i = 0; i < b.counters.size(); ++i) v.counters += (i ? ", " : "") + b.counters[i];
        out.push_back(std::move(v));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.sku < b.sku; });
    return out;
}

VarianceSummary summarize_variance(const std::vector<VarianceLine>& lines) {
    VarianceSummary s;
    for (auto& l : lines) {
        if (l.counted) ++s.items_counted;
        if (l.variance < 0) {
            ++s.items_short;
            s.value_short += l.variance_value;
        } else if (l.variance > 0) {
            ++s.items_over;
            s.value_over += l.variance_value;
        }
    }
    return s;
}

// [SECTION] Reorder

namespace {
int64_t ceil_div(int64_t a, int64_t b) { return a <= 0 ? 0 : (a + b - 1) / b; }
}  // namespace

std::vector<ReorderLine> suggest_reorder(const std::vector<ReorderInput>& inputs, const ReorderPolicy& policy) {
    std::vector<ReorderLine> out;
    for (auto& in : inputs) {
        const Item& it = in.item;
        if (!it.active || it.on_hand > it.min_stock) continue;
        int window = std::max(in.window_days, 1);
        int64_t sold = std::max<int64_t>(in.sold_in_window, 0);
        ReorderLine l;
        l.item_id = it.id;
        l.sku = it.sku;
        l.name = it.name;
        l.unit = it.unit;
        l.supplier_code = in.supplier_code;
        l.supplier_name = in.supplier_name;
        l.on_hand = it.on_hand;
        l.min_stock = it.min_stock;
        l.sold_in_window = sold;
        l.avg_daily_x100 = mul_div_round(sold, 100, window);
        int64_t target = it.min_stock + ceil_div(sold * policy.cover_days, window);
        int64_t need = std::max<int64_t>(target - it.on_hand, 0);
        // Even with nothing sold lately the order lifts the item above a minimum the manager set; an
        // item with no minimum and no sales is left alone (likely no longer stocked).
        if (it.min_stock > 0) need = std::max(need, it.min_stock - it.on_hand + (it.weighed ? 1000 : 1));
        if (need == 0) continue;
        int64_t pack = it.weighed ? 1000 : 1;
        for (auto& b : it.barcodes) pack = std::max(pack, b.pack_qty);
        l.pack_qty = pack;
        l.suggested = ceil_div(need, pack) * pack;
        l.unit_cost = in.last_cost.is_zero() ? it.cost : in.last_cost;
        l.est_value = Money::rp(mul_div_round(l.unit_cost.rupiah(), l.suggested, qty_scale(it)));
        out.push_back(std::move(l));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) {
        // Items without a known supplier go last, so the purchase lists read first.
        bool an = a.supplier_code.empty(), bn = b.supplier_code.empty();
        if (an != bn) return bn;
        if (a.supplier_code != b.supplier_code) return a.supplier_code < b.supplier_code;
        return a.sku < b.sku;
    });
    return out;
}

// [SECTION] Price changes and labels

Status validate_price_change(const PriceChange& c) {
    if (c.item_id == 0) return make_error(ErrorCode::Invalid, tr("Pilih barang dulu."));
    if (c.price.is_negative() || c.member_price.is_negative())
        return make_error(ErrorCode::Invalid, tr("Harga tidak boleh negatif."));
    if (c.price.is_zero()) return make_error(ErrorCode::Invalid, tr("Harga jual {} tidak boleh Rp 0.", c.name));
    if (c.member_price > c.price)
        return make_error(ErrorCode::Invalid, tr("Harga anggota {} tidak boleh di atas harga umum.", c.name));
    if (!valid_date(c.effective_date))
        return make_error(ErrorCode::Invalid, tr("Tanggal berlaku harus ditulis YYYY-MM-DD."));
    return ok_status();
}

std::vector<PriceChange> due_price_changes(const std::vector<PriceChange>& pending, const std::string& today) {
    std::vector<PriceChange> out;
    for (auto& c : pending)
        if (c.applied_at.empty() && c.effective_date <= today) out.push_back(c);
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) {
        if (a.effective_date != b.effective_date) return a.effective_date < b.effective_date;
        return a.id < b.id;
    });
    return out;
}

ShelfLabel shelf_label(const Item& item, const std::string& effective_date) {
    ShelfLabel l;
    l.sku = item.sku;
    l.name = item.name;
    l.unit = item.weighed ? "kg" : item.unit;
    l.price = item.price;
    l.member_price = item.member_price;
    l.barcode = item.sku;
    for (auto& b : item.barcodes)
        if (b.pack_qty == 1) {
            l.barcode = b.code;
            break;
        }
    l.effective_date = effective_date;
    return l;
}

std::string labels_to_csv(const std::vector<ShelfLabel>& labels) {
    std::vector<std::vector<std::string>> rows;
    for (auto& l : labels)
        rows.push_back({l.sku, l.name, l.unit, std::to_string(l.price.rupiah()), std::to_string(l.member_price.rupiah()),
                        l.barcode, l.effective_date});
    return write_csv({"sku", "name", "unit", "price", "member_price", "barcode", "effective_date"}, rows);
}

// [SECTION] Dates

namespace {
std::optional<std::chrono::sys_days> parse_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    auto num = [&](size_t at, size_t len, int& out) {
        auto r = std::from_chars(s.data() + at, s.data() + at + len, out);
        return r.ec == std::errc() && r.ptr == s.data() + at + len;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                    std::chrono::day(static_cast<unsigned>(d))};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd);
}

std::string format_day(std::chrono::sys_days d) {
    std::chrono::year_month_day ymd(d);
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}
}  // namespace

bool valid_date(std::string_view s) { return parse_day(s).has_value(); }

std::string add_days(const std::string& d, int days) {
    auto p = parse_day(d);
    assert(p);
    return format_day(*p + std::chrono::days(days));
}

int days_between(const std::string& from, const std::string& to) {
    auto a = parse_day(from), b = parse_day(to);
    assert(a && b);
    return static_cast<int>((*b - *a).count());
}

}  // namespace waserda::core
