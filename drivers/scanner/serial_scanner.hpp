// A CDC-ACM (USB serial) scanner: the kernel's cdc_acm driver gives /dev/ttyACM*, the scanner
// sends each code as a line. Raw termios (no echo, no line editing), read on a thread, one
// ScanEvent per line. Reopens the port after an unplug.
#pragma once

#include "drivers/scanner/scan_event.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace waserda::drivers {

struct SerialScannerOptions {
    std::string path = "/dev/ttyACM0";
    int baud = 9600;                    // ignored by real CDC-ACM, used by RS-232 adapters
    AffixOptions affixes;
    std::chrono::milliseconds poll{200};
    std::chrono::milliseconds reopen_interval{1000};
};

class SerialScanner {
public:
    SerialScanner(SerialScannerOptions options, ScanCallback on_scan, ScannerStatusCallback on_status = {});
    ~SerialScanner();
    SerialScanner(const SerialScanner&) = delete;
    SerialScanner& operator=(const SerialScanner&) = delete;

    core::Status start();  // opens the port now; fails when it cannot
    void stop();
    std::string source() const;  // "serial /dev/ttyACM0"

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Splits bytes from a serial scanner into codes at CR, LF or CR LF. Pure, for the reader and tests.
class LineAssembler {
public:
    explicit LineAssembler(AffixOptions affixes = {}, std::size_t max_length = 256);
    // Calls `emit` for every complete non-empty line in `bytes`.
    template <typename Emit>
    void feed(std::string_view bytes, Emit&& emit) {
        for (char c : bytes) {
            if (c == '\r' || c == '\n') {
                if (!line_.empty()) {
                    std::string code = strip_affixes(std::move(line_), affixes_);
                    line_.clear();
                    if (!code.empty()) emit(std::move(code));
                }
            } else if (c != '\0' && line_.size() < max_length_) {
                line_.push_back(c);
            }
        }
    }

private:
    AffixOptions affixes_;
    std::size_t max_length_;
    std::string line_;
};

}  // namespace waserda::drivers
