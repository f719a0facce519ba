// SHU and the RAT: the fiscal year, the surplus and how the RAT splits it (cadangan, jasa modal,
// jasa usaha, other funds; savings at year end or the monthly average), the pools and every
// member's share. Computed once per "Hitung" (never per frame); the table draws only the rows in
// view, so 2,000 members scroll smoothly. Exports CSV/XLSX and the RAT pack; credits the shares to
// sukarela in one recorded step after a confirmation (core refuses a year credited already).
#include "pos/core/csv.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_common.hpp"
#include "pos/ui/screens/members_views.hpp"

#include <fmt/format.h>

#include <array>

namespace waserda::ui {
namespace {

using core::tr;

struct Field {
    const char* id;          // test id suffix
    std::string label;       // short, on the field
    std::string text;        // digits; percentages in whole percent
    std::string fund;        // the fund's name in the pools, for the other funds
};

class ShuView final : public View {
public:
    ShuView() : View("members_shu") {}
    std::string title() const override { return tr("SHU dan RAT"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageMembers; }
    bool in_menu() const override { return true; }
    void on_show(App& app) override {
        if (year_ == 0) year_ = std::stoi(app.shop().today_local().substr(0, 4)) - 1;
        folder_.reset(app);
        confirm_ = false;
    }

protected:
    void drawContent(App& app) override {
        auto* svc = members_service(app);
        if (!svc) return;
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor(avail.x * 0.3f);

        // [the RAT's decisions]
        ImGui::BeginChild("shu.form", ImVec2(left_w, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        float w = ImGui::GetContentRegionAvail().x;
        if (year_stepper("shu.year", year_, w)) invalidate();
        // The surplus across the form, the six percentages two by two.
        float bw2 = (w - gap) / 2;
        for (size_t i = 0; i < fields_.size(); ++i) {
            auto& f = fields_[i];
            std::string shown = f.text;
            if (i == 0 && !f.text.empty()) shown = rp(core::Money::rp(std::stoll(f.text)));
            else if (i > 0 && !f.text.empty()) shown += " %";
            if (i >= 2 && i % 2 == 0) ImGui::SameLine();
            if (field_box(std::string("shu.field.") + f.id, f.label, shown, i == selected_, i == 0 ? w : bw2)) selected_ = i;
        }
        PadOptions opt;
        opt.ok_label = nullptr;
        opt.double_zero = selected_ == 0;
        opt.max_len = selected_ == 0 ? 13 : 3;
        opt.listen_keyboard = !shortcuts_blocked();
        std::string before = fields_[selected_].text;
        auto r = keypad("shu.pad", fields_[selected_].text, ImGui::GetContentRegionAvail(), opt);
        if (fields_[selected_].text != before) invalidate();
        if (r == PadResult::Cancel) {
            fields_[selected_].text.clear();
            invalidate();
        }
        if (r == PadResult::Ok) {
            if (selected_ + 1 < fields_.size()) ++selected_;
            else compute(app);
        }
        ImGui::EndChild();

        // [the result]
        ImGui::SameLine();
        ImGui::BeginChild("shu.result", ImVec2(avail.x - left_w - gap, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        float rw = ImGui::GetContentRegionAvail().x;
        float bottom = 2 * (t.touch + ImGui::GetStyle().ItemSpacing.y);
        // Savings for jasa modal: at the year's end, or the average of the month ends.
        {
            float bw3 = (rw - 2 * gap) / 3;
            float y = ImGui::GetCursorPosY();
            ImGui::SetCursorPosY(y + (t.touch - ImGui::GetFontSize()) / 2);
            ImGui::TextUnformatted(tr("Simpanan untuk jasa modal:").c_str());
            ImGui::SameLine(rw - 2 * bw3 - gap);
            ImGui::SetCursorPosY(y);
            if (big_button(tr("Akhir tahun") + "##shu.basis.end", ImVec2(bw3, t.touch),
                           basis_ == core::ShuSavingsBasis::YearEnd ? Tone::Selected : Tone::Ghost, nullptr, "shu.basis.year_end")) {
                basis_ = core::ShuSavingsBasis::YearEnd;
                invalidate();
            }
            ImGui::SameLine();
            if (big_button(tr("Rata-rata bulanan") + "##shu.basis.avg", ImVec2(bw3, t.touch),
                           basis_ == core::ShuSavingsBasis::MonthlyAverage ? Tone::Selected : Tone::Ghost, nullptr,
                           "shu.basis.average")) {
                basis_ = core::ShuSavingsBasis::MonthlyAverage;
                invalidate();
            }
        }
        if (result_) {
            float pools_h = (ImGui::GetTextLineHeightWithSpacing() + 2 * ImGui::GetStyle().CellPadding.y) * float(pools_.rows.size() + 1) + 2;
            draw_report_table("shu.pools", pools_, ImVec2(rw, pools_h));
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(tr("{} anggota menerima {}; tidak dibagikan {}", result_->shares.size(), rp(result_->total_paid()),
                                      rp(result_->jasa_modal_retained + result_->jasa_usaha_retained))
                                       .c_str());
        } else {
            ImGui::PushTextWrapPos(0);
            text_colored(colors::Muted, tr("Isi SHU tahun {} dan persentasenya, lalu tekan Hitung.", year_));
            ImGui::PopTextWrapPos();
        }
        if (confirm_ && result_) {
            draw_confirm(app, rw, ImGui::GetContentRegionAvail().y - bottom);
        } else {
            draw_report_table("shu.members", members_, ImVec2(rw, ImGui::GetContentRegionAvail().y - bottom));
        }
        folder_.draw(app, "shu", rw);
        float bw = (rw - 5 * gap) / 6;
        if (big_button(tr("Kembali") + "##shu", ImVec2(bw, t.touch), Tone::Normal, "Esc", "shu.back") || shortcut(keys::Escape))
            app.back();
        ImGui::SameLine();
        if (big_button(tr("Hitung") + "##shu", ImVec2(bw, t.touch), Tone::Primary, nullptr, "shu.compute")) compute(app);
        ImGui::SameLine();
        bool have = result_.has_value();
        if (big_button(tr("CSV") + "##shu", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "shu.csv", have) && have) export_csv(app);
        ImGui::SameLine();
        if (big_button(tr("XLSX") + "##shu", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "shu.xlsx", have) && have) {
            auto path = app.export_xlsx(folder_.dir(), fmt::format("shu-{}.xlsx", year_),
                                        {core::shu_pools_table(*result_), core::shu_members_table(*result_)});
            if (!path.empty()) app.show_info(tr("Tersimpan: {}", path), true);
        }
        ImGui::SameLine();
        if (big_button(tr("Bahan RAT") + "##shu", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "shu.rat", have) && have) export_rat(app);
        ImGui::SameLine();
        if (big_button(tr("Kreditkan") + "##shu", ImVec2(bw, t.touch), Tone::Warning, nullptr, "shu.credit", have) && have)
            confirm_ = true;
        ImGui::EndChild();
    }

private:
    void invalidate() {
        result_.reset();
        pools_ = {};
        members_ = {};
        confirm_ = false;
    }

    std::optional<core::ShuConfig> config(App& app) {
        auto num = [](const Field& f) -> int64_t { return f.text.empty() ? 0 : std::stoll(f.text); };
        if (fields_[0].text.empty() || num(fields_[0]) <= 0) {
            app.show_error(tr("Isi SHU yang dibagi (lebih dari nol)."));
            return std::nullopt;
        }
        core::ShuConfig c;
        c.year = year_;
        c.surplus = core::Money::rp(num(fields_[0]));
        c.cadangan_bp = num(fields_[1]) * 100;
        c.jasa_modal_bp = num(fields_[2]) * 100;
        c.jasa_usaha_bp = num(fields_[3]) * 100;
        for (size_t i = 4; i < fields_.size(); ++i)
            if (num(fields_[i]) > 0) c.funds.push_back({fields_[i].fund, num(fields_[i]) * 100});
        c.basis = basis_;
        return c;
    }

    void compute(App& app) {
        invalidate();
        auto c = config(app);
        if (!c) return;
        auto r = app.office()->members().shu(*c);
        if (!r) {
            app.show_error(r.error());
            return;
        }
        result_ = std::move(*r);
        // The tables are built here once; the frame only draws the rows in view.
        pools_.name = "pos_shu";
        pools_.header = {tr("Pos"), tr("Persen"), tr("Nilai")};
        pools_.numeric = {false, true, true};
        for (auto& p : result_->pools) pools_.rows.push_back({p.name, core::format_percent_bp(p.basis_points) + " %", rp(p.amount)});
        members_.name = "shu_anggota";
        members_.header = {tr("Nomor"), tr("Nama"), tr("Simpanan"), tr("Belanja"), tr("Jasa modal"), tr("Jasa usaha"), tr("SHU")};
        members_.numeric = {false, false, true, true, true, true, true};
        members_.rows.reserve(result_->shares.size());
        for (auto& s : result_->shares)
            members_.rows.push_back({s.number, s.name, rp(s.savings), rp(s.purchases), rp(s.jasa_modal), rp(s.jasa_usaha), rp(s.total())});
        app.clear_banner();
    }

    void export_csv(App& app) {
        auto t = core::shu_members_table(*result_);
        auto path = app.export_text(folder_.dir(), fmt::format("shu-{}-anggota.csv", year_), core::write_csv(t.header, t.rows));
        if (path.empty()) return;
        auto p = core::shu_pools_table(*result_);
        if (app.export_text(folder_.dir(), fmt::format("shu-{}-pos.csv", year_), core::write_csv(p.header, p.rows)).empty()) return;
        app.show_info(tr("Tersimpan: {}", path), true);
    }

    void export_rat(App& app) {
        auto c = config(app);
        if (!c) return;
        auto pack = app.office()->members().rat_pack(*c);
        if (!pack) {
            app.show_error(pack.error());
            return;
        }
        for (auto& t : *pack)
            if (app.export_text(folder_.dir(), fmt::format("rat-{}-{}.csv", year_, t.name), core::write_csv(t.header, t.rows)).empty())
                return;
        auto path = app.export_xlsx(folder_.dir(), fmt::format("rat-{}.xlsx", year_), *pack);
        if (!path.empty()) app.show_info(tr("Bahan RAT {} tersimpan: {} dan {} file CSV.", year_, path, pack->size()), true);
    }

    void draw_confirm(App& app, float w, float h) {
        const Theme& t = theme();
        ImGui::BeginChild("shu.confirm", ImVec2(w, h), true);
        ImGui::PushTextWrapPos(0);
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(tr("Kreditkan SHU {} ke simpanan sukarela?", year_).c_str());
        }
        ImGui::TextUnformatted(tr("{} anggota menerima {} sekaligus dalam satu catatan. Ini hanya bisa dilakukan sekali untuk tahun {}.",
                                  result_->shares.size(), rp(result_->total_paid()), year_)
                                   .c_str());
        ImGui::PopTextWrapPos();
        float bw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        if (big_button(tr("Batal") + "##shu.confirm", ImVec2(bw, t.touch), Tone::Normal, nullptr, "shu.confirm.no")) confirm_ = false;
        ImGui::SameLine();
        if (big_button(tr("Ya, kreditkan") + "##shu.confirm", ImVec2(bw, t.touch), Tone::Danger, nullptr, "shu.confirm.yes")) {
            confirm_ = false;
            auto c = config(app);
            if (c && app.state().user) {
                auto p = app.office()->members().credit_shu(*c, *app.state().user);
                if (!p) app.show_error(p.error());
                else app.show_info(tr("SHU {} dikreditkan ke sukarela {} anggota: {}.", year_, p->savings.size(), rp(result_->total_paid())), true);
            }
        }
        ImGui::EndChild();
    }

    int year_ = 0;
    std::array<Field, 7> fields_{{{"surplus", tr("SHU yang dibagi"), "", ""},
                                  {"cadangan", tr("Cadangan"), "40", ""},
                                  {"jasa_modal", tr("Jasa modal"), "20", ""},
                                  {"jasa_usaha", tr("Jasa usaha"), "25", ""},
                                  {"dana_pengurus", tr("Pengurus"), "5", tr("Dana pengurus")},
                                  {"dana_pendidikan", tr("Pendidikan"), "5", tr("Dana pendidikan")},
                                  {"dana_sosial", tr("Sosial"), "5", tr("Dana sosial")}}};
    size_t selected_ = 0;
    core::ShuSavingsBasis basis_ = core::ShuSavingsBasis::YearEnd;
    std::optional<core::ShuResult> result_;
    core::ReportTable pools_, members_;
    bool confirm_ = false;
    ExportFolder folder_;
};

}  // namespace

std::unique_ptr<View> make_members_shu_view() { return std::make_unique<ShuView>(); }

}  // namespace waserda::ui
