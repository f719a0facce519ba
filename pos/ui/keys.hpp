// Key codes the screens listen to. ImGui 1.86 indexes io.KeysDown by the platform's native codes;
// the app uses GLFW's, so these mirror GLFW_KEY_* (main.cpp static_asserts they match) and the
// headless harness presses the same numbers without needing GLFW.
#pragma once

namespace waserda::ui::keys {

inline constexpr int Space = 32;
inline constexpr int Escape = 256;
inline constexpr int Enter = 257;
inline constexpr int Tab = 258;
inline constexpr int Backspace = 259;
inline constexpr int Delete = 261;
inline constexpr int Right = 262;
inline constexpr int Left = 263;
inline constexpr int Down = 264;
inline constexpr int Up = 265;
inline constexpr int PageUp = 266;
inline constexpr int PageDown = 267;
inline constexpr int Home = 268;
inline constexpr int End = 269;
inline constexpr int F1 = 290;
inline constexpr int F2 = 291;
inline constexpr int F3 = 292;
inline constexpr int F4 = 293;
inline constexpr int F5 = 294;
inline constexpr int F6 = 295;
inline constexpr int F7 = 296;
inline constexpr int F8 = 297;
inline constexpr int F9 = 298;
inline constexpr int F10 = 299;
inline constexpr int F11 = 300;
inline constexpr int F12 = 301;
inline constexpr int KeypadEnter = 335;
inline constexpr int A = 65;
inline constexpr int C = 67;
inline constexpr int V = 86;
inline constexpr int X = 88;
inline constexpr int Y = 89;
inline constexpr int Z = 90;

// Fills io.KeyMap so ImGui's own widgets (InputText) understand these codes.
void install_key_map();

}  // namespace waserda::ui::keys
