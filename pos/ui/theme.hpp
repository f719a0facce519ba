// Look and feel: fonts, colours and sizes for a touchscreen. Everything scales with one factor
// chosen from the window size, so 1024x768 and 1920x1080 keep the same proportions.
#pragma once

#include <imgui.h>

#include <string>

namespace waserda::ui {

enum class Font { Body, Bold, Large, Huge, Mono };

struct Theme {
    float scale = 1.0f;
    float touch = 56.0f;       // the smallest tappable height (>= 48 px at every scale)
    float gap = 8.0f;
    float status_bar = 48.0f;
    ImFont* fonts[5] = {};

    ImFont* font(Font f) const { return fonts[static_cast<int>(f)]; }
};

// The theme in use (one window per process).
Theme& theme();

// The scale for a window: 1.0 at 1366x768, smaller on 1024x768, larger on full HD.
float scale_for(int width, int height);

// Loads DejaVu Sans, Sans Bold and Sans Mono from assets/fonts into the atlas at `scale` and sets
// the style. Returns false (and keeps ImGui's built-in font) when the fonts are missing.
bool load_theme(const std::string& assets_dir, float scale);

// Colours that carry meaning, used by the screens.
namespace colors {
inline constexpr ImU32 Ok = IM_COL32(46, 160, 67, 255);
inline constexpr ImU32 OkDark = IM_COL32(30, 120, 50, 255);
inline constexpr ImU32 Danger = IM_COL32(200, 45, 45, 255);
inline constexpr ImU32 Warning = IM_COL32(230, 160, 20, 255);
inline constexpr ImU32 Accent = IM_COL32(25, 105, 190, 255);
inline constexpr ImU32 Panel = IM_COL32(245, 246, 248, 255);
inline constexpr ImU32 PanelDark = IM_COL32(226, 230, 236, 255);
inline constexpr ImU32 Text = IM_COL32(25, 28, 33, 255);
inline constexpr ImU32 Muted = IM_COL32(95, 102, 112, 255);
inline constexpr ImU32 StatusBar = IM_COL32(33, 41, 54, 255);
inline constexpr ImU32 Highlight = IM_COL32(255, 243, 191, 255);
}  // namespace colors

// RAII font push.
class FontScope {
public:
    explicit FontScope(Font f) { ImGui::PushFont(theme().font(f)); }
    ~FontScope() { ImGui::PopFont(); }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;
};

}  // namespace waserda::ui
