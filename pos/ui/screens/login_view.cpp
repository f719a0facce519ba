// Login and lock: pick the user from big buttons, type the PIN on the keypad (or the keyboard).
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

#include <cctype>
#include <cfloat>

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
        // Before the keypad: "s1234" + Enter typed in one burst picks Siti, then the PIN.
        select_by_keyboard(s.users);
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
            if (user_card(u.name, role_label(u.role), u.name == name_, ImVec2(bw, bh), "login.user." + u.name)) {
                name_ = u.name;
                pin_.clear();
            }
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        ImGui::PushTextWrapPos(0);
        text_colored(colors::Muted, tr("Dengan keyboard: ketik huruf awal nama (atau panah), lalu PIN dan Enter."));
        ImGui::PopTextWrapPos();
        const char* other = core::translator().language() == "en" ? "Bahasa Indonesia" : "English";
        if (big_button(std::string(other) + "##lang", ImVec2(bw, t.touch), Tone::Normal, nullptr, "login.lang"))
            app.set_language(core::translator().language() == "en" ? "id" : "en");
        ImGui::EndChild();

        ImGui::SameLine();
        ImGui::BeginChild("pin", ImVec2(right_w, avail.y), false);
        // The PIN pad keeps a keypad's proportions, centred in its half.
        float pw = std::min(ImGui::GetContentRegionAvail().x, 560 * t.scale);
        float indent = (ImGui::GetContentRegionAvail().x - pw) / 2;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        ImGui::BeginGroup();
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(name_.empty() ? tr("Pilih nama Anda di kiri").c_str() : tr("PIN untuk {}", name_).c_str());
        }
        display_field("login.pin", pin_, tr("PIN (4-8 angka)"), pw, true, !name_.empty());
        PadOptions opt;
        opt.double_zero = false;
        opt.max_len = 8;
        opt.show_cancel = false;
        std::string ok = tr("Masuk");
        opt.ok_label = ok.c_str();
        ImVec2 pad(pw, std::min(ImGui::GetContentRegionAvail().y, 560 * t.scale));
        auto r = keypad("login.pad", pin_, pad, opt);
        ImGui::EndGroup();
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
    // Keyboard: a letter picks the first user whose name starts with it; arrows move the choice.
    void select_by_keyboard(const std::vector<core::User>& users) {
        if (users.empty() || shortcuts_blocked()) return;
        for (char c : typed_text()) {
            if (!std::isalpha(static_cast<unsigned char>(c))) continue;
            for (auto& u : users)
                if (!u.name.empty() && std::tolower(static_cast<unsigned char>(u.name[0])) == std::tolower(static_cast<unsigned char>(c))) {
                    name_ = u.name;
                    pin_.clear();
                    break;
                }
        }
        int step = key_pressed(keys::Down) || key_pressed(keys::Right) ? 1 : (key_pressed(keys::Up) || key_pressed(keys::Left) ? -1 : 0);
        if (!step) return;
        int at = -1;
        for (size_t i = 0; i < users.size(); ++i)
            if (users[i].name == name_) at = int(i);
        at = at < 0 ? 0 : (at + step + int(users.size())) % int(users.size());
        name_ = users[size_t(at)].name;
        pin_.clear();
    }

    // A user as a big card: the name large, the role under it.
    static bool user_card(const std::string& name, const std::string& role, bool selected, ImVec2 size,
                          const std::string& id) {
        const Theme& t = theme();
        ImVec2 p = ImGui::GetCursorScreenPos();
        bool pressed = ImGui::InvisibleButton(id.c_str(), size);
        register_last_item(id);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImU32 bg = selected ? colors::Accent : (ImGui::IsItemActive() ? colors::PanelDark : IM_COL32(241, 244, 248, 255));
        dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, 10 * t.scale);
        if (!selected) dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(196, 203, 213, 255), 10 * t.scale);
        ImFont* big = t.font(Font::Large);
        ImFont* body = t.font(Font::Body);
        float total_h = big->FontSize + body->FontSize + 4 * t.scale;
        float y = p.y + (size.y - total_h) / 2;
        float nw = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, name.c_str()).x;
        float rw = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, role.c_str()).x;
        dl->AddText(big, big->FontSize, ImVec2(p.x + (size.x - nw) / 2, y), selected ? IM_COL32_WHITE : colors::Text, name.c_str());
        dl->AddText(body, body->FontSize, ImVec2(p.x + (size.x - rw) / 2, y + big->FontSize + 4 * t.scale),
                    selected ? IM_COL32(220, 235, 255, 255) : colors::Muted, role.c_str());
        return pressed;
    }


    std::string name_;
    std::string pin_;
};

}  // namespace

std::unique_ptr<View> make_login_view() { return std::make_unique<LoginView>(); }

}  // namespace waserda::ui

