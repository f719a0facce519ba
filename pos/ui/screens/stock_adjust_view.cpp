// Stock adjustment (penyesuaian stok) with a reason: scan or type the item, choose why (rusak,
// kedaluwarsa, hilang take stock out; ditemukan puts it back; koreksi goes either way), type how
// many, save. Core checks the sign against the reason and records who did it.
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/stock_common.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;
using core::AdjustReason;

class StockAdjustView final : public View {
public:
    StockAdjustView() : View("stock_adjust") {}
    std::string title() const override { return tr("Penyesuaian stok"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageStock; }
    void on_show(App&) override {
        item_.reset();
        pad_.clear();
    }
    bool on_scan(App& app, const std::string& code) override {
        pick(app, code);
        return true;
    }

protected:
    void drawContent(App& app) override {
        if (!stock::service_or_say(app)) {
            stock::bottom_bar(app, id(), {});
            return;
        }
        if (auto code = code_.poll()) pick(app, *code);
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor((avail.x - gap) * 0.55f);
        float body_h = avail.y - t.touch - gap;

        ImGui::BeginChild("left", ImVec2(left_w, body_h), false, ImGuiWindowFlags_NoScrollbar);
        code_.draw("adjust.code", tr("Pindai barcode atau ketik kode lalu Enter"), ImGui::GetContentRegionAvail().x);
        if (item_) {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(item_->item.name.c_str());
        }
        if (item_) {
            const core::Item& it = item_->item;
            text_colored(colors::Muted, tr("{}   Stok sekarang {}", it.sku, qty_text(it.on_hand, it.weighed, it.unit)));
        } else {
            text_colored(colors::Muted, tr("Belum ada barang dipilih."));
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        section_label(tr("Alasan"));
        const AdjustReason reasons[] = {AdjustReason::Damaged, AdjustReason::Expired, AdjustReason::Lost,
                                        AdjustReason::Found, AdjustReason::Correction};
        float w = ImGui::GetContentRegionAvail().x;
        float bw = (w - 2 * gap) / 3;
        int n = 0;
        for (auto r : reasons) {
            if (n++ % 3) ImGui::SameLine();
            if (big_button(core::describe(r) + "##" + core::to_string(r), ImVec2(bw, t.touch),
                           reason_ == r ? Tone::Selected : Tone::Ghost, nullptr, "adjust.reason." + core::to_string(r)))
                reason_ = r;
        }
        if (reason_ == AdjustReason::Correction) {
            section_label(tr("Koreksi"));
            if (big_button(tr("Tambah stok") + "##plus", ImVec2((w - gap) / 2, t.touch), plus_ ? Tone::Selected : Tone::Ghost,
                           nullptr, "adjust.plus"))
                plus_ = true;
            ImGui::SameLine();
            if (big_button(tr("Kurangi stok") + "##minus", ImVec2((w - gap) / 2, t.touch), plus_ ? Tone::Ghost : Tone::Selected,
                           nullptr, "adjust.minus"))
                plus_ = false;
        }
        ImGui::Dummy(ImVec2(0, t.gap));
        ImGui::PushTextWrapPos(0);
        text_colored(colors::Muted, reason_out() ? tr("Stok berkurang sebanyak jumlah yang diketik.")
                                                 : tr("Stok bertambah sebanyak jumlah yang diketik."));
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("right", ImVec2(avail.x - left_w - gap, body_h), false, ImGuiWindowFlags_NoScrollbar);
        bool grams = item_ && item_->item.weighed && item_->qty == 1;
        display_field("adjust.qty", pad_, grams ? tr("Jumlah (gram)") : tr("Jumlah"), ImGui::GetContentRegionAvail().x);
        PadOptions opt;
        opt.listen_keyboard = false;
        opt.double_zero = false;
        opt.show_cancel = false;
        opt.ok_label = nullptr;
        auto r = keypad("adjust.pad", pad_, ImGui::GetContentRegionAvail(), opt);
        ImGui::EndChild();
        int b = stock::bottom_bar(app, "adjust", {tr("Simpan penyesuaian")});
        if (b == 1 || r == PadResult::Ok || (shortcut(keys::F12) && item_)) save(app);
    }

private:
    bool reason_out() const {
        return reason_ == AdjustReason::Damaged || reason_ == AdjustReason::Expired || reason_ == AdjustReason::Lost ||
               (reason_ == AdjustReason::Correction && !plus_);
    }

    void pick(App& app, const std::string& code) {
        auto hit = app.stock_lookup(code);
        if (!hit) return;
        item_ = *hit;
        code_of_ = code;
        pad_.clear();
        app.clear_banner();
    }

    void save(App& app) {
        if (!item_) return app.show_error(tr("Pindai atau ketik kode barang dulu."));
        if (pad_.empty()) return app.show_error(tr("Ketik jumlahnya dulu."));
        int64_t qty = std::stoll(pad_.substr(0, 15));
        core::AdjustRequest req;
        req.code = code_of_;
        req.qty = reason_out() ? -qty : qty;
        req.reason = reason_;
        req.note = core::describe(reason_);
        std::string name = item_->item.name;
        app.stock_adjust(req, [this, &app, name] {
            app.show_info(tr("Penyesuaian {} tersimpan ({}).", name, core::describe(reason_)), true);
            pad_.clear();
            // Show the new on-hand.
            if (auto hit = app.stock_lookup(code_of_)) item_ = *hit;
        });
    }

    stock::CodeField code_;
    std::optional<core::ScanHit> item_;
    std::string code_of_;
    AdjustReason reason_ = AdjustReason::Damaged;
    bool plus_ = true;
    std::string pad_;
};

}  // namespace

std::unique_ptr<View> make_stock_adjust_view() { return std::make_unique<StockAdjustView>(); }

}  // namespace waserda::ui
