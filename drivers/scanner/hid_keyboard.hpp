// Decodes HID boot-keyboard reports (8 bytes: modifiers, reserved, six key usages) from a scanner
// in keyboard mode into codes. Pure: fed by the libusb reader and by tests alike.
#pragma once

#include "drivers/scanner/scan_event.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace waserda::drivers {

struct HidKeyboardOptions {
    AffixOptions affixes;
    bool enter_terminates = true;   // Enter and keypad Enter
    bool tab_terminates = true;     // some scanners are set to end with Tab
    std::size_t max_length = 256;   // a stuck scanner must not grow a code forever
};

// US layout, which is what scanners send. 0 for keys that are not characters (F1, arrows...).
char usage_to_ascii(uint8_t usage, bool shift);

class HidKeyboardDecoder {
public:
    explicit HidKeyboardDecoder(HidKeyboardOptions options = {});

    // Feeds one report. A key counts when it appears in a report and was not in the previous one
    // (held keys repeat in every report). Returns the code when a terminator is pressed; an empty
    // code is ignored.
    std::optional<std::string> feed(std::span<const uint8_t> report);
    void reset();
    const std::string& partial() const { return buffer_; }

private:
    HidKeyboardOptions options_;
    std::array<uint8_t, 6> previous_{};
    std::string buffer_;
};

}  // namespace waserda::drivers
