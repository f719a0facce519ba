// Members in arrears (tunggakan): who owes credit older than the shop's arrears days, how much of
// it is overdue and since when. Tapping a member opens their statement.
#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_common.hpp"
#include "pos/ui/screens/members_views.hpp"

#include <fmt/format.h>

#include <chrono>

namespace waserda::ui {
namespace {

using core::tr;

std::string dmy(const std::string& d) { return d.size() == 10 ? d.substr(8, 2) + "/" + d.substr(5, 2) + "/" + d.substr(0, 4) : d; }

class ArrearsView final : public View {
public:
    ArrearsView() : View("members_arrears") {}
    std::string title() const override { return tr("Anggota menunggak"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageMembers; }
    bool in_menu() const override { return true; }
    void on_show(App& app) override { refresh(app); }

protected:
    void drawContent(App& app) override {
        auto* svc = members_service(app);
        if (!svc) return;
        const Theme& t = theme();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        {
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(tr("{} anggota menunggak, kredit lebih tua dari {} hari: {}", rows_.size(), days_, rp(total_)).c_str());
        }
        text_colored(colors::Muted, tr("Ketuk anggota untuk melihat rekening korannya."));
        float bottom = t.touch + ImGui::GetStyle().ItemSpacing.y * 2;
        int tapped = draw_report_table("arrears", table_, ImVec2(avail.x, ImGui::GetContentRegionAvail().y - bottom), t.touch);
        if (tapped >= 0 && size_t(tapped) < rows_.size()) {
            picked_member_number() = rows_[size_t(tapped)].member.number;
            app.go("members_statement");
            return;
        }
        float bw = 240 * t.scale;
        if (big_button(tr("Kembali") + "##arrears", ImVec2(bw, t.touch), Tone::Normal, "Esc", "arrears.back") || shortcut(keys::Escape))
            app.back();
        ImGui::SameLine();
        if (big_button(tr("Muat ulang") + "##arrears", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "arrears.refresh")) refresh(app);
    }

private:
    void refresh(App& app) {
        rows_.clear();
        total_ = {};
        table_ = {};
        if (!app.office()) return;
        days_ = app.shop().settings().credit.arrears_days;
        auto r = app.office()->members().members_in_arrears();
        if (!r) {
            app.show_error(r.error());
            return;
        }
        rows_ = std::move(*r);
        // Longest overdue first: whom to call first.
        std::stable_sort(rows_.begin(), rows_.end(),
                         [](auto& a, auto& b) { return a.status.oldest_unpaid_at < b.status.oldest_unpaid_at; });
        const int offset = app.shop().settings().utc_offset_minutes;
        auto now = app.shop().clock().now();
        table_.name = "tunggakan";
        table_.header = {tr("Nomor"), tr("Nama"), tr("Unit kerja"), tr("Utang"), tr("Menunggak"), tr("Sejak"), tr("Hari")};
        table_.numeric = {false, false, false, true, true, false, true};
        for (auto& row : rows_) {
            total_ += row.status.overdue;
            auto since = core::parse_iso_utc(row.status.oldest_unpaid_at);
            auto days = std::chrono::duration_cast<std::chrono::hours>(now - since).count() / 24;
            table_.rows.push_back({row.member.number, row.member.name, row.member.work_unit, rp(row.status.owed),
                                   rp(row.status.overdue), dmy(core::local_date_of(row.status.oldest_unpaid_at, offset)),
                                   std::to_string(days)});
        }
    }

    std::vector<core::ArrearsRow> rows_;
    core::ReportTable table_;
    core::Money total_;
    int days_ = 30;
};

}  // namespace

std::unique_ptr<View> make_members_arrears_view() { return std::make_unique<ArrearsView>(); }

}  // namespace waserda::ui
