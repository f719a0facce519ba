// Savings deposit and withdrawal, and credit repayment, by the manager: pick the member, the act,
// the savings type (or how the credit is paid), type the amount; recorded, then a receipt prints.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_common.hpp"
#include "pos/ui/screens/members_views.hpp"

#include <fmt/format.h>

namespace waserda::ui {
namespace {

using core::tr;

enum class Act { Deposit, Withdraw, Repay };

class SavingsView final : public View {
public:
    SavingsView() : View("members_savings") {}
    std::string title() const override { return tr("Simpanan dan pembayaran kredit"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageMembers; }
    bool in_menu() const override { return true; }
    void on_show(App& app) override {
        number_ = picked_member_number();
        amount_.clear();
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

        ImGui::BeginChild("savings.left", ImVec2(left_w, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        float w = ImGui::GetContentRegionAvail().x;
        member_button(app, "savings.member", member_ ? &member_->member : nullptr, w, [this](App& a, const core::Member& m) {
            number_ = m.number;
            load(a);
        });
        if (member_) {
            const auto& b = member_->balances;
            auto row = [&](const std::string& label, core::Money v) {
                ImGui::TextUnformatted(label.c_str());
                ImGui::SameLine();
                FontScope f(Font::Bold);
                text_right(rp(v), w);
            };
            row(tr("Simpanan pokok"), b.pokok);
            row(tr("Simpanan wajib"), b.wajib);
            row(tr("Simpanan sukarela"), b.sukarela);
            row(tr("Utang kredit"), b.owed);
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        section_label(tr("Transaksi"));
        float bw3 = (w - 2 * gap) / 3;
        auto choice = [&](const std::string& label, const std::string& id, bool on) {
            return big_button(label + "##" + id, ImVec2(bw3, t.touch), on ? Tone::Selected : Tone::Ghost, nullptr, id);
        };
        if (choice(tr("Setor"), "savings.act.deposit", act_ == Act::Deposit)) act_ = Act::Deposit;
        ImGui::SameLine();
        if (choice(tr("Tarik"), "savings.act.withdraw", act_ == Act::Withdraw)) act_ = Act::Withdraw;
        ImGui::SameLine();
        if (choice(tr("Bayar kredit"), "savings.act.repay", act_ == Act::Repay)) act_ = Act::Repay;
        if (act_ == Act::Repay) {
            section_label(tr("Dibayar dengan"));
            float bw2 = (w - gap) / 2;
            if (big_button(tr("Tunai") + "##savings.method.cash", ImVec2(bw2, t.touch), repay_cash_ ? Tone::Selected : Tone::Ghost,
                           nullptr, "savings.method.cash"))
                repay_cash_ = true;
            ImGui::SameLine();
            if (big_button(tr("Dari sukarela") + "##savings.method.savings", ImVec2(bw2, t.touch),
                           repay_cash_ ? Tone::Ghost : Tone::Selected, nullptr, "savings.method.savings"))
                repay_cash_ = false;
        } else {
            section_label(tr("Jenis simpanan"));
            const std::pair<core::SavingsType, const char*> types[] = {
                {core::SavingsType::Pokok, "pokok"}, {core::SavingsType::Wajib, "wajib"}, {core::SavingsType::Sukarela, "sukarela"}};
            for (int i = 0; i < 3; ++i) {
                if (i) ImGui::SameLine();
                auto [type, key] = types[i];
                std::string label = type == core::SavingsType::Pokok ? tr("Pokok")
                                    : type == core::SavingsType::Wajib ? tr("Wajib") : tr("Sukarela");
                if (choice(label, std::string("savings.type.") + key, type_ == type)) type_ = type;
            }
            if (big_button((drawer_ ? tr("Uang lewat laci kasir: ya") : tr("Uang lewat laci kasir: tidak")) + "##savings.drawer",
                           ImVec2(w, t.touch), drawer_ ? Tone::Selected : Tone::Ghost, nullptr, "savings.drawer"))
                drawer_ = !drawer_;
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        float bw2 = (w - gap) / 2;
        if (big_button(tr("Kembali") + "##savings", ImVec2(bw2, t.touch), Tone::Normal, "Esc", "savings.back") ||
            shortcut(keys::Escape))
            app.back();
        ImGui::SameLine();
        if (big_button(tr("Anggota keluar...") + "##savings", ImVec2(bw2, t.touch), Tone::Warning, nullptr, "savings.leave",
                       member_.has_value()) &&
            member_) {
            picked_member_number() = member_->member.number;
            app.go("members_leave");
        }
        ImGui::EndChild();

        ImGui::SameLine();
        ImGui::BeginChild("savings.right", ImVec2(avail.x - left_w - gap, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        float rw = ImGui::GetContentRegionAvail().x;
        std::string what = act_ == Act::Deposit ? tr("Jumlah setoran") : act_ == Act::Withdraw ? tr("Jumlah penarikan") : tr("Jumlah pembayaran");
        section_label(what);
        std::string shown = amount_.empty() ? std::string() : rp(core::Money::rp(std::stoll(amount_)));
        display_field("savings.amount", shown, tr("Ketik jumlah"), rw);
        PadOptions opt;
        opt.ok_label = nullptr;
        opt.listen_keyboard = !shortcuts_blocked();
        auto r = keypad("savings.pad", amount_, ImGui::GetContentRegionAvail(), opt);
        if (r == PadResult::Cancel) amount_.clear();
        if (r == PadResult::Ok) submit(app);
        ImGui::EndChild();
    }

private:
    void load(App& app) {
        member_.reset();
        if (number_.empty() || !app.office()) return;
        auto p = app.office()->members().leaving_preview(number_);   // the member and balances now
        if (!p) {
            app.show_error(p.error());
            return;
        }
        member_ = std::move(*p);
    }

    void submit(App& app) {
        if (!member_) {
            app.show_error(tr("Pilih anggota dulu."));
            return;
        }
        if (amount_.empty() || std::stoll(amount_) <= 0) {
            app.show_error(tr("Ketik jumlahnya dulu."));
            return;
        }
        core::Money amount = core::Money::rp(std::stoll(amount_));
        bool ok = false;
        if (act_ == Act::Repay)
            ok = app.member_repay(member_->member.number, amount, repay_cash_ ? core::PaymentMethod::Cash : core::PaymentMethod::Savings);
        else
            ok = app.member_savings(act_ == Act::Withdraw, member_->member.number, type_, amount, drawer_);
        if (ok) amount_.clear();
        load(app);
    }

    std::string number_, amount_;
    std::optional<core::LeavingSettlement> member_;
    Act act_ = Act::Deposit;
    core::SavingsType type_ = core::SavingsType::Sukarela;
    bool repay_cash_ = true;
    bool drawer_ = true;
};

}  // namespace

std::unique_ptr<View> make_members_savings_view() { return std::make_unique<SavingsView>(); }

}  // namespace waserda::ui
