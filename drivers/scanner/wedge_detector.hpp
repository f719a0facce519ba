// Keyboard-wedge fallback inside the POS window: a scanner that cannot be read through libusb
// types like a keyboard, only much faster. Given keys with the time they arrived (the caller's
// clock, so this is pure and testable), a fast burst ending in Enter is a scan; anything slower is
// a person typing and is handed back to the focused field.
#pragma once

#include "drivers/scanner/scan_event.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace waserda::drivers {

struct WedgeOptions {
    int64_t max_gap_ms = 50;     // scanners send a key every 1-20 ms; people rarely beat 80 ms
    std::size_t min_length = 4;  // shorter bursts are a person's quick "12⏎"
    AffixOptions affixes;
};

struct WedgeKey {
    char ch = 0;          // the character; ignored when enter is true
    bool enter = false;
    int64_t t_ms = 0;     // when it arrived
};

// What the UI does with held-back keys: `typed` goes to the focused field as if typed now ('\n'
// stands for Enter); `scan` is a code for the checkout.
struct WedgeOutput {
    std::string typed;
    std::optional<std::string> scan;
};

class KeyboardWedgeDetector {
public:
    explicit KeyboardWedgeDetector(WedgeOptions options = {});

    // Holds fast keys back until it knows whether they are a scan.
    WedgeOutput feed(const WedgeKey& key);
    // Called every frame: keys held longer than the gap are typing after all.
    WedgeOutput flush(int64_t now_ms);
    bool holding() const { return !held_.empty(); }

private:
    WedgeOptions options_;
    std::string held_;
    int64_t last_ms_ = 0;
};

}  // namespace waserda::drivers
