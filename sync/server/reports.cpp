#include "sync/server/reports.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace waserda::sync {

std::optional<ReportFormat> report_format_from(const std::string& s) {
    if (s == "table") return ReportFormat::Table;
    if (s == "csv") return ReportFormat::Csv;
    if (s == "json") return ReportFormat::Json;
    return std::nullopt;
}

namespace {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Columns left-aligned except those marked numeric, which align right.
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& numeric) {
    std::vector<size_t> width(header.size());
    for (size_t c = 0; c < header.size(); ++c) {
        width[c] = header[c].size();
        for (const auto& r : rows) width[c] = std::max(width[c], r[c].size());
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (size_t c = 0; c < cells.size(); ++c) {
            if (c) out += "  ";
            out += numeric[c] ? fmt::format("{:>{}}", cells[c], width[c]) : fmt::format("{:<{}}", cells[c], width[c]);
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    std::string out = line(header);
    for (const auto& r : rows) out += line(r);
    return out;
}

std::string csv(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
    auto line = [](const std::vector<std::string>& cells) {
        std::string out;
        for (size_t c = 0; c < cells.size(); ++c) out += (c ? "," : "") + csv_field(cells[c]);
        return out + "\n";
    };
    std::string out = line(header);
    for (const auto& r : rows) out += line(r);
    return out;
}

}  // namespace

std::string format_sales_report(const std::vector<SalesDayRow>& rows, ReportFormat format) {
    if (format == ReportFormat::Json) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& r : rows)
            j.push_back({{"shop", r.shop}, {"date", r.date}, {"sales", r.sales}, {"returns", r.returns}, {"total", r.total}});
        return j.dump(2) + "\n";
    }
    std::vector<std::vector<std::string>> cells;
    int64_t sales = 0, returns = 0, total = 0;
    for (const auto& r : rows) {
        std::string money = format == ReportFormat::Csv ? std::to_string(r.total) : core::format_rupiah(core::Money::rp(r.total));
        cells.push_back({r.shop, r.date, std::to_string(r.sales), std::to_string(r.returns), money});
        sales += r.sales;
        returns += r.returns;
        total += r.total;
    }
    if (format == ReportFormat::Csv) return csv({"shop", "date", "sales", "returns", "total"}, cells);
    cells.push_back({core::tr("Jumlah"), "", std::to_string(sales), std::to_string(returns), core::format_rupiah(core::Money::rp(total))});
    return table({core::tr("Toko"), core::tr("Tanggal"), core::tr("Penjualan"), core::tr("Retur"), core::tr("Total")}, cells,
                 {false, false, true, true, true});
}

std::string format_credit_report(const std::vector<CreditRow>& rows, ReportFormat format) {
    if (format == ReportFormat::Json) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& r : rows)
            j.push_back({{"member_number", r.member_number}, {"name", r.name}, {"owed", r.owed},
                         {"limit", r.limit ? nlohmann::json(*r.limit) : nlohmann::json(nullptr)}, {"shops", r.shops},
                         {"over_limit", r.over_limit}});
        return j.dump(2) + "\n";
    }
    const bool csv_out = format == ReportFormat::Csv;
    auto money = [&](int64_t v) { return csv_out ? std::to_string(v) : core::format_rupiah(core::Money::rp(v)); };
    std::vector<std::vector<std::string>> cells;
    for (const auto& r : rows)
        cells.push_back({r.member_number, r.name, money(r.owed), r.limit ? money(*r.limit) : std::string(csv_out ? "" : "-"),
                         std::to_string(r.shops),
                         r.over_limit ? (csv_out ? "1" : core::tr("LEWAT BATAS")) : (csv_out ? "0" : "")});
    if (csv_out) return csv({"member_number", "name", "owed", "limit", "shops", "over_limit"}, cells);
    return table({core::tr("Anggota"), core::tr("Nama"), core::tr("Piutang"), core::tr("Batas"), core::tr("Toko"), ""}, cells,
                 {false, false, true, true, true, false});
}

}  // namespace waserda::sync
