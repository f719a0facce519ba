// A member leaving the cooperative: the settlement previewed (pokok + wajib + sukarela, minus what
// they owe), confirmed with a manager's PIN, recorded in one step and printed.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_common.hpp"
#include "pos/ui/screens/members_views.hpp"

#include <fmt/format.h>

namespace waserda::ui {
namespace {

using core::tr;

class LeaveView final : public View {
public:
    LeaveView() : View("members_leave") {}
    std::string title() const override { return tr("Anggota keluar"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageMembers; }
    bool in_menu() const override { return true; }
    void on_show(App& app) override {
        number_ = picked_member_number();
        pin_.clear();
        done_ = false;
        drawer_ = app.state().shift.has_value();
        load(app);
    }

protected:
    void drawContent(App& app) override {
        auto* svc = members_service(app);
        if (!svc) return;
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor((avail.x - gap) * 0.55f);

        ImGui::BeginChild("leave.left", ImVec2(left_w, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        float w = ImGui::GetContentRegionAvail().x;
        member_button(app, "leave.member", plan_ ? &plan_->member : nullptr, w, [this](App& a, const core::Member& m) {
            number_ = m.number;
            done_ = false;
            load(a);
        });
        if (plan_) {
            const auto& p = *plan_;
            auto row = [&](const std::string& label, core::Money v, Font f = Font::Bold, ImU32 col = colors::Text) {
                ImGui::TextUnformatted(label.c_str());
                ImGui::SameLine();
                FontScope fs(f);
                ImGui::PushStyleColor(ImGuiCol_Text, col);
                text_right(rp(v), w);
                ImGui::PopStyleColor();
            };
            row(tr("Simpanan pokok"), p.balances.pokok);
            row(tr("Simpanan wajib"), p.balances.wajib);
            row(tr("Simpanan sukarela"), p.balances.sukarela);
            row(tr("Jumlah simpanan"), p.savings_total);
            row(tr("Dikurangi utang"), -p.debt_offset);
            ImGui::Separator();
            row(tr("Dibayarkan kepada anggota"), p.payout, Font::Large, colors::OkDark);
            ImGui::PushTextWrapPos(0);
            if (p.member.status == core::MemberStatus::Left)
                text_colored(colors::Muted, tr("{} sudah keluar pada {}.", p.member.name, p.member.left_on));
            else if (p.debt_left.rupiah() > 0)
                text_colored(colors::Danger, tr("Utang melebihi simpanan: lunasi dulu sisa {}.", rp(p.debt_left)));
            else
                text_colored(colors::Muted, tr("Semua simpanan dikeluarkan, utang dilunasi dari simpanan, status menjadi keluar."));
            ImGui::PopTextWrapPos();
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        if (big_button((drawer_ ? tr("Dibayar dari laci kasir: ya") : tr("Dibayar dari laci kasir: tidak")) + "##leave.drawer",
                       ImVec2(w, t.touch), drawer_ ? Tone::Selected : Tone::Ghost, nullptr, "leave.drawer"))
            drawer_ = !drawer_;
        if (big_button(tr("Kembali") + "##leave", ImVec2(w, t.touch), Tone::Normal, "Esc", "leave.back") || shortcut(keys::Escape))
            app.back();
        ImGui::EndChild();

        ImGui::SameLine();
        ImGui::BeginChild("leave.right", ImVec2(avail.x - left_w - gap, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        float rw = ImGui::GetContentRegionAvail().x;
        bool can = plan_ && plan_->member.status != core::MemberStatus::Left && plan_->debt_left.rupiah() <= 0 && !done_;
        section_label(tr("Konfirmasi dengan PIN pengurus"));
        display_field("leave.pin", pin_, tr("PIN pengurus"), rw, true, can);
        PadOptions opt;
        opt.double_zero = false;
        opt.max_len = 8;
        opt.ok_label = nullptr;
        opt.listen_keyboard = can && !shortcuts_blocked();
        std::string ignored;
        auto r = keypad("leave.pad", can ? pin_ : ignored, ImGui::GetContentRegionAvail(), opt);
        if (r == PadResult::Cancel) pin_.clear();
        if (r == PadResult::Ok && can) {
            std::string pin = pin_;
            pin_.clear();
            if (app.member_leave(plan_->member.number, pin, drawer_)) done_ = true;
            load(app);
        }
        ImGui::EndChild();
    }

private:
    void load(App& app) {
        plan_.reset();
        if (number_.empty() || !app.office()) return;
        auto p = app.office()->members().leaving_preview(number_);
        if (!p) {
            app.show_error(p.error());
            return;
        }
        plan_ = std::move(*p);
    }

    std::string number_, pin_;
    std::optional<core::LeavingSettlement> plan_;
    bool drawer_ = false;
    bool done_ = false;
};

}  // namespace

std::unique_ptr<View> make_members_leave_view() { return std::make_unique<LeaveView>(); }

}  // namespace waserda::ui
