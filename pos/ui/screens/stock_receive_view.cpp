// Goods receipt (penerimaan barang) and return to supplier (retur ke pemasok): pick the supplier,
// scan or type codes (each scan adds one), set quantity, cost and expiry on the keypad, watch the
// running total, post. Afterwards the posted document is listed with the moving average cost
// before and after each line, and can be printed or exported.
//
// [SECTION] Input
// [SECTION] Layout
// [SECTION] Posting and the result
#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/stock_common.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

namespace waserda::ui {
namespace {

using core::tr;

struct DraftLine {
    std::string code;                  // as scanned or typed
    std::string sku, name, unit;
    bool weighed = false;
    int64_t per_code = 1;              // pieces (a carton's count) or grams one of the code means
    int64_t qty = 1;                   // of what the code means (grams for a weighed item's own code)
    std::optional<core::Money> cost;   // per what the code means; per kg if weighed
    std::string expiry;                // YYYY-MM-DD or empty

    int64_t units() const { return qty * per_code; }    // pieces or grams
    core::Money total() const {
        if (!cost) return core::Money::rp(0);
        if (weighed) return core::Money::rp((cost->rupiah() * units() + 500) / 1000);
        return *cost * qty;
    }
};

enum class Field { Qty, Cost, Expiry };

class StockReceiveView final : public View {
public:
    explicit StockReceiveView(bool to_supplier)
        : View(to_supplier ? "stock_return" : "stock_receive"), to_supplier_(to_supplier) {}
    std::string title() const override { return to_supplier_ ? tr("Retur ke pemasok") : tr("Penerimaan barang"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageStock; }
    void on_show(App& app) override {
        suppliers_.clear();
        if (auto* m = app.manager()) {
            if (auto s = m->suppliers()) suppliers_ = std::move(*s);
            else app.show_error(s.error());
        }
    }
    bool on_scan(App& app, const std::string& code) override {
        if (!result_ && !supplier_.empty()) add_code(app, code);
        return true;   // never into the cart while receiving
    }

protected:
    void drawContent(App& app) override {
        if (!stock::service_or_say(app)) {
            stock::bottom_bar(app, id(), {});
            return;
        }
        if (result_) return draw_result(app);
        if (supplier_.empty()) return draw_supplier_pick(app);
        if (auto code = code_.poll()) add_code(app, *code);
        draw_entry(app);
    }

private:
    // [SECTION] Input
    void add_code(App& app, const std::string& code) {
        for (size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].code == code) {   // the same code again: one more
                lines_[i].qty += lines_[i].weighed && lines_[i].per_code == 1 ? 1000 : 1;
                select(int(i), Field::Qty);
                app.clear_banner();
                return;
            }
        }
        auto hit = app.stock_lookup(code);
        if (!hit) return;
        if (hit->embedded_price) {
            app.show_error(tr("Label harga {} tidak membawa jumlah barang.", code));
            return;
        }
        DraftLine l;
        l.code = code;
        l.sku = hit->item.sku;
        l.name = hit->item.name;
        l.unit = hit->item.unit;
        l.weighed = hit->item.weighed;
        l.per_code = hit->qty;
        // A weighed item's own code: the quantity is grams, 1 kg to start with.
        l.qty = l.weighed && l.per_code == 1 ? 1000 : 1;
        // The cost to start with: today's average (a carton's for a carton); a return credits the
        // average cost unless the supplier's price is typed.
        if (!to_supplier_)
            l.cost = l.weighed ? hit->item.cost : hit->item.cost * l.per_code;
        lines_.push_back(l);
        select(int(lines_.size()) - 1, Field::Qty);
        app.clear_banner();
    }

    void select(int line, Field f) {
        selected_ = line;
        field_ = f;
        pad_.clear();
    }

    void apply_pad(App& app) {
        if (selected_ < 0 || selected_ >= int(lines_.size()) || pad_.empty()) return;
        DraftLine& l = lines_[size_t(selected_)];
        int64_t v = std::stoll(pad_.substr(0, 15));
        switch (field_) {
            case Field::Qty:
                if (v <= 0) return app.show_error(tr("Jumlah harus lebih dari nol."));
                l.qty = v;
                field_ = Field::Cost;   // next: the cost
                break;
            case Field::Cost: l.cost = core::Money::rp(v); break;
            case Field::Expiry: {
                std::string d = stock::date_from_digits(pad_);
                if (!core::valid_date(d))
                    return app.show_error(tr("Tanggal kedaluwarsa ditulis 8 angka: tahun, bulan, tanggal (20271231)."));
                l.expiry = d;
                break;
            }
        }
        pad_.clear();
    }

    // [SECTION] Layout
    void draw_supplier_pick(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        section_label(tr("Pilih pemasok"));
        std::vector<std::vector<std::string>> rows;
        for (auto& s : suppliers_)
            if (s.active) rows.push_back({s.code, s.name, s.phone});
        if (rows.empty()) text_colored(colors::Muted, tr("Belum ada pemasok. Tambahkan dulu di layar Pemasok."));
        ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - t.touch - gap);
        int tapped = stock::table(id() + ".supplier", {{tr("Kode"), 1}, {tr("Nama"), 3}, {tr("Telepon"), 1.5f}}, rows, size);
        if (tapped >= 0) {
            supplier_ = rows[size_t(tapped)][0];
            supplier_name_ = rows[size_t(tapped)][1];
        }
        if (stock::bottom_bar(app, id(), {tr("Kelola pemasok")}) == 1) app.go("stock_suppliers");
    }

    void draw_entry(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor((avail.x - gap) * 0.64f);
        float body_h = avail.y - t.touch - gap;

        ImGui::BeginChild("left", ImVec2(left_w, body_h), false, ImGuiWindowFlags_NoScrollbar);
        {
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(tr("Pemasok: {} ({})", supplier_name_, supplier_).c_str());
        }
        code_.draw(id() + ".code", tr("Pindai barcode atau ketik kode lalu Enter"), ImGui::GetContentRegionAvail().x);
        std::vector<std::vector<std::string>> rows;
        core::Money total = core::Money::rp(0);
        for (auto& l : lines_) {
            std::string qty = l.weighed && l.per_code == 1 ? qty_text(l.qty, true, l.unit)
                              : l.per_code > 1             ? fmt::format("{} x {}", l.qty, l.per_code)
                                                           : std::to_string(l.qty);
            std::string cost = l.cost ? core::format_rupiah(*l.cost) + (l.weighed ? "/kg" : "") : tr("rata-rata");
            rows.push_back({l.name, qty, cost, l.expiry.empty() ? "-" : l.expiry,
                            l.cost ? core::format_rupiah(l.total()) : "-"});
            total += l.total();
        }
        float list_h = ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 1.6f;
        int tapped = stock::table(id() + ".line",
                                  {{tr("Barang"), 3}, {tr("Jumlah"), 1.1f, true}, {tr("Harga beli"), 1.3f, true},
                                   {tr("Kedaluwarsa"), 1.5f}, {tr("Subtotal"), 1.3f, true}},
                                  rows, ImVec2(ImGui::GetContentRegionAvail().x, list_h), selected_);
        if (tapped >= 0) select(tapped, Field::Qty);
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(tr("{} baris   Total {}", lines_.size(), core::format_rupiah(total)).c_str());
        }
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("right", ImVec2(avail.x - left_w - gap, body_h), false, ImGuiWindowFlags_NoScrollbar);
        draw_pad(app);
        ImGui::EndChild();

        int b = stock::bottom_bar(app, id(), {tr("Ganti pemasok"), tr("Hapus baris"),
                                             to_supplier_ ? tr("Simpan retur") : tr("Simpan penerimaan")});
        if (b == 1) {
            supplier_.clear();
            lines_.clear();
            selected_ = -1;
        } else if (b == 2 && selected_ >= 0 && selected_ < int(lines_.size())) {
            lines_.erase(lines_.begin() + selected_);
            selected_ = -1;
        } else if (b == 3 || (shortcut(keys::F12) && !lines_.empty())) {
            post(app);
        }
    }

    void draw_pad(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        if (selected_ < 0 || selected_ >= int(lines_.size())) {
            ImGui::PushTextWrapPos(0);
            text_colored(colors::Muted, tr("Pindai barang yang datang. Ketuk satu baris untuk mengubah jumlah, harga beli atau tanggal kedaluwarsa."));
            ImGui::PopTextWrapPos();
            return;
        }
        const DraftLine& l = lines_[size_t(selected_)];
        {
            FontScope f(Font::Bold);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(l.name.c_str());
            ImGui::PopTextWrapPos();
        }
        const int nf = to_supplier_ ? 2 : 3;
        float bw = (w - gap * float(nf - 1)) / float(nf);
        const std::pair<Field, std::string> fields[] = {
            {Field::Qty, l.weighed && l.per_code == 1 ? tr("Gram") : tr("Jumlah")},
            {Field::Cost, l.weighed ? tr("Harga/kg") : tr("Harga beli")},
            {Field::Expiry, tr("Kedaluwarsa")}};
        for (int i = 0; i < nf; ++i) {
            if (i) ImGui::SameLine();
            if (big_button(fields[i].second + "##field" + std::to_string(i), ImVec2(bw, t.touch),
                           field_ == fields[i].first ? Tone::Selected : Tone::Ghost, nullptr,
                           id() + ".field." + std::to_string(i)))
                field_ = fields[i].first, pad_.clear();
        }
        std::string hint = field_ == Field::Expiry ? tr("TTTTBBHH, mis. 20271231") : tr("Ketik lalu OK");
        display_field(id() + ".pad.value", pad_, hint, w);
        PadOptions opt;
        opt.listen_keyboard = false;   // the hardware keyboard is the scanner here
        opt.double_zero = field_ == Field::Cost;
        opt.show_cancel = false;
        opt.max_len = field_ == Field::Expiry ? 8 : 12;
        auto r = keypad(id() + ".pad", pad_, ImGui::GetContentRegionAvail(), opt);
        if (r == PadResult::Ok) apply_pad(app);
    }

    // [SECTION] Posting and the result
    void post(App& app) {
        if (lines_.empty()) return app.show_error(tr("Belum ada barang. Pindai barang dulu."));
        core::ReceiveRequest req;
        req.supplier_code = supplier_;
        for (auto& l : lines_) req.lines.push_back({l.code, l.qty, l.cost, l.expiry});
        app.stock_receive(req, to_supplier_, [this, &app](const core::GoodsReceipt& doc) {
            result_ = doc;
            lines_.clear();
            selected_ = -1;
            app.show_info(to_supplier_ ? tr("Retur {} tersimpan; stok berkurang.", doc.number)
                                       : tr("Penerimaan {} tersimpan; stok dan harga pokok rata-rata diperbarui.", doc.number),
                          true);
        });
    }

    static std::string qty_of(const core::ReceiptLine& l) { return qty_text(l.qty, l.weighed, l.weighed ? "kg" : "pcs"); }

    void draw_result(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        const core::GoodsReceipt& r = *result_;
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(tr("{}  -  {} ({})", r.number, r.supplier_name, r.supplier_code).c_str());
        }
        std::vector<std::vector<std::string>> rows;
        for (auto& l : r.lines)
            rows.push_back({l.sku, l.name, qty_of(l), core::format_rupiah(l.unit_cost), l.expiry.empty() ? "-" : l.expiry,
                            core::format_rupiah(l.total()), core::format_rupiah(l.cost_before),
                            core::format_rupiah(l.cost_after)});
        float h = ImGui::GetContentRegionAvail().y - t.touch - gap - ImGui::GetTextLineHeightWithSpacing() * 1.6f;
        stock::table(id() + ".result",
                     {{tr("SKU"), 1}, {tr("Barang"), 2.6f}, {tr("Jumlah"), 1, true}, {tr("Harga"), 1.1f, true},
                      {tr("Kedaluwarsa"), 1.1f}, {tr("Subtotal"), 1.2f, true}, {tr("HPP lama"), 1.1f, true},
                      {tr("HPP baru"), 1.1f, true}},
                     rows, ImVec2(ImGui::GetContentRegionAvail().x, h));
        {
            FontScope f(Font::Large);
            ImGui::TextUnformatted(tr("Total {}", core::format_rupiah(r.total())).c_str());
        }
        int b = stock::bottom_bar(app, id() + ".done", {tr("Cetak"), tr("Ekspor"), tr("Dokumen baru")});
        if (b == 1) print(app, r);
        if (b == 2) stock::export_tables(app, r.number, {table_of(r)});
        if (b == 3) result_.reset();
    }

    core::ReportTable table_of(const core::GoodsReceipt& r) const {
        core::ReportTable t{to_supplier_ ? "retur" : "penerimaan",
                            tr("{} {} dari {}", title(), r.number, r.supplier_name),
                            {"sku", "name", "qty", "unit_cost", "expiry", "total", "cost_before", "cost_after"},
                            {},
                            {false, false, true, true, false, true, true, true}};
        for (auto& l : r.lines)
            t.rows.push_back({l.sku, l.name, std::to_string(l.qty), std::to_string(l.unit_cost.rupiah()), l.expiry,
                              std::to_string(l.total().rupiah()), std::to_string(l.cost_before.rupiah()),
                              std::to_string(l.cost_after.rupiah())});
        return t;
    }

    // The document as plain lines on the receipt printer, for the delivery folder.
    void print(App& app, const core::GoodsReceipt& r) {
        int cols = std::max(24, app.receipt_columns());
        auto two = [cols](const std::string& left, const std::string& right) {
            int pad = cols - int(left.size()) - int(right.size());
            return pad >= 1 ? left + std::string(size_t(pad), ' ') + right + "\n" : left + "\n" + std::string(size_t(std::max(0, cols - int(right.size()))), ' ') + right + "\n";
        };
        std::string s = title() + "\n" + r.number + "\n" + tr("Pemasok: {}", r.supplier_name) + "\n" + r.local_date + "\n";
        s += std::string(size_t(cols), '-') + "\n";
        for (auto& l : r.lines) {
            s += l.name + "\n";
            s += two("  " + qty_of(l) + " x " + core::format_rupiah(l.unit_cost), core::format_rupiah(l.total()));
            if (!l.expiry.empty()) s += "  " + tr("Kedaluwarsa {}", l.expiry) + "\n";
        }
        s += std::string(size_t(cols), '-') + "\n" + two(tr("TOTAL"), core::format_rupiah(r.total()));
        if (app.print_text(r.number, s)) app.show_info(tr("{} sedang dicetak.", r.number), true);
    }

    bool to_supplier_;
    std::vector<core::Supplier> suppliers_;
    std::string supplier_, supplier_name_;
    stock::CodeField code_;
    std::vector<DraftLine> lines_;
    int selected_ = -1;
    Field field_ = Field::Qty;
    std::string pad_;
    std::optional<core::GoodsReceipt> result_;
};

}  // namespace

std::unique_ptr<View> make_stock_receive_view(bool to_supplier) { return std::make_unique<StockReceiveView>(to_supplier); }

}  // namespace waserda::ui
