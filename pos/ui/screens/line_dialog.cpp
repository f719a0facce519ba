// A cart line tapped: change its quantity, discount it, change its price, or void it. The core
// decides whether the cashier may; if not, the app asks for a supervisor's PIN and logs both.
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

namespace waserda::ui {
namespace {

using core::tr;

class LineDialog final : public Dialog {
public:
    explicit LineDialog(int line) : line_(line) {}
    std::string title() const override { return tr("Ubah baris {}", line_ + 1); }
    ImVec2 size(ImVec2 display) const override {
        const Theme& t = theme();
        return ImVec2(std::min(display.x - 40, 760 * t.scale), std::min(display.y - 20, 700 * t.scale));
    }

    bool draw(App& app) override {
        const auto& s = app.state();
        if (line_ < 0 || line_ >= int(s.cart.lines.size())) return false;
        const core::CartLine& l = s.cart.lines[size_t(line_)];
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        {
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(l.name.c_str());
        }
        text_colored(colors::Muted, fmt::format("{} x {} = {}", qty_text(l.qty, l.weighed, l.unit), core::format_rupiah(l.unit_price),
                                                core::format_rupiah(l.total())));
        float mw = (w - 2 * gap) / 3;
        const char* names[] = {"qty", "discount", "price"};
        std::string labels[] = {l.weighed ? tr("Berat (gram)") : tr("Jumlah"), tr("Diskon (Rp)"), tr("Ubah harga")};
        for (int m = 0; m < 3; ++m) {
            if (m) ImGui::SameLine();
            if (big_button(labels[m] + "##mode", ImVec2(mw, t.touch), mode_ == m ? Tone::Selected : Tone::Ghost, nullptr,
                           std::string("line.mode.") + names[m])) {
                mode_ = m;
                text_.clear();
            }
        }
        float left_w = w * 0.58f;
        ImGui::BeginChild("pad", ImVec2(left_w, ImGui::GetContentRegionAvail().y), false, ImGuiWindowFlags_NoScrollbar);
        std::string shown = text_.empty() ? "" : (mode_ == 0 ? text_ : money(std::stoll(text_)));
        std::string current = mode_ == 0 ? qty_text(l.qty, l.weighed, l.unit)
                                         : (mode_ == 1 ? core::format_rupiah(l.discount) : core::format_rupiah(l.unit_price));
        display_field("line.value", shown, tr("Sekarang: {}", current), left_w);
        PadOptions opt;
        opt.double_zero = mode_ != 0;
        opt.max_len = mode_ == 0 ? 6 : 10;
        opt.show_cancel = true;
        bool done = false;
        auto r = keypad("line.pad", text_, ImGui::GetContentRegionAvail(), opt);
        if (r == PadResult::Cancel) return false;
        if (r == PadResult::Ok && !text_.empty()) {
            int64_t v = std::stoll(text_);
            int line = line_;
            if (mode_ == 0) app.change_qty(line, v);
            else if (mode_ == 1) app.discount_line(line, core::Money::rp(v));
            else app.override_price(line, core::Money::rp(v));
            done = true;
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("acts", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
        float bw = ImGui::GetContentRegionAvail().x;
        if (!l.weighed && !l.fixed_total) {
            if (big_button("+1##plus", ImVec2(bw, t.touch * 1.2f), Tone::Normal, "+", "line.plus") || key_pressed('=')) {
                app.change_qty(line_, l.qty + 1);
                return false;
            }
            if (big_button("-1##minus", ImVec2(bw, t.touch * 1.2f), Tone::Normal, "-", "line.minus", l.qty > 1)) {
                app.change_qty(line_, l.qty - 1);
                return false;
            }
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        if (big_button(tr("Hapus baris") + "##void", ImVec2(bw, t.touch * 1.2f), Tone::Danger, "Del", "line.void") ||
            key_pressed(keys::Delete)) {
            app.void_line(line_);
            done = true;
        }
        ImGui::EndChild();
        return !done;
    }

private:
    int line_;
    int mode_ = 0;
    std::string text_;
};

}  // namespace

std::unique_ptr<Dialog> make_line_dialog(int line) { return std::make_unique<LineDialog>(line); }

}  // namespace waserda::ui
