// Drives the real screens without a window or GL: an ImGui context with a fixed DisplaySize, the
// real fonts (the atlas is built on the CPU), and synthetic input. ImGui 1.86 has no input event
// queue (AddKeyEvent came in 1.87), so input is set frame by frame on io.KeysDown / MouseDown /
// MousePos, as the GLFW backend does. Tests and the benchmark use it.
#pragma once

#include "pos/ui/app.hpp"

#include <imgui.h>

#include <string>
#include <string_view>

namespace waserda::ui {

class HeadlessUi {
public:
    explicit HeadlessUi(int width, int height, const std::string& assets_dir = WASERDA_ASSETS_DIR);
    ~HeadlessUi();
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // One frame: NewFrame, the app's frame, Render.
    void frame(App& app);
    void frames(App& app, int n);
    // Taps the widget registered as `id` in the last frame (hover, press, release, settle).
    // False when no such widget is on screen.
    bool tap(App& app, std::string_view id);
    bool visible(std::string_view id) const;
    // Types text as a keyboard-wedge scanner or a keyboard would (characters in one frame).
    void type(App& app, std::string_view text);
    // Presses and releases a key (ui::keys codes).
    void press(App& app, int key);
    // A scan: the digits then Enter, as a wedge scanner sends them.
    void scan(App& app, std::string_view code);

    ImDrawData* draw_data() const { return ImGui::GetDrawData(); }
    ImGuiContext* context() const { return ctx_; }

private:
    ImGuiContext* ctx_ = nullptr;
};

}  // namespace waserda::ui
