// Identify the member: scan the card, or type the number or a name. Member prices apply at once.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <cctype>

namespace waserda::ui {
namespace {

using core::tr;

class MemberSearchView final : public View {
public:
    MemberSearchView() : View("member") {}
    std::string title() const override { return tr("Anggota"); }
    bool needs_shift() const override { return true; }
    void on_show(App&) override {
        text_.clear();
        searched_.clear();
        results_.clear();
    }

protected:
    void drawContent(App& app) override {
        const Theme& t = theme();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        display_field("member.text", text_, tr("Pindai kartu anggota, atau ketik nomor atau nama"), avail.x);
        float kb_h = std::min(avail.y * 0.48f, 5 * (t.touch + ImGui::GetStyle().ItemSpacing.y));
        float list_h = ImGui::GetContentRegionAvail().y - kb_h - ImGui::GetStyle().ItemSpacing.y;
        ImGui::BeginChild("results", ImVec2(avail.x, list_h), true);
        if (text_ != searched_) {
            searched_ = text_;
            results_ = text_.size() >= 2 ? app.search_members(text_, 30) : std::vector<core::Member>{};
        }
        float w = ImGui::GetContentRegionAvail().x;
        for (size_t i = 0; i < results_.size(); ++i) {
            const auto& m = results_[i];
            std::string label = fmt::format("{}   {}   {}", m.number, m.name, m.work_unit);
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
            bool tapped = big_button(label + "##m" + std::to_string(m.id), ImVec2(w, t.touch), Tone::Ghost, nullptr,
                                     fmt::format("member.result.{}", i));
            ImGui::PopStyleVar();
            if (tapped && app.set_member(m.number)) {
                text_.clear();
                app.go("checkout");
            }
        }
        if (results_.empty() && text_.size() >= 2)
            text_colored(colors::Muted, tr("Tekan Enter untuk memakai \"{}\" sebagai nomor atau kode kartu.", text_));
        ImGui::EndChild();
        auto r = keyboard("member.kb", text_, ImGui::GetContentRegionAvail(), !shortcuts_blocked());
        if (r == PadResult::Cancel) app.go("checkout");
        if (r == PadResult::Ok && !text_.empty()) {
            // Enter: a scanned card or a typed number; a single search hit also counts.
            std::string code = results_.size() == 1 ? results_.front().number : text_;
            std::string upper = code;
            for (auto& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
            if (app.set_member(code) || (upper != code && app.set_member(upper))) {
                text_.clear();
                app.go("checkout");
            }
        }
    }

private:
    std::string text_;
    std::string searched_;
    std::vector<core::Member> results_;
};

}  // namespace

std::unique_ptr<View> make_member_search_view() { return std::make_unique<MemberSearchView>(); }

}  // namespace waserda::ui
