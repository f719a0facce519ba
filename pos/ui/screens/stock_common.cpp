// Shared pieces of the stock screens (stock_common.hpp) and their registration.
#include "pos/ui/screens/stock_common.hpp"

#include "pos/core/clock.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

namespace waserda::ui {

using core::tr;

void add_stock_screens(App& app) {
    app.add_screen(make_stock_hub_view());
    app.add_screen(make_stock_opname_view());   // in the menu for everyone: cashiers count too
    app.add_screen(make_stock_suppliers_view());
    app.add_screen(make_stock_receive_view(false));
    app.add_screen(make_stock_receive_view(true));
    app.add_screen(make_stock_adjust_view());
    app.add_screen(make_stock_reorder_view());
    app.add_screen(make_stock_item_card_view());
    app.add_screen(make_stock_prices_view());
}

namespace stock {

core::ManagerService* service_or_say(App& app) {
    core::ManagerService* m = app.manager();
    if (!m) {
        FontScope f(Font::Large);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(tr("Pekerjaan stok tidak tersedia di kasir ini (tanpa basis data toko).").c_str());
        ImGui::PopTextWrapPos();
    }
    return m;
}

std::optional<std::string> CodeField::poll() {
    if (shortcuts_blocked()) return std::nullopt;
    for (char c : typed_text())
        if (text_.size() < 64 && c != '\r' && c != '\n') text_.push_back(c);
    if (key_pressed(keys::Backspace) && !text_.empty()) text_.pop_back();
    if (shortcut_any(keys::Enter, keys::KeypadEnter) && !text_.empty()) {
        std::string code = text_;
        text_.clear();
        return code;
    }
    return std::nullopt;
}

void CodeField::draw(const std::string& id, const std::string& placeholder, float width) {
    display_field(id, text_, placeholder, width, false, !shortcuts_blocked());
}

int table(const std::string& test_id, const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
          ImVec2 size, int selected) {
    const Theme& t = theme();
    int tapped = -1;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(("##" + test_id).c_str(), int(columns.size()), flags, size)) return -1;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (auto& c : columns)
        ImGui::TableSetupColumn(c.header.c_str(), ImGuiTableColumnFlags_WidthStretch, c.weight);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, t.touch * 0.7f);
    for (size_t c = 0; c < columns.size(); ++c) {
        ImGui::TableSetColumnIndex(int(c));
        FontScope f(Font::Bold);
        if (columns[c].right) text_right(columns[c].header, ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
        else ImGui::TextUnformatted(columns[c].header.c_str());
    }
    const float text_h = ImGui::GetTextLineHeight();
    for (size_t r = 0; r < rows.size(); ++r) {
        ImGui::TableNextRow(0, t.touch);
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(int(r));
        float y0 = ImGui::GetCursorPosY();
        if (ImGui::Selectable("##row", int(r) == selected,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(0, t.touch)))
            tapped = int(r);
        register_last_item(test_id + "." + std::to_string(r));
        ImGui::PopID();
        for (size_t c = 0; c < columns.size() && c < rows[r].size(); ++c) {
            ImGui::TableSetColumnIndex(int(c));
            ImGui::SetCursorPosY(y0 + (t.touch - text_h) / 2);
            if (columns[c].right) text_right(rows[r][c], ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
            else ImGui::TextUnformatted(rows[r][c].c_str());
        }
    }
    ImGui::EndTable();
    return tapped;
}

int bottom_bar(App& app, const std::string& prefix, const std::vector<std::string>& labels) {
    const Theme& t = theme();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float w = ImGui::GetContentRegionAvail().x;
    size_t n = labels.size() + 1;
    float bw = (w - gap * float(n - 1)) / float(n);
    int tapped = -1;
    if (big_button(tr("Kembali") + "##back", ImVec2(bw, t.touch), Tone::Normal, "Esc", prefix + ".back") ||
        shortcut(keys::Escape)) {
        app.back();
        return 0;
    }
    for (size_t i = 0; i < labels.size(); ++i) {
        ImGui::SameLine();
        if (big_button(labels[i], ImVec2(bw, t.touch), i + 1 == labels.size() ? Tone::Primary : Tone::Ghost, nullptr,
                       prefix + ".b" + std::to_string(i + 1)))
            tapped = int(i + 1);
    }
    return tapped;
}

bool export_tables(App& app, const std::string& base, const std::vector<core::ReportTable>& tables) {
    auto folders = app.export_folders();
    if (folders.empty()) return false;
    const std::string& dir = folders.front();
    for (auto& tbl : tables) {
        std::string csv = core::write_csv(tbl.header, tbl.rows);
        if (app.export_text(dir, base + "-" + tbl.name + ".csv", csv).empty()) return false;
    }
    std::string xlsx = app.export_xlsx(dir, base + ".xlsx", tables);
    if (xlsx.empty()) return false;
    app.show_info(tr("Tersimpan di {} (CSV dan XLSX).", dir), true);
    return true;
}

std::string date_from_digits(const std::string& d) {
    if (d.size() != 8) return d;
    return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

std::string file_stamp(App& app) {
    auto& shop = app.shop();
    std::string local = core::local_datetime(shop.clock().now(), shop.settings().utc_offset_minutes);  // 22/11/2026 10:04
    std::string out;
    for (char c : shop.today_local() + local.substr(local.size() >= 5 ? local.size() - 5 : 0))
        if (c >= '0' && c <= '9') out.push_back(c);
    return out.size() == 12 ? out.substr(0, 8) + "-" + out.substr(8) : out;
}

}  // namespace stock
}  // namespace waserda::ui
