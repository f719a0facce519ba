// What a receipt printer says about itself, decoded from ESC/POS real-time status (DLE EOT n).
// Pure: no I/O, so the byte meanings are unit tested without a printer.
#pragma once

#include "pos/core/result.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace waserda::drivers {

struct PrinterStatus {
    bool online = true;
    bool cover_open = false;
    bool paper_out = false;
    bool paper_near_end = false;
    bool drawer_open = false;
    bool error = false;  // cutter jam, head overheat... (DLE EOT 2 bit 6)

    friend bool operator==(const PrinterStatus&, const PrinterStatus&) = default;
};

// DLE EOT n: the real-time status request. n = 1 printer, 2 offline cause, 4 paper roll sensor.
inline constexpr uint8_t kDle = 0x10;
inline constexpr uint8_t kEot = 0x04;

// Every status byte has bits 1 and 4 set and bits 0 and 7 clear; anything else is not a status
// reply (a late byte of another answer, line noise) and must not be trusted.
bool is_status_byte(uint8_t b);

// Folds one DLE EOT n reply into the status. Returns false when the byte is not a status byte.
// The drawer pin polarity depends on the drawer model: most report "open" with pin 3 LOW, which
// is bit 2 clear; `drawer_open_when_high` flips that for the others.
bool apply_status_reply(PrinterStatus& status, uint8_t n, uint8_t reply, bool drawer_open_when_high = false);

// The one sentence a cashier should read when the printer cannot print, or nothing when it can.
// Paper near end is a warning, not a problem: printing continues.
std::optional<core::Error> status_problem(const PrinterStatus& status);

// A short line for logs and the `waserda devices` listing: "online, kertas hampir habis".
std::string describe_status(const PrinterStatus& status);

}  // namespace waserda::drivers
