// The admin's settings screen: every ShopSettings value in one place, grouped in a left list.
// Each field goes through core::set_setting, so the POS accepts and refuses exactly what
// `waserda settings set KEY VALUE` does, with the same sentence. Saving is explicit (core checks
// ManageSettings; anyone else is asked for an admin's PIN); leaving with unsaved changes asks.
//
// [SECTION] Sections and fields
// [SECTION] Editing
// [SECTION] Drawing
// [SECTION] Users
// [SECTION] Leaving with unsaved changes
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/device_panel.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/screens/settings_form.hpp"
#include "pos/ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace waserda::ui {
namespace {

using core::tr;

// [SECTION] Sections and fields

struct Section {
    const char* id;
    std::string title;
};

std::vector<Section> sections() {
    return {{"shop", tr("Toko dan struk")}, {"tax", tr("Pajak (PPN)")},       {"rounding", tr("Pembulatan dan kode")},
            {"credit", tr("Kredit anggota")}, {"backup", tr("Cadangan")},       {"central", tr("Server pusat")},
            {"devices", tr("Perangkat")},     {"users", tr("Pengguna")}};
}

class SettingsView;

class UnsavedDialog final : public Dialog {
public:
    explicit UnsavedDialog(SettingsView& view) : view_(view) {}
    std::string title() const override { return tr("Perubahan belum disimpan"); }
    ImVec2 size(ImVec2 display) const override {
        const Theme& t = theme();
        return ImVec2(std::min(display.x - 40, 620 * t.scale), std::min(display.y - 40, 300 * t.scale));
    }
    bool draw(App& app) override;

private:
    SettingsView& view_;
};

class SettingsView final : public View {
public:
    SettingsView() : View("settings") {}
    std::string title() const override { return tr("Pengaturan"); }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageSettings; }
    bool in_menu() const override { return true; }

    void on_show(App& app) override {
        reset(app);
        section_ = "shop";
        users_ = app.all_users();
        pin_user_.clear();
        user_mode_.clear();
    }

    bool dirty(App& app) const {
        return core::settings_to_kv(draft_) != core::settings_to_kv(app.shop().settings()) || !token_.empty() ||
               !errors_.empty();
    }
    bool save(App& app) {
        // A refused value stops the save with the same sentence `waserda settings set` prints.
        for (auto& [key, text] : text_) {
            core::ShopSettings probe = draft_;
            if (auto st = core::set_setting(probe, key, text); !st) {
                section_ = section_of(key);
                app.show_error(st.error());
                return false;
            }
        }
        bool saved = app.save_settings(draft_, token_.empty() ? std::nullopt : std::optional<std::string>(token_));
        if (saved) {
            token_.clear();
            reset_texts(app);
        }
        return saved;
    }
    void discard(App& app) { reset(app); }

protected:
    void drawContent(App& app) override;

private:
    void reset(App& app) {
        draft_ = app.shop().settings();
        token_.clear();
        reset_texts(app);
        form_.clear();
    }
    void reset_texts(App&) {
        text_ = core::settings_to_kv(draft_);
        last_ = text_;
        errors_.clear();
    }
    static std::string section_of(const std::string& key) {
        if (key.rfind("shop.", 0) == 0 || key == "device" || key == "language" || key == "utc_offset_minutes") return "shop";
        if (key == "receipt.footer") return "shop";
        if (key.rfind("tax.", 0) == 0) return "tax";
        if (key.rfind("cash_rounding.", 0) == 0) return "rounding";
        if (key == "in_store_codes") return "rounding";
        if (key.rfind("credit.", 0) == 0) return "credit";
        if (key.rfind("backup.", 0) == 0) return "backup";
        if (key.rfind("central.", 0) == 0) return "central";
        return "devices";
    }

    // [SECTION] Editing
    // A text field for one settings key; its error (core's sentence) under it.
    void field(const std::string& key, const std::string& label, float w, FieldKind kind = FieldKind::Text,
               const std::string& placeholder = {}) {
        auto it = errors_.find(key);
        form_.field("settings." + key, label, text_[key], w, kind, placeholder, it == errors_.end() ? std::string() : it->second);
        ImGui::Dummy(ImVec2(0, theme().gap * 0.5f));
    }
    void choice(const std::string& key, const std::string& label, const std::vector<std::pair<std::string, std::string>>& options,
                float w) {
        choice_row("settings." + key, label, text_[key], options, w);
        ImGui::Dummy(ImVec2(0, theme().gap * 0.5f));
    }
    // Whatever changed this frame goes through core::set_setting into the draft.
    void apply_changes() {
        for (auto& [key, text] : text_) {
            if (last_[key] == text) continue;
            last_[key] = text;
            if (auto st = core::set_setting(draft_, key, text); !st) errors_[key] = st.error().message;
            else errors_.erase(key);
        }
    }

    void draw_section(App& app, float w);
    void draw_users(App& app, float w);

    core::ShopSettings draft_;
    std::map<std::string, std::string> text_, last_, errors_;
    std::string token_;
    std::string section_ = "shop";
    Form form_;
    // Users
    std::vector<core::User> users_;
    std::string new_name_, new_role_ = "cashier", new_pin_, new_pin2_;
    std::string pin_user_, reset_pin_, reset_pin2_;
    std::string user_mode_;   // "", "add" or "reset"
};

bool UnsavedDialog::draw(App& app) {
    const Theme& t = theme();
    wrapped(colors::Text, tr("Simpan perubahan pengaturan sebelum keluar?"));
    ImGui::Dummy(ImVec2(0, t.gap));
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float bw = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    bool keep = true;
    if (big_button(tr("Batal") + "##leave.cancel", ImVec2(bw, t.touch), Tone::Normal, "Esc", "settings.leave.cancel") ||
        key_pressed(keys::Escape))
        keep = false;
    ImGui::SameLine();
    if (big_button(tr("Buang") + "##leave.discard", ImVec2(bw, t.touch), Tone::Danger, nullptr, "settings.leave.discard")) {
        view_.discard(app);
        app.back();
        keep = false;
    }
    ImGui::SameLine();
    if (big_button(tr("Simpan") + "##leave.save", ImVec2(bw, t.touch), Tone::Ok, "Enter", "settings.leave.save") ||
        key_pressed(keys::Enter)) {
        keep = false;
        if (view_.save(app)) app.back();
    }
    return keep;
}

// [SECTION] Drawing

void SettingsView::drawContent(App& app) {
    const Theme& t = theme();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float footer = t.touch + style.ItemSpacing.y * 2 + style.WindowPadding.y;
    const float body_h = avail.y - footer;
    const bool keyboard = form_.has_active();
    // Keys stay at least 50 px wide; on a narrow screen the section list steps aside while typing.
    const float kb_min = 10 * 50.0f + 9 * style.ItemSpacing.x;
    const float kb_w = keyboard ? std::floor(std::max(kb_min, std::min(600 * t.scale, avail.x * 0.42f))) : 0.0f;
    const bool nav = !keyboard || avail.x - kb_w > 700 * t.scale;
    const float nav_w = nav ? std::floor(230 * t.scale) : 0.0f;
    const float main_w = avail.x - (nav ? nav_w + style.ItemSpacing.x : 0.0f) - (keyboard ? kb_w + style.ItemSpacing.x : 0.0f);

    if (nav) {
        ImGui::BeginChild("settings.nav", ImVec2(nav_w, body_h), false);
        for (auto& s : sections()) {
            if (big_button(s.title + "##tab" + s.id, ImVec2(nav_w, t.touch), section_ == s.id ? Tone::Selected : Tone::Ghost,
                           nullptr, std::string("settings.tab.") + s.id)) {
                section_ = s.id;
                form_.clear();
                user_mode_.clear();
                if (section_ == "users") users_ = app.all_users();
            }
        }
        ImGui::EndChild();
        ImGui::SameLine();
    }
    form_.begin();
    ImGui::BeginChild("settings.main", ImVec2(main_w, body_h), false);
    draw_section(app, ImGui::GetContentRegionAvail().x - style.ScrollbarSize);
    ImGui::EndChild();
    if (keyboard) {
        ImGui::SameLine();
        ImGui::BeginChild("settings.kb", ImVec2(kb_w, body_h), false);
        float kb_h = std::min(body_h, 5 * t.touch * 1.15f + 4 * style.ItemSpacing.y);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, body_h - kb_h));
        form_.keyboard("settings.kb", ImVec2(kb_w, kb_h));
        ImGui::EndChild();
    }
    form_.end();
    apply_changes();

    // Footer: back, undo, save.
    ImGui::Dummy(ImVec2(0, style.ItemSpacing.y));
    const bool is_dirty = dirty(app);
    float bw = std::max(200 * t.scale, avail.x * 0.18f);
    bool back = big_button(tr("Kembali") + "##settings.back", ImVec2(bw, t.touch), Tone::Normal, "Esc", "settings.back");
    ImGui::SameLine();
    if (is_dirty) {
        ImGui::AlignTextToFramePadding();
        text_colored(colors::Warning, tr("Ada perubahan yang belum disimpan."));
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 2 * bw - style.ItemSpacing.x);
    if (big_button(tr("Batalkan perubahan") + "##settings.undo", ImVec2(bw, t.touch), Tone::Ghost, nullptr, "settings.undo",
                   is_dirty))
        reset(app);
    ImGui::SameLine();
    if (big_button(tr("Simpan") + "##settings.save", ImVec2(bw, t.touch), Tone::Ok, "F12", "settings.save", is_dirty) ||
        (is_dirty && shortcut(keys::F12)))
        (void)save(app);
    if (shortcut(keys::Escape)) {
        if (form_.has_active()) form_.clear();
        else back = true;
    }
    if (back) {
        if (is_dirty) app.open_dialog(std::make_unique<UnsavedDialog>(*this));
        else app.back();
    }
}

void SettingsView::draw_section(App& app, float w) {
    const Theme& t = theme();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = std::floor((w - gap) / 2);
    // Two pieces side by side, each half as wide.
    auto pair = [&](const std::function<void(float)>& left, const std::function<void(float)>& right) {
        ImGui::BeginGroup();
        left(half);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        right(half);
        ImGui::EndGroup();
    };
    if (section_ == "shop") {
        field("shop.name", tr("Nama toko"), w);
        field("shop.address", tr("Alamat (dicetak di struk)"), w);
        pair([&](float hw) { field("shop.npwp", tr("NPWP koperasi"), hw, FieldKind::Text, "00.000.000.0-000.000"); },
             [&](float hw) { field("device", tr("Nomor kasir (awal nomor struk)"), hw, FieldKind::Text, "T01"); });
        field("receipt.footer", tr("Tulisan di bawah struk"), w);
        pair([&](float hw) { choice("language", tr("Bahasa"), {{"id", "Indonesia"}, {"en", "English"}}, hw); },
             [&](float hw) { choice("utc_offset_minutes", tr("Zona waktu"), {{"420", "WIB"}, {"480", "WITA"}, {"540", "WIT"}}, hw); });
    } else if (section_ == "tax") {
        choice("tax.pkp", tr("Koperasi PKP (memungut PPN)?"), {{"false", tr("Bukan PKP")}, {"true", tr("PKP: PPN di struk")}}, w);
        field("tax.rate_bp", tr("Tarif PPN dalam basis poin (1200 = 12%)"), half, FieldKind::Digits);
        pair([&](float hw) { field("tax.dpp_num", tr("DPP: pembilang (11 untuk 11/12)"), hw, FieldKind::Digits); },
             [&](float hw) { field("tax.dpp_den", tr("DPP: penyebut (12 untuk 11/12)"), hw, FieldKind::Digits); });
    } else if (section_ == "rounding") {
        field("cash_rounding.unit", tr("Pembulatan tunai ke kelipatan (rupiah)"), half, FieldKind::Digits, "100");
        choice("cash_rounding.mode", tr("Arah pembulatan"),
               {{"none", tr("Tanpa")}, {"nearest", tr("Terdekat")}, {"down", tr("Ke bawah")}, {"up", tr("Ke atas")}}, w);
        ImGui::Dummy(ImVec2(0, t.gap));
        field("in_store_codes", tr("Aturan kode timbangan dan kode harga toko"), w, FieldKind::Text, "20:5:weight,21:5:price");
        wrapped(colors::Muted, tr("Tiap aturan: awalan:digit barang:weight (berat gram) atau price (harga rupiah), dipisah koma. Contoh: 20:5:weight,21:5:price."));
    } else if (section_ == "credit") {
        choice("credit.mode", tr("Batas kredit anggota"),
               {{"none", tr("Tanpa kredit")}, {"fixed", tr("Tetap")}, {"percent", tr("Persen simpanan")}, {"lesser", tr("Yang terkecil")}},
               w);
        pair([&](float hw) { field("credit.fixed_limit", tr("Batas tetap (rupiah)"), hw, FieldKind::Digits); },
             [&](float hw) { field("credit.percent", tr("Persen dari simpanan pokok + wajib"), hw, FieldKind::Digits); });
        field("credit.monthly_cap", tr("Batas belanja kredit per bulan (kosong: tanpa)"), half, FieldKind::Digits);
        pair([&](float hw) { choice("credit.include_sukarela", tr("Simpanan sukarela ikut dihitung?"), {{"false", tr("Tidak")}, {"true", tr("Ya")}}, hw); },
             [&](float hw) { choice("credit.block_in_arrears", tr("Tolak kredit bila ada tunggakan?"), {{"false", tr("Tidak")}, {"true", tr("Ya")}}, hw); });
    } else if (section_ == "backup") {
        field("backup.dir", tr("Folder cadangan harian (mis. USB)"), w, FieldKind::Text, "/media/usb/cadangan");
        field("backup.keep", tr("Simpan berapa cadangan terakhir"), half, FieldKind::Digits, "7");
        wrapped(colors::Muted, tr("Kasir membuat satu cadangan sehari saat dibuka. Kosong: tanpa cadangan otomatis."));
    } else if (section_ == "central") {
        field("central.url", tr("Alamat server pusat (kosong: mandiri)"), w, FieldKind::Text, "https://pusat.koperasi.id");
        bool has_token = !app.saved_sync_token().empty();
        form_.field("settings.sync.token", tr("Token perangkat baru"), token_, w, FieldKind::Text,
                    has_token ? tr("(tersimpan; isi untuk mengganti)") : tr("dari waserda-central device add"));
        ImGui::Dummy(ImVec2(0, t.gap * 0.5f));
        auto test = app.connection_test();
        if (big_button(tr("Tes koneksi") + "##settings.test", ImVec2(half, t.touch), Tone::Normal, nullptr, "settings.test",
                       !test.running))
            app.test_connection(text_["central.url"], token_.empty() ? app.saved_sync_token() : token_);
        if (test.running || test.done)
            wrapped(test.running ? colors::Muted : test.ok ? colors::OkDark : colors::Danger, test.text);
        // The sync client follows a saved change at once (App::apply_sync_settings); what it does now:
        const SyncStatus& sync = app.state().sync;
        if (!sync.enabled)
            wrapped(colors::Muted, tr("Mandiri: penjualan tetap di kasir ini, tidak dikirim ke server pusat."));
        else if (!sync.last_error.empty())
            wrapped(colors::Danger, tr("Sinkron belum berhasil ({} menunggu kirim): {}", sync.pending, sync.last_error));
        else
            wrapped(colors::OkDark, tr("Sinkron berjalan: {} menunggu kirim.", sync.pending));
        wrapped(colors::Muted, tr("Alamat dan token yang disimpan langsung dipakai, tanpa membuka ulang program kasir."));
    } else if (section_ == "devices") {
        (void)draw_device_panel(app, draft_, "settings.devices");
    } else if (section_ == "users") {
        draw_users(app, w);
    }
}

// [SECTION] Users
// The list, or (one at a time) the new user's form or a new PIN: each acts at once through core.

void SettingsView::draw_users(App& app, float w) {
    const Theme& t = theme();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float half = std::floor((w - gap) / 2);
    auto pins = [&](const char* id, std::string& a, std::string& b) {
        ImGui::BeginGroup();
        form_.field(std::string(id) + ".pin", tr("PIN (4-8 angka)"), a, half, FieldKind::Pin);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        form_.field(std::string(id) + ".pin2", tr("Ulangi PIN"), b, half, FieldKind::Pin);
        ImGui::EndGroup();
    };
    if (user_mode_ == "reset") {
        form_title(tr("PIN baru untuk {}", pin_user_));
        pins("settings.resetpin", reset_pin_, reset_pin2_);
        if (big_button(tr("Simpan PIN") + "##resetpin", ImVec2(half, t.touch), Tone::Ok, nullptr, "settings.resetpin.save")) {
            if (reset_pin_ != reset_pin2_) app.show_error(tr("PIN kedua tidak sama dengan yang pertama. Ketik ulang."));
            else if (app.reset_pin(pin_user_, reset_pin_)) user_mode_.clear();
        }
        ImGui::SameLine();
        if (big_button(tr("Batal") + "##resetpin.cancel", ImVec2(half, t.touch), Tone::Normal, nullptr, "settings.resetpin.cancel"))
            user_mode_.clear();
        if (user_mode_.empty()) form_.clear();
        return;
    }
    if (user_mode_ == "add") {
        form_title(tr("Tambah pengguna"));
        form_.field("settings.newuser.name", tr("Nama"), new_name_, w);
        choice_row("settings.newuser.role", tr("Peran"), new_role_,
                   {{"cashier", tr("Kasir")}, {"supervisor", tr("Supervisor")}, {"manager", tr("Manajer")}, {"admin", tr("Admin")}}, w);
        pins("settings.newuser", new_pin_, new_pin2_);
        if (big_button(tr("Tambah pengguna") + "##newuser", ImVec2(half, t.touch), Tone::Ok, nullptr, "settings.newuser.add")) {
            if (new_pin_ != new_pin2_) {
                app.show_error(tr("PIN kedua tidak sama dengan yang pertama. Ketik ulang."));
            } else if (app.add_user(new_name_, *core::role_from(new_role_), new_pin_)) {
                new_name_.clear();
                new_pin_.clear();
                new_pin2_.clear();
                user_mode_.clear();
                users_ = app.all_users();
            }
        }
        ImGui::SameLine();
        if (big_button(tr("Batal") + "##newuser.cancel", ImVec2(half, t.touch), Tone::Normal, nullptr, "settings.newuser.cancel"))
            user_mode_.clear();
        if (user_mode_.empty()) form_.clear();
        return;
    }
    if (big_button(tr("Tambah pengguna") + "##newuser.open", ImVec2(half, t.touch), Tone::Primary, nullptr, "settings.newuser.open")) {
        user_mode_ = "add";
        new_role_ = "cashier";
        form_.activate("settings.newuser.name");
    }
    ImGui::BeginChild("settings.users", ImVec2(w, ImGui::GetContentRegionAvail().y), false);
    float bw = std::floor(w * 0.24f);
    for (auto& u : users_) {
        // Name and role centred on the row's buttons.
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(y + (t.touch - ImGui::GetTextLineHeight()) / 2);
        {
            FontScope f(Font::Bold);
            text_colored(u.active ? colors::Text : colors::Muted, u.name);
        }
        ImGui::SameLine(w * 0.3f);
        text_colored(colors::Muted, role_label(u.role) + (u.active ? "" : " - " + tr("nonaktif")));
        ImGui::SameLine(w - 2 * bw - gap);
        ImGui::SetCursorPosY(y);
        if (big_button(tr("Ganti PIN") + "##pin" + u.name, ImVec2(bw, t.touch), Tone::Ghost, nullptr,
                       "settings.user." + u.name + ".pin")) {
            user_mode_ = "reset";
            pin_user_ = u.name;
            reset_pin_.clear();
            reset_pin2_.clear();
            form_.activate("settings.resetpin.pin");
        }
        ImGui::SameLine();
        if (big_button((u.active ? tr("Nonaktifkan") : tr("Aktifkan")) + "##act" + u.name, ImVec2(bw, t.touch),
                       u.active ? Tone::Ghost : Tone::Normal, nullptr, "settings.user." + u.name + ".active")) {
            (void)app.set_user_active(u.name, !u.active);
            users_ = app.all_users();
        }
    }
    ImGui::EndChild();
}

}  // namespace

std::unique_ptr<View> make_settings_view() { return std::make_unique<SettingsView>(); }

}  // namespace waserda::ui
