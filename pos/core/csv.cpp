#include "pos/core/csv.hpp"

#include "pos/core/i18n.hpp"

namespace waserda::core {
namespace {

// The header line decides: ';' when it has more semicolons than commas outside quotes.
char detect_separator(std::string_view text) {
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

}  // namespace

Result<CsvTable> parse_csv(std::string_view text) { return parse_csv(text, nullptr); }

Result<CsvTable> parse_csv(std::string_view text, int* error_line) {
    if (error_line) *error_line = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    CsvTable table;
    table.separator = detect_separator(text);
    const char sep = table.separator;

    auto fail = [&](int line, std::string message) -> Error {
        if (error_line) *error_line = line;
        return make_error(ErrorCode::Invalid, std::move(message));
    };

    std::vector<std::string> row;
    std::string field;
    int line = 1;
    int row_start = 1;
    bool have_header = false;
    bool quoted_in_row = false;  // a row holding only "" is a value, not a blank line
    auto end_row = [&] {
        row.push_back(std::move(field));
        field.clear();
        bool blank = row.size() == 1 && row[0].empty() && !quoted_in_row;
        quoted_in_row = false;
        if (!blank) {
            if (!have_header) {
                table.header = std::move(row);
                have_header = true;
            } else {
                table.rows.push_back(std::move(row));
                table.row_line.push_back(row_start);
            }
        }
        row.clear();
    };

    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        char c = text[i];
        if (c == '"' && field.empty()) {
            // A quoted field: runs to the next lone quote, line breaks included.
            int quote_line = line;
            quoted_in_row = true;
            ++i;
            bool closed = false;
            while (i < n) {
                char q = text[i];
                if (q == '"') {
                    if (i + 1 < n && text[i + 1] == '"') {
                        field.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (q == '\r' && i + 1 < n && text[i + 1] == '\n') {
                    field.push_back('\n');  // a line break inside a cell is kept as LF
                    i += 2;
                    ++line;
                    continue;
                }
                if (q == '\n' || q == '\r') ++line;
                field.push_back(q == '\r' ? '\n' : q);
                ++i;
            }
            if (!closed) return fail(quote_line, tr("Baris {}: tanda kutip (\") tidak ditutup.", quote_line));
            if (i < n && text[i] != sep && text[i] != '\n' && text[i] != '\r')
                return fail(line, tr("Baris {}: ada teks setelah tanda kutip penutup.", line));
            continue;
        }
        if (c == sep) {
            row.push_back(std::move(field));
            field.clear();
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            end_row();
            i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            row_start = line;
            continue;
        }
        field.push_back(c);
        ++i;
    }
    if (!field.empty() || !row.empty() || quoted_in_row) end_row();
    return table;
}

std::string csv_field(std::string_view field, char separator) {
    bool quote = field.find_first_of(std::string{'"', '\r', '\n', separator}) != std::string_view::npos ||
                 (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += "\"\"";
        else out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string write_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    std::string out;
    auto line = [&](const std::vector<std::string>& fields) {
        if (fields.size() == 1 && fields[0].empty()) {
            out += "\"\"\r\n";  // an unquoted empty line would read back as a blank line
            return;
        }
        for (size_t i = 0; i < fields.size(); ++i) {
            if (i) out.push_back(',');
            out += csv_field(fields[i]);
        }
        out += "\r\n";
    };
    line(header);
    for (const auto& r : rows) line(r);
    return out;
}

}  // namespace waserda::core
