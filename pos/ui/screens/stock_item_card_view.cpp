// Item card (kartu stok): every stock move of one item in a period with the running balance.
#include "pos/core/clock.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/stock_common.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;

std::string move_kind_text(core::StockMoveKind k) {
    switch (k) {
        case core::StockMoveKind::Sale: return tr("penjualan");
        case core::StockMoveKind::Return: return tr("retur pelanggan");
        case core::StockMoveKind::GoodsReceipt: return tr("penerimaan");
        case core::StockMoveKind::SupplierReturn: return tr("retur ke pemasok");
        case core::StockMoveKind::Adjustment: return tr("penyesuaian");
        case core::StockMoveKind::Opname: return tr("opname");
        case core::StockMoveKind::Consignment: return tr("titip jual");
    }
    return {};
}

class StockItemCardView final : public View {
public:
    StockItemCardView() : View("stock_card") {}
    std::string title() const override { return tr("Kartu stok"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageStock; }
    bool on_scan(App& app, const std::string& code) override {
        load(app, code);
        return true;
    }

protected:
    void drawContent(App& app) override {
        if (!stock::service_or_say(app)) {
            stock::bottom_bar(app, "card", {});
            return;
        }
        if (auto code = code_.poll()) load(app, *code);
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        float dw = 110 * t.scale;
        code_.draw("card.code", tr("Pindai barcode atau ketik kode lalu Enter"), w - 4 * (dw + gap));
        for (int days : {7, 30, 90, 365}) {
            ImGui::SameLine();
            if (big_button(tr("{} hari", days) + "##d" + std::to_string(days), ImVec2(dw, t.touch),
                           days_ == days ? Tone::Selected : Tone::Ghost, nullptr, "card.days." + std::to_string(days))) {
                days_ = days;
                if (!code_of_.empty()) load(app, code_of_);
            }
        }
        if (card_) {
            const core::Item& it = card_->item;
            {
                FontScope f(Font::Large);
                ImGui::TextUnformatted((it.sku + "  " + it.name).c_str());
            }
            text_colored(colors::Muted, tr("{} .. {}   awal {}   masuk {}   keluar {}   akhir {}", range_.from, range_.to,
                                           q(card_->opening), q(card_->in), q(card_->out), q(card_->closing)));
            std::vector<std::vector<std::string>> rows;
            const int offset = app.shop().settings().utc_offset_minutes;
            for (auto& r : card_->rows) {
                const auto& m = r.move;
                rows.push_back({core::local_datetime(core::parse_iso_utc(m.at), offset), move_kind_text(m.kind), m.ref, m.reason,
                                (m.qty > 0 ? "+" : "") + q(m.qty), q(r.balance)});
            }
            stock::table("card.row",
                         {{tr("Waktu"), 1.3f}, {tr("Jenis"), 1.2f}, {tr("Dokumen"), 1.6f}, {tr("Keterangan"), 1.4f},
                          {tr("Jumlah"), 0.9f, true}, {tr("Saldo"), 0.9f, true}},
                         rows, ImVec2(w, ImGui::GetContentRegionAvail().y - t.touch - gap));
        } else {
            text_colored(colors::Muted, tr("Pindai barang untuk melihat semua gerakan stoknya."));
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetContentRegionAvail().y - t.touch - gap);
        }
        stock::bottom_bar(app, "card", {});
    }

private:
    std::string q(int64_t v) const { return qty_text(v, card_->item.weighed, card_->item.unit); }

    void load(App& app, const std::string& code) {
        if (!app.manager()) return;
        range_ = app.manager()->last_days(days_);
        auto c = app.manager()->item_card(code, range_);
        if (!c) return app.show_error(c.error());
        card_ = std::move(*c);
        code_of_ = code;
        app.clear_banner();
    }

    stock::CodeField code_;
    std::string code_of_;
    int days_ = 30;
    core::DateRange range_;
    std::optional<core::ItemCard> card_;
};

}  // namespace

std::unique_ptr<View> make_stock_item_card_view() { return std::make_unique<StockItemCardView>(); }

}  // namespace waserda::ui
