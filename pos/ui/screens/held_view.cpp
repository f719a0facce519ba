// Held carts: parked so the next customer can be served; they survive a restart.
#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;

class HeldView final : public View {
public:
    HeldView() : View("held") {}
    std::string title() const override { return tr("Transaksi ditahan"); }
    bool in_menu() const override { return true; }
    bool needs_shift() const override { return true; }
    void on_show(App& app) override { app.refresh_held(); }

protected:
    void drawContent(App& app) override {
        const auto& s = app.state();
        const Theme& t = theme();
        float w = ImGui::GetContentRegionAvail().x;
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(tr("Pilih transaksi untuk dilanjutkan").c_str());
        }
        if (s.held.empty()) text_colored(colors::Muted, tr("Tidak ada transaksi yang ditahan."));
        ImGui::BeginChild("list", ImVec2(w, ImGui::GetContentRegionAvail().y - t.touch - ImGui::GetStyle().ItemSpacing.y));
        for (size_t i = 0; i < s.held.size(); ++i) {
            const auto& h = s.held[i];
            std::string when = h.held_at.empty() ? std::string()
                                                 : core::local_datetime(core::parse_iso_utc(h.held_at),
                                                                        app.shop().settings().utc_offset_minutes);
            std::string label = (h.label.empty() ? tr("Transaksi #{}", h.id) : h.label) + "   " + when;
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
            if (big_button(label + "##held" + std::to_string(h.id), ImVec2(ImGui::GetContentRegionAvail().x, t.touch * 1.2f),
                           Tone::Ghost, i < 9 ? std::to_string(i + 1).c_str() : nullptr, "held." + std::to_string(i)))
                app.resume(h.id);
            ImGui::PopStyleVar();
        }
        ImGui::EndChild();
        if (big_button(tr("Kembali") + "##back", ImVec2(w * 0.3f, t.touch), Tone::Normal, "Esc", "held.back") ||
            shortcut(keys::Escape))
            app.back();
        if (!shortcuts_blocked()) {
            for (char c : typed_text())
                if (c >= '1' && c <= '9' && size_t(c - '1') < s.held.size()) {
                    app.resume(s.held[size_t(c - '1')].id);
                    break;
                }
        }
    }
};

}  // namespace

std::unique_ptr<View> make_held_view() { return std::make_unique<HeldView>(); }

}  // namespace waserda::ui
