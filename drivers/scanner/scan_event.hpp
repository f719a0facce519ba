// A scan as the checkout sees it: one event with the code and the device it came from, whatever
// the scanner (HID keyboard through libusb, HID POS, CDC-ACM serial, keyboard wedge in the window).
#pragma once

#include "pos/core/result.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace waserda::drivers {

struct ScanEvent {
    std::string code;    // the barcode, without prefix, suffix or terminator
    std::string source;  // "USB 0c2e:0b61 (Honeywell Xenon)", "serial /dev/ttyACM0", "keyboard"

    friend bool operator==(const ScanEvent&, const ScanEvent&) = default;
};

// Called on the reader's thread.
using ScanCallback = std::function<void(ScanEvent)>;
// A reader reports a problem (unplugged, busy) or its recovery (empty error) here.
using ScannerStatusCallback = std::function<void(const std::string& source, const std::optional<core::Error>& error)>;

// Scanners can be programmed to add a prefix or suffix (a store code, a symbology letter);
// Waserda removes the configured ones so the code matches the catalogue.
struct AffixOptions {
    std::string prefix;
    std::string suffix;
};
std::string strip_affixes(std::string code, const AffixOptions& affixes);

// A thread-safe mailbox between reader threads and the UI loop: readers push, the UI pops each
// frame (or a test waits with a deadline).
class ScanQueue {
public:
    void push(ScanEvent e);
    std::optional<ScanEvent> try_pop();
    std::optional<ScanEvent> pop_for(std::chrono::milliseconds timeout);
    std::size_t size() const;
    ScanCallback callback() { return [this](ScanEvent e) { push(std::move(e)); }; }

private:
    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<ScanEvent> events_;
};

}  // namespace waserda::drivers
