#include "sync/server/master_import.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "sync/protocol.hpp"

#include <algorithm>
#include <map>

namespace waserda::sync {

using core::ErrorCode;
using core::make_error;
using core::Result;

Result<std::vector<std::vector<std::string>>> parse_csv(const std::string& text) {
    std::string_view in = text;
    if (in.substr(0, 3) == "\xEF\xBB\xBF") in.remove_prefix(3);  // a spreadsheet's BOM
    auto first_line = in.substr(0, in.find('\n'));
    const char sep = first_line.find(',') == std::string_view::npos && first_line.find(';') != std::string_view::npos ? ';' : ',';
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, field_started = false;
    for (size_t i = 0; i < in.size(); ++i) {
        char ch = in[i];
        if (quoted) {
            if (ch == '"' && i + 1 < in.size() && in[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                field += ch;
            }
            continue;
        }
        if (ch == '"' && !field_started) {
            quoted = field_started = true;
        } else if (ch == sep) {
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ++i;
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
            if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
            row.clear();
        } else {
            field += ch;
            field_started = true;
        }
    }
    if (quoted) return make_error(ErrorCode::Invalid, core::tr("Berkas CSV berakhir di tengah tanda kutip."));
    if (field_started || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

namespace {

std::string trim(std::string s) {
    auto not_space = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
    s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
    return s;
}

// The rows of a CSV as column name -> value maps, checking the required columns exist.
Result<std::vector<std::map<std::string, std::string>>> records(const std::string& text, std::vector<std::string> required) {
    auto rows = parse_csv(text);
    if (!rows) return rows.error();
    if (rows->empty()) return make_error(ErrorCode::Invalid, core::tr("Berkas CSV kosong."));
    std::vector<std::string> header;
    for (auto& h : rows->front()) {
        std::string name = trim(h);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        header.push_back(name);
    }
    for (const auto& r : required)
        if (std::find(header.begin(), header.end(), r) == header.end())
            return make_error(ErrorCode::Invalid, core::tr("Kolom \"{}\" tidak ada di baris judul CSV.", r));
    std::vector<std::map<std::string, std::string>> out;
    for (size_t i = 1; i < rows->size(); ++i) {
        std::map<std::string, std::string> rec;
        for (size_t c = 0; c < header.size() && c < (*rows)[i].size(); ++c) rec[header[c]] = trim((*rows)[i][c]);
        out.push_back(std::move(rec));
    }
    return out;
}

std::string get(const std::map<std::string, std::string>& rec, const std::string& key) {
    auto it = rec.find(key);
    return it == rec.end() ? std::string() : it->second;
}

// Line numbers count the header as line 1, as a spreadsheet shows them.
core::Error line_error(size_t index, const std::string& why) {
    return make_error(ErrorCode::Invalid, core::tr("Baris {}: {}", index + 2, why));
}

bool parse_flag(const std::string& s, bool fallback, bool& ok) {
    ok = true;
    if (s.empty()) return fallback;
    std::string v = s;
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (v == "1" || v == "ya" || v == "yes" || v == "true" || v == "y") return true;
    if (v == "0" || v == "tidak" || v == "no" || v == "false" || v == "n") return false;
    ok = false;
    return fallback;
}

bool parse_count(const std::string& s, int64_t& out) {
    if (s.empty()) return true;
    try {
        size_t used = 0;
        out = std::stoll(s, &used);
        return used == s.size() && out >= 0;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

Result<std::vector<MasterRow>> items_from_csv(const std::string& text) {
    auto recs = records(text, {"sku", "name", "price"});
    if (!recs) return recs.error();
    std::vector<MasterRow> out;
    for (size_t i = 0; i < recs->size(); ++i) {
        const auto& r = (*recs)[i];
        core::Item item;
        item.sku = get(r, "sku");
        item.name = get(r, "name");
        if (item.sku.empty() || item.name.empty()) return line_error(i, core::tr("sku dan name wajib diisi."));
        item.unit = get(r, "unit").empty() ? "pcs" : get(r, "unit");
        item.category = get(r, "category");
        auto price = core::parse_rupiah(get(r, "price"));
        if (!price) return line_error(i, core::tr("harga \"{}\" tidak sah.", get(r, "price")));
        item.price = *price;
        item.member_price = *price;
        if (!get(r, "member_price").empty()) {
            auto mp = core::parse_rupiah(get(r, "member_price"));
            if (!mp) return line_error(i, core::tr("harga anggota \"{}\" tidak sah.", get(r, "member_price")));
            item.member_price = *mp;
        }
        if (!parse_count(get(r, "wholesale_min_qty"), item.wholesale_min_qty))
            return line_error(i, core::tr("wholesale_min_qty harus bilangan bulat."));
        if (!get(r, "wholesale_price").empty()) {
            auto wp = core::parse_rupiah(get(r, "wholesale_price"));
            if (!wp) return line_error(i, core::tr("harga grosir \"{}\" tidak sah.", get(r, "wholesale_price")));
            item.wholesale_price = *wp;
        }
        bool ok1, ok2, ok3;
        item.taxable = parse_flag(get(r, "taxable"), true, ok1);
        item.active = parse_flag(get(r, "active"), true, ok2);
        item.weighed = parse_flag(get(r, "weighed"), false, ok3);
        if (!ok1 || !ok2 || !ok3) return line_error(i, core::tr("kolom ya/tidak tidak sah."));
        // barcodes: "8991234567890;8991234567891*12" (a carton code sells 12 pieces)
        std::string codes = get(r, "barcodes");
        size_t start = 0;
        while (start <= codes.size() && !codes.empty()) {
            size_t end = codes.find_first_of(";|", start);
            std::string one = trim(codes.substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (!one.empty()) {
                core::ItemBarcode bc;
                size_t star = one.find('*');
                bc.code = trim(one.substr(0, star));
                if (star != std::string::npos && (!parse_count(trim(one.substr(star + 1)), bc.pack_qty) || bc.pack_qty < 1))
                    return line_error(i, core::tr("barcode \"{}\" tidak sah.", one));
                item.barcodes.push_back(bc);
            }
            if (end == std::string::npos) break;
            start = end + 1;
        }
        out.push_back({"item", item.sku, item_to_wire(item).dump(), item.name, std::nullopt, 0});
    }
    return out;
}

Result<std::vector<MasterRow>> members_from_csv(const std::string& text) {
    auto recs = records(text, {"number", "name"});
    if (!recs) return recs.error();
    std::vector<MasterRow> out;
    for (size_t i = 0; i < recs->size(); ++i) {
        const auto& r = (*recs)[i];
        core::Member m;
        m.number = get(r, "number");
        m.name = get(r, "name");
        if (m.number.empty() || m.name.empty()) return line_error(i, core::tr("number dan name wajib diisi."));
        m.card_code = get(r, "card_code");
        m.work_unit = get(r, "work_unit");
        m.phone = get(r, "phone");
        auto status = core::member_status_from(get(r, "status").empty() ? "active" : get(r, "status"));
        if (!status) return line_error(i, core::tr("status \"{}\" tidak dikenal (active, inactive, left).", get(r, "status")));
        m.status = *status;
        m.joined_on = get(r, "joined_on");
        m.left_on = get(r, "left_on");
        if ((!m.joined_on.empty() && !is_iso_date(m.joined_on)) || (!m.left_on.empty() && !is_iso_date(m.left_on)))
            return line_error(i, core::tr("tanggal harus berbentuk YYYY-MM-DD."));
        std::optional<int64_t> limit;
        if (!get(r, "credit_limit").empty()) {
            auto l = core::parse_rupiah(get(r, "credit_limit"));
            if (!l) return line_error(i, core::tr("batas kredit \"{}\" tidak sah.", get(r, "credit_limit")));
            limit = l->rupiah();
            m.credit_limit_override = *l;
        }
        out.push_back({"member", m.number, member_to_wire(m).dump(), m.name, limit, 0});
    }
    return out;
}

}  // namespace waserda::sync
