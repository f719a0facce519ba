// Printer profiles: what a receipt printer model can do, kept as data in assets/printers/*.json.
// A printer we do not know gets a generic profile that every ESC/POS printer we met can print.
#pragma once

#include "pos/core/result.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace waserda::drivers {

struct UsbId {
    uint16_t vid = 0;
    uint16_t pid = 0;
    friend bool operator==(const UsbId&, const UsbId&) = default;
};

struct PrinterProfile {
    std::string id;                 // "epson-tm-t20", the file name without .json
    std::string name;               // "Epson TM-T20"
    int paper_mm = 58;
    int dots = 384;                 // printable width in dots (8 dots/mm)
    int columns_a = 32;             // characters per line in font A (12 dots wide)
    int columns_b = 42;             // ... in font B (9 dots wide)
    bool cut = false;               // has an auto-cutter (GS V)
    bool partial_cut = false;
    bool drawer = true;             // has a cash-drawer port (ESC p)
    bool qr = false;                // prints QR codes itself (GS ( k); else we send them as images
    bool graphics = true;           // raster images (GS v 0)
    bool buzzer = false;            // ESC B n t
    int cut_feed_lines = 4;         // lines to feed so the last printed line clears the cutter
    std::string code_page = "CP437";           // the table text is encoded to
    std::map<std::string, int> code_pages;     // table name -> its ESC t number on this model
    std::vector<UsbId> usb;                    // USB vendor:product ids of this model, where known

    int columns(bool font_b = false) const { return font_b ? columns_b : columns_a; }
    // ESC t number of the profile's code page (0 when unknown: CP437 is table 0 everywhere).
    int code_page_number() const;
};

// Reads one profile from its JSON text. Missing fields keep the generic defaults above.
core::Result<PrinterProfile> parse_profile(std::string_view json_text, std::string_view id = {});

// The safe profile for a printer we know nothing about: 58 mm, 384 dots, CP437, no QR (QR codes
// go out as raster images, which every printer with graphics prints), no cutter, drawer pulse on.
PrinterProfile generic_profile(int paper_mm = 58);

class PrinterProfiles {
public:
    // Every *.json in dir. A file that does not parse is an error naming it.
    static core::Result<PrinterProfiles> load(const std::string& dir);
    // The profiles under the built-in assets folder (WASERDA_ASSETS_DIR, or $WASERDA_ASSETS),
    // read once; only the generic profiles if that folder cannot be read.
    static const PrinterProfiles& installed();

    const std::vector<PrinterProfile>& all() const { return profiles_; }
    const PrinterProfile* find(std::string_view id) const;
    // The profile of that USB id, or the generic one.
    const PrinterProfile& profile_for(uint16_t vid, uint16_t pid) const;
    const PrinterProfile& generic() const { return generic_; }

private:
    std::vector<PrinterProfile> profiles_;
    PrinterProfile generic_ = generic_profile();
};

// PrinterProfiles::installed().profile_for(vid, pid).
const PrinterProfile& profile_for(uint16_t vid, uint16_t pid);

}  // namespace waserda::drivers
