// The settings group: the admin's settings screen and the first-run wizard, and the touch form
// pieces both use (settings_form.hpp).
//
// [SECTION] Registration
// [SECTION] Fields
// [SECTION] On-screen keyboard
// [SECTION] Choice rows and text
#include "pos/core/i18n.hpp"
#include "pos/ui/app.hpp"
#include "pos/ui/keys.hpp"
#include "pos/ui/screens/screens.hpp"
#include "pos/ui/screens/settings_form.hpp"
#include "pos/ui/widgets.hpp"

#include <algorithm>

namespace waserda::ui {

using core::tr;

// [SECTION] Registration

void add_settings_screens(App& app) {
    app.add_screen(make_settings_view());
    app.add_screen(make_wizard_view());
}

// [SECTION] Fields

void Form::begin() {
    active_text_ = nullptr;
    order_.clear();
}

void Form::field(const std::string& id, const std::string& label, std::string& text, float width, FieldKind kind,
                 const std::string& placeholder, const std::string& error) {
    {
        FontScope f(Font::Bold);
        text_colored(colors::Muted, label);
    }
    const bool active = active_ == id;
    // Free text (names, addresses, URLs, the receipt footer) in the body font, so it fits its field.
    display_field(id, text, placeholder, width, kind == FieldKind::Pin, active, kind != FieldKind::Text);
    if (ImGui::IsItemActivated()) {
        active_ = id;
        shift_ = false;
    }
    if (active_ == id) {
        active_text_ = &text;
        active_kind_ = kind;
    }
    order_.push_back(id);
    if (!error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        text_colored(colors::Danger, error);
        ImGui::PopTextWrapPos();
    }
}

void Form::type_into(const std::string& s) {
    if (!active_text_) return;
    for (char c : s) {
        if ((active_kind_ == FieldKind::Digits || active_kind_ == FieldKind::Pin) && (c < '0' || c > '9')) continue;
        if (active_kind_ == FieldKind::Pin && active_text_->size() >= 8) continue;
        if (active_text_->size() >= 200) continue;
        active_text_->push_back(c);
    }
}

void Form::end() {
    const bool fresh = fresh_;
    fresh_ = false;
    if (!active_text_) {
        // The active field is not on screen any more (another step or section).
        if (!fresh && std::find(order_.begin(), order_.end(), active_) == order_.end()) active_.clear();
        return;
    }
    if (shortcuts_blocked()) return;
    type_into(typed_text());
    if (key_pressed(keys::Backspace) && !active_text_->empty()) {
        // Whole UTF-8 characters: drop continuation bytes with their lead byte.
        while (!active_text_->empty() && (static_cast<unsigned char>(active_text_->back()) & 0xC0) == 0x80)
            active_text_->pop_back();
        if (!active_text_->empty()) active_text_->pop_back();
    }
    if (key_pressed(keys::Tab)) {
        auto it = std::find(order_.begin(), order_.end(), active_);
        if (it != order_.end() && ++it != order_.end()) active_ = *it;
        else if (!order_.empty()) active_ = order_.front();
    }
}

// [SECTION] On-screen keyboard

void Form::keyboard(const std::string& id, ImVec2 size) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float bw = (size.x - 9 * gap) / 10;
    const float bh = std::max(theme().touch, (size.y - 4 * ImGui::GetStyle().ItemSpacing.y) / 5);
    static const char* rows[4] = {"1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm./"};
    const bool digits_only = active_kind_ != FieldKind::Text;
    ImGui::PushID(id.c_str());
    FontScope f(Font::Large);
    auto key = [&](const std::string& label, const std::string& kid, float w, Tone tone = Tone::Ghost, bool enabled = true) {
        return big_button(label + "##" + kid, ImVec2(w, bh), tone, nullptr, id + "." + kid, enabled && active_text_);
    };
    for (int r = 0; r < 4; ++r) {
        std::string row = rows[r];
        if (r == 3) {
            // U+2191 (an arrow the theme's atlas has): the shift key, lit while capitals are on.
            if (key("\xE2\x86\x91", "shift", bw, shift_ ? Tone::Selected : Tone::Normal, !digits_only)) shift_ = !shift_;
            ImGui::SameLine();
        }
        for (size_t i = 0; i < row.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            char c = row[i];
            if (shift_ && c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
            std::string label(1, c);
            bool is_digit = c >= '0' && c <= '9';
            if (key(label, std::string(1, row[i]), bw, Tone::Ghost, is_digit || !digits_only)) type_into(label);
        }
    }
    for (const char* sym : {":", "@", "_", ","}) {
        if (key(sym, sym, bw, Tone::Ghost, !digits_only)) type_into(sym);
        ImGui::SameLine();
    }
    if (key(tr("Spasi"), "space", 3 * bw + 2 * gap, Tone::Ghost, !digits_only)) type_into(" ");
    ImGui::SameLine();
    if (key(tr("Hapus"), "back", 3 * bw + 2 * gap, Tone::Normal) && active_text_ && !active_text_->empty()) {
        while (!active_text_->empty() && (static_cast<unsigned char>(active_text_->back()) & 0xC0) == 0x80)
            active_text_->pop_back();
        if (!active_text_->empty()) active_text_->pop_back();
    }
    ImGui::PopID();
}

// [SECTION] Choice rows and text

bool choice_row(const std::string& id, const std::string& label, std::string& value,
                const std::vector<std::pair<std::string, std::string>>& options, float width) {
    if (!label.empty()) {
        FontScope f(Font::Bold);
        text_colored(colors::Muted, label);
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const int n = std::max<int>(1, int(options.size()));
    // All in one row when each stays >= 100 px; else 4 a row.
    const int cols = width / n >= 100 * theme().scale + gap ? n : std::min(n, 4);
    float bw = (width - (cols - 1) * gap) / cols;
    bool changed = false;
    int i = 0;
    for (auto& [v, text] : options) {
        if (i++ % cols) ImGui::SameLine();
        bool on = v == value;
        if (big_button(text + "##" + id + v, ImVec2(bw, theme().touch), on ? Tone::Selected : Tone::Ghost, nullptr,
                       id + "." + v) &&
            !on) {
            value = v;
            changed = true;
        }
    }
    return changed;
}

void form_title(const std::string& text) {
    FontScope f(Font::Large);
    ImGui::TextUnformatted(text.c_str());
}

void wrapped(unsigned int color, const std::string& text) {
    ImGui::PushTextWrapPos(0);
    text_colored(color, text);
    ImGui::PopTextWrapPos();
}

}  // namespace waserda::ui
