// Items and members from and to CSV.
//
// [SECTION] Field helpers
// [SECTION] Header
// [SECTION] Items
// [SECTION] Members
// [SECTION] Problems
#include "pos/core/catalog_io.hpp"

#include "pos/core/csv.hpp"
#include "pos/core/i18n.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace waserda::core {
namespace {

// [SECTION] Field helpers

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool has_space(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// Whole numbers as spreadsheets show them: "1500", "1.500", "-3". No currency sign.
std::optional<int64_t> parse_count(std::string_view text) {
    std::string t = trim(text);
    if (t.empty()) return std::nullopt;
    size_t first = t[0] == '-' ? 1 : 0;
    if (first >= t.size() || !std::isdigit(static_cast<unsigned char>(t[first]))) return std::nullopt;
    auto m = parse_rupiah(t);
    if (!m) return std::nullopt;
    return m->rupiah();
}

std::string money_text(Money m) { return std::to_string(m.rupiah()); }

// One row being read: field access by column name and problem collection.
class RowReader {
public:
    RowReader(const std::map<std::string, size_t>& cols, const std::vector<std::string>& row, int line,
              std::vector<ImportProblem>& problems)
        : cols_(cols), row_(row), line_(line), problems_(problems) {}

    int line() const { return line_; }
    std::string get(const std::string& col) const {
        auto it = cols_.find(col);
        if (it == cols_.end() || it->second >= row_.size()) return {};
        return trim(row_[it->second]);
    }
    void problem(const std::string& col, std::string message) { problems_.push_back({line_, col, std::move(message)}); }

    // Empty: `fallback` (nullopt when the column is required and empty, after a problem).
    std::optional<Money> money(const std::string& col, std::optional<Money> fallback, const std::string& bad_message) {
        std::string v = get(col);
        if (v.empty()) {
            if (!fallback) problem(col, tr("Kolom {} wajib diisi.", col));
            return fallback;
        }
        auto m = parse_rupiah(v);
        if (!m) {
            problem(col, tr(bad_message, v));
            return std::nullopt;
        }
        if (m->is_negative()) {
            problem(col, tr("Nilai tidak boleh negatif: \"{}\"", v));
            return std::nullopt;
        }
        return m;
    }
    int64_t count(const std::string& col, int64_t fallback) {
        std::string v = get(col);
        if (v.empty()) return fallback;
        auto n = parse_count(v);
        if (!n) {
            problem(col, tr("Bilangan bulat tidak berlaku: \"{}\"", v));
            return fallback;
        }
        if (*n < 0) {
            problem(col, tr("Nilai tidak boleh negatif: \"{}\"", v));
            return fallback;
        }
        return *n;
    }
    bool flag(const std::string& col, bool fallback) {
        std::string v = get(col);
        if (v.empty()) return fallback;
        auto b = parse_yes_no(v);
        if (!b) {
            problem(col, tr("Isi dengan 1/0, ya/tidak atau true/false, bukan \"{}\".", v));
            return fallback;
        }
        return *b;
    }
    void check_extra_fields(size_t header_size) {
        for (size_t i = header_size; i < row_.size(); ++i)
            if (!trim(row_[i]).empty()) {
                problem("", tr("Baris ini punya {} kolom, lebih banyak dari baris judul ({}).", row_.size(), header_size));
                return;
            }
    }

private:
    const std::map<std::string, size_t>& cols_;
    const std::vector<std::string>& row_;
    int line_;
    std::vector<ImportProblem>& problems_;
};

// [SECTION] Header

// Maps column names to positions; reports missing required, unknown and repeated columns.
// Returns false when the rows cannot be read at all.
bool read_header(const CsvTable& t, const std::vector<std::string>& known, const std::vector<std::string>& required,
                 std::map<std::string, size_t>& cols, std::vector<ImportProblem>& problems) {
    if (t.header.empty()) {
        problems.push_back({0, "", tr("File kosong: tidak ada baris judul.")});
        return false;
    }
    for (size_t i = 0; i < t.header.size(); ++i) {
        std::string name = lower(trim(t.header[i]));
        if (name.empty()) continue;
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            problems.push_back({1, name, tr("Kolom \"{}\" tidak dikenal.", name)});
            continue;
        }
        if (cols.count(name)) {
            problems.push_back({1, name, tr("Kolom {} muncul dua kali.", name)});
            continue;
        }
        cols[name] = i;
    }
    bool ok = true;
    for (const auto& r : required)
        if (!cols.count(r)) {
            problems.push_back({1, r, tr("Kolom {} tidak ada di baris judul.", r)});
            ok = false;
        }
    if (ok && t.rows.empty()) problems.push_back({0, "", tr("File tidak berisi data di bawah baris judul.")});
    return ok;
}

std::string bool_text(bool b) { return b ? "1" : "0"; }

const std::vector<std::string> kItemColumns{"sku",     "name",     "unit",    "category",          "weighed",
                                            "price",   "member_price",      "wholesale_min_qty", "wholesale_price",
                                            "cost",    "taxable",  "min_stock", "active",          "barcodes",
                                            "stock",   "consignment"};
const std::vector<std::string> kMemberColumns{"number", "name",  "card_code", "work_unit", "phone",        "status",
                                              "joined_on", "pokok", "wajib", "sukarela", "credit_limit", "left_on"};

// [SECTION] Items

// "8991234567890;8991234567906x40" -> codes with pack multipliers.
std::vector<ItemBarcode> read_barcodes(RowReader& r, std::map<std::string, int>& seen) {
    std::vector<ItemBarcode> out;
    std::string text = r.get("barcodes");
    std::string token;
    auto flush = [&] {
        std::string t = trim(token);
        token.clear();
        if (t.empty()) return;
        ItemBarcode b;
        b.code = t;
        auto x = t.find_last_of("xX");
        if (x != std::string::npos && x > 0) {
            std::string pack = t.substr(x + 1);
            if (pack.empty() || !is_all_digits(pack)) {
                if (is_all_digits(t.substr(0, x))) {
                    r.problem("barcodes", tr("Isi kemasan pada \"{}\" tidak berlaku; tulis KODExJUMLAH, misalnya 8991234567906x40.", t));
                    return;
                }
            } else {
                b.code = trim(t.substr(0, x));
                auto n = parse_count(pack);
                if (!n || *n <= 0) {
                    r.problem("barcodes", tr("Isi kemasan pada \"{}\" harus lebih dari nol.", t));
                    return;
                }
                b.pack_qty = *n;
            }
        }
        if (b.code.empty() || has_space(b.code) || b.code.size() > 48) {
            r.problem("barcodes", tr("Kode batang \"{}\" tidak berlaku.", b.code));
            return;
        }
        if (!has_valid_check_digit(b.code)) {
            r.problem("barcodes", tr("Digit pemeriksa kode batang {} salah; periksa lagi angkanya.", b.code));
            return;
        }
        auto [it, fresh] = seen.emplace(b.code, r.line());
        if (!fresh) {
            r.problem("barcodes", tr("Kode batang {} sudah dipakai di baris {}.", b.code, it->second));
            return;
        }
        out.push_back(b);
    };
    for (char c : text) {
        if (c == ';' || c == '|' || c == ',') flush();
        else token.push_back(c);
    }
    flush();
    return out;
}

// A weighed item sold by scale labels must have the label's item code as its SKU.
void check_weighed_sku(RowReader& r, const std::string& sku, const std::vector<InStoreRule>& rules) {
    if (!is_all_digits(sku)) return;
    for (const auto& rule : rules) {
        if (rule.prefix.empty() || sku.compare(0, rule.prefix.size(), rule.prefix) != 0) continue;
        size_t want = rule.prefix.size() + static_cast<size_t>(rule.item_digits);
        if (sku.size() != want) {
            std::string example = rule.prefix + std::string(static_cast<size_t>(rule.item_digits) - 1, '0') + "1";
            r.problem("sku", tr("SKU {} barang timbang tidak cocok dengan label timbangan: awalan {} lalu {} angka, misalnya {}.",
                                sku, rule.prefix, rule.item_digits, example));
        }
        return;
    }
}

}  // namespace

std::optional<bool> parse_yes_no(std::string_view text) {
    std::string t = lower(trim(text));
    if (t == "1" || t == "ya" || t == "y" || t == "true" || t == "yes" || t == "iya") return true;
    if (t == "0" || t == "tidak" || t == "t" || t == "false" || t == "no" || t == "n" || t == "tdk") return false;
    return std::nullopt;
}

bool is_valid_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    int y = std::stoi(std::string(d.substr(0, 4)));
    unsigned m = static_cast<unsigned>(std::stoi(std::string(d.substr(5, 2))));
    unsigned day = static_cast<unsigned>(std::stoi(std::string(d.substr(8, 2))));
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
    return ymd.ok() && y >= 1900 && y <= 2200;
}

ItemImport items_from_csv(std::string_view text, const std::vector<InStoreRule>& rules) {
    ItemImport out;
    int bad_line = 0;
    auto table = parse_csv(text, &bad_line);
    if (!table) {
        out.problems.push_back({bad_line, "", table.error().message});
        return out;
    }
    std::map<std::string, size_t> cols;
    if (!read_header(*table, kItemColumns, {"sku", "name", "price"}, cols, out.problems)) return out;
    out.has_barcodes = cols.count("barcodes") > 0;

    std::map<std::string, int> skus;
    std::map<std::string, int> codes;
    for (size_t i = 0; i < table->rows.size(); ++i) {
        RowReader r(cols, table->rows[i], table->row_line[i], out.problems);
        r.check_extra_fields(table->header.size());
        Item it;
        it.sku = r.get("sku");
        if (it.sku.empty()) {
            r.problem("sku", tr("SKU wajib diisi."));
        } else if (has_space(it.sku) || it.sku.size() > 32) {
            r.problem("sku", tr("SKU \"{}\" tidak berlaku: tanpa spasi, paling panjang 32 karakter.", it.sku));
        } else if (auto [at, fresh] = skus.emplace(it.sku, r.line()); !fresh) {
            r.problem("sku", tr("SKU {} sudah dipakai di baris {}.", it.sku, at->second));
        }
        it.name = r.get("name");
        if (it.name.empty()) r.problem("name", tr("Nama barang wajib diisi."));
        it.category = r.get("category");
        it.weighed = r.flag("weighed", false);
        std::string unit = r.get("unit");
        if (it.weighed) {
            if (unit.empty() || lower(unit) == "kg") unit = "kg";
            else r.problem("unit", tr("Barang timbang harus bersatuan kg (harga per kg), bukan \"{}\".", unit));
            check_weighed_sku(r, it.sku, rules);
        }
        it.unit = unit.empty() ? "pcs" : unit;

        auto price = r.money("price", std::nullopt, "Harga tidak berlaku: \"{}\"");
        auto member = r.money("member_price", Money{}, "Harga tidak berlaku: \"{}\"");
        it.wholesale_min_qty = r.count("wholesale_min_qty", 0);
        auto wholesale = r.money("wholesale_price", Money{}, "Harga tidak berlaku: \"{}\"");
        auto cost = r.money("cost", Money{}, "Harga tidak berlaku: \"{}\"");
        if (price) it.price = *price;
        if (member) it.member_price = *member;
        if (wholesale) it.wholesale_price = *wholesale;
        if (cost) it.cost = *cost;
        if (price && member && *member > *price)
            r.problem("member_price", tr("Harga anggota ({}) lebih tinggi dari harga umum ({}).", format_rupiah(*member),
                                         format_rupiah(*price)));
        if (price && wholesale && *wholesale > *price)
            r.problem("wholesale_price", tr("Harga grosir ({}) lebih tinggi dari harga umum ({}).", format_rupiah(*wholesale),
                                            format_rupiah(*price)));
        if (wholesale && it.wholesale_min_qty > 0 && wholesale->is_zero())
            r.problem("wholesale_price", tr("Harga grosir wajib diisi bila jumlah minimal grosir diisi."));
        if (wholesale && it.wholesale_min_qty == 0 && wholesale->rupiah() > 0)
            r.problem("wholesale_min_qty", tr("Jumlah minimal grosir wajib diisi bila harga grosir diisi."));

        it.taxable = r.flag("taxable", true);
        it.min_stock = r.count("min_stock", 0);
        it.active = r.flag("active", true);
        it.consignment = r.flag("consignment", false);
        it.barcodes = read_barcodes(r, codes);
        int64_t stock = r.count("stock", 0);
        it.on_hand = stock;
        if (stock > 0) out.opening_stock.emplace_back(it.sku, stock);
        out.items.push_back(std::move(it));
    }
    return out;
}

std::string items_to_csv(const std::vector<Item>& items) {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(items.size());
    for (const auto& it : items) {
        std::string codes;
        for (const auto& b : it.barcodes) {
            if (!codes.empty()) codes += ";";
            codes += b.code;
            if (b.pack_qty != 1) codes += "x" + std::to_string(b.pack_qty);
        }
        rows.push_back({it.sku, it.name, it.unit, it.category, bool_text(it.weighed), money_text(it.price),
                        money_text(it.member_price), std::to_string(it.wholesale_min_qty), money_text(it.wholesale_price),
                        money_text(it.cost), bool_text(it.taxable), std::to_string(it.min_stock), bool_text(it.active),
                        codes, std::to_string(it.on_hand), bool_text(it.consignment)});
    }
    return write_csv(kItemColumns, rows);
}

// [SECTION] Members

namespace {

std::optional<MemberStatus> parse_status(std::string_view text) {
    std::string t = lower(trim(text));
    if (t.empty() || t == "aktif") return MemberStatus::Active;
    if (t == "nonaktif" || t == "non-aktif" || t == "tidak aktif") return MemberStatus::Inactive;
    if (t == "keluar") return MemberStatus::Left;
    return member_status_from(t);
}

bool valid_phone(std::string_view p) {
    return std::all_of(p.begin(), p.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == ' ' || c == '(' || c == ')';
    });
}

}  // namespace

MemberImport members_from_csv(std::string_view text) {
    MemberImport out;
    int bad_line = 0;
    auto table = parse_csv(text, &bad_line);
    if (!table) {
        out.problems.push_back({bad_line, "", table.error().message});
        return out;
    }
    std::map<std::string, size_t> cols;
    if (!read_header(*table, kMemberColumns, {"number", "name"}, cols, out.problems)) return out;

    std::map<std::string, int> numbers;  // lower-cased: the store finds numbers case-insensitively
    std::map<std::string, int> cards;
    for (size_t i = 0; i < table->rows.size(); ++i) {
        RowReader r(cols, table->rows[i], table->row_line[i], out.problems);
        r.check_extra_fields(table->header.size());
        Member m;
        m.number = r.get("number");
        if (m.number.empty()) {
            r.problem("number", tr("Nomor anggota wajib diisi."));
        } else if (has_space(m.number) || m.number.size() > 32) {
            r.problem("number", tr("Nomor anggota \"{}\" tidak berlaku: tanpa spasi, paling panjang 32 karakter.", m.number));
        } else if (auto [at, fresh] = numbers.emplace(lower(m.number), r.line()); !fresh) {
            r.problem("number", tr("Nomor anggota {} sudah dipakai di baris {}.", m.number, at->second));
        }
        m.name = r.get("name");
        if (m.name.empty()) r.problem("name", tr("Nama anggota wajib diisi."));
        m.card_code = r.get("card_code");
        if (!m.card_code.empty()) {
            if (has_space(m.card_code) || !has_valid_check_digit(m.card_code)) {
                r.problem("card_code", tr("Kode kartu \"{}\" tidak berlaku.", m.card_code));
            } else if (auto [at, fresh] = cards.emplace(m.card_code, r.line()); !fresh) {
                r.problem("card_code", tr("Kode kartu {} sudah dipakai di baris {}.", m.card_code, at->second));
            }
        }
        m.work_unit = r.get("work_unit");
        m.phone = r.get("phone");
        if (!valid_phone(m.phone)) r.problem("phone", tr("Nomor telepon \"{}\" tidak berlaku.", m.phone));
        std::string status = r.get("status");
        if (auto s = parse_status(status)) m.status = *s;
        else r.problem("status", tr("Status \"{}\" tidak dikenal; isi aktif, nonaktif atau keluar.", status));
        m.joined_on = r.get("joined_on");
        if (!m.joined_on.empty() && !is_valid_date(m.joined_on))
            r.problem("joined_on", tr("Tanggal \"{}\" tidak berlaku; tulis TTTT-BB-HH, misalnya 2024-07-01.", m.joined_on));
        m.left_on = r.get("left_on");
        if (!m.left_on.empty() && !is_valid_date(m.left_on))
            r.problem("left_on", tr("Tanggal \"{}\" tidak berlaku; tulis TTTT-BB-HH, misalnya 2024-07-01.", m.left_on));
        else if (!m.left_on.empty() && !m.joined_on.empty() && m.left_on < m.joined_on)
            r.problem("left_on", tr("Tanggal keluar {} sebelum tanggal masuk {}.", m.left_on, m.joined_on));

        const std::pair<const char*, SavingsType> kinds[] = {
            {"pokok", SavingsType::Pokok}, {"wajib", SavingsType::Wajib}, {"sukarela", SavingsType::Sukarela}};
        for (auto [col, type] : kinds) {
            auto amount = r.money(col, Money{}, "Jumlah simpanan tidak berlaku: \"{}\"");
            if (amount && amount->rupiah() > 0) {
                if (m.status == MemberStatus::Left && type != SavingsType::Sukarela)
                    r.problem(col, tr("Anggota yang sudah keluar tidak lagi punya simpanan pokok atau wajib."));
                out.savings.push_back({m.number, type, *amount});
            }
        }
        if (!r.get("credit_limit").empty()) {
            if (auto limit = r.money("credit_limit", Money{}, "Batas kredit tidak berlaku: \"{}\"")) m.credit_limit_override = *limit;
        }
        out.members.push_back(std::move(m));
    }
    return out;
}

std::string members_to_csv(const std::vector<Member>& members, const std::vector<MemberBalances>& balances) {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(members.size());
    for (size_t i = 0; i < members.size(); ++i) {
        const Member& m = members[i];
        MemberBalances b = i < balances.size() ? balances[i] : MemberBalances{};
        rows.push_back({m.number, m.name, m.card_code, m.work_unit, m.phone, to_string(m.status), m.joined_on,
                        money_text(b.pokok), money_text(b.wajib), money_text(b.sukarela),
                        m.credit_limit_override ? money_text(*m.credit_limit_override) : "", m.left_on});
    }
    return write_csv(kMemberColumns, rows);
}

// [SECTION] Problems

std::string format_problems(const std::vector<ImportProblem>& problems) {
    std::string out;
    for (const auto& p : problems) {
        if (p.line > 0 && !p.column.empty()) out += tr("baris {}, kolom {}: {}", p.line, p.column, p.message);
        else if (p.line > 0) out += tr("baris {}: {}", p.line, p.message);
        else out += p.message;
        out += "\n";
    }
    return out;
}

}  // namespace waserda::core
