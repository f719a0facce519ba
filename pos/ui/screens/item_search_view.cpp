// Find an item by name (or SKU) with the on-screen keyboard; a tap puts it in the cart.
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

namespace waserda::ui {
namespace {

using core::tr;

class ItemSearchView final : public View {
public:
    ItemSearchView() : View("search") {}
    std::string title() const override { return tr("Cari barang"); }
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
        display_field("search.text", text_, tr("Ketik nama barang"), avail.x);
        float kb_h = std::min(avail.y * 0.48f, 5 * (t.touch + ImGui::GetStyle().ItemSpacing.y));
        float list_h = ImGui::GetContentRegionAvail().y - kb_h - ImGui::GetStyle().ItemSpacing.y;
        ImGui::BeginChild("results", ImVec2(avail.x, list_h), true);
        // Search as the cashier types (at least 2 letters), so the list follows the keyboard.
        if (text_ != searched_) {
            searched_ = text_;
            results_ = text_.size() >= 2 ? app.search_items(text_, 30) : std::vector<core::Item>{};
        }
        if (results_.empty() && text_.size() >= 2) text_colored(colors::Muted, tr("Tidak ada barang yang cocok dengan \"{}\".", text_));
        float w = ImGui::GetContentRegionAvail().x;
        ImFont* bold = t.font(Font::Bold);
        for (size_t i = 0; i < results_.size(); ++i) {
            const auto& item = results_[i];
            ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::PushID(int(i));
            bool tapped = ImGui::InvisibleButton("item", ImVec2(w, t.touch));
            ImGui::PopID();
            register_last_item(fmt::format("search.result.{}", i));
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(p, ImVec2(p.x + w, p.y + t.touch), ImGui::IsItemActive() ? colors::PanelDark : IM_COL32(248, 249, 251, 255),
                              6 * t.scale);
            float ty = p.y + (t.touch - bold->FontSize) / 2;
            dl->AddText(bold, bold->FontSize, ImVec2(p.x + 12 * t.scale, ty), colors::Text, item.name.c_str());
            std::string right = core::format_rupiah(item.price) + (item.weighed ? tr("/kg") : std::string());
            if (item.member_price < item.price && item.member_price.rupiah() > 0)
                right = tr("Anggota {}", core::format_rupiah(item.member_price)) + "   " + right;
            float rw = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, right.c_str()).x;
            dl->AddText(bold, bold->FontSize, ImVec2(p.x + w - rw - 12 * t.scale, ty), colors::Text, right.c_str());
            if (tapped) {
                app.scan(item.sku);
                return_to_checkout(app);
            }
        }
        ImGui::EndChild();
        auto r = keyboard("search.kb", text_, ImGui::GetContentRegionAvail(), !shortcuts_blocked());
        if (r == PadResult::Cancel) return_to_checkout(app);
        if (r == PadResult::Ok && results_.size() == 1) {
            app.scan(results_.front().sku);
            return_to_checkout(app);
        }
    }

private:
    void return_to_checkout(App& app) {
        text_.clear();
        app.go("checkout");
    }

    std::string text_;
    std::string searched_;
    std::vector<core::Item> results_;
};

}  // namespace

std::unique_ptr<View> make_item_search_view() { return std::make_unique<ItemSearchView>(); }

}  // namespace waserda::ui
