// Touch form pieces shared by the first-run wizard and the admin's settings screen: text fields
// (tap one, then type on the on-screen keyboard or a real one), choice rows, and the keyboard.
#pragma once

#include "pos/ui/view.hpp"

#include <imgui.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace waserda::ui {

enum class FieldKind { Text, Digits, Pin };

class Form {
public:
    // Call before the fields of a frame.
    void begin();
    // A labelled field `width` wide; tapping it makes it the one the keyboards type into.
    // `error` (one sentence) is shown under it in red.
    void field(const std::string& id, const std::string& label, std::string& text, float width,
               FieldKind kind = FieldKind::Text, const std::string& placeholder = {}, const std::string& error = {});
    // Call after the fields: the hardware keyboard types into the active field; Tab moves on.
    void end();
    // The on-screen keyboard for the active field (lower and upper case, digits, . , - / : @ _).
    void keyboard(const std::string& id, ImVec2 size);

    bool has_active() const { return !active_.empty(); }
    const std::string& active() const { return active_; }
    // Makes `id` the field typed into, even before it is first drawn (next frame).
    void activate(const std::string& id) {
        active_ = id;
        fresh_ = true;
    }
    void clear() { active_.clear(); }

private:
    void type_into(const std::string& s);

    std::string active_;
    std::string* active_text_ = nullptr;
    FieldKind active_kind_ = FieldKind::Text;
    std::vector<std::string> order_;
    bool shift_ = false;
    bool fresh_ = false;   // activated this frame: not drawn yet, keep it
};

// A labelled row of buttons, one per (value, label); the one equal to `value` is lit. Tapping one
// sets `value`. Test ids: "<id>.<value>". True when it changed.
bool choice_row(const std::string& id, const std::string& label, std::string& value,
                const std::vector<std::pair<std::string, std::string>>& options, float width);

// The screens of settings_screens.cpp's group.
std::unique_ptr<View> make_wizard_view();     // wizard_view.cpp: the first-run set-up
std::unique_ptr<View> make_settings_view();   // settings_view.cpp: the admin's settings

// A title line in the large font.
void form_title(const std::string& text);
// Wrapped text in a colour.
void wrapped(unsigned int color, const std::string& text);

}  // namespace waserda::ui
