#include "pos/ui/widgets.hpp"

#include "pos/core/i18n.hpp"
#include "pos/core/money.hpp"
#include "pos/ui/keys.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>

namespace waserda::ui {

using core::tr;

// [SECTION] Hit registry
HitRegistry& hits() {
    static HitRegistry r;
    return r;
}

void HitRegistry::add(std::string_view id, ImVec2 min, ImVec2 max) {
    if (!enabled_) return;
    rects_[std::string(id)] = HitRect{min, max};
}

const HitRect* HitRegistry::find(std::string_view id) const {
    auto it = rects_.find(std::string(id));
    return it == rects_.end() ? nullptr : &it->second;
}

void register_last_item(std::string_view id) {
    if (!hits().enabled()) return;
    if (!ImGui::IsItemVisible()) return;
    hits().add(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

// [SECTION] Input routing
namespace {
bool g_blocked = false;
}
void set_shortcuts_blocked(bool blocked) { g_blocked = blocked; }
bool shortcuts_blocked() { return g_blocked; }

std::string role_label(core::Role role) {
    switch (role) {
        case core::Role::Cashier: return core::tr("Kasir");
        case core::Role::Supervisor: return core::tr("Supervisor");
        case core::Role::Manager: return core::tr("Manajer");
        case core::Role::Admin: return core::tr("Admin");
    }
    return {};
}
bool key_pressed(int key) { return ImGui::IsKeyPressed(key, false); }
bool shortcut(int key) { return !g_blocked && key_pressed(key); }
bool shortcut_any(int a, int b) { return shortcut(a) || shortcut(b); }

std::string typed_text() {
    std::string out;
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        if (c < 0x20 || c == 0x7f) continue;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

// [SECTION] Buttons
namespace {
struct ToneColors {
    ImU32 bg, hover, active, text;
};
ToneColors tone_colors(Tone t) {
    switch (t) {
        case Tone::Primary: return {colors::Accent, IM_COL32(35, 120, 210, 255), IM_COL32(20, 85, 160, 255), IM_COL32_WHITE};
        case Tone::Ok: return {colors::Ok, IM_COL32(56, 176, 80, 255), colors::OkDark, IM_COL32_WHITE};
        case Tone::Danger: return {colors::Danger, IM_COL32(215, 65, 65, 255), IM_COL32(160, 30, 30, 255), IM_COL32_WHITE};
        case Tone::Warning: return {colors::Warning, IM_COL32(240, 175, 40, 255), IM_COL32(200, 135, 10, 255), colors::Text};
        case Tone::Selected: return {IM_COL32(25, 105, 190, 255), IM_COL32(35, 120, 210, 255), IM_COL32(20, 85, 160, 255), IM_COL32_WHITE};
        case Tone::Ghost: return {IM_COL32(241, 244, 248, 255), IM_COL32(232, 236, 242, 255), IM_COL32(210, 218, 228, 255), colors::Text};
        case Tone::Normal: break;
    }
    return {colors::PanelDark, IM_COL32(212, 218, 228, 255), IM_COL32(185, 195, 210, 255), colors::Text};
}
}  // namespace

bool big_button(std::string_view label, ImVec2 size, Tone tone, const char* hint, std::string_view test_id,
                bool enabled) {
    const Theme& t = theme();
    if (size.y < t.touch && size.y >= 0) size.y = t.touch;
    ToneColors c = tone_colors(tone);
    ImGui::PushStyleColor(ImGuiCol_Button, c.bg);
    // A touch screen leaves the pointer where the finger was: no hover look, or the last key
    // pressed would stay lit.
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.active);
    ImGui::PushStyleColor(ImGuiCol_Text, c.text);
    // Light buttons get a border so they read as keys on a white panel.
    const bool outlined = tone == Tone::Ghost || tone == Tone::Normal;
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, outlined ? std::max(1.0f, t.scale) : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(196, 203, 213, 255));
    if (!enabled) ImGui::BeginDisabled();
    std::string lbl(label);
    bool pressed = ImGui::Button(lbl.c_str(), size);
    if (!enabled) ImGui::EndDisabled();
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar();
    register_last_item(test_id.empty() ? label : test_id);
    if (hint && *hint) {
        ImVec2 max = ImGui::GetItemRectMax();
        ImVec2 min = ImGui::GetItemRectMin();
        ImFont* f = t.font(Font::Mono);
        float fs = f->FontSize * 0.8f;
        ImVec2 ts = f->CalcTextSizeA(fs, FLT_MAX, 0, hint);
        ImVec2 pos(max.x - ts.x - 6 * t.scale, min.y + 3 * t.scale);
        ImU32 col = (c.text & 0x00FFFFFF) | (enabled ? 0xB0000000 : 0x60000000);
        ImGui::GetWindowDrawList()->AddText(f, fs, pos, col, hint);
    }
    return pressed && enabled;
}

void text_colored(ImU32 color, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void text_right(std::string_view text, float right_x) {
    float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right_x - w));
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void text_centered(std::string_view text, float width) {
    float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - w) / 2));
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void section_label(std::string_view text) {
    FontScope f(Font::Bold);
    text_colored(colors::Muted, text);
}

void display_field(std::string_view id, std::string_view text, std::string_view placeholder, float width,
                   bool masked, bool active, bool large) {
    const Theme& t = theme();
    ImFont* font = t.font(Font::Large);
    float h = std::max(t.touch, font->FontSize + 24 * t.scale);   // the same height either way
    if (!large) font = t.font(Font::Body);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), IM_COL32_WHITE, 8 * t.scale);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), active ? colors::Accent : IM_COL32(190, 196, 205, 255),
                8 * t.scale, 0, active ? 3 * t.scale : 1.5f * t.scale);
    std::string shown;
    ImU32 col = colors::Text;
    if (text.empty()) {
        shown = std::string(placeholder);
        col = IM_COL32(150, 156, 165, 255);
        font = t.font(Font::Body);
    } else if (masked) {
        for (size_t i = 0; i < text.size(); ++i) shown += "\xE2\x97\x8F ";   // U+25CF dots
        if (!shown.empty()) shown.pop_back();
    } else {
        shown = std::string(text);
    }
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str());
    dl->PushClipRect(p, ImVec2(p.x + width, p.y + h), true);
    dl->AddText(font, font->FontSize, ImVec2(p.x + 16 * t.scale, p.y + (h - ts.y) / 2), col, shown.c_str());
    if (active && !text.empty()) {
        float cx = p.x + 16 * t.scale + ts.x + 3 * t.scale;
        dl->AddLine(ImVec2(cx, p.y + 10 * t.scale), ImVec2(cx, p.y + h - 10 * t.scale), colors::Accent, 2 * t.scale);
    }
    dl->PopClipRect();
    ImGui::InvisibleButton(std::string(id).c_str(), ImVec2(width, h));
    register_last_item(id);
}

// [SECTION] Keypad and keyboard
PadResult keypad(std::string_view id, std::string& text, ImVec2 size, const PadOptions& opt) {
    PadResult result = PadResult::None;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float bw = (size.x - 2 * gap) / 3;
    const float bh = std::max(theme().touch, (size.y - 4 * gap) / 5);
    std::string sid(id);
    ImGui::PushID(sid.c_str());
    FontScope f(Font::Large);
    auto append = [&](std::string_view s) {
        if (int(text.size() + s.size()) > opt.max_len) return;
        if (text.empty() && (s == "0" || s == "000")) {
            // A leading zero means nothing for amounts; PINs may start with 0, so keep single 0s there.
            if (opt.double_zero) return;
        }
        text += s;
        result = PadResult::Changed;
    };
    static const char* rows[4][3] = {{"7", "8", "9"}, {"4", "5", "6"}, {"1", "2", "3"}, {nullptr, "0", nullptr}};
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 3; ++c) {
            if (c > 0) ImGui::SameLine();
            const char* k = rows[r][c];
            if (k) {
                if (big_button(k, ImVec2(bw, bh), Tone::Ghost, nullptr, sid + "." + k)) append(k);
            } else if (c == 0) {
                if (opt.double_zero) {
                    if (big_button("000", ImVec2(bw, bh), Tone::Ghost, nullptr, sid + ".000")) append("000");
                } else {
                    FontScope small(Font::Bold);
                    // On a narrow pad the word would be cut: "C", as on a calculator.
                    const std::string word = tr("Kosongkan");
                    const bool fits = ImGui::CalcTextSize(word.c_str()).x <= bw - 2 * ImGui::GetStyle().FramePadding.x;
                    if (big_button((fits ? word : std::string(1, 'C')) + "##clr", ImVec2(bw, bh), Tone::Ghost, nullptr,
                                   sid + ".clear")) {
                        text.clear();
                        result = PadResult::Changed;
                    }
                }
            } else {
                FontScope small(Font::Bold);
                if (big_button(tr("Hapus") + "##bs", ImVec2(bw, bh), Tone::Ghost, nullptr, sid + ".back") && !text.empty()) {
                    text.pop_back();
                    result = PadResult::Changed;
                }
            }
        }
    }
    float okw = opt.show_cancel ? (size.x - gap) / 2 : size.x;
    if (opt.show_cancel) {
        if (big_button(tr("Batal") + "##cancel", ImVec2(okw, bh), Tone::Normal, "Esc", sid + ".cancel"))
            result = PadResult::Cancel;
        ImGui::SameLine();
    }
    std::string ok = opt.ok_label ? std::string(opt.ok_label) : tr("OK");
    if (big_button(ok + "##ok", ImVec2(okw, bh), Tone::Ok, "Enter", sid + ".ok")) result = PadResult::Ok;
    ImGui::PopID();

    if (opt.listen_keyboard) {
        for (char ch : typed_text())
            if (ch >= '0' && ch <= '9') append(std::string_view(&ch, 1));
        if (key_pressed(keys::Backspace) && !text.empty()) {
            text.pop_back();
            result = PadResult::Changed;
        }
        if (key_pressed(keys::Enter) || key_pressed(keys::KeypadEnter)) result = PadResult::Ok;
        if (opt.show_cancel && key_pressed(keys::Escape)) result = PadResult::Cancel;
    }
    return result;
}

PadResult keyboard(std::string_view id, std::string& text, ImVec2 size, bool listen_keyboard) {
    PadResult result = PadResult::None;
    static const char* rows[4] = {"1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM./"};
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float bw = (size.x - 9 * gap) / 10;
    const float bh = std::max(theme().touch, (size.y - 4 * gap) / 5);
    std::string sid(id);
    ImGui::PushID(sid.c_str());
    FontScope f(Font::Large);
    for (int r = 0; r < 4; ++r) {
        std::string_view row = rows[r];
        float indent = (10 - float(row.size())) * (bw + gap) / 2;
        if (indent > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        for (size_t i = 0; i < row.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            char label[2] = {row[i], 0};
            if (big_button(label, ImVec2(bw, bh), Tone::Ghost, nullptr, sid + "." + label)) {
                // Upper case, as on the keys: member and receipt numbers are upper case, and the
                // catalog search ignores case.
                text.push_back(row[i]);
                result = PadResult::Changed;
            }
        }
    }
    float wide = 3 * bw + 2 * gap;
    if (big_button(tr("Spasi") + "##space", ImVec2(wide, bh), Tone::Ghost, nullptr, sid + ".space")) {
        text.push_back(' ');
        result = PadResult::Changed;
    }
    ImGui::SameLine();
    if (big_button(tr("Hapus") + "##bs", ImVec2(2 * bw + gap, bh), Tone::Ghost, nullptr, sid + ".back") && !text.empty()) {
        text.pop_back();
        result = PadResult::Changed;
    }
    ImGui::SameLine();
    if (big_button(tr("Batal") + "##cancel", ImVec2(2 * bw + gap, bh), Tone::Normal, "Esc", sid + ".cancel"))
        result = PadResult::Cancel;
    ImGui::SameLine();
    if (big_button(tr("Cari") + "##ok", ImVec2(3 * bw + 2 * gap, bh), Tone::Ok, "Enter", sid + ".ok"))
        result = PadResult::Ok;
    ImGui::PopID();
    if (listen_keyboard) {
        std::string typed = typed_text();
        if (!typed.empty()) {
            text += typed;
            result = PadResult::Changed;
        }
        if (key_pressed(keys::Backspace) && !text.empty()) {
            text.pop_back();
            result = PadResult::Changed;
        }
        if (key_pressed(keys::Enter) || key_pressed(keys::KeypadEnter)) result = PadResult::Ok;
        if (key_pressed(keys::Escape)) result = PadResult::Cancel;
    }
    return result;
}

// [SECTION] Formatting
std::string money(int64_t rupiah) { return core::format_rupiah(core::Money::rp(rupiah)); }

std::string qty_text(int64_t qty, bool weighed, const std::string& unit) {
    if (!weighed) return unit.empty() || unit == "pcs" ? fmt::format("{}", qty) : fmt::format("{} {}", qty, unit);
    // Grams as kilograms with an Indonesian decimal comma.
    int64_t kg = qty / 1000, g = std::abs(qty % 1000);
    return fmt::format("{}{},{:03} kg", qty < 0 && kg == 0 ? "-" : "", kg, g);
}

std::string digits_only(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

}  // namespace waserda::ui
