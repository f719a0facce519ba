// The manager's member screens: arrears, statements, savings and repayments, leaving, payroll,
// consignment, SHU (one file each, members_*.cpp), and the pieces they share (members_common.hpp).
//
// [SECTION] Registration
// [SECTION] Shared state and dates
// [SECTION] Steppers, folder, fields
// [SECTION] Table
// [SECTION] Member picker
#include "pos/ui/screens/members_common.hpp"

#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_views.hpp"
#include "pos/ui/screens/screens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace waserda::ui {

using core::tr;

// [SECTION] Registration

void add_member_screens(App& app) {
    app.add_screen(make_members_arrears_view());
    app.add_screen(make_members_statement_view());
    app.add_screen(make_members_savings_view());
    app.add_screen(make_members_leave_view());
    app.add_screen(make_members_payroll_view());
    app.add_screen(make_members_consignment_view());
    app.add_screen(make_members_shu_view());
}

// [SECTION] Shared state and dates

core::MembersService* members_service(App& app) {
    if (app.office()) return &app.office()->members();
    ImGui::PushTextWrapPos(0);
    text_colored(colors::Danger, tr("Layanan anggota tidak tersedia di kasir ini. Buka dari komputer pengurus."));
    ImGui::PopTextWrapPos();
    if (big_button(tr("Kembali") + "##members.none", ImVec2(240 * theme().scale, theme().touch), Tone::Normal, "Esc",
                   "members.back") ||
        shortcut(keys::Escape))
        app.back();
    return nullptr;
}

std::string& picked_member_number() {
    static std::string number;
    return number;
}

std::string month_of(const std::string& date) { return date.size() >= 7 ? date.substr(0, 7) : date; }

namespace {
bool split_month(const std::string& month, int& y, int& m) {
    return month.size() == 7 && std::sscanf(month.c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12;
}
}  // namespace

std::string add_months(const std::string& month, int delta) {
    int y = 0, m = 0;
    if (!split_month(month, y, m)) return month;
    int idx = y * 12 + (m - 1) + delta;
    return fmt::format("{:04}-{:02}", idx / 12, idx % 12 + 1);
}

std::string month_first_day(const std::string& month) { return month + "-01"; }

std::string month_last_day(const std::string& ym) {
    int y = 0, m = 0;
    if (!split_month(ym, y, m)) return ym + "-28";
    std::chrono::year_month_day_last last{std::chrono::year{y} / std::chrono::month{unsigned(m)} / std::chrono::last};
    return fmt::format("{}-{:02}", ym, unsigned(last.day()));
}

std::string rp(core::Money m) { return core::format_rupiah(m); }

// [SECTION] Steppers, folder, fields

namespace {
bool stepper(const std::string& id, const std::string& shown, float width, int& delta) {
    const Theme& t = theme();
    float bw = std::max(t.touch * 1.2f, 64 * t.scale);
    delta = 0;
    if (big_button("<##" + id, ImVec2(bw, t.touch), Tone::Normal, nullptr, id + ".prev")) delta = -1;
    ImGui::SameLine();
    float mid = std::max(width - 2 * bw - 2 * ImGui::GetStyle().ItemSpacing.x, 80.0f);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImFont* f = t.font(Font::Large);
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, shown.c_str());
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + mid, p.y + t.touch), IM_COL32_WHITE, 8 * t.scale);
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, ImVec2(p.x + (mid - ts.x) / 2, p.y + (t.touch - ts.y) / 2),
                                        colors::Text, shown.c_str());
    ImGui::Dummy(ImVec2(mid, t.touch));
    ImGui::SameLine();
    if (big_button(">##" + id, ImVec2(bw, t.touch), Tone::Normal, nullptr, id + ".next")) delta = 1;
    return delta != 0;
}
}  // namespace

bool month_stepper(const std::string& id, std::string& month, float width) {
    int delta = 0;
    if (!stepper(id, month, width, delta)) return false;
    month = add_months(month, delta);
    return true;
}

bool year_stepper(const std::string& id, int& year, float width) {
    int delta = 0;
    if (!stepper(id, std::to_string(year), width, delta)) return false;
    year += delta;
    return true;
}

void ExportFolder::reset(App& app) {
    std::string keep = choices.empty() ? std::string() : dir();
    choices = app.export_folders();
    index = 0;
    for (size_t i = 0; i < choices.size(); ++i)
        if (choices[i] == keep) index = i;
}

const std::string& ExportFolder::dir() const {
    static const std::string none = "ekspor";
    return choices.empty() ? none : choices[index % choices.size()];
}

void ExportFolder::draw(App& app, const std::string& id, float width) {
    const Theme& t = theme();
    if (choices.empty()) reset(app);
    float bw = 220 * t.scale;
    ImGui::AlignTextToFramePadding();
    std::string shown = tr("Folder ekspor: {}", dir());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - bw - t.gap);
    text_colored(colors::Muted, shown);
    ImGui::PopTextWrapPos();
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), width - bw + ImGui::GetStyle().WindowPadding.x));
    if (big_button(tr("Ganti folder") + "##" + id, ImVec2(bw, t.touch), Tone::Ghost, nullptr, id + ".folder")) {
        reset(app);
        if (!choices.empty()) index = (index + 1) % choices.size();
        if (choices.size() == 1) app.show_info(tr("Tidak ada flashdisk terpasang; ekspor ke {}.", dir()));
    }
}

bool field_box(const std::string& id, const std::string& label, const std::string& value, bool selected, float width) {
    const Theme& t = theme();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = t.touch;
    bool tapped = ImGui::InvisibleButton(("##field." + id).c_str(), ImVec2(width, h));
    register_last_item(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), selected ? colors::Highlight : IM_COL32_WHITE, 6 * t.scale);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), selected ? colors::Accent : IM_COL32(190, 196, 205, 255), 6 * t.scale, 0,
                selected ? 3 * t.scale : 1.5f * t.scale);
    ImFont* body = t.font(Font::Body);
    ImFont* bold = t.font(Font::Bold);
    float y = p.y + (h - body->FontSize) / 2;
    std::string v = value.empty() ? std::string("-") : value;
    if (selected) v += "_";
    float vw = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, v.c_str()).x;
    // The label never runs under the value.
    dl->PushClipRect(p, ImVec2(p.x + width - vw - 18 * t.scale, p.y + h), true);
    dl->AddText(body, body->FontSize, ImVec2(p.x + 12 * t.scale, y), colors::Muted, label.c_str());
    dl->PopClipRect();
    dl->AddText(bold, bold->FontSize, ImVec2(p.x + width - vw - 12 * t.scale, y), selected ? colors::Accent : colors::Text,
                v.c_str());
    return tapped;
}

// [SECTION] Table

int draw_report_table(const std::string& id, const core::ReportTable& table, ImVec2 size, float row_h, int highlight) {
    const Theme& t = theme();
    int tapped = -1;
    const int cols = int(table.header.size());
    if (cols == 0) return -1;
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(("##table." + id).c_str(), cols, flags, size)) return -1;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Column widths in proportion to their longest text among the header and the first rows: cheap
    // enough per frame, and the columns fit what they hold.
    for (int c = 0; c < cols; ++c) {
        size_t longest = table.header[size_t(c)].size();
        for (size_t r = 0; r < table.rows.size() && r < 64; ++r)
            if (size_t(c) < table.rows[r].size()) longest = std::max(longest, table.rows[r][size_t(c)].size());
        ImGui::TableSetupColumn(table.header[c].c_str(), ImGuiTableColumnFlags_None, float(std::max<size_t>(longest, 4)) + 2.0f);
    }
    ImGui::TableHeadersRow();
    float h = row_h > 0 ? row_h : ImGui::GetTextLineHeightWithSpacing();
    ImGuiListClipper clipper;
    clipper.Begin(int(table.rows.size()), h);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const auto& row = table.rows[size_t(r)];
            ImGui::TableNextRow(ImGuiTableRowFlags_None, h);
            if (r == highlight) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, colors::Highlight);
            for (int c = 0; c < cols; ++c) {
                ImGui::TableSetColumnIndex(c);
                ImVec2 p = ImGui::GetCursorScreenPos();
                if (c == 0 && row_h > 0) {
                    ImGui::PushID(r);
                    if (ImGui::Selectable("##row", r == highlight, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, h)))
                        tapped = r;
                    ImGui::PopID();
                    register_last_item(fmt::format("{}.row.{}", id, r));
                }
                // Tall (tappable) rows: every cell's text on the row's middle line.
                if (row_h > 0) ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + (h - ImGui::GetFontSize()) / 2));
                const std::string& cell = c < int(row.size()) ? row[size_t(c)] : std::string();
                bool num = c < int(table.numeric.size()) && table.numeric[c];
                if (num) {
                    float w = ImGui::CalcTextSize(cell.c_str()).x;
                    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - w - 4 * t.scale));
                }
                ImGui::TextUnformatted(cell.c_str());
            }
        }
    }
    ImGui::EndTable();
    return tapped;
}

// [SECTION] Member picker

namespace {

class MemberPickDialog final : public Dialog {
public:
    explicit MemberPickDialog(std::function<void(App&, const core::Member&)> picked) : picked_(std::move(picked)) {}
    std::string title() const override { return tr("Pilih anggota"); }
    ImVec2 size(ImVec2 display) const override { return ImVec2(std::min(display.x - 40, 1100 * theme().scale), display.y - 60); }

    bool draw(App& app) override {
        const Theme& t = theme();
        float w = ImGui::GetContentRegionAvail().x;
        display_field("members.pick.text", text_, tr("Ketik nomor, kode kartu atau nama anggota"), w);
        if (text_ != searched_) {
            searched_ = text_;
            results_ = text_.size() >= 2 ? app.search_members(text_, 20) : std::vector<core::Member>{};
        }
        float kb_h = std::min(ImGui::GetContentRegionAvail().y * 0.5f, 5 * (t.touch + ImGui::GetStyle().ItemSpacing.y));
        ImGui::BeginChild("pick.results", ImVec2(w, ImGui::GetContentRegionAvail().y - kb_h - ImGui::GetStyle().ItemSpacing.y), true);
        float rw = ImGui::GetContentRegionAvail().x;
        const core::Member* chosen = nullptr;
        for (size_t i = 0; i < results_.size(); ++i) {
            const auto& m = results_[i];
            std::string label = fmt::format("{}   {}   {}", m.number, m.name, m.work_unit);
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
            bool tap = big_button(label + "##pick" + std::to_string(m.id), ImVec2(rw, t.touch), Tone::Ghost, nullptr,
                                  fmt::format("members.pick.result.{}", i));
            ImGui::PopStyleVar();
            if (tap) chosen = &m;
        }
        if (results_.empty() && text_.size() >= 2) text_colored(colors::Muted, tr("Tidak ada anggota yang cocok."));
        ImGui::EndChild();
        auto r = keyboard("members.pick.kb", text_, ImGui::GetContentRegionAvail(), true);
        if (r == PadResult::Ok && results_.size() == 1) chosen = &results_.front();
        if (chosen) {
            core::Member m = *chosen;
            picked_(app, m);
            return false;
        }
        return r != PadResult::Cancel;
    }

private:
    std::function<void(App&, const core::Member&)> picked_;
    std::string text_, searched_;
    std::vector<core::Member> results_;
};

}  // namespace

std::unique_ptr<Dialog> make_member_pick_dialog(std::function<void(App&, const core::Member&)> picked) {
    return std::make_unique<MemberPickDialog>(std::move(picked));
}

void member_button(App& app, const std::string& id, const core::Member* shown, float width,
                   std::function<void(App&, const core::Member&)> picked) {
    std::string who = shown ? fmt::format("{}  {}", shown->number, shown->name) : tr("Pilih anggota");
    if (!big_button(who + "##" + id, ImVec2(width, theme().touch), Tone::Primary, nullptr, id)) return;
    app.open_dialog(make_member_pick_dialog([picked = std::move(picked)](App& a, const core::Member& m) {
        picked_member_number() = m.number;
        picked(a, m);
    }));
}

}  // namespace waserda::ui
