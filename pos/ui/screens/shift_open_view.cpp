// Opening a shift: the cash float in the drawer, typed on the keypad or picked from common amounts.
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;

class ShiftOpenView final : public View {
public:
    ShiftOpenView() : View("shift_open") {}
    std::string title() const override { return tr("Buka shift"); }
    void on_show(App&) override { amount_.clear(); }

protected:
    void drawContent(App& app) override {
        const Theme& t = theme();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float left_w = (avail.x - gap) * 0.5f;

        ImGui::BeginChild("info", ImVec2(left_w, avail.y), false);
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(tr("Modal awal di laci").c_str());
        }
        ImGui::PushTextWrapPos(0);
        text_colored(colors::Muted, tr("Hitung uang di laci sebelum mulai berjualan, lalu masukkan jumlahnya. Jumlah ini menjadi dasar hitungan kas saat shift ditutup."));
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, t.gap));
        {
            FontScope f(Font::Huge);
            int64_t v = amount_.empty() ? 0 : std::stoll(amount_);
            ImGui::TextUnformatted(money(v).c_str());
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        section_label(tr("Jumlah yang sering dipakai"));
        float bw = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
        int i = 0;
        for (int64_t v : {100000, 200000, 300000, 500000, 1000000, 0}) {
            if (i++ % 3) ImGui::SameLine();
            std::string label = v == 0 ? tr("Tanpa modal") : money(v);
            if (big_button(label + "##q" + std::to_string(v), ImVec2(bw, t.touch), Tone::Ghost, nullptr,
                           "shift_open.quick." + std::to_string(v)))
                amount_ = v == 0 ? "" : std::to_string(v);
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        if (big_button(tr("Keluar") + "##logout", ImVec2(bw, t.touch), Tone::Normal, nullptr, "shift_open.logout"))
            app.logout();
        ImGui::EndChild();

        ImGui::SameLine();
        ImGui::BeginChild("pad", ImVec2(avail.x - left_w - gap, avail.y), false);
        display_field("shift_open.amount", amount_.empty() ? "" : money(std::stoll(amount_)), tr("Rp 0"),
                      ImGui::GetContentRegionAvail().x);
        PadOptions opt;
        opt.show_cancel = false;
        opt.max_len = 10;
        std::string ok = tr("Buka shift");
        opt.ok_label = ok.c_str();
        ImVec2 pad = ImGui::GetContentRegionAvail();
        pad.y = std::min(pad.y, 520 * t.scale);
        if (keypad("shift_open.pad", amount_, pad, opt) == PadResult::Ok)
            app.open_shift(core::Money::rp(amount_.empty() ? 0 : std::stoll(amount_)));
        ImGui::EndChild();
    }

private:
    std::string amount_;
};

}  // namespace

std::unique_ptr<View> make_shift_open_view() { return std::make_unique<ShiftOpenView>(); }

}  // namespace waserda::ui
