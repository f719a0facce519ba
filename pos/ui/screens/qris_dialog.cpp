// QRIS: the shop's code with the amount, big enough for a phone camera. The cashier confirms
// once the customer's phone shows the payment went through.
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/qris.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {
namespace {

using core::tr;

class QrisDialog final : public Dialog {
public:
    explicit QrisDialog(int64_t amount) : amount_(amount) {}
    std::string title() const override { return tr("Bayar dengan QRIS"); }
    ImVec2 size(ImVec2 display) const override {
        const Theme& t = theme();
        return ImVec2(std::min(display.x - 40, 860 * t.scale), std::min(display.y - 20, 640 * t.scale));
    }

    bool draw(App& app) override {
        if (qr_.width == 0) {
            // Encoded once per dialog: the payload does not change while it is open.
            payload_ = app.qris_payload(core::Money::rp(amount_));
            qr_ = encode_qr(payload_);
            configured_ = app.qris_configured();
        }
        const Theme& t = theme();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float side = std::min(avail.y, avail.x * 0.5f);
        ImGui::BeginGroup();
        draw_qr(qr_, side);
        register_last_item("qris.code");
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        float w = ImGui::GetContentRegionAvail().x;
        section_label(tr("Jumlah"));
        {
            FontScope f(Font::Huge);
            ImGui::TextUnformatted(money(amount_).c_str());
        }
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::TextUnformatted(tr("Minta pelanggan memindai kode ini. Tekan Sudah dibayar setelah ponsel pelanggan menunjukkan pembayaran berhasil.").c_str());
        if (!configured_)
            text_colored(colors::Danger, tr("QRIS toko belum diatur; kode ini hanya contoh dan tidak bisa dibayar."));
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, t.gap));
        if (big_button(tr("Sudah dibayar") + "##ok", ImVec2(w, t.touch * 1.3f), Tone::Ok, "Enter", "qris.paid") ||
            key_pressed(keys::Enter) || key_pressed(keys::KeypadEnter)) {
            core::Payment p;
            p.method = core::PaymentMethod::Qris;
            p.amount = core::Money::rp(amount_);
            p.reference = "QRIS";
            app.add_payment(p);
            ImGui::EndGroup();
            return false;
        }
        bool cancel = big_button(tr("Batal") + "##cancel", ImVec2(w, t.touch), Tone::Normal, "Esc", "qris.cancel") ||
                      key_pressed(keys::Escape);
        ImGui::EndGroup();
        return !cancel;
    }

private:
    int64_t amount_;
    std::string payload_;
    QrMatrix qr_;
    bool configured_ = false;
};

}  // namespace

std::unique_ptr<Dialog> make_qris_dialog(int64_t amount) { return std::make_unique<QrisDialog>(amount); }

}  // namespace waserda::ui
