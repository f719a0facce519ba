// The first-run set-up, shown instead of the login while nobody can log in (a new database):
// seven steps, back and next on each, every value checked by core as `waserda settings set` checks
// it. Nothing is written before "Selesai", which writes everything in one transaction
// (App::finish_setup) and shows the login.
//
// [SECTION] Steps
// [SECTION] Checking a step
// [SECTION] Drawing
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/device_panel.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/screens/settings_form.hpp"
#include "pos/ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace waserda::ui {
namespace {

using core::tr;

std::string trimmed(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

// "12", "11,5" or "11.5" percent -> basis points; nullopt when it is not a number.
std::optional<int> percent_to_bp(const std::string& text) {
    std::string t = trimmed(text);
    if (t.empty()) return std::nullopt;
    int whole = 0, frac = 0, frac_digits = 0;
    bool after = false;
    for (char c : t) {
        if (c == ',' || c == '.') {
            if (after) return std::nullopt;
            after = true;
        } else if (c >= '0' && c <= '9') {
            if (!after) {
                whole = whole * 10 + (c - '0');
                if (whole > 1000) return std::nullopt;
            } else if (frac_digits < 2) {
                frac = frac * 10 + (c - '0');
                ++frac_digits;
            }
        } else {
            return std::nullopt;
        }
    }
    if (frac_digits == 1) frac *= 10;
    return whole * 100 + frac;
}

class WizardView final : public View {
public:
    WizardView() : View("wizard") {}
    std::string title() const override { return tr("Penyiapan toko"); }

    void on_show(App& app) override {
        draft_ = core::ShopSettings{};
        lang_ = core::translator().language();
        name_.clear();
        address_.clear();
        npwp_.clear();
        pkp_ = "false";
        rate_ = "12";
        device_ = draft_.device;
        rounding_ = "100";
        rounding_mode_ = "nearest";
        admin_ = "Admin";
        pin1_.clear();
        pin2_.clear();
        central_ = "standalone";
        url_.clear();
        token_.clear();
        catalog_ = "empty";
        csv_path_.clear();
        checked_.reset();
        checked_for_.clear();
        usb_ = app.usb_csv_files();
        errors_.clear();
        form_.clear();
        step_ = 0;
    }

protected:
    void drawContent(App& app) override;

private:
    // [SECTION] Steps
    static constexpr int kSteps = 7;
    static std::string step_name(int step) {
        switch (step) {
            case 0: return tr("Bahasa dan toko");
            case 1: return tr("Pajak");
            case 2: return tr("Kasir dan pembulatan");
            case 3: return tr("Admin");
            case 4: return tr("Printer dan pemindai");
            case 5: return tr("Server pusat");
            case 6: return tr("Katalog barang");
        }
        return {};
    }

    void draw_step(App& app, float w);
    void draw_side(App& app, ImVec2 size);
    void draw_catalog_result(float w);
    bool check_step(App& app, int step);
    bool check_catalog(App& app);
    void next(App& app);
    void finish(App& app);

    // A value refused: the message under the field and in the banner.
    void refuse(App& app, const std::string& field, const std::string& message) {
        errors_[field] = message;
        app.show_error(message);
    }
    const std::string& error(const std::string& field) {
        static const std::string none;
        auto it = errors_.find(field);
        return it == errors_.end() ? none : it->second;
    }

    core::ShopSettings draft_;
    std::string lang_, name_, address_, npwp_, pkp_, rate_, device_, rounding_, rounding_mode_;
    std::string admin_, pin1_, pin2_, central_, url_, token_, catalog_, csv_path_;
    std::optional<core::ItemImport> checked_;   // the catalog as last read
    std::string checked_for_;                    // "demo" or the CSV path it was read from
    std::vector<std::string> usb_;
    std::map<std::string, std::string> errors_;
    Form form_;
    int step_ = 0;
};

// [SECTION] Checking a step
// Each value goes through core::set_setting, as `waserda settings set` does.

bool WizardView::check_step(App& app, int step) {
    errors_.clear();
    auto set = [&](const std::string& field, const std::string& key, const std::string& value,
                   const std::string& friendlier = {}) {
        auto st = core::set_setting(draft_, key, value);
        if (!st) refuse(app, field, friendlier.empty() ? st.error().message : friendlier);
        return bool(st);
    };
    switch (step) {
        case 0:
            return set("wizard.lang", "language", lang_) &&
                   set("wizard.name", "shop.name", trimmed(name_), tr("Nama toko wajib diisi.")) &&
                   set("wizard.address", "shop.address", trimmed(address_));
        case 1: {
            if (!set("wizard.npwp", "shop.npwp", trimmed(npwp_))) return false;
            if (!set("wizard.pkp", "tax.pkp", pkp_)) return false;
            if (pkp_ != "true") return true;
            if (trimmed(npwp_).empty()) {
                refuse(app, "wizard.npwp", tr("Koperasi PKP wajib mengisi NPWP."));
                return false;
            }
            auto bp = percent_to_bp(rate_);
            const std::string why = tr("Tarif PPN harus angka persen antara 0 dan 50, misalnya 12.");
            if (!bp) {
                refuse(app, "wizard.rate", why);
                return false;
            }
            return set("wizard.rate", "tax.rate_bp", std::to_string(*bp), why);
        }
        case 2:
            if (!set("wizard.device", "device", trimmed(device_))) return false;
            if (rounding_ == "1") return set("wizard.rounding", "cash_rounding.unit", "1") &&
                                         set("wizard.rounding", "cash_rounding.mode", "none");
            return set("wizard.rounding", "cash_rounding.unit", rounding_) &&
                   set("wizard.rounding_mode", "cash_rounding.mode", rounding_mode_);
        case 3: {
            if (trimmed(admin_).empty()) {
                refuse(app, "wizard.admin", tr("Nama admin wajib diisi."));
                return false;
            }
            if (auto st = core::validate_pin(pin1_); !st) {
                refuse(app, "wizard.pin1", st.error().message);
                return false;
            }
            if (pin2_ != pin1_) {
                refuse(app, "wizard.pin2", tr("PIN kedua tidak sama dengan yang pertama. Ketik ulang."));
                return false;
            }
            return true;
        }
        case 4: return true;   // the device panel keeps its own values valid
        case 5:
            if (central_ != "central") return set("wizard.url", "central.url", "");
            if (trimmed(url_).empty()) {
                refuse(app, "wizard.url", tr("Isi alamat server pusat, misalnya https://pusat.koperasi.id."));
                return false;
            }
            if (!set("wizard.url", "central.url", trimmed(url_))) return false;
            if (trimmed(token_).empty()) {
                refuse(app, "wizard.token", tr("Isi token perangkat dari server pusat (waserda-central device add)."));
                return false;
            }
            return true;
        case 6: return check_catalog(app);
    }
    return true;
}

bool WizardView::check_catalog(App& app) {
    form_.clear();   // the result (or the file's errors) shows where the keyboard was
    if (catalog_ == "empty") return true;
    std::string key = catalog_ == "demo" ? std::string("demo") : trimmed(csv_path_);
    if (catalog_ == "csv" && key.empty()) {
        refuse(app, "wizard.csv", tr("Pilih file CSV dari USB atau ketik lokasinya."));
        return false;
    }
    checked_ = app.read_catalog(catalog_ == "demo" ? App::Catalog::Demo : App::Catalog::Csv, key, draft_);
    checked_for_ = key;
    if (!checked_->problems.empty()) {
        refuse(app, "wizard.csv", tr("File itu punya {} kesalahan; tidak ada yang diimpor. Perbaiki lalu periksa lagi.",
                                     checked_->problems.size()));
        return false;
    }
    app.clear_banner();
    return true;
}

void WizardView::next(App& app) {
    if (!check_step(app, step_)) return;
    app.clear_banner();
    form_.clear();
    ++step_;
    if (step_ == 6) usb_ = app.usb_csv_files();
}

void WizardView::finish(App& app) {
    // Every step again: the draft must be whole before anything is written.
    for (int s = 0; s < kSteps; ++s) {
        if (!check_step(app, s)) {
            step_ = s;
            return;
        }
    }
    App::SetupPlan plan;
    plan.settings = draft_;
    plan.admin_name = trimmed(admin_);
    plan.admin_pin = pin1_;
    plan.sync_token = trimmed(token_);
    plan.catalog = catalog_ == "demo" ? App::Catalog::Demo : catalog_ == "csv" ? App::Catalog::Csv : App::Catalog::Empty;
    plan.csv_path = trimmed(csv_path_);
    if (app.finish_setup(plan)) {
        pin1_.clear();
        pin2_.clear();
        token_.clear();
    }
}

// [SECTION] Drawing

void WizardView::drawContent(App& app) {
    const Theme& t = theme();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImVec2 avail = ImGui::GetContentRegionAvail();

    // Header: the step and a strip of the seven.
    form_title(tr("Penyiapan toko: langkah {} dari {}", step_ + 1, kSteps) + "  " + step_name(step_));
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 p = ImGui::GetCursorScreenPos();
        float seg = (avail.x - (kSteps - 1) * 6 * t.scale) / kSteps;
        float h = 8 * t.scale;
        for (int i = 0; i < kSteps; ++i) {
            ImVec2 a(p.x + i * (seg + 6 * t.scale), p.y);
            dl->AddRectFilled(a, ImVec2(a.x + seg, a.y + h), i <= step_ ? colors::Accent : colors::PanelDark, 4 * t.scale);
        }
        ImGui::Dummy(ImVec2(avail.x, h + 4 * t.scale));
    }

    const float footer = t.touch + style.ItemSpacing.y * 2 + style.WindowPadding.y;
    float body_h = ImGui::GetContentRegionAvail().y - footer;
    // The keyboard's side keeps its keys >= 50 px wide at 1024x768.
    float right_w = std::max(10 * 50.0f + 9 * style.ItemSpacing.x, std::floor((avail.x - style.ItemSpacing.x) * 0.54f));
    float left_w = avail.x - right_w - style.ItemSpacing.x;

    form_.begin();
    if (step_ == 4) {
        // The device panel lays out its own two columns (and keyboard): it gets the whole width.
        ImGui::BeginChild("wizard.body", ImVec2(avail.x, body_h), false, ImGuiWindowFlags_NoScrollbar);
        wrapped(colors::Muted, tr("Pilih printer struk dan pemindai, lalu coba cetak. Bisa dilewati dan diatur nanti di Pengaturan > Perangkat."));
        (void)draw_device_panel(app, draft_, "wizard.devices");
        ImGui::EndChild();
    } else {
        ImGui::BeginChild("wizard.body", ImVec2(left_w, body_h), false);
        draw_step(app, ImGui::GetContentRegionAvail().x);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("wizard.side", ImVec2(right_w, body_h), false);
        draw_side(app, ImGui::GetContentRegionAvail());
        ImGui::EndChild();
    }
    form_.end();

    // Footer: back on the left, next (or finish) on the right.
    ImGui::Dummy(ImVec2(0, style.ItemSpacing.y));
    float bw = std::max(220 * t.scale, avail.x * 0.2f);
    bool back = big_button(tr("Kembali") + "##wizard.back", ImVec2(bw, t.touch), Tone::Normal, "Esc", "wizard.back", step_ > 0);
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - bw);
    bool last = step_ == kSteps - 1;
    bool go = big_button((last ? tr("Selesai") : tr("Lanjut")) + "##wizard.next", ImVec2(bw, t.touch),
                         last ? Tone::Ok : Tone::Primary, "Enter", last ? "wizard.finish" : "wizard.next");
    if (!app.dialog_open()) {
        if (key_pressed(keys::Enter) || key_pressed(keys::KeypadEnter)) go = true;
        if (key_pressed(keys::Escape)) {
            if (form_.has_active()) form_.clear();
            else back = step_ > 0;
        }
    }
    if (back && step_ > 0) {
        errors_.clear();
        app.clear_banner();
        form_.clear();
        --step_;
    } else if (go) {
        if (last) finish(app);
        else next(app);
    }
}

void WizardView::draw_step(App& app, float w) {
    const Theme& t = theme();
    auto gap = [&] { ImGui::Dummy(ImVec2(0, t.gap)); };
    switch (step_) {
        case 0:
            if (choice_row("wizard.lang", tr("Bahasa layar dan struk"), lang_,
                           {{"id", "Bahasa Indonesia"}, {"en", "English"}}, w))
                app.set_language(lang_);
            gap();
            form_.field("wizard.name", tr("Nama toko"), name_, w, FieldKind::Text, tr("mis. Waserda Koperasi Sejahtera"),
                        error("wizard.name"));
            gap();
            form_.field("wizard.address", tr("Alamat (dicetak di struk)"), address_, w, FieldKind::Text,
                        tr("jalan, kota"), error("wizard.address"));
            break;
        case 1:
            form_.field("wizard.npwp", tr("NPWP koperasi (boleh kosong)"), npwp_, w, FieldKind::Text,
                        "00.000.000.0-000.000", error("wizard.npwp"));
            gap();
            choice_row("wizard.pkp", tr("Apakah koperasi PKP (memungut PPN)?"), pkp_,
                       {{"false", tr("Bukan PKP")}, {"true", tr("PKP: PPN di struk")}}, w);
            if (pkp_ == "true") {
                gap();
                form_.field("wizard.rate", tr("Tarif PPN (%)"), rate_, w * 0.5f, FieldKind::Text, "12", error("wizard.rate"));
            }
            break;
        case 2:
            form_.field("wizard.device", tr("Nomor kasir (awal nomor struk)"), device_, w * 0.5f, FieldKind::Text, "T01",
                        error("wizard.device"));
            gap();
            choice_row("wizard.rounding", tr("Pembulatan pembayaran tunai"), rounding_,
                       {{"1", tr("Tanpa")}, {"50", "Rp 50"}, {"100", "Rp 100"}, {"500", "Rp 500"}, {"1000", "Rp 1.000"}}, w);
            if (!error("wizard.rounding").empty()) text_colored(colors::Danger, error("wizard.rounding"));
            if (rounding_ != "1") {
                gap();
                choice_row("wizard.rounding_mode", tr("Arah pembulatan"), rounding_mode_,
                           {{"nearest", tr("Terdekat")}, {"down", tr("Ke bawah")}, {"up", tr("Ke atas")}}, w);
            }
            break;
        case 3:
            form_.field("wizard.admin", tr("Nama admin"), admin_, w, FieldKind::Text, "Admin", error("wizard.admin"));
            gap();
            form_.field("wizard.pin1", tr("PIN admin (4-8 angka)"), pin1_, w, FieldKind::Pin, tr("PIN"), error("wizard.pin1"));
            gap();
            form_.field("wizard.pin2", tr("Ulangi PIN"), pin2_, w, FieldKind::Pin, tr("PIN sekali lagi"), error("wizard.pin2"));
            break;
        case 5: {
            choice_row("wizard.mode", tr("Cara kerja kasir ini"), central_,
                       {{"standalone", tr("Mandiri")}, {"central", tr("Dengan server pusat")}}, w);
            gap();
            if (central_ != "central") {
                wrapped(colors::Muted, tr("Mandiri: semua data tetap di komputer ini. Server pusat bisa diatur nanti di Pengaturan."));
                break;
            }
            form_.field("wizard.url", tr("Alamat server pusat"), url_, w, FieldKind::Text, "https://pusat.koperasi.id",
                        error("wizard.url"));
            gap();
            form_.field("wizard.token", tr("Token perangkat"), token_, w, FieldKind::Text, tr("dari waserda-central device add"),
                        error("wizard.token"));
            gap();
            auto test = app.connection_test();
            if (big_button(tr("Tes koneksi") + "##wizard.test", ImVec2(w * 0.5f, t.touch), Tone::Normal, nullptr,
                           "wizard.test", !test.running))
                app.test_connection(trimmed(url_), trimmed(token_));
            if (test.running || test.done)
                wrapped(test.running ? colors::Muted : test.ok ? colors::OkDark : colors::Danger, test.text);
            break;
        }
        case 6: {
            std::string before = catalog_;
            choice_row("wizard.catalog", tr("Mulai dengan katalog"), catalog_,
                       {{"empty", tr("Kosong")}, {"demo", tr("Contoh")}, {"csv", tr("Impor CSV")}}, w);
            if (catalog_ != before) {
                checked_.reset();
                errors_.clear();
                app.clear_banner();
                if (catalog_ == "demo") (void)check_catalog(app);
            }
            gap();
            if (catalog_ == "empty") {
                wrapped(colors::Muted, tr("Barang ditambahkan nanti: waserda item add, waserda item import, atau dari server pusat."));
            } else if (catalog_ == "demo") {
                wrapped(colors::Muted, tr("Katalog contoh: barang sembako, minuman dan kebutuhan harian dengan harga dan stok awal. Harga bisa diubah nanti."));
            } else {
                form_.field("wizard.csv", tr("File CSV barang"), csv_path_, w, FieldKind::Text, "/media/usb/barang.csv",
                            error("wizard.csv"));
                if (big_button(tr("Periksa file") + "##wizard.csv.check", ImVec2(w * 0.5f, t.touch), Tone::Normal, nullptr,
                               "wizard.csv.check"))
                    (void)check_catalog(app);
                ImGui::SameLine();
                if (big_button(tr("Cari di USB") + "##wizard.usb.scan", ImVec2(w * 0.5f - ImGui::GetStyle().ItemSpacing.x, t.touch),
                               Tone::Ghost, nullptr, "wizard.usb.scan"))
                    usb_ = app.usb_csv_files();
                gap();
                section_label(usb_.empty() ? tr("Tidak ada file CSV di USB.") : tr("File CSV di USB:"));
                for (size_t i = 0; i < usb_.size() && i < 6; ++i) {
                    if (big_button(usb_[i] + "##usb" + std::to_string(i), ImVec2(w, t.touch),
                                   usb_[i] == csv_path_ ? Tone::Selected : Tone::Ghost, nullptr,
                                   "wizard.usb." + std::to_string(i))) {
                        csv_path_ = usb_[i];
                        (void)check_catalog(app);
                    }
                }
            }
            break;
        }
    }
}

void WizardView::draw_catalog_result(float w) {
    if (!checked_) return;
    if (checked_->problems.empty()) {
        FontScope f(Font::Bold);
        wrapped(colors::OkDark, tr("{} barang siap diimpor.", checked_->items.size()));
        return;
    }
    {
        FontScope f(Font::Bold);
        wrapped(colors::Danger, tr("{} kesalahan; tidak ada yang akan diimpor:", checked_->problems.size()));
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    int i = 0;
    for (auto& p : checked_->problems) {
        std::string line = p.line > 0 && !p.column.empty() ? tr("baris {}, kolom {}: {}", p.line, p.column, p.message)
                           : p.line > 0                     ? tr("baris {}: {}", p.line, p.message)
                                                            : p.message;
        text_colored(colors::Danger, line);
        register_last_item("wizard.problem." + std::to_string(i++));
    }
    ImGui::PopTextWrapPos();
}

void WizardView::draw_side(App& app, ImVec2 size) {
    const Theme& t = theme();
    (void)app;
    if (form_.has_active()) {
        // The keyboard sits at the bottom of the side, under the step's notes.
        float kb_h = std::min(size.y, 5 * t.touch * 1.15f + 4 * ImGui::GetStyle().ItemSpacing.y);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, size.y - kb_h));
        form_.keyboard("wizard.kb", ImVec2(size.x, kb_h));
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::Panel);
    ImGui::BeginChild("wizard.help", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    switch (step_) {
        case 0:
            wrapped(colors::Text, tr("Selamat datang. Beberapa langkah ini menyiapkan kasir untuk toko Anda; tidak ada yang disimpan sebelum Anda menekan Selesai di langkah terakhir."));
            ImGui::Dummy(ImVec2(0, t.gap));
            wrapped(colors::Muted, tr("Ketuk sebuah kolom lalu ketik dengan keyboard di layar atau keyboard biasa. Semua ini bisa diubah nanti di menu Pengaturan."));
            break;
        case 1:
            wrapped(colors::Text, tr("Harga di rak sudah termasuk PPN. Koperasi PKP mencetak DPP dan PPN di setiap struk; yang bukan PKP tidak."));
            break;
        case 2:
            wrapped(colors::Text, tr("Nomor kasir membedakan struk tiap mesin (T01-20261122-0007). Setiap kasir di toko yang sama harus punya nomor sendiri."));
            ImGui::Dummy(ImVec2(0, t.gap));
            wrapped(colors::Muted, tr("Pembulatan hanya berlaku untuk bagian yang dibayar tunai."));
            break;
        case 3:
            wrapped(colors::Text, tr("Admin mengatur toko, pengguna dan pengaturan. Kasir lain ditambahkan nanti di Pengaturan > Pengguna."));
            ImGui::Dummy(ImVec2(0, t.gap));
            wrapped(colors::Muted, tr("PIN disimpan teracak; tidak ada yang bisa membacanya kembali."));
            break;
        case 5:
            wrapped(colors::Text, tr("Dengan server pusat, setiap penjualan dikirim ke kantor koperasi saat ada internet. Toko tetap bisa berjualan tanpa internet; tidak ada yang hilang."));
            break;
        case 6:
            if (catalog_ == "csv" || catalog_ == "demo") draw_catalog_result(ImGui::GetContentRegionAvail().x);
            if (!checked_)
                wrapped(colors::Muted, tr("File CSV: satu barang per baris, dengan kolom sku, name, price dan lainnya seperti hasil waserda item export. Semua baris diimpor, atau tidak sama sekali."));
            break;
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

std::unique_ptr<View> make_wizard_view() { return std::make_unique<WizardView>(); }

}  // namespace waserda::ui
