// A screen of the till. draw() frames the screen's window in the content area (below the status
// bar) and calls drawContent(); a screen reads App::state() and calls App intents, never the store
// or a device.
#pragma once

#include "pos/core/user.hpp"

#include <imgui.h>

#include <optional>
#include <string>

namespace waserda::ui {

class App;

class View {
public:
    explicit View(std::string id) : id_(std::move(id)) {}
    virtual ~View() = default;
    View(const View&) = delete;
    View& operator=(const View&) = delete;

    const std::string& id() const { return id_; }
    virtual std::string title() const = 0;                  // translated
    // Shown in the menu to users whose role allows this (nullopt: everyone logged in).
    virtual std::optional<core::Permission> permission() const { return std::nullopt; }
    virtual bool in_menu() const { return false; }
    virtual bool needs_shift() const { return false; }      // selling screens need an open shift
    virtual void on_show(App&) {}                           // each time the screen is entered
    // A scan (USB/serial scanner, or a wedge the app detected) while this screen is shown: true
    // when the screen took it; false lets the checkout have it (the cart).
    virtual bool on_scan(App&, const std::string& /*code*/) { return false; }

    void draw(App& app, ImVec2 pos, ImVec2 size);

protected:
    virtual void drawContent(App& app) = 0;
    ImVec2 content_size() const { return size_; }

private:
    std::string id_;
    ImVec2 size_{};
};

// A modal dialog over the current screen (approval PIN, line edit, QRIS...).
class Dialog {
public:
    virtual ~Dialog() = default;
    virtual std::string title() const = 0;
    virtual ImVec2 size(ImVec2 display) const = 0;
    // Returns false when the dialog is done and should close.
    virtual bool draw(App& app) = 0;
};

}  // namespace waserda::ui
