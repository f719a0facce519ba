// Closing a shift: count the drawer per denomination, see expected against counted, print X
// (mid-shift) or close with the Z report.
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/core/shift.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <map>

namespace waserda::ui {
namespace {

using core::tr;

class ShiftCloseView final : public View {
public:
    ShiftCloseView() : View("shift_close") {}
    std::string title() const override { return tr("Tutup shift"); }
    bool in_menu() const override { return true; }
    bool needs_shift() const override { return true; }

    void on_show(App& app) override {
        counts_.clear();
        selected_ = 0;
        text_.clear();
        figures_ = app.shift_figures();
    }

protected:
    void drawContent(App& app) override {
        const Theme& t = theme();
        const auto& denoms = core::rupiah_denominations();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float left_w = std::floor((avail.x - gap) * 0.52f);

        ImGui::BeginChild("count", ImVec2(left_w, avail.y), true);
        section_label(tr("Hitung uang di laci (ketuk baris, isi jumlah lembar/keping)"));
        ImFont* bold = t.font(Font::Bold);
        float w = ImGui::GetContentRegionAvail().x;
        float row_h = std::max(t.touch * 0.85f, 48.0f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 2 * t.scale));
        for (size_t i = 0; i < denoms.size(); ++i) {
            int64_t value = denoms[i];
            int64_t count = counts_.count(value) ? counts_[value] : 0;
            ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::PushID(int(i));
            if (ImGui::InvisibleButton("row", ImVec2(w, row_h))) select(i);
            ImGui::PopID();
            register_last_item(fmt::format("shift_close.row.{}", value));
            bool sel = i == selected_;
            dl->AddRectFilled(p, ImVec2(p.x + w, p.y + row_h), sel ? colors::Highlight : IM_COL32_WHITE, 6 * t.scale);
            if (sel) dl->AddRect(p, ImVec2(p.x + w, p.y + row_h), colors::Accent, 6 * t.scale, 0, 2 * t.scale);
            float ty = p.y + (row_h - bold->FontSize) / 2;
            std::string label = money(value) + (value >= 1000 ? "" : " " + tr("(koin)"));
            dl->AddText(bold, bold->FontSize, ImVec2(p.x + 12 * t.scale, ty), colors::Text, label.c_str());
            std::string cnt = sel ? (text_.empty() ? "_" : text_ + "_") : fmt::format("{}", count);
            cnt = "x " + cnt;
            dl->AddText(bold, bold->FontSize, ImVec2(p.x + w * 0.42f, ty), sel ? colors::Accent : colors::Text, cnt.c_str());
            std::string sub = money(value * count);
            float sw = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, sub.c_str()).x;
            dl->AddText(bold, bold->FontSize, ImVec2(p.x + w - sw - 12 * t.scale, ty), colors::Text, sub.c_str());
        }
        ImGui::PopStyleVar();
        ImGui::EndChild();

        ImGui::SameLine();
        ImGui::BeginChild("side", ImVec2(avail.x - left_w - gap, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        float sw = ImGui::GetContentRegionAvail().x;
        core::Money counted = core::count_denominations(counts_);
        core::Money expected = figures_ ? figures_->expected_cash() : core::Money{};
        core::Money diff = counted - expected;
        auto row = [&](const std::string& label, const std::string& value, ImU32 color, Font f) {
            // The label sits on the value's middle line, whatever the value's size.
            float y = ImGui::GetCursorPosY();
            ImGui::SetCursorPosY(y + (theme().font(f)->FontSize - ImGui::GetFontSize()) / 2);
            ImGui::TextUnformatted(label.c_str());
            ImGui::SameLine();
            ImGui::SetCursorPosY(y);
            FontScope fs(f);
            ImGui::PushStyleColor(ImGuiCol_Text, color);
            text_right(value, sw);
            ImGui::PopStyleColor();
        };
        if (figures_) {
            row(tr("Modal awal"), core::format_rupiah(figures_->opening_float), colors::Text, Font::Bold);
            row(tr("Tunai dari penjualan"), core::format_rupiah(figures_->cash_from_sales), colors::Text, Font::Bold);
            if (!figures_->cash_moves.is_zero())
                row(tr("Kas masuk/keluar lain"), core::format_rupiah(figures_->cash_moves), colors::Text, Font::Bold);
        }
        row(tr("Kas seharusnya"), core::format_rupiah(expected), colors::Text, Font::Large);
        row(tr("Kas dihitung"), core::format_rupiah(counted), colors::Accent, Font::Large);
        ImU32 dc = diff.is_zero() ? colors::OkDark : colors::Danger;
        std::string dtext = diff.is_zero() ? tr("Pas") : (diff.is_negative() ? tr("Kurang {}", core::format_rupiah(-diff))
                                                                            : tr("Lebih {}", core::format_rupiah(diff)));
        row(tr("Selisih"), dtext, dc, Font::Large);

        PadOptions opt;
        opt.double_zero = false;
        opt.max_len = 5;
        opt.show_cancel = false;
        std::string next = tr("Berikutnya");
        opt.ok_label = next.c_str();
        opt.listen_keyboard = !shortcuts_blocked();
        float bh = t.touch;
        ImVec2 pad = ImGui::GetContentRegionAvail();
        pad.y -= 2 * (bh + ImGui::GetStyle().ItemSpacing.y);
        auto r = keypad("shift_close.pad", text_, pad, opt);
        if (r == PadResult::Changed) commit_text();
        if (r == PadResult::Ok) select((selected_ + 1) % denoms.size());
        if (shortcut(keys::Down)) select((selected_ + 1) % denoms.size());
        if (shortcut(keys::Up)) select((selected_ + denoms.size() - 1) % denoms.size());

        float bw = (sw - gap) / 2;
        if (big_button(tr("Cetak laporan X") + "##x", ImVec2(bw, bh), Tone::Normal, nullptr, "shift_close.x")) app.print_x_report();
        ImGui::SameLine();
        if (big_button(tr("Kembali") + "##back", ImVec2(bw, bh), Tone::Normal, "Esc", "shift_close.back") || shortcut(keys::Escape))
            app.back();
        if (big_button(tr("Tutup shift dan cetak Z") + "##close", ImVec2(sw, bh), Tone::Danger, "F12", "shift_close.close") ||
            shortcut(keys::F12))
            app.close_shift(counts_);
        ImGui::EndChild();
    }

private:
    void select(size_t i) {
        commit_text();
        selected_ = i;
        int64_t v = core::rupiah_denominations()[i];
        text_ = counts_.count(v) && counts_[v] ? std::to_string(counts_[v]) : std::string();
    }
    void commit_text() {
        int64_t v = core::rupiah_denominations()[selected_];
        int64_t c = text_.empty() ? 0 : std::stoll(text_);
        if (c) counts_[v] = c;
        else counts_.erase(v);
    }

    std::map<int64_t, int64_t> counts_;
    size_t selected_ = 0;
    std::string text_;
    std::optional<core::ShiftFigures> figures_;
};

}  // namespace

std::unique_ptr<View> make_shift_close_view() { return std::make_unique<ShiftCloseView>(); }

}  // namespace waserda::ui
