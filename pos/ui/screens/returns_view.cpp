// Returns and refunds: scan the receipt's barcode or type its number, choose what comes back,
// and refund (a supervisor approves when the role requires).
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <map>

namespace waserda::ui {
namespace {

using core::tr;

class ReturnsView final : public View {
public:
    ReturnsView() : View("returns") {}
    std::string title() const override { return tr("Retur"); }
    bool in_menu() const override { return true; }
    bool needs_shift() const override { return true; }
    void on_show(App&) override {
        number_.clear();
        qty_.clear();
    }

protected:
    void drawContent(App& app) override {
        const auto& s = app.state();
        const Theme& t = theme();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        if (!s.return_sale) {
            // Scanner and keyboard both type into the receipt number; Enter looks it up.
            display_field("returns.number", number_, tr("Pindai barcode struk atau ketik nomornya, mis. T01-20261122-0007"),
                          avail.x);
            std::string before = number_;
            auto r = keyboard("returns.kb", number_, ImVec2(avail.x, ImGui::GetContentRegionAvail().y - t.touch - gap),
                              !shortcuts_blocked());
            if (r == PadResult::Ok && !number_.empty()) {
                std::string n = number_;
                for (auto& c : n) c = char(std::toupper(static_cast<unsigned char>(c)));
                if (app.load_return(n)) qty_.clear();
            }
            if (r == PadResult::Cancel) app.back();
            return;
        }
        const core::Sale& sale = *s.return_sale;
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(tr("Struk {}", sale.number).c_str());
        }
        text_colored(colors::Muted, tr("{}   Total {}   Kasir {}", sale.local_date, core::format_rupiah(sale.total), sale.user_name));
        if (!sale.member_name.empty()) text_colored(colors::Muted, tr("Anggota: {} ({})", sale.member_name, sale.member_number));
        section_label(tr("Ketuk barang yang dikembalikan (ketuk lagi untuk mengurangi)"));
        float list_h = ImGui::GetContentRegionAvail().y - 2 * (t.touch + gap);
        ImGui::BeginChild("lines", ImVec2(avail.x, list_h), true);
        float w = ImGui::GetContentRegionAvail().x;
        int64_t refund = 0;
        for (auto& l : sale.lines) {
            int64_t left = l.qty - l.returned_qty;
            int64_t& q = qty_[l.line_no];
            std::string label = fmt::format("{}   {} / {}   {}", l.name, q, left, core::format_rupiah(l.total));
            if (l.weighed) label = fmt::format("{}   {}   {}", l.name, q ? tr("semua") : "-", core::format_rupiah(l.total));
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
            if (big_button(label + "##l" + std::to_string(l.line_no), ImVec2(w, t.touch), q ? Tone::Selected : Tone::Ghost,
                           nullptr, fmt::format("returns.line.{}", l.line_no), left > 0)) {
                // Tapping counts up to what is left, then back to none.
                if (l.weighed) q = q ? 0 : left;
                else q = q >= left ? 0 : q + 1;
            }
            ImGui::PopStyleVar();
            if (q > 0 && l.qty != 0) refund += l.total.rupiah() * q / l.qty;
        }
        ImGui::EndChild();
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(tr("Dikembalikan kira-kira {}", money(refund)).c_str());
        }
        float bw = (avail.x - 2 * gap) / 3;
        if (big_button(tr("Struk lain") + "##other", ImVec2(bw, t.touch), Tone::Normal, "Esc", "returns.other") ||
            shortcut(keys::Escape)) {
            reset(app);
        }
        ImGui::SameLine();
        if (big_button(tr("Semua barang") + "##all", ImVec2(bw, t.touch), Tone::Normal, nullptr, "returns.all"))
            for (auto& l : sale.lines) qty_[l.line_no] = l.qty - l.returned_qty;
        ImGui::SameLine();
        bool any = false;
        for (auto& [line, q] : qty_) any = any || q > 0;
        if (big_button(tr("Proses retur") + "##do", ImVec2(bw, t.touch), Tone::Danger, "F12", "returns.do", any) ||
            (any && shortcut(keys::F12))) {
            std::vector<core::ReturnLineRequest> lines;
            for (auto& [line, q] : qty_)
                if (q > 0) lines.push_back({line, q});
            if (app.do_return(lines, std::nullopt)) reset(app);
        }
    }

private:
    void reset(App& app) {
        number_.clear();
        qty_.clear();
        app.clear_banner();
        app.clear_return();
    }

    std::string number_;
    std::map<int, int64_t> qty_;
};

}  // namespace

std::unique_ptr<View> make_returns_view() { return std::make_unique<ReturnsView>(); }

}  // namespace waserda::ui
