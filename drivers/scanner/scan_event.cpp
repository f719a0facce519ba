#include "drivers/scanner/scan_event.hpp"

namespace waserda::drivers {

std::string strip_affixes(std::string code, const AffixOptions& a) {
    if (!a.prefix.empty() && code.size() >= a.prefix.size() && code.compare(0, a.prefix.size(), a.prefix) == 0)
        code.erase(0, a.prefix.size());
    if (!a.suffix.empty() && code.size() >= a.suffix.size() &&
        code.compare(code.size() - a.suffix.size(), a.suffix.size(), a.suffix) == 0)
        code.erase(code.size() - a.suffix.size());
    return code;
}

void ScanQueue::push(ScanEvent e) {
    {
        std::lock_guard lock(mutex_);
        events_.push_back(std::move(e));
    }
    ready_.notify_all();
}

std::optional<ScanEvent> ScanQueue::try_pop() {
    std::lock_guard lock(mutex_);
    if (events_.empty()) return std::nullopt;
    ScanEvent e = std::move(events_.front());
    events_.pop_front();
    return e;
}

std::optional<ScanEvent> ScanQueue::pop_for(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!ready_.wait_for(lock, timeout, [&] { return !events_.empty(); })) return std::nullopt;
    ScanEvent e = std::move(events_.front());
    events_.pop_front();
    return e;
}

std::size_t ScanQueue::size() const {
    std::lock_guard lock(mutex_);
    return events_.size();
}

}  // namespace waserda::drivers
