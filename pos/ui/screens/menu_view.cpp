// The menu: every screen the user's role may open, plus the till's own acts (reprint, drawer,
// language, lock, log out). Manager screens added by other issues appear here by permission.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;

class MenuView final : public View {
public:
    MenuView() : View("menu") {}
    std::string title() const override { return tr("Menu"); }

protected:
    void drawContent(App& app) override {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        const int cols = w > 1100 * t.scale ? 4 : 3;
        float bw = (w - (cols - 1) * gap) / cols;
        float bh = std::max(t.touch * 1.5f, 84 * t.scale);
        int n = 0, number = 0;
        // Each cell has a number key (1-9, then letters) so the menu works from the keyboard too.
        std::string typed = shortcuts_blocked() ? std::string() : typed_text();
        auto cell = [&](const std::string& label, const std::string& id, Tone tone = Tone::Ghost, bool enabled = true) {
            if (n++ % cols) ImGui::SameLine();
            char key = number < 9 ? char('1' + number) : char('a' + number - 9);
            ++number;
            char hint[2] = {key, 0};
            ImGui::PushFont(t.font(Font::Bold));
            bool r = big_button(label + "##" + id, ImVec2(bw, bh), tone, hint, "menu." + id, enabled);
            ImGui::PopFont();
            return r || (enabled && typed.find(key) != std::string::npos);
        };
        section_label(tr("Layar"));
        for (View* v : app.menu_screens()) {
            if (cell(v->title(), v->id(), Tone::Ghost, !v->needs_shift() || app.state().shift.has_value())) app.go(v->id());
        }
        n = 0;
        ImGui::Dummy(ImVec2(0, t.gap));
        section_label(tr("Lainnya"));
        if (cell(tr("Cetak ulang struk terakhir"), "reprint", Tone::Ghost, app.state().last_sale.has_value())) app.reprint_last();
        if (cell(tr("Buka laci"), "drawer")) app.open_drawer();
        const bool en = core::translator().language() == "en";
        if (cell(en ? "Bahasa Indonesia" : "English", "lang")) app.set_language(en ? "id" : "en");
        if (cell(tr("Kunci layar"), "lock")) app.lock();
        if (cell(tr("Ganti kasir / keluar"), "logout", Tone::Warning)) app.logout();
        ImGui::Dummy(ImVec2(0, t.gap));
        if (big_button(tr("Kembali") + "##back", ImVec2(bw, t.touch), Tone::Normal, "Esc", "menu.back") || shortcut(keys::Escape))
            app.back();
        if (shortcut(keys::F11)) app.lock();
    }
};

}  // namespace

std::unique_ptr<View> make_menu_view() { return std::make_unique<MenuView>(); }

}  // namespace waserda::ui
