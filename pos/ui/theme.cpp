#include "pos/ui/theme.hpp"

#include "pos/ui/keys.hpp"

#include <algorithm>
#include <filesystem>

namespace waserda::ui {

Theme& theme() {
    static Theme t;
    return t;
}

float scale_for(int width, int height) {
    float s = std::min(width / 1366.0f, height / 768.0f);
    return std::clamp(s, 0.8f, 2.0f);   // text stays readable on a 1024x768 panel
}

namespace {

// Latin plus the few symbols the screens use (bullets, dots of a hidden PIN, arrows, dashes).
const ImWchar* glyph_ranges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
        for (ImWchar c : {0x2013, 0x2014, 0x2022, 0x2026, 0x2190, 0x2191, 0x2192, 0x2193, 0x21B5, 0x2713, 0x2715, 0x25CF, 0x232B})
            b.AddChar(c);
        b.BuildRanges(&ranges);
    }
    return ranges.Data;
}

ImFont* add_font(const std::string& path, float px) {
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), px, &cfg, glyph_ranges());
}

void apply_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 8;
    style.PopupRounding = 8;
    style.GrabRounding = 8;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 0;
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(14, 12);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 8);
    style.ScrollbarSize = 28;   // a finger must be able to drag it
    style.GrabMinSize = 40;
    style.TouchExtraPadding = ImVec2(2, 2);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImColor(colors::Panel);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Text] = ImColor(colors::Text);
    c[ImGuiCol_TextDisabled] = ImColor(colors::Muted);
    c[ImGuiCol_Button] = ImColor(colors::PanelDark);
    c[ImGuiCol_ButtonHovered] = ImColor(IM_COL32(210, 216, 226, 255));
    c[ImGuiCol_ButtonActive] = ImColor(IM_COL32(180, 190, 205, 255));
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImColor(IM_COL32(200, 205, 212, 255));
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.12f, 0.15f, 0.55f);
    c[ImGuiCol_ScrollbarBg] = ImColor(colors::Panel);
    c[ImGuiCol_ScrollbarGrab] = ImColor(IM_COL32(170, 178, 190, 255));
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace

bool load_theme(const std::string& assets_dir, float scale) {
    Theme& t = theme();
    t.scale = scale;
    t.touch = std::max(48.0f, 56.0f * scale);
    t.gap = 8.0f * scale;
    t.status_bar = std::max(40.0f, 46.0f * scale);
    apply_style(scale);
    keys::install_key_map();

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string dir = assets_dir + "/fonts/";
    bool ok = std::filesystem::exists(dir + "DejaVuSans.ttf") && std::filesystem::exists(dir + "DejaVuSans-Bold.ttf") &&
              std::filesystem::exists(dir + "DejaVuSansMono.ttf");
    if (ok) {
        t.fonts[int(Font::Body)] = add_font(dir + "DejaVuSans.ttf", 22 * scale);
        t.fonts[int(Font::Bold)] = add_font(dir + "DejaVuSans-Bold.ttf", 22 * scale);
        t.fonts[int(Font::Large)] = add_font(dir + "DejaVuSans-Bold.ttf", 30 * scale);
        t.fonts[int(Font::Huge)] = add_font(dir + "DejaVuSans-Bold.ttf", 46 * scale);
        t.fonts[int(Font::Mono)] = add_font(dir + "DejaVuSansMono.ttf", 20 * scale);
        for (ImFont* f : t.fonts) ok = ok && f != nullptr;
    }
    if (!ok) {
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = 13 * 2 * scale;
        ImFont* f = io.Fonts->AddFontDefault(&cfg);
        for (ImFont*& slot : t.fonts) slot = f;
    }
    io.FontDefault = t.fonts[int(Font::Body)];
    return ok;
}

namespace keys {
void install_key_map() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = Left;
    io.KeyMap[ImGuiKey_RightArrow] = Right;
    io.KeyMap[ImGuiKey_UpArrow] = Up;
    io.KeyMap[ImGuiKey_DownArrow] = Down;
    io.KeyMap[ImGuiKey_PageUp] = PageUp;
    io.KeyMap[ImGuiKey_PageDown] = PageDown;
    io.KeyMap[ImGuiKey_Home] = Home;
    io.KeyMap[ImGuiKey_End] = End;
    io.KeyMap[ImGuiKey_Delete] = Delete;
    io.KeyMap[ImGuiKey_Backspace] = Backspace;
    io.KeyMap[ImGuiKey_Space] = Space;
    io.KeyMap[ImGuiKey_Enter] = Enter;
    io.KeyMap[ImGuiKey_Escape] = Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = KeypadEnter;
    io.KeyMap[ImGuiKey_A] = A;
    io.KeyMap[ImGuiKey_C] = C;
    io.KeyMap[ImGuiKey_V] = V;
    io.KeyMap[ImGuiKey_X] = X;
    io.KeyMap[ImGuiKey_Y] = Y;
    io.KeyMap[ImGuiKey_Z] = Z;
}
}  // namespace keys

}  // namespace waserda::ui
