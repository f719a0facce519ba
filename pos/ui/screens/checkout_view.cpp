// The checkout: scan (keyboard-wedge digits + Enter), search, quick keys, the cart in large rows,
// the member, and the way to pay. After a sale it shows the change until the next scan.
//
// [SECTION] Input
// [SECTION] Left column: code, member, cart, totals
// [SECTION] Right column: actions, quick keys, pay
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

std::string price_kind_text(core::PriceKind k) {
    switch (k) {
        case core::PriceKind::Member: return tr("harga anggota");
        case core::PriceKind::Wholesale: return tr("harga grosir");
        case core::PriceKind::Manual: return tr("harga diubah");
        case core::PriceKind::Embedded: return tr("harga dari label");
        case core::PriceKind::General: break;
    }
    return {};
}

class CheckoutView final : public View {
public:
    CheckoutView() : View("checkout") {}
    std::string title() const override { return tr("Kasir"); }
    bool in_menu() const override { return true; }
    bool needs_shift() const override { return true; }
    std::optional<core::Permission> permission() const override { return core::Permission::Sell; }

protected:
    void drawContent(App& app) override {
        handle_input(app);
        const auto& s = app.state();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float left_w = std::floor((avail.x - gap) * 0.60f);
        ImGui::BeginChild("left", ImVec2(left_w, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        draw_code_field();
        draw_member(app);
        if (s.cart.empty() && s.show_last_sale && s.last_sale) draw_last_sale(app);
        else draw_cart(app);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("right", ImVec2(avail.x - left_w - gap, avail.y), false, ImGuiWindowFlags_NoScrollbar);
        draw_actions(app);
        ImGui::EndChild();
    }

private:
    // [SECTION] Input
    void handle_input(App& app) {
        if (shortcuts_blocked()) return;
        // A keyboard-wedge scanner types the code and Enter as fast keystrokes; people can type too.
        for (char c : typed_text())
            if (code_.size() < 64) code_.push_back(c);
        if (key_pressed(keys::Backspace) && !code_.empty()) code_.pop_back();
        if (shortcut_any(keys::Enter, keys::KeypadEnter)) {
            if (!code_.empty()) {
                std::string code = code_;
                code_.clear();
                app.scan(code);
            }
        }
        if (shortcut(keys::Escape)) {
            if (!code_.empty()) code_.clear();
            else app.new_sale_screen();
        }
        if (shortcut(keys::F2)) app.go("search");
        if (shortcut(keys::F4)) app.go("member");
        if (shortcut(keys::F8)) app.hold();
        if (shortcut(keys::F9)) app.go("held");
        if (shortcut(keys::F10)) app.go("menu");
        if (shortcut(keys::F11)) app.lock();
        if (shortcut(keys::F12)) app.start_payment();
    }

    // [SECTION] Left column: code, member, cart, totals
    void draw_code_field() {
        display_field("checkout.code", code_, tr("Pindai barcode atau ketik kode lalu Enter"),
                      ImGui::GetContentRegionAvail().x, false, !shortcuts_blocked());
    }

    void draw_member(App& app) {
        const auto& s = app.state();
        const Theme& t = theme();
        float w = ImGui::GetContentRegionAvail().x;
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (!s.member) {
            text_colored(colors::Muted, tr("Pelanggan umum - tekan Anggota (F4) atau pindai kartu anggota"));
            return;
        }
        float h = t.font(Font::Bold)->FontSize + t.font(Font::Body)->FontSize + 22 * t.scale;
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(222, 236, 252, 255), 8 * t.scale);
        dl->AddRectFilled(p, ImVec2(p.x + 6 * t.scale, p.y + h), colors::Accent, 8 * t.scale);
        float x = p.x + 18 * t.scale;
        const auto& m = *s.member;
        std::string who = tr("Anggota: {} ({})", m.member.name, m.member.number);
        dl->AddText(t.font(Font::Bold), t.font(Font::Bold)->FontSize, ImVec2(x, p.y + 8 * t.scale), colors::Text, who.c_str());
        std::string bal = tr("Kredit tersedia {}   Sukarela {}", core::format_rupiah(m.available_credit),
                             core::format_rupiah(m.balances.sukarela));
        dl->AddText(t.font(Font::Body), t.font(Font::Body)->FontSize,
                    ImVec2(x, p.y + 12 * t.scale + t.font(Font::Bold)->FontSize), colors::Text, bal.c_str());
        float bw = 110 * t.scale;
        ImGui::SetCursorScreenPos(ImVec2(p.x + w - bw - 6 * t.scale, p.y + (h - t.touch) / 2));
        if (big_button(tr("Lepas") + "##member", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "checkout.member.clear"))
            app.clear_member();
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ImGui::GetStyle().ItemSpacing.y));
    }

    void draw_cart(App& app) {
        const auto& s = app.state();
        const Theme& t = theme();
        ImFont* bold = t.font(Font::Bold);
        ImFont* body = t.font(Font::Body);
        ImFont* large = t.font(Font::Large);
        float totals_h = t.font(Font::Huge)->FontSize + body->FontSize + 30 * t.scale;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float cart_h = std::max(t.touch * 2, avail.y - totals_h - ImGui::GetStyle().ItemSpacing.y);
        const float row_h = std::max(t.touch, bold->FontSize + body->FontSize + 18 * t.scale);

        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
        ImGui::BeginChild("cart", ImVec2(avail.x, cart_h), true);
        const int n = int(s.cart.lines.size());
        if (n == 0) {
            ImGui::Dummy(ImVec2(0, cart_h * 0.35f));
            {
                FontScope f(Font::Large);
                text_centered(tr("Keranjang kosong"), ImGui::GetContentRegionAvail().x);
            }
            ImGui::Dummy(ImVec2(0, 8 * t.scale));
            ImGui::PushStyleColor(ImGuiCol_Text, colors::Muted);
            text_centered(tr("Pindai barang, cari dengan F2, atau pilih tombol cepat."), ImGui::GetContentRegionAvail().x);
            ImGui::PopStyleColor();
        }
        if (s.last_line != scrolled_to_ || n != lines_seen_) {
            // Keep the line just scanned in view (the newest is usually at the bottom).
            if (s.last_line >= 0) {
                float y = s.last_line * row_h;
                float view_h = ImGui::GetWindowHeight() - 2 * ImGui::GetStyle().WindowPadding.y;
                if (y < ImGui::GetScrollY() || y + row_h > ImGui::GetScrollY() + view_h)
                    ImGui::SetScrollY(std::max(0.0f, y + row_h - view_h));
            }
            scrolled_to_ = s.last_line;
            lines_seen_ = n;
        }
        float w = ImGui::GetContentRegionAvail().x;
        ImGuiListClipper clipper;
        clipper.Begin(n, row_h);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const core::CartLine& l = s.cart.lines[size_t(i)];
                ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::PushID(i);
                bool tapped = ImGui::InvisibleButton("line", ImVec2(w, row_h));
                ImGui::PopID();
                register_last_item(fmt::format("checkout.line.{}", i));
                ImU32 bg = i == s.last_line ? colors::Highlight
                                            : (ImGui::IsItemActive() ? colors::PanelDark : (i % 2 ? IM_COL32(248, 249, 251, 255) : IM_COL32_WHITE));
                dl->AddRectFilled(p, ImVec2(p.x + w, p.y + row_h), bg);
                dl->AddLine(ImVec2(p.x, p.y + row_h - 1), ImVec2(p.x + w, p.y + row_h - 1), IM_COL32(228, 231, 236, 255));
                float pad = 12 * t.scale;
                std::string total = core::format_rupiah(l.total());
                float tw = large->CalcTextSizeA(large->FontSize, FLT_MAX, 0, total.c_str()).x;
                float name_w = w - tw - 3 * pad;
                std::string name = fmt::format("{}. {}", i + 1, l.name);
                dl->PushClipRect(p, ImVec2(p.x + name_w + pad, p.y + row_h), true);
                dl->AddText(bold, bold->FontSize, ImVec2(p.x + pad, p.y + 7 * t.scale), colors::Text, name.c_str());
                std::string detail = fmt::format("{} x {}", qty_text(l.qty, l.weighed, l.unit), core::format_rupiah(l.unit_price));
                if (l.weighed) detail += tr("/kg");
                if (l.fixed_total) detail = qty_text(l.qty, l.weighed, l.unit);
                std::string kind = price_kind_text(l.price_kind);
                if (!kind.empty()) detail += "  \xE2\x80\xA2  " + kind;
                if (!l.discount.is_zero()) detail += "  \xE2\x80\xA2  " + tr("diskon {}", core::format_rupiah(l.discount));
                dl->AddText(body, body->FontSize, ImVec2(p.x + pad, p.y + 10 * t.scale + bold->FontSize), colors::Muted,
                            detail.c_str());
                dl->PopClipRect();
                dl->AddText(large, large->FontSize, ImVec2(p.x + w - tw - pad, p.y + (row_h - large->FontSize) / 2),
                            colors::Text, total.c_str());
                if (tapped) {
                    app.select_line(i);
                    app.open_dialog(make_line_dialog(i));
                }
            }
        }
        ImGui::EndChild();
        ImGui::PopStyleVar();
        draw_totals(app, totals_h);
    }

    void draw_totals(App& app, float h) {
        const auto& s = app.state();
        const Theme& t = theme();
        ImVec2 p = ImGui::GetCursorScreenPos();
        float w = ImGui::GetContentRegionAvail().x;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), colors::StatusBar, 8 * t.scale);
        ImFont* body = t.font(Font::Body);
        ImFont* huge = t.font(Font::Huge);
        int64_t pieces = 0;
        for (auto& l : s.cart.lines) pieces += l.weighed ? 1 : l.qty;
        std::string left = tr("{} baris, {} barang", s.cart.lines.size(), pieces);
        core::Money disc = s.totals.line_discounts + s.totals.sale_discount;
        if (!disc.is_zero()) left += "   " + tr("Hemat {}", core::format_rupiah(disc));
        const ImU32 light = IM_COL32(220, 226, 235, 255);
        dl->AddText(body, body->FontSize, ImVec2(p.x + 14 * t.scale, p.y + 10 * t.scale), light, left.c_str());
        dl->AddText(t.font(Font::Large), t.font(Font::Large)->FontSize,
                    ImVec2(p.x + 14 * t.scale, p.y + h - t.font(Font::Large)->FontSize - 12 * t.scale), IM_COL32_WHITE,
                    tr("TOTAL").c_str());
        std::string total = core::format_rupiah(s.totals.total);
        float tw = huge->CalcTextSizeA(huge->FontSize, FLT_MAX, 0, total.c_str()).x;
        dl->AddText(huge, huge->FontSize, ImVec2(p.x + w - tw - 16 * t.scale, p.y + h - huge->FontSize - 8 * t.scale),
                    IM_COL32(255, 255, 255, 255), total.c_str());
        ImGui::Dummy(ImVec2(w, h));
    }

    void draw_last_sale(App& app) {
        const auto& s = app.state();
        const auto& sale = *s.last_sale;
        const Theme& t = theme();
        ImVec2 avail = ImGui::GetContentRegionAvail();
        ImGui::BeginChild("done", avail, true);
        float w = ImGui::GetContentRegionAvail().x;
        ImGui::Dummy(ImVec2(0, 20 * t.scale));
        {
            FontScope f(Font::Large);
            text_centered(sale.kind == core::SaleKind::Return ? tr("Retur selesai") : tr("Transaksi selesai"), w);
        }
        text_centered(tr("Nomor struk {}", sale.number), w);
        ImGui::Dummy(ImVec2(0, 16 * t.scale));
        text_centered(tr("Total {}", core::format_rupiah(sale.total)), w);
        ImGui::Dummy(ImVec2(0, 10 * t.scale));
        {
            FontScope f(Font::Large);
            text_centered(tr("Kembalian"), w);
        }
        {
            FontScope f(Font::Huge);
            ImGui::PushStyleColor(ImGuiCol_Text, colors::OkDark);
            text_centered(core::format_rupiah(sale.change), w);
            ImGui::PopStyleColor();
        }
        for (auto& p : sale.payments) text_centered(fmt::format("{}: {}", core::describe(p.method), core::format_rupiah(p.amount)), w);
        if (sale.member_available_credit)
            text_centered(tr("Sisa kredit {}: {}", sale.member_name, core::format_rupiah(*sale.member_available_credit)), w);
        ImGui::Dummy(ImVec2(0, 16 * t.scale));
        float bw = std::min(w / 2 - 10 * t.scale, 300 * t.scale);
        ImGui::SetCursorPosX((w - 2 * bw - ImGui::GetStyle().ItemSpacing.x) / 2 + ImGui::GetStyle().WindowPadding.x);
        if (big_button(tr("Cetak ulang struk") + "##reprint", ImVec2(bw, t.touch), Tone::Normal, nullptr, "checkout.reprint"))
            app.reprint_last();
        ImGui::SameLine();
        if (big_button(tr("Transaksi baru") + "##next", ImVec2(bw, t.touch), Tone::Primary, "Esc", "checkout.next"))
            app.new_sale_screen();
        ImGui::EndChild();
    }

    // [SECTION] Right column: actions, quick keys, pay
    void draw_actions(App& app) {
        const auto& s = app.state();
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        float bw = (w - gap) / 2;
        float bh = t.touch;
        if (big_button(tr("Cari barang") + "##search", ImVec2(bw, bh), Tone::Normal, "F2", "checkout.search")) app.go("search");
        ImGui::SameLine();
        if (big_button(tr("Anggota") + "##member", ImVec2(bw, bh), Tone::Normal, "F4", "checkout.member")) app.go("member");
        if (big_button(tr("Tahan") + "##hold", ImVec2(bw, bh), Tone::Normal, "F8", "checkout.hold", !s.cart.empty())) app.hold();
        ImGui::SameLine();
        std::string held = s.held.empty() ? tr("Ditahan") : tr("Ditahan ({})", s.held.size());
        if (big_button(held + "##held", ImVec2(bw, bh), s.held.empty() ? Tone::Normal : Tone::Warning, "F9", "checkout.held"))
            app.go("held");
        if (big_button(tr("Menu") + "##menu", ImVec2(bw, bh), Tone::Normal, "F10", "checkout.menu")) app.go("menu");
        ImGui::SameLine();
        if (big_button(tr("Kunci layar") + "##lock", ImVec2(bw, bh), Tone::Normal, "F11", "checkout.lock")) app.lock();

        float pay_h = std::max(t.touch * 1.6f, 84 * t.scale);
        float quick_h = ImGui::GetContentRegionAvail().y - pay_h - ImGui::GetStyle().ItemSpacing.y;
        ImGui::BeginChild("quick", ImVec2(w, quick_h), false);
        draw_quick_keys(app);
        ImGui::EndChild();

        std::string pay = tr("BAYAR  {}", core::format_rupiah(s.totals.total));
        ImGui::PushFont(t.font(Font::Large));
        if (big_button(pay + "##pay", ImVec2(w, pay_h), Tone::Ok, "F12", "checkout.pay", !s.cart.empty()))
            app.start_payment();
        ImGui::PopFont();
    }

    void draw_quick_keys(App& app) {
        const auto& s = app.state();
        const Theme& t = theme();
        if (s.quick_keys.empty()) return;
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        section_label(tr("Tombol cepat"));
        if (page_ >= s.quick_keys.size()) page_ = 0;
        // Category tabs wrap onto as many rows as they need.
        float x = 0, w = ImGui::GetContentRegionAvail().x;
        for (size_t i = 0; i < s.quick_keys.size(); ++i) {
            const std::string& cat = s.quick_keys[i].category;
            float bw = ImGui::CalcTextSize(cat.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x + 8 * t.scale;
            if (i > 0) {
                if (x + gap + bw <= w) ImGui::SameLine();
                else x = 0;
            }
            x += (x > 0 ? gap : 0) + bw;
            if (big_button(cat + "##cat" + std::to_string(i), ImVec2(bw, t.touch * 0.9f),
                           i == page_ ? Tone::Selected : Tone::Ghost, nullptr, "checkout.quick.cat." + std::to_string(i)))
                page_ = i;
        }
        const auto& keys = s.quick_keys[page_].keys;
        const int cols = 3;
        float kw = (w - (cols - 1) * gap) / cols;
        float kh = std::max(t.touch * 1.15f, 64 * t.scale);
        ImGui::PushFont(t.font(Font::Bold));
        for (size_t i = 0; i < keys.size(); ++i) {
            if (i % cols) ImGui::SameLine();
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.5f, 0.5f));
            if (big_button(wrap_label(keys[i].label, kw) + "##qk" + std::to_string(i), ImVec2(kw, kh), Tone::Ghost, nullptr,
                           "checkout.quick." + keys[i].code)) {
                app.scan(keys[i].code);
                // Weighed goods from a key come in at 1 kg: ask for the weight straight away.
                const auto& st = app.state();
                if (st.last_line >= 0 && st.last_line < int(st.cart.lines.size()) && st.cart.lines[size_t(st.last_line)].weighed) {
                    app.select_line(st.last_line);
                    app.open_dialog(make_line_dialog(st.last_line));
                }
            }
            ImGui::PopStyleVar();
        }
        ImGui::PopFont();
    }

    // Breaks a long name over two lines so it fits the key.
    static std::string wrap_label(const std::string& label, float width) {
        float limit = width - 2 * ImGui::GetStyle().FramePadding.x;
        if (ImGui::CalcTextSize(label.c_str()).x <= limit) return label;
        size_t best = std::string::npos;
        for (size_t i = 0; i < label.size(); ++i)
            if (label[i] == ' ' && ImGui::CalcTextSize(label.substr(0, i).c_str()).x <= limit) best = i;
        if (best == std::string::npos) return label;
        return label.substr(0, best) + "\n" + label.substr(best + 1);
    }

    std::string code_;
    int scrolled_to_ = -2;
    int lines_seen_ = -1;
    size_t page_ = 0;
};

}  // namespace

std::unique_ptr<View> make_checkout_view() { return std::make_unique<CheckoutView>(); }

}  // namespace waserda::ui
