// Price changes with an effective date (perubahan harga) and shelf labels (label rak). A change
// dated today or earlier takes effect at once; a later one waits in the pending list and the till
// applies it on the morning of its date (App::apply_due_prices_daily). Labels are chosen item by
// item, or all items whose price changed today, and are printed on the till's receipt printer
// (through the receipts' queue: the screen follows the job and offers a retry when the printer
// fails), or saved as a label sheet (ESC/POS, with a PNG preview) and a CSV for a label program.
//
// [SECTION] Price change
// [SECTION] Pending changes and labels
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/stock_common.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace waserda::ui {
namespace {

using core::tr;

enum class Field { Price, Member, Date };

class StockPricesView final : public View {
public:
    StockPricesView() : View("stock_prices") {}
    std::string title() const override { return tr("Harga & label rak"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageItems; }
    void on_show(App& app) override {
        reload(app);
        if (date_.empty()) date_ = app.shop().today_local();
    }
    bool on_scan(App& app, const std::string& code) override {
        pick(app, code);
        return true;
    }

protected:
    void drawContent(App& app) override {
        if (!stock::service_or_say(app)) {
            stock::bottom_bar(app, "prices", {});
            return;
        }
        if (auto code = code_.poll()) pick(app, *code);
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        float left_w = std::floor((avail.x - gap) * 0.42f);
        float body_h = avail.y - t.touch - gap;
        ImGui::BeginChild("left", ImVec2(left_w, body_h), false, ImGuiWindowFlags_NoScrollbar);
        draw_change(app);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("right", ImVec2(avail.x - left_w - gap, body_h), false, ImGuiWindowFlags_NoScrollbar);
        draw_lists(app);
        ImGui::EndChild();
        int b = stock::bottom_bar(app, "prices", {tr("Label: harga berubah hari ini"), tr("Kosongkan label"), tr("Simpan label ke file"),
                                                  tr("Simpan perubahan harga")});
        if (b == 1) labels_since_ = app.shop().today_local();
        if (b == 2) label_codes_.clear(), labels_since_.clear();
        if (b == 3) make_labels(app);
        if (b == 4) schedule(app);
    }

private:
    // [SECTION] Price change
    void pick(App& app, const std::string& code) {
        auto hit = app.stock_lookup(code);
        if (!hit) return;
        item_ = hit->item;
        code_of_ = code;
        price_ = std::to_string(item_->price.rupiah());
        member_ = std::to_string(item_->member_price.rupiah());
        field_ = Field::Price;
        app.clear_banner();
    }

    void draw_change(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        code_.draw("prices.code", tr("Pindai barcode atau ketik kode lalu Enter"), w);
        if (!item_) {
            text_colored(colors::Muted, tr("Pindai barang yang harganya berubah."));
            return;
        }
        {
            FontScope f(Font::Bold);
            ImGui::TextUnformatted(item_->name.c_str());
        }
        text_colored(colors::Muted, tr("Sekarang {} / anggota {}", core::format_rupiah(item_->price),
                                       core::format_rupiah(item_->member_price)));
        float lw = 170 * t.scale;
        auto row = [&](Field f, const std::string& label, const std::string& value, const std::string& id) {
            if (big_button(label + "##" + id, ImVec2(lw, t.touch), field_ == f ? Tone::Selected : Tone::Ghost, nullptr,
                           "prices.field." + id))
                field_ = f;
            ImGui::SameLine();
            display_field("prices.value." + id, value, "", w - lw - gap, false, field_ == f);
            if (ImGui::IsItemClicked()) field_ = f;
        };
        row(Field::Price, tr("Harga umum"), price_.empty() ? "" : core::format_rupiah(core::Money::rp(std::stoll(price_))), "price");
        row(Field::Member, tr("Harga anggota"), member_.empty() ? "" : core::format_rupiah(core::Money::rp(std::stoll(member_))),
            "member");
        // The date row: its field, and quick choices beside it (the keypad keeps its full height).
        float qw = 120 * t.scale;
        if (big_button(tr("Berlaku") + "##date", ImVec2(lw, t.touch), field_ == Field::Date ? Tone::Selected : Tone::Ghost, nullptr,
                       "prices.field.date"))
            field_ = Field::Date;
        ImGui::SameLine();
        display_field("prices.value.date", field_ == Field::Date && !date_pad_.empty() ? date_pad_ : date_, "",
                      w - lw - 2 * qw - 3 * gap, false, field_ == Field::Date);
        if (ImGui::IsItemClicked()) field_ = Field::Date;
        ImGui::SameLine();
        if (big_button(tr("Hari ini") + "##today", ImVec2(qw, t.touch), Tone::Ghost, nullptr, "prices.today"))
            date_ = app.shop().today_local(), date_pad_.clear();
        ImGui::SameLine();
        if (big_button(tr("Besok") + "##tomorrow", ImVec2(qw, t.touch), Tone::Ghost, nullptr, "prices.tomorrow"))
            date_ = core::add_days(app.shop().today_local(), 1), date_pad_.clear();
        std::string& text = field_ == Field::Price ? price_ : field_ == Field::Member ? member_ : date_pad_;
        PadOptions opt;
        opt.listen_keyboard = false;
        opt.double_zero = field_ != Field::Date;
        opt.show_cancel = false;
        opt.max_len = field_ == Field::Date ? 8 : 10;
        opt.ok_label = nullptr;
        if (keypad("prices.pad", text, ImGui::GetContentRegionAvail(), opt) == PadResult::Ok && field_ == Field::Date) {
            std::string d = stock::date_from_digits(date_pad_);
            if (core::valid_date(d)) date_ = d, date_pad_.clear();
            else app.show_error(tr("Tanggal berlaku ditulis 8 angka: tahun, bulan, tanggal (20261201)."));
        }
        if (shortcut(keys::F12)) schedule(app);
    }

    void schedule(App& app) {
        if (!item_ || !app.state().user || !app.manager()) return;
        if (price_.empty()) return app.show_error(tr("Ketik harga umum yang baru."));
        core::ManagerService& m = *app.manager();
        std::optional<core::Money> member;
        if (!member_.empty()) member = core::Money::rp(std::stoll(member_));
        auto c = m.schedule_price(*app.state().user, code_of_, core::Money::rp(std::stoll(price_)), member, date_, "");
        if (!c) return app.show_error(c.error());
        if (date_ <= app.shop().today_local()) {
            // Due already: core applied it at once (the shelf and the till change now).
            app.show_info(tr("Harga {} berlaku sekarang: {}.", item_->name, core::format_rupiah(c->price)), true);
            label_codes_.push_back(code_of_);
        } else {
            app.show_info(tr("Harga {} menjadi {} mulai {}.", item_->name, core::format_rupiah(c->price), date_), true);
        }
        item_.reset();
        reload(app);
    }

    // [SECTION] Pending changes and labels
    void reload(App& app) {
        pending_.clear();
        if (!app.manager()) return;
        auto p = app.manager()->price_changes(true);
        if (!p) return app.show_error(p.error());
        pending_ = std::move(*p);
    }

    void draw_lists(App& app) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = ImGui::GetContentRegionAvail().x;
        float half = (ImGui::GetContentRegionAvail().y - 2 * ImGui::GetTextLineHeightWithSpacing() - 2 * t.touch - 3 * gap) / 2;
        section_label(tr("Perubahan harga yang menunggu tanggalnya"));
        std::vector<std::vector<std::string>> rows;
        for (auto& c : pending_)
            rows.push_back({c.effective_date, c.sku, c.name, core::format_rupiah(c.price), core::format_rupiah(c.member_price)});
        stock::table("prices.pending",
                     {{tr("Berlaku"), 1.1f}, {tr("SKU"), 1}, {tr("Barang"), 2.4f}, {tr("Harga"), 1.1f, true},
                      {tr("Anggota"), 1.1f, true}},
                     rows, ImVec2(w, half));
        section_label(labels_since_.empty() ? tr("Label rak yang akan dibuat")
                                            : tr("Label rak: yang dipilih dan yang harganya berubah sejak {}", labels_since_));
        std::vector<std::vector<std::string>> lrows;
        for (auto& c : label_codes_) lrows.push_back({c});
        int tapped = stock::table("prices.labels", {{tr("Kode (ketuk untuk membuang)"), 1}}, lrows, ImVec2(w, half));
        if (tapped >= 0) label_codes_.erase(label_codes_.begin() + tapped);
        draw_print_status(app, w);
        bool can_add = item_.has_value();
        float bw = (w - gap) / 2;
        if (big_button(tr("Tambah barang ini ke label") + "##addlabel", ImVec2(bw, t.touch), Tone::Ghost, nullptr,
                       "prices.label.add", can_add) &&
            can_add)
            label_codes_.push_back(code_of_);
        ImGui::SameLine();
        bool can_print = !label_codes_.empty() || !labels_since_.empty();
        if (big_button(tr("Cetak label") + "##printlabels", ImVec2(bw, t.touch), Tone::Primary, nullptr, "prices.labels.print",
                       can_print) &&
            can_print)
            print_labels(app);
    }

    // One line about the label sheet last sent to the printer, followed frame by frame (the queue's
    // worker prints it; this only reads the job). A failed sheet stays in the queue: Ulangi cetak.
    void draw_print_status(App& app, float w) {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        std::optional<PrintJobView> job;
        if (label_job_) {
            job = app.print_job(*label_job_);
            if (!job) label_job_.reset();
        }
        if (job && job->state != job_state_) {
            job_state_ = job->state;
            if (job->state == PrintJobState::Failed)
                app.show_error(tr("Label rak belum tercetak: {} Label menunggu di antrean; ketuk Ulangi cetak setelah printer siap.",
                                  job->error));
            else if (job->state == PrintJobState::Printed)
                app.show_info(tr("Label rak sudah tercetak."), true);
        }
        const bool failed = job && job->state == PrintJobState::Failed;
        float tw = failed ? w - 200 * t.scale - gap : w;
        ImGui::BeginChild("prices.print.status", ImVec2(tw, t.touch), false, ImGuiWindowFlags_NoScrollbar);
        std::string text = tr("Cetak label: ke printer struk, lewat antrean yang sama dengan struk.");
        ImU32 color = colors::Muted;
        if (job && job->state == PrintJobState::Waiting) text = tr("Label rak menunggu giliran di printer...");
        if (job && job->state == PrintJobState::Printing) text = tr("Mencetak label rak...");
        if (job && job->state == PrintJobState::Printed) text = tr("Label rak sudah tercetak."), color = colors::Ok;
        if (failed) text = tr("Label rak menunggu printer: {}", job->error), color = colors::Danger;
        float h = ImGui::CalcTextSize(text.c_str(), nullptr, false, tw).y;
        ImGui::SetCursorPosY(std::max(0.0f, (t.touch - h) / 2));
        ImGui::PushTextWrapPos(0.0f);
        text_colored(color, text);
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        if (failed) {
            ImGui::SameLine();
            if (big_button(tr("Ulangi cetak") + "##retrylabels", ImVec2(200 * t.scale, t.touch), Tone::Warning, nullptr,
                           "prices.labels.retry"))
                app.retry_failed_prints();
        }
    }

    // The labels chosen on the screen (by hand and changed since), or nullopt with the banner saying why.
    std::optional<std::vector<core::ShelfLabel>> chosen_labels(App& app) {
        if (label_codes_.empty() && labels_since_.empty()) {
            app.show_error(tr("Pilih barang untuk label dulu (pindai, lalu Tambah barang ini ke label)."));
            return std::nullopt;
        }
        auto labels = app.manager()->labels({label_codes_, labels_since_});
        if (!labels) {
            app.show_error(labels.error());
            return std::nullopt;
        }
        if (labels->empty()) {
            app.show_error(tr("Tidak ada barang untuk dibuatkan label."));
            return std::nullopt;
        }
        return std::move(*labels);
    }

    // On the till's printer; the list stays (to save the same sheet, or print it again).
    void print_labels(App& app) {
        auto labels = chosen_labels(app);
        if (!labels) return;
        if (auto id = app.stock_print_labels(*labels)) {
            label_job_ = *id;
            job_state_ = PrintJobState::Waiting;
        }
    }

    void make_labels(App& app) {
        auto labels = chosen_labels(app);
        if (!labels) return;
        if (app.stock_label_sheet(*labels, "label-rak-" + stock::file_stamp(app))) label_codes_.clear(), labels_since_.clear();
    }

    stock::CodeField code_;
    std::optional<core::Item> item_;
    std::string code_of_;
    std::string price_, member_, date_, date_pad_;
    Field field_ = Field::Price;
    std::vector<core::PriceChange> pending_;
    std::vector<std::string> label_codes_;
    std::string labels_since_;
    std::optional<uint64_t> label_job_;          // the sheet last sent to the printer
    PrintJobState job_state_ = PrintJobState::Waiting;
};

}  // namespace

std::unique_ptr<View> make_stock_prices_view() { return std::make_unique<StockPricesView>(); }

}  // namespace waserda::ui
