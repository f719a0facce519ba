// A member's statement (rekening koran anggota) for a month or a year: savings by type, purchases,
// credit taken and repaid, opening and closing balances and every line. Printed on the receipt
// printer, exported as CSV and XLSX.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_common.hpp"
#include "pos/ui/screens/members_views.hpp"

#include <fmt/format.h>

namespace waserda::ui {
namespace {

using core::tr;

class StatementView final : public View {
public:
    StatementView() : View("members_statement") {}
    std::string title() const override { return tr("Rekening koran anggota"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageMembers; }
    bool in_menu() const override { return true; }
    void on_show(App& app) override {
        if (month_.empty()) month_ = month_of(app.shop().today_local());
        folder_.reset(app);
        number_ = picked_member_number();
        load(app);
    }

protected:
    void drawContent(App& app) override {
        auto* svc = members_service(app);
        if (!svc) return;
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;

        // The member and the period.
        member_button(app, "statement.member", statement_ ? &statement_->member : nullptr, w * 0.36f,
                      [this](App& a, const core::Member& m) {
                          number_ = m.number;
                          load(a);
                      });
        ImGui::SameLine();
        bool changed = false;
        if (year_mode_) {
            int year = std::stoi(month_.substr(0, 4));
            if (year_stepper("statement.period", year, w * 0.34f)) {
                month_ = fmt::format("{:04}{}", year, month_.substr(4));
                changed = true;
            }
        } else {
            changed = month_stepper("statement.period", month_, w * 0.34f);
        }
        ImGui::SameLine();
        if (big_button((year_mode_ ? tr("Setahun") : tr("Sebulan")) + "##statement.mode",
                       ImVec2(ImGui::GetContentRegionAvail().x, t.touch), Tone::Ghost, nullptr, "statement.mode")) {
            year_mode_ = !year_mode_;
            changed = true;
        }
        if (changed) load(app);

        float bottom = 2 * (t.touch + ImGui::GetStyle().ItemSpacing.y);
        float body_h = ImGui::GetContentRegionAvail().y - bottom;
        float left_w = std::floor(w * 0.34f);
        ImGui::BeginChild("statement.summary", ImVec2(left_w, body_h), true);
        if (statement_) draw_summary(*statement_);
        else text_colored(colors::Muted, tr("Pilih anggota untuk melihat rekening korannya."));
        ImGui::EndChild();
        ImGui::SameLine();
        draw_report_table("statement.lines", lines_, ImVec2(w - left_w - gap, body_h));

        folder_.draw(app, "statement", w);
        float bw = (w - 4 * gap) / 5;
        if (big_button(tr("Kembali") + "##statement", ImVec2(bw, t.touch), Tone::Normal, "Esc", "statement.back") ||
            shortcut(keys::Escape))
            app.back();
        ImGui::SameLine();
        bool have = statement_.has_value();
        if (big_button(tr("Cetak") + "##statement", ImVec2(bw, t.touch), Tone::Primary, nullptr, "statement.print", have) && have) {
            if (app.print_text("rekening-" + statement_->member.number,
                               core::statement_text(*statement_, app.shop().settings().shop_name, app.receipt_columns())))
                app.show_info(tr("Rekening koran {} sedang dicetak.", statement_->member.name), true);
        }
        ImGui::SameLine();
        if (big_button(tr("Ekspor CSV") + "##statement", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "statement.csv", have) && have) {
            auto path = app.export_text(folder_.dir(), file_base() + ".csv", core::statement_csv(*statement_));
            if (!path.empty()) app.show_info(tr("Tersimpan: {}", path), true);
        }
        ImGui::SameLine();
        if (big_button(tr("Ekspor XLSX") + "##statement", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "statement.xlsx", have) && have) {
            auto path = app.export_xlsx(folder_.dir(), file_base() + ".xlsx", {summary_table(), lines_});
            if (!path.empty()) app.show_info(tr("Tersimpan: {}", path), true);
        }
        ImGui::SameLine();
        if (big_button(tr("Setor / bayar") + "##statement", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "statement.savings", have) &&
            have) {
            picked_member_number() = statement_->member.number;
            app.go("members_savings");
        }
    }

private:
    std::string from() const { return year_mode_ ? month_.substr(0, 4) + "-01-01" : month_first_day(month_); }
    std::string to() const { return year_mode_ ? month_.substr(0, 4) + "-12-31" : month_last_day(month_); }
    std::string file_base() const {
        return fmt::format("rekening-{}-{}", statement_ ? statement_->member.number : number_,
                           year_mode_ ? month_.substr(0, 4) : month_);
    }

    void load(App& app) {
        statement_.reset();
        lines_ = {};
        if (number_.empty() || !app.office()) return;
        auto s = app.office()->members().statement(number_, from(), to());
        if (!s) {
            app.show_error(s.error());
            return;
        }
        statement_ = std::move(*s);
        lines_.name = "rekening";
        lines_.title = tr("Rekening koran {} ({}) {} s.d. {}", statement_->member.name, statement_->member.number, from(), to());
        lines_.header = {tr("Tanggal"), tr("Keterangan"), tr("Ref"), tr("Jumlah")};
        lines_.numeric = {false, false, false, true};
        for (auto& l : statement_->lines) lines_.rows.push_back({l.local_date, l.what, l.ref, rp(l.amount)});
    }

    core::ReportTable summary_table() const {
        core::ReportTable t;
        const auto& s = *statement_;
        t.name = "ringkasan";
        t.title = lines_.title;
        t.header = {tr("Pos"), tr("Awal"), tr("Masuk"), tr("Keluar"), tr("Akhir")};
        t.numeric = {false, true, true, true, true};
        auto n = [](core::Money m) { return std::to_string(m.rupiah()); };
        const char* names[3] = {"pokok", "wajib", "sukarela"};
        core::Money open[3] = {s.opening.pokok, s.opening.wajib, s.opening.sukarela};
        core::Money close[3] = {s.closing.pokok, s.closing.wajib, s.closing.sukarela};
        for (int i = 0; i < 3; ++i)
            t.rows.push_back({tr("Simpanan {}", names[i]), n(open[i]), n(s.deposits[i]), n(s.withdrawals[i]), n(close[i])});
        t.rows.push_back({tr("Utang kredit"), n(s.opening.owed), n(s.credit_taken), n(s.repaid), n(s.closing.owed)});
        t.rows.push_back({tr("Belanja"), "", n(s.purchases), "", ""});
        t.rows.push_back({tr("Belanja kredit"), "", n(s.purchases_on_credit), "", ""});
        return t;
    }

    void draw_summary(const core::MemberStatement& s) {
        float w = ImGui::GetContentRegionAvail().x;
        // One line per balance, "opening > closing", and what moved under it when anything did.
        auto row = [&](const std::string& label, core::Money from, core::Money to) {
            ImGui::TextUnformatted(label.c_str());
            ImGui::SameLine();
            FontScope f(Font::Bold);
            text_right(from == to ? rp(to) : rp(from) + "  >  " + rp(to), w);
        };
        auto moved = [&](const std::string& text) {
            ImGui::PushStyleColor(ImGuiCol_Text, colors::Muted);
            text_right(text, w);
            ImGui::PopStyleColor();
        };
        section_label(tr("{} s.d. {}", from(), to()));
        const std::string names[3] = {tr("Simpanan pokok"), tr("Simpanan wajib"), tr("Simpanan sukarela")};
        core::Money open[3] = {s.opening.pokok, s.opening.wajib, s.opening.sukarela};
        core::Money close[3] = {s.closing.pokok, s.closing.wajib, s.closing.sukarela};
        for (int i = 0; i < 3; ++i) {
            row(names[i], open[i], close[i]);
            if (!s.deposits[i].is_zero() || !s.withdrawals[i].is_zero())
                moved(tr("setor {}, tarik {}", rp(s.deposits[i]), rp(s.withdrawals[i])));
        }
        ImGui::Separator();
        row(tr("Belanja"), s.purchases, s.purchases);
        moved(tr("dengan kredit {}", rp(s.purchases_on_credit)));
        ImGui::Separator();
        row(tr("Utang kredit"), s.opening.owed, s.closing.owed);
        moved(tr("kredit {}, dibayar {}", rp(s.credit_taken), rp(s.repaid)));
    }

    std::string number_, month_;
    bool year_mode_ = false;
    std::optional<core::MemberStatement> statement_;
    core::ReportTable lines_;
    ExportFolder folder_;
};

}  // namespace

std::unique_ptr<View> make_members_statement_view() { return std::make_unique<StatementView>(); }

}  // namespace waserda::ui
