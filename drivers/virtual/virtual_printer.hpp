// VirtualPrinter: an ESC/POS interpreter that prints onto a picture and into text instead of paper.
// It reads what any ESC/POS software sends (not only our encoder): styles, code tables, barcodes,
// QR codes, raster and column images, graphics, user-defined characters, cuts and drawer pulses.
// Commands it does not draw are skipped by their length, so the rest of the stream still prints.
//
// The text output is UTF-8, one printed line per line; what is not text appears as markers:
// [EAN13 8991234567890], [CODE128 T01-20261122-0007], [QR ...], [IMAGE 300x236], [CUT],
// [PARTIAL CUT], [DRAWER], [BEEP], [PDF417 ...].
#pragma once

#include "drivers/escpos/image.hpp"
#include "pos/core/result.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace waserda::drivers {

struct VirtualPrinterOptions {
    int paper_dots = 576;        // 384 (58 mm) or 576 (80 mm)
    std::string font_dir;        // empty: the fonts under the assets folder
};

class VirtualPrinter {
public:
    explicit VirtualPrinter(VirtualPrinterOptions opt = {});
    ~VirtualPrinter();
    VirtualPrinter(const VirtualPrinter&) = delete;
    VirtualPrinter& operator=(const VirtualPrinter&) = delete;

    // Interprets bytes; a command cut short waits for the next call.
    void feed(std::span<const uint8_t> bytes);
    // Prints what is left in the line buffer (a printer does so when the job ends).
    void finish();

    std::string text() const;                       // lines joined by '\n', ending with one
    const std::vector<std::string>& lines() const;
    GrayImage picture() const;
    core::Status write_png(const std::string& path) const;

    int cuts() const;
    int drawer_pulses() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct Rendering {
    std::string text;
    GrayImage picture;
};

// One whole job: feed + finish.
Rendering render_escpos(std::span<const uint8_t> bytes, int paper_dots = 576);

// The default font folder: WASERDA_ASSETS_DIR/fonts (or $WASERDA_ASSETS/fonts).
std::string default_font_dir();

}  // namespace waserda::drivers
