// Output helpers shared by the CLI commands: aligned tables, CSV, JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace waserda::cli {

enum class Format { Table, Csv, Json };

// Parses "table", "csv" or "json".
bool parse_format(const std::string& text, Format& out);

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<bool> right_aligned;   // per column; numbers read better right-aligned
};

std::string render_table(const Table& t);
std::string render_csv(const Table& t);
// JSON: an array of objects keyed by the header; numeric-looking cells stay strings unless
// `numbers` marks the column.
nlohmann::json table_to_json(const Table& t, const std::vector<bool>& numbers);
std::string render(const Table& t, Format f, const std::vector<bool>& numbers = {});

// Reads a whole file; false when it cannot.
bool read_file(const std::string& path, std::string& out);
bool write_file(const std::string& path, const std::string& content);

}  // namespace waserda::cli
