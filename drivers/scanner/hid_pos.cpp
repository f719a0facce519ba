#include "drivers/scanner/hid_pos.hpp"

#include <algorithm>

namespace waserda::drivers {

HidPosDecoder::HidPosDecoder(HidPosFormat format, AffixOptions affixes)
    : format_(format), affixes_(std::move(affixes)) {}

void HidPosDecoder::reset() {
    buffer_.clear();
    symbology_.clear();
}

std::optional<std::string> HidPosDecoder::complete() {
    std::string code = std::move(buffer_);
    buffer_.clear();
    // Scanners configured with a CR/LF suffix keep sending it in POS mode too.
    while (!code.empty() && (code.back() == '\r' || code.back() == '\n' || code.back() == '\0')) code.pop_back();
    code = strip_affixes(std::move(code), affixes_);
    if (code.empty()) return std::nullopt;
    return code;
}

std::optional<std::string> HidPosDecoder::feed(std::span<const uint8_t> r) {
    switch (format_) {
    case HidPosFormat::LengthPrefixed: {
        if (r.empty()) return std::nullopt;
        const std::size_t len = r[0];
        const std::size_t room = r.size() - 1;
        const std::size_t n = len < room ? len : room;
        buffer_.append(reinterpret_cast<const char*>(r.data() + 1), n);
        if (len > room) return std::nullopt;  // the code goes on in the next report
        return complete();
    }
    case HidPosFormat::Honeywell: {
        constexpr std::size_t kData = 2, kDataMax = 56, kAim = 58;
        if (r.size() < 2 || r[0] != 0x02) return std::nullopt;
        const std::size_t n = std::min<std::size_t>({r[1], kDataMax, r.size() - kData});
        buffer_.append(reinterpret_cast<const char*>(r.data() + kData), n);
        if (r.size() >= kAim + 3) {
            symbology_.clear();
            for (std::size_t i = kAim; i < kAim + 3 && r[i] != 0; ++i) symbology_.push_back(static_cast<char>(r[i]));
        }
        const bool more = r.size() >= 64 && (r[63] & 0x01) != 0;
        if (more) return std::nullopt;
        return complete();
    }
    }
    return std::nullopt;
}

}  // namespace waserda::drivers
