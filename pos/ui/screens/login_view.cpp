// Login and lock: pick the user from big buttons, type the PIN on the keypad (or the keyboard).
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;

class LoginView final : public View {
public:
    LoginView() : View("login") {}
    std::string title() const override { return tr("Masuk"); }

    void on_show(App& app) override {
        pin_.clear();
        const auto& s = app.state();
        if (s.locked && s.user) name_ = s.user->name;
        else if (s.users.size() == 1) name_ = s.users.front().name;
        else name_.clear();
    }

protected:
    void drawContent(App& app) override {
        const auto& s = app.state();
        const Theme& t = theme();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float left_w = (avail.x - gap) * 0.5f;
        float right_w = avail.x - left_w - gap;

        ImGui::BeginChild("users", ImVec2(left_w, avail.y), false);
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(s.locked ? tr("Layar terkunci").c_str() : tr("Siapa yang bertugas?").c_str());
        }
        if (s.locked && s.user) {
            ImGui::PushTextWrapPos(0);
            text_colored(colors::Muted, tr("{} mengunci layar. Masukkan PIN untuk melanjutkan, atau pilih kasir lain.",
                                           s.user->name));
            ImGui::PopTextWrapPos();
        }
        if (s.users.empty()) {
            ImGui::PushTextWrapPos(0);
            text_colored(colors::Danger, tr("Belum ada pengguna. Buat toko dulu dengan perintah: waserda init --demo"));
            ImGui::PopTextWrapPos();
        }
        float bw = (ImGui::GetContentRegionAvail().x - gap) / 2;
        float bh = std::max(t.touch * 1.3f, 72 * t.scale);
        int i = 0;
        for (auto& u : s.users) {
            if (i++ % 2) ImGui::SameLine();
            std::string label = u.name + "\n" + role_text(u.role);
            bool selected = u.name == name_;
            if (big_button(label + "##user" + std::to_string(u.id), ImVec2(bw, bh),
                           selected ? Tone::Selected : Tone::Ghost, nullptr, "login.user." + u.name)) {
                name_ = u.name;
                pin_.clear();
            }
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        const char* other = core::translator().language() == "en" ? "Bahasa Indonesia" : "English";
        if (big_button(std::string(other) + "##lang", ImVec2(bw, t.touch), Tone::Normal, nullptr, "login.lang"))
            app.set_language(core::translator().language() == "en" ? "id" : "en");
        ImGui::EndChild();

        ImGui::SameLine();
        ImGui::BeginChild("pin", ImVec2(right_w, avail.y), false);
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(name_.empty() ? tr("Pilih nama Anda di kiri").c_str() : name_.c_str());
        }
        display_field("login.pin", pin_, tr("PIN (4-8 angka)"), ImGui::GetContentRegionAvail().x, true, !name_.empty());
        PadOptions opt;
        opt.double_zero = false;
        opt.max_len = 8;
        opt.show_cancel = false;
        std::string ok = tr("Masuk");
        opt.ok_label = ok.c_str();
        ImVec2 pad = ImGui::GetContentRegionAvail();
        pad.x = std::min(pad.x, 520 * t.scale);
        pad.y = std::min(pad.y, 520 * t.scale);
        auto r = keypad("login.pad", pin_, pad, opt);
        if (r == PadResult::Ok && !pin_.empty()) {
            if (name_.empty()) {
                app.show_error(tr("Pilih nama Anda dulu, lalu masukkan PIN."));
            } else {
                std::string pin = pin_;
                pin_.clear();
                app.login(name_, pin);
            }
        }
        if (key_pressed(keys::Escape)) pin_.clear();
        ImGui::EndChild();
    }

private:
    static std::string role_text(core::Role r) {
        switch (r) {
            case core::Role::Cashier: return tr("Kasir");
            case core::Role::Supervisor: return tr("Supervisor");
            case core::Role::Manager: return tr("Manajer");
            case core::Role::Admin: return tr("Admin");
        }
        return {};
    }

    std::string name_;
    std::string pin_;
};

}  // namespace

std::unique_ptr<View> make_login_view() { return std::make_unique<LoginView>(); }

}  // namespace waserda::ui

