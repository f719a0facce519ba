// Titip jual (consignment): the consignors, the settlement of one for a period (what sold, the
// shop's fee, the amount due, what is still unsold) and paying it - cash from the drawer, a
// transfer, or into the consignor's sukarela when they are a member. The settlement prints.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_common.hpp"
#include "pos/ui/screens/members_views.hpp"

#include <fmt/format.h>

namespace waserda::ui {
namespace {

using core::tr;

class ConsignmentView final : public View {
public:
    ConsignmentView() : View("members_consignment") {}
    std::string title() const override { return tr("Titip jual"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageMembers; }
    bool in_menu() const override { return true; }
    void on_show(App& app) override {
        if (month_.empty()) month_ = month_of(app.shop().today_local());
        consignors_.clear();
        if (app.office()) {
            auto c = app.office()->members().list_consignors();
            if (c) consignors_ = std::move(*c);
            else app.show_error(c.error());
        }
        if (selected_ >= consignors_.size()) selected_ = 0;
        load(app);
    }

protected:
    void drawContent(App& app) override {
        auto* svc = members_service(app);
        if (!svc) return;
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor(avail.x * 0.26f);

        ImGui::BeginGroup();
        ImGui::BeginChild("consignment.list", ImVec2(left_w, avail.y - t.touch - ImGui::GetStyle().ItemSpacing.y), true);
        section_label(tr("Penitip"));
        float lw = ImGui::GetContentRegionAvail().x;
        if (consignors_.empty()) {
            ImGui::PushTextWrapPos(0);
            text_colored(colors::Muted, tr("Belum ada penitip. Tambahkan dengan: waserda consignor add"));
            ImGui::PopTextWrapPos();
        }
        for (size_t i = 0; i < consignors_.size(); ++i) {
            const auto& c = consignors_[i];
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
            bool tap = big_button(fmt::format("{}  {}", c.code, c.name) + "##cs" + std::to_string(i), ImVec2(lw, t.touch),
                                  i == selected_ ? Tone::Selected : Tone::Ghost, nullptr, "consignment.consignor." + c.code);
            ImGui::PopStyleVar();
            if (tap) {
                selected_ = i;
                load(app);
            }
        }
        ImGui::EndChild();
        if (big_button(tr("Kembali") + "##consignment", ImVec2(left_w, t.touch), Tone::Normal, "Esc", "consignment.back") ||
            shortcut(keys::Escape))
            app.back();
        ImGui::EndGroup();

        ImGui::SameLine();
        float w = avail.x - left_w - gap;
        ImGui::BeginChild("consignment.right", ImVec2(w, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        w = ImGui::GetContentRegionAvail().x;
        if (month_stepper("consignment.month", month_, w * 0.45f)) load(app);
        ImGui::SameLine();
        if (statement_) {
            FontScope f(Font::Bold);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (t.touch - ImGui::GetFontSize()) / 2);
            ImGui::TextUnformatted(fmt::format("{} ({})", statement_->consignor.name,
                                               statement_->consignor.fee_bp ? tr("fee {}%", core::format_percent_bp(statement_->consignor.fee_bp))
                                                                            : tr("harga sepakat"))
                                       .c_str());
        }
        float bottom = 2 * (t.touch + ImGui::GetStyle().ItemSpacing.y) + ImGui::GetTextLineHeightWithSpacing() * 2;
        draw_report_table("consignment.items", table_, ImVec2(w, ImGui::GetContentRegionAvail().y - bottom));
        if (statement_) {
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(tr("Terjual {}   Fee toko {}   Dibayar ke penitip {}", rp(statement_->sold), rp(statement_->fee),
                                      rp(statement_->due))
                                       .c_str());
        }
        if (!last_paid_.empty()) text_colored(colors::OkDark, last_paid_);
        else ImGui::NewLine();
        section_label(tr("Bayar dengan"));
        float bw = (w - 3 * gap) / 4;
        bool member = statement_ && !statement_->consignor.member_number.empty();
        auto method_button = [&](const std::string& label, core::PaymentMethod m, const std::string& id, bool enabled) {
            if (big_button(label + "##" + id, ImVec2(bw, t.touch), method_ == m ? Tone::Selected : Tone::Ghost, nullptr, id, enabled) &&
                enabled)
                method_ = m;
            ImGui::SameLine();
        };
        method_button(tr("Tunai (laci)"), core::PaymentMethod::Cash, "consignment.method.cash", true);
        method_button(tr("Transfer"), core::PaymentMethod::Transfer, "consignment.method.transfer", true);
        method_button(tr("Ke sukarela"), core::PaymentMethod::Savings, "consignment.method.savings", member);
        bool can = statement_ && !statement_->lines.empty();
        if (big_button(tr("Bayar {}", statement_ ? rp(statement_->due) : std::string()) + "##consignment.pay", ImVec2(bw, t.touch),
                       Tone::Primary, nullptr, "consignment.pay", can) &&
            can)
            pay(app);
        ImGui::EndChild();
    }

private:
    void load(App& app) {
        statement_.reset();
        table_ = {};
        if (consignors_.empty() || !app.office()) return;
        auto s = app.office()->members().consignment_statement(consignors_[selected_].code, month_first_day(month_),
                                                               month_last_day(month_));
        if (!s) {
            app.show_error(s.error());
            return;
        }
        statement_ = std::move(*s);
        table_.name = "titip_jual";
        table_.header = {tr("Kode"), tr("Barang"), tr("Terjual"), tr("Penjualan"), tr("Fee"), tr("Untuk penitip"), tr("Sisa stok")};
        table_.numeric = {false, false, true, true, true, true, true};
        for (auto& r : statement_->items)
            table_.rows.push_back({r.sku, r.name, qty_text(r.qty_sold, r.weighed, r.unit), rp(r.sold), rp(r.fee), rp(r.due),
                                   qty_text(r.unsold, r.weighed, r.unit)});
        if (method_ == core::PaymentMethod::Savings && statement_->consignor.member_number.empty()) method_ = core::PaymentMethod::Cash;
    }

    void pay(App& app) {
        if (!app.state().user) return;
        auto r = app.office()->members().pay_consignment(*app.state().user, statement_->consignor.code, statement_->from,
                                                         statement_->to, method_);
        if (!r) {
            app.show_error(r.error());
            return;
        }
        last_paid_ = tr("Dibayar {} ke {} ({}).", rp(r->payment.due), r->statement.consignor.name, r->payment.number);
        if (app.print_text("titip-" + r->payment.number,
                           core::consignment_text(r->statement, app.shop().settings().shop_name, app.receipt_columns())))
            app.show_info(tr("Titip jual {} dibayar: {}. Bukti dicetak.", r->statement.consignor.name, rp(r->payment.due)), true);
        load(app);
    }

    std::vector<core::Consignor> consignors_;
    size_t selected_ = 0;
    std::string month_;
    std::optional<core::ConsignmentStatement> statement_;
    core::ReportTable table_;
    core::PaymentMethod method_ = core::PaymentMethod::Cash;
    std::string last_paid_;
};

}  // namespace

std::unique_ptr<View> make_members_consignment_view() { return std::make_unique<ConsignmentView>(); }

}  // namespace waserda::ui
