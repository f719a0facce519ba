// Potong gaji (payroll deduction): the month's list grouped by work unit with totals, exported as
// CSV and XLSX for the employer (which saves it as the list the settlement is matched against),
// and the employer's settlement CSV imported back: all or nothing, every unmatched line named.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/members_common.hpp"
#include "pos/ui/screens/members_views.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace waserda::ui {
namespace {

using core::tr;

class PayrollView final : public View {
public:
    PayrollView() : View("members_payroll") {}
    std::string title() const override { return tr("Potong gaji"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageMembers; }
    bool in_menu() const override { return true; }
    void on_show(App& app) override {
        // The list usually goes out at the start of a month for the month before.
        if (month_.empty()) month_ = add_months(month_of(app.shop().today_local()), -1);
        folder_.reset(app);
        problems_.clear();
        load(app);
    }

protected:
    void drawContent(App& app) override {
        auto* svc = members_service(app);
        if (!svc) return;
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;

        if (month_stepper("payroll.month", month_, w * 0.4f)) {
            problems_.clear();
            load(app);
        }
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        {
            FontScope f(Font::Bold);
            std::string status = list_ ? (list_->settled ? tr("Sudah diposting {}: {}", list_->settled_at.substr(0, 10), rp(list_->total))
                                                         : tr("{} anggota, jumlah {}", list_->lines.size(), rp(list_->total)))
                                       : std::string();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (t.touch - ImGui::GetFontSize()) / 2 - ImGui::GetStyle().FramePadding.y);
            ImGui::TextUnformatted(status.c_str());
        }

        float bottom = 2 * (t.touch + ImGui::GetStyle().ItemSpacing.y);
        float body_h = ImGui::GetContentRegionAvail().y - bottom;
        float left_w = std::floor(w * 0.6f);
        draw_report_table("payroll.list", table_, ImVec2(left_w, body_h));
        ImGui::SameLine();
        ImGui::BeginChild("payroll.import", ImVec2(w - left_w - gap, body_h), true);
        draw_import(app);
        ImGui::EndChild();

        folder_.draw(app, "payroll", w);
        float bw = (w - 3 * gap) / 4;
        if (big_button(tr("Kembali") + "##payroll", ImVec2(bw, t.touch), Tone::Normal, "Esc", "payroll.back") || shortcut(keys::Escape))
            app.back();
        ImGui::SameLine();
        bool open = list_ && !list_->settled;
        if (big_button(tr("Ekspor CSV") + "##payroll", ImVec2(bw, t.touch), Tone::Primary, nullptr, "payroll.csv", open) && open &&
            prepare(app)) {
            auto path = app.export_text(folder_.dir(), "potong-gaji-" + month_ + ".csv", core::payroll_csv(*list_));
            if (!path.empty()) app.show_info(tr("Daftar potong gaji tersimpan: {}", path), true);
            scan_files();
        }
        ImGui::SameLine();
        if (big_button(tr("Ekspor XLSX") + "##payroll", ImVec2(bw, t.touch), Tone::Primary, nullptr, "payroll.xlsx", open) && open &&
            prepare(app)) {
            auto path = app.export_payroll_xlsx(folder_.dir(), "potong-gaji-" + month_ + ".xlsx", *list_);
            if (!path.empty()) app.show_info(tr("Daftar potong gaji tersimpan: {}", path), true);
        }
        ImGui::SameLine();
        if (big_button(tr("Cari file") + "##payroll", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "payroll.rescan")) scan_files();
    }

private:
    void load(App& app) {
        list_.reset();
        table_ = {};
        scan_files();
        if (!app.office()) return;
        auto l = app.office()->members().payroll_list(month_);
        if (!l) {
            app.show_error(l.error());
            return;
        }
        list_ = std::move(*l);
        // Grouped by work unit, each with its subtotal, then the grand total.
        table_.name = "potong_gaji";
        table_.header = {tr("Unit kerja"), tr("Nama"), tr("Nomor"), tr("Potongan")};
        table_.numeric = {false, false, false, true};
        for (auto& u : list_->units()) {
            for (auto& l : u.lines) table_.rows.push_back({u.work_unit.empty() ? tr("(tanpa unit)") : u.work_unit, l.name, l.number, rp(l.due)});
            table_.rows.push_back({"", tr("Jumlah {}", u.work_unit.empty() ? tr("(tanpa unit)") : u.work_unit), "", rp(u.total)});
        }
        table_.rows.push_back({"", tr("JUMLAH SEMUA"), "", rp(list_->total)});
    }

    // The list sent to the employer is saved: the settlement is matched against it.
    bool prepare(App& app) {
        if (!app.state().user) return false;
        auto l = app.office()->members().prepare_payroll(month_, *app.state().user);
        if (!l) {
            app.show_error(l.error());
            return false;
        }
        list_ = std::move(*l);
        return true;
    }

    void scan_files() {
        files_.clear();
        std::error_code ec;
        for (auto& e : std::filesystem::directory_iterator(folder_.dir(), ec)) {
            auto name = e.path().filename().string();
            if (e.path().extension() == ".csv" && name.rfind("rekening-", 0) != 0) files_.push_back(name);
        }
        std::sort(files_.begin(), files_.end());
    }

    void draw_import(App& app) {
        const Theme& t = theme();
        float w = ImGui::GetContentRegionAvail().x;
        section_label(tr("Hasil potongan dari pemberi kerja (CSV)"));
        ImGui::PushTextWrapPos(0);
        if (files_.empty()) text_colored(colors::Muted, tr("Tidak ada file CSV di folder ekspor. Salin file dari pemberi kerja ke sana, lalu Cari file."));
        ImGui::PopTextWrapPos();
        bool open = list_ && !list_->settled;
        for (size_t i = 0; i < files_.size(); ++i) {
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
            bool tap = big_button(tr("Posting {}", files_[i]) + "##pf" + std::to_string(i), ImVec2(w, t.touch), Tone::Ghost, nullptr,
                                  "payroll.file." + files_[i], open);
            ImGui::PopStyleVar();
            if (tap && open) settle(app, files_[i]);
        }
        if (!problems_.empty()) {
            ImGui::Dummy(ImVec2(0, t.gap));
            ImGui::PushTextWrapPos(0);
            text_colored(colors::Danger, tr("File ditolak, tidak ada yang diposting:"));
            for (auto& [line, text] : problems_) {
                ImGui::TextUnformatted(text.c_str());
                register_last_item(fmt::format("payroll.problem.{}", line));   // the line named, for the tests
            }
            ImGui::PopTextWrapPos();
        }
    }

    void settle(App& app, const std::string& name) {
        problems_.clear();
        std::string path = (std::filesystem::path(folder_.dir()) / name).string();
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        if (!in) {
            app.show_error(tr("File {} tidak bisa dibaca.", path));
            return;
        }
        auto r = app.office()->members().settle_payroll(month_, ss.str(), *app.state().user);
        if (!r) {
            app.show_error(r.error());
            return;
        }
        if (!r->posting) {
            for (auto& p : r->parse.problems)
                problems_.push_back({p.line, p.line > 0 ? tr("Baris {}: {}", p.line, p.message) : p.message});
            app.show_error(tr("File {} ditolak: {} masalah. Perbaiki lalu posting lagi.", name, r->parse.problems.size()));
            return;
        }
        app.show_info(tr("Potong gaji {} diposting: {} anggota, {}.", month_, r->parse.lines.size(), rp(r->parse.total)), true);
        load(app);
    }

    std::string month_;
    std::optional<core::PayrollList> list_;
    core::ReportTable table_;
    std::vector<std::string> files_;
    std::vector<std::pair<int, std::string>> problems_;   // file line (0: the whole file), sentence
    ExportFolder folder_;
};

}  // namespace

std::unique_ptr<View> make_members_payroll_view() { return std::make_unique<PayrollView>(); }

}  // namespace waserda::ui
