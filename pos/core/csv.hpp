// CSV files as spreadsheets write them (RFC 4180): quoted fields with embedded separators, quotes
// and line breaks, CRLF or LF line ends, a UTF-8 byte order mark. Indonesian Excel uses ';' as the
// separator (the comma is the decimal mark there), so the header line decides which one a file uses.
#pragma once

#include "result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace waserda::core {

struct CsvTable {
    char separator = ',';                         // as found in the header line
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;   // blank lines are skipped
    std::vector<int> row_line;                    // 1-based line in the file where each row starts
};

// Fails (ErrorCode::Invalid) only on text no spreadsheet would write: a quote never closed, or
// text right after a closing quote. Rows may have fewer or more fields than the header; the
// caller decides what that means.
Result<CsvTable> parse_csv(std::string_view text);
// The same, also telling the 1-based line where a failure was found (0 on success).
Result<CsvTable> parse_csv(std::string_view text, int* error_line);

// Comma-separated, CRLF line ends (RFC 4180), fields quoted only when they must be.
std::string write_csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
std::string csv_field(std::string_view field, char separator = ',');

}  // namespace waserda::core
