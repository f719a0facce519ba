// HID POS scanners (usage page 0x8C, "Bar Code Scanner") send the whole code in input reports
// instead of key presses. The layout of the report is the maker's; the two below are the ones
// whose layout is documented. Pure: fed by the libusb reader and by tests.
#pragma once

#include "drivers/scanner/scan_event.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace waserda::drivers {

enum class HidPosFormat {
    // Symbol/Zebra style: byte 0 = number of code bytes in this report, then the bytes (rest is
    // zero padding). A report shorter than its length byte says continues in the next report.
    LengthPrefixed,
    // Honeywell style, 64-byte report ID 2: [0x02][len][56 data bytes][3-byte AIM id][code id]
    // [reserved][flags]; bit 0 of the last byte set means more data follows in the next report.
    Honeywell,
};

class HidPosDecoder {
public:
    explicit HidPosDecoder(HidPosFormat format, AffixOptions affixes = {});
    // Returns the code when the last report of a scan arrives.
    std::optional<std::string> feed(std::span<const uint8_t> report);
    // The AIM symbology identifier of the last Honeywell code ("]E0" is EAN-13), if any.
    const std::string& symbology() const { return symbology_; }
    void reset();

private:
    std::optional<std::string> complete();

    HidPosFormat format_;
    AffixOptions affixes_;
    std::string buffer_;
    std::string symbology_;
};

}  // namespace waserda::drivers
