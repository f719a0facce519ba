// The report screens: the home (every report by group) and one screen per report with its period
// picker, chart, table (totals frozen under the header, only the rows in view drawn) and export.
//
// [SECTION] Period
// [SECTION] Column names
// [SECTION] Table
// [SECTION] Dialogs: custom dates, export
// [SECTION] Reports home
// [SECTION] One report
// [SECTION] Registration
#include "pos/core/clock.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/i18n.hpp"
#include "pos/core/inventory.hpp"
#include "pos/core/user.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_common.hpp"   // ExportFolder
#include "pos/ui/screens/report_screens.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>

namespace waserda::ui {

using core::tr;

namespace {

const ReportData* g_shown = nullptr;
const chart::Selection* g_selection = nullptr;

bool may_view_reports(App& app) {
    const auto& u = app.state().user;
    return u && core::role_allows(u->role, core::Permission::ViewReports);
}

// [SECTION] Period

enum class PeriodKind { Today, Week, Month, LastMonth, Year, Custom };

struct Period {
    PeriodKind kind = PeriodKind::Month;
    core::DateRange custom;
    int days = 30;
    std::string audit_kind = "all";
};
// One per App, shared by its report screens: switching reports keeps the period.
using SharedPeriod = std::shared_ptr<Period>;

int iso_weekday(const std::string& date) {   // 1 Monday .. 7 Sunday
    using namespace std::chrono;
    year_month_day ymd{year(std::stoi(date.substr(0, 4))), month(unsigned(std::stoi(date.substr(5, 2)))),
                       day(unsigned(std::stoi(date.substr(8, 2))))};
    return int(weekday(sys_days(ymd)).iso_encoding());
}

core::DateRange range_of(const Period& p, const std::string& today) {
    switch (p.kind) {
        case PeriodKind::Today: return {today, today};
        case PeriodKind::Week: return {core::add_days(today, -(iso_weekday(today) - 1)), today};
        case PeriodKind::Month: return {today.substr(0, 8) + "01", today};
        case PeriodKind::LastMonth: {
            std::string last = core::add_days(today.substr(0, 8) + "01", -1);
            return {last.substr(0, 8) + "01", last};
        }
        case PeriodKind::Year: return {today.substr(0, 5) + "01-01", today};
        case PeriodKind::Custom: return p.custom;
    }
    return {today, today};
}

// "23/11/2026" from "2026-11-23".
std::string dmy(const std::string& d) { return d.size() == 10 ? d.substr(8, 2) + "/" + d.substr(5, 2) + "/" + d.substr(0, 4) : d; }

std::string range_text(const core::DateRange& r) { return r.from == r.to ? dmy(r.from) : dmy(r.from) + " – " + dmy(r.to); }

// [SECTION] Column names

std::string column_label(const std::string& key) {
    const std::pair<const char*, std::string> names[] = {
        {"date", tr("Tanggal")}, {"sales", tr("Transaksi")}, {"returns", tr("Retur")}, {"gross", tr("Bruto")},
        {"refunds", tr("Dikembalikan")}, {"net", tr("Bersih")}, {"discount", tr("Diskon")}, {"ppn", tr("PPN")},
        {"cost", tr("HPP")}, {"margin", tr("Laba kotor")}, {"margin_bp", tr("Margin")}, {"hour", tr("Jam")},
        {"sku", tr("SKU")}, {"name", tr("Nama")}, {"unit", tr("Satuan")}, {"qty", tr("Jumlah")}, {"revenue", tr("Penjualan")},
        {"category", tr("Kategori")}, {"cashier", tr("Kasir")}, {"method", tr("Metode")}, {"payments", tr("Pembayaran")},
        {"amount", tr("Nilai")}, {"customer", tr("Pembeli")}, {"on_hand", tr("Stok")}, {"min_stock", tr("Stok min.")},
        {"value", tr("Nilai (HPP)")}, {"retail_value", tr("Nilai jual")}, {"last_sold", tr("Terakhir laku")},
        {"days_since", tr("Hari")}, {"expiry", tr("Kedaluwarsa")}, {"days_left", tr("Sisa hari")}, {"receipt", tr("Penerimaan")},
        {"device", tr("Mesin")}, {"opened_at", tr("Dibuka")}, {"closed_at", tr("Ditutup")}, {"cash_sales", tr("Tunai jual")},
        {"cash_moves", tr("Kas lain")}, {"expected_cash", tr("Kas seharusnya")}, {"counted_cash", tr("Kas dihitung")},
        {"difference", tr("Selisih")}, {"at", tr("Waktu")}, {"action", tr("Tindakan")}, {"user", tr("Pengguna")},
        {"approver", tr("Penyetuju")}, {"ref", tr("Ref.")}, {"detail", tr("Keterangan")},
    };
    for (auto& [k, label] : names)
        if (key == k) return label;
    return key;
}

// [SECTION] Table

struct TableLayout {
    std::vector<float> widths;
    std::vector<std::string> labels;
    float font_size = 0;      // the layout was measured at this font size
};

TableLayout measure(const ReportData& d) {
    TableLayout l;
    if (d.tables.empty()) return l;
    ImFont* body = theme().font(Font::Body);
    ImFont* bold = theme().font(Font::Bold);
    const float pad = 18 * theme().scale, cap = 360 * theme().scale;
    l.font_size = body->FontSize;
    for (size_t c = 0; c < d.columns.size(); ++c) {
        l.labels.push_back(column_label(d.columns[c]));
        float w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, l.labels.back().c_str()).x;
        if (c < d.totals_row.size()) w = std::max(w, bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, d.totals_row[c].c_str()).x);
        // The widest cell of the first 3,000 rows (measured once per load, not per frame).
        for (size_t r = 0; r < d.cells.size() && r < 3000; ++r)
            if (c < d.cells[r].size()) w = std::max(w, body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, d.cells[r][c].c_str()).x);
        l.widths.push_back(std::min(w + pad, cap));
    }
    return l;
}

void cell_text(const std::string& s, bool right, float row_h, ImFont* font = nullptr) {
    if (font) ImGui::PushFont(font);
    float y = ImGui::GetCursorPosY() + (row_h - ImGui::GetTextLineHeight()) / 2 - ImGui::GetStyle().CellPadding.y;
    ImGui::SetCursorPosY(y);
    if (right) {
        float w = ImGui::CalcTextSize(s.c_str()).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
    }
    ImGui::TextUnformatted(s.c_str());
    if (font) ImGui::PopFont();
}

void draw_table(const std::string& id, const ReportData& d, const TableLayout& l, ImVec2 size) {
    if (d.tables.empty()) return;
    const int cols = int(d.columns.size());
    if (cols == 0 || int(l.widths.size()) != cols) return;
    const Theme& th = theme();
    if (d.cells.empty()) {
        text_colored(colors::Muted, tr("Tidak ada data untuk periode ini."));
        return;
    }
    float total_w = 0;
    for (float w : l.widths) total_w += w;
    // Widen the columns to the table's width when they are narrower (the scrollbar, each cell's
    // padding and border are outside the widths).
    float room = size.x - 30 * th.scale - float(cols) * (2 * ImGui::GetStyle().CellPadding.x + 1);
    float stretch = total_w < room ? room / total_w : 1.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 26 * th.scale);
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable(("##report." + id).c_str(), cols, flags, size)) {
        const bool has_totals = !d.totals_row.empty();
        ImGui::TableSetupScrollFreeze(1, has_totals ? 2 : 1);   // header (and totals) stay; so does the first column
        for (int c = 0; c < cols; ++c)
            ImGui::TableSetupColumn(l.labels[size_t(c)].c_str(), ImGuiTableColumnFlags_WidthFixed, l.widths[size_t(c)] * stretch);
        const float row_h = std::max(ImGui::GetTextLineHeight() * 1.6f, 30 * th.scale);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, row_h);
        for (int c = 0; c < cols; ++c) {
            ImGui::TableSetColumnIndex(c);
            bool num = d.numeric[size_t(c)];
            cell_text(l.labels[size_t(c)], num, row_h, th.font(Font::Bold));
        }
        if (has_totals) {
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, colors::Highlight);
            for (int c = 0; c < cols; ++c) {
                ImGui::TableSetColumnIndex(c);
                bool num = d.numeric[size_t(c)];
                cell_text(d.totals_row[size_t(c)], num, row_h, th.font(Font::Bold));
            }
        }
        ImGuiListClipper clipper;
        clipper.Begin(int(d.cells.size()), row_h);
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const auto& row = d.cells[size_t(r)];
                ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
                for (int c = 0; c < cols; ++c) {
                    ImGui::TableSetColumnIndex(c);
                    bool num = d.numeric[size_t(c)];
                    cell_text(c < int(row.size()) ? row[size_t(c)] : std::string(), num, row_h);
                }
            }
        }
        // A finger drags the table; ImGui 1.86 scrolls only with a wheel or the scrollbar.
        if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            ImVec2 delta = ImGui::GetIO().MouseDelta;
            ImGui::SetScrollY(ImGui::GetScrollY() - delta.y);
            ImGui::SetScrollX(ImGui::GetScrollX() - delta.x);
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    if (hits().enabled()) {
        ImVec2 p0 = ImGui::GetItemRectMin(), p1 = ImGui::GetItemRectMax();
        hits().add(id + ".table", p0, p1);
    }
}

// [SECTION] Dialogs: custom dates, export

class DatesDialog final : public Dialog {
public:
    DatesDialog(SharedPeriod period, core::DateRange start) : period_(std::move(period)) {
        from_ = digits(start.from);
        to_ = digits(start.to);
    }
    std::string title() const override { return tr("Pilih tanggal"); }
    ImVec2 size(ImVec2 display) const override {
        return ImVec2(std::min(display.x - 40, 720 * theme().scale), std::min(display.y - 20, 660 * theme().scale));
    }
    bool draw(App& app) override {
        const Theme& t = theme();
        float w = ImGui::GetContentRegionAvail().x;
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        text_colored(colors::Muted, tr("Ketik tanggal sebagai HHBBTTTT, misalnya 01112026."));
        float fw = (w - gap) / 2;
        for (int i = 0; i < 2; ++i) {
            if (i) ImGui::SameLine();
            std::string& text = i == 0 ? from_ : to_;
            std::string label = (i == 0 ? tr("Dari") : tr("Sampai")) + ": " + shown(text);
            if (big_button(label + "##f" + std::to_string(i), ImVec2(fw, t.touch), editing_ == i ? Tone::Selected : Tone::Ghost, nullptr,
                           i == 0 ? "dates.from" : "dates.to")) {
                editing_ = i;
                fresh_ = true;
            }
        }
        std::string& text = editing_ == 0 ? from_ : to_;
        std::string before = text;
        if (fresh_) text.clear();
        PadOptions opt;
        opt.double_zero = false;
        opt.max_len = 8;
        opt.ok_label = nullptr;
        if (!error_.empty()) text_colored(colors::Danger, error_);
        auto res = keypad("dates.pad", text, ImGui::GetContentRegionAvail(), opt);
        if (fresh_ && res == PadResult::None) text = before;   // nothing typed yet: keep the old date
        if (res == PadResult::Changed) fresh_ = false;
        if (res == PadResult::Changed && text.size() == 8 && editing_ == 0) {
            editing_ = 1;
            fresh_ = true;
        }
        if (res == PadResult::Cancel) return false;
        if (res == PadResult::Ok) {
            core::DateRange r{iso(from_), iso(to_)};
            for (auto* typed : {&from_, &to_})
                if (!core::valid_date(iso(*typed))) {
                    error_ = tr("Tanggal {} tidak ada. Ketik HHBBTTTT, misalnya 01112026.", shown(*typed));
                    app.show_error(error_);
                    return true;
                }
            auto* office = app.office();
            core::Status st = core::ok_status();
            if (office) st = office->manager().check_range(r);
            if (!st) {
                error_ = st.error().message;
                app.show_error(st.error());
                return true;
            }
            app.clear_banner();
            period_->kind = PeriodKind::Custom;
            period_->custom = r;
            return false;
        }
        return true;
    }

private:
    static std::string digits(const std::string& d) {   // "2026-11-23" -> "23112026"
        return d.size() == 10 ? d.substr(8, 2) + d.substr(5, 2) + d.substr(0, 4) : std::string();
    }
    static std::string iso(const std::string& t) {      // "23112026" -> "2026-11-23" (checked by core)
        return t.size() == 8 ? t.substr(4, 4) + "-" + t.substr(2, 2) + "-" + t.substr(0, 2) : t;
    }
    static std::string shown(const std::string& t) {
        std::string out;
        for (size_t i = 0; i < 8; ++i) {
            if (i == 2 || i == 4) out += '/';
            out += i < t.size() ? t[i] : '_';
        }
        return out;
    }
    SharedPeriod period_;
    std::string from_, to_, error_;
    int editing_ = 0;
    bool fresh_ = true;
};

class ExportDialog final : public Dialog {
public:
    ExportDialog(std::vector<core::ReportTable> tables, std::string stem) : tables_(std::move(tables)), stem_(std::move(stem)) {}
    std::string title() const override { return tr("Ekspor laporan"); }
    ImVec2 size(ImVec2 display) const override {
        return ImVec2(std::min(display.x - 40, 900 * theme().scale), std::min(display.y - 40, 420 * theme().scale));
    }
    bool draw(App& app) override {
        const Theme& t = theme();
        float w = ImGui::GetContentRegionAvail().x;
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        folder_.draw(app, "export", w);
        ImGui::Dummy(ImVec2(0, t.gap));
        ImGui::TextUnformatted(tr("Akan disimpan:").c_str());
        for (auto& tb : tables_) text_colored(colors::Muted, "  " + file_stem(tb) + ".csv");
        text_colored(colors::Muted, "  " + stem_ + ".xlsx");
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - t.touch - ImGui::GetStyle().WindowPadding.y));
        float bw = (w - gap) / 2;
        if (big_button(tr("Batal") + "##exp", ImVec2(bw, t.touch), Tone::Normal, "Esc", "export.cancel") || key_pressed(keys::Escape))
            return false;
        ImGui::SameLine();
        if (big_button(tr("Simpan CSV dan XLSX"), ImVec2(bw, t.touch), Tone::Ok, "Enter", "export.save") || key_pressed(keys::Enter)) {
            std::vector<std::string> written;
            for (auto& tb : tables_) {
                auto path = app.export_text(folder_.dir(), file_stem(tb) + ".csv", core::write_csv(tb.header, tb.rows));
                if (path.empty()) return true;   // the banner says why; the dialog stays for another folder
                written.push_back(path);
            }
            auto path = app.export_xlsx(folder_.dir(), stem_ + ".xlsx", tables_);
            if (path.empty()) return true;
            written.push_back(path);
            std::string names;
            for (auto& p : written) names += (names.empty() ? "" : ", ") + p;
            app.show_info(tr("Laporan disimpan: {}", names), true);
            return false;
        }
        return true;
    }

private:
    std::string file_stem(const core::ReportTable& tb) const { return tables_.size() == 1 ? stem_ : stem_ + "_" + tb.name; }
    std::vector<core::ReportTable> tables_;
    std::string stem_;
    ExportFolder folder_;
};

// [SECTION] Reports home

void no_back_office(App& app) {
    text_colored(colors::Danger, tr("Laporan tidak tersedia di kasir ini: tidak ada layanan kantor (back office)."));
    if (big_button(tr("Kembali") + "##noback", ImVec2(240 * theme().scale, theme().touch), Tone::Normal, "Esc", "reports.back") ||
        shortcut(keys::Escape))
        app.back();
}

bool denied(App& app, const char* id) {
    if (may_view_reports(app)) return false;
    g_shown = nullptr;
    {
        FontScope f(Font::Large);
        text_colored(colors::Danger, tr("Laporan hanya untuk manajer (pengurus) atau admin."));
    }
    text_colored(colors::Muted, tr("Minta manajer masuk dengan PIN-nya untuk melihat laporan."));
    if (big_button(tr("Kembali") + "##denied", ImVec2(240 * theme().scale, theme().touch), Tone::Normal, "Esc", std::string(id) + ".back") ||
        shortcut(keys::Escape))
        app.back();
    return true;
}

class ReportsHome final : public View {
public:
    ReportsHome() : View("reports") {}
    std::string title() const override { return tr("Laporan"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ViewReports; }
    bool in_menu() const override { return true; }
    void on_show(App&) override { g_shown = nullptr; }

protected:
    void drawContent(App& app) override {
        if (denied(app, "reports")) return;
        if (!app.office()) return no_back_office(app);
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        const int cols = w > 1100 * t.scale ? 4 : 3;
        float bw = (w - float(cols - 1) * gap) / float(cols);
        float bh = std::max(t.touch * 1.15f, 64 * t.scale);
        std::string group;
        int n = 0;
        for (auto& def : report_defs()) {
            if (def.group != group) {
                group = def.group;
                n = 0;
                if (ImGui::GetCursorPosY() > ImGui::GetStyle().WindowPadding.y + 60 * t.scale) ImGui::Dummy(ImVec2(0, 2 * t.scale));
                section_label(group);
            }
            if (n++ % cols) ImGui::SameLine();
            FontScope f(Font::Bold);
            if (big_button(def.title + "##" + def.id, ImVec2(bw, bh), Tone::Ghost, nullptr, "reports.open." + def.id))
                app.go("report." + def.id);
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        if (big_button(tr("Kembali") + "##back", ImVec2(bw, t.touch), Tone::Normal, "Esc", "reports.back") || shortcut(keys::Escape))
            app.back();
    }
};

// [SECTION] One report

class ReportView final : public View {
public:
    ReportView(ReportDef def, SharedPeriod period) : View("report." + def.id), def_(std::move(def)), period_(std::move(period)) {}
    std::string title() const override {
        for (auto& d : report_defs())
            if (d.id == def_.id) return d.title;   // in the language now in use
        return def_.title;
    }
    std::optional<core::Permission> permission() const override { return core::Permission::ViewReports; }
    void on_show(App&) override {
        loaded_ = false;   // read afresh each time the screen is opened: sales may have been made since
        selection_ = {};
    }

protected:
    void drawContent(App& app) override {
        if (denied(app, id().c_str())) return;
        if (!app.office()) return no_back_office(app);
        ReportQuery q = query(app);
        if (!loaded_ || q.range.from != data_.query.range.from || q.range.to != data_.query.range.to || q.days != data_.query.days ||
            q.audit_kind != data_.query.audit_kind) {
            data_ = load_report(app.office()->manager(), def_, q);
            loaded_ = true;
            layout_ = {};
            selection_ = {};
            if (!data_.error.empty()) app.show_error(data_.error);
        }
        if (layout_.font_size != theme().font(Font::Body)->FontSize) layout_ = measure(data_);
        g_shown = &data_;
        g_selection = &selection_;

        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        header(app, avail.x);
        params(app, avail.x);
        if (!data_.footer.empty()) {
            FontScope f(Font::Bold);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(data_.footer.c_str());
            ImGui::PopTextWrapPos();
        }
        ImVec2 rest = ImGui::GetContentRegionAvail();
        rest.y = std::max(rest.y, 120 * t.scale);
        const std::string cid = "report." + def_.id + ".chart";
        switch (def_.chart) {
            case ChartKind::Line:
            case ChartKind::Columns: {
                float ch = std::clamp(rest.y * 0.5f, 180 * t.scale, 320 * t.scale);
                chart_title(rest.x);
                if (def_.chart == ChartKind::Line) chart::line(cid, data_.series, ImVec2(rest.x, ch), selection_);
                else chart::columns(cid, data_.series, ImVec2(rest.x, ch), selection_);
                draw_table(id(), data_, layout_, ImGui::GetContentRegionAvail());
                break;
            }
            case ChartKind::Bars:
            case ChartKind::Shares: {
                float cw = std::floor(rest.x * (def_.chart == ChartKind::Shares ? 0.58f : 0.46f));
                ImGui::BeginGroup();
                chart_title(cw);
                float ch = ImGui::GetContentRegionAvail().y;
                if (def_.chart == ChartKind::Bars) chart::bars(cid, data_.series, ImVec2(cw, ch), selection_);
                else chart::shares(cid, data_.series, ImVec2(cw, ch), selection_);
                ImGui::EndGroup();
                ImGui::SameLine(0, gap);
                draw_table(id(), data_, layout_, ImVec2(rest.x - cw - gap, rest.y));
                break;
            }
            case ChartKind::None: draw_table(id(), data_, layout_, rest); break;
        }
        if (shortcut(keys::Escape)) app.back();
    }

private:
    ReportQuery query(App& app) const {
        ReportQuery q;
        q.today = app.shop().today_local();
        q.range = def_.param == ReportParam::Period ? range_of(*period_, q.today) : core::DateRange{};
        q.days = def_.param == ReportParam::Days ? period_->days : 30;
        q.audit_kind = def_.id == "audit" ? period_->audit_kind : "all";
        q.utc_offset_minutes = app.shop().settings().utc_offset_minutes;
        return q;
    }

    void chart_title(float width) {
        if (data_.chart_title.empty()) return;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        text_colored(colors::Muted, data_.chart_title + "  ·  " + tr("ketuk untuk angka pasti"));
        ImGui::PopTextWrapPos();
    }

    void header(App& app, float w) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float bw = 170 * t.scale;
        float y0 = ImGui::GetCursorPosY();
        {
            FontScope f(Font::Large);
            ImGui::SetCursorPosY(y0 + (t.touch - ImGui::GetTextLineHeight()) / 2);
            ImGui::TextUnformatted(title().c_str());
        }
        std::string when = def_.param == ReportParam::Period ? range_text(data_.query.range)
                                                             : tr("Per {}", dmy(data_.query.today));
        ImGui::SameLine(0, 2 * gap);
        ImGui::SetCursorPosY(y0 + (t.touch - ImGui::GetTextLineHeight()) / 2);
        text_colored(colors::Muted, when);
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), w - 2 * bw - gap + ImGui::GetStyle().WindowPadding.x));
        ImGui::SetCursorPosY(y0);
        if (big_button(tr("Ekspor") + "##exp", ImVec2(bw, t.touch), Tone::Primary, nullptr, "report.export", !data_.tables.empty())) {
            std::string stem = data_.tables.front().name + "_" +
                               (def_.param == ReportParam::Period ? core::compact_date(data_.query.range.from) + "_" +
                                                                        core::compact_date(data_.query.range.to)
                                                                  : core::compact_date(data_.query.today));
            app.open_dialog(std::make_unique<ExportDialog>(data_.tables, stem));
        }
        ImGui::SameLine();
        if (big_button(tr("Kembali") + "##back", ImVec2(bw, t.touch), Tone::Normal, "Esc", "report.back")) app.back();
    }

    bool chip(const std::string& label, const std::string& test_id, bool on, float w) {
        FontScope f(Font::Bold);
        return big_button(label + "##" + test_id, ImVec2(w, theme().touch), on ? Tone::Selected : Tone::Ghost, nullptr, test_id);
    }

    void params(App& app, float w) {
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        auto& p = *period_;
        if (def_.id == "audit") {
            static const char* kinds[] = {"all", "voids", "refunds", "overrides", "drawer", "discounts"};
            std::string names[] = {tr("Semua"), tr("Pembatalan"), tr("Retur"), tr("Pengesahan"), tr("Buka laci"), tr("Diskon")};
            float cw = std::min((w - 5 * gap) / 6, 190 * theme().scale);
            for (int i = 0; i < 6; ++i) {
                if (i) ImGui::SameLine();
                if (chip(names[i], std::string("report.kind.") + kinds[i], p.audit_kind == kinds[i], cw)) p.audit_kind = kinds[i];
            }
        }
        if (def_.param == ReportParam::Period) {
            const char* ids[] = {"today", "week", "month", "last_month", "year", "custom"};
            std::string names[] = {tr("Hari ini"), tr("Minggu ini"), tr("Bulan ini"), tr("Bulan lalu"), tr("Tahun ini"), tr("Pilih tanggal")};
            float cw = std::min((w - 5 * gap) / 6, 200 * theme().scale);
            for (int i = 0; i < 6; ++i) {
                if (i) ImGui::SameLine();
                if (chip(names[i], std::string("report.period.") + ids[i], int(p.kind) == i, cw)) {
                    if (i == int(PeriodKind::Custom)) app.open_dialog(std::make_unique<DatesDialog>(period_, data_.query.range));
                    else p.kind = PeriodKind(i);
                }
            }
        } else if (def_.param == ReportParam::Days) {
            const int options[] = {7, 14, 30, 60, 90, 180};
            float cw = std::min((w - 5 * gap) / 6, 160 * theme().scale);
            for (int i = 0; i < 6; ++i) {
                if (i) ImGui::SameLine();
                std::string label = def_.id == "expiring" ? tr("{} hari lagi", options[i]) : tr("{} hari", options[i]);
                if (chip(label, "report.days." + std::to_string(options[i]), p.days == options[i], cw)) p.days = options[i];
            }
        }
    }

    ReportDef def_;
    SharedPeriod period_;
    ReportData data_;
    TableLayout layout_;
    chart::Selection selection_;
    bool loaded_ = false;
};

}  // namespace

const ReportData* shown_report() { return g_shown; }
int shown_chart_selection() { return g_shown && g_selection ? g_selection->index : -1; }

// [SECTION] Registration

void add_report_screens(App& app) {
    app.add_screen(std::make_unique<ReportsHome>());
    auto period = std::make_shared<Period>();
    for (auto& def : report_defs()) app.add_screen(std::make_unique<ReportView>(def, period));
}

}  // namespace waserda::ui
