#include "pos/cli/output.hpp"

#include "pos/core/csv.hpp"

#include <fstream>
#include <sstream>

namespace waserda::cli {

bool parse_format(const std::string& text, Format& out) {
    if (text == "table") out = Format::Table;
    else if (text == "csv") out = Format::Csv;
    else if (text == "json") out = Format::Json;
    else return false;
    return true;
}

namespace {
size_t display_width(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;  // count UTF-8 code points, not bytes
    return n;
}
}  // namespace

std::string render_table(const Table& t) {
    std::vector<size_t> width(t.header.size(), 0);
    for (size_t c = 0; c < t.header.size(); ++c) width[c] = display_width(t.header[c]);
    for (auto& row : t.rows)
        for (size_t c = 0; c < row.size() && c < width.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
    std::ostringstream out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (size_t c = 0; c < width.size(); ++c) {
            std::string cell = c < cells.size() ? cells[c] : "";
            std::string pad(width[c] - display_width(cell), ' ');
            bool right = c < t.right_aligned.size() && t.right_aligned[c];
            out << (c ? "  " : "") << (right ? pad + cell : cell + (c + 1 < width.size() ? pad : ""));
        }
        out << '\n';
    };
    line(t.header);
    std::vector<std::string> rule;
    for (auto w : width) rule.push_back(std::string(w, '-'));
    line(rule);
    for (auto& row : t.rows) line(row);
    return out.str();
}

std::string render_csv(const Table& t) { return core::write_csv(t.header, t.rows); }

nlohmann::json table_to_json(const Table& t, const std::vector<bool>& numbers) {
    nlohmann::json arr = nlohmann::json::array();
    for (auto& row : t.rows) {
        nlohmann::json obj = nlohmann::json::object();
        for (size_t c = 0; c < t.header.size() && c < row.size(); ++c) {
            bool num = c < numbers.size() && numbers[c];
            if (num) {
                try {
                    obj[t.header[c]] = std::stoll(row[c]);
                    continue;
                } catch (...) {
                }
            }
            obj[t.header[c]] = row[c];
        }
        arr.push_back(obj);
    }
    return arr;
}

std::string render(const Table& t, Format f, const std::vector<bool>& numbers) {
    switch (f) {
        case Format::Table: return render_table(t);
        case Format::Csv: return render_csv(t);
        case Format::Json: return table_to_json(t, numbers).dump(2) + "\n";
    }
    return {};
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

bool write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << content;
    return static_cast<bool>(out.flush());
}

}  // namespace waserda::cli
