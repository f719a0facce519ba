#include "drivers/scanner/wedge_detector.hpp"

namespace waserda::drivers {

KeyboardWedgeDetector::KeyboardWedgeDetector(WedgeOptions options) : options_(std::move(options)) {}

WedgeOutput KeyboardWedgeDetector::feed(const WedgeKey& key) {
    WedgeOutput out;
    // A pause inside the burst: what was held is typing, this key may start a new burst.
    if (!held_.empty() && key.t_ms - last_ms_ > options_.max_gap_ms) {
        out.typed = std::move(held_);
        held_.clear();
    }
    if (key.enter) {
        if (held_.size() >= options_.min_length) {
            std::string code = strip_affixes(std::move(held_), options_.affixes);
            if (!code.empty()) out.scan = std::move(code);
        } else {
            out.typed += held_;
            out.typed += '\n';
        }
        held_.clear();
        return out;
    }
    held_.push_back(key.ch);
    last_ms_ = key.t_ms;
    return out;
}

WedgeOutput KeyboardWedgeDetector::flush(int64_t now_ms) {
    WedgeOutput out;
    if (!held_.empty() && now_ms - last_ms_ > options_.max_gap_ms) {
        out.typed = std::move(held_);
        held_.clear();
    }
    return out;
}

}  // namespace waserda::drivers
