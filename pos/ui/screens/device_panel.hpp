// The devices part of the settings — receipt printer and its profile, paper width, logo, footer,
// scanner, cash drawer, test print — drawn by the admin's settings screen and by the first-run
// wizard alike. It edits a draft; the caller saves it (Shop::update_settings) and applies it.
#pragma once

#include "pos/core/settings.hpp"

namespace waserda::ui {

class App;

// Draws the device choices into the current window. `id_prefix` names its widgets in the hit
// registry ("settings.devices", "wizard.devices"). True when the draft changed.
bool draw_device_panel(App& app, core::ShopSettings& draft, const char* id_prefix);

// The admin's own devices screen "settings.devices" (ManageSettings): the panel with Save and Back.
// Called from add_builtin_screens (screens.cpp).
void add_device_screens(App& app);

}  // namespace waserda::ui
