// Reorder suggestions (saran pesan ulang): items at or below their minimum with what to order,
// grouped by the supplier of their last receipt, exported as one purchase list per supplier.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/stock_common.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <map>

namespace waserda::ui {
namespace {

using core::tr;

class StockReorderView final : public View {
public:
    StockReorderView() : View("stock_reorder") {}
    std::string title() const override { return tr("Saran pesan ulang"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageStock; }
    void on_show(App& app) override { reload(app); }

protected:
    void drawContent(App& app) override {
        if (!stock::service_or_say(app)) {
            stock::bottom_bar(app, "reorder", {});
            return;
        }
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        // The policy: weeks of sales to average over, days of sales to cover above the minimum.
        auto stepper = [&](const std::string& label, int& v, int lo, int hi, int step, const std::string& id) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label.c_str());
            ImGui::SameLine();
            if (big_button("-##" + id, ImVec2(t.touch, t.touch), Tone::Ghost, nullptr, "reorder." + id + ".minus") && v - step >= lo) {
                v -= step;
                reload(app);
            }
            ImGui::SameLine();
            {
                FontScope f(Font::Large);
                ImGui::TextUnformatted(std::to_string(v).c_str());
            }
            ImGui::SameLine();
            if (big_button("+##" + id, ImVec2(t.touch, t.touch), Tone::Ghost, nullptr, "reorder." + id + ".plus") && v + step <= hi) {
                v += step;
                reload(app);
            }
        };
        stepper(tr("Rata-rata penjualan (minggu)"), policy_.weeks, 1, 52, 1, "weeks");
        ImGui::SameLine(0, 40 * t.scale);
        stepper(tr("Cukup untuk (hari)"), policy_.cover_days, 1, 120, 7, "cover");

        std::vector<std::vector<std::string>> rows;
        core::Money total = core::Money::rp(0);
        for (auto& l : lines_) {
            bool kg = l.unit == "kg";
            rows.push_back({l.supplier_name.empty() ? tr("(tanpa pemasok)") : l.supplier_name, l.sku, l.name,
                            qty_text(l.on_hand, kg, l.unit), qty_text(l.min_stock, kg, l.unit),
                            fmt::format("{},{:02}", l.avg_daily_x100 / 100, l.avg_daily_x100 % 100),
                            qty_text(l.suggested, kg, l.unit), core::format_rupiah(l.est_value)});
            total += l.est_value;
        }
        float h = ImGui::GetContentRegionAvail().y - t.touch - gap - ImGui::GetTextLineHeightWithSpacing() * 1.6f;
        stock::table("reorder.line",
                     {{tr("Pemasok"), 1.6f}, {tr("SKU"), 1}, {tr("Barang"), 2.4f}, {tr("Stok"), 0.8f, true},
                      {tr("Minimum"), 0.9f, true}, {tr("Laku/hari"), 0.9f, true}, {tr("Pesan"), 0.9f, true},
                      {tr("Perkiraan"), 1.2f, true}},
                     rows, ImVec2(ImGui::GetContentRegionAvail().x, h));
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(lines_.empty() ? tr("Tidak ada barang di bawah stok minimum.").c_str()
                                                  : tr("{} barang   perkiraan {}", lines_.size(), core::format_rupiah(total)).c_str());
        }
        int b = stock::bottom_bar(app, "reorder", {tr("Muat ulang"), tr("Ekspor daftar pesan")});
        if (b == 1) reload(app);
        if (b == 2) export_lists(app);
    }

private:
    void reload(App& app) {
        lines_.clear();
        if (!app.manager()) return;
        auto r = app.manager()->reorder(policy_);
        if (!r) return app.show_error(r.error());
        lines_ = std::move(*r);
    }

    // One purchase list per supplier: a sheet each in the XLSX, a CSV each.
    void export_lists(App& app) {
        if (lines_.empty()) return app.show_error(tr("Tidak ada barang di bawah stok minimum; tidak ada yang diekspor."));
        std::map<std::string, core::ReportTable> by_supplier;
        for (auto& l : lines_) {
            std::string key = l.supplier_code.empty() ? "tanpa_pemasok" : l.supplier_code;
            auto [it, fresh] = by_supplier.try_emplace(key);
            core::ReportTable& t = it->second;
            if (fresh) {
                t.name = key;
                t.title = tr("Daftar pesan untuk {}", l.supplier_name.empty() ? tr("(tanpa pemasok)") : l.supplier_name);
                t.header = {"sku", "name", "unit", "on_hand", "min_stock", "order_qty", "pack_qty", "unit_cost", "est_value"};
                t.numeric = {false, false, false, true, true, true, true, true, true};
            }
            t.rows.push_back({l.sku, l.name, l.unit, std::to_string(l.on_hand), std::to_string(l.min_stock),
                              std::to_string(l.suggested), std::to_string(l.pack_qty), std::to_string(l.unit_cost.rupiah()),
                              std::to_string(l.est_value.rupiah())});
        }
        std::vector<core::ReportTable> tables;
        for (auto& [k, t] : by_supplier) tables.push_back(std::move(t));
        stock::export_tables(app, "pesan-" + stock::file_stamp(app), tables);
    }

    core::ReorderPolicy policy_;
    std::vector<core::ReorderLine> lines_;
};

}  // namespace

std::unique_ptr<View> make_stock_reorder_view() { return std::make_unique<StockReorderView>(); }

}  // namespace waserda::ui
