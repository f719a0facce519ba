// The device panel (printer, profile, paper, logo, footer, drawer, scanner, test print, what is
// plugged in) and the admin's "settings.devices" screen around it. The panel edits a draft: every
// field is checked by core::set_setting as it is typed (the sentence shows under the field and the
// draft keeps its last good value); the caller saves. Listing devices and printing are App intents.
//
// [SECTION] Panel state: the draft as texts
// [SECTION] Printer column
// [SECTION] Scanner column and devices found
// [SECTION] The devices screen
#include "pos/ui/screens/device_panel.hpp"

#include "drivers/escpos/profile.hpp"
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/settings_form.hpp"
#include "pos/ui/widgets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace waserda::ui {
namespace {

using core::tr;

// [SECTION] Panel state: the draft as texts

// "usb:0416:5011" -> ("usb", "0416:5011"); "" (the default virtual printer) -> ("virtual", "").
std::pair<std::string, std::string> split_spec(const std::string& spec, const std::string& fallback_kind) {
    if (spec.empty()) return {fallback_kind, ""};
    auto colon = spec.find(':');
    if (colon == std::string::npos) return {spec, ""};
    return {spec.substr(0, colon), spec.substr(colon + 1)};
}

std::string join_spec(const std::string& kind, const std::string& detail) {
    if (kind == "keyboard") return kind;
    if (kind == "virtual" && detail.empty()) return "";   // beside the database
    if (kind == "usb" && detail.empty()) return "usb";     // the first printer/scanner found
    return kind + ":" + detail;
}

struct PanelState {
    Form form;
    std::map<std::string, std::string> synced;   // the draft's device keys when the texts were made
    std::string printer_kind, printer_detail, scanner_kind, scanner_detail;
    std::string logo, footer, prefix, suffix, paper, profile;
    std::map<std::string, std::string> errors;   // settings key -> sentence
    int last_frame = -10;                        // ImGui frame it was last drawn in
};

const char* const kDeviceKeys[] = {"printer", "printer.profile", "printer.paper", "receipt.logo", "receipt.footer",
                                   "scanner", "scanner.prefix", "scanner.suffix", "drawer.enabled"};

std::map<std::string, std::string> device_kv(const core::ShopSettings& s) {
    auto all = core::settings_to_kv(s);
    std::map<std::string, std::string> out;
    for (const char* k : kDeviceKeys) out[k] = all[k];
    return out;
}

void load_texts(PanelState& p, const core::ShopSettings& s) {
    p.synced = device_kv(s);
    std::tie(p.printer_kind, p.printer_detail) = split_spec(s.printer, "virtual");
    std::tie(p.scanner_kind, p.scanner_detail) = split_spec(s.scanner, "keyboard");
    p.logo = s.receipt_logo;
    p.footer = s.receipt_footer;
    p.prefix = s.scanner_prefix;
    p.suffix = s.scanner_suffix;
    p.paper = std::to_string(s.paper_mm);
    p.profile = s.printer_profile;
    p.errors.clear();
}

// Puts one text into the draft when core accepts it; else its sentence shows under the field.
bool put(PanelState& p, core::ShopSettings& draft, const std::string& key, const std::string& value) {
    auto kv = core::settings_to_kv(draft);
    if (kv[key] == value) {
        p.errors.erase(key);
        return false;
    }
    if (auto st = core::set_setting(draft, key, value); !st) {
        p.errors[key] = st.error().message;
        return false;
    }
    p.errors.erase(key);
    return true;
}

std::string error_of(const PanelState& p, const std::string& key) {
    auto it = p.errors.find(key);
    return it == p.errors.end() ? std::string() : it->second;
}

ImU32 dot_color(DeviceState s) {
    switch (s) {
        case DeviceState::Ready: return colors::Ok;
        case DeviceState::Working: return colors::Accent;
        case DeviceState::Warning: return colors::Warning;
        case DeviceState::Problem: return colors::Danger;
        case DeviceState::Absent: break;
    }
    return colors::Muted;
}

// A coloured dot and the device's sentence, wrapped to the column.
void status_line(const std::string& what, const DeviceStatus& s) {
    const Theme& t = theme();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = 7 * t.scale;
    float line_h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + line_h / 2), r, dot_color(s.state));
    ImGui::SetCursorScreenPos(ImVec2(p.x + 3 * r, p.y));
    ImGui::PushTextWrapPos(0);
    {
        FontScope f(Font::Bold);
        ImGui::TextUnformatted(what.c_str());
    }
    ImGui::SameLine();
    text_colored(s.state == DeviceState::Problem ? colors::Danger : colors::Text, s.text);
    ImGui::PopTextWrapPos();
}

std::vector<std::string> profile_choices() {
    std::vector<std::string> out = {"auto", "generic"};
    for (const auto& p : drivers::PrinterProfiles::installed().all())
        if (p.id != "generic-58" && p.id != "generic-80") out.push_back(p.id);
    return out;
}

std::string profile_label(const std::string& id) {
    if (id == "auto") return tr("Otomatis (dari USB)");
    if (id == "generic") return tr("Umum (ESC/POS)");
    if (const auto* p = drivers::PrinterProfiles::installed().find(id)) return p->name;
    return id;
}

// [SECTION] Printer column

bool draw_printer_column(App& app, PanelState& p, core::ShopSettings& draft, const std::string& id, float w) {
    const Theme& t = theme();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    bool changed = false;
    section_label(tr("Printer struk"));

    std::string kind = p.printer_kind;
    if (choice_row(id + ".printer", tr("Sambungan"), kind,
                   {{"usb", tr("USB")}, {"tcp", tr("Jaringan")}, {"file", tr("Berkas /dev")}, {"virtual", tr("Virtual")}}, w)) {
        p.printer_kind = kind;
        // A sensible start for each kind; the field below refines it.
        if (kind == "file") p.printer_detail = "/dev/usb/lp0";
        else if (kind == "tcp") p.printer_detail = "192.168.1.50:9100";
        else p.printer_detail.clear();
        p.form.activate(kind == "tcp" || kind == "file" ? id + ".printer.detail" : std::string());
    }
    std::string placeholder = p.printer_kind == "usb"       ? tr("VID:PID, kosong = printer USB pertama")
                              : p.printer_kind == "tcp"     ? tr("ALAMAT[:PORT], mis. 192.168.1.50:9100")
                              : p.printer_kind == "file"    ? "/dev/usb/lp0"
                                                            : tr("folder; kosong = receipts di samping database");
    p.form.field(id + ".printer.detail", tr("Alamat printer"), p.printer_detail, w, FieldKind::Text, placeholder,
                 error_of(p, "printer"));
    changed |= put(p, draft, "printer", join_spec(p.printer_kind, p.printer_detail));

    // Paper width and profile side by side.
    const float half = (w - gap) / 2;
    ImGui::BeginGroup();
    std::string paper = p.paper;
    if (choice_row(id + ".paper", tr("Lebar kertas"), paper, {{"58", "58 mm"}, {"80", "80 mm"}}, half)) {
        p.paper = paper;
        changed |= put(p, draft, "printer.paper", paper);
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    {
        FontScope f(Font::Bold);
        text_colored(colors::Muted, tr("Profil printer"));
    }
    auto choices = profile_choices();
    auto it = std::find(choices.begin(), choices.end(), p.profile);
    int index = it == choices.end() ? 0 : int(it - choices.begin());
    const float step_w = t.touch;
    if (big_button("<##" + id + ".profile.prev", ImVec2(step_w, t.touch), Tone::Normal, nullptr, id + ".profile.prev"))
        index = (index + int(choices.size()) - 1) % int(choices.size());
    ImGui::SameLine();
    big_button(profile_label(choices[size_t(index)]) + "##" + id + ".profile", ImVec2(half - 2 * step_w - 2 * gap, t.touch),
               Tone::Selected, nullptr, id + ".profile");
    ImGui::SameLine();
    if (big_button(">##" + id + ".profile.next", ImVec2(step_w, t.touch), Tone::Normal, nullptr, id + ".profile.next"))
        index = (index + 1) % int(choices.size());
    ImGui::EndGroup();
    if (choices[size_t(index)] != p.profile) {
        p.profile = choices[size_t(index)];
        changed |= put(p, draft, "printer.profile", p.profile);
    }
    if (auto e = error_of(p, "printer.profile"); !e.empty()) wrapped(colors::Danger, e);

    // Logo and footer.
    const float logo_w = std::floor(w * 0.4f);
    ImGui::BeginGroup();
    p.form.field(id + ".logo", tr("Logo (PNG)"), p.logo, logo_w, FieldKind::Text, tr("kosong = tanpa logo"),
                 error_of(p, "receipt.logo"));
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    p.form.field(id + ".footer", tr("Catatan kaki struk"), p.footer, w - logo_w - gap, FieldKind::Text,
                 tr("mis. Terima kasih atas kunjungan Anda"));
    ImGui::EndGroup();
    changed |= put(p, draft, "receipt.logo", p.logo);
    changed |= put(p, draft, "receipt.footer", p.footer);

    // Test print, drawer on/off, drawer test.
    const float third = (w - 2 * gap) / 3;
    if (big_button(tr("Cetak percobaan") + "##" + id, ImVec2(third, t.touch), Tone::Primary, nullptr, id + ".test_print"))
        app.test_print(draft);
    ImGui::SameLine();
    std::string drawer_text = draft.drawer_enabled ? tr("Laci uang: aktif") : tr("Laci uang: mati");
    if (big_button(drawer_text + "##" + id + ".drawer", ImVec2(third, t.touch), draft.drawer_enabled ? Tone::Selected : Tone::Ghost,
                   nullptr, id + ".drawer"))
        changed |= put(p, draft, "drawer.enabled", draft.drawer_enabled ? "false" : "true");
    ImGui::SameLine();
    if (big_button(tr("Tes laci") + "##" + id, ImVec2(third, t.touch), Tone::Normal, nullptr, id + ".test_drawer",
                   draft.drawer_enabled))
        app.test_drawer(draft);
    status_line(tr("Printer:"), app.panel_printer_status());
    return changed;
}

// [SECTION] Scanner column and devices found

bool draw_scanner_column(App& app, PanelState& p, core::ShopSettings& draft, const std::string& id, float w) {
    const Theme& t = theme();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    bool changed = false;
    section_label(tr("Pemindai barcode"));
    std::string kind = p.scanner_kind;
    if (choice_row(id + ".scanner", tr("Sambungan"), kind,
                   {{"keyboard", tr("Keyboard")}, {"usb", tr("USB")}, {"serial", tr("Serial")}}, w)) {
        p.scanner_kind = kind;
        p.scanner_detail = kind == "serial" ? "/dev/ttyACM0" : "";
    }
    const float detail_w = std::floor(w * 0.5f);
    const float affix_w = (w - detail_w - 2 * gap) / 2;
    ImGui::BeginGroup();
    if (p.scanner_kind == "keyboard") {
        {
            FontScope f(Font::Bold);
            text_colored(colors::Muted, tr("Alamat pemindai"));
        }
        display_field(id + ".scanner.none", "", tr("tidak perlu"), detail_w, false, false);
    } else {
        p.form.field(id + ".scanner.detail", tr("Alamat pemindai"), p.scanner_detail, detail_w, FieldKind::Text,
                     p.scanner_kind == "usb" ? tr("VID:PID, kosong = otomatis") : "/dev/ttyACM0");
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    p.form.field(id + ".prefix", tr("Awalan"), p.prefix, affix_w);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    p.form.field(id + ".suffix", tr("Akhiran"), p.suffix, affix_w);
    ImGui::EndGroup();
    changed |= put(p, draft, "scanner", join_spec(p.scanner_kind, p.scanner_detail));
    changed |= put(p, draft, "scanner.prefix", p.prefix);
    changed |= put(p, draft, "scanner.suffix", p.suffix);
    for (const char* key : {"scanner", "scanner.prefix", "scanner.suffix"})
        if (auto e = error_of(p, key); !e.empty()) wrapped(colors::Danger, e);

    if (p.form.has_active()) {
        // Typing: the keyboard takes the rest of the column.
        float kb_h = ImGui::GetContentRegionAvail().y - t.touch - ImGui::GetStyle().ItemSpacing.y;
        p.form.keyboard(id + ".kb", ImVec2(w, std::max(kb_h, 5 * t.touch)));
        if (big_button(tr("Selesai mengetik") + "##" + id, ImVec2(w, t.touch), Tone::Normal, nullptr, id + ".kb.done"))
            p.form.clear();
        return changed;
    }

    status_line(tr("Pemindai:"), app.state().scanner);
    const auto& scan = app.last_test_scan();
    if (scan.code.empty())
        wrapped(colors::Muted, tr("Tes pemindai: pindai sebuah barcode sekarang; kodenya muncul di sini."));
    else
        wrapped(colors::OkDark, tr("Terbaca: {} (dari {})", scan.code, scan.source));

    // What is plugged in, listed on request.
    ImGui::Dummy(ImVec2(0, gap / 2));
    const float find_w = std::floor(w * 0.42f);
    {
        FontScope f(Font::Bold);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("Perangkat terdeteksi").c_str());
    }
    ImGui::SameLine(w - find_w);
    if (big_button(tr("Cari perangkat") + "##" + id, ImVec2(find_w, t.touch), Tone::Normal, nullptr, id + ".find"))
        app.scan_devices();
    const auto& list = app.device_list();
    float list_h = ImGui::GetContentRegionAvail().y;
    ImGui::BeginChild((id + ".found").c_str(), ImVec2(w, list_h), true);
    if (!app.devices_scanned()) wrapped(colors::Muted, tr("Tekan Cari perangkat untuk melihat printer dan pemindai yang tersambung."));
    else if (list.devices.empty()) wrapped(colors::Muted, tr("Tidak ada printer atau pemindai yang ditemukan."));
    if (!list.error.empty()) wrapped(colors::Danger, list.error);
    const float row_w = ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < list.devices.size(); ++i) {
        const auto& d = list.devices[i];
        std::string label = (d.printer ? tr("Printer") : tr("Pemindai")) + ": " + d.label;
        if (!d.problem.empty()) label += " - " + d.problem;
        bool usable = !d.spec.empty();
        if (big_button(label + "##" + id + ".found." + std::to_string(i), ImVec2(row_w, t.touch), Tone::Ghost, nullptr,
                       fmt::format("{}.found.result.{}", id, i), usable)) {
            if (d.printer) {
                std::tie(p.printer_kind, p.printer_detail) = split_spec(d.spec, "usb");
                changed |= put(p, draft, "printer", d.spec);
                p.profile = "auto";
                changed |= put(p, draft, "printer.profile", "auto");
            } else {
                std::tie(p.scanner_kind, p.scanner_detail) = split_spec(d.spec, "usb");
                changed |= put(p, draft, "scanner", d.spec);
            }
        }
    }
    ImGui::EndChild();
    return changed;
}

std::map<std::string, PanelState>& panels() {
    static std::map<std::string, PanelState> states;   // UI thread only, one per id prefix
    return states;
}

}  // namespace

bool draw_device_panel(App& app, core::ShopSettings& draft, const char* id_prefix) {
    const std::string id = id_prefix;
    PanelState& p = panels()[id];
    app.device_panel_shown();   // scans go to its scanner test while it is up, logged in or not
    // Shown again (another screen, step or section was up), or the draft changed behind the
    // panel's back (a new draft, saved elsewhere): start from the draft, nobody typing.
    if (p.last_frame != ImGui::GetFrameCount() - 1) {
        load_texts(p, draft);
        p.form.clear();
    } else if (p.synced != device_kv(draft)) {
        load_texts(p, draft);
    }
    p.last_frame = ImGui::GetFrameCount();
    p.form.begin();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x * 3;
    // While typing, the scanner column holds the on-screen keyboard: wider, so its keys stay >= 48 px at 1024x768.
    const float left_w = std::floor((avail.x - gap) * (p.form.has_active() ? 0.4f : 0.55f));
    bool changed = false;
    ImGui::BeginChild((id + ".left").c_str(), ImVec2(left_w, avail.y), false, ImGuiWindowFlags_NoScrollbar);
    changed |= draw_printer_column(app, p, draft, id, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild((id + ".right").c_str(), ImVec2(avail.x - left_w - gap, avail.y), false, ImGuiWindowFlags_NoScrollbar);
    changed |= draw_scanner_column(app, p, draft, id, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    p.form.end();
    p.synced = device_kv(draft);
    return changed;
}

// [SECTION] The devices screen

namespace {

class DevicesView final : public View {
public:
    DevicesView() : View("settings.devices") {}
    std::string title() const override { return tr("Perangkat"); }
    bool in_menu() const override { return true; }
    std::optional<core::Permission> permission() const override { return core::Permission::ManageSettings; }
    void on_show(App& app) override { draft_ = app.shop().settings(); }
    // Any scanner's code while this screen is up is a scanner test, not a sale.
    bool on_scan(App& app, const std::string& code) override {
        app.record_test_scan(code);
        return true;
    }

protected:
    void drawContent(App& app) override {
        const Theme& t = theme();
        const float gap = ImGui::GetStyle().ItemSpacing.y;
        ImVec2 avail = ImGui::GetContentRegionAvail();
        ImGui::BeginChild("devices.body", ImVec2(avail.x, avail.y - t.touch - gap), false, ImGuiWindowFlags_NoScrollbar);
        (void)draw_device_panel(app, draft_, "devices");
        ImGui::EndChild();
        const float bw = std::floor(avail.x * 0.25f);
        const bool dirty = core::settings_to_kv(draft_) != core::settings_to_kv(app.shop().settings());
        if (big_button(tr("Kembali") + "##devices", ImVec2(bw, t.touch), Tone::Normal, "Esc", "devices.back") ||
            (shortcut(keys::Escape) && !dirty))
            app.back();
        ImGui::SameLine(avail.x - bw);
        if (big_button(tr("Simpan") + "##devices", ImVec2(bw, t.touch), dirty ? Tone::Ok : Tone::Ghost, nullptr, "devices.save"))
            (void)app.apply_device_settings(draft_);
    }

private:
    core::ShopSettings draft_;
};

}  // namespace

void add_device_screens(App& app) { app.add_screen(std::make_unique<DevicesView>()); }

}  // namespace waserda::ui
