#include "drivers/scanner/hid_keyboard.hpp"

#include <algorithm>

namespace waserda::drivers {

namespace {
constexpr uint8_t kEnter = 0x28, kTab = 0x2B, kKeypadEnter = 0x58;
constexpr uint8_t kErrorRollOver = 0x01;
constexpr uint8_t kLeftShift = 0x02, kRightShift = 0x20;
}  // namespace

char usage_to_ascii(uint8_t u, bool shift) {
    if (u >= 0x04 && u <= 0x1D) return static_cast<char>((shift ? 'A' : 'a') + (u - 0x04));
    if (u >= 0x1E && u <= 0x27) {
        static constexpr char plain[] = "1234567890";
        static constexpr char shifted[] = "!@#$%^&*()";
        return (shift ? shifted : plain)[u - 0x1E];
    }
    if (u >= 0x2C && u <= 0x38) {
        // space - = [ ] \ #(non-US) ; ' ` , . /
        static constexpr char plain[] = " -=[]\\#;'`,./";
        static constexpr char shifted[] = " _+{}|~:\"~<>?";
        return (shift ? shifted : plain)[u - 0x2C];
    }
    // Keypad: scanners in "keypad emulation" send digits here, Num Lock or not.
    if (u >= 0x59 && u <= 0x61) return static_cast<char>('1' + (u - 0x59));
    switch (u) {
    case 0x54: return '/';
    case 0x55: return '*';
    case 0x56: return '-';
    case 0x57: return '+';
    case 0x62: return '0';
    case 0x63: return '.';
    default: return 0;
    }
}

HidKeyboardDecoder::HidKeyboardDecoder(HidKeyboardOptions options) : options_(std::move(options)) {}

void HidKeyboardDecoder::reset() {
    previous_ = {};
    buffer_.clear();
}

std::optional<std::string> HidKeyboardDecoder::feed(std::span<const uint8_t> report) {
    // A 9-byte report carries a report ID first.
    if (report.size() == 9) report = report.subspan(1);
    if (report.size() < 3) return std::nullopt;
    const bool shift = (report[0] & (kLeftShift | kRightShift)) != 0;
    std::array<uint8_t, 6> keys{};
    for (std::size_t i = 2; i < report.size() && i < 8; ++i) keys[i - 2] = report[i];
    // Phantom state: too many keys at once; the report says nothing about which.
    if (std::all_of(keys.begin(), keys.end(), [](uint8_t k) { return k == kErrorRollOver; })) return std::nullopt;

    std::optional<std::string> done;
    for (uint8_t k : keys) {
        if (k == 0 || std::find(previous_.begin(), previous_.end(), k) != previous_.end()) continue;
        const bool terminator = ((k == kEnter || k == kKeypadEnter) && options_.enter_terminates) ||
                                (k == kTab && options_.tab_terminates);
        if (terminator) {
            std::string code = strip_affixes(std::move(buffer_), options_.affixes);
            buffer_.clear();
            if (!code.empty()) done = std::move(code);
            continue;
        }
        const char c = usage_to_ascii(k, shift);
        if (c != 0 && buffer_.size() < options_.max_length) buffer_.push_back(c);
    }
    previous_ = keys;
    return done;
}

}  // namespace waserda::drivers
