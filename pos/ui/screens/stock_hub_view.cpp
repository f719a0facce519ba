// The stock work hub (menu "Stok"): one big button per stock screen.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/stock_common.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;

class StockHubView final : public View {
public:
    StockHubView() : View("stock") {}
    std::string title() const override { return tr("Stok"); }
    bool in_menu() const override { return true; }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageStock; }

protected:
    void drawContent(App& app) override {
        if (!stock::service_or_say(app)) {
            stock::bottom_bar(app, "stock", {});
            return;
        }
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        const int cols = 4;
        float bw = (w - (cols - 1) * gap) / cols;
        float bh = std::max(t.touch * 1.6f, 96 * t.scale);
        struct Entry { std::string label, screen; };
        const Entry entries[] = {
            {tr("Penerimaan barang"), "stock_receive"}, {tr("Retur ke pemasok"), "stock_return"},
            {tr("Penyesuaian stok"), "stock_adjust"},   {tr("Stok opname"), "stock_opname"},
            {tr("Saran pesan ulang"), "stock_reorder"}, {tr("Kartu stok"), "stock_card"},
            {tr("Harga & label rak"), "stock_prices"},  {tr("Pemasok"), "stock_suppliers"},
        };
        std::string typed = shortcuts_blocked() ? std::string() : typed_text();
        int n = 0;
        for (auto& e : entries) {
            if (n % cols) ImGui::SameLine();
            char key = char('1' + n++);
            char hint[2] = {key, 0};
            FontScope f(Font::Bold);
            if (big_button(e.label + "##" + e.screen, ImVec2(bw, bh), Tone::Ghost, hint, "stock.go." + e.screen) ||
                typed.find(key) != std::string::npos)
                app.go(e.screen);
        }
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetContentRegionAvail().y - t.touch - gap);
        stock::bottom_bar(app, "stock", {});
    }
};

}  // namespace

std::unique_ptr<View> make_stock_hub_view() { return std::make_unique<StockHubView>(); }

}  // namespace waserda::ui
