#include "pos/ui/headless.hpp"

#include "pos/ui/keys.hpp"
#include "pos/ui/theme.hpp"
#include "pos/ui/widgets.hpp"

namespace waserda::ui {

HeadlessUi::HeadlessUi(int width, int height, const std::string& assets_dir) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(width), float(height));
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigInputTextCursorBlink = false;
    load_theme(assets_dir, scale_for(width, height));
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);   // builds the atlas; no GPU needed
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(intptr_t(1)));
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    hits().set_enabled(true);
}

HeadlessUi::~HeadlessUi() {
    hits().set_enabled(false);
    ImGui::DestroyContext(ctx_);
}

void HeadlessUi::frame(App& app) {
    ImGui::SetCurrentContext(ctx_);
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
}

void HeadlessUi::frames(App& app, int n) {
    for (int i = 0; i < n; ++i) frame(app);
}

bool HeadlessUi::visible(std::string_view id) const { return hits().find(id) != nullptr; }

bool HeadlessUi::tap(App& app, std::string_view id) {
    const HitRect* r = hits().find(id);
    if (!r) return false;
    ImVec2 c = r->center();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = c;
    frame(app);
    io.MouseDown[0] = true;
    frame(app);
    io.MouseDown[0] = false;
    frame(app);
    // A touch screen has no hover: the finger leaves.
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frames(app, 2);
    return true;
}

void HeadlessUi::type(App& app, std::string_view text) {
    ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
    frames(app, 2);   // screens that react to typing (search) show the result one frame later
}

void HeadlessUi::press(App& app, int key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[key] = true;
    frame(app);
    io.KeysDown[key] = false;
    frames(app, 2);
}

void HeadlessUi::scan(App& app, std::string_view code) {
    type(app, code);
    press(app, keys::Enter);
}

}  // namespace waserda::ui
