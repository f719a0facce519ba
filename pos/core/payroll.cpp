#include "pos/core/payroll.hpp"

#include "pos/core/clock.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/i18n.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace waserda::core {

std::vector<PayrollUnit> PayrollList::units() const {
    std::vector<PayrollUnit> out;
    for (auto& l : lines) {
        if (out.empty() || out.back().work_unit != l.work_unit) out.push_back({l.work_unit, {}, {}});
        out.back().lines.push_back(l);
        out.back().total += l.due;
    }
    return out;
}

bool is_valid_month(std::string_view m) {
    if (m.size() != 7 || m[4] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6})
        if (!std::isdigit(static_cast<unsigned char>(m[i]))) return false;
    int month = (m[5] - '0') * 10 + (m[6] - '0');
    return month >= 1 && month <= 12;
}

std::string next_month(const std::string& month) {
    int y = std::stoi(month.substr(0, 4));
    int m = std::stoi(month.substr(5, 2)) + 1;
    if (m == 13) {
        m = 1;
        ++y;
    }
    return fmt::format("{:04}-{:02}", y, m);
}

std::string month_end_utc(const std::string& month, int utc_offset_minutes) {
    TimePoint local_start = parse_iso_utc(next_month(month) + "-01T00:00:00Z");
    return iso_utc(local_start - std::chrono::minutes(utc_offset_minutes));
}

Money payroll_due(const std::vector<ReceivableEntry>& entries, const std::string& month_end) {
    Money owed, later_credit;
    for (auto& e : entries) {
        owed += e.amount;
        if (e.amount.rupiah() > 0 && e.at >= month_end) later_credit += e.amount;
    }
    Money due = owed - later_credit;
    return due.is_negative() ? Money{} : due;
}

PayrollList make_payroll_list(const std::string& month, std::vector<PayrollLine> lines) {
    PayrollList list;
    list.month = month;
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](auto& l) { return l.due.rupiah() <= 0; }), lines.end());
    std::sort(lines.begin(), lines.end(), [](auto& a, auto& b) {
        if (a.work_unit != b.work_unit) return a.work_unit < b.work_unit;
        return a.number < b.number;
    });
    for (auto& l : lines) list.total += l.due;
    list.lines = std::move(lines);
    return list;
}

std::string payroll_csv(const PayrollList& list) {
    std::vector<std::vector<std::string>> rows;
    for (auto& l : list.lines) rows.push_back({l.work_unit, l.number, l.name, std::to_string(l.due.rupiah()), ""});
    return write_csv({"work_unit", "number", "name", "amount", "deducted"}, rows);
}

namespace {

std::string lower_trim(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

int find_column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
    for (size_t i = 0; i < header.size(); ++i)
        for (auto* n : names)
            if (lower_trim(header[i]) == n) return static_cast<int>(i);
    return -1;
}

}  // namespace

PayrollSettlementParse parse_payroll_settlement(std::string_view csv, const PayrollList& list,
                                                const std::map<std::string, Money>& owed) {
    PayrollSettlementParse out;
    int error_line = 0;
    auto table = parse_csv(csv, &error_line);
    if (!table) {
        out.problems.push_back({error_line, "", table.error().message});
        return out;
    }
    int number_col = find_column(table->header, {"number", "nomor", "no_anggota", "nomor_anggota"});
    int deducted_col = find_column(table->header, {"deducted", "terpotong", "dipotong"});
    int listed_col = find_column(table->header, {"amount", "jumlah"});
    if (number_col < 0) out.problems.push_back({1, "number", tr("Kolom nomor anggota (number) tidak ada.")});
    if (deducted_col < 0 && listed_col < 0)
        out.problems.push_back({1, "deducted", tr("Kolom jumlah terpotong (deducted atau amount) tidak ada.")});
    if (!out.problems.empty()) return out;

    std::map<std::string, const PayrollLine*> listed;
    for (auto& l : list.lines) listed[l.number] = &l;
    std::map<std::string, int> seen;
    for (size_t r = 0; r < table->rows.size(); ++r) {
        const auto& row = table->rows[r];
        int line = table->row_line[r];
        auto cell = [&](int col) { return col >= 0 && col < static_cast<int>(row.size()) ? trim(row[col]) : std::string(); };
        std::string number = cell(number_col);
        // The employer's figure when they wrote one; else the listed amount (the file came back
        // as it was sent: everything deducted). "0" means not deducted.
        std::string text = cell(deducted_col);
        std::string amount_name = "deducted";
        if (text.empty()) {
            text = cell(listed_col);
            amount_name = "amount";
        }
        if (number.empty() && text.empty()) continue;
        if (number.empty()) {
            out.problems.push_back({line, "number", tr("Nomor anggota kosong.")});
            continue;
        }
        auto it = listed.find(number);
        if (it == listed.end()) {
            out.problems.push_back({line, "number", tr("Anggota {} tidak ada di daftar potong gaji {}.", number, list.month)});
            continue;
        }
        if (auto dup = seen.find(number); dup != seen.end()) {
            out.problems.push_back({line, "number", tr("Anggota {} muncul dua kali (juga di baris {}).", number, dup->second)});
            continue;
        }
        seen[number] = line;
        // Spreadsheets like to add ",00" or ".00".
        std::string t = text;
        if (t.size() > 3 && (t.compare(t.size() - 3, 3, ",00") == 0 || t.compare(t.size() - 3, 3, ".00") == 0)) t.resize(t.size() - 3);
        if (t.empty()) continue;
        auto amount = parse_rupiah(t);
        if (!amount || amount->is_negative()) {
            out.problems.push_back({line, amount_name, tr("Jumlah \"{}\" tidak berlaku; tulis rupiah utuh.", text)});
            continue;
        }
        if (amount->is_zero()) continue;
        Money member_owes = owed.count(number) ? owed.at(number) : Money{};
        if (*amount > member_owes) {
            out.problems.push_back({line, amount_name, tr("Potongan {} untuk {} melebihi utangnya {}.", format_rupiah(*amount),
                                                          number, format_rupiah(member_owes))});
            continue;
        }
        out.lines.push_back({line, it->second->member_id, number, it->second->name, *amount});
        out.total += *amount;
    }
    return out;
}

}  // namespace waserda::core
