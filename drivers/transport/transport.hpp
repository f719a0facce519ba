// PrinterTransport: how ESC/POS bytes reach a receipt printer (USB, raw TCP 9100, a device file).
// Every failure is a value carrying one plain Indonesian sentence (core::tr), never an exception:
// an unplugged printer is a normal afternoon in a shop.
#pragma once

#include "drivers/transport/printer_status.hpp"
#include "pos/core/result.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace waserda::drivers {

// Printers have small buffers and some USB stacks cannot follow larger bulk transfers
// (see shared/notes/usb-testing.md); every transport sends at most this much at a time.
inline constexpr std::size_t kMaxChunk = 16 * 1024;

class PrinterTransport {
public:
    virtual ~PrinterTransport() = default;

    // Sends every byte or fails. A failure may happen after part of the bytes went out; the print
    // queue then reprints the whole job, which is what a cashier expects from a torn receipt.
    virtual core::Status write(std::span<const uint8_t> bytes) = 0;

    // Asks the printer for its real-time status (DLE EOT 1, 2, 4). Stale bytes still waiting from
    // an earlier answer are drained first so they are not mistaken for this one.
    virtual core::Result<PrinterStatus> query_status() = 0;

    // False when the link cannot read back (a write-only device file): query_status then fails
    // and callers should not treat that as a problem of the printer.
    virtual bool supports_status() const { return true; }

    // "USB 0416:5011 (POS58 Printer)", "TCP 192.168.1.50:9100", "file /dev/usb/lp0".
    virtual std::string describe() const = 0;
};

// Sentences shared by the transports (the Indonesian text is the translation key).
namespace printer_errors {
core::Error not_connected();          // no device, unplugged, connection refused
core::Error busy();                   // another driver or program holds it
core::Error permission();             // udev rule missing
core::Error timeout();                // it stopped answering
core::Error no_status_support();      // link is write-only
core::Error io(const std::string& detail);  // anything else, with a technical detail in brackets
}  // namespace printer_errors

// Sends `bytes` through `send_chunk` at most kMaxChunk at a time, stopping at the first failure.
template <typename SendChunk>
core::Status write_in_chunks(std::span<const uint8_t> bytes, SendChunk&& send_chunk) {
    while (!bytes.empty()) {
        const std::size_t n = bytes.size() < kMaxChunk ? bytes.size() : kMaxChunk;
        core::Status s = send_chunk(bytes.first(n));
        if (!s) return s;
        bytes = bytes.subspan(n);
    }
    return core::ok_status();
}

}  // namespace waserda::drivers
