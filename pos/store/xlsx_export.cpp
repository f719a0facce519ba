#include "pos/store/xlsx_export.hpp"

#include "pos/core/i18n.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>

namespace waserda::store {

namespace {

struct Formats {
    lxw_format* bold;
    lxw_format* money;
    lxw_format* money_bold;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
    format_set_bold(f.bold);
    format_set_num_format(f.money, "#,##0");
    format_set_num_format(f.money_bold, "#,##0");
    format_set_bold(f.money_bold);
    return f;
}

// Excel refuses sheet names over 31 characters or with []:*?/\ in them.
std::string sheet_name(std::string name) {
    for (auto& c : name)
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
    if (name.size() > 31) name.resize(31);
    return name.empty() ? "Sheet" : name;
}

void write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, bool numeric, lxw_format* num_fmt,
                lxw_format* text_fmt) {
    if (numeric && !text.empty()) {
        char* end = nullptr;
        long long v = std::strtoll(text.c_str(), &end, 10);
        if (end && *end == '\0') {
            worksheet_write_number(ws, r, c, static_cast<double>(v), num_fmt);
            return;
        }
    }
    worksheet_write_string(ws, r, c, text.c_str(), text_fmt);
}

core::Status finish(lxw_workbook* wb, const std::string& path) {
    lxw_error rc = workbook_close(wb);
    if (rc != LXW_NO_ERROR)
        return core::make_error(core::ErrorCode::Storage, core::tr("File {} tidak bisa ditulis: {}.", path, lxw_strerror(rc)));
    return core::ok_status();
}

}  // namespace

core::Status write_xlsx(const std::string& path, const std::vector<core::ReportTable>& tables) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) return core::make_error(core::ErrorCode::Storage, core::tr("File {} tidak bisa dibuat.", path));
    Formats f = make_formats(wb);
    for (auto& t : tables) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t.name).c_str());
        if (!ws) continue;
        worksheet_write_string(ws, 0, 0, t.title.c_str(), f.bold);
        for (size_t c = 0; c < t.header.size(); ++c) {
            worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), t.header[c].c_str(), f.bold);
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 28 : 16, nullptr);
        }
        for (size_t r = 0; r < t.rows.size(); ++r)
            for (size_t c = 0; c < t.rows[r].size(); ++c) {
                bool numeric = c < t.numeric.size() && t.numeric[c];
                write_cell(ws, static_cast<lxw_row_t>(r + 3), static_cast<lxw_col_t>(c), t.rows[r][c], numeric, f.money, nullptr);
            }
    }
    return finish(wb, path);
}

core::Status write_payroll_xlsx(const std::string& path, const core::PayrollList& list, const std::string& shop_name) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) return core::make_error(core::ErrorCode::Storage, core::tr("File {} tidak bisa dibuat.", path));
    Formats f = make_formats(wb);
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name("potong_gaji_" + list.month).c_str());
    worksheet_write_string(ws, 0, 0, shop_name.c_str(), f.bold);
    worksheet_write_string(ws, 1, 0, core::tr("Daftar potong gaji bulan {}", list.month).c_str(), f.bold);
    const char* header[] = {"work_unit", "number", "name", "amount", "deducted"};
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 3, c, header[c], f.bold);
    worksheet_set_column(ws, 0, 0, 22, nullptr);
    worksheet_set_column(ws, 1, 1, 12, nullptr);
    worksheet_set_column(ws, 2, 2, 30, nullptr);
    worksheet_set_column(ws, 3, 4, 16, nullptr);
    lxw_row_t r = 4;
    for (auto& unit : list.units()) {
        for (auto& l : unit.lines) {
            worksheet_write_string(ws, r, 0, l.work_unit.c_str(), nullptr);
            worksheet_write_string(ws, r, 1, l.number.c_str(), nullptr);
            worksheet_write_string(ws, r, 2, l.name.c_str(), nullptr);
            worksheet_write_number(ws, r, 3, static_cast<double>(l.due.rupiah()), f.money);
            ++r;
        }
        worksheet_write_string(ws, r, 2, core::tr("Jumlah {}", unit.work_unit.empty() ? "-" : unit.work_unit).c_str(), f.bold);
        worksheet_write_number(ws, r, 3, static_cast<double>(unit.total.rupiah()), f.money_bold);
        r += 2;
    }
    worksheet_write_string(ws, r, 2, core::tr("JUMLAH SELURUHNYA").c_str(), f.bold);
    worksheet_write_number(ws, r, 3, static_cast<double>(list.total.rupiah()), f.money_bold);
    return finish(wb, path);
}

}  // namespace waserda::store
