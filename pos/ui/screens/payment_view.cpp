// Paying: cash with quick amounts and the change shown big, member credit, sukarela savings, QRIS,
// transfer, card, or any mix. Enter (or F12) finishes; with nothing entered it means exact cash.
//
// [SECTION] Summary (left)
// [SECTION] Methods and amount (right)
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <set>

namespace waserda::ui {
namespace {

using core::PaymentMethod;
using core::tr;

const char* method_id(PaymentMethod m) {
    switch (m) {
        case PaymentMethod::Cash: return "cash";
        case PaymentMethod::MemberCredit: return "credit";
        case PaymentMethod::Savings: return "savings";
        case PaymentMethod::Qris: return "qris";
        case PaymentMethod::Transfer: return "transfer";
        case PaymentMethod::Card: return "card";
    }
    return "";
}

class PaymentView final : public View {
public:
    PaymentView() : View("payment") {}
    std::string title() const override { return tr("Pembayaran"); }
    bool needs_shift() const override { return true; }
    void on_show(App&) override {
        method_ = PaymentMethod::Cash;
        amount_.clear();
    }

protected:
    void drawContent(App& app) override {
        const auto& s = app.state();
        if (s.cart.empty()) {
            app.go("checkout");
            return;
        }
        ImVec2 avail = ImGui::GetContentRegionAvail();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float left_w = std::floor((avail.x - gap) * 0.46f);
        ImGui::BeginChild("summary", ImVec2(left_w, avail.y), true);
        draw_summary(app);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("methods", ImVec2(avail.x - left_w - gap, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        draw_methods(app);
        ImGui::EndChild();
        if (!shortcuts_blocked()) {
            if (shortcut(keys::Escape)) {
                if (!amount_.empty()) amount_.clear();
                else app.go("checkout");
            }
            if (shortcut(keys::F12)) finish(app);
        }
    }

private:
    // Still to pay by any method (before cash rounding), for a non-cash amount left empty.
    static int64_t rest(const core::PaymentPlan& plan) {
        int64_t r = plan.total.rupiah() - plan.non_cash.rupiah() - plan.cash_tendered.rupiah();
        return std::max<int64_t>(0, r);
    }

    void add(App& app, PaymentMethod m, int64_t amount) {
        if (amount <= 0) return;
        if (m == PaymentMethod::Qris) {
            app.open_dialog(make_qris_dialog(amount));
            amount_.clear();
            return;
        }
        core::Payment p;
        p.method = m;
        p.amount = core::Money::rp(amount);
        if (m == PaymentMethod::Cash) p.tendered = p.amount;
        app.add_payment(p);
        amount_.clear();
    }

    void finish(App& app) {
        const auto& s = app.state();
        if (!amount_.empty()) {
            add(app, method_, std::stoll(amount_));
            if (!app.state().plan.enough) return;
        }
        if (!s.payments.empty() && !s.plan.enough) {
            app.show_error(tr("Pembayaran masih kurang {}. Tambahkan pembayaran lain.", core::format_rupiah(s.plan.remaining)));
            return;
        }
        app.pay();
    }

    // [SECTION] Summary (left)
    void draw_summary(App& app) {
        const auto& s = app.state();
        const auto& plan = s.plan;
        const Theme& t = theme();
        float w = ImGui::GetContentRegionAvail().x;
        section_label(tr("Total belanja"));
        {
            FontScope f(Font::Huge);
            ImGui::TextUnformatted(core::format_rupiah(plan.total).c_str());
        }
        if (s.member) {
            text_colored(colors::Accent, tr("Anggota: {} ({})", s.member->member.name, s.member->member.number));
            text_colored(colors::Muted, tr("Kredit tersedia {}   Sukarela {}", core::format_rupiah(s.member->available_credit),
                                           core::format_rupiah(s.member->balances.sukarela)));
        }
        ImGui::Separator();
        section_label(tr("Dibayar dengan"));
        if (s.payments.empty()) text_colored(colors::Muted, tr("Belum ada. Enter = uang pas tunai."));
        for (size_t i = 0; i < s.payments.size(); ++i) {
            const auto& p = s.payments[i];
            ImGui::PushID(int(i));
            float y = ImGui::GetCursorPosY();
            ImGui::SetCursorPosY(y + (t.touch - ImGui::GetFontSize()) / 2);
            {
                FontScope f(Font::Bold);
                ImGui::TextUnformatted(core::describe(p.method).c_str());
            }
            ImGui::SameLine();
            std::string amt = core::format_rupiah(p.method == PaymentMethod::Cash ? p.tendered : p.amount);
            float bw = 110 * t.scale;
            text_right(amt, w - bw - 12 * t.scale);
            ImGui::SameLine();
            ImGui::SetCursorPosY(y);
            ImGui::SetCursorPosX(w - bw + ImGui::GetStyle().WindowPadding.x);
            if (big_button(tr("Hapus") + "##rm", ImVec2(bw, t.touch), Tone::Ghost, nullptr,
                           fmt::format("pay.remove.{}", method_id(p.method))))
                app.remove_payment(i);
            ImGui::PopID();
        }
        ImGui::Separator();
        if (!plan.rounding.is_zero()) text_colored(colors::Muted, tr("Pembulatan tunai {}", core::format_rupiah(plan.rounding)));
        if (!plan.enough) {
            section_label(s.payments.empty() ? tr("Harus dibayar") : tr("Kurang"));
            FontScope f(Font::Huge);
            ImGui::PushStyleColor(ImGuiCol_Text, colors::Danger);
            int64_t left = s.payments.empty() ? plan.cash_due.rupiah() : plan.remaining.rupiah();
            ImGui::TextUnformatted(money(left).c_str());
            ImGui::PopStyleColor();
        } else {
            section_label(tr("Kembalian"));
            FontScope f(Font::Huge);
            ImGui::PushStyleColor(ImGuiCol_Text, colors::OkDark);
            ImGui::TextUnformatted(core::format_rupiah(plan.change).c_str());
            ImGui::PopStyleColor();
        }
        // The way back and the way forward sit at the bottom, always in the same place.
        float bh = std::max(t.touch * 1.4f, 76 * t.scale);
        float bottom = ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y - bh;
        if (ImGui::GetCursorPosY() < bottom) ImGui::SetCursorPosY(bottom);
        float bw = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
        if (big_button(tr("Kembali") + "##back", ImVec2(bw * 0.7f, bh), Tone::Normal, "Esc", "pay.back")) app.go("checkout");
        ImGui::SameLine();
        bool ready = s.payments.empty() || plan.enough || !amount_.empty();
        ImGui::PushFont(t.font(Font::Large));
        if (big_button(tr("Selesai") + "##finish", ImVec2(w - bw * 0.7f - ImGui::GetStyle().ItemSpacing.x, bh), Tone::Ok,
                       "Enter / F12", "pay.finish", ready))
            finish(app);
        ImGui::PopFont();
    }

    // [SECTION] Methods and amount (right)
    void draw_methods(App& app) {
        const auto& s = app.state();
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        float bw = (w - 2 * gap) / 3;
        bool member = s.member.has_value();
        const PaymentMethod methods[] = {PaymentMethod::Cash,     PaymentMethod::MemberCredit, PaymentMethod::Savings,
                                         PaymentMethod::Qris,     PaymentMethod::Transfer,     PaymentMethod::Card};
        for (int i = 0; i < 6; ++i) {
            if (i % 3) ImGui::SameLine();
            PaymentMethod m = methods[i];
            bool enabled = member || (m != PaymentMethod::MemberCredit && m != PaymentMethod::Savings);
            if (!enabled && method_ == m) method_ = PaymentMethod::Cash;
            if (big_button(core::describe(m) + "##m" + method_id(m), ImVec2(bw, t.touch), method_ == m ? Tone::Selected : Tone::Ghost,
                           nullptr, std::string("pay.method.") + method_id(m), enabled)) {
                method_ = m;
                amount_.clear();
            }
        }
        if (!member) text_colored(colors::Muted, tr("Kredit dan simpanan perlu anggota (F4 di layar kasir)."));

        int64_t typed = amount_.empty() ? 0 : std::stoll(amount_);
        int64_t suggestion = method_ == PaymentMethod::Cash ? (s.payments.empty() ? s.plan.cash_due.rupiah() : s.plan.remaining.rupiah())
                                                           : rest(s.plan);
        display_field("pay.amount", amount_.empty() ? "" : money(typed),
                      tr("{}: {} (sisa)", core::describe(method_), money(suggestion)), w);

        // The keypad on the left, the cash amounts a customer is likely to hand over beside it.
        ImVec2 area = ImGui::GetContentRegionAvail();
        float quick_w = std::floor(area.x * 0.34f);
        float pad_w = area.x - quick_w - gap;
        PadOptions opt;
        opt.show_cancel = false;
        opt.max_len = 11;
        std::string ok = tr("Tambah");
        opt.ok_label = ok.c_str();
        opt.listen_keyboard = !shortcuts_blocked();
        std::string before = amount_;
        ImGui::BeginGroup();
        PadResult r = keypad("pay.pad", amount_, ImVec2(pad_w, area.y), opt);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        if (method_ == PaymentMethod::Cash) {
            std::vector<int64_t> quick{suggestion};
            std::set<int64_t> seen{suggestion};
            for (int64_t note : {5000, 10000, 20000, 50000, 100000}) {
                int64_t v = (suggestion + note - 1) / note * note;
                if (v > 0 && !seen.count(v)) {
                    seen.insert(v);
                    quick.push_back(v);
                }
            }
            for (int64_t v : {20000, 50000, 100000})
                if (!seen.count(v) && v > suggestion) {
                    seen.insert(v);
                    quick.push_back(v);
                }
            std::sort(quick.begin() + 1, quick.end());
            const size_t max_keys = 6;
            if (quick.size() > max_keys) quick.resize(max_keys);
            float qh = std::max(t.touch, (area.y - (max_keys - 1) * ImGui::GetStyle().ItemSpacing.y) / max_keys);
            ImGui::PushFont(t.font(Font::Bold));
            for (size_t i = 0; i < quick.size(); ++i) {
                std::string label = i == 0 ? tr("Uang pas") : money(quick[i]);
                if (big_button(label + "##quick" + std::to_string(i), ImVec2(quick_w, qh), Tone::Normal, nullptr,
                               i == 0 ? std::string("pay.quick.exact") : "pay.quick." + std::to_string(quick[i]),
                               suggestion > 0))
                    add(app, PaymentMethod::Cash, quick[i]);
            }
            ImGui::PopFont();
        } else if (method_ == PaymentMethod::MemberCredit && s.member) {
            text_colored(colors::Muted, tr("Kredit tersedia"));
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(core::format_rupiah(s.member->available_credit).c_str());
        } else if (method_ == PaymentMethod::Savings && s.member) {
            text_colored(colors::Muted, tr("Saldo sukarela"));
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(core::format_rupiah(s.member->balances.sukarela).c_str());
        }
        ImGui::EndGroup();
        if (r == PadResult::Ok) {
            bool from_key = key_pressed(keys::Enter) || key_pressed(keys::KeypadEnter);
            if (!before.empty()) {
                add(app, method_, std::stoll(before));
                if (from_key && app.state().plan.enough) app.pay();
            } else if (from_key) {
                finish(app);
            } else {
                add(app, method_, suggestion);
            }
        }
    }

    PaymentMethod method_ = PaymentMethod::Cash;
    std::string amount_;
};

}  // namespace

std::unique_ptr<View> make_payment_view() { return std::make_unique<PaymentView>(); }

}  // namespace waserda::ui
