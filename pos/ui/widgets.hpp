// Touch widgets: big buttons with their shortcut shown, a numeric keypad, an on-screen keyboard,
// and the hit registry the headless tests use to tap a widget by its id.
#pragma once

#include "pos/core/user.hpp"
#include "pos/ui/theme.hpp"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace waserda::ui {

// [SECTION] Hit registry: where each tappable widget was drawn in the last frame.
struct HitRect {
    ImVec2 min, max;
    ImVec2 center() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};
class HitRegistry {
public:
    void set_enabled(bool on) { enabled_ = on; }
    bool enabled() const { return enabled_; }
    void begin_frame() { if (enabled_) rects_.clear(); }
    void add(std::string_view id, ImVec2 min, ImVec2 max);
    const HitRect* find(std::string_view id) const;
    const std::unordered_map<std::string, HitRect>& all() const { return rects_; }

private:
    bool enabled_ = false;
    std::unordered_map<std::string, HitRect> rects_;
};
HitRegistry& hits();
// Registers the last ImGui item under `id` (when a test is watching).
void register_last_item(std::string_view id);

// [SECTION] Input routing: while a dialog is open, the screen under it ignores its shortcuts.
// A role as the screens name it: Kasir, Supervisor, Manajer, Admin.
std::string role_label(core::Role role);

void set_shortcuts_blocked(bool blocked);
bool shortcuts_blocked();
// A key pressed this frame (no repeat), unless shortcuts are blocked.
bool shortcut(int key);
bool shortcut_any(int key_a, int key_b);
// Unconditional (for the dialog that owns the input).
bool key_pressed(int key);
// Characters typed this frame (keyboard-wedge scanners type here too).
std::string typed_text();

// [SECTION] Buttons
enum class Tone { Normal, Primary, Ok, Danger, Warning, Selected, Ghost };
// A large button. `hint` (e.g. "F12") is drawn small in the corner so every shortcut is visible;
// `test_id` names it in the hit registry (default: the label).
bool big_button(std::string_view label, ImVec2 size, Tone tone = Tone::Normal, const char* hint = nullptr,
                std::string_view test_id = {}, bool enabled = true);
// Text helpers.
void text_colored(ImU32 color, std::string_view text);
void text_right(std::string_view text, float right_x);
void text_centered(std::string_view text, float width);
void section_label(std::string_view text);
// A framed read-only field that shows what the keypad typed (dots when masked), in the large font;
// `large` false shows it in the body font, for free text (a footer, an address) that must fit.
void display_field(std::string_view id, std::string_view text, std::string_view placeholder, float width,
                   bool masked = false, bool active = true, bool large = true);

// [SECTION] Keypad and keyboard
enum class PadResult { None, Changed, Ok, Cancel };
struct PadOptions {
    bool listen_keyboard = true;   // also take digits/Backspace/Enter/Esc from the hardware keyboard
    bool double_zero = true;       // a "000" key for rupiah amounts
    int max_len = 12;
    const char* ok_label = nullptr;  // default "OK"
    bool show_cancel = true;
};
// Digits keypad editing `text`. Size is the whole pad.
PadResult keypad(std::string_view id, std::string& text, ImVec2 size, const PadOptions& opt = {});
// QWERTY on-screen keyboard editing `text` (letters, digits, space, dash).
PadResult keyboard(std::string_view id, std::string& text, ImVec2 size, bool listen_keyboard = true);

// [SECTION] Formatting for the screen
std::string money(int64_t rupiah);               // "Rp 12.500"
std::string qty_text(int64_t qty, bool weighed, const std::string& unit);  // "3", "1,250 kg"
std::string digits_only(std::string_view s);

}  // namespace waserda::ui
