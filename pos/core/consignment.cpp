#include "pos/core/consignment.hpp"

#include "pos/core/i18n.hpp"

#include <algorithm>
#include <map>

namespace waserda::core {

ConsignmentStatement build_consignment_statement(const Consignor& c, const std::string& from, const std::string& to,
                                                 const std::vector<Item>& items, const std::vector<ConsignmentTerm>& terms,
                                                 std::vector<ConsignmentSaleLine> lines) {
    ConsignmentStatement s;
    s.consignor = c;
    s.from = from;
    s.to = to;
    std::map<ItemId, std::optional<Money>> price_of;
    for (auto& t : terms) price_of[t.item_id] = t.consignor_price;
    std::map<ItemId, size_t> row_of;
    for (auto& it : items) {
        ConsignmentItemRow r;
        r.item_id = it.id;
        r.sku = it.sku;
        r.name = it.name;
        r.unit = it.unit;
        r.weighed = it.weighed;
        r.unsold = it.on_hand;
        if (auto p = price_of.find(it.id); p != price_of.end()) r.consignor_price = p->second;
        row_of[it.id] = s.items.size();
        s.items.push_back(r);
    }
    std::sort(lines.begin(), lines.end(), [](auto& a, auto& b) {
        if (a.sale_id != b.sale_id) return a.sale_id < b.sale_id;
        return a.line_no < b.line_no;
    });
    for (auto& l : lines) {
        auto r = row_of.find(l.item_id);
        if (r == row_of.end()) continue;  // not this consignor's item
        auto& row = s.items[r->second];
        row.qty_sold += l.qty;
        row.sold += l.total;
        s.lines.push_back(l);
    }
    for (auto& row : s.items) {
        if (row.consignor_price) {
            int64_t scale = row.weighed ? 1000 : 1;
            row.due = Money::rp(mul_div_round(row.consignor_price->rupiah(), row.qty_sold, scale));
            row.fee = row.sold - row.due;
        } else {
            row.fee = Money::rp(mul_div_round(row.sold.rupiah(), c.fee_bp, 10000));
            row.due = row.sold - row.fee;
        }
        s.qty_sold += row.qty_sold;
        s.sold += row.sold;
        s.fee += row.fee;
        s.due += row.due;
    }
    return s;
}

namespace {
std::string line(const std::string& label, const std::string& value, int width) {
    int pad = width - static_cast<int>(label.size()) - static_cast<int>(value.size());
    std::string l = label;
    if (pad < 1) {
        l = label.substr(0, std::max(0, width - static_cast<int>(value.size()) - 1));
        pad = 1;
    }
    return l + std::string(static_cast<size_t>(pad), ' ') + value + "\n";
}
}  // namespace

std::string consignment_text(const ConsignmentStatement& s, const std::string& shop_name, int width) {
    std::string rule(static_cast<size_t>(width), '-');
    std::string out = shop_name + "\n" + tr("LAPORAN TITIP JUAL") + "\n" + rule + "\n";
    out += s.consignor.code + " " + s.consignor.name + "\n" + s.from + " s/d " + s.to + "\n" + rule + "\n";
    for (auto& r : s.items) {
        out += r.name + "\n";
        out += line(fmt::format("  {} {} {}", tr("terjual"), r.qty_sold, r.unit), format_amount(r.sold), width);
        out += line("  " + tr("biaya toko"), "-" + format_amount(r.fee), width);
        out += line("  " + tr("sisa stok") + " " + std::to_string(r.unsold), format_amount(r.due), width);
    }
    out += rule + "\n";
    out += line(tr("Penjualan"), format_amount(s.sold), width);
    out += line(tr("Biaya toko"), format_amount(s.fee), width);
    out += line(tr("DIBAYAR KE PENITIP"), format_amount(s.due), width);
    return out;
}

}  // namespace waserda::core
